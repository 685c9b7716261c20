// Range presets in queries: the spec's `preset`, resolved again at each run; saved entries storing `"range"`;
// describing them; their identity; the panel's run request; the prompt's day labels.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSavedQueryEntry, describeQuery, describeRange, readScopeQueries, suggestQueryName, toSettingsEntry } from '../../../src/queries/model';
import { formatDay, formatDayRange } from '../../../src/shared/dayFormat';
import { englishL10n } from '../../../src/shared/l10n';
import { parsePersistedPanelState, parseWebviewMessage } from '../../../src/shared/protocol';
import { parseQuerySpec, queryProblemText, querySpecKey, resolvePresetDays, withoutPreset } from '../../../src/shared/query';
import type { KpiQuerySpec } from '../../../src/shared/query';
import { RANGE_PRESETS, capitalized, rangePresetName } from '../../../src/shared/rangePresets';
import { statusSpec } from '../../../src/statusKpi/statusKpiText';

const NOV_15 = new Date('2026-11-15T10:00:00Z');
const DEC_2 = new Date('2026-12-02T00:30:00Z');
const lastMonth: KpiQuerySpec = { metric: 'dau', length: 31, end: { kind: 'date', date: '2026-10-31' }, appId: null, preset: 'last-month' };

describe('a query with a preset', () => {
	it('is resolved again on the day it runs: a saved "last month" is always last month', () => {
		assert.deepEqual(resolvePresetDays(lastMonth, NOV_15), lastMonth, 'on Nov 15, last month is October');
		assert.deepEqual(resolvePresetDays(lastMonth, DEC_2), { ...lastMonth, length: 30, end: { kind: 'date', date: '2026-11-30' } }, 'on Dec 2, it is November');
		const mtd: KpiQuerySpec = { ...lastMonth, preset: 'month-to-date' };
		assert.deepEqual(resolvePresetDays(mtd, DEC_2), { ...mtd, length: 2, end: { kind: 'today' } });
		const custom: KpiQuerySpec = { metric: 'mau', length: 30, end: { kind: 'yesterday' }, appId: 'ios' };
		assert.equal(resolvePresetDays(custom, DEC_2), custom, 'a custom range is left as it is');
	});

	it('is the same query whatever days it covered when resolved; a custom range of the same days is another', () => {
		const november = resolvePresetDays(lastMonth, DEC_2);
		assert.equal(querySpecKey(november), querySpecKey(lastMonth));
		assert.notEqual(querySpecKey(withoutPreset(lastMonth)), querySpecKey(lastMonth));
		assert.notEqual(querySpecKey({ ...lastMonth, preset: 'last-30-days' }), querySpecKey(lastMonth));
		assert.equal('preset' in withoutPreset(lastMonth), false);
	});

	it('parses from a preset alone (resolved on the given day) or with the days it was last resolved to; an unknown preset is refused', () => {
		assert.deepEqual(parseQuerySpec({ metric: 'dau', range: 'last-month' }, 3650, DEC_2), { ok: true, spec: { metric: 'dau', length: 30, end: { kind: 'date', date: '2026-11-30' }, appId: null, preset: 'last-month' } });
		assert.deepEqual(parseQuerySpec({ metric: 'dau', preset: 'year-to-date', appId: 'web' }, 3650, DEC_2), { ok: true, spec: { metric: 'dau', length: 336, end: { kind: 'today' }, appId: 'web', preset: 'year-to-date' } });
		// A result's own query keeps its days: a panel restored after midnight still describes what it shows.
		assert.deepEqual(parseQuerySpec({ ...lastMonth, end: '2026-10-31' }, 3650, DEC_2), { ok: true, spec: lastMonth });
		assert.deepEqual(parseQuerySpec({ metric: 'dau', range: 'last-week' }), { ok: false, field: 'range' });
		assert.deepEqual(parseQuerySpec({ metric: 'dau', preset: 7 }), { ok: false, field: 'range' });
		assert.match(queryProblemText('range', englishL10n), /^"range" must be one of last-7-days, .*year-to-date, or left out for "length" and "end"\.$/);
	});

	it('comes from the panel with its days, and back from persisted state', () => {
		const run = { type: 'run', request: { length: 30, end: { kind: 'date', date: '2026-11-30' }, appId: null, preset: 'last-month' } };
		assert.deepEqual(parseWebviewMessage(run, 3650), run);
		assert.equal(parseWebviewMessage({ type: 'run', request: { ...run.request, preset: 'last-decade' } }, 3650), null);
		assert.deepEqual(parseWebviewMessage({ type: 'run', request: { length: 7, end: 'yesterday', appId: null } }, 3650), { type: 'run', request: { length: 7, end: { kind: 'yesterday' }, appId: null } });
		assert.deepEqual(parsePersistedPanelState({ query: lastMonth, result: null }), { query: lastMonth, result: null });
	});

	it('is shortened by the status bar as a custom range, so that it is not resolved back to its whole length', () => {
		const year = resolvePresetDays({ ...lastMonth, preset: 'last-365-days' }, DEC_2);
		assert.deepEqual(statusSpec(year), { metric: 'dau', length: 2, end: { kind: 'yesterday' }, appId: null });
		assert.equal(statusSpec(lastMonth), lastMonth, 'a month and its previous period fit one request');
	});
});

