// The overview panel's messages and state: Home's figures for one range and one app (or all apps), in the same
// webview bundle as the chart panel (a view mode of its own). Both sides import it; neither trusts what arrives.
import { isPlainDate } from './dates';
import { isRecord, isWholeNumber } from './guards';
import { KPI_METRICS } from './kpi';
import type { KpiMetric, RateLimitInfo } from './kpi';
import { parseDailySeries } from './protocol';
import type { DailySeries } from './kpi';
import { MAX_QUERY_LENGTH, isValidAppId, isValidConnectionName, parseSeriesEnd } from './query';
import { isRangePreset } from './rangePresets';
import type { SavedRange } from './rangePresets';
import type { L10nBundle } from './webviewStrings';

/** What the user asked for: a range (a preset stays relative) and one app or all apps. Several apps are not summable (DAU would double-count). */
export interface OverviewRequest {
	readonly range: SavedRange;
	/** An app's API identifier, or null for all apps. */
	readonly appId: string | null;
	/** The connection it runs on, by name; undefined means the active connection. */
	readonly connection?: string;
}

/** One series of the overview: its days (the range and the previous range), or why there are none. */
export type OverviewSeries =
	| { readonly status: 'ok'; readonly series: DailySeries }
	/** Braze answered 403 "Access Denied": the key lacks `permission`. */
	| { readonly status: 'denied'; readonly permission: string }
	/** Another failure, `message` already localized. */
	| { readonly status: 'failed'; readonly message: string };

/** Everything the overview shows, as fetched. Never holds the API key. */
export interface OverviewResult {
	/** The request as run, on the connection it ran on. */
	readonly request: OverviewRequest;
	/** The range's days (a preset pinned on the day of the fetch). */
	readonly firstDate: string;
	readonly lastDate: string;
	readonly instance: { readonly label: string | null; readonly host: string };
	/** ISO-8601 instant of the fetch. */
	readonly fetchedAt: string;
	/** Each series covers the previous range and the range (twice the range's days, ending on `lastDate`). */
	readonly series: Readonly<Record<KpiMetric, OverviewSeries>>;
	/** Requests the cache could not spare (`planned`), and requests Braze answered, retries included (`sent`). */
	readonly requests: { readonly planned: number; readonly sent: number };
	readonly rateLimit: RateLimitInfo | null;
}

/** One card of the overview, worded by the host. */
export interface OverviewCard {
	/** The figure: dau, mau, new_users, uninstalls or stickiness. */
	readonly key: string;
	readonly label: string;
	readonly status: 'ok' | 'denied' | 'failed';
	/** The figure, or "Not allowed by this key". */
	readonly value: string;
	readonly detail: string;
	/** The change and what it compares with; a sentence saying why there is none. */
	readonly change: string;
	readonly trend: 'up' | 'down' | 'flat' | 'none';
	/** How the figure and its change are computed. */
	readonly tooltip: string;
}

/** One figure's values per day of the range, for its tab's chart and table. */
export interface OverviewChart {
	readonly key: string;
	readonly label: string;
	/** Values are fractions shown as percentages (stickiness). */
	readonly percent: boolean;
	readonly firstDate: string;
	/** One per day from `firstDate`; null for a gap. Empty when `unavailable`. */
	readonly values: readonly (number | null)[];
	readonly provisionalDate: string | null;
	/** Why the figure cannot be charted (a refused permission), or null. */
	readonly unavailable: string | null;
}

/** What the overview webview shows: everything worded and computed by the host. */
export interface OverviewModel {
	/** App, range and connection, for the header. */
	readonly facts: readonly string[];
	readonly cards: readonly OverviewCard[];
	readonly charts: readonly OverviewChart[];
	readonly footer: readonly string[];
}

/** What the overview webview keeps with `setState`; the host validates it on restore (`parsePersistedOverviewState`). */
export interface PersistedOverviewState {
	readonly overview: OverviewRequest;
	readonly result: OverviewResult | null;
}

/** The state as the webview holds it: it keeps what the host sent without reading it. */
export interface OpaqueOverviewState {
	readonly overview: unknown;
	readonly result: unknown;
}

/** Messages the host posts to an overview webview. */
export type HostToOverview =
	/** Host → webview, once after each `ready`: translations, display locale, the model, and the state to keep for a reload. */
	| { readonly type: 'overviewInit'; readonly l10nBundle: L10nBundle | null; readonly locale: string; readonly model: OverviewModel; readonly state: PersistedOverviewState }
	/** Host → webview: a fetch started; keep the old figures meanwhile. */
	| { readonly type: 'overviewLoading' }
	/** Host → webview: a fetch finished; show it and keep its state. */
	| { readonly type: 'overviewResult'; readonly model: OverviewModel; readonly state: PersistedOverviewState }
	/** Host → webview: the fetch failed (`message` localized) or was cancelled (a neutral note); the previous result stays. */
	| { readonly type: 'overviewStatus'; readonly kind: 'error' | 'cancelled'; readonly message: string };

