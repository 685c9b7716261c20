// The "same period a year before" overlay: which days it covers, and how they line up with the range's days.
import type { DailySeries } from './kpi';

/** The same calendar day a year before; 29 February becomes 28 February. */
export function sameDayYearBefore(date: string): string {
	const [y, m, d] = date.split('-') as [string, string, string];
	const year = String(Number(y) - 1).padStart(4, '0');
	return m === '02' && d === '29' ? `${year}-02-28` : `${year}-${m}-${d}`;
}

/**
 * The year-before values lined up on `shown`'s days by their place in the range (day 1 with day 1), so that
 * weekdays and leap days do not shift the line; null where the overlay has no value.
 */
export function yearBeforeValues(yearBefore: DailySeries, shown: DailySeries): (number | null)[] {
	const offset = yearBefore.points.length - shown.points.length;
	return shown.points.map((_, i) => yearBefore.points[i + offset]?.value ?? null);
}
