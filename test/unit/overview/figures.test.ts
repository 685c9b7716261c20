// Home's figures of an overview: values, changes by Home's rules, refused series, per-day values, and the state's checks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { figureDays, overviewFigure, overviewFigures } from '../../../src/shared/overviewFigures';
import { parseOverviewResult, parsePersistedOverviewState } from '../../../src/shared/overviewProtocol';
import type { OverviewResult, OverviewSeries } from '../../../src/shared/overviewProtocol';
import type { KpiMetric } from '../../../src/shared/kpi';
import { series } from '../shared/seriesFixtures';

// Four days: the previous range is 05-01…05-02, the range 05-03…05-04.
const LAST = '2024-05-04';
function result(overrides: Partial<Record<KpiMetric, OverviewSeries>> = {}): OverviewResult {
	const ok = (metric: KpiMetric, values: (number | null)[]): OverviewSeries => ({ status: 'ok', series: series(LAST, values, false, metric) });
	return {
		request: { range: { kind: 'custom', length: 2, end: { kind: 'date', date: LAST } }, appId: null, connection: 'Production' },
		firstDate: '2024-05-03',
		lastDate: LAST,
		instance: { label: 'US-01', host: 'rest.iad-01.braze.com' },
		fetchedAt: '2024-05-05T08:00:00.000Z',
		series: { dau: ok('dau', [100, 200, 300, 500]), mau: ok('mau', [1000, 1000, 1500, 2000]), new_users: ok('new_users', [10, 20, 40, 50]), uninstalls: ok('uninstalls', [1, 1, 2, null]), ...overrides },
		requests: { planned: 4, sent: 4 },
		rateLimit: null,
	};
}

describe('overview figures', () => {
	test('DAU averages, MAU takes the latest day, new users total; each change is (this − last) ÷ last', () => {
		const [dau, mau, newUsers, uninstalls, stickiness] = overviewFigures(result());
		assert.deepEqual(dau, { key: 'dau', status: 'ok', value: 400, latest: { date: LAST, value: 500 }, change: { current: 400, previous: 150, relative: 250 / 150 }, basis: { kind: 'previousRange', days: 2 } });
		// MAU: the range's last day (2000) against the day before the range starts (05-02: 1000).
		assert.deepEqual(mau, { key: 'mau', status: 'ok', value: 2000, latest: { date: LAST, value: 2000 }, change: { current: 2000, previous: 1000, relative: 1 }, basis: { kind: 'dayBefore', date: '2024-05-02' } });
		assert.deepEqual(newUsers?.status === 'ok' && [newUsers.value, newUsers.change?.relative], [90, 2]);
		// A total over a range with a missing day would be too low: no total, no change.
		assert.deepEqual(uninstalls?.status === 'ok' && [uninstalls.value, uninstalls.change], [null, null]);
		// Stickiness: average DAU ÷ average MAU of the range (400 / 1750) against the previous range's (150 / 1000).
		assert.ok(stickiness?.status === 'ok');
		assert.equal(stickiness.value, 800 / 3500);
		assert.equal(stickiness.change?.relative, (800 / 3500 - 300 / 2000) / (300 / 2000));
	});

	test('a series the key may not read makes its card say so, and stickiness names what it lacks; the others still show', () => {
		const denied = result({ mau: { status: 'denied', permission: 'kpi.mau.data_series' } });
		assert.deepEqual(overviewFigure(denied, 'mau'), { key: 'mau', status: 'denied', permissions: ['kpi.mau.data_series'] });
		assert.deepEqual(overviewFigure(denied, 'stickiness'), { key: 'stickiness', status: 'denied', permissions: ['kpi.mau.data_series'] });
		assert.equal(overviewFigure(denied, 'dau').status, 'ok');
		assert.equal(figureDays(denied, 'mau'), null);
		const failed = result({ uninstalls: { status: 'failed', message: 'Braze answered 500.' } });
		assert.deepEqual(overviewFigure(failed, 'uninstalls'), { key: 'uninstalls', status: 'failed', message: 'Braze answered 500.' });
	});

	test('per-day values cover the range only; stickiness per day is DAU ÷ MAU', () => {
		assert.deepEqual(figureDays(result(), 'dau')?.points, [{ date: '2024-05-03', value: 300 }, { date: LAST, value: 500 }]);
		assert.deepEqual(figureDays(result(), 'stickiness')?.points, [{ date: '2024-05-03', value: 0.2 }, { date: LAST, value: 0.25 }]);
	});

	test('MAU of a range ending today takes the latest complete day, never the day in progress', () => {
		const today = result({ mau: { status: 'ok', series: series(LAST, [1000, 1000, 1500, null], true, 'mau') } });
		const mau = overviewFigure(today, 'mau');
		assert.ok(mau.status === 'ok');
		assert.deepEqual([mau.value, mau.latest?.date, mau.change?.relative], [1500, '2024-05-03', 0.5]);
	});

	test('a result survives the round trip through persisted state, and anything odd is refused', () => {
		const good = result({ new_users: { status: 'denied', permission: 'kpi.new_users.data_series' } });
		const copy: unknown = JSON.parse(JSON.stringify({ overview: good.request, result: good }));
		assert.deepEqual(parsePersistedOverviewState(copy), { overview: good.request, result: good });
		assert.equal(parseOverviewResult({ ...good, firstDate: '2024-05-05' }), null, 'a range that ends before it starts');
		assert.equal(parseOverviewResult({ ...good, series: { ...good.series, dau: { status: 'ok', series: series('2024-05-03', [1], false, 'dau') } } }), null, 'a series ending on another day');
		assert.equal(parseOverviewResult({ ...good, series: { ...good.series, mau: { status: 'maybe' } } }), null);
		assert.equal(parsePersistedOverviewState({ overview: { range: { kind: 'preset', preset: 'last-2-days' }, appId: null }, result: null }), null, 'a preset that does not exist');
		assert.equal(parsePersistedOverviewState({ overview: { range: { kind: 'preset', preset: 'last-7-days' }, appId: 'has space' }, result: null }), null);
		assert.deepEqual(parsePersistedOverviewState({ overview: { range: { kind: 'preset', preset: 'last-7-days' }, appId: null }, result: null }), { overview: { range: { kind: 'preset', preset: 'last-7-days' }, appId: null }, result: null });
	});
});
