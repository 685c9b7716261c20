import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SANDBOX_KEYS } from '../../../sandbox/keys';
import type { KpiResponse } from './helpers';
import { get, json, sandboxFor } from './helpers';

const DAU = '/kpi/dau/data_series?length=1';

function limits(response: KpiResponse): [string | null, string | null, string | null] {
	return [response.headers.get('x-ratelimit-limit'), response.headers.get('x-ratelimit-remaining'), response.headers.get('x-ratelimit-reset')];
}

test('every KPI answer carries X-RateLimit-*, counted per key, resetting at the next full hour', async (t) => {
	const sandbox = await sandboxFor(t); // 2024-03-15T12:00Z
	const reset = String(Date.parse('2024-03-15T13:00:00Z') / 1000);
	assert.deepEqual(limits(await get(sandbox, DAU)), ['250000', '249999', reset]);
	assert.deepEqual(limits(await get(sandbox, '/kpi/dau/data_series?length=0')), ['250000', '249998', reset], '400');
	assert.deepEqual(limits(await get(sandbox, DAU, SANDBOX_KEYS.invalid)), ['250000', '249999', reset], '401, another key');
	assert.deepEqual(limits(await get(sandbox, DAU, SANDBOX_KEYS.noPermission)), ['250000', '249999', reset], '403');
	assert.deepEqual(limits(await get(sandbox, '/kpi/nope/data_series?length=1')), ['250000', '249997', reset], '404');
	assert.deepEqual(limits(await get(sandbox, DAU, null)), ['250000', '249999', reset], 'no key');
	sandbox.setFaults({ serverErrors: 1 });
	assert.deepEqual(limits(await get(sandbox, DAU)), ['250000', '249996', reset], '500');
});

test('over rateLimitPerHour a key gets 429 until the next hour; other keys are not affected', async (t) => {
	let now = new Date('2024-03-15T12:59:58Z');
	const sandbox = await sandboxFor(t, { rateLimitPerHour: 2, now: () => now });
	const reset = String(Date.parse('2024-03-15T13:00:00Z') / 1000);
	assert.equal((await get(sandbox, DAU)).status, 200);
	assert.equal((await get(sandbox, DAU)).status, 200);
	const limited = await get(sandbox, DAU);
	assert.equal(limited.status, 429);
	assert.deepEqual(limits(limited), ['2', '0', reset]);
	assert.equal(typeof json(limited).message, 'string');
	assert.equal(limited.headers.get('retry-after'), null);
	assert.equal((await get(sandbox, DAU, 'another-key')).status, 200);

	now = new Date('2024-03-15T13:00:01Z');
	const next = await get(sandbox, DAU);
	assert.equal(next.status, 200);
	assert.deepEqual(limits(next), ['2', '1', String(Date.parse('2024-03-15T14:00:00Z') / 1000)]);
});

test('the rateLimited fault answers 429 with Remaining 0 and Reset, and Retry-After when asked', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { rateLimited: 2 } });
	const reset = String(Date.parse('2024-03-15T13:00:00Z') / 1000);
	const first = await get(sandbox, DAU);
	assert.equal(first.status, 429);
	assert.deepEqual(limits(first), ['250000', '0', reset]);
	assert.equal(first.headers.get('retry-after'), null);
	sandbox.setFaults({ rateLimited: 1, retryAfterSeconds: 7 });
	const second = await get(sandbox, DAU);
	assert.equal(second.status, 429);
	assert.equal(second.headers.get('retry-after'), '7');
	const third = await get(sandbox, DAU);
	assert.equal(third.status, 200);
	assert.deepEqual(limits(third), ['250000', '249997', reset]);
	assert.equal(sandbox.requests.map((r) => r.status).join(), '429,429,200');
});

test('the rateLimitRemaining fault says at most that many remain, and still answers', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { rateLimitRemaining: 2 } });
	const statusAndRemaining = async () => {
		const response = await get(sandbox, DAU);
		return [response.status, limits(response)[1]];
	};
	assert.deepEqual(await statusAndRemaining(), [200, '2']);
	sandbox.setFaults({ rateLimitRemaining: 0 });
	assert.deepEqual(await statusAndRemaining(), [200, '0'], 'the pool is not spent: only the header says so');
	sandbox.resetFaults();
	assert.deepEqual(await statusAndRemaining(), [200, '249997'], 'the real count was kept');
	assert.throws(() => sandbox.setFaults({ rateLimitRemaining: -1 }), /rateLimitRemaining must be an integer/);
});
