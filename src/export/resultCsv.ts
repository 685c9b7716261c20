// The CSV of a result, for "Copy as CSV" and "Export to CSV": one column per series. No `vscode` here.
import { seriesToCsv } from '../shared/csv';
import type { PanelResult } from '../shared/protocol';
import { ALL_APPS } from './document';

/**
 * A single series keeps its `date,<metric>` form. A comparison has one column per app, headed by its name from
 * `braze.apps`, else its identifier, or "all" for all apps (as `app_id` in the JSON export); a gap is an empty cell.
 */
export function resultToCsv(result: PanelResult): string {
	const compared = result.compared ?? [];
	if (compared.length === 0) return seriesToCsv(result.series);
	const names = result.appNames ?? {};
	const header = (appId: string | null) => csvCell(appId === null ? ALL_APPS : names[appId] ?? appId);
	const columns = [{ appId: result.query.appId, series: result.series }, ...compared].map((c) => ({ header: header(c.appId), values: new Map(c.series.points.map((p) => [p.date, p.value])) }));
	const rows = result.series.points.map((p) => [p.date, ...columns.map((c) => cellValue(c.values.get(p.date)))].join(','));
	return [['date', ...columns.map((c) => c.header)].join(','), ...rows].join('\n') + '\n';
}

function cellValue(value: number | null | undefined): string {
	return value === null || value === undefined ? '' : String(value);
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled; a leading =, +, - or @ is kept as text (no formula). */
export function csvCell(text: string): string {
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
