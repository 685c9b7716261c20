// The CSV form of a series, for "Copy as CSV" and "Export to CSV". Pure: no `vscode`, no DOM.
import type { DailySeries } from './kpi';

/** Decimals of a stickiness fraction in CSV: 0.214286 is 21.4286 %, finer than any dashboard shows. */
export const CSV_RATIO_DECIMALS = 6;

/**
 * `date,<metric>` then one `YYYY-MM-DD,<value>` row per day, ascending; a gap is an empty cell (never 0).
 * Lines end with '\n', including the last. Every cell is a date, a metric id, an integer or (stickiness) a fraction
 * of 1 with a dot as the decimal separator, so nothing needs quoting.
 */
export function seriesToCsv(series: DailySeries): string {
	const cell = series.metric === 'stickiness' ? (v: number) => String(Number(v.toFixed(CSV_RATIO_DECIMALS))) : String;
	const rows = series.points.map((p) => `${p.date},${p.value === null ? '' : cell(p.value)}`);
	return [`date,${series.metric}`, ...rows].join('\n') + '\n';
}
