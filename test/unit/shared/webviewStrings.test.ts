import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WEBVIEW_STRINGS, fillPlaceholders, placeholderIndexes } from '../../../src/shared/webviewStrings';

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
			changeDetailMany: 1,
			provisionalNote: 1,
			gapNoteMany: 1,
			chartLabel: 6,
			chartLabelEmpty: 3,
			tableCaption: 3,
			lengthInvalid: 1,
			fetchedAt: 1,
			rateLimit: 2,
			tooltipProvisional: 1,
			tooltipValue: 2,
			loadedDays: 1,
		};
		for (const [key, text] of Object.entries(WEBVIEW_STRINGS)) {
			assert.equal(placeholderIndexes(text).length, expected[key as keyof typeof WEBVIEW_STRINGS] ?? 0, key);
		}
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
