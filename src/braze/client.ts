// The Braze KPI client: validates a request, fetches its ≤100-day windows with retries, and merges them
// into one DailySeries. Plain TypeScript: fetch, clock, sleep, randomness and cancellation are injected.
import type { DailySeries, KpiMetric, RateLimitInfo } from '../shared/kpi';
import { isKpiMetric, KPI_METRICS } from '../shared/kpi';
import { brazeToday } from '../shared/dates';
import { apiKeyProblem } from '../shared/apiKey';
import { DEFAULT_MAX_BODY_BYTES } from './body';
import { abortableSleep, linkedAbortController, raceWithCancellation, throwIfCancelled } from './cancellation';
import { mapWithConcurrency, RequestLimiter } from './concurrency';
import type { BrazeError } from './errors';
import { BrazeCancelledError, BrazeNetworkError, BrazeRateLimitError, BrazeServerError, BrazeValidationError } from './errors';
import { resolveRestEndpoint } from './instances';
import { endpointOf } from './metrics';
import { lowestRemaining, msUntilReset, rateLimitResetAt, retryAfterMs } from './rateLimit';
import { buildSeriesUrl, endDateOfRequest, endOfDay, normaliseEndingAt, paramsToSend, validateAppId, validateLength } from './requestParams';
import type { NormalisedEndingAt } from './requestParams';
import { brazeMessageOf, parseSeriesBody } from './response';
import type { SeriesRow } from './response';
import { resolveRetryPolicy, retryDelayMs } from './retry';
import type { RetryCause, RetryPolicy } from './retry';
import { rowsInWindow, splitIntoWindows, toDailySeries } from './series';
import type { SeriesWindow } from './series';
import { checkWindows } from './windowList';
import type { DayWindow } from './windowList';
import { errorForStatus, isRetryableStatus } from './statusErrors';
import type { RequestContext } from './statusErrors';
import { sendOnce } from './transport';
import { droppedRowsOf } from './series';
import type { DroppedRow } from './series';
import type { AttemptResponse, RequestLogEntry, TransportOptions } from './transport';

export type { RequestLogEntry } from './transport';

export interface BrazeClientOptions {
	/** An instance label ("US-01"), a REST host, or a URL (https, or http on loopback). */
	baseUrl: string;
	apiKey: string;
	fetch?: typeof fetch;
	now?: () => Date;
	/** Waits between retries; must reject (or will be abandoned) when `signal` fires. */
	sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	/** Jitter source in [0, 1). */
	random?: () => number;
	/** Per-attempt timeout, body included. Default 30 s. */
	timeoutMs?: number;
	/** Windows fetched at once. Default 4, or the capacity of `limiter` when one is given. */
	maxConcurrency?: number;
	/** Caps requests in flight; share one between clients to cap the whole extension. Default: a private limiter of 4. */
	limiter?: RequestLimiter;
	/** Told before every wait for a 429's reset or a retry backoff, so the user can see why nothing moves. */
	onWait?: (wait: RetryWait) => void;
	retry?: Partial<RetryPolicy>;
	/** Bodies larger than this are refused. Default 5 MB. */
	maxBodyBytes?: number;
	onRequest?: (entry: RequestLogEntry) => void;
}

export interface SeriesRequest {
	metric: KpiMetric;
	/** Days in the series, ≥ 1; above 100 it is fetched in several requests. */
	length: number;
	/** ISO-8601 date or date-time where the series ends; absent = now (Braze's default). */
	endingAt?: string;
	/** An app's API identifier; absent or null = all apps of the workspace. */
	appId?: string | null;
}

/** A wait before a retry: `until` is on the client's clock; `attempt` is the number of the attempt sent when it ends (2 for the first retry). */
export interface RetryWait {
	readonly reason: 'rateLimit' | 'retry';
	readonly until: Date;
	readonly attempt: number;
}

/** Explicit windows of one series, e.g. the holes a cache could not fill. */
export interface WindowsRequest {
	metric: KpiMetric;
	/** An app's API identifier; absent or null = all apps of the workspace. */
	appId?: string | null;
	/** Each of 1 to 100 days; they may be in any order but must not overlap. */
	windows: readonly DayWindow[];
}

export interface WindowsResponse {
	/** The rows of every window, each inside the window it was asked for; a day of a window with no row is a day Braze did not return. */
	rows: SeriesRow[];
	rateLimit: RateLimitInfo | null;
	/** HTTP requests sent, retries included. */
	requestCount: number;
	/** Rows Braze sent that the windows leave out (repeated dates, days outside a window), for the log. */
	droppedRows: readonly DroppedRow[];
}

