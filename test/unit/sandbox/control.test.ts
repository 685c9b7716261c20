import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SANDBOX_APPS } from '../../../sandbox/data';
import { startSandbox } from '../../../sandbox/server';
import { get, json, sandboxFor, untilRecorded } from './helpers';

const PATH = '/kpi/dau/data_series?length=3&ending_at=2024-03-10';

async function control(url: string, method: string, body?: string): Promise<{ status: number; body: unknown }> {
	const response = await fetch(url, { method, ...(body !== undefined ? { body, headers: { 'Content-Type': 'application/json' } } : {}) });
	return { status: response.status, body: await response.json() };
}

test('POST /__sandbox/faults replaces the faults, GET reads them, DELETE resets them; no key needed', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { shuffle: true } });
	const faultsUrl = `${sandbox.url}/__sandbox/faults`;
	assert.deepEqual(await control(faultsUrl, 'POST', JSON.stringify({ serverErrors: 1, serverErrorStatus: 503 })), {
		status: 200,
		body: { message: 'success', faults: { serverErrors: 1, serverErrorStatus: 503 } },
	});
	assert.equal((await get(sandbox, PATH)).status, 503);
	assert.deepEqual(await control(faultsUrl, 'GET'), { status: 200, body: { serverErrors: 0, serverErrorStatus: 503 } });
	await control(faultsUrl, 'POST', JSON.stringify({ rateLimited: 3 }));
	assert.deepEqual(await control(faultsUrl, 'DELETE'), { status: 200, body: { message: 'success', faults: {} } });
	assert.equal((await get(sandbox, PATH)).status, 200);
});

test('POST /__sandbox/faults refuses bodies that are not valid SandboxFaults', async (t) => {
	const sandbox = await sandboxFor(t);
	const faultsUrl = `${sandbox.url}/__sandbox/faults`;
	for (const body of ['not json', '[]', '{"serverErrors":"2"}', '{"latency":5}', '{"timeFormat":"unix"}']) {
		const answer = await control(faultsUrl, 'POST', body);
		assert.equal(answer.status, 400, body);
		assert.equal((answer.body as { message: string }).message, 'Invalid faults');
	}
	assert.deepEqual(sandbox.currentFaults(), {});
	assert.equal((await control(faultsUrl, 'PUT', '{}')).status, 405);
});

test('GET /__sandbox/requests lists the KPI requests (not control ones); DELETE clears them', async (t) => {
	const sandbox = await sandboxFor(t);
	await get(sandbox, PATH);
	await get(sandbox, '/kpi/mau/data_series?length=0', null);
	const listed = await control(`${sandbox.url}/__sandbox/requests`, 'GET');
	assert.equal(listed.status, 200);
	assert.deepEqual(listed.body, JSON.parse(JSON.stringify(sandbox.requests)));
	assert.deepEqual(
		(listed.body as { path: string; status: number; hasBearer: boolean }[]).map((r) => [r.path, r.status, r.hasBearer]),
		[
			['/kpi/dau/data_series', 200, true],
			['/kpi/mau/data_series', 401, false],
		],
	);
	assert.deepEqual(await control(`${sandbox.url}/__sandbox/requests`, 'DELETE'), { status: 200, body: { message: 'success' } });
	assert.equal(sandbox.requests.length, 0);
});

test('GET /__sandbox/apps lists the apps; unknown control paths answer 404', async (t) => {
	const sandbox = await sandboxFor(t);
	assert.deepEqual(await control(`${sandbox.url}/__sandbox/apps`, 'GET'), { status: 200, body: SANDBOX_APPS });
	assert.deepEqual(await control(`${sandbox.url}/__sandbox/nothing`, 'GET'), { status: 404, body: { message: 'Not Found' } });
});

test('control endpoints answer at once even when KPI answers are delayed', { timeout: 20_000 }, async (t) => {
	const sandbox = await sandboxFor(t, { faults: { latencyMs: 600_000 } });
	const pending = fetch(`${sandbox.url}${PATH}`, { headers: { Authorization: 'Bearer k' } }).then(
		() => 'answered',
		() => 'failed',
	);
	await untilRecorded(sandbox, 1);
	assert.equal((await control(`${sandbox.url}/__sandbox/faults`, 'DELETE')).status, 200);
	await sandbox.close();
	assert.equal(await pending, 'failed', 'close() destroys a connection waiting out its latency');
});

test('close() resolves with a hanging request pending, and the client sees the connection end', { timeout: 20_000 }, async () => {
	const sandbox = await startSandbox({ faults: { hang: 2 } });
	const pending = [1, 2].map(() => fetch(`${sandbox.url}${PATH}`, { headers: { Authorization: 'Bearer k' } }).then(() => 'answered', (error: Error) => error.name));
	await untilRecorded(sandbox, 2);
	await sandbox.close();
	assert.deepEqual(await Promise.all(pending), ['TypeError', 'TypeError']);
	await sandbox.close(); // a second close is harmless
	await assert.rejects(fetch(`${sandbox.url}${PATH}`), TypeError);
});

test('only loopback hosts are accepted', async () => {
	await assert.rejects(startSandbox({ host: '0.0.0.0' }), /loopback only/);
	await assert.rejects(startSandbox({ host: '192.168.1.10' }), /loopback only/);
	const local = await startSandbox({ host: 'localhost' });
	try {
		assert.match(local.url, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.equal(local.url, `http://127.0.0.1:${local.port}`);
		assert.equal(json(await get(local, '/kpi/dau/data_series?length=1')).message, 'success');
	} finally {
		await local.close();
	}
});
