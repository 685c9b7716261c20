// Keys choose a workspace (prod or dev) and may be limited to some series.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEV_WORKSPACE_DIVISOR, SANDBOX_APPS, sandboxSeries, sandboxValue } from '../../../sandbox/data';
import { SANDBOX_KEYS, sandboxGrant, sandboxOnlyKey } from '../../../sandbox/keys';
import { keyFingerprint } from '../../../sandbox/server';
import { addDays } from '../../../src/shared/dates';
import { KPI_METRICS } from '../../../src/shared/kpi';
import type { KpiMetric } from '../../../src/shared/kpi';
import { GOOD_KEY, get, json, rows, sandboxFor } from './helpers';

const APP_IDS: readonly (string | null)[] = [null, ...SANDBOX_APPS.map((a) => a.id)];

test('dev values are prod values divided by 10, rounded to the nearest integer, halves up; no row where prod has none', () => {
	let compared = 0;
	let halves = 0;
	for (const metric of KPI_METRICS) {
		for (const appId of APP_IDS) {
			// From before the web app's first day (2026-09-14) to after it, so that missing rows are covered too.
			for (let i = 0; i < 40; i++) {
				const date = addDays('2026-08-25', i * 2);
				const prod = sandboxValue(metric, appId, date);
				const dev = sandboxValue(metric, appId, date, 'dev');
				if (prod === null) {
					assert.equal(dev, null, `${metric} ${appId} ${date}`);
					continue;
				}
				assert.equal(dev, Math.round(prod / DEV_WORKSPACE_DIVISOR), `${metric} ${appId} ${date}`);
				assert.ok(Number.isInteger(dev) && dev >= 0);
				if (prod % 10 === 5) {
					halves++;
					assert.equal(dev, (prod + 5) / 10, `a half rounds up: ${prod}`);
				}
				compared++;
			}
		}
	}
	assert.ok(compared > 400, `compared ${compared} values`);
	assert.ok(halves > 0, 'the dates cover at least one value ending in 5');
	assert.equal(sandboxValue('dau', null, '2026-03-10', 'prod'), sandboxValue('dau', null, '2026-03-10'), 'prod is the default');
	assert.ok(sandboxValue('dau', null, '2026-03-10')! > 100_000, 'prod is large enough for a tenth to stay meaningful');
});

test('sandboxSeries of dev has the same days as prod, each a tenth', () => {
	const prod = sandboxSeries('mau', SANDBOX_APPS[2].id, '2026-09-20', 10);
	const dev = sandboxSeries('mau', SANDBOX_APPS[2].id, '2026-09-20', 10, 'dev');
	assert.deepEqual(
		dev,
		prod.map((r) => ({ time: r.time, value: Math.round(r.value / 10) })),
	);
	assert.equal(dev.length, 7, 'the web app started on 2026-09-14');
});

test('the key grammar: sandbox-dev and sandbox-dev-* read dev, [dev-]only- lists the series allowed', () => {
	const all = { metrics: KPI_METRICS, forbidden: false };
	const cases: [string, ReturnType<typeof sandboxGrant>][] = [
		[GOOD_KEY, { workspace: 'prod', ...all }],
		[SANDBOX_KEYS.dev, { workspace: 'dev', ...all }],
		['sandbox-dev', { workspace: 'dev', ...all }],
		['sandbox-dev-team-b-7f3a', { workspace: 'dev', ...all }],
		['sandbox-developer', { workspace: 'prod', ...all }],
		['my-sandbox-dev-key', { workspace: 'prod', ...all }],
		['sandbox-only-dau', { workspace: 'prod', metrics: ['dau'], forbidden: false }],
		['sandbox-only-dau+mau', { workspace: 'prod', metrics: ['dau', 'mau'], forbidden: false }],
		['sandbox-dev-only-dau+new_users', { workspace: 'dev', metrics: ['dau', 'new_users'], forbidden: false }],
		['sandbox-only-uninstalls+sessions', { workspace: 'prod', metrics: ['uninstalls'], forbidden: false }],
		['sandbox-only-', { workspace: 'prod', metrics: [], forbidden: false }],
		['sandbox-only-DAU', { workspace: 'prod', metrics: [], forbidden: false }],
		[SANDBOX_KEYS.noPermission, { workspace: 'prod', metrics: [], forbidden: false }],
		[SANDBOX_KEYS.forbidden, { workspace: 'prod', metrics: [], forbidden: true }],
	];
	for (const [key, grant] of cases) assert.deepEqual(sandboxGrant(key), grant, key);
	assert.equal(sandboxOnlyKey('mau'), 'sandbox-only-mau');
	assert.equal(sandboxOnlyKey(['dau', 'mau']), 'sandbox-only-dau+mau');
	assert.equal(sandboxOnlyKey(['dau', 'new_users'], 'dev'), 'sandbox-dev-only-dau+new_users');
});

