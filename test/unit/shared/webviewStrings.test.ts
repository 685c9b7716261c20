import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WEBVIEW_STRINGS, fillPlaceholders, localizeWebviewStrings, placeholderIndexes } from '../../../src/shared/webviewStrings';
import type { L10nBundle } from '../../../src/shared/webviewStrings';
import { readJson } from '../../support/repo';

describe('WEBVIEW_STRINGS', () => {
	test('every string is non-empty, trimmed, with placeholders numbered from {0} without holes', () => {
		for (const [key, text] of Object.entries(WEBVIEW_STRINGS)) {
			assert.ok(text.length > 0 && text === text.trim(), key);
			const indexes = placeholderIndexes(text);
			assert.deepEqual(indexes, indexes.map((_, i) => i), `${key}: ${text}`);
		}
	});

	test('the strings the webview fills have the placeholders it fills', () => {
		const expected: Partial<Record<keyof typeof WEBVIEW_STRINGS, number>> = {
			appLabel: 1,
			dateRange: 2,
			instanceWithHost: 2,
			connectionOnInstance: 2,
			fromFile: 2,
			offlineCached: 1,
			cachedPending: 1,
			fromCache: 3,
			changeDetailMany: 1,
			changeNeedsRequests: 2,
			changeFetchFailed: 1,
			changeNotFetched: 1,
			provisionalNote: 1,
			gapNoteMany: 1,
			firstDataNoteOne: 1,
			firstDataNoteMany: 2,
			previousPeriodLine: 1,
			chartLabel: 6,
			chartLabelEmpty: 3,
			tableCaption: 3,
			lengthInvalid: 1,
			fetchedAt: 1,
			rateLimit: 2,
			tooltipProvisional: 1,
			tooltipValue: 2,
			loadedDays: 1,
			appsJoined: 2,
			appIdTooltip: 1,
			yearBeforeLine: 1,
			appsWithPreviousPeriod: 1,
			appsWithYearBefore: 1,
			presetWithDates: 2,
			appSourceColumn: 2,
		};
		for (const [key, text] of Object.entries(WEBVIEW_STRINGS)) {
			assert.equal(placeholderIndexes(text).length, expected[key as keyof typeof WEBVIEW_STRINGS] ?? 0, key);
		}
	});
});

describe('localizeWebviewStrings', () => {
	test('without a bundle (English), every string is the English one', () => {
		assert.deepEqual(localizeWebviewStrings(null), WEBVIEW_STRINGS);
	});

	test('looks each English string up in the bundle, and keeps English for one it lacks', () => {
		const strings = localizeWebviewStrings({ Run: 'Exécuter', 'Loaded {0} days.': '{0} jours chargés.', 'Something else': 'Autre chose' });
		assert.equal(strings.run, 'Exécuter');
		assert.equal(strings.loadedDays, '{0} jours chargés.');
		assert.equal(strings.cancel, 'Cancel');
		assert.deepEqual(Object.keys(strings), Object.keys(WEBVIEW_STRINGS));
	});

	test('with the shipped French bundle, every string is the French one', () => {
		const french = readJson('l10n/bundle.l10n.fr.json') as L10nBundle;
		const strings = localizeWebviewStrings(french);
		for (const [key, english] of Object.entries(WEBVIEW_STRINGS)) assert.equal(strings[key as keyof typeof WEBVIEW_STRINGS], french[english], key);
	});
});

describe('fillPlaceholders', () => {
	test('fills by number, in any order, more than once', () => {
		assert.equal(fillPlaceholders('{1} of {0}, {1}!', 'a', 'b'), 'b of a, b!');
	});

	test('leaves a placeholder without a value as written', () => {
		assert.equal(fillPlaceholders('{0} and {1}', 'x'), 'x and {1}');
	});

	test('inserts values verbatim, without interpreting $ patterns or braces', () => {
		assert.equal(fillPlaceholders('App {0}', "$& $' $1 {1}"), "App $& $' $1 {1}");
	});

	test('placeholderIndexes lists distinct numbers in order', () => {
		assert.deepEqual(placeholderIndexes('{2} {0} {2}'), [0, 2]);
		assert.deepEqual(placeholderIndexes('none'), []);
	});
});
