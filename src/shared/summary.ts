// Figures the chart panel shows above a series. Pure: no `vscode`, no DOM. A gap (null) is never a zero:
// it is left out of every average, minimum and maximum; a provisional day is left out of the summary.
//
// Contract with the host: the panel shows the last `query.length` days of `result.series`
// (`lastDays`). The host may fetch up to twice that many days, ending on the same day; the extra,
// earlier days are not drawn and only feed `comparePeriods` (the change against the previous period).
import { addDays } from './dates';
import type { DailyPoint, DailySeries } from './kpi';

/** A day that has a value. */
export interface ValuedPoint {
	readonly date: string;
	readonly value: number;
}

export interface SeriesSummary {
	/** The last day that is complete (not provisional) and has a value; null when there is none. */
	readonly latestComplete: ValuedPoint | null;
	/** Mean of the complete days with a value; null when there is none. */
	readonly average: number | null;
	/** The earliest complete day holding the lowest value. */
	readonly min: ValuedPoint | null;
	/** The earliest complete day holding the highest value. */
	readonly max: ValuedPoint | null;
	/** Days of the series that are not provisional, gaps included. */
	readonly completeDays: number;
	/** Complete days with a value. */
	readonly daysWithData: number;
	/** Complete days without a value (gaps). */
	readonly gapDays: number;
	/** The provisional day, when the series ends with one. */
	readonly provisional: DailyPoint | null;
}

/** Latest complete day, average, minimum and maximum over the complete days with a value. */
export function summarizeSeries(series: DailySeries): SeriesSummary {
	const complete = completePoints(series);
	const valued = complete.filter(hasValue);
	let min: ValuedPoint | null = null;
	let max: ValuedPoint | null = null;
	for (const p of valued) {
		if (!min || p.value < min.value) min = p;
		if (!max || p.value > max.value) max = p;
	}
	const provisional = series.points.find((p) => p.date === series.provisionalDate) ?? null;
	return {
		latestComplete: valued.at(-1) ?? null,
		average: mean(valued),
		min,
		max,
		completeDays: complete.length,
		daysWithData: valued.length,
		gapDays: complete.length - valued.length,
		provisional,
	};
}

/** Average of one period of complete days. */
export interface PeriodStats {
	readonly firstDate: string;
	readonly lastDate: string;
	/** Mean over the days of the period that have a value. */
	readonly average: number;
	readonly daysWithData: number;
}

export interface PeriodComparison {
	readonly current: PeriodStats;
	readonly previous: PeriodStats;
	/** `current.average - previous.average`. */
	readonly change: number;
	/** `change / previous.average`; null when the previous average is 0. */
	readonly relativeChange: number | null;
}

/**
 * Compares the averages of the last `periodLength` complete days with the `periodLength` days just
 * before them. Averages (not sums) so that gaps do not drag a period down. Null unless the series
 * covers both periods and each has at least one day with a value.
 */
export function comparePeriods(series: DailySeries, periodLength: number): PeriodComparison | null {
	if (!Number.isInteger(periodLength) || periodLength < 1) throw new RangeError(`periodLength must be a whole number ≥ 1, got ${periodLength}`);
	const complete = completePoints(series);
	const last = complete.at(-1);
	const first = complete[0];
	if (!last || !first) return null;
	const currentFirst = addDays(last.date, -(periodLength - 1));
	const previousLast = addDays(currentFirst, -1);
	const previousFirst = addDays(currentFirst, -periodLength);
	if (first.date > previousFirst) return null;
	const current = periodStats(complete, currentFirst, last.date);
	const previous = periodStats(complete, previousFirst, previousLast);
	if (!current || !previous) return null;
	const change = current.average - previous.average;
	return { current, previous, change, relativeChange: previous.average === 0 ? null : change / previous.average };
}

/** The gaps of a series' complete days, told apart: before its first day with data, and after it. */
export interface GapBreakdown {
	/** The first day with a value, or null when there is none. */
	readonly firstDataDate: string | null;
	/** Days before `firstDataDate` (the app may have had no data yet); 0 when the series has no data at all. */
	readonly beforeFirstData: number;
	/** Days without a value from `firstDataDate` on (or every day, when the series has no data). */
	readonly missing: number;
}

/** Leading empty days are not "missing": an app that started during the range has no data before its start. */
export function gapBreakdown(series: DailySeries): GapBreakdown {
	const complete = completePoints(series);
	const first = complete.findIndex(hasValue);
	if (first < 0) return { firstDataDate: null, beforeFirstData: 0, missing: complete.length };
	const missing = complete.slice(first).filter((p) => !hasValue(p)).length;
	return { firstDataDate: complete[first]?.date ?? null, beforeFirstData: first, missing };
}

/** The series cut to its last `days` calendar days (a provisional last day stays). */
export function lastDays(series: DailySeries, days: number): DailySeries {
	if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number ≥ 1, got ${days}`);
	const firstKept = addDays(series.lastDate, -(days - 1));
	if (series.firstDate >= firstKept) return series;
	const points = series.points.filter((p) => p.date >= firstKept);
	return { ...series, firstDate: firstKept, points };
}

function periodStats(points: readonly DailyPoint[], firstDate: string, lastDate: string): PeriodStats | null {
	const valued = points.filter((p): p is ValuedPoint => hasValue(p) && p.date >= firstDate && p.date <= lastDate);
	const average = mean(valued);
	return average === null ? null : { firstDate, lastDate, average, daysWithData: valued.length };
}

function completePoints(series: DailySeries): DailyPoint[] {
	return series.points.filter((p) => p.date !== series.provisionalDate);
}

function hasValue(point: DailyPoint): point is ValuedPoint {
	return point.value !== null;
}

function mean(points: readonly ValuedPoint[]): number | null {
	if (points.length === 0) return null;
	return points.reduce((sum, p) => sum + p.value, 0) / points.length;
}
