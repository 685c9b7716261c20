// What the day cache holds per day, and the series it is filed under.
import type { KpiMetric } from '../shared/kpi';

/** One day as Braze answered it: its value, or null for a day Braze did not return (a gap), and when it was fetched. */
export interface CachedDay {
	readonly value: number | null;
	/** Epoch milliseconds of the fetch. */
	readonly fetchedAt: number;
}

/** Cached days by `YYYY-MM-DD` date. */
export type CachedDays = ReadonlyMap<string, CachedDay>;

/** The series a day belongs to within a partition: one metric, for one app or all apps (null). */
export interface SeriesKey {
	readonly metric: KpiMetric;
	readonly appId: string | null;
}

/** A string that tells series keys apart (an app id may hold any printable character, so it is not joined by hand). */
export function seriesKeyText(key: SeriesKey): string {
	return JSON.stringify([key.metric, key.appId]);
}
