// The one protocol between the extension host and the chart webview. Both sides import it; neither
// trusts what arrives: the host checks every message with `parseWebviewMessage`, and persisted state
// with `parsePersistedPanelState`, before use. The webview sends `ready` first; the host queues until then.
import type { DailyPoint, DailySeries, KpiMetric, RateLimitInfo } from './kpi';
import { isKpiMetric } from './kpi';
import { addDays, daysBetween, isPlainDate } from './dates';
import type { KpiQuerySpec, SeriesEnd } from './query';
import { MAX_QUERY_LENGTH, parseQuerySpec } from './query';
import type { L10nBundle } from './webviewStrings';
import type { RangePreset } from './rangePresets';
import { lastDays } from './summary';
import { lastSourceDays, previousPeriodSources as previousPeriodSourcesOf, stickinessSeries } from './stickinessResult';
import type { StickinessSources } from './stickinessResult';
import { isRecord, isWholeNumber } from './guards';
import { previousPeriodSeries } from './overlays';

/** A fetched series with what is needed to describe it. Never holds the API key. */
export interface PanelResult {
	readonly query: KpiQuerySpec;
	/** The instance the data came from: its label when it is a known one, and its REST host. */
	readonly instance: { readonly label: string | null; readonly host: string };
	/** The query's series; for stickiness, the per-day DAU ÷ MAU derived from `sources`. */
	readonly series: DailySeries;
	/** Set exactly when the query is stickiness: the DAU and MAU series `series` is derived from. */
	readonly sources?: StickinessSources;
	/** ISO-8601 instant of the fetch. */
	readonly fetchedAt: string;
	readonly rateLimit: RateLimitInfo | null;
	/** Other apps' series of the same metric over the same days, drawn with `series` (Compare); absent when there are none. */
	readonly compared?: readonly ComparedSeries[];
	/** Where the days came from, when the day cache took part: absent for a result from before the cache or from a file. */
	readonly provenance?: ResultProvenance;
	/** Set when the result was read from an exported file: its name, and the connection it names (a label only). */
	readonly source?: { readonly file: string; readonly connection: string | null };
	/** Names (`braze.apps`) of the result's apps that have one, by identifier, as they were when it was fetched. */
	readonly appNames?: Readonly<Record<string, string>>;
	/** The query's own app over the same days a year before, day by day (Compare with "year"); absent otherwise. */
	readonly yearBefore?: DailySeries;
	/** For stickiness, when the host has them: the DAU and MAU `yearBefore` is derived from (the JSON export writes them). */
	readonly yearBeforeSources?: StickinessSources;
	/** Set when the previous period (for the change) was not fetched: why, and the requests it would have needed. */
	readonly previousMissing?: PreviousPeriodMissing;
	/** Set by `displayedResult` only, when the query compares with the previous period: its days, which the cut drops from `series`. */
	readonly previousPeriod?: DailySeries;
	/** Set by `displayedResult` only, with `previousPeriod` of a stickiness result: the DAU and MAU it is derived from. */
	readonly previousPeriodSources?: StickinessSources;
}

/** Why a result lacks the previous period: it needed more requests than the host spends on it, or its fetch failed. */
export interface PreviousPeriodMissing {
	readonly reason: 'requests' | 'failed';
	/** The requests the previous period needs. */
	readonly requests: number;
}

/** How much of a result came from the day cache, and how fresh it is. */
export interface ResultProvenance {
	/** Days taken from the cache (gaps included). */
	readonly daysFromCache: number;
	/** ISO-8601 instant of the oldest fetch among those days, or null when none came from the cache. */
	readonly oldestCachedFetch: string | null;
	/** Requests sent for this result, retries included. */
	readonly requestsSent: number;
	/** Braze could not be reached: only cached days are shown. */
	readonly offline: boolean;
	/** Cached days drawn while Braze is asked for the rest. */
	readonly pending?: boolean;
}

