// The change card's previous period when it does not fit in the query's own request (ranges over 50 days): from the
// day cache, or one more request through the shared limiter; beyond that, the result says why it is missing.
import type { CachedSeriesDeps, CachedSeriesRequest } from '../cache/cachedSeries';
import { fetchCachedSeries, requestsNeeded } from '../cache/cachedSeries';
import { addDays } from '../shared/dates';
import type { DailySeries } from '../shared/kpi';
import type { PreviousPeriodMissing } from '../shared/protocol';

/** The most requests spent on the previous period: one more request, or none when the cache holds it (Braze's quota is shared). */
export const MAX_PREVIOUS_PERIOD_REQUESTS = 1;

/** The previous period of a query, and what fetching it costs now. */
export interface PreviousPeriodPlan {
	readonly request: CachedSeriesRequest;
	/** Requests it needs now (0: all cached). */
	readonly requests: number;
}

type CacheReads = Pick<CachedSeriesDeps, 'cache' | 'now' | 'refreshDays'>;

/**
 * The previous period of `length` days before `request` (the query's own days, ending on a date), when the request does
 * not already hold it; undefined when it does (it was doubled) or the period cannot be asked for.
 */
export async function planPreviousPeriod(deps: CacheReads, partition: string, request: CachedSeriesRequest, length: number, ignoreCache: boolean): Promise<PreviousPeriodPlan | undefined> {
	if (request.length !== length || !request.endDate) return undefined;
	const previous: CachedSeriesRequest = { ...request, endDate: addDays(request.endDate, -length) };
	const requests = await requestsNeeded(deps, partition, previous, { ignoreCache }).catch(() => undefined);
	return requests === undefined ? undefined : { request: previous, requests };
}

/**
 * Fetches the planned period when it costs at most `MAX_PREVIOUS_PERIOD_REQUESTS`; never rejects: a failure (or an answer
 * from the cache only because Braze was unreachable) is a missing period, and the chart of the range still shows.
 */
export async function fetchPreviousPeriod(deps: CachedSeriesDeps, partition: string, plan: PreviousPeriodPlan, options: { readonly ignoreCache: boolean; readonly signal: AbortSignal }): Promise<DailySeries | PreviousPeriodMissing> {
	if (plan.requests > MAX_PREVIOUS_PERIOD_REQUESTS) return { reason: 'requests', requests: plan.requests };
	try {
		const fetched = await fetchCachedSeries(deps, partition, plan.request, options);
		return fetched.provenance.offline ? { reason: 'failed', requests: plan.requests } : fetched.series;
	} catch {
		return { reason: 'failed', requests: plan.requests };
	}
}

/** The previous period's days put before the range's own: one series, as when both came in one request. */
export function joinPreviousPeriod(previous: DailySeries, current: DailySeries): DailySeries {
	if (addDays(previous.lastDate, 1) !== current.firstDate || previous.metric !== current.metric) return current;
	return { ...current, firstDate: previous.firstDate, points: [...previous.points, ...current.points] };
}
