// A stickiness result holds the DAU and MAU series it is made from; its per-day ratio is always derived from them,
// never read back from state or a file. Pure: no `vscode`, no DOM.
import { addDays } from './dates';
import { stickinessChange } from './homeChange';
import type { HomeChange } from './homeChange';
import type { DailySeries } from './kpi';
import { previousPeriodSeries } from './overlays';
import { dailyStickiness, rangeStickiness } from './stickiness';
import { lastDays } from './summary';

/** The two Braze series of a stickiness query, over the same days. */
export interface StickinessSources {
	readonly dau: DailySeries<'dau'>;
	readonly mau: DailySeries<'mau'>;
}

/** The per-day DAU ÷ MAU as a series of fractions (a day missing in either is a gap). Throws when the sources cover different days. */
export function stickinessSeries(sources: StickinessSources): DailySeries<'stickiness'> {
	return { metric: 'stickiness', ...dailyStickiness(sources.dau, sources.mau) };
}

/** The sources of a stickiness query from the series fetched for it (DAU, then MAU), checked. */
export function toStickinessSources(dau: DailySeries, mau: DailySeries): StickinessSources {
	if (dau.metric !== 'dau' || mau.metric !== 'mau') throw new TypeError(`stickiness needs a DAU and a MAU series, got ${dau.metric} and ${mau.metric}`);
	return { dau: dau as DailySeries<'dau'>, mau: mau as DailySeries<'mau'> };
}

/** The DAU and MAU of the `length` days before each shown day, as `previousPeriodSeries` takes them; null when `held` starts too late. */
export function previousPeriodSources(held: StickinessSources, shown: DailySeries, length: number): StickinessSources | null {
	const dau = previousPeriodSeries(held.dau, shown, length);
	const mau = previousPeriodSeries(held.mau, shown, length);
	return dau && mau ? toStickinessSources(dau, mau) : null;
}

/** Both sources cut to their last `days` days, as `lastDays` cuts a series. */
export function lastSourceDays(sources: StickinessSources, days: number): StickinessSources {
	return toStickinessSources(lastDays(sources.dau, days), lastDays(sources.mau, days));
}

/** Home's stickiness of the last `length` days of the sources (average DAU ÷ average MAU over the complete days with both). */
export function lastDaysStickiness(sources: StickinessSources, length: number): number | null {
	const last = sources.dau.lastDate;
	return rangeStickiness(sources.dau, sources.mau, addDays(last, -(length - 1)), last);
}

/** Home's stickiness change of the last `length` days against the `length` days before; null unless the sources cover both. */
export function lastDaysStickinessChange(sources: StickinessSources, length: number): HomeChange | null {
	const last = sources.dau.lastDate;
	return stickinessChange(sources.dau, sources.mau, addDays(last, -(length - 1)), last);
}
