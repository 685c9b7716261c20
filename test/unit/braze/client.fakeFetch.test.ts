// The client with a hand-written fetch, for what the sandbox cannot do: redirects, HTTP-date Retry-After,
// bodies without Content-Length, a Braze that over-delivers days, a throwing fetch or log hook.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBrazeClient } from '../../../src/braze/client';
import type { BrazeClientOptions, RequestLogEntry } from '../../../src/braze/client';
import { BrazeBadRequestError, BrazeNetworkError, BrazeResponseError, BrazeServerError } from '../../../src/braze/errors';
import { addDays } from '../../../src/shared/dates';

const KEY = 'fake-key-51e0';
const NOW = new Date('2024-06-01T08:00:00Z');

interface Call {
	readonly url: string;
	readonly init: RequestInit | undefined;
}

function fakeClient(answer: (url: URL, call: number) => Response | Promise<Response>, overrides: Partial<BrazeClientOptions> = {}): { client: ReturnType<typeof createBrazeClient>; calls: Call[]; sleeps: number[] } {
	const calls: Call[] = [];
	const sleeps: number[] = [];
	const fetchFn: typeof fetch = async (input, init) => {
		const url = input instanceof Request ? input.url : input.toString();
		calls.push({ url, init });
		return answer(new URL(url), calls.length);
	};
	const client = createBrazeClient({
		baseUrl: 'US-03',
		apiKey: KEY,
		fetch: fetchFn,
		now: () => NOW,
		sleep: (ms) => {
			sleeps.push(ms);
			return Promise.resolve();
		},
		random: () => 0.5,
		...overrides,
	});
	return { client, calls, sleeps };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Braze's rows for the request in `url`: `length` days ending on the date of ending_at (or today). */
function rowsFor(url: URL, value: (date: string) => number, extraDays = 0): { time: string; dau: number }[] {
	const length = Number(url.searchParams.get('length'));
	const end = url.searchParams.get('ending_at')?.slice(0, 10) ?? NOW.toISOString().slice(0, 10);
	const rows = [];
	for (let i = -extraDays; i < length + extraDays; i++) {
		const time = addDays(end, -i);
		rows.push({ time, dau: value(time) });
	}
	return rows;
}

describe('BrazeClient with an injected fetch', () => {
	it('sends one GET to the instance host with the key in the Authorization header only, and follows no redirect', async () => {
		const { client, calls } = fakeClient((url) => json(200, { data: rowsFor(url, () => 1) }));
		await client.fetchSeries({ metric: 'dau', length: 3 });
		assert.equal(calls.length, 1);
		assert.equal(calls[0].url, 'https://rest.iad-03.braze.com/kpi/dau/data_series?length=3');
		const init = calls[0].init!;
		assert.equal(init.method, 'GET');
		assert.equal(init.redirect, 'manual');
		assert.deepEqual(init.headers, { Authorization: `Bearer ${KEY}`, Accept: 'application/json' });
		assert.ok(init.signal instanceof AbortSignal);
	});

	it('reports a redirect instead of following it', async () => {
		const { client, calls } = fakeClient(() => new Response(null, { status: 302, headers: { location: 'https://login.example.com/' } }));
		await assert.rejects(client.fetchSeries({ metric: 'dau', length: 3 }), (e: unknown) => e instanceof BrazeResponseError && e.problem === 'unexpected-status' && e.status === 302 && /login\.example\.com/.test(e.message));
		assert.equal(calls.length, 1);
	});

	it('honours Retry-After given as an HTTP date, before X-RateLimit-Reset', async () => {
		const { client, sleeps } = fakeClient((url, call) => call === 1
			? json(429, { message: 'API rate limit exceeded' }, { 'Retry-After': new Date(NOW.getTime() + 12_000).toUTCString(), 'X-RateLimit-Reset': String(NOW.getTime() / 1000 + 3) })
			: json(200, { data: rowsFor(url, () => 2) }));
		await client.fetchSeries({ metric: 'dau', length: 3 });
		assert.deepEqual(sleeps, [12_000]);
	});

	it('backs off exponentially on a 429 with no hint at all', async () => {
		const { client, sleeps } = fakeClient((url, call) => call <= 2 ? json(429, {}) : json(200, { data: rowsFor(url, () => 2) }));
		const result = await client.fetchSeries({ metric: 'dau', length: 3 });
		assert.deepEqual(sleeps, [375, 750]);
		assert.equal(result.requestCount, 3);
		assert.equal(result.rateLimit, null);
	});

	it('takes from each window only its own days, so a Braze that over-delivers cannot double a seam', async () => {
		// Each window answers one extra day on each side, valued by the window's end so that a wrong pick shows.
		const { client } = fakeClient((url) => {
			const end = url.searchParams.get('ending_at')?.slice(0, 10) ?? NOW.toISOString().slice(0, 10);
			return json(200, { data: rowsFor(url, () => Number(end.replace(/-/g, '')), 1) });
		});
		const result = await client.fetchSeries({ metric: 'dau', length: 250, endingAt: '2024-05-31' });
		assert.equal(result.series.points.length, 250);
		for (const point of result.series.points) {
			const window = Math.floor((250 - 1 - result.series.points.indexOf(point)) / 100);
			assert.equal(point.value, Number(addDays('2024-05-31', -100 * window).replace(/-/g, '')), point.date);
		}
	});

	it('stops reading a body without Content-Length at the cap', async () => {
		let pulled = 0;
		const { client } = fakeClient(() => new Response(new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				controller.enqueue(new Uint8Array(1024).fill(0x20));
			},
		}, { highWaterMark: 0 }), { status: 200 }), { maxBodyBytes: 10 * 1024 });
		await assert.rejects(client.fetchSeries({ metric: 'dau', length: 3 }), (e: unknown) => e instanceof BrazeResponseError && e.problem === 'oversize');
		assert.ok(pulled <= 12, `pulled ${pulled} chunks of an endless body`);
	});

	it('still reports a 5xx whose error page is too large', async () => {
		const { client } = fakeClient(() => new Response('x'.repeat(4096), { status: 503 }), { maxBodyBytes: 1024, retry: { maxAttempts: 1 } });
		await assert.rejects(client.fetchSeries({ metric: 'dau', length: 3 }), (e: unknown) => e instanceof BrazeServerError && e.status === 503 && e.attempts === 1);
	});

	it('treats a fetch that throws as a network failure, retried', async () => {
		const { client, calls } = fakeClient(() => {
			throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
		});
		await assert.rejects(client.fetchSeries({ metric: 'dau', length: 3 }), (e: unknown) => e instanceof BrazeNetworkError && e.code === 'ENOTFOUND' && e.host === 'rest.iad-03.braze.com');
		assert.equal(calls.length, 4);
	});

	it('scrubs the key from any text Braze sends back', async () => {
		const { client } = fakeClient(() => json(400, { message: `bad request for key ${KEY}` }));
		await assert.rejects(client.fetchSeries({ metric: 'dau', length: 3 }), (e: unknown) => e instanceof BrazeBadRequestError && e.brazeMessage === 'bad request for key ***' && !e.message.includes(KEY));
	});

	it('survives a log hook that throws, and logs every attempt', async () => {
		const entries: RequestLogEntry[] = [];
		const { client } = fakeClient((url, call) => (call === 1 ? json(500, {}) : json(200, { data: rowsFor(url, () => 3) }, { 'x-ratelimit-remaining': '41' })), {
			onRequest: (entry) => {
				entries.push(entry);
				throw new Error('log failed');
			},
		});
		const result = await client.fetchSeries({ metric: 'dau', length: 3 });
		assert.deepEqual(result.rateLimit, { limit: null, remaining: 41, resetEpochSeconds: null });
		assert.deepEqual(entries.map((e) => [e.attempt, e.status, e.rateLimitRemaining, e.error]), [[1, 500, null, null], [2, 200, 41, null]]);
		assert.ok(entries.every((e) => e.url === 'https://rest.iad-03.braze.com/kpi/dau/data_series?length=3' && e.durationMs === 0));
	});

	it('accepts an empty series as all gaps', async () => {
		const { client } = fakeClient(() => json(200, { message: 'success', data: [] }));
		const result = await client.fetchSeries({ metric: 'dau', length: 4, endingAt: '2024-05-20' });
		assert.deepEqual(result.series.points.map((p) => p.value), [null, null, null, null]);
	});
});
