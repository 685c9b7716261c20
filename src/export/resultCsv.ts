// The CSV of a result, for "Copy as CSV" and "Export to CSV": one column per series. No `vscode` here.
import { CSV_RATIO_DECIMALS, seriesToCsv } from '../shared/csv';
import type { DailySeries } from '../shared/kpi';
import { overlaySeries } from '../shared/overlays';
import type { PanelResult } from '../shared/protocol';
import { ALL_APPS } from './document';

/** The words after the main column's header in an overlay's header, as the chart's legend says them. */
const OVERLAY_HEADER = { previous: 'previous period', year: 'a year before' } as const;

/**
 * A single series keeps its `date,<metric>` form. A comparison has one column per app, headed by its name from
 * `braze.apps`, else its identifier, or "all" for all apps (as `app_id` in the JSON export), then one per period
 * overlay, headed "<main column> (previous period)" or "(a year before)", aligned by day as the chart draws it;
 * a gap is an empty cell.
 */
export function resultToCsv(result: PanelResult): string {
	const compared = result.compared ?? [];
	const overlays = overlaySeries(result, result.series);
	if (compared.length === 0 && overlays.length === 0) return seriesToCsv(result.series);
	const names = result.appNames ?? {};
	const header = (appId: string | null) => (appId === null ? ALL_APPS : names[appId] ?? appId);
	const byDate = (series: DailySeries) => {
		const values = new Map(series.points.map((p) => [p.date, p.value]));
		return (date: string) => values.get(date);
	};
	const main = compared.length === 0 ? result.series.metric : header(result.query.appId);
	const apps = [{ appId: result.query.appId, series: result.series }, ...compared].map((c) => ({ header: header(c.appId), value: byDate(c.series) }));
	const columns = compared.length === 0 ? [{ header: main, value: byDate(result.series) }] : apps;
	// An overlay's points line up one to one with the series' days.
	const overlayColumns = overlays.map((o) => ({ header: `${main} (${OVERLAY_HEADER[o.period]})`, values: o.series.points }));
	const number = result.series.metric === 'stickiness' ? (v: number) => String(Number(v.toFixed(CSV_RATIO_DECIMALS))) : String;
	const cellValue = (value: number | null | undefined) => (value === null || value === undefined ? '' : number(value));
	const rows = result.series.points.map((p, i) => [p.date, ...columns.map((c) => cellValue(c.value(p.date))), ...overlayColumns.map((c) => cellValue(c.values[i]?.value))].join(','));
	return [['date', ...columns.map((c) => c.header), ...overlayColumns.map((c) => c.header)].map((h, i) => (i === 0 ? h : csvCell(h))).join(','), ...rows].join('\n') + '\n';
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled; a leading =, +, - or @ is kept as text (no formula). */
export function csvCell(text: string): string {
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
