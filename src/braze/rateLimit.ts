// Reads Braze's rate-limit headers and the hints a 429 carries about when to try again.
import type { RateLimitInfo } from '../shared/kpi';

/** What headers look like to this module: `Headers` matches names case-insensitively (HTTP/2 sends them lower-case). */
export interface HeaderReader {
	get(name: string): string | null;
}

/** `X-RateLimit-Limit`, `-Remaining` and `-Reset` (UTC epoch seconds), or null when none is present. */
export function readRateLimit(headers: HeaderReader): RateLimitInfo | null {
	const limit = headerNumber(headers, 'x-ratelimit-limit');
	const remaining = headerNumber(headers, 'x-ratelimit-remaining');
	const resetEpochSeconds = headerNumber(headers, 'x-ratelimit-reset');
	if (limit === null && remaining === null && resetEpochSeconds === null) return null;
	return { limit, remaining, resetEpochSeconds };
}

/** `Retry-After` (seconds, or an HTTP date) as milliseconds from `now`; null when absent or unreadable. Undocumented for these endpoints. */
export function retryAfterMs(headers: HeaderReader, now: Date): number | null {
	const seconds = headerNumber(headers, 'retry-after');
	if (seconds !== null) return Math.round(seconds * 1000);
	const at = Date.parse(headers.get('retry-after') ?? '');
	return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Milliseconds from `now` until `X-RateLimit-Reset`; null when unknown. */
export function msUntilReset(info: RateLimitInfo | null, now: Date): number | null {
	if (info?.resetEpochSeconds == null) return null;
	return Math.max(0, info.resetEpochSeconds * 1000 - now.getTime());
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
	return Number(raw);
}
