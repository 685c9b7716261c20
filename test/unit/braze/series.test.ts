import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { provisionalDateOf, rowsInWindow, splitIntoWindows, toDailySeries } from '../../../src/braze/series';
import { addDays, daysBetween } from '../../../src/shared/dates';

describe('splitIntoWindows', () => {
	for (const length of [1, 99, 100, 101, 199, 200, 201, 365, 1000]) {
		it(`tiles ${length} days with ≤100-day windows, no day lost or doubled at a seam`, () => {
			const endDate = '2024-03-01';
			const windows = splitIntoWindows(endDate, length);
			assert.equal(windows.length, Math.ceil(length / 100));
			assert.equal(windows[0].lastDate, endDate);
			const seen = new Map<string, number>();
			windows.forEach((w, k) => {
				assert.equal(w.index, k);
				assert.ok(w.length >= 1 && w.length <= 100);
				assert.equal(daysBetween(w.firstDate, w.lastDate) + 1, w.length);
				assert.equal(w.lastDate, addDays(endDate, -100 * k));
				if (k > 0) assert.equal(w.lastDate, addDays(windows[k - 1].firstDate, -1), 'windows touch without overlap');
				for (let d = w.firstDate; d <= w.lastDate; d = addDays(d, 1)) seen.set(d, (seen.get(d) ?? 0) + 1);
			});
			assert.equal(seen.size, length);
			assert.ok([...seen.values()].every((n) => n === 1));
			assert.equal(windows[windows.length - 1].firstDate, addDays(endDate, -(length - 1)));
		});
	}

	it('crosses a leap day and a year boundary exactly', () => {
		const windows = splitIntoWindows('2024-03-01', 201);
		assert.deepEqual(windows.map((w) => [w.firstDate, w.lastDate, w.length]), [
			['2023-11-23', '2024-03-01', 100],
			['2023-08-15', '2023-11-22', 100],
			['2023-08-14', '2023-08-14', 1],
		]);
	});
});

describe('rowsInWindow', () => {
	it('drops rows that belong to a neighbouring window', () => {
		const [w] = splitIntoWindows('2024-01-10', 3);
		const rows = ['2024-01-07', '2024-01-08', '2024-01-10', '2024-01-11'].map((date) => ({ date, value: 1 }));
		assert.deepEqual(rowsInWindow(rows, w).map((r) => r.date), ['2024-01-08', '2024-01-10']);
	});
});

describe('toDailySeries', () => {
	it('sorts, keeps the first of duplicates, shows missing days as null gaps and ignores rows out of range', () => {
		const rows = [
			{ date: '2024-01-04', value: 40 },
			{ date: '2024-01-01', value: 10 },
			{ date: '2024-01-04', value: 41 },
			{ date: '2024-01-02', value: 0 },
			{ date: '2023-12-31', value: 99 },
			{ date: '2024-01-06', value: 99 },
		];
		const series = toDailySeries('dau', '2024-01-01', '2024-01-05', rows, '2030-01-01');
		assert.deepEqual(series, {
			metric: 'dau',
			firstDate: '2024-01-01',
			lastDate: '2024-01-05',
			points: [
				{ date: '2024-01-01', value: 10 },
				{ date: '2024-01-02', value: 0 },
				{ date: '2024-01-03', value: null },
				{ date: '2024-01-04', value: 40 },
				{ date: '2024-01-05', value: null },
			],
			provisionalDate: null,
		});
	});

	it('marks today as provisional when the series reaches it', () => {
		assert.equal(toDailySeries('mau', '2024-01-01', '2024-01-05', [], '2024-01-05').provisionalDate, '2024-01-05');
		assert.equal(provisionalDateOf('2024-01-01', '2024-01-05', '2024-01-06'), null);
		assert.equal(provisionalDateOf('2024-01-01', '2024-01-05', '2023-12-31'), null);
	});
});
