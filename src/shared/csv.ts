// The CSV form of a series, for "Copy as CSV" and "Export to CSV". Pure: no `vscode`, no DOM.
import type { DailySeries } from './kpi';

/**
 * `date,<metric>` then one `YYYY-MM-DD,<value>` row per day, ascending; a gap is an empty cell (never 0).
 * Lines end with '\n', including the last. Every cell is a date, a metric id or an integer, so nothing needs quoting.
 */
export function seriesToCsv(series: DailySeries): string {
	const rows = series.points.map((p) => `${p.date},${p.value === null ? '' : String(p.value)}`);
	return [`date,${series.metric}`, ...rows].join('\n') + '\n';
}
