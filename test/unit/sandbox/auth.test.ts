import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SANDBOX_INVALID_PREFIX, SANDBOX_KEYS, sandboxInvalidKey, sandboxOnlyKey, workspaceOfAuthorization } from '../../../sandbox/keys';
import { keyFingerprint } from '../../../sandbox/server';
import { GOOD_KEY, get, json, sandboxFor } from './helpers';

const DAU = '/kpi/dau/data_series?length=3';

test('a missing, empty or non-Bearer Authorization answers 401 Invalid API key', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer ' }, { Authorization: 'Bearer' }, { Authorization: `Basic ${GOOD_KEY}` }, { Authorization: GOOD_KEY }]) {
		const response = await get(sandbox, DAU, null, headers);
		assert.equal(response.status, 401, JSON.stringify(headers));
		assert.match(String(json(response).message), /^Invalid API key: /);
	}
	assert.deepEqual(
		sandbox.requests.map((r) => [r.hasBearer, r.keyFingerprint, r.status]),
		[[false, null, 401], [false, null, 401], [false, null, 401], [false, null, 401], [false, null, 401]],
	);
});

test('a key wrapped in quotes answers 401 and its message does not echo the key', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const key of [`"${GOOD_KEY}"`, `'${GOOD_KEY}'`]) {
		const response = await get(sandbox, DAU, key);
		assert.equal(response.status, 401);
		assert.equal(json(response).message, 'Invalid API key: the key is wrapped in quotes');
	}
});

test('the documented test keys answer 401, 403 Access Denied and 403 Forbidden', async (t) => {
	const sandbox = await sandboxFor(t);
	const cases: [string, number, string][] = [
		[SANDBOX_KEYS.invalid, 401, 'Invalid API key: sandbox-invalid-key'],
		[SANDBOX_KEYS.noPermission, 403, 'Access Denied'],
		[SANDBOX_KEYS.forbidden, 403, 'Forbidden'],
	];
	for (const [key, status, message] of cases) {
		const response = await get(sandbox, DAU, key);
		assert.equal(response.status, status, key);
		assert.deepEqual(json(response), { message });
		assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
	}
});

test('any sandbox-invalid-* key answers 401 on every series with the key echoed, Braze-style, and is recorded only as a fingerprint', async (t) => {
	const sandbox = await sandboxFor(t);
	const key = sandboxInvalidKey('leakcanary0123abcd');
	assert.equal(key, 'sandbox-invalid-leakcanary0123abcd');
	assert.ok(key.startsWith(SANDBOX_INVALID_PREFIX));
	for (const metric of ['dau', 'mau', 'new_users', 'uninstalls']) {
		const response = await get(sandbox, `/kpi/${metric}/data_series?length=2`, key);
		assert.equal(response.status, 401, metric);
		assert.deepEqual(json(response), { message: `Invalid API key: ${key}` });
	}
	assert.equal(workspaceOfAuthorization(`Bearer ${key}`), null);
	assert.deepEqual(new Set(sandbox.requests.map((r) => r.keyFingerprint)), new Set([keyFingerprint(key)]));
	assert.ok(!JSON.stringify(sandbox.requests).includes('leakcanary'), 'the recorded requests hold the key');
	// Only the prefix with its dash: a key that merely starts like it reads prod.
	assert.equal((await get(sandbox, DAU, 'sandbox-invalidkey')).status, 200);
});

test('a sandbox-only-<metric> key reads that metric and gets Access Denied on the others', async (t) => {
	const sandbox = await sandboxFor(t);
	const key = sandboxOnlyKey('new_users');
	assert.equal(key, 'sandbox-only-new_users');
	assert.equal((await get(sandbox, '/kpi/new_users/data_series?length=2', key)).status, 200);
	for (const metric of ['dau', 'mau', 'uninstalls']) {
		const response = await get(sandbox, `/kpi/${metric}/data_series?length=2`, key);
		assert.equal(response.status, 403, metric);
		assert.deepEqual(json(response), { message: 'Access Denied' });
	}
});

test('any other non-empty key works, whatever the case of "Bearer"', async (t) => {
	const sandbox = await sandboxFor(t);
	assert.equal((await get(sandbox, DAU, 'x')).status, 200);
	assert.equal((await get(sandbox, DAU, null, { Authorization: `bearer ${GOOD_KEY}` })).status, 200);
	assert.equal((await get(sandbox, DAU, null, { Authorization: `BEARER   ${GOOD_KEY}  ` })).status, 200);
});

test('auth is checked before parameters: a bad key with a bad length answers 401', async (t) => {
	const sandbox = await sandboxFor(t);
	assert.equal((await get(sandbox, '/kpi/dau/data_series?length=0', SANDBOX_KEYS.invalid)).status, 401);
	assert.equal((await get(sandbox, '/kpi/dau/data_series?length=0', null)).status, 401);
});

test('requests are recorded with a fingerprint, and neither the record nor the log holds the key', async (t) => {
	const lines: string[] = [];
	const sandbox = await sandboxFor(t, { log: (line) => lines.push(line) });
	const legacyKey = 'legacy-query-key-5521';
	await get(sandbox, DAU, GOOD_KEY);
	await get(sandbox, `${DAU}&api_key=${legacyKey}`, null);

	assert.equal(keyFingerprint(GOOD_KEY), keyFingerprint(GOOD_KEY));
	assert.match(keyFingerprint(GOOD_KEY), /^[0-9a-f]{8}$/);
	assert.notEqual(keyFingerprint(GOOD_KEY), keyFingerprint(`${GOOD_KEY}x`));
	assert.deepEqual(sandbox.requests[0], {
		method: 'GET',
		path: '/kpi/dau/data_series',
		query: { length: '3' },
		hasBearer: true,
		keyFingerprint: keyFingerprint(GOOD_KEY),
		workspace: 'prod',
		status: 200,
		closedByClient: false,
	});
	assert.deepEqual(sandbox.requests[1].query, { length: '3', api_key: '[redacted]' });
	assert.equal(lines.length, 2);
	assert.match(lines[0], /^GET \/kpi\/dau\/data_series\?length=3 200 \d+ms$/);
	const everything = JSON.stringify(sandbox.requests) + lines.join('\n');
	assert.ok(!everything.includes(GOOD_KEY) && !everything.includes(legacyKey), everything);
});
