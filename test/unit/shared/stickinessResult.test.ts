// Stickiness as a query metric: the query model accepts it, a result carries DAU and MAU and derives the ratio, and
// untrusted state is read strictly (the ratio is recomputed, never trusted). Saved queries may name it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSavedQueryEntry, toSettingsEntry } from '../../../src/queries/model';
import { QUERY_METRICS, isKpiMetric, isQueryMetric, sourceMetricsOf } from '../../../src/shared/kpi';
import { englishL10n } from '../../../src/shared/l10n';
import { displayedResult, parsePanelResult, parsePersistedPanelState } from '../../../src/shared/protocol';
import type { PanelResult } from '../../../src/shared/protocol';
import { parseQuerySpec, queryProblemText } from '../../../src/shared/query';
import type { KpiQuerySpec } from '../../../src/shared/query';
import { lastDaysStickiness, lastDaysStickinessChange, stickinessSeries } from '../../../src/shared/stickinessResult';
import type { StickinessSources } from '../../../src/shared/stickinessResult';
import { series } from './seriesFixtures';

const QUERY: KpiQuerySpec = { metric: 'stickiness', length: 3, end: { kind: 'yesterday' }, appId: null };

function sources(dau: readonly (number | null)[], mau: readonly (number | null)[]): StickinessSources {
	return { dau: { ...series('2026-05-14', dau), metric: 'dau' }, mau: { ...series('2026-05-14', mau, false, 'mau'), metric: 'mau' } };
}

function stickyResult(s: StickinessSources, query: KpiQuerySpec = QUERY): PanelResult {
	return { query, instance: { label: null, host: 'h' }, series: stickinessSeries(s), sources: s, fetchedAt: '2026-05-15T10:00:00.000Z', rateLimit: null };
}

/** As it arrives from setState or a file: through JSON. */
const viaJson = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('stickiness in the query model', () => {
	it('is a query metric, fetched as DAU then MAU, and never a KPI sent to Braze', () => {
		assert.deepEqual(QUERY_METRICS, ['dau', 'mau', 'new_users', 'uninstalls', 'stickiness']);
		assert.ok(isQueryMetric('stickiness'));
		assert.ok(!isKpiMetric('stickiness'));
		assert.deepEqual(sourceMetricsOf('stickiness'), ['dau', 'mau']);
		assert.deepEqual(sourceMetricsOf('mau'), ['mau']);
	});

	it('parses, and the refusal lists it among the metrics', () => {
		assert.deepEqual(parseQuerySpec({ metric: 'stickiness', length: 30, end: 'yesterday' }), { ok: true, spec: { metric: 'stickiness', length: 30, end: { kind: 'yesterday' }, appId: null } });
		assert.deepEqual(parseQuerySpec({ metric: 'Stickiness', length: 30, end: 'yesterday' }), { ok: false, field: 'metric' });
		assert.equal(queryProblemText('metric', englishL10n), '"metric" must be one of dau, mau, new_users, uninstalls, stickiness.');
	});

	it('a saved query may be "metric": "stickiness", and is written back the same', () => {
		const entry = { name: 'Stickiness iOS', metric: 'stickiness', length: 30, end: 'yesterday', appId: 'ios' };
		const checked = checkSavedQueryEntry(entry, englishL10n);
		assert.deepEqual(checked, { kind: 'query', name: 'Stickiness iOS', spec: { metric: 'stickiness', length: 30, end: { kind: 'yesterday' }, appId: 'ios' } });
		assert.ok(checked.kind === 'query');
		assert.deepEqual(toSettingsEntry(checked.name, checked.spec), entry);
	});
});

