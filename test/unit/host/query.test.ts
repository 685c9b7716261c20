import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, daysBetween, isPlainDate, localDateOf } from '../../../src/shared/dates';
import { endingAtForDate, parseQuerySpec, parseSeriesEnd, querySpecKey, resolveSeriesEnd } from '../../../src/shared/query';

test('plain dates: calendar checks and arithmetic across months, leap days and years', () => {
	assert.ok(isPlainDate('2024-02-29'));
	assert.ok(!isPlainDate('2023-02-29'));
	assert.ok(!isPlainDate('2024-13-01'));
	assert.equal(addDays('2024-02-28', 1), '2024-02-29');
	assert.equal(addDays('2024-03-01', -1), '2024-02-29');
	assert.equal(addDays('2025-12-31', 1), '2026-01-01');
	assert.equal(daysBetween('2025-01-01', '2026-01-01'), 365);
	assert.equal(localDateOf(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});

test('relative ends stay relative and resolve against the clock; fixed dates stay fixed', () => {
	const now = new Date(2026, 10, 29, 10, 0, 0);
	assert.deepEqual(resolveSeriesEnd({ kind: 'today' }, now), { endDate: '2026-11-29', endingAt: undefined });
	assert.deepEqual(resolveSeriesEnd({ kind: 'yesterday' }, now), { endDate: '2026-11-28', endingAt: '2026-11-28T23:59:59Z' });
	assert.deepEqual(resolveSeriesEnd({ kind: 'date', date: '2026-01-31' }, now), { endDate: '2026-01-31', endingAt: endingAtForDate('2026-01-31') });
	const later = new Date(2026, 11, 2, 10, 0, 0);
	assert.equal(resolveSeriesEnd({ kind: 'yesterday' }, later).endDate, '2026-12-01');
});

test('parseQuerySpec names the first bad field and never half-accepts', () => {
	assert.deepEqual(parseQuerySpec({ metric: 'dau', length: 30, end: 'yesterday', appId: null }), { ok: true, spec: { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: null } });
	const fieldOf = (raw: unknown, maxLength?: number) => {
		const parsed = parseQuerySpec(raw, maxLength);
		return parsed.ok ? 'accepted' : parsed.field;
	};
	assert.equal(fieldOf({ metric: 'wau', length: 30, end: 'today' }), 'metric');
	assert.equal(fieldOf({ metric: 'dau', length: 101, end: 'today' }, 100), 'length');
	assert.equal(fieldOf({ metric: 'dau', length: 2.5, end: 'today' }), 'length');
	assert.equal(fieldOf({ metric: 'dau', length: 3, end: '2026-02-30' }), 'end');
	assert.equal(fieldOf({ metric: 'dau', length: 3, end: 'today', appId: 'a b' }), 'appId');
	assert.equal(fieldOf({ metric: 'dau', length: 3, end: 'today', endpoint: 7 }), 'endpoint');
	for (const junk of [null, 3, 'dau', [], undefined]) assert.equal(fieldOf(junk), 'query');
});

test('series ends parse from settings strings and objects', () => {
	assert.deepEqual(parseSeriesEnd('today'), { kind: 'today' });
	assert.deepEqual(parseSeriesEnd({ kind: 'date', date: '2026-01-02' }), { kind: 'date', date: '2026-01-02' });
	assert.equal(parseSeriesEnd({ kind: 'date', date: 'soon' }), null);
	assert.equal(parseSeriesEnd('tomorrow'), null);
});

test('the same query has the same key; any difference changes it', () => {
	const base = { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: null } as const;
	assert.equal(querySpecKey(base), querySpecKey({ ...base }));
	assert.notEqual(querySpecKey(base), querySpecKey({ ...base, length: 31 }));
	assert.notEqual(querySpecKey(base), querySpecKey({ ...base, appId: 'x' }));
	assert.notEqual(querySpecKey(base), querySpecKey({ ...base, endpoint: 'EU-01' }));
	assert.notEqual(querySpecKey(base), querySpecKey({ ...base, end: { kind: 'today' } }));
});
