// A series served from the day cache where it can be and from Braze for the rest, with where each part came from.
// Plain TypeScript: the window fetcher (BrazeClient.fetchWindows), the cache and the clock are passed in.
import type { WindowsRequest, WindowsResponse } from '../braze/client';
import type { BrazeError } from '../braze/errors';
import { BrazeNetworkError, BrazeServerError, BrazeTimeoutError, BrazeValidationError } from '../braze/errors';
import { validateAppId, validateLength } from '../braze/requestParams';
import { provisionalDateOf } from '../braze/series';
import { addDays, brazeToday, fromDayNumber, isPlainDate, toDayNumber } from '../shared/dates';
import type { DailyPoint, DailySeries, KpiMetric, RateLimitInfo } from '../shared/kpi';
import { isKpiMetric, KPI_METRICS } from '../shared/kpi';
import type { CachedDay, CachedDays, SeriesKey } from './cachedDay';
import type { DayCache } from './dayCache';
import { planDays } from './planner';
import { normaliseRefreshDays } from './refreshDays';

/** One series of `length` days ending on `endDate` (default: today). */
export interface CachedSeriesRequest {
	readonly metric: KpiMetric;
	readonly length: number;
	/** `YYYY-MM-DD`; absent or null = today (UTC, as Braze's days are assumed to be). */
	readonly endDate?: string | null;
	/** An app's API identifier; absent or null = all apps. */
	readonly appId?: string | null;
}

/** Where the days shown came from. */
export interface SeriesProvenance {
	/** Days taken from the cache (gaps included). */
	readonly daysFromCache: number;
	/** The oldest fetch among those days, or null when none came from the cache. */
	readonly oldestCachedFetch: Date | null;
	/** Requests whose answers are shown, retries included; 0 when served from the cache or offline. */
	readonly requestsSent: number;
	/** True when nothing was asked of Braze: every day came from the cache and is within its freshness rule. */
	readonly fromCacheOnly: boolean;
	/** True when Braze could not be reached and only cached days are shown (see `offlineCause`); missing days are gaps. */
	readonly offline: boolean;
}

export interface CachedSeriesResult {
	readonly series: DailySeries;
	readonly provenance: SeriesProvenance;
	/** From the answers of this fetch; null when nothing was fetched. */
	readonly rateLimit: RateLimitInfo | null;
	/** The failure that made the result offline, to say why; null otherwise. */
	readonly offlineCause: BrazeError | null;
}

/** The cached part of a series, for drawing at once while the network answers. */
export interface CachedSeriesPeek {
	/** Every cached day of the range, whatever its age; days not cached are gaps. */
	readonly series: DailySeries;
	readonly daysFromCache: number;
	readonly oldestCachedFetch: Date | null;
	/** True when a fetch would send nothing: what is shown is already the answer. */
	readonly complete: boolean;
}

export interface CachedSeriesDeps {
	/** Usually `(request, signal) => client.fetchWindows(request, signal)`. */
	readonly fetchWindows: (request: WindowsRequest, signal?: AbortSignal) => Promise<WindowsResponse>;
	readonly cache: Pick<DayCache, 'read' | 'write' | 'generation'>;
	readonly now: () => Date;
	/** Days before today fetched again even when cached; 0 = always fetch; nonsense (negative, NaN) = the default, 3. */
	readonly refreshDays: number;
}

export interface CachedSeriesOptions {
	/** Fetch every day again ("Fetch again (ignore cache)"); the answers still refresh the cache. */
	readonly ignoreCache?: boolean;
	readonly signal?: AbortSignal;
}

interface CheckedRequest {
	readonly key: SeriesKey;
	readonly firstDate: string;
	readonly lastDate: string;
}

/**
 * The series, from the cache for the settled days and from Braze for the rest, in the fewest requests. Fetched days,
 * gaps included, are written back (in the background: the cache's next operation waits for it), unless the partition
 * was dropped or the cache cleared while they were fetched. When Braze cannot be reached (network, timeout, 5xx) and
 * some of the range is cached, resolves with the cached days marked offline; otherwise rejects with the BrazeError
 * (BrazeValidationError for a bad request, before anything is read or sent).
 */
export async function fetchCachedSeries(deps: CachedSeriesDeps, partitionId: string, request: CachedSeriesRequest, options: CachedSeriesOptions = {}): Promise<CachedSeriesResult> {
	const now = deps.now();
	const checked = checkRequest(request, now);
	const generation = deps.cache.generation(partitionId);
	const cached = await deps.cache.read(partitionId, checked.key);
	const plan = planDays({ firstDate: checked.firstDate, lastDate: checked.lastDate, cached, now, refreshDays: options.ignoreCache ? 0 : normaliseRefreshDays(deps.refreshDays) });
	const fromCache = pick(cached, plan.fromCache);
	if (plan.windows.length === 0) {
		return { series: seriesOf(checked, fromCache, now), provenance: provenance(fromCache, 0, false), rateLimit: null, offlineCause: null };
	}
	let answer: WindowsResponse;
	try {
		answer = await deps.fetchWindows({ metric: checked.key.metric, appId: checked.key.appId, windows: plan.windows }, options.signal);
	} catch (error) {
		const shown = pick(cached, datesOf(checked, now));
		if (!isOffline(error) || shown.size === 0) throw error;
		return { series: seriesOf(checked, shown, now), provenance: provenance(shown, 0, true), rateLimit: null, offlineCause: error };
	}
	const fetchedAt = deps.now().getTime();
	const values = new Map(answer.rows.map((row) => [row.date, row.value]));
	const fetched = new Map<string, CachedDay>();
	for (const window of plan.windows) {
		for (let date = window.firstDate; date <= window.lastDate; date = addDays(date, 1)) fetched.set(date, { value: values.get(date) ?? null, fetchedAt });
	}
	// Not awaited: the chart need not wait for the disk. The cache runs its operations in order, so the next read sees it.
	void deps.cache.write(partitionId, checked.key, fetched, generation).catch(() => undefined);
	return {
		series: seriesOf(checked, new Map([...fromCache, ...fetched]), now),
		provenance: provenance(fromCache, answer.requestCount, false),
		rateLimit: answer.rateLimit,
		offlineCause: null,
	};
}

