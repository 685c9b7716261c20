// Runs jobs with at most N at a time, and stops starting new ones after the first failure; a shared limit on requests in flight.

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

/**
 * A semaphore on requests in flight. One instance can be shared by every client of the extension, so that all its
 * fetches together never have more than `capacity` requests on the wire; waiters are served first come, first served.
 */
export class RequestLimiter {
	readonly capacity: number;
	#active = 0;
	readonly #waiting: (() => void)[] = [];

	constructor(capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`A request limit must be a whole number ≥ 1, got ${capacity}`);
		this.capacity = capacity;
	}

	/** Requests holding a slot now. */
	get active(): number {
		return this.#active;
	}

	/** Requests waiting for a slot. */
	get waiting(): number {
		return this.#waiting.length;
	}

	/**
	 * Resolves with a `release` function once a slot is free (call it exactly once; later calls do nothing).
	 * Rejects with `onAbort()`'s error, and gives up its place in the queue, when `signal` fires first.
	 */
	acquire(signal?: AbortSignal, onAbort: () => Error = () => new Error('aborted')): Promise<() => void> {
		if (signal?.aborted) return Promise.reject(onAbort());
		if (this.#active < this.capacity) {
			this.#active++;
			return Promise.resolve(this.#releaser());
		}
		return new Promise((resolve, reject) => {
			const grant = (): void => {
				signal?.removeEventListener('abort', abandon);
				resolve(this.#releaser());
			};
			const abandon = (): void => {
				const index = this.#waiting.indexOf(grant);
				if (index >= 0) this.#waiting.splice(index, 1);
				reject(onAbort());
			};
			this.#waiting.push(grant);
			signal?.addEventListener('abort', abandon, { once: true });
		});
	}

	/** Runs `job` holding one slot. */
	async run<T>(job: () => Promise<T>, signal?: AbortSignal, onAbort?: () => Error): Promise<T> {
		const release = await this.acquire(signal, onAbort);
		try {
			return await job();
		} finally {
			release();
		}
	}

	#releaser(): () => void {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			// The slot passes straight to the next waiter, so `active` never dips and a newcomer cannot jump the queue.
			const next = this.#waiting.shift();
			if (next) next();
			else this.#active--;
		};
	}
}
