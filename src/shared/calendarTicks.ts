// Where the chart's date axis puts its ticks: on calendar boundaries that suit the range (days, Mondays,
// month, quarter or year starts), never on arbitrary days. Pure: plain `YYYY-MM-DD` labels, no time zone.
import { addDays, daysBetween, toDayNumber } from './dates';

/** The calendar boundary the ticks fall on. */
export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface CalendarTicks {
	readonly unit: TickUnit;
	/** Tick dates, ascending, all inside the range. */
	readonly dates: readonly string[];
	/** True when the range spans more than one calendar year: every label must then say which year. */
	readonly spansYears: boolean;
}

interface Step {
	readonly unit: TickUnit;
	/** Every `every`-th boundary of the unit (e.g. every 2nd day, every 5th year). */
	readonly every: number;
}

// Longest length of each unit in days: a step that has too many ticks even so is skipped without listing them.
const MAX_DAYS: Readonly<Record<TickUnit, number>> = { day: 1, week: 7, month: 31, quarter: 92, year: 366 };

// Finest first; the first whose tick count fits is used.
const STEPS: readonly Step[] = [
	{ unit: 'day', every: 1 },
	{ unit: 'day', every: 2 },
	{ unit: 'week', every: 1 },
	{ unit: 'week', every: 2 },
	{ unit: 'month', every: 1 },
	{ unit: 'quarter', every: 1 },
	{ unit: 'quarter', every: 2 },
	{ unit: 'year', every: 1 },
	{ unit: 'year', every: 2 },
	{ unit: 'year', every: 5 },
	{ unit: 'year', every: 10 },
];

/**
 * Ticks for the days `firstDate`…`lastDate`, at most `maxTicks` of them (at least 2 are allowed),
 * on the finest calendar boundary that fits.
 */
export function calendarTicks(firstDate: string, lastDate: string, maxTicks: number): CalendarTicks {
	if (daysBetween(firstDate, lastDate) < 0) throw new RangeError(`${firstDate} is after ${lastDate}`);
	const limit = Math.max(2, Math.floor(maxTicks));
	const spansYears = firstDate.slice(0, 4) !== lastDate.slice(0, 4);
	let dates: string[] = [];
	let unit: TickUnit = 'year';
	const days = daysBetween(firstDate, lastDate) + 1;
	for (const step of STEPS) {
		if (Math.floor(days / (MAX_DAYS[step.unit] * step.every)) > limit && step !== STEPS.at(-1)) continue;
		dates = boundaries(firstDate, lastDate, step);
		unit = step.unit;
		if (dates.length <= limit) break;
	}
	return { unit, dates, spansYears };
}

function boundaries(firstDate: string, lastDate: string, step: Step): string[] {
	switch (step.unit) {
		case 'day': {
			const days = daysBetween(firstDate, lastDate) + 1;
			const out: string[] = [];
			for (let i = 0; i < days; i += step.every) out.push(addDays(firstDate, i));
			return out;
		}
		case 'week': {
			// Day 0 (1970-01-01) was a Thursday: (day + 3) % 7 === 0 on Mondays.
			const first = toDayNumber(firstDate);
			const offset = (((-(first + 3)) % 7) + 7) % 7;
			const out: string[] = [];
			for (let d = addDays(firstDate, offset); d <= lastDate; d = addDays(d, 7 * step.every)) out.push(d);
			return out;
		}
		case 'month':
			return monthStarts(firstDate, lastDate, step.every);
		case 'quarter':
			return monthStarts(firstDate, lastDate, 3 * step.every);
		case 'year':
			return monthStarts(firstDate, lastDate, 12 * step.every);
	}
}

/** First days of months inside the range whose month index (months since year 0) is a multiple of `every`. */
function monthStarts(firstDate: string, lastDate: string, every: number): string[] {
	const [fy, fm] = firstDate.split('-').map(Number) as [number, number];
	let month = fy * 12 + (fm - 1);
	if (firstDate.slice(8) !== '01') month += 1;
	month = Math.ceil(month / every) * every;
	const out: string[] = [];
	for (;; month += every) {
		const date = `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
		if (date > lastDate) return out;
		out.push(date);
	}
}
