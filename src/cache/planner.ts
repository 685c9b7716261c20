// Decides which days of a query come from the day cache and which windows are asked of Braze. Pure.
import { MAX_WINDOW_LENGTH } from '../braze/requestParams';
import type { SeriesWindow } from '../braze/series';
import { addDays, brazeToday, daysBetween, fromDayNumber, toDayNumber } from '../shared/dates';
import type { CachedDay, CachedDays } from './cachedDay';

const MS_PER_DAY = 86_400_000;

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
	return refreshDays > 0 && toDayNumber(date) < settledBefore(day.fetchedAt, now, refreshDays);
}

/** The first day number not yet settled for a fetch at `fetchedAt`; a fetch time in the future (a clock set back, a hand-edited file) counts as now. */
function settledBefore(fetchedAt: number, now: Date, refreshDays: number): number {
	return Math.floor(Math.min(fetchedAt, now.getTime()) / MS_PER_DAY) - Math.max(refreshDays, 1);
}

/** Which days of `firstDate..lastDate` the cache serves, and the windows that fetch the rest. */
export function planDays(input: DayPlanInput): DayPlan {
	const today = toDayNumber(brazeToday(input.now));
	const first = toDayNumber(input.firstDate);
	const last = Math.min(toDayNumber(input.lastDate), today);
	// Day numbers, not date labels, in the loops: a 3,650-day plan stays well under a millisecond.
	const cutoffs = new Map<number, number>();
	const needed: string[] = [];
	const candidates: string[] = [];
	for (let day = last; day >= first; day--) {
		const date = fromDayNumber(day);
		const held = input.cached.get(date);
		let cutoff = held ? cutoffs.get(held.fetchedAt) : undefined;
		if (held && cutoff === undefined) cutoffs.set(held.fetchedAt, (cutoff = settledBefore(held.fetchedAt, input.now, input.refreshDays)));
		if (input.refreshDays > 0 && cutoff !== undefined && day < cutoff) candidates.push(date);
		else needed.push(date);
	}
	const windows = coverWithWindows(needed);
	// A settled day inside a window is fetched anyway (it rides along): only the others come from the cache.
	const fromCache = candidates.filter((date) => !windows.some((w) => date >= w.firstDate && date <= w.lastDate)).reverse();
	const afterToday = Math.max(0, toDayNumber(input.lastDate) - Math.max(today, first - 1));
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