/** Messages an overview webview posts to the host. */
export type OverviewToHost =
	/** Webview → host: the script loaded and listens (the chart panel's `ready`, shared by the bundle). */
	| { readonly type: 'ready' }
	/** Webview → host: cancel the running fetch. */
	| { readonly type: 'cancel' }
	/** Webview → host: fetch the overview again (the cache still spares settled days). */
	| { readonly type: 'overviewRefresh' };

/** Validates an untrusted message from an overview webview; null when it is not one of `OverviewToHost`. */
export function parseOverviewMessage(raw: unknown): OverviewToHost | null {
	if (!isRecord(raw)) return null;
	return raw.type === 'ready' || raw.type === 'cancel' || raw.type === 'overviewRefresh' ? { type: raw.type } : null;
}

/** Validates an untrusted request (command arguments come through `overviewRequestFromArguments`). */
export function parseOverviewRequest(raw: unknown): OverviewRequest | null {
	if (!isRecord(raw) || !isRecord(raw.range)) return null;
	const range = parseRange(raw.range);
	const { appId = null, connection } = raw;
	if (!range || (appId !== null && (typeof appId !== 'string' || !isValidAppId(appId)))) return null;
	if (connection !== undefined && (typeof connection !== 'string' || !isValidConnectionName(connection))) return null;
	return { range, appId, ...(connection === undefined ? {} : { connection: connection.trim() }) };
}

function parseRange(raw: Record<string, unknown>): SavedRange | null {
	if (raw.kind === 'preset') return isRangePreset(raw.preset) ? { kind: 'preset', preset: raw.preset } : null;
	const end = parseSeriesEnd(raw.end);
	return raw.kind === 'custom' && end && isWholeNumber(raw.length, 1, MAX_QUERY_LENGTH) ? { kind: 'custom', length: raw.length, end } : null;
}

/** Validates an untrusted result (persisted state, a message): every series twice the range's days, ending on its last day. */
export function parseOverviewResult(raw: unknown): OverviewResult | null {
	if (!isRecord(raw) || !isRecord(raw.series) || !isRecord(raw.instance) || !isRecord(raw.requests)) return null;
	const request = parseOverviewRequest(raw.request);
	const { firstDate, lastDate, instance, requests } = raw;
	if (!request || typeof firstDate !== 'string' || typeof lastDate !== 'string' || !isPlainDate(firstDate) || !isPlainDate(lastDate) || firstDate > lastDate) return null;
	if (typeof instance.host !== 'string' || (instance.label !== null && typeof instance.label !== 'string')) return null;
	if (typeof raw.fetchedAt !== 'string' || Number.isNaN(Date.parse(raw.fetchedAt)) || !isWholeNumber(requests.planned, 0) || !isWholeNumber(requests.sent, 0)) return null;
	const series: Partial<Record<KpiMetric, OverviewSeries>> = {};
	for (const metric of KPI_METRICS) {
		const parsed = parseOverviewSeries(raw.series[metric], metric, lastDate);
		if (!parsed) return null;
		series[metric] = parsed;
	}
	const limit = isRecord(raw.rateLimit) ? raw.rateLimit : null;
	const count = (v: unknown): number | null => (isWholeNumber(v, 0, Number.MAX_SAFE_INTEGER) ? v : null);
	return {
		request,
		firstDate,
		lastDate,
		instance: { label: instance.label, host: instance.host },
		fetchedAt: raw.fetchedAt,
		series: series as Record<KpiMetric, OverviewSeries>,
		requests: { planned: requests.planned, sent: requests.sent },
		rateLimit: limit && { limit: count(limit.limit), remaining: count(limit.remaining), resetEpochSeconds: count(limit.resetEpochSeconds) },
	};
}

function parseOverviewSeries(raw: unknown, metric: KpiMetric, lastDate: string): OverviewSeries | null {
	if (!isRecord(raw)) return null;
	const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 2000;
	if (raw.status === 'denied') return text(raw.permission) ? { status: 'denied', permission: raw.permission } : null;
	if (raw.status === 'failed') return text(raw.message) ? { status: 'failed', message: raw.message } : null;
	if (raw.status !== 'ok') return null;
	const series = parseDailySeries(raw.series);
	return series && series.metric === metric && series.lastDate === lastDate ? { status: 'ok', series } : null;
}

/** Validates state restored after a reload; null when it is unusable. */
export function parsePersistedOverviewState(raw: unknown): PersistedOverviewState | null {
	if (!isRecord(raw)) return null;
	const request = parseOverviewRequest(raw.overview);
	if (!request) return null;
	if (raw.result === null || raw.result === undefined) return { overview: request, result: null };
	const result = parseOverviewResult(raw.result);
	return result ? { overview: request, result } : null;
}
