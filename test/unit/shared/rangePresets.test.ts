import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { englishL10n } from '../../../src/shared/l10n';
import { RANGE_PRESETS, formatRangePreset, parseRangePreset, rangePresetProblemText, resolveRangePreset } from '../../../src/shared/rangePresets';
import type { RangePreset } from '../../../src/shared/rangePresets';

const days = (preset: RangePreset, today: string): [string, string, number] => {
	const r = resolveRangePreset(preset, today);
	return [r.firstDate, r.lastDate, r.length];
};

describe('resolveRangePreset', () => {
	test('last N days: the N complete days ending yesterday', () => {
		assert.deepEqual(resolveRangePreset('last-7-days', '2024-03-01'), { length: 7, end: { kind: 'yesterday' }, firstDate: '2024-02-23', lastDate: '2024-02-29' });
		assert.deepEqual(days('last-14-days', '2024-01-05'), ['2023-12-22', '2024-01-04', 14], 'across a year end');
		assert.deepEqual(days('last-30-days', '2024-05-31'), ['2024-05-01', '2024-05-30', 30]);
		assert.deepEqual(days('last-90-days', '2024-05-31'), ['2024-03-02', '2024-05-30', 90]);
		assert.deepEqual(days('last-365-days', '2024-03-01'), ['2023-03-02', '2024-02-29', 365], 'a leap year: 365 days from March 2');
		assert.deepEqual(days('last-365-days', '2023-03-01'), ['2022-03-01', '2023-02-28', 365]);
	});

	test('month to date: the 1st through today, in progress; one day on the 1st', () => {
		assert.deepEqual(resolveRangePreset('month-to-date', '2024-02-29'), { length: 29, end: { kind: 'today' }, firstDate: '2024-02-01', lastDate: '2024-02-29' });
		assert.deepEqual(days('month-to-date', '2024-12-01'), ['2024-12-01', '2024-12-01', 1]);
		assert.deepEqual(days('month-to-date', '2023-12-31'), ['2023-12-01', '2023-12-31', 31]);
	});

	test('last month: the whole previous calendar month, ending on its last day (leap years, year ends)', () => {
		assert.deepEqual(resolveRangePreset('last-month', '2024-03-15'), { length: 29, end: { kind: 'date', date: '2024-02-29' }, firstDate: '2024-02-01', lastDate: '2024-02-29' });
		assert.deepEqual(days('last-month', '2023-03-01'), ['2023-02-01', '2023-02-28', 28]);
		assert.deepEqual(days('last-month', '2024-01-01'), ['2023-12-01', '2023-12-31', 31]);
		assert.deepEqual(days('last-month', '2024-05-31'), ['2024-04-01', '2024-04-30', 30]);
	});

	test('quarter to date: from January, April, July or October 1st', () => {
		assert.deepEqual(days('quarter-to-date', '2024-03-31'), ['2024-01-01', '2024-03-31', 91], 'Q1 of a leap year');
		assert.deepEqual(days('quarter-to-date', '2023-03-31'), ['2023-01-01', '2023-03-31', 90]);
		assert.deepEqual(days('quarter-to-date', '2024-04-01'), ['2024-04-01', '2024-04-01', 1]);
		assert.deepEqual(days('quarter-to-date', '2024-09-30'), ['2024-07-01', '2024-09-30', 92]);
		assert.deepEqual(days('quarter-to-date', '2024-12-31'), ['2024-10-01', '2024-12-31', 92]);
	});

	test('year to date: from January 1st; 366 days on the last day of a leap year', () => {
		assert.deepEqual(days('year-to-date', '2024-12-31'), ['2024-01-01', '2024-12-31', 366]);
		assert.deepEqual(days('year-to-date', '2023-12-31'), ['2023-01-01', '2023-12-31', 365]);
		assert.deepEqual(resolveRangePreset('year-to-date', '2025-01-01'), { length: 1, end: { kind: 'today' }, firstDate: '2025-01-01', lastDate: '2025-01-01' });
	});

	test('every preset fits in a query, and a bad today is refused', () => {
		for (const preset of RANGE_PRESETS) {
			const r = resolveRangePreset(preset, '2024-12-31');
			assert.ok(r.length >= 1 && r.length <= 3650, preset);
		}
		assert.throws(() => resolveRangePreset('last-7-days', '2023-02-29'), RangeError);
	});
});

describe('saved ranges', () => {
	test('a preset is stored by name and read back as the same preset, so it stays relative', () => {
		for (const preset of RANGE_PRESETS) assert.equal(parseRangePreset(JSON.parse(JSON.stringify(formatRangePreset(preset)))), preset);
		const saved = parseRangePreset('last-month');
		assert.ok(saved);
		assert.notDeepEqual(resolveRangePreset(saved, '2024-03-10'), resolveRangePreset(saved, '2024-04-10'), 'a month later, "last month" is another month');
	});

	test('anything else is not a preset, and the message says what to write', () => {
		for (const bad of ['last-week', 'Last-7-days', '', 7, null, undefined, { preset: 'last-month' }]) assert.equal(parseRangePreset(bad), null, JSON.stringify(bad));
		assert.equal(
			rangePresetProblemText('last-week', englishL10n, 'savedQueries[2].range'),
			'"savedQueries[2].range" is "last-week", which is not a range preset. Use one of last-7-days, last-14-days, last-30-days, last-90-days, last-365-days, month-to-date, last-month, quarter-to-date, year-to-date, or give "length" and "end" instead.',
		);
	});
});
