// Reads Braze's rate-limit headers and the hints a 429 carries about when to try again.
import type { RateLimitInfo } from '../shared/kpi';

/** What headers look like to this module: `Headers` matches names case-insensitively (HTTP/2 sends them lower-case). */
export interface HeaderReader {
	get(name: string): string | null;
}

/** How far ahead a rate-limit reset or Retry-After may lie: Braze's pool is hourly, so anything further is a wrong header. */
export const MAX_RESET_HORIZON_MS = 24 * 60 * 60 * 1000;

/** Epoch values at or above this are milliseconds, not seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const EPOCH_MILLISECONDS_FROM = 1e11;

/** `X-RateLimit-Limit`, `-Remaining` and `-Reset` (UTC epoch seconds; a reset sent in milliseconds is converted), or null when none is present. */
export function readRateLimit(headers: HeaderReader): RateLimitInfo | null {
	const limit = headerNumber(headers, 'x-ratelimit-limit');
	const remaining = headerNumber(headers, 'x-ratelimit-remaining');
	const rawReset = headerNumber(headers, 'x-ratelimit-reset');
	const resetEpochSeconds = rawReset !== null && rawReset >= EPOCH_MILLISECONDS_FROM ? Math.round(rawReset / 1000) : rawReset;
	if (limit === null && remaining === null && resetEpochSeconds === null) return null;
	return { limit, remaining, resetEpochSeconds };
}

/**
 * `Retry-After` (seconds, or an HTTP date) as milliseconds from `now`; null when absent, unreadable or beyond
 * MAX_RESET_HORIZON_MS. Undocumented for these endpoints.
 */
export function retryAfterMs(headers: HeaderReader, now: Date): number | null {
	const seconds = headerNumber(headers, 'retry-after');
	const at = Date.parse(headers.get('retry-after') ?? '');
	const ms = seconds !== null ? Math.round(seconds * 1000) : Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
	return ms !== null && ms <= MAX_RESET_HORIZON_MS ? ms : null;
}

/** Milliseconds from `now` until `X-RateLimit-Reset`; null when unknown or beyond MAX_RESET_HORIZON_MS. */
export function msUntilReset(info: RateLimitInfo | null, now: Date): number | null {
	if (info?.resetEpochSeconds == null) return null;
	const ms = Math.max(0, info.resetEpochSeconds * 1000 - now.getTime());
	return ms <= MAX_RESET_HORIZON_MS ? ms : null;
}

/** When a 429's limit resets, for the message: X-RateLimit-Reset, else now + Retry-After; null when neither is sane. */
export function rateLimitResetAt(info: RateLimitInfo | null, retryAfter: number | null, now: Date): Date | null {
	const untilReset = msUntilReset(info, now);
	if (untilReset !== null && info?.resetEpochSeconds != null) return new Date(info.resetEpochSeconds * 1000);
	return retryAfter !== null ? new Date(now.getTime() + retryAfter) : null;
}

/** The figures to report for several responses: those with the fewest requests remaining. */
export function lowestRemaining(infos: readonly (RateLimitInfo | null)[]): RateLimitInfo | null {
	let best: RateLimitInfo | null = null;
	for (const info of infos) {
		if (info === null) continue;
		if (best === null || (info.remaining !== null && (best.remaining === null || info.remaining < best.remaining))) best = info;
	}
	return best;
}

function headerNumber(headers: HeaderReader, name: string): number | null {
	const raw = headers.get(name)?.trim();
	if (!raw || !/^\d+(\.\d+)?$/.test(raw)) return null;
	// 400 digits parse as Infinity: no header value is that large.
	const value = Number(raw);
	return Number.isFinite(value) && value <= Number.MAX_SAFE_INTEGER ? value : null;
}
