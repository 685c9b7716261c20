// Retries, timeouts and cancellation against the sandbox over real sockets. Waits are recorded, not slept.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { abortableSleep } from '../../../src/braze/cancellation';
import {
	BrazeCancelledError,
	BrazeNetworkError,
	BrazeRateLimitError,
	BrazeResponseError,
	BrazeServerError,
	BrazeTimeoutError,
} from '../../../src/braze/errors';
import { NOW, startHarness, waitFor } from './sandboxHarness';
import type { Harness } from './sandboxHarness';

const request = { metric: 'dau', length: 7, endingAt: '2026-03-10' } as const;
const NEXT_HOUR = new Date((Math.floor(NOW.getTime() / 3_600_000) + 1) * 3_600_000);

describe('BrazeClient retries against the sandbox', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness();
	});
	after(() => h.sandbox.close());
	beforeEach(() => h.reset());

	it('honours Retry-After on 429, then succeeds', async () => {
		h.sandbox.setFaults({ rateLimited: 2, retryAfterSeconds: 3 });
		const result = await h.client().fetchSeries(request);
		assert.equal(result.requestCount, 3);
		assert.equal(result.series.points.length, 7);
		assert.deepEqual(h.sleeps, [3000, 3000]);
		assert.deepEqual(h.log.map((e) => [e.attempt, e.status]), [[1, 429], [2, 429], [3, 200]]);
		assert.deepEqual(h.log.map((e) => e.rateLimitRemaining), [0, 0, h.log[2].rateLimitRemaining]);
	});

	it('waits until X-RateLimit-Reset when 429 has no Retry-After', async () => {
		const clock = (): Date => new Date('2026-03-15T11:59:55Z');
		const early = await startHarness({ now: clock });
		try {
			early.sandbox.setFaults({ rateLimited: 1 });
			const result = await early.client().fetchSeries(request);
			assert.equal(result.requestCount, 2);
			assert.deepEqual(early.sleeps, [5000]);
		} finally {
			await early.sandbox.close();
		}
	});

	it('gives up at once with the reset time when the reset is too far away', async () => {
		h.sandbox.setFaults({ rateLimited: 1 });
		await assert.rejects(h.client().fetchSeries(request), (error: unknown) => {
			assert.ok(error instanceof BrazeRateLimitError);
			assert.equal(error.status, 429);
			assert.deepEqual(error.resetAt, NEXT_HOUR);
			assert.match(error.message, new RegExp(NEXT_HOUR.toISOString().replace(/\./g, '\\.')));
			return true;
		});
		assert.equal(h.sandbox.requests.length, 1);
		assert.deepEqual(h.sleeps, []);
	});

	it('stops after the allowed attempts when 429 persists', async () => {
		h.sandbox.setFaults({ rateLimited: 50, retryAfterSeconds: 1 });
		await assert.rejects(h.client().fetchSeries(request), (e: unknown) => e instanceof BrazeRateLimitError && e.resetAt?.getTime() === NEXT_HOUR.getTime());
		assert.equal(h.sandbox.requests.length, 4);
		assert.deepEqual(h.sleeps, [1000, 1000, 1000]);
	});

	it('retries a burst of 5xx with exponential backoff and jitter, then succeeds', async () => {
		h.sandbox.setFaults({ serverErrors: 2, serverErrorStatus: 503 });
		const result = await h.client().fetchSeries(request);
		assert.equal(result.requestCount, 3);
		assert.deepEqual(h.sleeps, [375, 750]);
		assert.deepEqual(h.log.map((e) => e.status), [503, 503, 200]);
	});

	it('fails with BrazeServerError after N attempts when 5xx persists', async () => {
		h.sandbox.setFaults({ serverErrors: 50, serverErrorStatus: 500 });
		await assert.rejects(h.client().fetchSeries(request), (error: unknown) => {
			assert.ok(error instanceof BrazeServerError);
			assert.equal(error.status, 500);
			assert.equal(error.attempts, 4);
			return true;
		});
		assert.equal(h.sandbox.requests.length, 4);
		assert.deepEqual(h.sleeps, [375, 750, 1500]);
	});

	it('takes the retry policy from the options, including the cap on total waiting', async () => {
		h.sandbox.setFaults({ serverErrors: 50 });
		await assert.rejects(h.client({ retry: { maxAttempts: 2 } }).fetchSeries(request), (e: unknown) => e instanceof BrazeServerError && e.attempts === 2);
		assert.equal(h.sandbox.requests.length, 2);
		h.reset();
		h.sandbox.setFaults({ serverErrors: 50 });
		await assert.rejects(h.client({ retry: { maxTotalWaitMs: 1000 } }).fetchSeries(request), (e: unknown) => e instanceof BrazeServerError && e.attempts === 2);
		assert.deepEqual(h.sleeps, [375]);
	});

	it('retries a proxy\'s 502 HTML page as a server error', async () => {
		h.sandbox.setFaults({ htmlBody: 1 });
		const result = await h.client().fetchSeries(request);
		assert.equal(result.requestCount, 2);
		h.reset();
		h.sandbox.setFaults({ htmlBody: 50 });
		await assert.rejects(h.client().fetchSeries(request), (e: unknown) => e instanceof BrazeServerError && e.status === 502);
	});

	it('retries a dropped connection, then succeeds', async () => {
		h.sandbox.setFaults({ dropConnection: 1 });
		const result = await h.client().fetchSeries(request);
		assert.equal(result.requestCount, 2);
		assert.equal(result.series.points.length, 7);
		assert.deepEqual(h.log.map((e) => [e.status, e.error]), [[null, 'BrazeNetworkError'], [200, null]]);
	});

	it('fails with BrazeNetworkError when connections keep dropping', async () => {
		h.sandbox.setFaults({ dropConnection: 50 });
		await assert.rejects(h.client().fetchSeries(request), (error: unknown) => {
			assert.ok(error instanceof BrazeNetworkError);
			assert.equal(error.attempts, 4);
			assert.equal(error.host, new URL(h.sandbox.url).host);
			assert.equal(error.status, null);
			return true;
		});
		assert.equal(h.sandbox.requests.length, 4);
	});

	it('fails with BrazeNetworkError when nothing listens', async () => {
		const closed = await startHarness();
		const client = closed.client({ retry: { maxAttempts: 2 } });
		await closed.sandbox.close();
		await assert.rejects(client.fetchSeries(request), (e: unknown) => e instanceof BrazeNetworkError && e.code === 'ECONNREFUSED' && e.attempts === 2);
	});

	it('never retries 400, 401, 403, 404 or a bad body', async () => {
		const cases: [() => Promise<unknown>, string][] = [
			[() => h.client().fetchSeries({ ...request, appId: 'not-an-app' }), '400'],
			[() => h.client({ apiKey: 'sandbox-invalid-key' }).fetchSeries(request), '401'],
			[() => h.client({ apiKey: 'sandbox-no-kpi-permission' }).fetchSeries(request), '403'],
			[() => h.client({ baseUrl: `${h.sandbox.url}/wrong` }).fetchSeries(request), '404'],
			[() => (h.sandbox.setFaults({ malformedJson: 1 }), h.client().fetchSeries(request)), 'bad JSON'],
		];
		for (const [run, what] of cases) {
			h.reset();
			await assert.rejects(run());
			assert.equal(h.sandbox.requests.length, 1, what);
			assert.deepEqual(h.sleeps, [], what);
		}
	});

	it('times out a hanging request after timeoutMs, without retrying it', { timeout: 10_000 }, async () => {
		h.sandbox.setFaults({ hang: 1 });
		await assert.rejects(h.client({ timeoutMs: 150 }).fetchSeries(request), (error: unknown) => {
			assert.ok(error instanceof BrazeTimeoutError);
			assert.equal(error.timeoutMs, 150);
			return true;
		});
		assert.equal(h.sandbox.requests.length, 1);
		assert.equal(h.log[0].error, 'BrazeTimeoutError');
	});

	it('cancels a hanging request at once', { timeout: 10_000 }, async () => {
		h.sandbox.setFaults({ hang: 1 });
		const controller = new AbortController();
		const fetching = h.client().fetchSeries(request, controller.signal);
		await waitFor(() => h.sandbox.requests.length === 1, 'the request to arrive');
		controller.abort();
		await assert.rejects(fetching, BrazeCancelledError);
		assert.equal(h.log[0].error, 'BrazeCancelledError');
	});

	it('cancels during a backoff sleep, sending nothing more', { timeout: 10_000 }, async () => {
		h.sandbox.setFaults({ rateLimited: 1, retryAfterSeconds: 25 });
		const controller = new AbortController();
		const waits: number[] = [];
		const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
			waits.push(ms);
			controller.abort();
			return abortableSleep(ms, signal);
		};
		await assert.rejects(h.client({ sleep }).fetchSeries(request, controller.signal), BrazeCancelledError);
		assert.deepEqual(waits, [25_000]);
		assert.equal(h.sandbox.requests.length, 1);
	});

	it('cancels during a backoff even if the injected sleep ignores the signal', { timeout: 10_000 }, async () => {
		h.sandbox.setFaults({ serverErrors: 1 });
		const controller = new AbortController();
		const sleep = (): Promise<void> => {
			controller.abort();
			return new Promise<void>(() => undefined);
		};
		await assert.rejects(h.client({ sleep }).fetchSeries(request, controller.signal), BrazeCancelledError);
		assert.equal(h.sandbox.requests.length, 1);
	});

	it('cancels during the real default sleep', { timeout: 10_000 }, async () => {
		h.sandbox.setFaults({ rateLimited: 1, retryAfterSeconds: 25 });
		const controller = new AbortController();
		const client = h.client({ sleep: undefined }); // the client's own default sleep
		const fetching = client.fetchSeries(request, controller.signal);
		await waitFor(() => h.log.length === 1, 'the 429 to be answered');
		controller.abort();
		await assert.rejects(fetching, BrazeCancelledError);
		assert.equal(h.sandbox.requests.length, 1);
	});

	it('sends nothing when already cancelled', async () => {
		await assert.rejects(h.client().fetchSeries(request, AbortSignal.abort()), BrazeCancelledError);
		assert.equal(h.sandbox.requests.length, 0);
	});

	it('cancels every window in flight and starts no other', { timeout: 10_000 }, async () => {
		h.sandbox.setFaults({ latencyMs: 60_000 });
		const controller = new AbortController();
		const fetching = h.client().fetchSeries({ metric: 'dau', length: 1000 }, controller.signal);
		await waitFor(() => h.sandbox.requests.length === 4, 'four windows in flight');
		controller.abort();
		await assert.rejects(fetching, BrazeCancelledError);
		assert.equal(h.sandbox.requests.length, 4);
	});

	it('fails the whole series on the first failed window, and stops the others', async () => {
		h.sandbox.setFaults({ badRows: 1 });
		await assert.rejects(h.client({ maxConcurrency: 1 }).fetchSeries({ metric: 'dau', length: 1000 }), (e: unknown) => e instanceof BrazeResponseError && e.problem === 'values');
		assert.equal(h.sandbox.requests.length, 1);
	});
});
