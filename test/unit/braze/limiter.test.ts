// RequestLimiter alone, then shared by two clients against a loopback server that counts requests in flight.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBrazeClient } from '../../../src/braze/client';
import type { BrazeClient } from '../../../src/braze/client';
import { RequestLimiter } from '../../../src/braze/concurrency';
import { BrazeCancelledError } from '../../../src/braze/errors';
import { waitFor } from './sandboxHarness';

describe('RequestLimiter', () => {
	it('refuses a capacity that is not a whole number ≥ 1', () => {
		for (const bad of [0, -1, 1.5, Number.NaN]) assert.throws(() => new RequestLimiter(bad), RangeError);
	});

	it('grants up to its capacity, then queues first come, first served', async () => {
		const limiter = new RequestLimiter(2);
		const a = await limiter.acquire();
		const b = await limiter.acquire();
		const order: string[] = [];
		const c = limiter.acquire().then((release) => (order.push('c'), release));
		const d = limiter.acquire().then((release) => (order.push('d'), release));
		assert.deepEqual([limiter.active, limiter.waiting], [2, 2]);
		a();
		a(); // a second call gives nothing back twice
		const releaseC = await c;
		assert.deepEqual([limiter.active, limiter.waiting, order], [2, 1, ['c']]);
		b();
		const releaseD = await d;
		assert.deepEqual(order, ['c', 'd']);
		releaseC();
		releaseD();
		assert.deepEqual([limiter.active, limiter.waiting], [0, 0]);
	});

	it('gives up a place in the queue when its signal fires, with the error asked for', async () => {
		const limiter = new RequestLimiter(1);
		const release = await limiter.acquire();
		const controller = new AbortController();
		const waiting = limiter.acquire(controller.signal, () => new BrazeCancelledError());
		controller.abort();
		await assert.rejects(waiting, BrazeCancelledError);
		assert.equal(limiter.waiting, 0);
		await assert.rejects(limiter.acquire(AbortSignal.abort(), () => new BrazeCancelledError()), BrazeCancelledError);
		release();
		assert.equal(limiter.active, 0);
		assert.equal(await limiter.run(() => Promise.resolve(7)), 7);
		await assert.rejects(limiter.run(() => Promise.reject(new Error('job failed'))), /job failed/);
		assert.equal(limiter.active, 0, 'a failed job gives its slot back');
	});
});

describe('clients sharing a RequestLimiter, on a loopback server', () => {
	let server: Server;
	let url: string;
	/** Requests received and not yet answered. */
	const held: (() => void)[] = [];
	let maxInFlight = 0;
	let received = 0;

	before(async () => {
		server = createServer((req, res) => {
			received++;
			req.resume();
			held.push(() => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"message":"success","data":[]}');
			});
			maxInFlight = Math.max(maxInFlight, held.length);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	after(() => new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => {
		held.length = 0;
		maxInFlight = 0;
		received = 0;
	});

	const client = (limiter?: RequestLimiter): BrazeClient => createBrazeClient({ baseUrl: url, apiKey: 'limit-key', ...(limiter ? { limiter } : {}) });
	const releaseAll = (): void => {
		for (const answer of held.splice(0)) answer();
	};

	/** Answers requests only when `batch` of them are waiting (fewer at the end), so the most in flight is reached each round. */
	async function serveInBatches(total: number, batch: number, fetches: Promise<unknown>[]): Promise<void> {
		let answered = 0;
		while (answered < total) {
			const expected = Math.min(batch, total - answered);
			await waitFor(() => held.length >= expected, `${expected} requests in flight`);
			answered += held.length;
			releaseAll();
		}
		await Promise.all(fetches);
	}

	it('never has more than 4 requests in flight for two clients sharing a limiter of 4 (20 windows)', async () => {
		const shared = new RequestLimiter(4);
		const fetches = [client(shared).fetchSeries({ metric: 'dau', length: 1000, endingAt: '2026-03-10' }), client(shared).fetchSeries({ metric: 'mau', length: 1000, endingAt: '2026-03-10' })];
		await serveInBatches(20, 4, fetches);
		assert.equal(received, 20);
		assert.equal(maxInFlight, 4);
		assert.deepEqual([shared.active, shared.waiting], [0, 0]);
	});

	it('has 8 in flight when the same two clients each keep their own limit of 4 (the check above can fail)', async () => {
		const fetches = [client().fetchSeries({ metric: 'dau', length: 1000, endingAt: '2026-03-10' }), client().fetchSeries({ metric: 'mau', length: 1000, endingAt: '2026-03-10' })];
		await serveInBatches(20, 8, fetches);
		assert.equal(maxInFlight, 8);
	});

	it('lets a client waiting for a slot be cancelled at once, without taking a slot', async () => {
		const shared = new RequestLimiter(4);
		const busy = client(shared).fetchSeries({ metric: 'dau', length: 400, endingAt: '2026-03-10' });
		await waitFor(() => held.length === 4, 'the limit used up');
		const controller = new AbortController();
		const queued = client(shared).fetchSeries({ metric: 'mau', length: 100, endingAt: '2026-03-10' }, controller.signal);
		await waitFor(() => shared.waiting === 1, 'the second client queued');
		controller.abort();
		await assert.rejects(queued, BrazeCancelledError);
		assert.equal(shared.waiting, 0);
		assert.equal(received, 4, 'the cancelled request was never sent');
		releaseAll();
		await busy;
	});
});