export interface SeriesResponse {
	series: DailySeries;
	/** From the response with the fewest requests remaining; null when Braze sent no rate-limit headers. */
	rateLimit: RateLimitInfo | null;
	/** HTTP requests sent, retries included. */
	requestCount: number;
	/** Rows Braze sent that the series leaves out (repeated dates, days outside a window); `droppedRowsLogLine` words them for the log. */
	droppedRows: readonly DroppedRow[];
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_CONCURRENCY = 4;

interface WindowResult {
	readonly rows: SeriesRow[];
	readonly rateLimit: RateLimitInfo | null;
	/** Requests sent for the window, retries included. */
	readonly attempts: number;
}

export class BrazeClient {
	/** The resolved base URL, e.g. "https://rest.iad-01.braze.com". */
	readonly baseUrl: string;
	/** The REST host the messages name, e.g. "rest.iad-01.braze.com". */
	readonly #host: string;
	readonly #transport: TransportOptions;
	readonly #now: () => Date;
	readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
	readonly #random: () => number;
	readonly #maxConcurrency: number;
	readonly #limiter: RequestLimiter;
	readonly #retryPolicy: RetryPolicy;
	readonly #onWait: ((wait: RetryWait) => void) | undefined;

	/** Throws BrazeValidationError (field `endpoint` or `apiKey`) for an unusable setting. */
	constructor(options: BrazeClientOptions) {
		this.baseUrl = resolveRestEndpoint(options.baseUrl);
		this.#host = new URL(this.baseUrl).host;
		this.#now = options.now ?? ((): Date => new Date());
		this.#sleep = options.sleep ?? abortableSleep;
		this.#random = options.random ?? Math.random;
		this.#limiter = options.limiter ?? new RequestLimiter(positiveInteger(options.maxConcurrency, DEFAULT_MAX_CONCURRENCY));
		this.#maxConcurrency = positiveInteger(options.maxConcurrency, this.#limiter.capacity);
		this.#retryPolicy = resolveRetryPolicy(options.retry);
		this.#onWait = options.onWait;
		this.#transport = {
			fetch: options.fetch ?? globalThis.fetch,
			apiKey: checkApiKey(options.apiKey, this.#host),
			timeoutMs: positiveInteger(options.timeoutMs, DEFAULT_TIMEOUT_MS),
			maxBodyBytes: positiveInteger(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
			now: this.#now,
			...(options.onRequest ? { onRequest: options.onRequest } : {}),
		};
	}

	/**
	 * The series of `request.length` days ending on the request's end date (see `endDateOfRequest`), one point per day,
	 * missing days as null. Rejects with a BrazeError subclass; BrazeCancelledError when `signal` fires.
	 */
	async fetchSeries(request: SeriesRequest, signal?: AbortSignal): Promise<SeriesResponse> {
		const metric = checkMetric(request.metric);
		const length = validateLength(request.length);
		const endingAt = request.endingAt == null ? null : normaliseEndingAt(request.endingAt);
		const appId = request.appId == null ? null : validateAppId(request.appId);
		const now = this.#now();
		const endDate = endDateOfRequest(endingAt, now);
		const windows = splitIntoWindows(endDate, length);
		const windowRows = await this.#fetchWindowList(metric, appId, windows, (w) => windowEndingAt(w, endingAt), signal);
		const rows = windowRows.results.flatMap((r, i) => rowsInWindow(r.rows, windows[i]));
		return {
			series: toDailySeries(metric, windows[windows.length - 1].firstDate, endDate, rows, brazeToday(now)),
			rateLimit: windowRows.rateLimit,
			requestCount: windowRows.requestCount,
			droppedRows: droppedRowsOf(windowRows.results.map((r) => r.rows), windows),
		};
	}

	/**
	 * The rows of explicit windows of one series (a cache asks only for the days it lacks). A window ending today sends no
	 * `ending_at` (Braze's default, now); any other ends at 23:59:59Z of its last day. Rejects like `fetchSeries`.
	 */
	async fetchWindows(request: WindowsRequest, signal?: AbortSignal): Promise<WindowsResponse> {
		const metric = checkMetric(request.metric);
		const appId = request.appId == null ? null : validateAppId(request.appId);
		const windows = checkWindows(request.windows);
		const today = brazeToday(this.#now());
		const endingAtOf = (w: SeriesWindow): string | null => (w.lastDate === today ? null : endOfDay(w.lastDate, 'Z'));
		const fetched = await this.#fetchWindowList(metric, appId, windows, endingAtOf, signal);
		return {
			rows: fetched.results.flatMap((r, i) => rowsInWindow(r.rows, windows[i])),
			rateLimit: fetched.rateLimit,
			requestCount: fetched.requestCount,
			droppedRows: droppedRowsOf(fetched.results.map((r) => r.rows), windows),
		};
	}

	/** Every window's request, at most `maxConcurrency` at once; the first failure (or the caller's cancel) stops them all. */
	async #fetchWindowList(
		metric: KpiMetric,
		appId: string | null,
		windows: readonly SeriesWindow[],
		endingAtOf: (window: SeriesWindow) => string | null,
		signal: AbortSignal | undefined,
	): Promise<{ results: WindowResult[]; rateLimit: RateLimitInfo | null; requestCount: number }> {
		const endpoint = endpointOf(metric);
		// One controller for the whole fetch: the caller's cancel, or the first failed window, stops every window.
		const { controller, dispose } = linkedAbortController(signal);
		const fetchWindow = (window: SeriesWindow): Promise<WindowResult> => {
			const params = { length: window.length, endingAt: endingAtOf(window), appId };
			const url = buildSeriesUrl(this.baseUrl, endpoint.path, params);
			const ctx = { metric, permission: endpoint.permission, host: this.#host, url, paramsSent: paramsToSend(params) };
			return this.#fetchWindow(ctx, endpoint.valueField, controller.signal);
		};
		try {
			throwIfCancelled(controller.signal);
			const results = await mapWithConcurrency(windows, this.#maxConcurrency, fetchWindow, () => controller.abort());
			if (signal) throwIfCancelled(signal);
			return {
				results,
				rateLimit: lowestRemaining(results.map((r) => r.rateLimit)),
				requestCount: results.reduce((sum, r) => sum + r.attempts, 0),
			};
		} finally {
			dispose();
		}
	}

	/** One window's request, retried as the policy allows; resolves with its rows or rejects with the error to report. */
	async #fetchWindow(ctx: RequestContext, valueField: string, signal: AbortSignal): Promise<WindowResult> {
		let waitedMs = 0;
		for (let attempt = 1; ; attempt++) {
			throwIfCancelled(signal);
			const outcome = await this.#limiter.run(() => sendOnce(ctx.url, attempt, signal, this.#transport), signal, () => new BrazeCancelledError());
			let cause: RetryCause;
			let finalError: () => BrazeError;
			if (outcome.kind === 'network-error') {
				cause = { kind: 'network-error' };
				finalError = () => new BrazeNetworkError(ctx.host, outcome.code, attempt, outcome.cause);
			} else {
				const response = outcome.response;
				if (response.status >= 200 && response.status < 300) {
					return { rows: parseSeriesBody(response.text, valueField, response.status), rateLimit: response.rateLimit, attempts: attempt };
				}
				if (!isRetryableStatus(response.status)) {
					throw errorForStatus(response.status, brazeMessageOf(response.text), response.location, ctx);
				}
				({ cause, finalError } = this.#retryableFailure(response, attempt));
			}
			const delay = retryDelayMs(cause, attempt, waitedMs, this.#retryPolicy, this.#random);
			if (delay === null) throw finalError();
			waitedMs += delay;
			this.#notifyWait(cause.kind === 'rate-limited' ? 'rateLimit' : 'retry', delay, attempt + 1);
			await raceWithCancellation(this.#sleep(delay, signal), signal);
		}
	}

	#notifyWait(reason: RetryWait['reason'], delayMs: number, attempt: number): void {
		if (!this.#onWait) return;
		try {
			this.#onWait({ reason, until: new Date(this.#now().getTime() + delayMs), attempt });
		} catch {
			// A listener's failure (a closed notification) must not fail the fetch it only reports on.
		}
	}

	#retryableFailure(response: AttemptResponse, attempt: number): { cause: RetryCause; finalError: () => BrazeError } {
		if (response.status !== 429) {
			return { cause: { kind: 'server-error' }, finalError: () => new BrazeServerError(response.status, attempt) };
		}
		const now = this.#now();
		const retryAfter = retryAfterMs(response.headers, now);
		const untilReset = msUntilReset(response.rateLimit, now);
		const resetAt = rateLimitResetAt(response.rateLimit, retryAfter, now);
		return { cause: { kind: 'rate-limited', waitHintMs: retryAfter ?? untilReset }, finalError: () => new BrazeRateLimitError(resetAt) };
	}
}

/** A client for `options.baseUrl` (label, host or URL). Throws BrazeValidationError for an unusable endpoint or key. */
export function createBrazeClient(options: BrazeClientOptions): BrazeClient {
	return new BrazeClient(options);
}

/** The `ending_at` sent for a window: the request's own for the latest window (none = Braze's "now"), else the end of the window's last day. */
export function windowEndingAt(window: SeriesWindow, endingAt: NormalisedEndingAt | null): string | null {
	if (window.index === 0) return endingAt?.text ?? null;
	return endOfDay(window.lastDate, endingAt?.offset ?? 'Z');
}

function checkMetric(metric: unknown): KpiMetric {
	if (!isKpiMetric(metric)) throw new BrazeValidationError('metric', [KPI_METRICS.join(', ')]);
	return metric;
}

/** The key, trimmed. A message may name what is wrong with it, never quote it. */
function checkApiKey(apiKey: unknown, host: string): string {
	const problem = typeof apiKey === 'string' ? apiKeyProblem(apiKey) : 'empty';
	if (problem) throw new BrazeValidationError('apiKey', [host], `problem: ${problem}`);
	return (apiKey as string).trim();
}

function positiveInteger(value: number | undefined, fallback: number): number {
	return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
