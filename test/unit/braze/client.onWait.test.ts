// The onWait hook against the sandbox's 429 and 5xx faults: told before each wait, with the reason and the time of the retry.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RetryWait } from '../../../src/braze/client';
import { BrazeRateLimitError } from '../../../src/braze/errors';
import { NOW, startHarness } from './sandboxHarness';
import type { Harness } from './sandboxHarness';

const request = { metric: 'dau', length: 7, endingAt: '2026-03-10' } as const;

describe('BrazeClient onWait against the sandbox', () => {
	let h: Harness;
	let waits: RetryWait[];
	let events: string[];
	const onWait = (wait: RetryWait): void => {
		waits.push(wait);
		events.push('wait');
	};
	const sleep = (): Promise<void> => {
		events.push('sleep');
		return Promise.resolve();
	};
	before(async () => {
		h = await startHarness();
	});
	after(() => h.sandbox.close());
	beforeEach(() => {
		h.reset();
		waits = [];
		events = [];
	});

	it('says "rate limit" with the time of the retry before each wait for a 429 with Retry-After', async () => {
		h.sandbox.setFaults({ rateLimited: 2, retryAfterSeconds: 3 });
		const result = await h.client({ onWait, sleep }).fetchSeries(request);
		assert.equal(result.requestCount, 3);
		assert.deepEqual(waits, [
			{ reason: 'rateLimit', until: new Date(NOW.getTime() + 3000), attempt: 2 },
			{ reason: 'rateLimit', until: new Date(NOW.getTime() + 3000), attempt: 3 },
		]);
		assert.deepEqual(events, ['wait', 'sleep', 'wait', 'sleep'], 'told before sleeping');
	});

	it('gives the reset time of X-RateLimit-Reset when a 429 has no Retry-After', async () => {
		const clock = (): Date => new Date('2026-03-15T11:59:55Z');
		const early = await startHarness({ now: clock });
		try {
			early.sandbox.setFaults({ rateLimited: 1 });
			await early.client({ onWait, sleep }).fetchSeries(request);
			assert.deepEqual(waits, [{ reason: 'rateLimit', until: new Date('2026-03-15T12:00:00Z'), attempt: 2 }]);
		} finally {
			await early.sandbox.close();
		}
	});

	it('says "retry" with the backoff for a 5xx and a dropped connection', async () => {
		h.sandbox.setFaults({ serverErrors: 1, serverErrorStatus: 503 });
		await h.client({ onWait, sleep }).fetchSeries(request);
		h.sandbox.setFaults({ dropConnection: 1 });
		await h.client({ onWait, sleep }).fetchSeries(request);
		// Jitter 0.5 on a 500 ms base: 250 + 125.
		assert.deepEqual(waits, [
			{ reason: 'retry', until: new Date(NOW.getTime() + 375), attempt: 2 },
			{ reason: 'retry', until: new Date(NOW.getTime() + 375), attempt: 2 },
		]);
	});

	it('says nothing when it gives up at once (a reset too far away)', async () => {
		h.sandbox.setFaults({ rateLimited: 1 });
		await assert.rejects(h.client({ onWait, sleep }).fetchSeries(request), BrazeRateLimitError);
		assert.deepEqual(waits, []);
	});

	it('still retries when the listener throws', async () => {
		h.sandbox.setFaults({ rateLimited: 1, retryAfterSeconds: 1 });
		const result = await h.client({ onWait: () => { throw new Error('notification closed'); }, sleep }).fetchSeries(request);
		assert.equal(result.requestCount, 2);
	});
});
