// The one sentence for text that cannot be an app identifier: short enough for a quick input's title, and it says what to do.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/shared/l10n';
import { appIdProblem } from '../../../src/apps/appIdProblem';
import { frenchL10n } from '../frenchL10n';

// About what a quick input's title shows in a 600-pixel-wide widget without cutting it off.
const TITLE_ROOM = 110;

describe('appIdProblem', () => {
	test('an identifier is accepted, trimmed or not', () => {
		assert.equal(appIdProblem('ios-app-id', englishL10n), undefined);
		assert.equal(appIdProblem('  ios-app-id ', englishL10n), undefined);
	});

	test('text with a space says what to type instead, in English and in French', () => {
		assert.equal(appIdProblem('my app', englishL10n), 'Type an app identifier (no spaces), or pick a named app.');
		assert.equal(appIdProblem('my app', frenchL10n), 'Saisissez un identifiant d\'application (sans espaces), ou choisissez une application nommée.');
		assert.equal(appIdProblem('tab\there', englishL10n), appIdProblem('my app', englishL10n));
	});

	test('empty and too long text each have their sentence, short enough for a title in both languages', () => {
		const texts = ['', 'my app', 'x'.repeat(257)];
		for (const l10n of [englishL10n, frenchL10n]) {
			const sentences = texts.map((t) => appIdProblem(t, l10n));
			assert.equal(new Set(sentences).size, texts.length);
			for (const sentence of sentences) {
				assert.ok(sentence !== undefined && sentence.length <= TITLE_ROOM, sentence);
				assert.match(sentence, /^(Type|Saisissez) /);
			}
		}
	});
});
