// Fetches the four KPI series of an overview through the day cache and the extension's one request limiter, all at
// once, counting the requests; a series the key may not read is an outcome, not a failure of the whole overview.
import { BrazeClient } from '../braze/client';
import type { RequestLogEntry, RetryWait } from '../braze/client';
import type { RequestLimiter } from '../braze/concurrency';
import { BrazeCancelledError, BrazePermissionError } from '../braze/errors';
import { fetchCachedSeries, requestsNeeded } from '../cache/cachedSeries';
import type { CachedSeriesRequest } from '../cache/cachedSeries';
import type { DayCache } from '../cache/dayCache';
import type { Connection } from '../connections/model';
import { KPI_METRICS } from '../shared/kpi';
import type { KpiMetric, RateLimitInfo } from '../shared/kpi';
import type { OverviewRequest, OverviewResult, OverviewSeries } from '../shared/overviewProtocol';
import { lowestRemaining } from '../runner/querySeries';
import { overviewCacheRequests, pinRange } from './plan';

/** What planning an overview reads: the day cache of one connection's key, and the clock. */
export interface OverviewPlanDeps {
	readonly cache: DayCache;
	readonly now: () => Date;
	readonly refreshDays: number;
	readonly partition: string;
}

export interface OverviewFetchDeps extends OverviewPlanDeps {
	readonly limiter: RequestLimiter;
	readonly fetch: typeof fetch;
	readonly timeoutMs: number;
	readonly logRequest: (entry: RequestLogEntry) => void;
	/** Told once the plan is known (`answered` = 0), then after each request answered. */
	readonly onProgress: (answered: number, planned: number) => void;
	readonly onWait: (wait: RetryWait) => void;
	/** A failure other than a refused permission, turned into the user's words (for its card). */
	readonly describe: (error: unknown) => string;
}

/** The requests an overview of `request` sends: those the day cache cannot spare (none of it with `ignoreCache`). */
export function overviewRequestsNeeded(deps: OverviewPlanDeps, request: OverviewRequest, ignoreCache: boolean): Promise<number> {
	const cacheDeps = { cache: deps.cache, now: deps.now, refreshDays: deps.refreshDays };
	return plannedRequests(cacheDeps, deps.partition, overviewCacheRequests(request, pinRange(request.range, deps.now())), ignoreCache);
}

async function plannedRequests(cacheDeps: Pick<OverviewFetchDeps, 'cache' | 'now' | 'refreshDays'>, partition: string, requests: Readonly<Record<KpiMetric, CachedSeriesRequest>>, ignoreCache: boolean): Promise<number> {
	const needed = await Promise.all(KPI_METRICS.map((m) => requestsNeeded(cacheDeps, partition, requests[m], { ignoreCache })));
	return needed.reduce((a, b) => a + b, 0);
}

/**
 * The overview of `request` on `connection`. Rejects with BrazeCancelledError when `signal` fires, and with the first
 * failure when no series could be read nor was refused (a wrong key, Braze unreachable): one message, not four.
 */
export async function fetchOverview(deps: OverviewFetchDeps, request: OverviewRequest, connection: Connection, apiKey: string, signal: AbortSignal, ignoreCache = false): Promise<OverviewResult> {
	const range = pinRange(request.range, deps.now());
	const requests = overviewCacheRequests(request, range);
	const cacheDeps = { cache: deps.cache, now: deps.now, refreshDays: deps.refreshDays };
	const planned = await plannedRequests(cacheDeps, deps.partition, requests, ignoreCache);
	// Held in an object: the callbacks below update them.
	const count = { answered: 0, sent: 0, rateLimit: null as RateLimitInfo | null };
	deps.onProgress(0, planned);
	const client = new BrazeClient({
		baseUrl: connection.endpoint.baseUrl,
		apiKey,
		fetch: deps.fetch,
		now: deps.now,
		timeoutMs: deps.timeoutMs,
		limiter: deps.limiter,
		onWait: deps.onWait,
		onRequest: (entry) => {
			deps.logRequest(entry);
			if (entry.status !== null) count.sent++;
			// An answer that will not be retried (a 403 too) counts; a 429 or 5xx is tried again.
			if (entry.status !== null && entry.status < 500 && entry.status !== 429) deps.onProgress(Math.min(++count.answered, planned), planned);
		},
	});
	const failures: unknown[] = [];
	const fetchOne = async (metric: KpiMetric): Promise<OverviewSeries> => {
		try {
			const fetched = await fetchCachedSeries({ ...cacheDeps, fetchWindows: (w, s) => client.fetchWindows(w, s) }, deps.partition, requests[metric], { ignoreCache, signal });
			// The four answers' quotas: the one with the fewest requests left is the latest word on the hour.
			count.rateLimit = lowestRemaining([count.rateLimit, fetched.rateLimit]);
			return { status: 'ok', series: fetched.series };
		} catch (error) {
			if (error instanceof BrazePermissionError) return { status: 'denied', permission: error.permission };
			if (error instanceof BrazeCancelledError || signal.aborted) throw new BrazeCancelledError();
			failures.push(error);
			return { status: 'failed', message: deps.describe(error) };
		}
	};
	const outcomes = await Promise.all(KPI_METRICS.map(fetchOne));
	if (signal.aborted) throw new BrazeCancelledError();
	if (failures.length > 0 && outcomes.every((o) => o.status === 'failed')) throw failures[0];
	const { endpoint } = connection;
	return {
		request: { ...request, connection: connection.name },
		firstDate: range.firstDate,
		lastDate: range.lastDate,
		instance: { label: endpoint.label, host: endpoint.host },
		fetchedAt: deps.now().toISOString(),
		series: Object.fromEntries(KPI_METRICS.map((m, i) => [m, outcomes[i]])) as Record<KpiMetric, OverviewSeries>,
		requests: { planned, sent: count.sent },
		rateLimit: count.rateLimit,
	};
}
