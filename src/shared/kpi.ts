// Domain types shared by the host, the Braze client and the webview. No `vscode`, no DOM here.

/** The Braze KPI series that share one request/response shape. */
export type KpiMetric = 'dau' | 'mau' | 'new_users' | 'uninstalls';

export const KPI_METRICS: readonly KpiMetric[] = ['dau', 'mau', 'new_users', 'uninstalls'];

export function isKpiMetric(value: unknown): value is KpiMetric {
	return typeof value === 'string' && (KPI_METRICS as readonly string[]).includes(value);
}

/** One calendar day of a series. `date` is a plain `YYYY-MM-DD` label; `value` is null for a day Braze did not return (a gap, never a zero). */
export interface DailyPoint {
	readonly date: string;
	readonly value: number | null;
}

/** A KPI series with exactly one point per calendar day from `firstDate` to `lastDate`, ascending. */
export interface DailySeries {
	readonly metric: KpiMetric;
	readonly firstDate: string;
	readonly lastDate: string;
	readonly points: readonly DailyPoint[];
	/** The date of a day that is still in progress (the series ends today), or null. */
	readonly provisionalDate: string | null;
}

/** Rate-limit figures Braze sends with every response (`X-RateLimit-*`). */
export interface RateLimitInfo {
	readonly limit: number | null;
	readonly remaining: number | null;
	/** UTC epoch seconds at which the window resets. */
	readonly resetEpochSeconds: number | null;
}
