// A stickiness query through the day cache against the sandbox over real sockets: DAU and MAU fetched for the same
// days, counted together, combined into a ratio that equals the sandbox's own values, and cancelled together.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxValue } from '../../../sandbox/data';
import { BrazeCancelledError, BrazePermissionError } from '../../../src/braze/errors';
import type { BrazeClient } from '../../../src/braze/client';
import { RequestLimiter } from '../../../src/braze/concurrency';
import type { CachedSeriesDeps } from '../../../src/cache/cachedSeries';
import { DayCache } from '../../../src/cache/dayCache';
import { fetchQuerySeries, fetchedQueryResult, peekQuerySeries, peekedQueryResult, queryRequestsNeeded, querySeriesOf, sourceRequests, yearBeforeOf } from '../../../src/runner/querySeries';
import type { QuerySeriesRequest } from '../../../src/runner/querySeries';
import { addDays } from '../../../src/shared/dates';
import { parsePanelResult } from '../../../src/shared/protocol';
import { startHarness, waitFor } from '../braze/sandboxHarness';
import type { Harness } from '../braze/sandboxHarness';

const T0 = new Date('2026-10-15T12:00:00Z');
const YESTERDAY = '2026-10-14';
const INSTANCE = { label: null, host: '127.0.0.1' };

describe('a stickiness query through the cache, against the sandbox', () => {
	let h: Harness;
	let dir: string;
	let cache: DayCache;
	let client: BrazeClient;
	const deps = (): CachedSeriesDeps => ({ fetchWindows: (request, signal) => client.fetchWindows(request, signal), cache, now: () => T0, refreshDays: 3 });
	const request: QuerySeriesRequest = { metric: 'stickiness', length: 250, endDate: YESTERDAY, appId: null };

	before(async () => {
		h = await startHarness({ now: () => T0 });
	});
	after(() => h.sandbox.close());
	beforeEach(async () => {
		h.reset();
		dir = await mkdtemp(join(tmpdir(), 'braze-query-series-'));
		cache = new DayCache({ directory: dir, now: () => T0 });
		client = h.client({ now: () => T0 });
	});
	afterEach(async () => {
		await cache.flush();
		await rm(dir, { recursive: true, force: true });
	});

	it('asks for DAU then MAU over the same days, and only KPI metrics are ever sent', () => {
		assert.deepEqual(sourceRequests(request).map((r) => r.metric), ['dau', 'mau']);
		assert.deepEqual(sourceRequests({ ...request, metric: 'new_users' }).map((r) => r.metric), ['new_users']);
		for (const r of sourceRequests(request)) assert.deepEqual({ ...r, metric: 'stickiness' }, request);
	});

	it('fetches DAU and MAU windows (3 + 3 for 250 days), and each day is the sandbox\'s DAU ÷ MAU', async () => {
		assert.equal(await queryRequestsNeeded(deps(), 'p', request), 6, 'counted before sending: DAU windows + MAU windows');
		const parts = await fetchQuerySeries(deps(), 'p', request);
		const paths = h.sandbox.requests.map((r) => r.path).sort();
		assert.deepEqual(paths, ['dau', 'dau', 'dau', 'mau', 'mau', 'mau'].map((m) => `/kpi/${m}/data_series`));
		const result = fetchedQueryResult({ metric: 'stickiness', length: 250, end: { kind: 'yesterday' }, appId: null }, INSTANCE, parts, T0.toISOString());
		assert.equal(result.provenance?.requestsSent, 6);
		assert.ok(result.sources);
		assert.equal(result.series.metric, 'stickiness');
		assert.equal(result.series.points.length, 250);
		assert.equal(result.series.lastDate, YESTERDAY);
		for (const p of result.series.points) {
			const dau = sandboxValue('dau', null, p.date);
			const mau = sandboxValue('mau', null, p.date);
			assert.equal(p.value, dau === null || mau === null || mau === 0 ? null : dau / mau, p.date);
		}
		assert.ok(result.series.points.every((p) => p.value === null || (p.value > 0 && p.value < 1)), 'a share of MAU');
		// What a panel keeps survives its own strict check, with the ratio recomputed from the sources.
		assert.deepEqual(parsePanelResult(JSON.parse(JSON.stringify(result))), result);
	});

	it('opened again, asks each series only for its recent days, and the cached ratio is drawn at once', async () => {
		await fetchQuerySeries(deps(), 'p', request);
		await cache.flush();
		const peeks = await peekQuerySeries(deps(), 'p', request);
		assert.ok(peeks);
		const peeked = peekedQueryResult({ metric: 'stickiness', length: 250, end: { kind: 'yesterday' }, appId: null }, INSTANCE, peeks);
		assert.equal(peeked?.series.points.filter((p) => p.value !== null).length, 250);
		h.sandbox.clearRequests();
		assert.equal(await queryRequestsNeeded(deps(), 'p', request), 2, 'one refresh window per series');
		await fetchQuerySeries(deps(), 'p', request);
		assert.deepEqual(h.sandbox.requests.map((r) => r.path).sort(), ['/kpi/dau/data_series', '/kpi/mau/data_series']);
	});

	it('cancel stops both series at once: every request in flight is dropped', async () => {
		h.sandbox.setFaults({ hang: 100 });
		// Room for all six windows at once, so that both series are in flight when the user cancels.
		client = h.client({ now: () => T0, limiter: new RequestLimiter(8) });
		const controller = new AbortController();
		const running = fetchQuerySeries(deps(), 'p', { ...request, endDate: addDays(YESTERDAY, -1) }, { signal: controller.signal });
		await waitFor(() => h.sandbox.requests.length === 6, 'both series\' requests to reach the sandbox');
		controller.abort();
		await assert.rejects(running, BrazeCancelledError);
		await waitFor(() => h.sandbox.requests.every((r) => r.closedByClient), 'every hanging request to be closed by the client');
		assert.deepEqual(new Set(h.sandbox.requests.map((r) => r.path)), new Set(['/kpi/dau/data_series', '/kpi/mau/data_series']));
	});

	it('a refused series fails the query with its own error (MAU not allowed by the key)', async () => {
		const dauOnly = await startHarness({ now: () => T0 }, 'sandbox-only-dau');
		try {
			client = dauOnly.client({ now: () => T0 });
			await assert.rejects(fetchQuerySeries(deps(), 'q', { ...request, length: 20 }), (error: unknown) => error instanceof BrazePermissionError && error.metric === 'mau');
		} finally {
			await dauOnly.sandbox.close();
		}
	});
});