describe('a stickiness result', () => {
	it('derives each day\'s DAU ÷ MAU; a day missing in either (or MAU 0) is a gap', () => {
		const ratio = stickinessSeries(sources([10, null, 30, 40], [100, 100, null, 0]));
		assert.equal(ratio.metric, 'stickiness');
		assert.deepEqual(ratio.points.map((p) => p.value), [0.1, null, null, null]);
	});

	it('survives setState with its ratio recomputed from the sources', () => {
		const result = stickyResult(sources([10, 20, 30], [100, 100, 100]));
		assert.deepEqual(parsePanelResult(viaJson(result)), result);
		assert.deepEqual(parsePersistedPanelState(viaJson({ query: QUERY, result })), { query: QUERY, result });
	});

	it('never trusts a stored ratio: a forged one is replaced, and a missing one is rebuilt', () => {
		const result = stickyResult(sources([10, 20, 30], [100, 100, 100]));
		const forged = viaJson(result);
		forged.series = { ...(forged.series as object), points: [{ date: '2026-05-12', value: 9 }, { date: '2026-05-13', value: 9 }, { date: '2026-05-14', value: 9 }] };
		assert.deepEqual(parsePanelResult(forged)?.series.points.map((p) => p.value), [0.1, 0.2, 0.3]);
		const withoutRatio = viaJson(result);
		delete withoutRatio.series;
		assert.deepEqual(parsePanelResult(withoutRatio), result);
	});

	it('is refused without both sources, with sources of other days or metrics, with fractional counts, or with a compared app without its own sources', () => {
		const good = viaJson(stickyResult(sources([10, 20, 30], [100, 100, 100])));
		const s = good.sources as Record<string, Record<string, unknown>>;
		const broken: Record<string, unknown>[] = [
			{ ...good, sources: undefined },
			{ ...good, sources: { dau: s.dau } },
			{ ...good, sources: { dau: s.dau, mau: { ...s.dau } } },
			{ ...good, sources: { dau: s.dau, mau: viaJson({ ...series('2026-05-15', [100, 100, 100], false, 'mau') }) } },
			{ ...good, sources: { dau: { ...s.dau, points: [{ date: '2026-05-12', value: 0.5 }, { date: '2026-05-13', value: 1 }, { date: '2026-05-14', value: 1 }] }, mau: s.mau } },
			{ ...good, sources: { dau: s.dau, mau: { ...s.mau, provisionalDate: '2026-05-14' } } },
			{ ...good, compared: [{ appId: 'x', series: good.series }] },
			{ ...good, compared: [{ appId: 'x', series: good.series, sources: { dau: s.dau } }] },
			{ ...good, compared: [{ appId: 'x', sources: { dau: s.dau, mau: viaJson({ ...series('2026-05-15', [100, 100, 100], false, 'mau') }) } }] },
		];
		for (const [i, raw] of broken.entries()) assert.equal(parsePanelResult(raw), null, `case ${i}`);
		// A KPI result's stray sources are not carried.
		const dau = viaJson({ ...stickyResult(sources([1, 2, 3], [4, 5, 6])), query: { ...QUERY, metric: 'dau' }, series: series('2026-05-14', [1, 2, 3]) });
		assert.equal(parsePanelResult(dau)?.sources, undefined);
	});

	it('compared with other apps, each app\'s ratio is derived from its own DAU and MAU (a stored ratio is never trusted)', () => {
		const own = sources([10, 20, 30], [100, 100, 100]);
		const android = sources([5, null, 40], [50, 100, 0]);
		const result: PanelResult = { ...stickyResult(own, { ...QUERY, appId: 'ios', compare: { apps: ['android'] } }), compared: [{ appId: 'android', series: stickinessSeries(android), sources: android }] };
		assert.deepEqual(parsePanelResult(viaJson(result)), result);
		const forged = viaJson(result);
		forged.compared = [{ appId: 'android', series: { ...stickinessSeries(android), points: stickinessSeries(android).points.map((p) => ({ ...p, value: 7 })) }, sources: android }];
		assert.deepEqual(parsePanelResult(forged)?.compared?.[0]?.series.points.map((p) => p.value), [0.1, null, null]);
		assert.deepEqual(parsePersistedPanelState(viaJson({ query: result.query, result }))?.result, result);
	});

	it('as displayed, is cut to the query\'s days, sources included', () => {
		const result = stickyResult(sources([1, 2, 10, 20, 30], [100, 100, 100, 100, 100]));
		const shown = displayedResult(result);
		assert.deepEqual(shown.series.points.map((p) => p.value), [0.1, 0.2, 0.3]);
		assert.deepEqual(shown.sources?.dau.points.map((p) => p.value), [10, 20, 30]);
		assert.deepEqual(shown.sources?.mau.points.map((p) => p.date), ['2026-05-12', '2026-05-13', '2026-05-14']);
		const other = sources([3, 4, 5, 6, 7], [10, 10, 10, 10, 10]);
		const compared = displayedResult({ ...result, query: { ...QUERY, compare: { apps: ['x'] } }, compared: [{ appId: 'x', series: stickinessSeries(other), sources: other }] }).compared?.[0];
		assert.deepEqual(compared?.series.points.map((p) => p.value), [0.5, 0.6, 0.7]);
		assert.deepEqual(compared?.sources?.dau.points.map((p) => p.value), [5, 6, 7]);
		assert.deepEqual(compared?.sources?.mau.points.map((p) => p.date), ['2026-05-12', '2026-05-13', '2026-05-14']);
	});

	it('has Home\'s range figure (average DAU ÷ average MAU) and change ((this − last) ÷ last)', () => {
		// Previous 3 days: DAU 10 on MAU 100 each → 10 %; these 3 days: DAU 20, 30, 40 on MAU 200 → 15 %.
		const s = sources([10, 10, 10, 20, 30, 40], [100, 100, 100, 200, 200, 200]);
		assert.equal(lastDaysStickiness(s, 3), 90 / 600);
		const change = lastDaysStickinessChange(s, 3);
		assert.ok(change);
		assert.equal(change.previous, 0.1);
		assert.equal(change.current, 0.15);
		assert.ok(Math.abs((change.relative ?? 0) - 0.5) < 1e-12, 'up by half, a positive sign (Braze\'s page would print −50 %)');
		assert.equal(lastDaysStickinessChange(s, 4), null, 'the sources do not reach back a previous range of 4 days');
	});
});