/** One more app's series in a comparison. */
export interface ComparedSeries {
	/** The app's API identifier, or null for all apps. */
	readonly appId: string | null;
	/** For stickiness, the per-day DAU ÷ MAU derived from `sources`. */
	readonly series: DailySeries;
	/** Set exactly when the query is stickiness: this app's own DAU and MAU, which `series` is derived from. */
	readonly sources?: StickinessSources;
}

/** The most series one chart holds (the query's own and the compared ones). */
export const MAX_CHART_SERIES = 10;

/**
 * The result as the user sees it: the query's own days. A panel's result may hold the previous period too
 * (fetched in the same request when it fits) to show the change against it; exports and copies get it apart, in
 * `previousPeriod`, only when the query compares with it.
 */
export function displayedResult(result: PanelResult): PanelResult {
	const series = lastDays(result.series, result.query.length);
	const compared = result.compared?.map((c) => ({ ...c, series: lastDays(c.series, result.query.length), ...(c.sources ? { sources: lastSourceDays(c.sources, result.query.length) } : {}) }));
	const cut = series !== result.series || (compared ?? []).some((c, i) => c.series !== result.compared?.[i]?.series);
	if (!cut) return result;
	// The exports carry a previous-period overlay as its own column or block.
	const previousPeriod = result.query.compare?.period === 'previous' ? previousPeriodSeries(result.series, series, result.query.length) : null;
	const previousPeriodSources = previousPeriod && result.sources ? previousPeriodSourcesOf(result.sources, series, result.query.length) : null;
	return {
		...result,
		series,
		...(compared ? { compared } : {}),
		...(result.sources ? { sources: lastSourceDays(result.sources, result.query.length) } : {}),
		...(previousPeriod ? { previousPeriod } : {}),
		...(previousPeriodSources ? { previousPeriodSources } : {}),
	};
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
	/** Host → webview: a fetch failed; `message` is already localized. The previous result stays, with its own query. */
	| { readonly type: 'error'; readonly message: string }
	/** Host → webview: the user cancelled the fetch; a neutral note, not an error. The previous result stays, with its own query. */
	| { readonly type: 'cancelled'; readonly message: string }
	/** Host → webview: a share command ran (palette, editor title, keybinding); do what that action's button does. */
	| { readonly type: 'share'; readonly action: ShareAction }
	/** Host → webview: the saved query's name the tab shows (null: none), kept in the state so that a reload keeps the title. */
	| { readonly type: 'name'; readonly name: string | null };

/** What the share commands ask of the webview, which draws the images. */
export type ShareAction = 'savePng' | 'copyImage' | 'saveSvg';

/** The part of a query the panel's controls can change. With a `preset`, `length` and `end` are its days as the webview resolved them; the host resolves them again. */
export interface RunRequest {
	readonly length: number;
	readonly end: SeriesEnd;
	readonly appId: string | null;
	readonly preset?: RangePreset;
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
	| { readonly type: 'saveQuery' }
	/** Webview → host: export the current result to a CSV file (the host builds it, as for Export to CSV). */
	| { readonly type: 'exportCsv' }
	/** Webview → host: put this Markdown (title, range, summary, per-day table), built by the webview, on the clipboard. */
	| { readonly type: 'copyMarkdown'; readonly markdown: string }
	/** Webview → host: save the chart as a PNG file; `base64` holds the image, drawn by the webview at its pixel size. */
	| { readonly type: 'savePng'; readonly base64: string }
	/** Webview → host: the user asks to change the comparison (apps, period overlay); the host asks with a QuickPick and re-runs. */
	| { readonly type: 'compare' }
	/** Webview → host: save the chart as an SVG file; `svg` is the document the webview recorded from the chart's drawing. */
	| { readonly type: 'saveSvg'; readonly svg: string }
	/** Webview → host: the chart image is on the clipboard. */
	| { readonly type: 'imageCopied' }
	/** Webview → host: the webview could not put the image on the clipboard; `reason` is the browser's, for the message. */
	| { readonly type: 'copyImageFailed'; readonly reason: string }
	/**
	 * Webview → host: a message from the host failed the webview's checks and was not shown (the panel shows that it could
	 * not); `messageType` is that message's `type` (cut, or "?" when it had none), for the host's log.
	 */
	| { readonly type: 'messageUnreadable'; readonly messageType: string };

/** Larger than any Markdown table of 3,650 days × 10 series; a guard on what the webview may send. */
export const MAX_MARKDOWN_LENGTH = 4_000_000;
/** Larger than a chart at 8K × devicePixelRatio 2 as PNG, base64. */
export const MAX_PNG_BASE64_LENGTH = 40_000_000;
const PNG_BASE64_PREFIX = 'iVBORw0KGgo'; // The 8-byte PNG signature, base64.
/** Larger than the SVG of 10 series × 3,650 days; a guard on what the webview may send. */
export const MAX_SVG_LENGTH = 8_000_000;
/** The longest saved query name a panel state may hold. */
const MAX_PANEL_NAME_LENGTH = 200;

/** What the webview keeps with `setState` so that a reload restores the panel without a new request. */
export interface PersistedPanelState {
	readonly query: KpiQuerySpec;
	readonly result: PanelResult | null;
	/** The chart's display choices, kept per panel; the webview reads them back itself (absent: the defaults). */
	readonly view?: ChartViewOptions;
	/** The saved query's name the panel is titled with, if any. */
	readonly name?: string;
}

/** How the panel draws its chart, chosen in the panel. */
export interface ChartViewOptions {
	/** The y-axis starts at zero instead of fitting the data. */
	readonly startAtZero: boolean;
	/** The previous period of the same length is drawn dashed, aligned by day, when the result holds it. */
	readonly previousPeriod: boolean;
}

/** The display choices in `raw`, or the defaults (fit the data, no overlay). */
export function parseChartViewOptions(raw: unknown): ChartViewOptions {
	const view = isRecord(raw) ? raw : {};
	return { startAtZero: view.startAtZero === true, previousPeriod: view.previousPeriod === true };
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
		case 'exportCsv':
		case 'compare':
		case 'imageCopied':
			return { type: raw.type };
		case 'copyImageFailed':
			return typeof raw.reason === 'string' ? { type: raw.type, reason: raw.reason.slice(0, 300) } : null;
		case 'messageUnreadable':
			return typeof raw.messageType === 'string' ? { type: raw.type, messageType: unreadableTypeText(raw.messageType) } : null;
		case 'saveSvg':
			return typeof raw.svg === 'string' && raw.svg.length <= MAX_SVG_LENGTH && raw.svg.startsWith('<svg ') ? { type: raw.type, svg: raw.svg } : null;
		case 'copyMarkdown':
			return typeof raw.markdown === 'string' && raw.markdown.length > 0 && raw.markdown.length <= MAX_MARKDOWN_LENGTH ? { type: 'copyMarkdown', markdown: raw.markdown } : null;
		case 'savePng':
			return isPngBase64(raw.base64) ? { type: 'savePng', base64: raw.base64 } : null;
		default:
			return null;
	}
}

/** The longest message type the webview reports as unreadable. */
const MAX_MESSAGE_TYPE_LENGTH = 40;

/** A message's `type` as the webview reports it and the host logs it: letters only, cut; "?" for anything else. */
export function unreadableTypeText(type: unknown): string {
	return typeof type === 'string' && /^[A-Za-z]+$/.test(type) ? type.slice(0, MAX_MESSAGE_TYPE_LENGTH) : '?';
}

/** Base64 of a PNG: the signature first, only base64 characters, not larger than `MAX_PNG_BASE64_LENGTH`. */
function isPngBase64(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_PNG_BASE64_LENGTH && value.startsWith(PNG_BASE64_PREFIX) && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

function parseRunRequest(raw: unknown, maxLength: number): RunRequest | null {
	if (!isRecord(raw)) return null;
	const parsed = parseQuerySpec({ metric: 'dau', length: raw.length, end: raw.end, appId: raw.appId, preset: raw.preset }, maxLength);
	if (!parsed.ok) return null;
	const { length, end, appId, preset } = parsed.spec;
	return preset === undefined ? { length, end, appId } : { length, end, appId, preset };
}

/** Validates state restored by a `WebviewPanelSerializer`; null when it is unusable. */
export function parsePersistedPanelState(raw: unknown): PersistedPanelState | null {
	if (!isRecord(raw)) return null;
	const query = parseQuerySpec(raw.query);
	if (!query.ok) return null;
	// A name that is not one a saved query could have is dropped, not trusted: the tab then names the query.
	const name = parsePanelName(raw.name);
	const named = name === null ? {} : { name };
	if (raw.result === null || raw.result === undefined) return { query: query.spec, result: null, ...named };
	const result = parsePanelResult(raw.result);
	return result ? { query: query.spec, result, ...named } : null;
}

/** A saved query's name from untrusted input: trimmed, 1–200 characters, no control characters; else null. */
export function parsePanelName(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const name = raw.trim();
	return name !== '' && name.length <= MAX_PANEL_NAME_LENGTH && !/[\u0000-\u001f\u007f]/.test(name) ? name : null;
}

/** Validates an untrusted `PanelResult` (persisted state or an exported file). */
export function parsePanelResult(raw: unknown): PanelResult | null {
	if (!isRecord(raw)) return null;
	const query = parseQuerySpec(raw.query);
	if (!query.ok) return null;
	const instance = raw.instance;
	if (!isRecord(instance) || typeof instance.host !== 'string' || (instance.label !== null && typeof instance.label !== 'string')) return null;
	// A stickiness result's ratio is recomputed from its sources: a stored ratio is never trusted.
	const sources = query.spec.metric === 'stickiness' ? parseStickinessSources(raw.sources) : undefined;
	const series = sources ? stickinessSeries(sources) : parseDailySeries(raw.series);
	if (!series || series.metric !== query.spec.metric || typeof raw.fetchedAt !== 'string' || Number.isNaN(Date.parse(raw.fetchedAt))) return null;
	// A compared app's stickiness is derived from its own sources, as the query's.
	const compared = parseCompared(raw.compared, series, sources !== undefined);
	if (compared === null) return null;
	// A stickiness year before is derived from its sources; without them (a ratio alone is never trusted) it is left out.
	const yearBeforeSources = sources && raw.yearBeforeSources !== undefined ? parseStickinessSources(raw.yearBeforeSources) : undefined;
	if (yearBeforeSources === null) return null;
	const yearBefore = yearBeforeSources ? stickinessSeries(yearBeforeSources) : raw.yearBefore === undefined || sources ? undefined : parseDailySeries(raw.yearBefore);
	if (yearBefore === null || (yearBefore && yearBefore.metric !== series.metric)) return null;
	const appNames = parseAppNames(raw.appNames);
	return {
		query: query.spec,
		instance: { label: instance.label, host: instance.host },
		series,
		...(sources ? { sources } : {}),
		fetchedAt: raw.fetchedAt,
		rateLimit: parseRateLimit(raw.rateLimit),
		...(isRecord(raw.provenance) ? { provenance: parseProvenance(raw.provenance) } : {}),
		...(isRecord(raw.source) && typeof raw.source.file === 'string' ? { source: { file: raw.source.file.slice(0, 260), connection: typeof raw.source.connection === 'string' ? raw.source.connection.slice(0, 60) : null } } : {}),
		...(compared.length > 0 ? { compared } : {}),
		...(yearBefore ? { yearBefore } : {}),
		...(yearBeforeSources ? { yearBeforeSources } : {}),
		...(appNames ? { appNames } : {}),
		...(isRecord(raw.previousMissing) ? parsePreviousMissing(raw.previousMissing) : {}),
	};
}

/** App names from untrusted state: only text names of text identifiers, as many as a chart has series, cut to a tab's length. */
function parseAppNames(raw: unknown): Record<string, string> | undefined {
	if (!isRecord(raw)) return undefined;
	const names: Record<string, string> = {};
	for (const [id, name] of Object.entries(raw).slice(0, MAX_CHART_SERIES)) {
		if (typeof name === 'string' && name.trim() !== '') names[id.slice(0, 256)] = name.slice(0, 60);
	}
	return Object.keys(names).length > 0 ? names : undefined;
}

/** Why the previous period is missing, when it says so in a form the panel knows. */
function parsePreviousMissing(raw: Record<string, unknown>): { previousMissing?: PreviousPeriodMissing } {
	const { reason, requests } = raw;
	return (reason === 'requests' || reason === 'failed') && isWholeNumber(requests, 0, 1000) ? { previousMissing: { reason, requests } } : {};
}

/**
 * Compared series: each of the main series' metric and last day; [] when absent, null when unusable. For stickiness
 * (`withSources`), each must hold its DAU and MAU and its ratio is derived from them (a ratio alone is never trusted).
 */
function parseCompared(raw: unknown, main: DailySeries, withSources: boolean): ComparedSeries[] | null {
	if (raw === undefined) return [];
	if (!Array.isArray(raw) || raw.length > MAX_CHART_SERIES - 1) return null;
	const out: ComparedSeries[] = [];
	for (const item of raw as unknown[]) {
		if (!isRecord(item) || (item.appId !== null && typeof item.appId !== 'string')) return null;
		const sources = withSources ? parseStickinessSources(item.sources) : undefined;
		if (sources === null) return null;
		const series = sources ? stickinessSeries(sources) : parseDailySeries(item.series);
		if (!series || series.metric !== main.metric || series.lastDate !== main.lastDate) return null;
		out.push({ appId: item.appId, series, ...(sources ? { sources } : {}) });
	}
	return out;
}

/** The DAU and MAU series of a stickiness result: each a valid series of its metric, both over the same days. */
function parseStickinessSources(raw: unknown): StickinessSources | null {
	if (!isRecord(raw)) return null;
	const dau = parseDailySeries(raw.dau);
	const mau = parseDailySeries(raw.mau);
	if (dau?.metric !== 'dau' || mau?.metric !== 'mau' || dau.firstDate !== mau.firstDate || dau.lastDate !== mau.lastDate || dau.provisionalDate !== mau.provisionalDate) return null;
	return { dau: { ...dau, metric: 'dau' }, mau: { ...mau, metric: 'mau' } };
}

/** A series must hold exactly one point per day from `firstDate` to `lastDate`, no more than a query can ask for (twice, with the previous period). */
export function parseDailySeries(raw: unknown): DailySeries<KpiMetric> | null {
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

/** A result's provenance from untrusted state: odd fields read as the most cautious value (nothing from the cache, not offline). */
function parseProvenance(raw: Record<string, unknown>): ResultProvenance {
	const oldest = raw.oldestCachedFetch;
	return {
		daysFromCache: isWholeNumber(raw.daysFromCache, 0, 2 * MAX_QUERY_LENGTH) ? raw.daysFromCache : 0,
		oldestCachedFetch: typeof oldest === 'string' && !Number.isNaN(Date.parse(oldest)) ? oldest : null,
		requestsSent: isWholeNumber(raw.requestsSent, 0) ? raw.requestsSent : 0,
		offline: raw.offline === true,
		...(raw.pending === true ? { pending: true } : {}),
	};
}

function parseRateLimit(raw: unknown): RateLimitInfo | null {
	if (!isRecord(raw)) return null;
	// Counts and an epoch: whole and not negative, as readRateLimit produces them.
	const num = (v: unknown): number | null => (isWholeNumber(v, 0, Number.MAX_SAFE_INTEGER) ? v : null);
	return { limit: num(raw.limit), remaining: num(raw.remaining), resetEpochSeconds: num(raw.resetEpochSeconds) };
}
