// What the user asks for, independent of how it is fetched. No `vscode`, no DOM here.
import { KPI_METRICS, isKpiMetric } from './kpi';
import type { KpiMetric } from './kpi';
import { addDays, brazeToday, isPlainDate } from './dates';
import type { L10n } from './l10n';

/** Where a series ends. Relative ends stay relative (a saved query always shows the latest days). */
export type SeriesEnd =
	| { readonly kind: 'yesterday' }
	| { readonly kind: 'today' }
	| { readonly kind: 'date'; readonly date: string };

/** A KPI query as the user states it. */
export interface KpiQuerySpec {
	readonly metric: KpiMetric;
	/** Days in the series, ≥ 1. */
	readonly length: number;
	readonly end: SeriesEnd;
	/** An app's API identifier, or null for all apps of the workspace. */
	readonly appId: string | null;
	/** An instance label (e.g. "US-01") or an https URL; undefined means the `braze.restEndpoint` setting. */
	readonly endpoint?: string;
}

/** The longest series a query may ask for (ten years): longer than 100 days is fetched in 100-day windows. */
export const MAX_QUERY_LENGTH = 3650;

/** The field of a query that was refused. */
export type QueryField = 'query' | 'metric' | 'length' | 'end' | 'appId' | 'endpoint';

/**
 * Result of checking untrusted input (settings, webview messages, persisted state) against `KpiQuerySpec`.
 * `problem` is English, for logs and tests; user-facing text is built from `field` (see `queryProblemText`).
 */
export type ParsedQuerySpec = { readonly ok: true; readonly spec: KpiQuerySpec } | { readonly ok: false; readonly field: QueryField; readonly problem: string };

const APP_ID_BAD_CHARS = /[\s\u0000-\u001f\u007f]/;

/** True when `appId` may be sent to Braze: non-empty, no whitespace or control characters. */
export function isValidAppId(appId: string): boolean {
	return appId.length > 0 && appId.length <= 256 && !APP_ID_BAD_CHARS.test(appId);
}

/**
 * Checks an untrusted value field by field. `problem` names the first bad field in plain English;
 * callers that show it to users wrap it in a localized sentence.
 */
export function parseQuerySpec(raw: unknown, maxLength = MAX_QUERY_LENGTH): ParsedQuerySpec {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, field: 'query', problem: 'not an object' };
	const r = raw as Record<string, unknown>;
	if (!isKpiMetric(r.metric)) return { ok: false, field: 'metric', problem: `metric must be one of ${KPI_METRICS.join(', ')}` };
	if (typeof r.length !== 'number' || !Number.isInteger(r.length) || r.length < 1 || r.length > maxLength) {
		return { ok: false, field: 'length', problem: `length must be a whole number from 1 to ${maxLength}` };
	}
	const end = parseSeriesEnd(r.end);
	if (!end) return { ok: false, field: 'end', problem: 'end must be "yesterday", "today" or a YYYY-MM-DD date' };
	if (r.appId !== null && r.appId !== undefined && (typeof r.appId !== 'string' || !isValidAppId(r.appId))) {
		return { ok: false, field: 'appId', problem: 'appId must be null or an app identifier without spaces' };
	}
	if (r.endpoint !== undefined && (typeof r.endpoint !== 'string' || r.endpoint.trim() === '')) {
		return { ok: false, field: 'endpoint', problem: 'endpoint must be an instance label or an https URL' };
	}
	const spec: KpiQuerySpec = {
		metric: r.metric,
		length: r.length,
		end,
		appId: typeof r.appId === 'string' ? r.appId : null,
		...(typeof r.endpoint === 'string' ? { endpoint: r.endpoint } : {}),
	};
	return { ok: true, spec };
}

/** Accepts `{kind}` objects and the short string forms used in settings: "yesterday", "today", "YYYY-MM-DD". */
export function parseSeriesEnd(raw: unknown): SeriesEnd | null {
	if (raw === 'yesterday' || raw === 'today') return { kind: raw };
	if (typeof raw === 'string') return isPlainDate(raw) ? { kind: 'date', date: raw } : null;
	if (typeof raw !== 'object' || raw === null) return null;
	const r = raw as Record<string, unknown>;
	if (r.kind === 'yesterday' || r.kind === 'today') return { kind: r.kind };
	if (r.kind === 'date' && typeof r.date === 'string' && isPlainDate(r.date)) return { kind: 'date', date: r.date };
	return null;
}

/** The short string form of an end, as stored in settings. */
export function formatSeriesEnd(end: SeriesEnd): string {
	return end.kind === 'date' ? end.date : end.kind;
}

/** A stable identity for "the same query" (one chart panel per distinct query). */
export function querySpecKey(spec: KpiQuerySpec): string {
	return JSON.stringify([spec.metric, spec.length, formatSeriesEnd(spec.end), spec.appId, spec.endpoint ?? null]);
}

/** A `SeriesEnd` pinned to a calendar date at a given moment. */
export interface ResolvedEnd {
	/** The last calendar day of the series. */
	readonly endDate: string;
	/** What to send as `ending_at`; undefined lets Braze use the time of the request ("today"). */
	readonly endingAt: string | undefined;
}

/** Pins a relative end to today's or yesterday's date as Braze counts days (see `brazeToday`). */
export function resolveSeriesEnd(end: SeriesEnd, now: Date): ResolvedEnd {
	const today = brazeToday(now);
	switch (end.kind) {
		case 'today':
			return { endDate: today, endingAt: undefined };
		case 'yesterday': {
			const date = addDays(today, -1);
			return { endDate: date, endingAt: endingAtForDate(date) };
		}
		case 'date':
			return { endDate: end.date, endingAt: endingAtForDate(end.date) };
	}
}

/** The last second of `date` in UTC, so the series includes that whole day when Braze counts days in UTC. */
export function endingAtForDate(date: string): string {
	return `${date}T23:59:59Z`;
}

/** The user-facing sentence for a refused query field, in the user's language. */
export function queryProblemText(field: QueryField, l10n: L10n, maxLength = MAX_QUERY_LENGTH): string {
	switch (field) {
		case 'query':
			return l10n.t('the query must be an object with metric, length and end');
		case 'metric':
			return l10n.t('metric must be one of dau, mau, new_users, uninstalls');
		case 'length':
			return l10n.t('length must be a whole number of days from 1 to {0}', maxLength);
		case 'end':
			return l10n.t('end must be "yesterday", "today" or a date written YYYY-MM-DD');
		case 'appId':
			return l10n.t('appId must be an app identifier without spaces, or left out for all apps');
		case 'endpoint':
			return l10n.t('endpoint must be an instance label such as US-01 or an https:// URL');
	}
}
