import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregateRange, mauChange, previousRange, rangeChange, relativeChange, stickinessChange } from '../../../src/shared/homeChange';
import { dailyStickiness, rangeStickiness } from '../../../src/shared/stickiness';
import { series } from './seriesFixtures';

describe('dailyStickiness', () => {
	test('each day is that day\'s DAU ÷ MAU; a day missing in either, or with MAU 0, is a gap', () => {
		const dau = series('2024-05-05', [50, null, 30, 40, 10], false, 'dau');
		const mau = series('2024-05-05', [200, 200, null, 0, 40], false, 'mau');
		assert.deepEqual(dailyStickiness(dau, mau), {
			firstDate: '2024-05-01',
			lastDate: '2024-05-05',
			points: [
				{ date: '2024-05-01', value: 0.25 },
				{ date: '2024-05-02', value: null },
				{ date: '2024-05-03', value: null },
				{ date: '2024-05-04', value: null },
				{ date: '2024-05-05', value: 0.25 },
			],
			provisionalDate: null,
		});
	});

	test('keeps a provisional day and refuses series that do not match', () => {
		const dau = series('2024-05-02', [5, 6], true, 'dau');
		assert.equal(dailyStickiness(dau, series('2024-05-02', [10, 12], false, 'mau')).provisionalDate, '2024-05-02');
		assert.throws(() => dailyStickiness(dau, series('2024-05-03', [10, 12], false, 'mau')), RangeError);
		assert.throws(() => dailyStickiness(dau, series('2024-05-02', [10, 12], false, 'new_users')), TypeError);
	});
});

describe('rangeStickiness', () => {
	test('the period\'s average DAU ÷ its average MAU, over the complete days that have both', () => {
		// 30 days where every user is active on 15 of them: DAU 50 each day, MAU 100 → 50 %.
		const dau = series('2024-05-30', Array.from({ length: 30 }, () => 50), false, 'dau');
		const mau = series('2024-05-30', Array.from({ length: 30 }, () => 100), false, 'mau');
		assert.equal(rangeStickiness(dau, mau, '2024-05-01', '2024-05-30'), 0.5);
		// Averages, not a mean of daily ratios: (10 + 30) / (100 + 100) = 20 %, and gaps and the provisional day are left out.
		const dau2 = series('2024-05-04', [10, null, 30, 90], true, 'dau');
		const mau2 = series('2024-05-04', [100, 100, 100, 100], false, 'mau');
		assert.equal(rangeStickiness(dau2, mau2, '2024-05-01', '2024-05-04'), 0.2);
		assert.equal(rangeStickiness(dau2, mau2, '2024-05-02', '2024-05-02'), null);
	});
});

describe('Home change rules', () => {
	test('one formula, (this − last) ÷ last, never the flipped sign Braze prints for stickiness', () => {
		assert.equal(relativeChange(120, 100), 0.2);
		assert.equal(relativeChange(80, 100), -0.2);
		assert.equal(relativeChange(5, 0), null);
	});

	test('the previous range has the same length and ends the day before', () => {
		assert.deepEqual(previousRange('2024-03-01', '2024-03-31'), { firstDate: '2024-01-30', lastDate: '2024-02-29' });
		assert.deepEqual(previousRange('2024-05-10', '2024-05-10'), { firstDate: '2024-05-09', lastDate: '2024-05-09' });
	});

	test('DAU averages the range against the previous range of the same length', () => {
		const dau = series('2024-05-06', [10, 20, 30, 40, null, 60], false, 'dau');
		assert.deepEqual(rangeChange(dau, '2024-05-04', '2024-05-06', 'average'), { current: 50, previous: 20, relative: 1.5 });
		assert.equal(rangeChange(dau, '2024-05-03', '2024-05-06', 'average'), null, 'the series does not reach back to the previous range');
	});

	test('new users and uninstalls total the range; a total over a gap is not given', () => {
		const users = series('2024-05-04', [5, 5, 6, 9], false, 'new_users');
		assert.deepEqual(rangeChange(users, '2024-05-03', '2024-05-04', 'total'), { current: 15, previous: 10, relative: 0.5 });
		assert.equal(aggregateRange(series('2024-05-02', [5, null], false, 'uninstalls'), '2024-05-01', '2024-05-02', 'total'), null);
		assert.equal(aggregateRange(series('2024-05-02', [5, null], false, 'uninstalls'), '2024-05-01', '2024-05-02', 'average'), 5);
	});

	test('MAU compares the range\'s last day with the day before the range starts', () => {
		const mau = series('2024-05-10', [900, 1000, 1010, 1020, 1030, 1040, 1050, 1060, 1070, 1100], false, 'mau');
		// Range May 2–10: last day 1,100 against May 1's 900 (not the previous nine days).
		assert.deepEqual(mauChange(mau, '2024-05-02', '2024-05-10'), { current: 1100, previous: 900, relative: 200 / 900 });
		assert.equal(mauChange(mau, '2024-05-01', '2024-05-10'), null, 'the day before the range was not fetched');
	});

	test('stickiness compares the range\'s stickiness with the previous range\'s', () => {
		const dau = series('2024-05-04', [10, 10, 30, 30], false, 'dau');
		const mau = series('2024-05-04', [100, 100, 100, 100], false, 'mau');
		const change = stickinessChange(dau, mau, '2024-05-03', '2024-05-04');
		assert.ok(change);
		assert.deepEqual([change.current, change.previous], [0.3, 0.1]);
		assert.ok(Math.abs((change.relative ?? 0) - 2) < 1e-12, `+200 %, got ${change.relative}`);
		assert.equal(stickinessChange(dau, mau, '2024-05-02', '2024-05-04'), null);
	});
});
