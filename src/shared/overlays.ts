// A comparison's period overlays (the previous period, the same days a year before) lined up on the days shown,
// as the chart draws them; the exports and the Markdown copy take the same series. Pure: no `vscode`, no DOM.
import { addDays } from './dates';
import type { DailySeries } from './kpi';
import type { ComparePeriod } from './query';
import { sameDayYearBefore } from './yearBefore';

/** One overlay: its period, and one point per shown day, in order, each dated with its own day. */
export interface OverlaySeries {
	readonly period: ComparePeriod;
	readonly series: DailySeries;
}

/** What the overlays are read from: the query's length and comparison, its series and the year-before one. */
interface OverlaySource {
	readonly query: { readonly length: number; readonly compare?: { readonly period?: ComparePeriod } };
	readonly series: DailySeries;
	readonly previousPeriod?: DailySeries;
	readonly yearBefore?: DailySeries;
}

/** The `length` days before each shown day, from `held` (a series that may also hold them); null when `held` starts too late. */
export function previousPeriodSeries(held: DailySeries, shown: DailySeries, length: number): DailySeries | null {
	const first = shown.points[0]?.date;
	if (!first || held.firstDate > addDays(first, -length)) return null;
	const byDate = new Map(held.points.map((p) => [p.date, p.value]));
	const points = shown.points.map((p) => ({ date: addDays(p.date, -length), value: byDate.get(addDays(p.date, -length)) ?? null }));
	return seriesOf(held.metric, points);
}

/**
 * The overlays the query's comparison asks for and the result holds: the previous period aligned by day, the year
 * before by place in the range (day 1 with day 1, as `yearBeforeValues`).
 */
export function overlaySeries(result: OverlaySource, shown: DailySeries): OverlaySeries[] {
	const period = result.query.compare?.period;
	const out: OverlaySeries[] = [];
	const previous = period === 'previous' ? previousPeriodSeries(result.previousPeriod ?? result.series, shown, result.query.length) : null;
	if (previous) out.push({ period: 'previous', series: previous });
	const before = result.yearBefore;
	if (before && shown.points.length > 0) {
		const offset = before.points.length - shown.points.length;
		const points = shown.points.map((p, i) => before.points[i + offset] ?? { date: sameDayYearBefore(p.date), value: null });
		out.push({ period: 'year', series: seriesOf(before.metric, points) });
	}
	return out;
}

function seriesOf(metric: DailySeries['metric'], points: DailySeries['points']): DailySeries {
	return { metric, firstDate: points[0]?.date ?? '', lastDate: points[points.length - 1]?.date ?? '', points, provisionalDate: null };
}
