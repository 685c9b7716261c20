// What an overview asks for: the range pinned to days, and one cache request per KPI series covering the range and
// the previous range of the same length (every change needs it; MAU's day before the range is its last day). Pure.
import type { CachedSeriesRequest } from '../cache/cachedSeries';
import { addDays, brazeToday, daysBetween } from '../shared/dates';
import { KPI_METRICS } from '../shared/kpi';
import type { KpiMetric } from '../shared/kpi';
import type { OverviewRequest } from '../shared/overviewProtocol';
import { resolveSeriesEnd } from '../shared/query';
import { resolveRangePreset } from '../shared/rangePresets';
import type { SavedRange } from '../shared/rangePresets';

/** A range pinned to days on a given moment. */
export interface PinnedRange {
	readonly firstDate: string;
	readonly lastDate: string;
	readonly length: number;
}

/** The days of `range` at `now` (Braze days, see `brazeToday`). */
export function pinRange(range: SavedRange, now: Date): PinnedRange {
	if (range.kind === 'preset') {
		const { firstDate, lastDate, length } = resolveRangePreset(range.preset, brazeToday(now));
		return { firstDate, lastDate, length };
	}
	const lastDate = resolveSeriesEnd(range.end, now).endDate;
	return { firstDate: addDays(lastDate, -(range.length - 1)), lastDate, length: range.length };
}

/** One request per series: twice the range's days ending on its last day, in the fewest windows the cache allows. */
export function overviewCacheRequests(request: OverviewRequest, range: PinnedRange): Readonly<Record<KpiMetric, CachedSeriesRequest>> {
	const length = 2 * (daysBetween(range.firstDate, range.lastDate) + 1);
	const entries = KPI_METRICS.map((metric) => [metric, { metric, length, endDate: range.lastDate, appId: request.appId }] as const);
	return Object.fromEntries(entries) as Record<KpiMetric, CachedSeriesRequest>;
}

/** Windows of at most 100 days that a series of `length` days needs with nothing cached. */
export function windowsFor(length: number): number {
	return Math.ceil(length / 100);
}