describe('the year before of a query', () => {
	const days = (metric: 'dau' | 'mau', values: (number | null)[]) => ({ metric, firstDate: '2025-10-04', lastDate: '2025-10-06', points: values.map((value, i) => ({ date: addDays('2025-10-04', i), value })), provisionalDate: null });

	it('is the fetched series itself for a KPI, and for stickiness the ratio with the DAU and MAU it comes from', () => {
		const dau = days('dau', [90, 95, null]);
		const mau = days('mau', [900, 0, 1000]);
		assert.deepEqual(yearBeforeOf('dau', [dau]), { yearBefore: dau });
		const sticky = yearBeforeOf('stickiness', [dau, mau]);
		assert.deepEqual(sticky.yearBeforeSources, { dau, mau });
		assert.deepEqual(sticky.yearBefore?.points.map((p) => p.value), [0.1, null, null]);
		// A panel's state keeps it, with the ratio derived again.
		const shown = (metric: 'dau' | 'mau') => ({ ...days(metric, [200, 210, 220]), firstDate: '2026-10-04', lastDate: '2026-10-06', points: [4, 5, 6].map((d) => ({ date: `2026-10-0${d}`, value: 100 * d })) });
		const result = { query: { metric: 'stickiness', length: 3, end: { kind: 'date', date: '2026-10-06' }, appId: null, compare: { apps: [], period: 'year' } }, instance: INSTANCE, ...querySeriesOf('stickiness', [shown('dau'), shown('mau')]), fetchedAt: T0.toISOString(), rateLimit: null, ...sticky };
		assert.deepEqual(parsePanelResult(JSON.parse(JSON.stringify(result)))?.yearBefore, sticky.yearBefore);
	});
});
