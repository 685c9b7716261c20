// Domain types shared by the host, the Braze client and the webview. No `vscode`, no DOM here.

/** The Braze KPI series that share one request/response shape. */
export type KpiMetric = 'dau' | 'mau' | 'new_users' | 'uninstalls';

export const KPI_METRICS: readonly KpiMetric[] = ['dau', 'mau', 'new_users', 'uninstalls'];

export function isKpiMetric(value: unknown): value is KpiMetric {
	return typeof value === 'string' && (KPI_METRICS as readonly string[]).includes(value);
}

/** What a query may ask for: a Braze KPI series, or stickiness (DAU ÷ MAU per day, derived from two KPI series). */
export type QueryMetric = KpiMetric | 'stickiness';

export const QUERY_METRICS: readonly QueryMetric[] = [...KPI_METRICS, 'stickiness'];

export function isQueryMetric(value: unknown): value is QueryMetric {
	return typeof value === 'string' && (QUERY_METRICS as readonly string[]).includes(value);
}

/** The Braze series a query metric is made from, in the order they are fetched: itself, or DAU and MAU for stickiness. */
export function sourceMetricsOf(metric: QueryMetric): readonly KpiMetric[] {
	return metric === 'stickiness' ? ['dau', 'mau'] : [metric];
}

/**
 * One calendar day of a series. `date` is a plain `YYYY-MM-DD` label; `value` is a count for a KPI series, a fraction
 * (0.25 = 25 %) for stickiness, and null for a day without data (a gap, never a zero).
 */
export interface DailyPoint {
	readonly date: string;
	readonly value: number | null;
}

/** A series with exactly one point per calendar day from `firstDate` to `lastDate`, ascending; Braze's own series are `DailySeries<KpiMetric>`. */
export interface DailySeries<M extends QueryMetric = QueryMetric> {
	readonly metric: M;
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
