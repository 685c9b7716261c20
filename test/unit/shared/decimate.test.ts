import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decimateDays } from '../../../src/shared/decimate';

describe('decimateDays', () => {
	test('a series that fits is drawn day by day', () => {
		assert.deepEqual(decimateDays([3, null, 5], 10), [
			{ index: 0, value: 3 },
			{ index: 1, value: null },
			{ index: 2, value: 5 },
		]);
	});

	test('keeps each bucket\'s first, lowest, highest and last day, in day order', () => {
		const values = [5, 9, 1, 4, 6, 6, 2, 8];
		assert.deepEqual(decimateDays(values, 2), [
			{ index: 0, value: 5 },
			{ index: 1, value: 9 },
			{ index: 2, value: 1 },
			{ index: 3, value: 4 },
			{ index: 4, value: 6 },
			{ index: 6, value: 2 },
			{ index: 7, value: 8 },
		]);
	});

	test('a gap survives as one null, and the extremes around it stay exact', () => {
		const values = [1, 2, null, null, 7, 3, 4, 5, 6, 0];
		const drawn = decimateDays(values, 2);
		assert.deepEqual(drawn, [
			{ index: 0, value: 1 },
			{ index: 1, value: 2 },
			{ index: 2, value: null }, // One null for days 2 and 3.
			{ index: 4, value: 7 },
			{ index: 5, value: 3 },
			{ index: 8, value: 6 },
			{ index: 9, value: 0 },
		]);
	});

	test('10 years thin to a few points per bucket with the true minimum and maximum', () => {
		const values = Array.from({ length: 3650 }, (_, i) => (i === 1234 ? 99_999 : i === 2345 ? -5 : i % 100));
		const drawn = decimateDays(values, 250);
		assert.ok(drawn.length <= 4 * 250, `${drawn.length} points`);
		assert.ok(drawn.some((p) => p.index === 1234 && p.value === 99_999), 'the peak is kept');
		assert.ok(drawn.some((p) => p.index === 2345 && p.value === -5), 'the trough is kept');
		assert.equal(drawn[0]?.index, 0);
		assert.equal(drawn.at(-1)?.index, 3649);
		for (const [i, p] of drawn.entries()) if (i > 0) assert.ok(p.index > (drawn[i - 1]?.index ?? -1), 'in day order, no repeats');
	});
});