/** The cached days of the range at once, with no request; null when none of the range is cached. Rejects only for a bad request. */
export async function peekCachedSeries(deps: { readonly cache: Pick<DayCache, 'read'>; readonly now: () => Date; readonly refreshDays: number }, partitionId: string, request: CachedSeriesRequest): Promise<CachedSeriesPeek | null> {
	const now = deps.now();
	const checked = checkRequest(request, now);
	const cached = await deps.cache.read(partitionId, checked.key);
	const shown = pick(cached, datesOf(checked, now));
	if (shown.size === 0) return null;
	const plan = planDays({ firstDate: checked.firstDate, lastDate: checked.lastDate, cached, now, refreshDays: normaliseRefreshDays(deps.refreshDays) });
	const { daysFromCache, oldestCachedFetch } = provenance(shown, 0, false);
	return { series: seriesOf(checked, shown, now), daysFromCache, oldestCachedFetch, complete: plan.windows.length === 0 };
}

/**
 * The requests a fetch would send now (retries not counted), without sending any: to warn before a query that needs
 * more than the rate limit leaves, or to name the cost in a confirmation. Rejects only for a bad request.
 */
export async function requestsNeeded(deps: { readonly cache: Pick<DayCache, 'read'>; readonly now: () => Date; readonly refreshDays: number }, partitionId: string, request: CachedSeriesRequest, options: Pick<CachedSeriesOptions, 'ignoreCache'> = {}): Promise<number> {
	const now = deps.now();
	const checked = checkRequest(request, now);
	const cached = options.ignoreCache ? new Map<string, CachedDay>() : await deps.cache.read(partitionId, checked.key);
	return planDays({ firstDate: checked.firstDate, lastDate: checked.lastDate, cached, now, refreshDays: normaliseRefreshDays(deps.refreshDays) }).windows.length;
}

/** Failures that mean "Braze cannot be reached now", for which cached days are better than nothing. */
function isOffline(error: unknown): error is BrazeError {
	return error instanceof BrazeNetworkError || error instanceof BrazeTimeoutError || error instanceof BrazeServerError;
}

function checkRequest(request: CachedSeriesRequest, now: Date): CheckedRequest {
	if (!isKpiMetric(request.metric)) throw new BrazeValidationError('metric', [KPI_METRICS.join(', ')]);
	const length = validateLength(request.length);
	const lastDate = request.endDate ?? brazeToday(now);
	if (typeof lastDate !== 'string' || !isPlainDate(lastDate)) throw new BrazeValidationError('ending_at', [], `end date ${JSON.stringify(lastDate)} is not YYYY-MM-DD`);
	const appId = request.appId == null ? null : validateAppId(request.appId);
	return { key: { metric: request.metric, appId }, firstDate: addDays(lastDate, -(length - 1)), lastDate };
}

/** The days of the range Braze may have answered (up to today). */
function datesOf(checked: CheckedRequest, now: Date): string[] {
	const today = brazeToday(now);
	const dates: string[] = [];
	for (let date = checked.firstDate; date <= checked.lastDate && date <= today; date = addDays(date, 1)) dates.push(date);
	return dates;
}

function pick(cached: CachedDays, dates: readonly string[]): Map<string, CachedDay> {
	const picked = new Map<string, CachedDay>();
	for (const date of dates) {
		const day = cached.get(date);
		if (day) picked.set(date, day);
	}
	return picked;
}

/** One point per day of the range: the day's value, or a gap when it has none (not cached, not fetched, or a gap itself). */
function seriesOf(checked: CheckedRequest, days: CachedDays, now: Date): DailySeries {
	const points: DailyPoint[] = [];
	// Day numbers, not addDays: this runs on every reopen and should cost next to nothing.
	for (let day = toDayNumber(checked.firstDate), last = toDayNumber(checked.lastDate); day <= last; day++) {
		const date = fromDayNumber(day);
		points.push({ date, value: days.get(date)?.value ?? null });
	}
	const { metric } = checked.key;
	return { metric, firstDate: checked.firstDate, lastDate: checked.lastDate, points, provisionalDate: provisionalDateOf(checked.firstDate, checked.lastDate, brazeToday(now)) };
}

function provenance(fromCache: CachedDays, requestsSent: number, offline: boolean): SeriesProvenance {
	let oldest: number | null = null;
	for (const day of fromCache.values()) if (oldest === null || day.fetchedAt < oldest) oldest = day.fetchedAt;
	return {
		daysFromCache: fromCache.size,
		oldestCachedFetch: oldest === null ? null : new Date(oldest),
		requestsSent,
		fromCacheOnly: requestsSent === 0 && !offline,
		offline,
	};
}
