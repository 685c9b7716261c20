// Home's figures for an overview result: one card per figure with its change, and the per-day values of each.
// Pure. Every change is (this − last) ÷ last (see homeChange.ts); a gap is never a zero.
import { addDays, daysBetween } from './dates';
import type { DailySeries, KpiMetric } from './kpi';
import { aggregateRange, mauChange, rangeChange, stickinessChange } from './homeChange';
import type { HomeChange } from './homeChange';
import type { OverviewResult } from './overviewProtocol';
import { dailyStickiness, rangeStickiness } from './stickiness';
import { lastDays, summarizeSeries } from './summary';
import type { ValuedPoint } from './summary';

/** The overview's figures, in the order Home shows them; the tabs of the chart follow it. */
export const OVERVIEW_FIGURES = ['dau', 'mau', 'new_users', 'uninstalls', 'stickiness'] as const;

export type OverviewFigureKey = (typeof OVERVIEW_FIGURES)[number];

/** How a figure compares: with the previous range of the same length, or (MAU) with the day before the range. */
export type ChangeBasis = { readonly kind: 'previousRange'; readonly days: number } | { readonly kind: 'dayBefore'; readonly date: string };

export type OverviewFigure =
	| {
			readonly key: OverviewFigureKey;
			readonly status: 'ok';
			/** DAU: the average; MAU: the latest complete day's; new users, uninstalls: the total; stickiness: a fraction. Null without data. */
			readonly value: number | null;
			/** DAU and MAU: the latest complete day with data in the range. */
			readonly latest: ValuedPoint | null;
			readonly change: HomeChange | null;
			readonly basis: ChangeBasis;
	  }
	/** The key may not read the series the figure needs (`permissions`, one or two for stickiness). */
	| { readonly key: OverviewFigureKey; readonly status: 'denied'; readonly permissions: readonly string[] }
	| { readonly key: OverviewFigureKey; readonly status: 'failed'; readonly message: string };

/** Every figure of `result`, in `OVERVIEW_FIGURES` order. */
export function overviewFigures(result: OverviewResult): OverviewFigure[] {
	return OVERVIEW_FIGURES.map((key) => overviewFigure(result, key));
}

export function overviewFigure(result: OverviewResult, key: OverviewFigureKey): OverviewFigure {
	const { firstDate, lastDate } = result;
	const previousRange: ChangeBasis = { kind: 'previousRange', days: daysBetween(firstDate, lastDate) + 1 };
	const sources = sourcesOf(result, key);
	if (!Array.isArray(sources)) return sources;
	const [series, mau] = sources as [DailySeries, DailySeries?];
	switch (key) {
		case 'dau': {
			const value = aggregateRange(series, firstDate, lastDate, 'average');
			return { key, status: 'ok', value, latest: latestIn(series, firstDate, lastDate), change: rangeChange(series, firstDate, lastDate, 'average'), basis: previousRange };
		}
		case 'mau': {
			// MAU is a snapshot taken once a day: the range's latest complete day stands for "latest" (today's is not there yet).
			const latest = latestIn(series, firstDate, lastDate);
			const dayBefore = addDays(firstDate, -1);
			return { key, status: 'ok', value: latest?.value ?? null, latest, change: latest ? mauChange(series, firstDate, latest.date) : null, basis: { kind: 'dayBefore', date: dayBefore } };
		}
		case 'new_users':
		case 'uninstalls':
			return { key, status: 'ok', value: aggregateRange(series, firstDate, lastDate, 'total'), latest: null, change: rangeChange(series, firstDate, lastDate, 'total'), basis: previousRange };
		case 'stickiness': {
			if (!mau) throw new TypeError('stickiness needs MAU');
			return { key, status: 'ok', value: rangeStickiness(series, mau, firstDate, lastDate), latest: null, change: stickinessChange(series, mau, firstDate, lastDate), basis: previousRange };
		}
	}
}

/** One value per day of the range for the figure's chart and table (stickiness as a fraction); null when it cannot be shown. */
export function figureDays(result: OverviewResult, key: OverviewFigureKey): DailySeries | null {
	const sources = sourcesOf(result, key);
	if (!Array.isArray(sources)) return null;
	const [series, mau] = sources as [DailySeries, DailySeries?];
	const days = daysBetween(result.firstDate, result.lastDate) + 1;
	if (key !== 'stickiness' || !mau) return lastDays(series, days);
	const ratio = dailyStickiness(series, mau);
	return lastDays({ metric: 'dau', firstDate: ratio.firstDate, lastDate: ratio.lastDate, points: ratio.points, provisionalDate: ratio.provisionalDate }, days);
}

/** The series a figure is computed from, or the figure saying why it cannot be. */
function sourcesOf(result: OverviewResult, key: OverviewFigureKey): DailySeries[] | OverviewFigure {
	const metrics: KpiMetric[] = key === 'stickiness' ? ['dau', 'mau'] : [key];
	const entries = metrics.map((m) => result.series[m]);
	const failed = entries.find((e) => e.status === 'failed');
	if (failed?.status === 'failed') return { key, status: 'failed', message: failed.message };
	const denied = entries.flatMap((e) => (e.status === 'denied' ? [e.permission] : []));
	if (denied.length > 0) return { key, status: 'denied', permissions: denied };
	return entries.flatMap((e) => (e.status === 'ok' ? [e.series] : []));
}

/** The latest complete day with data of the range (the series ends on the range's last day). */
function latestIn(series: DailySeries, firstDate: string, lastDate: string): ValuedPoint | null {
	return summarizeSeries(lastDays(series, daysBetween(firstDate, lastDate) + 1)).latestComplete;
}
