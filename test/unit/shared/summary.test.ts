import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { comparePeriods, gapBreakdown, lastDays, summarizeSeries } from '../../../src/shared/summary';
import { series } from './seriesFixtures';

describe('summarizeSeries', () => {
	test('latest complete day, average, minimum and maximum', () => {
		const summary = summarizeSeries(series('2024-05-05', [10, 30, 20, 40, 25]));
		assert.deepEqual(summary, {
			latestComplete: { date: '2024-05-05', value: 25 },
			average: 25,
			min: { date: '2024-05-01', value: 10 },
			max: { date: '2024-05-04', value: 40 },
			completeDays: 5,
			daysWithData: 5,
			gapDays: 0,
			provisional: null,
		});
	});

	test('gaps are left out of the average, never counted as zero', () => {
		const summary = summarizeSeries(series('2024-05-04', [10, null, 30, null]));
		assert.equal(summary.average, 20);
		assert.deepEqual(summary.min, { date: '2024-05-01', value: 10 });
		assert.deepEqual(summary.latestComplete, { date: '2024-05-03', value: 30 }, 'the latest day with a value');
		assert.equal(summary.gapDays, 2);
		assert.equal(summary.daysWithData, 2);
	});

	test('a provisional last day is left out of every figure', () => {
		const summary = summarizeSeries(series('2024-05-03', [10, 20, 1000], true));
		assert.deepEqual(summary.latestComplete, { date: '2024-05-02', value: 20 });
		assert.equal(summary.average, 15);
		assert.deepEqual(summary.max, { date: '2024-05-02', value: 20 });
		assert.equal(summary.completeDays, 2);
		assert.deepEqual(summary.provisional, { date: '2024-05-03', value: 1000 });
	});

	test('ties keep the earliest day; a real zero counts', () => {
		const summary = summarizeSeries(series('2024-05-04', [5, 0, 5, 0]));
		assert.deepEqual(summary.min, { date: '2024-05-02', value: 0 });
		assert.deepEqual(summary.max, { date: '2024-05-01', value: 5 });
		assert.equal(summary.average, 2.5);
	});

	test('no data at all: nulls, not zeros', () => {
		for (const s of [series('2024-05-02', [null, null]), series('2024-05-01', [7], true), { ...series('2024-05-01', []), points: [] }]) {
			const summary = summarizeSeries(s);
			assert.equal(summary.latestComplete, null);
			assert.equal(summary.average, null);
			assert.equal(summary.min, null);
			assert.equal(summary.max, null);
		}
	});
});

describe('comparePeriods', () => {
	test('compares the last n complete days with the n days before', () => {
		const comparison = comparePeriods(series('2024-05-06', [10, 20, 30, 40, 50, 60]), 3);
		assert.deepEqual(comparison, {
			current: { firstDate: '2024-05-04', lastDate: '2024-05-06', average: 50, daysWithData: 3 },
			previous: { firstDate: '2024-05-01', lastDate: '2024-05-03', average: 20, daysWithData: 3 },
			change: 30,
			relativeChange: 1.5,
		});
	});

	test('uses only the days it needs when the series is longer', () => {
		const comparison = comparePeriods(series('2024-05-05', [999, 10, 10, 20, 20]), 2);
		assert.equal(comparison?.previous.firstDate, '2024-05-02');
		assert.equal(comparison?.relativeChange, 1);
	});

	test('skips a provisional day: the current period ends the day before', () => {
		const comparison = comparePeriods(series('2024-05-05', [10, 10, 20, 20, 5000], true), 2);
		assert.equal(comparison?.current.lastDate, '2024-05-04');
		assert.equal(comparison?.current.average, 20);
		assert.equal(comparison?.previous.average, 10);
	});

	test('averages over the days with data in each period', () => {
		const comparison = comparePeriods(series('2024-05-04', [null, 10, 30, null]), 2);
		assert.equal(comparison?.previous.average, 10);
		assert.equal(comparison?.previous.daysWithData, 1);
		assert.equal(comparison?.current.average, 30);
		assert.equal(comparison?.relativeChange, 2);
	});

	test('null when the series is too short for both periods', () => {
		assert.equal(comparePeriods(series('2024-05-05', [1, 2, 3, 4, 5]), 3), null);
		assert.equal(comparePeriods(series('2024-05-04', [1, 2, 3, 4], true), 2), null, 'the provisional day does not count');
		assert.equal(comparePeriods({ ...series('2024-05-01', []), points: [] }, 1), null);
	});

	test('null when a period has no data at all', () => {
		assert.equal(comparePeriods(series('2024-05-04', [null, null, 5, 6]), 2), null);
		assert.equal(comparePeriods(series('2024-05-04', [5, 6, null, null]), 2), null);
	});

	test('relative change is null when the previous average is zero', () => {
		const comparison = comparePeriods(series('2024-05-02', [0, 4]), 1);
		assert.equal(comparison?.change, 4);
		assert.equal(comparison?.relativeChange, null);
	});

	test('rejects a period that is not a whole number of days', () => {
		for (const n of [0, -1, 1.5, Number.NaN]) assert.throws(() => comparePeriods(series('2024-05-02', [1, 2]), n), RangeError);
	});
});

describe('lastDays', () => {
	test('keeps the last n calendar days and the provisional day', () => {
		const cut = lastDays(series('2024-05-05', [1, 2, 3, 4, 5], true), 2);
		assert.deepEqual(cut, {
			metric: 'dau',
			firstDate: '2024-05-04',
			lastDate: '2024-05-05',
			points: [
				{ date: '2024-05-04', value: 4 },
				{ date: '2024-05-05', value: 5 },
			],
			provisionalDate: '2024-05-05',
		});
	});

	test('returns the series itself when it is not longer', () => {
		const s = series('2024-05-02', [1, 2]);
		assert.equal(lastDays(s, 2), s);
		assert.equal(lastDays(s, 10), s);
	});

	test('rejects a length that is not a whole number of days', () => {
		assert.throws(() => lastDays(series('2024-05-02', [1, 2]), 0), RangeError);
	});
});

describe('gapBreakdown', () => {
	test('days before the first data are told apart from days missing after it', () => {
		assert.deepEqual(gapBreakdown(series('2024-05-07', [null, null, 5, null, 6, null, 7])), { firstDataDate: '2024-05-03', beforeFirstData: 2, missing: 2 });
	});

	test('no leading gap, no gap at all, and no data at all', () => {
		assert.deepEqual(gapBreakdown(series('2024-05-03', [1, null, 2])), { firstDataDate: '2024-05-01', beforeFirstData: 0, missing: 1 });
		assert.deepEqual(gapBreakdown(series('2024-05-03', [1, 2, 3])), { firstDataDate: '2024-05-01', beforeFirstData: 0, missing: 0 });
		assert.deepEqual(gapBreakdown(series('2024-05-03', [null, null, null])), { firstDataDate: null, beforeFirstData: 0, missing: 3 });
	});

	test('a provisional last day is not a gap', () => {
		const s = { ...series('2024-05-03', [null, 4, null]), provisionalDate: '2024-05-03' };
		assert.deepEqual(gapBreakdown(s), { firstDataDate: '2024-05-02', beforeFirstData: 1, missing: 0 });
	});
});
