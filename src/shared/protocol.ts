// The one protocol between the extension host and the chart webview. Both sides import it; neither
// trusts what arrives: the host checks every message with `parseWebviewMessage`, and persisted state
// with `parsePersistedPanelState`, before use. The webview sends `ready` first; the host queues until then.
import type { DailyPoint, DailySeries, RateLimitInfo } from './kpi';
import { isKpiMetric } from './kpi';
import { addDays, daysBetween, isPlainDate } from './dates';
import type { KpiQuerySpec, SeriesEnd } from './query';
import { MAX_QUERY_LENGTH, parseQuerySpec } from './query';
import type { L10nBundle } from './webviewStrings';
import { lastDays } from './summary';
import { isRecord, isWholeNumber } from './guards';

/** A fetched series with what is needed to describe it. Never holds the API key. */
export interface PanelResult {
	readonly query: KpiQuerySpec;
	/** The instance the data came from: its label when it is a known one, and its REST host. */
	readonly instance: { readonly label: string | null; readonly host: string };
	readonly series: DailySeries;
	/** ISO-8601 instant of the fetch. */
	readonly fetchedAt: string;
	readonly rateLimit: RateLimitInfo | null;
}

/**
 * The result as the user sees it: the query's own days. A panel's result may hold the previous period too
 * (fetched in the same request when it fits) only to show the change against it; exports and copies never do.
 */
export function displayedResult(result: PanelResult): PanelResult {
	const series = lastDays(result.series, result.query.length);
	return series === result.series ? result : { ...result, series };
}

/** Messages the host posts to the webview. */
export type HostToWebview =
	/**
	 * Host → webview, once after each `ready`: the extension's loaded translations (`vscode.l10n.bundle`; null in English),
	 * display locale, the query, the last result if any, the longest length the controls accept, and today as Braze
	 * counts days (the latest end date allowed).
	 */
	| { readonly type: 'init'; readonly l10nBundle: L10nBundle | null; readonly locale: string; readonly query: KpiQuerySpec; readonly result: PanelResult | null; readonly maxLength: number; readonly today: string }
	/** Host → webview: a fetch for `query` started; show progress and keep the old chart. */
	| { readonly type: 'loading'; readonly query: KpiQuerySpec }
	/** Host → webview: a fetch finished; draw it. */
	| { readonly type: 'result'; readonly result: PanelResult }
	/** Host → webview: a fetch failed or was cancelled; `message` is already localized. The previous result stays. */
	| { readonly type: 'error'; readonly message: string };

/** The part of a query the panel's controls can change. */
export interface RunRequest {
	readonly length: number;
	readonly end: SeriesEnd;
	readonly appId: string | null;
}

/** Messages the webview posts to the host. */
export type WebviewToHost =
	/** Webview → host: the script loaded and listens; the host may now send `init`. */
	| { readonly type: 'ready' }
	/** Webview → host: the user changed the controls and asks to re-run in place. */
	| { readonly type: 'run'; readonly request: RunRequest }
	/** Webview → host: the user asks to cancel the running fetch. */
	| { readonly type: 'cancel' }
	/** Webview → host: copy the current result as CSV (the host builds it from its own copy of the data). */
	| { readonly type: 'copyCsv' }
	/** Webview → host: export the current result to a JSON file. */
	| { readonly type: 'exportJson' }
	/** Webview → host: save the panel's query to the saved queries. */
	| { readonly type: 'saveQuery' };

/** What the webview keeps with `setState` so that a reload restores the panel without a new request. */
export interface PersistedPanelState {
	readonly query: KpiQuerySpec;
	readonly result: PanelResult | null;
}

