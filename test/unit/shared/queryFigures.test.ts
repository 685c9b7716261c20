// The one percent format: one decimal always, so that percentages side by side read alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatChange, formatRatio, percentFormat } from '../../../src/shared/queryFigures';

describe('percentFormat', () => {
	test('always one decimal: a round value keeps its ".0" next to one that has a decimal', () => {
		const percent = percentFormat('en');
		assert.deepEqual([0.28, 0.303, 0.296, 0.3, 0].map((v) => percent.format(v)), ['28.0%', '30.3%', '29.6%', '30.0%', '0.0%']);
	});

	test('signed: a plus for a rise, no sign for no change', () => {
		const signed = percentFormat('en', true);
		assert.deepEqual([0.04, 0.042, -0.01, 0].map((v) => signed.format(v)), ['+4.0%', '+4.2%', '-1.0%', '0.0%']);
	});

	test('in the display locale, and in English for a tag Intl refuses', () => {
		assert.equal(percentFormat('fr').format(0.28), '28,0\u00a0%');
		assert.equal(percentFormat('not a locale!', true).format(0.04), '+4.0%');
	});

	test('the status bar and chat texts use it', () => {
		assert.equal(formatChange(0.04, 'en'), '▲ 4.0%');
		assert.equal(formatChange(-0.0421, 'en'), '▼ 4.2%');
		assert.equal(formatRatio(0.2, 'en'), '20.0%');
	});
});
