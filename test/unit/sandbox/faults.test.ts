import assert from 'node:assert/strict';
import { test } from 'node:test';
import { performance } from 'node:perf_hooks';
import { sandboxSeries } from '../../../sandbox/data';
import { SANDBOX_KEYS } from '../../../sandbox/keys';
import { get, json, rows, sandboxFor, until, untilRecorded } from './helpers';

const PATH = '/kpi/dau/data_series?length=10&ending_at=2024-03-10';
const EXPECTED = sandboxSeries('dau', null, '2024-03-10', 10).map((r) => ({ time: r.time, dau: r.value }));

test('latencyMs delays every answer by at least that long', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { latencyMs: 150 } });
	const started = performance.now();
	const response = await get(sandbox, PATH);
	// Timers never fire early by more than rounding; no upper bound is asserted.
	assert.ok(performance.now() - started >= 145);
	assert.deepEqual(rows(response), EXPECTED);
});

test('serverErrors answers serverErrorStatus with a JSON message, then recovers', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { serverErrors: 1 } });
	const first = await get(sandbox, PATH);
	assert.equal(first.status, 500);
	assert.deepEqual(json(first), { message: 'Internal Server Error' });
	sandbox.setFaults({ serverErrors: 2, serverErrorStatus: 503 });
	for (let i = 0; i < 2; i++) {
		const response = await get(sandbox, PATH);
		assert.equal(response.status, 503);
		assert.deepEqual(json(response), { message: 'Service Unavailable' });
	}
	assert.equal((await get(sandbox, PATH)).status, 200);
});

test('gateway faults come before auth: a 5xx even for a bad key', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { serverErrors: 1, serverErrorStatus: 502 } });
	assert.equal((await get(sandbox, PATH, SANDBOX_KEYS.invalid)).status, 502);
	assert.equal((await get(sandbox, PATH, SANDBOX_KEYS.invalid)).status, 401);
});

test('malformedJson answers 200 application/json with a truncated body, only where a 200 was due', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { malformedJson: 1 } });
	const refused = await get(sandbox, PATH, SANDBOX_KEYS.invalid);
	assert.equal(refused.status, 401);
	assert.deepEqual(json(refused), { message: 'Invalid API key: sandbox-invalid-key' });
	const broken = await get(sandbox, PATH);
	assert.equal(broken.status, 200);
	assert.match(broken.headers.get('content-type') ?? '', /^application\/json/);
	assert.throws(() => JSON.parse(broken.text), SyntaxError);
	assert.ok(broken.text.startsWith('{"message":"success"'));
	assert.deepEqual(rows(await get(sandbox, PATH)), EXPECTED);
});

test('htmlBody answers a 502 HTML proxy page; htmlOk a 200 HTML page', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { htmlBody: 1, htmlOk: 1 } });
	const proxy = await get(sandbox, PATH);
	assert.equal(proxy.status, 502);
	assert.match(proxy.headers.get('content-type') ?? '', /^text\/html/);
	assert.match(proxy.text, /<html>[\s\S]*502 Bad Gateway/);
	const page = await get(sandbox, PATH);
	assert.equal(page.status, 200);
	assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
	assert.match(page.text, /^<!DOCTYPE html>/);
	assert.deepEqual(rows(await get(sandbox, PATH)), EXPECTED);
});

test('dropConnection destroys the socket without an answer', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { dropConnection: 1 } });
	await assert.rejects(fetch(`${sandbox.url}${PATH}`, { headers: { Authorization: 'Bearer k' } }), TypeError);
	assert.equal(sandbox.requests.length, 1);
	assert.equal(sandbox.requests[0].status, 0);
	assert.equal((await get(sandbox, PATH)).status, 200);
});

test('hang never answers; the client gives up', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { hang: 1 } });
	const controller = new AbortController();
	const pending = fetch(`${sandbox.url}${PATH}`, { headers: { Authorization: 'Bearer k' }, signal: controller.signal });
	await untilRecorded(sandbox, 1);
	assert.equal(sandbox.requests[0].closedByClient, false);
	controller.abort();
	await assert.rejects(pending, { name: 'AbortError' });
	assert.equal(sandbox.requests[0].status, 0);
	await until(() => sandbox.requests[0].closedByClient);
	assert.equal((await get(sandbox, PATH)).status, 200);
});