export function assertNever(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** Validates an untrusted message from the webview; null when it is not one of `WebviewToHost`. */
export function parseWebviewMessage(raw: unknown, maxLength: number): WebviewToHost | null {
	if (!isRecord(raw)) return null;
	switch (raw.type) {
		case 'ready':
		case 'cancel':
		case 'copyCsv':
		case 'exportJson':
		case 'saveQuery':
			return { type: raw.type };
		case 'run': {
			const request = parseRunRequest(raw.request, maxLength);
			return request ? { type: 'run', request } : null;
		}
		default:
			return null;
	}
}

function parseRunRequest(raw: unknown, maxLength: number): RunRequest | null {
	if (!isRecord(raw)) return null;
	const parsed = parseQuerySpec({ metric: 'dau', length: raw.length, end: raw.end, appId: raw.appId }, maxLength);
	return parsed.ok ? { length: parsed.spec.length, end: parsed.spec.end, appId: parsed.spec.appId } : null;
}

/** Validates state restored by a `WebviewPanelSerializer`; null when it is unusable. */
export function parsePersistedPanelState(raw: unknown): PersistedPanelState | null {
	if (!isRecord(raw)) return null;
	const query = parseQuerySpec(raw.query);
	if (!query.ok) return null;
	if (raw.result === null || raw.result === undefined) return { query: query.spec, result: null };
	const result = parsePanelResult(raw.result);
	return result ? { query: query.spec, result } : null;
}

/** Validates an untrusted `PanelResult` (persisted state or an exported file). */
export function parsePanelResult(raw: unknown): PanelResult | null {
	if (!isRecord(raw)) return null;
	const query = parseQuerySpec(raw.query);
	if (!query.ok) return null;
	const instance = raw.instance;
	if (!isRecord(instance) || typeof instance.host !== 'string' || (instance.label !== null && typeof instance.label !== 'string')) return null;
	const series = parseDailySeries(raw.series);
	if (!series || series.metric !== query.spec.metric || typeof raw.fetchedAt !== 'string' || Number.isNaN(Date.parse(raw.fetchedAt))) return null;
	return {
		query: query.spec,
		instance: { label: instance.label, host: instance.host },
		series,
		fetchedAt: raw.fetchedAt,
		rateLimit: parseRateLimit(raw.rateLimit),
	};
}

/** A series must hold exactly one point per day from `firstDate` to `lastDate`, no more than a query can ask for (twice, with the previous period). */
function parseDailySeries(raw: unknown): DailySeries | null {
	if (!isRecord(raw) || !isKpiMetric(raw.metric) || !Array.isArray(raw.points)) return null;
	const { firstDate, lastDate, provisionalDate } = raw;
	if (!isDate(firstDate) || !isDate(lastDate)) return null;
	// The day in progress is one of the series' days, or there is none.
	if (provisionalDate !== null && !(isDate(provisionalDate) && provisionalDate >= firstDate && provisionalDate <= lastDate)) return null;
	const days = daysBetween(firstDate, lastDate) + 1;
	if (days < 1 || days > 2 * MAX_QUERY_LENGTH || raw.points.length !== days) return null;
	const points: DailyPoint[] = [];
	for (const [index, p] of (raw.points as unknown[]).entries()) {
		if (!isRecord(p) || p.date !== addDays(firstDate, index)) return null;
		if (p.value !== null && !isWholeNumber(p.value, 0, Number.MAX_SAFE_INTEGER)) return null;
		points.push({ date: p.date, value: p.value });
	}
	return { metric: raw.metric, firstDate, lastDate, points, provisionalDate };
}

function isDate(value: unknown): value is string {
	return typeof value === 'string' && isPlainDate(value);
}

function parseRateLimit(raw: unknown): RateLimitInfo | null {
	if (!isRecord(raw)) return null;
	// Counts and an epoch: whole and not negative, as readRateLimit produces them.
	const num = (v: unknown): number | null => (isWholeNumber(v, 0, Number.MAX_SAFE_INTEGER) ? v : null);
	return { limit: num(raw.limit), remaining: num(raw.remaining), resetEpochSeconds: num(raw.resetEpochSeconds) };
}
