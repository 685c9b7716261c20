import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KPI_METRICS } from '../../../src/shared/kpi';
import { SANDBOX_APPS, sandboxSeries } from '../../../sandbox/data';
import { FIXED_NOW, get, json, rows, sandboxFor } from './helpers';

const WEB = SANDBOX_APPS[2];

test('each metric answers {"message":"success","data":[{time, <metric>}]} with the generator values, the same on every call', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const metric of KPI_METRICS) {
		const path = `/kpi/${metric}/data_series?length=14&ending_at=2024-03-10`;
		const first = await get(sandbox, path);
		assert.equal(first.status, 200);
		assert.match(first.headers.get('content-type') ?? '', /^application\/json/);
		assert.equal(json(first).message, 'success');
		const expected = sandboxSeries(metric, null, '2024-03-10', 14).map((r) => ({ time: r.time, [metric]: r.value }));
		assert.deepEqual(rows(first), expected);
		assert.equal((await get(sandbox, path)).text, first.text);
	}
});

test('length is required and must be an integer from 1 to 100', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const length of [null, '', '0', '101', 'abc', '1.5', '-1', '+5', ' 5', '1e2']) {
		const query = length === null ? '' : `length=${encodeURIComponent(length)}`;
		const response = await get(sandbox, `/kpi/dau/data_series?${query}`);
		assert.equal(response.status, 400, `length=${length}`);
		const body = json(response);
		assert.equal(body.message, 'Invalid parameter: length');
		assert.ok(Array.isArray(body.errors) && body.errors.length === 1 && String(body.errors[0]).startsWith('length '), response.text);
	}
	assert.equal(rows(await get(sandbox, '/kpi/dau/data_series?length=1&ending_at=2024-03-10')).length, 1);
	assert.equal(rows(await get(sandbox, '/kpi/dau/data_series?length=100&ending_at=2024-03-10')).length, 100);
	assert.equal(rows(await get(sandbox, '/kpi/dau/data_series?length=007&ending_at=2024-03-10')).length, 7);
	const twice = await get(sandbox, '/kpi/dau/data_series?length=3&length=4');
	assert.equal(twice.status, 400);
	assert.equal(json(twice).message, 'Invalid parameter: length');
});

test('the last day is the calendar date written in ending_at, whatever its time and offset', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const endingAt of ['2024-03-10', '2024-03-10T23:59:59Z', '2024-03-10T23:59:59-05:00', '2024-03-10T00:00:00.123+09:30', '2024-03-10T10:00', '2024-03-10T10:00:00']) {
		const data = rows(await get(sandbox, `/kpi/dau/data_series?length=3&ending_at=${encodeURIComponent(endingAt)}`));
		assert.deepEqual(
			data.map((r) => r.time),
			['2024-03-08', '2024-03-09', '2024-03-10'],
			endingAt,
		);
	}
});

test('a bad ending_at answers 400, with a hint when a raw "+" became a space', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const endingAt of ['2018-06-28T23:59:59-5:00', '2024-02-30', 'yesterday', '2024-03-10T24:00:00Z', '2024-03-10T23:59:59+0500', '20240310', '2024-03-10T23:59:59z']) {
		const response = await get(sandbox, `/kpi/dau/data_series?length=3&ending_at=${encodeURIComponent(endingAt)}`);
		assert.equal(response.status, 400, endingAt);
		assert.equal(json(response).message, 'Invalid parameter: ending_at');
	}
	const rawPlus = await get(sandbox, '/kpi/dau/data_series?length=3&ending_at=2024-03-10T23:59:59+05:00');
	assert.equal(rawPlus.status, 400);
	assert.match(String((json(rawPlus).errors as string[])[0]), /%2B/);
});

test('several bad parameters are all named', async (t) => {
	const sandbox = await sandboxFor(t);
	const response = await get(sandbox, '/kpi/mau/data_series?length=0&ending_at=soon&app_id=nope');
	assert.equal(response.status, 400);
	const body = json(response);
	assert.equal(body.message, 'Invalid parameters: length, ending_at, app_id');
	assert.equal((body.errors as string[]).length, 3);
});

test('without ending_at the series ends today in UTC per the clock', async (t) => {
	// 23:30 in New York on the 15th is already the 16th in UTC.
	const sandbox = await sandboxFor(t, { now: () => new Date('2024-03-15T23:30:00-04:00') });
	const data = rows(await get(sandbox, '/kpi/dau/data_series?length=2'));
	assert.deepEqual(
		data.map((r) => r.time),
		['2024-03-15', '2024-03-16'],
	);
});

test('days after today have no row yet', async (t) => {
	const sandbox = await sandboxFor(t);
	const today = FIXED_NOW.toISOString().slice(0, 10);
	const data = rows(await get(sandbox, '/kpi/dau/data_series?length=10&ending_at=2024-03-20'));
	assert.equal(data.length, 5);
	assert.equal(data.at(-1)!.time, today);
});

test('app_id selects one app; an unknown or empty app_id answers 400', async (t) => {
	const sandbox = await sandboxFor(t, { now: () => new Date('2026-11-01T12:00:00Z') });
	const data = rows(await get(sandbox, `/kpi/new_users/data_series?length=30&ending_at=2026-09-20&app_id=${WEB.id}`));
	assert.deepEqual(
		data,
		sandboxSeries('new_users', WEB.id, '2026-09-20', 30).map((r) => ({ time: r.time, new_users: r.value })),
	);
	assert.equal(data.length, 7, 'the web app started on 2026-09-14: leading days are missing');
	for (const appId of ['not-an-app', '']) {
		const response = await get(sandbox, `/kpi/dau/data_series?length=3&app_id=${appId}`);
		assert.equal(response.status, 400);
		assert.equal(json(response).message, 'Invalid parameter: app_id');
	}
});

test('unknown paths answer 404 {"message":"Not Found"} and other methods 405', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const path of ['/', '/kpi/dau', '/kpi/sessions/data_series?length=1', '/kpi/dau/data_series/?length=1', '/KPI/dau/data_series?length=1']) {
		const response = await get(sandbox, path);
		assert.equal(response.status, 404, path);
		assert.deepEqual(json(response), { message: 'Not Found' });
	}
	for (const method of ['POST', 'PUT', 'DELETE']) {
		const response = await fetch(`${sandbox.url}/kpi/dau/data_series?length=1`, { method, headers: { Authorization: 'Bearer k' } });
		assert.equal(response.status, 405, method);
		assert.equal(response.headers.get('allow'), 'GET');
		assert.deepEqual(await response.json(), { message: 'Method Not Allowed' });
	}
});
