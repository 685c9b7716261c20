// The change figures of the Braze dashboard's Home page. Pure. Every change here is (this − last) ÷ last;
// Braze's own page prints the stickiness change as (last − this) ÷ last, with the opposite sign.
import { addDays, daysBetween } from './dates';
import type { DailySeries } from './kpi';
import { rangeStickiness } from './stickiness';

/** A figure for the range and for what it is compared with. */
export interface HomeChange {
	readonly current: number;
	readonly previous: number;
	/** (current − previous) ÷ previous; null when previous is 0. */
	readonly relative: number | null;
}

/** How a series' days add up into one figure for a range: DAU is averaged, new users and uninstalls are totalled. */
export type RangeAggregate = 'average' | 'total';

/** (this − last) ÷ last, the one formula used for every change; null when last is 0. */
export function relativeChange(current: number, previous: number): number | null {
	return previous === 0 ? null : (current - previous) / previous;
}

/** The range and the previous range of the same length, ending the day before it starts. */
export function previousRange(firstDate: string, lastDate: string): { readonly firstDate: string; readonly lastDate: string } {
	const length = daysBetween(firstDate, lastDate) + 1;
	if (length < 1) throw new RangeError(`${firstDate} is after ${lastDate}`);
	return { firstDate: addDays(firstDate, -length), lastDate: addDays(firstDate, -1) };
}

/**
 * One figure for `firstDate`…`lastDate`: the average or total over the complete days with data. Null when
 * the series does not reach back to `firstDate` or no day of the range has data (a total over gaps would
 * be too low: a range with a gap gives null for a total).
 */
export function aggregateRange(series: DailySeries, firstDate: string, lastDate: string, how: RangeAggregate): number | null {
	if (series.firstDate > firstDate) return null;
	const days = series.points.filter((p) => p.date >= firstDate && p.date <= lastDate && p.date !== series.provisionalDate);
	const values = days.flatMap((p) => (p.value === null ? [] : [p.value]));
	if (values.length === 0 || (how === 'total' && values.length < days.length)) return null;
	const sum = values.reduce((a, b) => a + b, 0);
	return how === 'total' ? sum : sum / values.length;
}

/** DAU (average), new users or uninstalls (total): the range against the previous range of the same length. */
export function rangeChange(series: DailySeries, firstDate: string, lastDate: string, how: RangeAggregate): HomeChange | null {
	const before = previousRange(firstDate, lastDate);
	return changeOf(aggregateRange(series, firstDate, lastDate, how), aggregateRange(series, before.firstDate, before.lastDate, how));
}

/** MAU, as Home does it: the MAU of the range's last day against the MAU of the day before the range starts. */
export function mauChange(mau: DailySeries, firstDate: string, lastDate: string): HomeChange | null {
	const valueOn = (date: string): number | null => mau.points.find((p) => p.date === date)?.value ?? null;
	return changeOf(valueOn(lastDate), valueOn(addDays(firstDate, -1)));
}

/** Stickiness: the range's stickiness against the previous range's. */
export function stickinessChange(dau: DailySeries, mau: DailySeries, firstDate: string, lastDate: string): HomeChange | null {
	const before = previousRange(firstDate, lastDate);
	if (dau.firstDate > before.firstDate || mau.firstDate > before.firstDate) return null;
	return changeOf(rangeStickiness(dau, mau, firstDate, lastDate), rangeStickiness(dau, mau, before.firstDate, before.lastDate));
}

function changeOf(current: number | null, previous: number | null): HomeChange | null {
	return current === null || previous === null ? null : { current, previous, relative: relativeChange(current, previous) };
}
