// Splits a long range into Braze-sized windows and merges rows into one day-by-day series.
import { addDays } from '../shared/dates';
import type { DailyPoint, DailySeries, KpiMetric } from '../shared/kpi';
import { MAX_WINDOW_LENGTH } from './requestParams';
import type { SeriesRow } from './response';

/** A run of consecutive days fetched by one request. */
export interface SeriesWindow {
	/** 0 for the window that ends on the series' last day, then 1, 2… going back in time. */
	readonly index: number;
	readonly firstDate: string;
	readonly lastDate: string;
	readonly length: number;
}

/**
 * Windows of at most `maxWindowLength` days that tile the `length` days ending on `endDate`, latest first:
 * window k ends on endDate - maxWindowLength·k. Together they cover every day exactly once.
 */
export function splitIntoWindows(endDate: string, length: number, maxWindowLength = MAX_WINDOW_LENGTH): SeriesWindow[] {
	const windows: SeriesWindow[] = [];
	for (let index = 0; index * maxWindowLength < length; index++) {
		const windowLength = Math.min(maxWindowLength, length - index * maxWindowLength);
		const lastDate = addDays(endDate, -index * maxWindowLength);
		windows.push({ index, firstDate: addDays(lastDate, -(windowLength - 1)), lastDate, length: windowLength });
	}
	return windows;
}

/** A row Braze sent that the series does not use, and why; the log says so rather than dropping it silently. */
export interface DroppedRow {
	readonly date: string;
	readonly value: number;
	readonly reason: 'duplicate' | 'outside-window';
}

/**
 * The rows the series leaves out, in the order received: a day outside its window (it belongs to a neighbour, see
 * `rowsInWindow`) and a repeated date (the first value is kept, see `toDailySeries`).
 */
export function droppedRowsOf(rowsPerWindow: readonly (readonly SeriesRow[])[], windows: readonly SeriesWindow[]): DroppedRow[] {
	const dropped: DroppedRow[] = [];
	const seen = new Set<string>();
	rowsPerWindow.forEach((windowRows, i) => {
		for (const row of windowRows) {
			const outside = row.date < windows[i].firstDate || row.date > windows[i].lastDate;
			if (outside || seen.has(row.date)) dropped.push({ date: row.date, value: row.value, reason: outside ? 'outside-window' : 'duplicate' });
			else seen.add(row.date);
		}
	});
	return dropped;
}

/** One English log line about the rows left out, or null when none was: "Braze sent 2 rows the series does not use: …" ("a row" for one). */
export function droppedRowsLogLine(dropped: readonly DroppedRow[]): string | null {
	if (dropped.length === 0) return null;
	const shown = dropped.slice(0, 10).map((r) => `${r.date}=${r.value} (${r.reason === 'duplicate' ? 'a repeated date; the first value is kept' : 'outside the days asked for'})`);
	const more = dropped.length > shown.length ? `, and ${dropped.length - shown.length} more` : '';
	return `Braze sent ${dropped.length === 1 ? 'a row' : `${dropped.length} rows`} the series does not use: ${shown.join(', ')}${more}.`;
}

/** The rows that belong to `window`: a day outside it would belong to a neighbour and must not be counted twice. */
export function rowsInWindow(rows: readonly SeriesRow[], window: SeriesWindow): SeriesRow[] {
	return rows.filter((row) => row.date >= window.firstDate && row.date <= window.lastDate);
}

/**
 * One point per calendar day from `firstDate` to `lastDate`: rows are placed by date whatever their order;
 * the first row of a date wins over duplicates; a day with no row is a gap (null), never a zero.
 * Rows outside the range are ignored.
 */
export function toDailySeries(metric: KpiMetric, firstDate: string, lastDate: string, rows: readonly SeriesRow[], today: string): DailySeries {
	const byDate = new Map<string, number>();
	for (const row of rows) if (!byDate.has(row.date)) byDate.set(row.date, row.value);
	const points: DailyPoint[] = [];
	for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
		points.push({ date, value: byDate.get(date) ?? null });
	}
	return { metric, firstDate, lastDate, points, provisionalDate: provisionalDateOf(firstDate, lastDate, today) };
}

/** Today when the series reaches it (today's figures are partial until the day ends), else null. */
export function provisionalDateOf(firstDate: string, lastDate: string, today: string): string | null {
	return today >= firstDate && today <= lastDate ? today : null;
}