test('oversizeBytes pads a valid body to at least that size', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { oversizeBytes: 300_000 } });
	const response = await get(sandbox, PATH);
	assert.ok(Buffer.byteLength(response.text) >= 300_000);
	assert.equal(response.headers.get('content-length'), String(Buffer.byteLength(response.text)));
	assert.deepEqual(rows(response), EXPECTED);
});

test('omitDates leaves gaps in every series', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { omitDates: ['2024-03-05', '2024-03-07'] } });
	for (const metric of ['dau', 'uninstalls']) {
		const times = rows(await get(sandbox, `/kpi/${metric}/data_series?length=10&ending_at=2024-03-10`)).map((r) => r.time);
		assert.deepEqual(times, ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-06', '2024-03-08', '2024-03-09', '2024-03-10']);
	}
});

test('shuffle answers the same rows in a fixed, non-ascending order', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { shuffle: true } });
	const first = rows(await get(sandbox, PATH));
	assert.notDeepEqual(first, EXPECTED);
	assert.deepEqual(
		[...first].sort((a, b) => String(a.time).localeCompare(String(b.time))),
		EXPECTED,
	);
	assert.deepEqual(rows(await get(sandbox, PATH)), first);
	const two = rows(await get(sandbox, '/kpi/dau/data_series?length=2&ending_at=2024-03-10')).map((r) => r.time);
	assert.deepEqual(two, ['2024-03-10', '2024-03-09']);
});

test('duplicateDates repeats one row', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { duplicateDates: true } });
	const data = rows(await get(sandbox, PATH));
	assert.equal(data.length, 11);
	assert.equal(new Set(data.map((r) => r.time)).size, 10);
	assert.deepEqual(
		data.filter((r, i) => data.findIndex((o) => o.time === r.time) !== i),
		[EXPECTED[5]],
	);
});

test('timeFormat datetime writes each time as a UTC midnight date-time', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { timeFormat: 'datetime' } });
	const data = rows(await get(sandbox, PATH));
	assert.deepEqual(
		data,
		EXPECTED.map((r) => ({ ...r, time: `${r.time}T00:00:00.000Z` })),
	);
});

test('badRows serves one negative (or string) value, then good rows again', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { badRows: 1 } });
	const negative = rows(await get(sandbox, PATH));
	const bad = negative.filter((r) => typeof r.dau !== 'number' || r.dau < 0);
	assert.equal(bad.length, 1);
	assert.ok((bad[0].dau as number) < 0);
	sandbox.setFaults({ badRows: 1, badRowKind: 'string' });
	const strings = rows(await get(sandbox, PATH)).filter((r) => typeof r.dau === 'string');
	assert.equal(strings.length, 1);
	assert.deepEqual(rows(await get(sandbox, PATH)), EXPECTED);
});

test('counters are used one per request, in order of precedence', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { dropConnection: 1, rateLimited: 1, serverErrors: 1, htmlBody: 1, malformedJson: 1 } });
	await assert.rejects(get(sandbox, PATH));
	assert.deepEqual([(await get(sandbox, PATH)).status, (await get(sandbox, PATH)).status, (await get(sandbox, PATH)).status], [429, 500, 502]);
	const truncated = (await get(sandbox, PATH)).text;
	assert.throws(() => JSON.parse(truncated));
	assert.deepEqual(sandbox.currentFaults(), { dropConnection: 0, rateLimited: 0, serverErrors: 0, htmlBody: 0, malformedJson: 0 });
	assert.deepEqual(rows(await get(sandbox, PATH)), EXPECTED);
});

test('setFaults replaces, resetFaults clears, and invalid faults are refused', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { serverErrors: 5 } });
	sandbox.setFaults({ shuffle: true });
	assert.deepEqual(sandbox.currentFaults(), { shuffle: true });
	sandbox.resetFaults();
	assert.deepEqual(sandbox.currentFaults(), {});
	assert.throws(() => sandbox.setFaults({ serverErrors: -1 }), /serverErrors/);
	assert.throws(() => sandbox.setFaults({ serverErrorStatus: 404 }), /serverErrorStatus/);
	assert.throws(() => sandbox.setFaults({ omitDates: ['2024-02-30'] }), /omitDates/);
	assert.throws(() => sandbox.setFaults({ hangs: 1 } as never), /unknown fault "hangs"/);
	assert.deepEqual(rows(await get(sandbox, PATH)), EXPECTED);
});
