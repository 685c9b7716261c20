// Checks an explicit list of day windows (the holes a cache asks for) before anything is sent.
import { daysBetween, isPlainDate } from '../shared/dates';
import { BrazeValidationError } from './errors';
import { MAX_SERIES_LENGTH, MAX_WINDOW_LENGTH } from './requestParams';
import type { SeriesWindow } from './series';

/** A run of consecutive days, both ends included. */
export interface DayWindow {
	readonly firstDate: string;
	readonly lastDate: string;
}

/**
 * The windows as SeriesWindows, latest first, indexed in that order. Throws BrazeValidationError when a date is not a
 * calendar date (`ending_at`), a window is empty or longer than 100 days, windows overlap, or there are more than a
 * series may hold (`length`).
 */
export function checkWindows(windows: readonly DayWindow[]): SeriesWindow[] {
	if (windows.length > MAX_SERIES_LENGTH) throw new BrazeValidationError('length', [MAX_SERIES_LENGTH], `${windows.length} windows`);
	for (const w of windows) {
		if (!isPlainDate(w.firstDate) || !isPlainDate(w.lastDate)) throw new BrazeValidationError('ending_at', [], `window ${w.firstDate}..${w.lastDate} is not made of calendar dates`);
		const length = daysBetween(w.firstDate, w.lastDate) + 1;
		if (length < 1 || length > MAX_WINDOW_LENGTH) throw new BrazeValidationError('length', [MAX_SERIES_LENGTH], `window ${w.firstDate}..${w.lastDate} has ${length} days, not 1 to ${MAX_WINDOW_LENGTH}`);
	}
	const sorted = [...windows].sort((a, b) => b.lastDate.localeCompare(a.lastDate));
	return sorted.map((w, index) => {
		const later = sorted[index - 1];
		if (later && later.firstDate <= w.lastDate) throw new BrazeValidationError('length', [MAX_SERIES_LENGTH], `windows ${w.firstDate}..${w.lastDate} and ${later.firstDate}..${later.lastDate} overlap`);
		return { index, firstDate: w.firstDate, lastDate: w.lastDate, length: daysBetween(w.firstDate, w.lastDate) + 1 };
	});
}
