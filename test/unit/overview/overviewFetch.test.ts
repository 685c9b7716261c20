// The overview's fetch against the Braze sandbox over real sockets: the four series through the day cache and one
// shared request limiter, the requests counted, a partial key's refused series kept apart from the others.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sandboxValue } from '../../../sandbox/data';
import { sandboxOnlyKey } from '../../../sandbox/keys';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { createBrazeClient } from '../../../src/braze/client';
import { RequestLimiter } from '../../../src/braze/concurrency';
import { BrazeAuthError, BrazeCancelledError } from '../../../src/braze/errors';
import { DayCache } from '../../../src/cache/dayCache';
import { lookupEndpoint } from '../../../src/connections/endpoint';
import type { Connection } from '../../../src/connections/model';
import { fetchOverview } from '../../../src/overview/overviewFetch';
import type { OverviewFetchDeps } from '../../../src/overview/overviewFetch';
import type { OverviewRequest } from '../../../src/shared/overviewProtocol';

const NOW = new Date('2026-03-15T12:00:00Z');
const LAST_90: OverviewRequest = { range: { kind: 'preset', preset: 'last-90-days' }, appId: null };

describe('fetchOverview against the sandbox', () => {
	let sandbox: Sandbox;
	let directory: string;
	let connection: Connection;

	before(async () => {
		sandbox = await startSandbox({ now: () => NOW });
		directory = mkdtempSync(path.join(tmpdir(), 'overview-cache-'));
		const lookup = lookupEndpoint(sandbox.url);
		assert.ok(lookup.ok);
		connection = { kind: 'connection', scope: 'user', name: 'Sandbox', index: 0, raw: null, endpointValue: sandbox.url, endpoint: lookup.endpoint };
	});
	after(async () => {
		await sandbox.close();
		rmSync(directory, { recursive: true, force: true });
	});
	beforeEach(() => {
		sandbox.resetFaults();
		sandbox.clearRequests();
	});

	function deps(limiter: RequestLimiter, cache: DayCache, progress: [number, number][] = []): OverviewFetchDeps {
		return { limiter, cache, fetch: globalThis.fetch, now: () => NOW, refreshDays: 3, partition: 'p', timeoutMs: 10_000, logRequest: () => undefined, onProgress: (a, p) => void progress.push([a, p]), onWait: () => undefined, describe: (e) => String(e) };
	}

	test('a partial key: DAU and MAU hold the sandbox\'s values, the others are refused with their permission; every request is counted', async () => {
		const cache = new DayCache({ directory: path.join(directory, 'a') });
		const progress: [number, number][] = [];
		const result = await fetchOverview(deps(new RequestLimiter(4), cache, progress), LAST_90, connection, sandboxOnlyKey(['dau', 'mau']), new AbortController().signal);
		assert.deepEqual([result.firstDate, result.lastDate], ['2025-12-15', '2026-03-14']);
		for (const metric of ['dau', 'mau'] as const) {
			const entry = result.series[metric];
			assert.ok(entry.status === 'ok', metric);
			assert.equal(entry.series.points.length, 180, 'the range and the previous range');
			for (const p of entry.series.points) assert.equal(p.value, sandboxValue(metric, null, p.date), `${metric} ${p.date}`);
		}
		assert.deepEqual(result.series.new_users, { status: 'denied', permission: 'kpi.new_users.data_series' });
		assert.deepEqual(result.series.uninstalls, { status: 'denied', permission: 'kpi.uninstalls.data_series' });
		// 180 days are two windows per series: eight planned; a refused series may stop before its second window.
		assert.equal(result.requests.planned, 8);
		const sent = sandbox.requests.filter((r) => r.path.startsWith('/kpi/'));
		// Each refused series is answered 403 at least once; its second window may be stopped before or after it reached Braze.
		assert.ok(result.requests.sent >= 6 && result.requests.sent <= sent.length && sent.length <= 8, `answered ${result.requests.sent}, received ${sent.length}`);
		assert.deepEqual(progress[0], [0, 8], 'the count is announced before the first answer');
		assert.deepEqual(progress.at(-1), [result.requests.sent, 8]);
		// Again: the settled days come from the cache; only the last days (refreshDays) of the readable series are asked again.
		sandbox.clearRequests();
		const again = await fetchOverview(deps(new RequestLimiter(4), cache), LAST_90, connection, sandboxOnlyKey(['dau', 'mau']), new AbortController().signal);
		assert.equal(again.requests.planned, 1 + 1 + 2 + 2);
		assert.deepEqual(again.series.dau, result.series.dau);
	});

	test('the overview and another fetch sharing one limiter never have more requests in flight than it allows', async () => {
		sandbox.setFaults({ latencyMs: 40 });
		const limiter = new RequestLimiter(2);
		const cache = new DayCache({ directory: path.join(directory, 'b') });
		sandbox.resetInFlight();
		const other = createBrazeClient({ baseUrl: sandbox.url, apiKey: 'any-key', limiter, now: () => NOW });
		const [result] = await Promise.all([
			fetchOverview(deps(limiter, cache), LAST_90, connection, 'any-key', new AbortController().signal),
			other.fetchSeries({ metric: 'dau', length: 300 }),
		]);
		assert.equal(Object.values(result.series).filter((s) => s.status === 'ok').length, 4);
		const figures = sandbox.inFlight();
		assert.ok(figures.total >= 8 + 3, `the overview's 8 requests and the other fetch's 3 reached the sandbox (${figures.total})`);
		assert.ok(figures.max <= 2, `at most 2 at once, saw ${figures.max}`);
	});

	test('a cancelled fetch rejects as cancelled; a key refused everywhere rejects once, with that failure', async () => {
		const cache = new DayCache({ directory: path.join(directory, 'c') });
		const aborted = new AbortController();
		aborted.abort();
		await assert.rejects(fetchOverview(deps(new RequestLimiter(4), cache), LAST_90, connection, 'any-key', aborted.signal), BrazeCancelledError);
		await assert.rejects(fetchOverview(deps(new RequestLimiter(4), cache), LAST_90, connection, 'sandbox-invalid-key', new AbortController().signal), BrazeAuthError);
	});

	test('the quota shown is the lowest of the four answers, not the last one to arrive', async () => {
		const cache = new DayCache({ directory: path.join(directory, 'quota') });
		// Each series' answer says another number of requests left; DAU, the lowest, arrives first.
		const remaining: Record<string, [number, number]> = { dau: [5, 0], mau: [40, 30], new_users: [30, 60], uninstalls: [20, 90] };
		const fetchWithQuotas: typeof globalThis.fetch = async (input, init) => {
			const response = await globalThis.fetch(input, init);
			const metric = /\/kpi\/(\w+)\/data_series/.exec(String(input instanceof Request ? input.url : input))?.[1] ?? '';
			const [left, delayMs] = remaining[metric] ?? [999, 0];
			await new Promise((resolve) => setTimeout(resolve, delayMs));
			const headers = new Headers(response.headers);
			headers.set('X-RateLimit-Remaining', String(left));
			return new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers });
		};
		const result = await fetchOverview({ ...deps(new RequestLimiter(4), cache), fetch: fetchWithQuotas }, LAST_90, connection, 'quota-key', new AbortController().signal);
		assert.equal(result.rateLimit?.remaining, 5);
	});
});
