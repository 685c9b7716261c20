// Stickiness, as the Braze dashboard's Home page shows it: the share of monthly active users that come back
// daily. Pure: plain `YYYY-MM-DD` days; a day where DAU or MAU is missing (or MAU is 0) is a gap, never a zero.
import type { DailySeries } from './kpi';

/** One day's DAU ÷ MAU as a fraction (0.25 = 25 %), or null for a gap. */
export interface RatioPoint {
	readonly date: string;
	readonly value: number | null;
}

/** A derived series with one point per day of its source series. */
export interface RatioSeries {
	readonly firstDate: string;
	readonly lastDate: string;
	readonly points: readonly RatioPoint[];
	/** The day still in progress in either source, or null. */
	readonly provisionalDate: string | null;
}

/**
 * Per day, that day's DAU ÷ MAU. The two series must cover the same days (the host fetches them with the same
 * query); a day missing in either, or with MAU 0, is a gap.
 */
export function dailyStickiness(dau: DailySeries, mau: DailySeries): RatioSeries {
	if (dau.metric !== 'dau' || mau.metric !== 'mau') throw new TypeError(`stickiness needs a DAU and a MAU series, got ${dau.metric} and ${mau.metric}`);
	if (dau.firstDate !== mau.firstDate || dau.lastDate !== mau.lastDate) {
		throw new RangeError(`DAU (${dau.firstDate}…${dau.lastDate}) and MAU (${mau.firstDate}…${mau.lastDate}) cover different days`);
	}
	const points = dau.points.map((p, i) => ({ date: p.date, value: ratio(p.value, mau.points[i]?.value ?? null) }));
	return { firstDate: dau.firstDate, lastDate: dau.lastDate, points, provisionalDate: dau.provisionalDate ?? mau.provisionalDate };
}

/**
 * The stickiness of the days `firstDate`…`lastDate`, as Home defines it ("a ratio of a given period's DAU to
 * MAU"): the period's average DAU ÷ its average MAU, over the complete days that have both. Null when none has.
 */
export function rangeStickiness(dau: DailySeries, mau: DailySeries, firstDate: string, lastDate: string): number | null {
	const mauByDate = new Map(mau.points.map((p) => [p.date, p.value]));
	const provisional = new Set([dau.provisionalDate, mau.provisionalDate]);
	let dauSum = 0;
	let mauSum = 0;
	let days = 0;
	for (const p of dau.points) {
		if (p.date < firstDate || p.date > lastDate || provisional.has(p.date)) continue;
		const m = mauByDate.get(p.date) ?? null;
		if (p.value === null || m === null || m === 0) continue;
		dauSum += p.value;
		mauSum += m;
		days++;
	}
	return days === 0 ? null : dauSum / mauSum;
}

function ratio(dau: number | null, mau: number | null): number | null {
	return dau === null || mau === null || mau === 0 ? null : dau / mau;
}
