// Braze's hourly request pool, kept per key fingerprint, in windows that reset on the full hour.

const MS_PER_HOUR = 3_600_000;

/** What one request leaves of its key's pool; `exceeded` when this request is over the limit. */
export interface RateLimitWindow {
	readonly limit: number;
	readonly remaining: number;
	/** UTC epoch seconds of the next full hour. */
	readonly resetEpochSeconds: number;
	readonly exceeded: boolean;
}

export class HourlyRateLimiter {
	private hour = Number.NaN;
	private readonly counts = new Map<string, number>();

	constructor(
		private readonly limit: number,
		private readonly now: () => Date,
	) {}

	/** Counts one request against `bucket` (a key fingerprint, or '' for requests without a key). */
	count(bucket: string): RateLimitWindow {
		const hour = Math.floor(this.now().getTime() / MS_PER_HOUR);
		if (hour !== this.hour) {
			this.hour = hour;
			this.counts.clear();
		}
		const used = (this.counts.get(bucket) ?? 0) + 1;
		this.counts.set(bucket, used);
		return {
			limit: this.limit,
			remaining: Math.max(0, this.limit - used),
			resetEpochSeconds: ((hour + 1) * MS_PER_HOUR) / 1000,
			exceeded: used > this.limit,
		};
	}
}

/** `window` saying at most `remaining` requests remain (the `rateLimitRemaining` fault); as it is without one. */
export function withRemainingAtMost(window: RateLimitWindow, remaining: number | undefined): RateLimitWindow {
	return remaining === undefined || window.remaining <= remaining ? window : { ...window, remaining };
}

/** The X-RateLimit-* headers of an answer. `forceEmpty` answers Remaining 0 (an injected 429). */
export function rateLimitHeaders(window: RateLimitWindow, forceEmpty = false): Record<string, string> {
	return {
		'X-RateLimit-Limit': String(window.limit),
		'X-RateLimit-Remaining': String(forceEmpty ? 0 : window.remaining),
		'X-RateLimit-Reset': String(window.resetEpochSeconds),
	};
}
