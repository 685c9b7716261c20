import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createFormatters } from '../../src/webview/format';

describe('createFormatters', () => {
	test('formats plain dates without moving them to another day', () => {
		const en = createFormatters('en');
		assert.equal(en.shortDate('2024-01-01'), 'Jan 1');
		assert.equal(en.longDate('2024-12-31'), 'Tue, Dec 31, 2024');
		assert.equal(en.mediumDate('2024-02-29'), 'Feb 29, 2024');
	});

	test('numbers in the display locale', () => {
		const fr = createFormatters('fr');
		assert.equal(fr.count(1234567), '1\u202f234\u202f567');
		assert.equal(fr.percent(0.052), '+5,2\u00a0%');
		assert.equal(fr.mediumDate('2024-05-30'), '30 mai 2024');
		const en = createFormatters('en');
		assert.equal(en.decimal(12.345), '12.3');
		assert.equal(en.decimal(45277.5), '45,278');
		assert.equal(en.signed(-3), '-3');
		assert.equal(en.percent(0), '0.0%');
	});

	test('percentages always have one decimal, so that they read alike side by side', () => {
		const en = createFormatters('en');
		assert.deepEqual([0.28, 0.303, 0.3, 0.296].map((v) => en.ratio(v)), ['28.0%', '30.3%', '30.0%', '29.6%']);
		assert.deepEqual([0.04, 0.042, -0.1].map((v) => en.percent(v)), ['+4.0%', '+4.2%', '-10.0%']);
		assert.equal(createFormatters('fr').ratio(0.28), '28,0\u00a0%');
	});

	test('an unknown or malformed locale falls back instead of throwing', () => {
		assert.equal(createFormatters('not a locale!').count(1000), '1,000');
		assert.equal(createFormatters('en').longDate('not-a-date'), 'not-a-date');
		assert.equal(createFormatters('en').instant('garbage'), 'garbage');
	});
});
