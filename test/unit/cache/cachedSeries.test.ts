// fetchCachedSeries and peekCachedSeries against the sandbox over real sockets, with a real day cache on disk.
// Requests are counted from what the sandbox recorded.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_APPS, sandboxValue } from '../../../sandbox/data';
import { BrazeAuthError, BrazeCancelledError, BrazeNetworkError, BrazeServerError, BrazeValidationError } from '../../../src/braze/errors';
import type { BrazeClient } from '../../../src/braze/client';
import type { CachedSeriesDeps, CachedSeriesRequest } from '../../../src/cache/cachedSeries';
import { fetchCachedSeries, peekCachedSeries, requestsNeeded } from '../../../src/cache/cachedSeries';
import { DayCache } from '../../../src/cache/dayCache';
import { addDays } from '../../../src/shared/dates';
import type { DailySeries, KpiMetric } from '../../../src/shared/kpi';
import { startHarness } from '../braze/sandboxHarness';
import type { Harness } from '../braze/sandboxHarness';

const T0 = new Date('2026-10-15T12:00:00Z');
const TODAY = '2026-10-15';
const ARCADE = SANDBOX_APPS.find((a) => a.name === 'Sandbox Arcade (Web)');
if (!ARCADE) throw new Error('the sandbox has no Arcade app');

/** Every point equals the sandbox's own value for that day (null where it serves no row, and after `today`). */
function assertSandboxValues(series: DailySeries, metric: KpiMetric, appId: string | null, today: string, omitted: readonly string[] = []): void {
	for (const point of series.points) {
		const expected = point.date > today || omitted.includes(point.date) ? null : sandboxValue(metric, appId, point.date);
		assert.equal(point.value, expected, `value on ${point.date}`);
	}
}

