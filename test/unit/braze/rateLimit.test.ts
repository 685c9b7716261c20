import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lowestRemaining, msUntilReset, readRateLimit, retryAfterMs } from '../../../src/braze/rateLimit';
import type { HeaderReader } from '../../../src/braze/rateLimit';

/** Headers as HTTP/2 delivers them: lower-case names, looked up exactly. */
function lowerCaseOnly(entries: Record<string, string>): HeaderReader {
	return { get: (name) => entries[name] ?? null };
}

describe('readRateLimit', () => {
	it('reads the three headers whatever their case', () => {
		const expected = { limit: 250000, remaining: 249990, resetEpochSeconds: 1710000000 };
		assert.deepEqual(readRateLimit(new Headers({ 'X-RateLimit-Limit': '250000', 'x-ratelimit-remaining': '249990', 'X-RATELIMIT-RESET': '1710000000' })), expected);
		assert.deepEqual(readRateLimit(lowerCaseOnly({ 'x-ratelimit-limit': '250000', 'x-ratelimit-remaining': '249990', 'x-ratelimit-reset': '1710000000' })), expected);
	});

	it('answers null without headers, and null fields for unreadable ones', () => {
		assert.equal(readRateLimit(new Headers()), null);
		assert.deepEqual(readRateLimit(new Headers({ 'X-RateLimit-Remaining': '12', 'X-RateLimit-Limit': 'lots' })), { limit: null, remaining: 12, resetEpochSeconds: null });
	});
});

describe('retryAfterMs', () => {
	const now = new Date('2024-03-10T12:00:00Z');

	it('reads seconds and HTTP dates', () => {
		assert.equal(retryAfterMs(new Headers({ 'Retry-After': '7' }), now), 7000);
		assert.equal(retryAfterMs(new Headers({ 'retry-after': '1.5' }), now), 1500);
		assert.equal(retryAfterMs(new Headers({ 'Retry-After': 'Sun, 10 Mar 2024 12:00:30 GMT' }), now), 30_000);
		assert.equal(retryAfterMs(new Headers({ 'Retry-After': 'Sun, 10 Mar 2024 11:00:00 GMT' }), now), 0);
	});

	it('answers null when absent or unreadable', () => {
		assert.equal(retryAfterMs(new Headers(), now), null);
		assert.equal(retryAfterMs(new Headers({ 'Retry-After': 'soon' }), now), null);
	});
});

describe('msUntilReset and lowestRemaining', () => {
	it('measure the wait to the reset', () => {
		const now = new Date(1_710_000_000_000);
		assert.equal(msUntilReset({ limit: 1, remaining: 0, resetEpochSeconds: 1_710_000_005 }, now), 5000);
		assert.equal(msUntilReset({ limit: 1, remaining: 0, resetEpochSeconds: 1_709_999_000 }, now), 0);
		assert.equal(msUntilReset({ limit: 1, remaining: 0, resetEpochSeconds: null }, now), null);
		assert.equal(msUntilReset(null, now), null);
	});

	it('pick the figures with the fewest requests remaining', () => {
		const a = { limit: 100, remaining: 50, resetEpochSeconds: 1 };
		const b = { limit: 100, remaining: 48, resetEpochSeconds: 1 };
		const c = { limit: 100, remaining: null, resetEpochSeconds: 1 };
		assert.equal(lowestRemaining([a, null, b, c]), b);
		assert.equal(lowestRemaining([c, a]), a);
		assert.equal(lowestRemaining([null, c]), c);
		assert.equal(lowestRemaining([null]), null);
	});
});
