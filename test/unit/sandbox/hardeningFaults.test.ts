// The faults added for the fault matrix (issue 12): redirects, invalid JSON, a body that stalls, exact Retry-After and
// X-RateLimit-Reset texts, and a failure aimed at one window of a long series.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { request } from 'node:http';
import { REDIRECT_LOCATION } from '../../../sandbox/kpiRoute';
import { parseFaults } from '../../../sandbox/faults';
import { GOOD_KEY, get, json, sandboxFor } from './helpers';

const PATH = '/kpi/dau/data_series?length=10&ending_at=2024-03-10';

test('redirects answers 302 to another host, before auth, then recovers', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { redirects: 1 } });
	const first = await fetch(`${sandbox.url}${PATH}`, { headers: { Authorization: `Bearer ${GOOD_KEY}` }, redirect: 'manual' });
	assert.equal(first.status, 302);
	assert.equal(first.headers.get('location'), REDIRECT_LOCATION);
	assert.equal((await get(sandbox, PATH)).status, 200);
});

test('invalidJson answers a complete body with a trailing comma', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { invalidJson: 1 } });
	const broken = await get(sandbox, PATH);
	assert.equal(broken.status, 200);
	assert.ok(broken.text.endsWith(',]}'), broken.text.slice(-20));
	assert.throws(() => JSON.parse(broken.text), SyntaxError);
	assert.equal((json(await get(sandbox, PATH)).data as unknown[]).length, 10);
});

test('slowBodyMs sends half the body, then stalls before the rest', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { slowBodyMs: 60_000 } });
	// The first half arrives, then nothing: the client sees headers and a body that does not end.
	const firstChunk = await new Promise<{ status: number; length: number; declared: number }>((resolve, reject) => {
		const req = request(`${sandbox.url}${PATH}`, { headers: { Authorization: `Bearer ${GOOD_KEY}` } }, (res) => {
			res.once('data', (chunk: Buffer) => {
				resolve({ status: res.statusCode ?? 0, length: chunk.length, declared: Number(res.headers['content-length']) });
				req.destroy();
			});
		});
		req.on('error', reject);
		req.end();
	});
	assert.equal(firstChunk.status, 200);
	assert.equal(firstChunk.length, Math.floor(firstChunk.declared / 2));
});

test('retryAfter and rateLimitReset are sent exactly as given on 429', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { rateLimited: 1, retryAfter: 'soon, maybe', rateLimitReset: '9'.repeat(30) } });
	const limited = await get(sandbox, PATH);
	assert.equal(limited.status, 429);
	assert.equal(limited.headers.get('retry-after'), 'soon, maybe');
	assert.equal(limited.headers.get('x-ratelimit-reset'), '9'.repeat(30));
	sandbox.setFaults({ rateLimited: 1, retryAfterSeconds: 3 });
	assert.equal((await get(sandbox, PATH)).headers.get('retry-after'), '3');
});

test('windowServerErrors fails only the requests whose series ends on its date', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { windowServerErrors: { endingOn: '2024-03-10', count: 2 }, serverErrorStatus: 503 } });
	assert.equal((await get(sandbox, '/kpi/dau/data_series?length=10&ending_at=2024-02-10T23:59:59Z')).status, 200);
	assert.equal((await get(sandbox, PATH)).status, 503);
	assert.equal((await get(sandbox, '/kpi/dau/data_series?length=10&ending_at=2024-03-10T23:59:59Z')).status, 503);
	assert.equal((await get(sandbox, PATH)).status, 200);
	assert.deepEqual(sandbox.currentFaults().windowServerErrors, { endingOn: '2024-03-10', count: 0 });
});

test('the new fields are checked like the others', () => {
	for (const bad of [{ retryAfter: 'a\r\nb' }, { retryAfter: 5 }, { rateLimitReset: 'x'.repeat(1001) }, { windowServerErrors: { endingOn: '2024-02-30', count: 1 } }, { windowServerErrors: { endingOn: '2024-02-01', count: -1 } }, { windowServerErrors: { endingOn: '2024-02-01', count: 1, extra: 1 } }, { slowBodyMs: -1 }, { redirects: 1.5 }, { invalidJson: '1' }]) {
		assert.equal(parseFaults(bad).ok, false, JSON.stringify(bad));
	}
	assert.deepEqual(parseFaults({ windowServerErrors: { endingOn: '2024-02-01', count: 1 }, slowBodyMs: 10, redirects: 1, invalidJson: 2, retryAfter: 'Sun, 10 Mar 2024 12:00:30 GMT', rateLimitReset: '1' }).ok, true);
});