describe('fetchCachedSeries against the sandbox', () => {
	let h: Harness;
	let now: Date;
	let dir: string;
	let cache: DayCache;
	let client: BrazeClient;
	const deps = (overrides: Partial<CachedSeriesDeps> = {}): CachedSeriesDeps => ({
		fetchWindows: (request, signal) => client.fetchWindows(request, signal),
		cache,
		now: () => now,
		refreshDays: 3,
		...overrides,
	});
	const sent = (): { length?: string; ending_at?: string; app_id?: string }[] => h.sandbox.requests.map((r) => r.query);

	before(async () => {
		h = await startHarness({ now: () => now });
	});
	after(() => h.sandbox.close());
	beforeEach(async () => {
		h.reset();
		now = T0;
		dir = await mkdtemp(join(tmpdir(), 'braze-cached-series-'));
		cache = new DayCache({ directory: dir, now: () => now });
		client = h.client();
	});
	afterEach(async () => {
		// The fetched days are written in the background: let the last write end before the folder goes.
		await cache.flush();
		await rm(dir, { recursive: true, force: true });
	});

	it('sends exactly 1 request when a 1,000-day query is opened a second time', async () => {
		const request: CachedSeriesRequest = { metric: 'dau', length: 1000 };
		const cold = await fetchCachedSeries(deps(), 'conn-1', request);
		assert.equal(h.sandbox.requests.length, 10);
		assert.deepEqual(cold.provenance, { daysFromCache: 0, oldestCachedFetch: null, requestsSent: 10, fromCacheOnly: false, offline: false });
		assertSandboxValues(cold.series, 'dau', null, TODAY);
		assert.equal(cold.series.points.length, 1000);
		assert.equal(cold.series.provisionalDate, TODAY);
		assert.ok(cold.rateLimit?.remaining != null);

		h.sandbox.clearRequests();
		const warm = await fetchCachedSeries(deps(), 'conn-1', request);
		assert.equal(h.sandbox.requests.length, 1);
		assert.deepEqual(sent(), [{ length: '4' }], 'the last 4 days, ending now (no ending_at)');
		assert.deepEqual(warm.series, cold.series);
		assert.deepEqual(warm.provenance, { daysFromCache: 996, oldestCachedFetch: T0, requestsSent: 1, fromCacheOnly: false, offline: false });
	});

	it('asks only for the refresh window of a query ending yesterday, with its ending_at', async () => {
		const request: CachedSeriesRequest = { metric: 'new_users', length: 1000, endDate: addDays(TODAY, -1), appId: SANDBOX_APPS[0].id };
		await fetchCachedSeries(deps(), 'conn-1', request);
		h.sandbox.clearRequests();
		const warm = await fetchCachedSeries(deps(), 'conn-1', request);
		assert.deepEqual(sent(), [{ length: '3', ending_at: `${addDays(TODAY, -1)}T23:59:59Z`, app_id: SANDBOX_APPS[0].id }]);
		assertSandboxValues(warm.series, 'new_users', SANDBOX_APPS[0].id, TODAY);
		assert.equal(warm.series.provisionalDate, null);
	});

	it('serves an old range from the cache alone the second time', async () => {
		const request: CachedSeriesRequest = { metric: 'mau', length: 365, endDate: '2025-12-31' };
		await fetchCachedSeries(deps(), 'conn-1', request);
		h.sandbox.clearRequests();
		const warm = await fetchCachedSeries(deps(), 'conn-1', request);
		assert.equal(h.sandbox.requests.length, 0);
		assert.equal(warm.provenance.fromCacheOnly, true);
		assert.equal(warm.provenance.daysFromCache, 365);
		assert.equal(warm.rateLimit, null);
		assertSandboxValues(warm.series, 'mau', null, TODAY);
	});

	it('does not fetch the gaps of a gappy app again (Arcade starts 2026-09-14; a day Braze omits)', async () => {
		const omitted = ['2026-09-20'];
		h.sandbox.setFaults({ omitDates: omitted });
		const request: CachedSeriesRequest = { metric: 'dau', length: 365, endDate: addDays(TODAY, -1), appId: ARCADE.id };
		const cold = await fetchCachedSeries(deps(), 'arcade', request);
		assert.equal(h.sandbox.requests.length, 4);
		assertSandboxValues(cold.series, 'dau', ARCADE.id, TODAY, omitted);
		assert.equal(cold.series.points.filter((p) => p.value !== null).length, 31 - omitted.length, 'values only from 2026-09-14 to yesterday');

		for (const day of [0, 10, 40]) {
			now = new Date(T0.getTime() + day * 86_400_000);
			const today = addDays(TODAY, day);
			h.sandbox.clearRequests();
			const again = await fetchCachedSeries(deps(), 'arcade', { ...request, endDate: addDays(today, -1) });
			assert.equal(h.sandbox.requests.length, 1, `day +${day}: one request`);
			const [query] = sent();
			const firstAsked = addDays(query.ending_at!.slice(0, 10), -(Number(query.length) - 1));
			assert.ok(firstAsked > '2026-09-20', `day +${day}: asks from ${firstAsked} on, never for the old gaps`);
			assertSandboxValues(again.series, 'dau', ARCADE.id, today, omitted);
		}
		assert.deepEqual(sent(), [{ length: '33', ending_at: '2026-11-23T23:59:59Z', app_id: ARCADE.id }], 'day +40: the days last fetched while recent (from day +7) to yesterday');
	});

	it('fetches everything again with ignoreCache or refreshDays 0, and refreshes the cache with the answers', async () => {
		const request: CachedSeriesRequest = { metric: 'uninstalls', length: 1000, endDate: '2026-06-30' };
		await fetchCachedSeries(deps(), 'conn-1', request);
		for (const [what, run] of [
			['ignoreCache', () => fetchCachedSeries(deps(), 'conn-1', request, { ignoreCache: true })],
			['refreshDays 0', () => fetchCachedSeries(deps({ refreshDays: 0 }), 'conn-1', request)],
		] as const) {
			h.sandbox.clearRequests();
			const result = await run();
			assert.equal(h.sandbox.requests.length, 10, what);
			assert.equal(result.provenance.daysFromCache, 0, what);
			assertSandboxValues(result.series, 'uninstalls', null, TODAY);
		}
		h.sandbox.clearRequests();
		await fetchCachedSeries(deps(), 'conn-1', request);
		assert.equal(h.sandbox.requests.length, 0);
		await fetchCachedSeries(deps({ refreshDays: Number.NaN }), 'conn-1', request);
		assert.equal(h.sandbox.requests.length, 0, 'a nonsense refreshDays is the default, not "always fetch"');
	});

	it('keeps partitions apart and forgets everything of a dropped partition', async () => {
		const request: CachedSeriesRequest = { metric: 'dau', length: 1000 };
		await fetchCachedSeries(deps(), 'conn-1', request);
		h.sandbox.clearRequests();
		await fetchCachedSeries(deps(), 'conn-2', request);
		assert.equal(h.sandbox.requests.length, 10, 'another connection sees nothing of conn-1');
		await cache.dropPartition('conn-1');
		h.sandbox.clearRequests();
		const afterDrop = await fetchCachedSeries(deps(), 'conn-1', request);
		assert.equal(h.sandbox.requests.length, 10);
		assert.equal(afterDrop.provenance.daysFromCache, 0);
		h.sandbox.clearRequests();
		await fetchCachedSeries(deps(), 'conn-2', request);
		assert.equal(h.sandbox.requests.length, 1, 'conn-2 kept its days');
	});

	it('does not write back days fetched with a key that was replaced while the fetch was on the wire', async () => {
		const request: CachedSeriesRequest = { metric: 'dau', length: 200 };
		const dropMidway: CachedSeriesDeps['fetchWindows'] = async (windows, signal) => {
			const answer = await client.fetchWindows(windows, signal);
			void cache.dropPartition('conn-1'); // the key changed while Braze was answering
			return answer;
		};
		const result = await fetchCachedSeries(deps({ fetchWindows: dropMidway }), 'conn-1', request);
		assert.equal(result.series.points.filter((p) => p.value !== null).length, 200, 'the caller still gets its answer');
		await cache.flush();
		assert.equal((await cache.read('conn-1', { metric: 'dau', appId: null })).size, 0);
	});

	for (const [what, faults, cause] of [
		['the network is down', { dropConnection: 99 }, BrazeNetworkError],
		['Braze keeps failing', { serverErrors: 99, serverErrorStatus: 503 }, BrazeServerError],
	] as const) {
		it(`shows the cached days marked offline when ${what}`, async () => {
			const request: CachedSeriesRequest = { metric: 'dau', length: 1000 };
			const online = await fetchCachedSeries(deps(), 'conn-1', request);
			now = new Date(T0.getTime() + 86_400_000);
			h.sandbox.setFaults(faults);
			const offline = await fetchCachedSeries(deps(), 'conn-1', request);
			assert.ok(offline.offlineCause instanceof cause);
			assert.deepEqual(offline.provenance, { daysFromCache: 999, oldestCachedFetch: T0, requestsSent: 0, fromCacheOnly: false, offline: true });
			assert.deepEqual(offline.series.points.slice(1).map((p) => p.value), [...online.series.points.slice(2).map((p) => p.value), null], 'shifted a day: today is not cached yet');
			assert.equal(offline.series.provisionalDate, addDays(TODAY, 1));
			await assert.rejects(fetchCachedSeries(deps(), 'empty', request), cause, 'nothing cached: the error itself');
		});
	}

	it('lets errors that need the user through, cache or not: a refused key, a cancel', async () => {
		const request: CachedSeriesRequest = { metric: 'dau', length: 30 };
		await fetchCachedSeries(deps(), 'conn-1', request);
		now = new Date(T0.getTime() + 86_400_000);
		const refused = h.client({ apiKey: 'sandbox-invalid-key' });
		await assert.rejects(fetchCachedSeries(deps({ fetchWindows: (r, s) => refused.fetchWindows(r, s) }), 'conn-1', request), BrazeAuthError);
		await assert.rejects(fetchCachedSeries(deps(), 'conn-1', request, { signal: AbortSignal.abort() }), BrazeCancelledError);
	});

	it('refuses a bad request before reading or sending anything', async () => {
		for (const bad of [
			{ metric: 'sessions' as KpiMetric, length: 7 },
			{ metric: 'dau', length: 0 },
			{ metric: 'dau', length: 7, endDate: 'yesterday' },
			{ metric: 'dau', length: 7, appId: 'has space' },
		] as const) {
			await assert.rejects(fetchCachedSeries(deps(), 'conn-1', bad), BrazeValidationError, JSON.stringify(bad));
			await assert.rejects(peekCachedSeries(deps(), 'conn-1', bad), BrazeValidationError, JSON.stringify(bad));
		}
		assert.equal(h.sandbox.requests.length, 0);
	});

	it('shows days after today as gaps, and neither asks for nor caches them', async () => {
		const result = await fetchCachedSeries(deps(), 'conn-1', { metric: 'dau', length: 10, endDate: addDays(TODAY, 3) });
		assert.deepEqual(sent(), [{ length: '7' }]);
		assert.deepEqual(result.series.points.slice(-3).map((p) => p.value), [null, null, null]);
		assert.deepEqual([...(await cache.read('conn-1', { metric: 'dau', appId: null })).keys()].sort().at(-1), TODAY);
	});

	it('tells how many requests a fetch would send, without sending any', async () => {
		const request: CachedSeriesRequest = { metric: 'dau', length: 1000 };
		assert.equal(await requestsNeeded(deps(), 'conn-1', request), 10);
		await fetchCachedSeries(deps(), 'conn-1', request);
		h.sandbox.clearRequests();
		assert.equal(await requestsNeeded(deps(), 'conn-1', request), 1);
		assert.equal(await requestsNeeded(deps(), 'conn-1', request, { ignoreCache: true }), 10);
		assert.equal(await requestsNeeded(deps(), 'conn-1', { metric: 'dau', length: 900, endDate: addDays(TODAY, -10) }), 0);
		assert.equal(await requestsNeeded(deps(), 'conn-1', { metric: 'dau', length: 5, endDate: addDays(TODAY, 10) }), 0, 'days after today need nothing');
		assert.equal(h.sandbox.requests.length, 0);
	});

	describe('peekCachedSeries', () => {
		it('has nothing before the first fetch, then every cached day at once, without a request', async () => {
			const request: CachedSeriesRequest = { metric: 'dau', length: 1000 };
			assert.equal(await peekCachedSeries(deps(), 'conn-1', request), null);
			const fetched = await fetchCachedSeries(deps(), 'conn-1', request);
			now = new Date(T0.getTime() + 2 * 3_600_000);
			h.sandbox.clearRequests();
			const peek = await peekCachedSeries(deps(), 'conn-1', request);
			assert.equal(h.sandbox.requests.length, 0);
			assert.ok(peek);
			assert.deepEqual(peek.series, fetched.series);
			assert.equal(peek.daysFromCache, 1000);
			assert.deepEqual(peek.oldestCachedFetch, T0);
			assert.equal(peek.complete, false, 'the recent days still need a fetch');
		});

		it('says complete when a fetch would send nothing', async () => {
			const request: CachedSeriesRequest = { metric: 'dau', length: 100, endDate: '2026-01-31' };
			await fetchCachedSeries(deps(), 'conn-1', request);
			const peek = await peekCachedSeries(deps(), 'conn-1', { ...request, length: 50 });
			assert.equal(peek?.complete, true);
			assert.equal(peek.series.points.length, 50);
			const wider = await peekCachedSeries(deps(), 'conn-1', { ...request, length: 150 });
			assert.equal(wider?.complete, false);
			assert.equal(wider.daysFromCache, 100);
			assert.deepEqual(wider.series.points.slice(0, 50).map((p) => p.value), Array(50).fill(null));
		});
	});
});
