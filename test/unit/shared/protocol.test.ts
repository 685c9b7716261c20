import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePanelResult, parsePersistedPanelState, parseWebviewMessage } from '../../../src/shared/protocol';
import type { PanelResult } from '../../../src/shared/protocol';
import { series } from './seriesFixtures';

const result: PanelResult = {
	query: { metric: 'dau', length: 3, end: { kind: 'yesterday' }, appId: null },
	instance: { label: 'EU-01', host: 'rest.fra-01.braze.eu' },
	series: series('2024-05-03', [1, null, 3]),
	fetchedAt: '2024-05-04T08:00:00.000Z',
	rateLimit: { limit: 250000, remaining: 12, resetEpochSeconds: 1714813200 },
};

describe('parseWebviewMessage', () => {
	test('accepts every message the webview sends', () => {
		for (const type of ['ready', 'cancel', 'copyCsv', 'exportJson', 'saveQuery'] as const) assert.deepEqual(parseWebviewMessage({ type }, 100), { type });
		const run = { type: 'run', request: { length: 30, end: { kind: 'date', date: '2024-02-29' }, appId: 'ios' } };
		assert.deepEqual(parseWebviewMessage(run, 100), run);
		assert.deepEqual(parseWebviewMessage({ type: 'run', request: { length: 1, end: { kind: 'today' }, appId: null } }, 100)?.type, 'run');
	});

	test('keeps only the known fields', () => {
		assert.deepEqual(parseWebviewMessage({ type: 'copyCsv', extra: '<script>' }, 100), { type: 'copyCsv' });
		const parsed = parseWebviewMessage({ type: 'run', request: { length: 2, end: { kind: 'today' }, appId: null, endpoint: 'https://evil.example' } }, 100);
		assert.deepEqual(parsed, { type: 'run', request: { length: 2, end: { kind: 'today' }, appId: null } });
	});

	test('rejects anything else', () => {
		const bad: unknown[] = [
			null,
			undefined,
			'ready',
			[],
			{},
			{ type: 'READY' },
			{ type: 'init' },
			{ type: 'run' },
			{ type: 'run', request: { length: 101, end: { kind: 'today' }, appId: null } },
			{ type: 'run', request: { length: 0, end: { kind: 'today' }, appId: null } },
			{ type: 'run', request: { length: 2.5, end: { kind: 'today' }, appId: null } },
			{ type: 'run', request: { length: '30', end: { kind: 'today' }, appId: null } },
			{ type: 'run', request: { length: 3, end: { kind: 'date', date: '2023-02-29' }, appId: null } },
			{ type: 'run', request: { length: 3, end: { kind: 'tomorrow' }, appId: null } },
			{ type: 'run', request: { length: 3, end: { kind: 'today' }, appId: 'two words' } },
			{ type: 'run', request: { length: 3, end: { kind: 'today' }, appId: 'bad\u0000id' } },
			{ type: 'run', request: { length: 3, end: { kind: 'today' }, appId: 42 } },
			JSON.parse('{"type":"run","__proto__":{"request":{"length":1,"end":"today","appId":null}}}'),
		];
		for (const raw of bad) assert.equal(parseWebviewMessage(raw, 100), null, JSON.stringify(raw));
	});
});

describe('parsePersistedPanelState', () => {
	test('accepts a state with and without a result', () => {
		assert.deepEqual(parsePersistedPanelState({ query: result.query, result }), { query: result.query, result });
		assert.deepEqual(parsePersistedPanelState({ query: result.query, result: null }), { query: result.query, result: null });
		assert.deepEqual(parsePersistedPanelState(JSON.parse(JSON.stringify({ query: result.query, result }))), { query: result.query, result });
	});

	test('rejects a bad query or a bad result', () => {
		const bad: unknown[] = [
			null,
			'state',
			{ result },
			{ query: { ...result.query, metric: 'wau' }, result },
			{ query: result.query, result: { ...result, fetchedAt: 'yesterday' } },
			{ query: result.query, result: { ...result, instance: { label: 1, host: 'x' } } },
			{ query: result.query, result: { ...result, series: { ...result.series, metric: 'nope' } } },
			{ query: result.query, result: { ...result, series: { ...result.series, points: [{ date: '2024-05-02', value: -1 }] } } },
			{ query: result.query, result: { ...result, series: { ...result.series, points: [{ date: '2024-05-02', value: 1.5 }] } } },
			{ query: result.query, result: { ...result, series: { ...result.series, points: [{ date: '<img src=x onerror=alert(1)>', value: 1 }] } } },
			{ query: result.query, result: { ...result, series: { ...result.series, points: [...result.series.points].reverse() } } },
			{ query: result.query, result: { ...result, series: { ...result.series, provisionalDate: 'today' } } },
		];
		for (const raw of bad) assert.equal(parsePersistedPanelState(raw), null, JSON.stringify(raw));
	});
});

describe('parsePanelResult', () => {
	test('a missing or malformed rate limit becomes null or null fields, not a rejection', () => {
		assert.equal(parsePanelResult({ ...result, rateLimit: 'lots' })?.rateLimit, null);
		assert.deepEqual(parsePanelResult({ ...result, rateLimit: { limit: '1', remaining: 3, resetEpochSeconds: Infinity } })?.rateLimit, {
			limit: null,
			remaining: 3,
			resetEpochSeconds: null,
		});
	});

	test('never carries extra fields such as an API key', () => {
		const parsed = parsePanelResult({ ...result, apiKey: 'secret', instance: { ...result.instance, apiKey: 'secret' } });
		assert.ok(parsed);
		assert.ok(!JSON.stringify(parsed).includes('secret'));
	});
});
