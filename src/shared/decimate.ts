// Thins a long daily series for drawing only (the table and every figure use the full series): per bucket
// of days, each run of values keeps its first, lowest, highest and last day, so peaks and gaps survive.

/** A drawn point: the index of its day in the full series and its value (null marks a gap). */
export interface DrawnPoint {
	readonly index: number;
	readonly value: number | null;
}

/**
 * The points to draw for `values` in about `buckets` buckets: every day when the series is short enough,
 * else up to four per run of values per bucket, and one null wherever the series has a gap.
 */
export function decimateDays(values: readonly (number | null)[], buckets: number): DrawnPoint[] {
	const size = Math.ceil(values.length / Math.max(1, Math.floor(buckets)));
	if (size <= 1) return values.map((value, index) => ({ index, value }));
	const out: DrawnPoint[] = [];
	let run: number[] = [];
	const flush = (): void => {
		if (run.length > 0) out.push(...keepExtremes(values, run));
		run = [];
	};
	for (let index = 0; index < values.length; index++) {
		if (index % size === 0) flush();
		const value = values[index];
		if (value === null || value === undefined) {
			flush();
			if (out.at(-1)?.value !== null) out.push({ index, value: null });
		} else {
			run.push(index);
		}
	}
	flush();
	return out;
}

/** First, lowest, highest and last of a run of indexes with values, in day order, without repeats. */
function keepExtremes(values: readonly (number | null)[], run: readonly number[]): DrawnPoint[] {
	let low = run[0];
	let high = low;
	for (const i of run) {
		if ((values[i] as number) < (values[low] as number)) low = i;
		if ((values[i] as number) > (values[high] as number)) high = i;
	}
	const kept = [...new Set([run[0], low, high, run.at(-1) as number])].sort((a, b) => a - b);
	return kept.map((index) => ({ index, value: values[index] as number }));
}
