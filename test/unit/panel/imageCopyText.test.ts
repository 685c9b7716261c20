// Copy Chart Image's failures in words: the browser's text never reaches the notification.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/shared/l10n';
import { imageCopyFailureText } from '../../../src/panel/imageCopyText';
import { frenchL10n } from '../frenchL10n';

describe('imageCopyFailureText', () => {
	test('the known failures each have their sentence, without the browser\'s text', () => {
		const cases: Array<[string, RegExp]> = [
			['this webview has no clipboard for images', /does not let a panel put images there/],
			['Document is not focused.', /lost the focus\. Click the chart and copy again/],
			['Write permission denied.', /the browser did not allow it/],
			['NotAllowedError', /the browser did not allow it/],
		];
		for (const [reason, expected] of cases) {
			const text = imageCopyFailureText(reason, englishL10n);
			assert.match(text, expected, reason);
			assert.match(text, /^The chart image could not be copied to the clipboard/);
			assert.match(text, /PNG file/);
			assert.ok(!text.includes(reason), text);
		}
	});

	test('an unknown failure gets the general sentence; all of them in French', () => {
		assert.equal(imageCopyFailureText('Something odd <a href="x">', englishL10n), 'The chart image could not be copied to the clipboard. Save it as a PNG file instead.');
		for (const reason of ['this webview has no clipboard for images', 'Document is not focused.', 'Write permission denied.', 'odd']) {
			assert.match(imageCopyFailureText(reason, frenchL10n), /^L'image du graphique n'a pas pu être copiée dans le presse-papiers/);
		}
	});
});