test('over HTTP a dev key gets a tenth of what a prod key gets, for every series, and the requests record the workspace', async (t) => {
	const sandbox = await sandboxFor(t);
	for (const metric of KPI_METRICS) {
		for (const appId of [null, SANDBOX_APPS[0].id]) {
			const path = `/kpi/${metric}/data_series?length=14&ending_at=2024-03-10T23:59:59Z${appId ? `&app_id=${appId}` : ''}`;
			const prod = rows(await get(sandbox, path, GOOD_KEY));
			const dev = rows(await get(sandbox, path, SANDBOX_KEYS.dev));
			assert.deepEqual(prod, sandboxSeries(metric, appId, '2024-03-10', 14).map((r) => ({ time: r.time, [metric]: r.value })));
			assert.deepEqual(dev, sandboxSeries(metric, appId, '2024-03-10', 14, 'dev').map((r) => ({ time: r.time, [metric]: r.value })));
			assert.equal(dev.length, 14);
			dev.forEach((row, i) => assert.equal(row[metric], Math.round(Number(prod[i][metric]) / 10), `${metric} ${appId} ${String(row.time)}`));
		}
	}
	assert.deepEqual(
		[...new Set(sandbox.requests.map((r) => `${r.keyFingerprint} ${r.workspace} ${r.status}`))],
		[`${keyFingerprint(GOOD_KEY)} prod 200`, `${keyFingerprint(SANDBOX_KEYS.dev)} dev 200`],
	);
});

async function statuses(sandbox: Awaited<ReturnType<typeof sandboxFor>>, key: string): Promise<Record<KpiMetric, number>> {
	const answer = {} as Record<KpiMetric, number>;
	for (const metric of KPI_METRICS) {
		const response = await get(sandbox, `/kpi/${metric}/data_series?length=1&ending_at=2024-03-14`, key);
		answer[metric] = response.status;
		if (response.status === 403) assert.deepEqual(json(response), { message: 'Access Denied' }, `${key} ${metric}`);
	}
	return answer;
}

test('partial keys answer 200 for the listed series and 403 Access Denied for the others, on their own workspace', async (t) => {
	const sandbox = await sandboxFor(t);
	assert.deepEqual(await statuses(sandbox, 'sandbox-only-dau+mau'), { dau: 200, mau: 200, new_users: 403, uninstalls: 403 });
	assert.deepEqual(await statuses(sandbox, 'sandbox-dev-only-dau+new_users'), { dau: 200, mau: 403, new_users: 200, uninstalls: 403 });
	assert.deepEqual(await statuses(sandbox, 'sandbox-only-uninstalls'), { dau: 403, mau: 403, new_users: 403, uninstalls: 200 });
	assert.deepEqual(await statuses(sandbox, 'sandbox-only-'), { dau: 403, mau: 403, new_users: 403, uninstalls: 403 });
	assert.deepEqual(
		sandbox.requests.map((r) => r.workspace),
		[...Array<string>(4).fill('prod'), ...Array<string>(4).fill('dev'), ...Array<string>(8).fill('prod')],
		'a refused series is still recorded with the workspace of its key',
	);
	const devDau = rows(await get(sandbox, '/kpi/dau/data_series?length=1&ending_at=2024-03-14', 'sandbox-dev-only-dau+new_users'));
	assert.deepEqual(devDau, [{ time: '2024-03-14', dau: sandboxValue('dau', null, '2024-03-14', 'dev') }]);
});

test('keys that answer 401 record no workspace; the 403 test keys record prod', async (t) => {
	const sandbox = await sandboxFor(t);
	const path = '/kpi/dau/data_series?length=1';
	await get(sandbox, path, SANDBOX_KEYS.invalid);
	await get(sandbox, path, null);
	await get(sandbox, path, `"${SANDBOX_KEYS.dev}"`);
	await get(sandbox, path, SANDBOX_KEYS.noPermission);
	await get(sandbox, path, SANDBOX_KEYS.forbidden);
	assert.deepEqual(
		sandbox.requests.map((r) => [r.status, r.workspace]),
		[
			[401, null],
			[401, null],
			[401, null],
			[403, 'prod'],
			[403, 'prod'],
		],
	);
});
