// fetchSeries against the sandbox over real sockets: windows, seams, parameters, metrics, data shapes.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_APPS, sandboxSeries } from '../../../sandbox/data';
import type { DailySeries, KpiMetric } from '../../../src/shared/kpi';
import { KPI_METRICS } from '../../../src/shared/kpi';
import { addDays } from '../../../src/shared/dates';
import { NOW, TODAY, startHarness } from './sandboxHarness';
import type { Harness } from './sandboxHarness';

/** Asserts one point per day of the range, each equal to what the sandbox serves (null where it serves nothing). */
function assertMatchesSandbox(series: DailySeries, metric: KpiMetric, appId: string | null, endDate: string, length: number, gaps: readonly string[] = []): void {
	const expected = new Map(sandboxSeries(metric, appId, endDate, length).map((r) => [r.time, r.value]));
	assert.equal(series.metric, metric);
	assert.equal(series.points.length, length);
	assert.equal(series.firstDate, addDays(endDate, -(length - 1)));
	assert.equal(series.lastDate, endDate);
	series.points.forEach((point, i) => {
		assert.equal(point.date, addDays(series.firstDate, i));
		const want = gaps.includes(point.date) || point.date > TODAY ? null : expected.get(point.date) ?? null;
		assert.equal(point.value, want, `value on ${point.date}`);
	});
}

