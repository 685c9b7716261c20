import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calendarTicks } from '../../../src/shared/calendarTicks';
import { addDays } from '../../../src/shared/dates';

describe('calendarTicks', () => {
	test('7 days: every day', () => {
		assert.deepEqual(calendarTicks('2024-05-24', '2024-05-30', 10), {
			unit: 'day',
			dates: ['2024-05-24', '2024-05-25', '2024-05-26', '2024-05-27', '2024-05-28', '2024-05-29', '2024-05-30'],
			spansYears: false,
		});
	});

	test('90 days: Mondays, or month starts when fewer ticks fit', () => {
		const weeks = calendarTicks('2024-03-02', '2024-05-30', 14);
		assert.equal(weeks.unit, 'week');
		assert.equal(weeks.dates[0], '2024-03-04'); // The first Monday.
		for (const date of weeks.dates) assert.equal(new Date(`${date}T00:00:00Z`).getUTCDay(), 1, `${date} is a Monday`);
		assert.deepEqual(calendarTicks('2024-03-02', '2024-05-30', 6), { unit: 'month', dates: ['2024-04-01', '2024-05-01'], spansYears: false });
	});

	test('400 days: month or quarter starts, and the range spans years', () => {
		const first = addDays('2024-05-30', -399);
		assert.equal(first, '2023-04-27');
		assert.deepEqual(calendarTicks(first, '2024-05-30', 14), {
			unit: 'month',
			dates: ['2023-05-01', '2023-06-01', '2023-07-01', '2023-08-01', '2023-09-01', '2023-10-01', '2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'],
			spansYears: true,
		});
		assert.deepEqual(calendarTicks(first, '2024-05-30', 8), { unit: 'quarter', dates: ['2023-07-01', '2023-10-01', '2024-01-01', '2024-04-01'], spansYears: true });
	});

	test('3,650 days: year starts, or every other year', () => {
		const first = addDays('2024-05-30', -3649);
		assert.deepEqual(calendarTicks(first, '2024-05-30', 12), {
			unit: 'year',
			dates: ['2015-01-01', '2016-01-01', '2017-01-01', '2018-01-01', '2019-01-01', '2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01'],
			spansYears: true,
		});
		assert.deepEqual(calendarTicks(first, '2024-05-30', 5).dates, ['2016-01-01', '2018-01-01', '2020-01-01', '2022-01-01', '2024-01-01']);
	});

	test('one day, a range starting on a boundary, and a bad range', () => {
		assert.deepEqual(calendarTicks('2024-02-29', '2024-02-29', 1), { unit: 'day', dates: ['2024-02-29'], spansYears: false });
		assert.deepEqual(calendarTicks('2024-01-01', '2024-12-31', 4).dates, ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01']);
		assert.deepEqual(calendarTicks('2024-01-01', '2024-12-31', 3).dates, ['2024-01-01', '2024-07-01']);
		assert.deepEqual(calendarTicks('2023-12-31', '2024-01-01', 10), { unit: 'day', dates: ['2023-12-31', '2024-01-01'], spansYears: true });
		assert.throws(() => calendarTicks('2024-05-02', '2024-05-01', 10), RangeError);
	});
});
