// Runs jobs with at most N at a time, and stops starting new ones after the first failure.

/**
 * Maps `items` through `job`, at most `limit` running at once; results keep the order of `items`.
 * On the first failure `onFirstFailure` runs (to abort the jobs in flight) and that failure is what rejects.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>, onFirstFailure: () => void): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	let failed = false;
	let firstError: unknown;
	const worker = async (): Promise<void> => {
		while (!failed && next < items.length) {
			const index = next++;
			try {
				results[index] = await job(items[index]);
			} catch (error) {
				if (!failed) {
					failed = true;
					firstError = error;
					onFirstFailure();
				}
			}
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(Math.floor(limit) || 1, items.length)) }, () => worker());
	await Promise.all(workers);
	if (failed) throw firstError;
	return results;
}