describe('BrazeClient windows against the sandbox', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness();
	});
	after(() => h.sandbox.close());
	beforeEach(() => h.reset());

	for (const length of [1, 99, 100, 101, 199, 200, 201, 365, 1000]) {
		it(`fetches ${length} days with exact seams, every value as served`, async () => {
			const endDate = '2026-03-10';
			const result = await h.client().fetchSeries({ metric: 'dau', length, endingAt: endDate });
			assertMatchesSandbox(result.series, 'dau', null, endDate, length);
			assert.ok(result.series.points.every((p) => p.value !== null), 'the sandbox serves every one of these days');
			const windows = Math.ceil(length / 100);
			assert.equal(result.requestCount, windows);
			const sent = h.sandbox.requests.map((r) => r.query).sort((a, b) => (b.ending_at ?? '').localeCompare(a.ending_at ?? ''));
			assert.deepEqual(sent, Array.from({ length: windows }, (_, k) => ({
				length: String(Math.min(100, length - 100 * k)),
				ending_at: `${addDays(endDate, -100 * k)}T23:59:59Z`,
			})));
			assert.ok(h.sandbox.requests.every((r) => r.status === 200 && r.path === '/kpi/dau/data_series'));
		});
	}

	it('lets Braze default the end of the latest window when ending_at is absent, and marks today provisional', async () => {
		const result = await h.client().fetchSeries({ metric: 'dau', length: 250 });
		assertMatchesSandbox(result.series, 'dau', null, TODAY, 250);
		assert.equal(result.series.provisionalDate, TODAY);
		const queries = h.sandbox.requests.map((r) => r.query);
		assert.equal(queries.filter((q) => q.ending_at === undefined).length, 1);
		assert.deepEqual(queries.filter((q) => q.ending_at !== undefined).map((q) => q.ending_at).sort(), [
			`${addDays(TODAY, -200)}T23:59:59Z`,
			`${addDays(TODAY, -100)}T23:59:59Z`,
		]);
	});

	it('leaves the last day final when the series ends before today', async () => {
		const result = await h.client().fetchSeries({ metric: 'dau', length: 3, endingAt: addDays(TODAY, -1) });
		assert.equal(result.series.provisionalDate, null);
	});

	it('shows days after today as gaps, never zeros', async () => {
		const result = await h.client().fetchSeries({ metric: 'new_users', length: 10, endingAt: '2026-03-18' });
		assertMatchesSandbox(result.series, 'new_users', null, '2026-03-18', 10);
		assert.deepEqual(result.series.points.slice(-3).map((p) => p.value), [null, null, null]);
		assert.equal(result.series.provisionalDate, TODAY);
	});

	it('sends an ending_at with "+02:00" intact, and ends later windows at 23:59:59 with the same offset', async () => {
		const result = await h.client().fetchSeries({ metric: 'dau', length: 150, endingAt: '2026-03-10T18:00:00+02:00' });
		assertMatchesSandbox(result.series, 'dau', null, '2026-03-10', 150);
		assert.deepEqual(h.sandbox.requests.map((r) => r.query.ending_at).sort(), ['2025-11-30T23:59:59+02:00', '2026-03-10T18:00:00+02:00']);
	});

	it('normalises the docs\' "-5:00" offset before sending', async () => {
		await h.client().fetchSeries({ metric: 'dau', length: 5, endingAt: '2026-03-10T23:59:59-5:00' });
		assert.equal(h.sandbox.requests[0].query.ending_at, '2026-03-10T23:59:59-05:00');
	});

	for (const metric of KPI_METRICS) {
		it(`serves ${metric} for one app through the same code path`, async () => {
			const app = SANDBOX_APPS[1];
			const result = await h.client().fetchSeries({ metric, length: 120, endingAt: '2026-02-01', appId: app.id });
			assertMatchesSandbox(result.series, metric, app.id, '2026-02-01', 120);
			assert.ok(h.sandbox.requests.every((r) => r.path === `/kpi/${metric}/data_series` && r.query.app_id === app.id));
		});
	}

	it('shows an app\'s days before its first day as gaps', async () => {
		const web = SANDBOX_APPS.find((a) => a.firstDay > TODAY) ?? SANDBOX_APPS[2];
		const result = await h.client().fetchSeries({ metric: 'dau', length: 30, endingAt: '2026-03-01', appId: web.id });
		assert.ok(result.series.points.every((p) => p.value === null));
	});

	it('keeps date-time `time` values on their calendar date', async () => {
		h.sandbox.setFaults({ timeFormat: 'datetime' });
		const result = await h.client().fetchSeries({ metric: 'mau', length: 130, endingAt: '2026-03-10' });
		assertMatchesSandbox(result.series, 'mau', null, '2026-03-10', 130);
	});

	it('sorts shuffled rows and drops duplicated ones', async () => {
		h.sandbox.setFaults({ shuffle: true, duplicateDates: true });
		const result = await h.client().fetchSeries({ metric: 'uninstalls', length: 230, endingAt: '2026-03-10' });
		assertMatchesSandbox(result.series, 'uninstalls', null, '2026-03-10', 230);
	});

	it('reports omitted days as null gaps, on both sides of a seam too', async () => {
		const gaps = ['2025-11-30', '2025-12-01', '2026-03-01'];
		h.sandbox.setFaults({ omitDates: gaps });
		const result = await h.client().fetchSeries({ metric: 'dau', length: 150, endingAt: '2026-03-10' });
		assertMatchesSandbox(result.series, 'dau', null, '2026-03-10', 150, gaps);
		assert.deepEqual(result.series.points.filter((p) => p.value === null).map((p) => p.date), gaps);
	});

	it('fetches windows at most 4 at a time by default, or as configured', async () => {
		for (const [maxConcurrency, expectedPeak] of [[undefined, 4], [2, 2], [1, 1]] as const) {
			let inFlight = 0;
			let peak = 0;
			const countingFetch: typeof fetch = async (input, init) => {
				inFlight++;
				peak = Math.max(peak, inFlight);
				try {
					return await fetch(input, init);
				} finally {
					inFlight--;
				}
			};
			const result = await h.client({ fetch: countingFetch, ...(maxConcurrency ? { maxConcurrency } : {}) }).fetchSeries({ metric: 'dau', length: 1000, endingAt: '2026-03-10' });
			assert.equal(result.requestCount, 10);
			assert.equal(peak, expectedPeak);
		}
	});

	it('reports the rate-limit figures with the fewest requests remaining', async () => {
		const limited = await startHarness({ rateLimitPerHour: 5000 }, 'rate-limit-key-1');
		try {
			const first = await limited.client().fetchSeries({ metric: 'dau', length: 1 });
			const reset = (Math.floor(NOW.getTime() / 3_600_000) + 1) * 3600;
			assert.deepEqual(first.rateLimit, { limit: 5000, remaining: 4999, resetEpochSeconds: reset });
			const long = await limited.client().fetchSeries({ metric: 'dau', length: 1000 });
			assert.deepEqual(long.rateLimit, { limit: 5000, remaining: 4989, resetEpochSeconds: reset });
		} finally {
			await limited.sandbox.close();
		}
	});
});