describe('saved queries with a range', () => {
	it('read "range" instead of "length" and "end", resolved on the day they are read', () => {
		const checked = checkSavedQueryEntry({ name: 'Last month', metric: 'dau', range: 'last-month', connection: 'Prod' }, englishL10n);
		assert.equal(checked.kind, 'query');
		assert.equal(checked.kind === 'query' && checked.spec.preset, 'last-month');
		assert.equal(checked.kind === 'query' && checked.spec.connection, 'Prod');
	});

	it('turn an unknown range, or a range given with days, into a broken entry saying what to do, kept untouched', () => {
		const raw = [
			{ name: 'Typo', metric: 'dau', range: 'last-mnth' },
			{ name: 'Both', metric: 'dau', range: 'last-month', length: 30, end: 'yesterday' },
			{ name: 'Number', metric: 'dau', range: 30 },
			{ name: 'Fine', metric: 'dau', range: 'quarter-to-date' },
		];
		const copy = structuredClone(raw);
		const scope = readScopeQueries('user', raw, englishL10n);
		const problems = scope.items.map((i) => (i.kind === 'broken' ? i.problem : null));
		assert.deepEqual(problems, [
			`"range" is "last-mnth", which is not a range preset. Use one of ${RANGE_PRESETS.join(', ')}, or give "length" and "end" instead.`,
			'Give either "range" or "length" and "end", not both.',
			`"range" is "30", which is not a range preset. Use one of ${RANGE_PRESETS.join(', ')}, or give "length" and "end" instead.`,
			null,
		]);
		assert.deepEqual(scope.items.map((i) => i.raw), copy, 'entries are kept as they were written');
		assert.deepEqual(raw, copy);
	});

	it('are written with the preset\'s name, never its days; a custom edit replaces the range by days and end', () => {
		assert.deepEqual(toSettingsEntry('Last month', lastMonth), { name: 'Last month', metric: 'dau', range: 'last-month' });
		const previous = { name: 'Last month', $comment: 'team KPI', metric: 'dau', range: 'last-month', appId: 'ios' };
		const custom = toSettingsEntry('Last month', { ...withoutPreset(lastMonth), appId: 'ios' }, previous);
		assert.deepEqual(custom, { name: 'Last month', $comment: 'team KPI', metric: 'dau', length: 31, end: '2026-10-31', appId: 'ios' });
		assert.deepEqual(Object.keys(custom), ['name', '$comment', 'metric', 'length', 'end', 'appId']);
		const back = toSettingsEntry('Last month', lastMonth, custom);
		assert.deepEqual(back, { name: 'Last month', $comment: 'team KPI', metric: 'dau', range: 'last-month' });
		// Written and read again, it is the same query.
		const reread = checkSavedQueryEntry(back, englishL10n);
		assert.equal(reread.kind === 'query' && querySpecKey(reread.spec), querySpecKey(lastMonth));
	});
});

describe('describing a preset', () => {
	it('uses its name, in a phrase and in a list', () => {
		assert.equal(describeRange(31, lastMonth.end, englishL10n, 'last-month'), 'last month');
		assert.equal(describeRange(61, { kind: 'today' }, englishL10n, 'quarter-to-date'), 'quarter to date');
		assert.equal(describeRange(30, { kind: 'yesterday' }, englishL10n), 'last 30 days to yesterday', 'a custom range as before');
		assert.equal(describeQuery(lastMonth, 'DAU', englishL10n), 'DAU · all apps · last month');
		assert.equal(suggestQueryName({ ...lastMonth, appId: 'ios' }, 'DAU', englishL10n), 'DAU for ios, last month');
		assert.deepEqual(RANGE_PRESETS.map((p) => capitalized(rangePresetName(p, englishL10n), 'en')), ['Last 7 days', 'Last 14 days', 'Last 30 days', 'Last 90 days', 'Last 365 days', 'Month to date', 'Last month', 'Quarter to date', 'Year to date']);
		assert.equal(capitalized('mois dernier', 'fr'), 'Mois dernier');
	});

	it('gives the prompt its days in the display language, in UTC whatever the machine\'s zone', () => {
		// ICU puts thin spaces around the range's dash.
		const spaced = (text: string) => text.replace(/\u2009/g, ' ');
		assert.equal(spaced(formatDayRange('2026-11-01', '2026-11-30', 'en')), 'Nov 1 – 30, 2026');
		assert.equal(spaced(formatDayRange('2025-12-30', '2026-01-05', 'en')), 'Dec 30, 2025 – Jan 5, 2026');
		assert.equal(formatDayRange('2026-12-01', '2026-12-01', 'en'), 'Dec 1, 2026');
		assert.equal(formatDay('2026-12-01', 'en'), 'Dec 1, 2026');
		assert.equal(formatDay('2026-12-01', 'fr'), '1 déc. 2026');
	});
});
