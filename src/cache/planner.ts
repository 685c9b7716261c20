// Decides which days of a query come from the day cache and which windows are asked of Braze. Pure.
import { MAX_WINDOW_LENGTH } from '../braze/requestParams';
import type { SeriesWindow } from '../braze/series';
import { addDays, brazeToday, daysBetween } from '../shared/dates';
import type { CachedDay, CachedDays } from './cachedDay';

export interface DayPlanInput {
	/** First and last day of the query, `YYYY-MM-DD`, first ≤ last. */
	readonly firstDate: string;
	readonly lastDate: string;
	readonly cached: CachedDays;
	readonly now: Date;
	/** Days before today that are fetched again even when cached; 0 = never use the cache. Today and yesterday are always fetched. */
	readonly refreshDays: number;
}

export interface DayPlan {
	/** The days served from the cache, ascending. */
	readonly fromCache: readonly string[];
	/** The fewest ≤100-day windows that cover every other day up to today, latest first (cached days between two holes may ride along). */
	readonly windows: readonly SeriesWindow[];
	/** Days of the query after today: Braze has nothing for them yet, so they are neither fetched nor cached. */
	readonly afterToday: number;
}

/**
 * True when a cached day can be used as is: it was already older than the refresh window when it was fetched, so a
 * day fetched while it was still recent (a partial today, a yesterday Braze was still counting) is fetched once more.
 */
export function isSettled(date: string, day: CachedDay, now: Date, refreshDays: number): boolean {
	if (refreshDays <= 0) return false;
	// A fetch time in the future (a clock set back, a hand-edited file) counts as now.
	const fetchedOn = brazeToday(new Date(Math.min(day.fetchedAt, now.getTime())));
	return date < addDays(fetchedOn, -Math.max(refreshDays, 1));
}

/** Which days of `firstDate..lastDate` the cache serves, and the windows that fetch the rest. */
export function planDays(input: DayPlanInput): DayPlan {
	const today = brazeToday(input.now);
	const lastFetchable = input.lastDate < today ? input.lastDate : today;
	const needed: string[] = [];
	for (let date = lastFetchable; date >= input.firstDate; date = addDays(date, -1)) {
		const day = input.cached.get(date);
		if (!day || !isSettled(date, day, input.now, input.refreshDays)) needed.push(date);
	}
	const windows = coverWithWindows(needed);
	const fromCache: string[] = [];
	let w = windows.length - 1;
	for (let date = input.firstDate; date <= lastFetchable; date = addDays(date, 1)) {
		while (w >= 0 && windows[w].lastDate < date) w--;
		if (w < 0 || date < windows[w].firstDate) fromCache.push(date);
	}
	const tomorrow = addDays(today, 1);
	const afterToday = input.lastDate > today ? daysBetween(input.firstDate > tomorrow ? input.firstDate : tomorrow, input.lastDate) + 1 : 0;
	return { fromCache, windows, afterToday };
}

/**
 * The fewest windows of at most `maxLength` days that cover `datesDescending` (latest first): each window starts from
 * the latest day not yet covered and reaches back as far as it may, then is trimmed to the earliest day it needs.
 * Greedy from one end is optimal for covering points with intervals of one length.
 */
export function coverWithWindows(datesDescending: readonly string[], maxLength = MAX_WINDOW_LENGTH): SeriesWindow[] {
	const windows: SeriesWindow[] = [];
	let i = 0;
	while (i < datesDescending.length) {
		const lastDate = datesDescending[i];
		const floor = addDays(lastDate, -(maxLength - 1));
		let j = i;
		while (j + 1 < datesDescending.length && datesDescending[j + 1] >= floor) j++;
		const firstDate = datesDescending[j];
		windows.push({ index: windows.length, firstDate, lastDate, length: daysBetween(firstDate, lastDate) + 1 });
		i = j + 1;
	}
	return windows;
}
