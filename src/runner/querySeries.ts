// A query's series through the day cache, whatever its metric: a KPI is one Braze series; stickiness is DAU and MAU
// over the same days, fetched together and combined. Plain TypeScript (no `vscode`): the panel runner and the
// headless fetch share it.
import { fetchCachedSeries, peekCachedSeries, requestsNeeded } from '../cache/cachedSeries';
import type { CachedSeriesDeps, CachedSeriesOptions, CachedSeriesPeek, CachedSeriesRequest, CachedSeriesResult } from '../cache/cachedSeries';
import { sourceMetricsOf } from '../shared/kpi';
import type { DailySeries, QueryMetric, RateLimitInfo } from '../shared/kpi';
import type { PanelResult, ResultProvenance } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';
import { stickinessSeries, toStickinessSources } from '../shared/stickinessResult';

/** What a query asks of the cache, before it is split into the Braze series it needs. */
export interface QuerySeriesRequest extends Omit<CachedSeriesRequest, 'metric'> {
	readonly metric: QueryMetric;
}

type CacheReadDeps = Pick<CachedSeriesDeps, 'cache' | 'now' | 'refreshDays'>;

/** One cache request per Braze series the query needs (DAU then MAU for stickiness), over the same days. */
export function sourceRequests(request: QuerySeriesRequest): CachedSeriesRequest[] {
	return sourceMetricsOf(request.metric).map((metric) => ({ ...request, metric }));
}

/** The requests every series of the query would send now, added up. Rejects for a query that cannot be sent. */
export async function queryRequestsNeeded(deps: CacheReadDeps, partition: string, request: QuerySeriesRequest, options: Pick<CachedSeriesOptions, 'ignoreCache'> = {}): Promise<number> {
	const counts = await Promise.all(sourceRequests(request).map((r) => requestsNeeded(deps, partition, r, options)));
	return counts.reduce((a, b) => a + b, 0);
}

/**
 * Every series of the query at once, in request order (the shared limiter bounds the requests in flight). The first
 * failure aborts the others, so that a refused key or a cancel never leaves a sibling fetch spending the quota.
 */
export async function fetchQuerySeries(deps: CachedSeriesDeps, partition: string, request: QuerySeriesRequest, options: CachedSeriesOptions = {}): Promise<CachedSeriesResult[]> {
	const controller = new AbortController();
	const stop = (): void => controller.abort();
	if (options.signal?.aborted) stop();
	options.signal?.addEventListener('abort', stop, { once: true });
	try {
		return await Promise.all(
			sourceRequests(request).map((r) =>
				fetchCachedSeries(deps, partition, r, { ...options, signal: controller.signal }).catch((error: unknown) => {
					stop();
					throw error;
				}),
			),
		);
	} finally {
		options.signal?.removeEventListener('abort', stop);
	}
}

/** The cached days of every series of the query, or null unless each of them has some (a half-drawn ratio would mislead). */
export async function peekQuerySeries(deps: CacheReadDeps, partition: string, request: QuerySeriesRequest): Promise<CachedSeriesPeek[] | null> {
	const peeks = await Promise.all(sourceRequests(request).map((r) => peekCachedSeries(deps, partition, r)));
	return peeks.every((p): p is CachedSeriesPeek => p !== null) ? peeks : null;
}

/** The result's series from the fetched ones, in `sourceRequests` order: the series itself, or stickiness with its sources. */
export function querySeriesOf(metric: QueryMetric, fetched: readonly DailySeries[]): Pick<PanelResult, 'series' | 'sources'> {
	const [first, second] = fetched;
	if (!first) throw new RangeError('no series was fetched');
	if (metric !== 'stickiness') return { series: first };
	if (!second) throw new RangeError('stickiness needs a DAU and a MAU series');
	const sources = toStickinessSources(first, second);
	return { series: stickinessSeries(sources), sources };
}

/**
 * The year-before overlay from its fetched series, in `sourceRequests` order: for stickiness, with the DAU and MAU its
 * ratio is derived from (the JSON export writes them, and a ratio alone is not kept by the panel's state).
 */
export function yearBeforeOf(metric: QueryMetric, fetched: readonly DailySeries[]): Pick<PanelResult, 'yearBefore' | 'yearBeforeSources'> {
	const { series, sources } = querySeriesOf(metric, fetched);
	return { yearBefore: series, ...(sources ? { yearBeforeSources: sources } : {}) };
}

/** A fetched result: the series combined, where its days came from, and the rate limit Braze last reported. */
export function fetchedQueryResult(query: KpiQuerySpec, instance: PanelResult['instance'], parts: readonly CachedSeriesResult[], fetchedAt: string): PanelResult {
	return {
		query,
		instance,
		...querySeriesOf(query.metric, parts.map((p) => p.series)),
		fetchedAt,
		rateLimit: lowestRemaining(parts.map((p) => p.rateLimit)),
		provenance: combinedProvenance(parts),
	};
}

/** Days from the cache are counted once per day shown (the larger of the series' counts); requests are added up. */
export function combinedProvenance(parts: readonly CachedSeriesResult[]): ResultProvenance {
	const oldest = parts.flatMap((p) => (p.provenance.oldestCachedFetch ? [p.provenance.oldestCachedFetch.getTime()] : []));
	return {
		daysFromCache: Math.max(0, ...parts.map((p) => p.provenance.daysFromCache)),
		oldestCachedFetch: oldest.length === 0 ? null : new Date(Math.min(...oldest)).toISOString(),
		requestsSent: parts.reduce((sum, p) => sum + p.provenance.requestsSent, 0),
		offline: parts.some((p) => p.provenance.offline),
	};
}

/** The cached part of every series as one result marked as cached (`pending` until a fetch completes it). */
export function peekedQueryResult(query: KpiQuerySpec, instance: PanelResult['instance'], peeks: readonly CachedSeriesPeek[]): PanelResult | undefined {
	const oldest = peeks.flatMap((p) => (p.oldestCachedFetch ? [p.oldestCachedFetch.getTime()] : []));
	if (oldest.length === 0) return undefined;
	const at = new Date(Math.min(...oldest)).toISOString();
	return {
		query,
		instance,
		...querySeriesOf(query.metric, peeks.map((p) => p.series)),
		fetchedAt: at,
		rateLimit: null,
		provenance: { daysFromCache: Math.max(...peeks.map((p) => p.daysFromCache)), oldestCachedFetch: at, requestsSent: 0, offline: false, pending: !peeks.every((p) => p.complete) },
	};
}

/** The freshest of several answers' rate limits is the one with the fewest requests left. */
export function lowestRemaining(limits: readonly (RateLimitInfo | null)[]): RateLimitInfo | null {
	let lowest: RateLimitInfo | null = null;
	for (const limit of limits) {
		if (limit && (lowest === null || (limit.remaining ?? Infinity) < (lowest.remaining ?? Infinity))) lowest = limit;
	}
	return lowest;
}
