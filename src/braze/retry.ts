// When to try a request again, and how long to wait first. Pure: the clock and randomness are passed in.

/** Bounds on retrying one request. */
export interface RetryPolicy {
	/** Attempts in all, the first included. */
	readonly maxAttempts: number;
	/** First backoff delay; doubles on each further attempt. */
	readonly baseDelayMs: number;
	/** No single wait is longer; a 429 asking for more is not retried. */
	readonly maxDelayMs: number;
	/** The waits of one request add up to at most this. */
	readonly maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 60_000,
};

/** Why an attempt failed in a way that may be retried. 400, 401, 403, 404 and bad bodies never are. */
export type RetryCause =
	| { readonly kind: 'rate-limited'; /** Retry-After, else time to X-RateLimit-Reset; null when Braze gave no hint. */ readonly waitHintMs: number | null }
	| { readonly kind: 'server-error' }
	| { readonly kind: 'network-error' };

/** Exponential backoff with jitter for attempt n (1 = the attempt that just failed): half fixed, half random. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (ceiling / 2) * clamp01(random()));
}

/**
 * How long to wait before attempt `attempt + 1`, or null to give up: attempts exhausted, a rate-limit reset too far
 * away, or the total wait would pass its cap.
 */
export function retryDelayMs(cause: RetryCause, attempt: number, waitedMs: number, policy: RetryPolicy, random: () => number): number | null {
	if (attempt >= policy.maxAttempts) return null;
	let delay: number;
	if (cause.kind === 'rate-limited' && cause.waitHintMs !== null) {
		if (cause.waitHintMs > policy.maxDelayMs) return null;
		// A reset already past (clock skew) or `Retry-After: 0` still waits a little: never a burst of instant retries.
		delay = Math.max(policy.baseDelayMs, Math.ceil(cause.waitHintMs));
	} else {
		delay = backoffDelayMs(attempt, policy, random);
	}
	return waitedMs + delay > policy.maxTotalWaitMs ? null : delay;
}

/** A policy from partial overrides, with every figure made sane. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> | undefined): RetryPolicy {
	const p = { ...DEFAULT_RETRY_POLICY, ...overrides };
	return {
		maxAttempts: Math.max(1, Math.floor(p.maxAttempts)),
		baseDelayMs: Math.max(0, p.baseDelayMs),
		maxDelayMs: Math.max(0, p.maxDelayMs),
		maxTotalWaitMs: Math.max(0, p.maxTotalWaitMs),
	};
}

function clamp01(value: number): number {
	return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}
