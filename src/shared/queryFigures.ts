// The figures a chart panel's header shows for a result, for places that show them as text (the status bar, the
// chat tool). Pure. Same contract as the panel: the last `length` days are the query, earlier days only feed the change.
import { comparePeriods, lastDays, summarizeSeries } from './summary';
import type { PeriodComparison, SeriesSummary } from './summary';
import type { DailySeries } from './kpi';

export interface QueryFigures {
	/** The query's own days. */
	readonly shown: DailySeries;
	readonly summary: SeriesSummary;
	/** Against the previous period of the same length; null when the fetched days do not cover it. */
	readonly comparison: PeriodComparison | null;
}

/** The summary of the last `length` days of `fetched`, and their change against the period before, as the panel computes them. */
export function queryFigures(fetched: DailySeries, length: number): QueryFigures {
	const shown = lastDays(fetched, length);
	const summary = summarizeSeries(shown);
	const comparison = summary.completeDays > 0 ? comparePeriods(fetched, summary.completeDays) : null;
	return { shown, summary, comparison };
}

/**
 * The one percent format of the extension: always one decimal ("28.0%", "+4.2%"), so that percentages side by side
 * read alike; signed ("+4.2%", "−1.0%", "0.0%") when `signed`. English when Intl refuses `locale`.
 */
export function percentFormat(locale: string, signed = false): Intl.NumberFormat {
	const options: Intl.NumberFormatOptions = { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' } : {}) };
	try {
		return new Intl.NumberFormat(locale, options);
	} catch {
		return new Intl.NumberFormat('en', options);
	}
}

/** "▲ 8.6%", "▼ 2.1%", "= 0.0%": a relative change with an arrow, formatted for `locale`. */
export function formatChange(relative: number, locale: string): string {
	const percent = percentFormat(locale).format(Math.abs(relative));
	const rounded = Math.round(relative * 1000);
	return `${rounded > 0 ? '▲' : rounded < 0 ? '▼' : '='} ${percent}`;
}

/** "21.4%": a fraction (stickiness) as a percent for `locale`. */
export function formatRatio(value: number, locale: string): string {
	return percentFormat(locale).format(value);
}

/** A whole count with the locale's thousands separators; averages keep one decimal. */
export function formatCount(value: number, locale: string): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);
}
