// A2: a 429 whose reset lies absurdly far ahead, is in milliseconds or is not finite gives a clear rate-limit
// message, never "Unexpected error: Invalid time value".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BrazeRateLimitError } from '../../../src/braze/errors';
import { brazeFailureWording } from '../../../src/commands/errorWording';
import { englishL10n } from '../../../src/shared/l10n';
import { FAKE_NOW, fakeBrazeClient, jsonResponse } from './fakeBraze';

const utc = (moment: Date): string => moment.toISOString();
const RESET_IN_HALF_AN_HOUR = FAKE_NOW.getTime() / 1000 + 1800;

async function outcome(headers: Record<string, string>): Promise<{ error: unknown; requests: number }> {
	const { client, calls } = fakeBrazeClient(() => jsonResponse(429, { message: 'API rate limit exceeded' }, headers));
	try {
		await client.fetchSeries({ metric: 'dau', length: 7, endingAt: '2026-03-10' });
	} catch (error) {
		return { error, requests: calls.length };
	}
	throw new Error('expected a failure');
}

describe('429 with absurd reset hints', () => {
	const absurd: [string, Record<string, string>][] = [
		['X-RateLimit-Reset in the year 300,000', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '9999999999999' }],
		['X-RateLimit-Reset with 400 digits (not finite)', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '9'.repeat(400) }],
		['X-RateLimit-Reset of 1e20 seconds', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '100000000000000000000' }],
		['Retry-After with 400 digits', { 'Retry-After': '9'.repeat(400) }],
		['Retry-After of ten years', { 'Retry-After': String(10 * 365 * 86400) }],
	];
	for (const [what, headers] of absurd) {
		it(`${what}: a rate-limit error without a time, worded clearly`, async () => {
			const { error } = await outcome(headers);
			assert.ok(error instanceof BrazeRateLimitError, `got ${String(error)}`);
			assert.equal(error.resetAt, null);
			assert.equal(brazeFailureWording(error, englishL10n, utc).message, 'Braze rate limit reached (429) for this workspace\'s hourly quota. Try again later.');
		});
	}

	it('reads an X-RateLimit-Reset sent in milliseconds as the moment it means', async () => {
		const { error } = await outcome({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(RESET_IN_HALF_AN_HOUR * 1000) });
		assert.ok(error instanceof BrazeRateLimitError, `got ${String(error)}`);
		assert.equal(error.resetAt?.toISOString(), '2026-03-15T12:30:00.000Z');
	});

	it('still names a sane reset', async () => {
		const { error } = await outcome({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(RESET_IN_HALF_AN_HOUR) });
		assert.ok(error instanceof BrazeRateLimitError);
		assert.equal(brazeFailureWording(error, englishL10n, utc).message, 'Braze rate limit reached (429) for this workspace\'s hourly quota. Try again after 2026-03-15T12:30:00.000Z.');
	});

	it('an invalid Date never reaches the sentence', () => {
		assert.equal(new BrazeRateLimitError(new Date(Number.NaN)).resetAt, null);
	});
});
