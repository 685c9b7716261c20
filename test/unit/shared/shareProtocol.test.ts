// The share and name messages, the persisted name and the missing previous period, as the host and webview check them;
// and how the runner joins a previous period fetched apart.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePanelName, parsePanelResult, parsePersistedPanelState, parseWebviewMessage } from '../../../src/shared/protocol';
import type { PanelResult } from '../../../src/shared/protocol';
import { joinPreviousPeriod } from '../../../src/runner/previousPeriod';
import { series } from './seriesFixtures';

const result: PanelResult = {
	query: { metric: 'dau', length: 3, end: { kind: 'yesterday' }, appId: null },
	instance: { label: 'EU-01', host: 'rest.fra-01.braze.eu' },
	series: series('2024-05-03', [1, null, 3]),
	fetchedAt: '2024-05-04T08:00:00.000Z',
	rateLimit: null,
};

describe('share messages from the webview', () => {
	test('accepts the clipboard outcome and an SVG document, and keeps only their fields', () => {
		assert.deepEqual(parseWebviewMessage({ type: 'imageCopied', extra: 1 }, 100), { type: 'imageCopied' });
		assert.deepEqual(parseWebviewMessage({ type: 'copyImageFailed', reason: 'Document is not focused.' }, 100), { type: 'copyImageFailed', reason: 'Document is not focused.' });
		assert.equal((parseWebviewMessage({ type: 'copyImageFailed', reason: 'x'.repeat(5000) }, 100) as { reason: string }).reason.length, 300, 'a long reason is cut');
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"></svg>';
		assert.deepEqual(parseWebviewMessage({ type: 'saveSvg', svg }, 100), { type: 'saveSvg', svg });
	});

	test('refuses what is not one of them', () => {
		for (const bad of [{ type: 'copyImageFailed' }, { type: 'copyImageFailed', reason: 3 }, { type: 'saveSvg', svg: '<html></html>' }, { type: 'saveSvg', svg: `<svg ${'x'.repeat(8_000_001)}` }, { type: 'saveSvg' }]) {
			assert.equal(parseWebviewMessage(bad, 100), null, JSON.stringify(bad).slice(0, 60));
		}
	});
});

describe('the webview saying it could not read a host message', () => {
	test('is accepted with the message\'s type, cut to letters, or "?"; refused without a text type', () => {
		assert.deepEqual(parseWebviewMessage({ type: 'messageUnreadable', messageType: 'result', extra: 1 }, 100), { type: 'messageUnreadable', messageType: 'result' });
		assert.deepEqual(parseWebviewMessage({ type: 'messageUnreadable', messageType: 'x'.repeat(500) }, 100), { type: 'messageUnreadable', messageType: 'x'.repeat(40) });
		for (const odd of ['', 'result\nforged log line', '<script>']) assert.deepEqual(parseWebviewMessage({ type: 'messageUnreadable', messageType: odd }, 100), { type: 'messageUnreadable', messageType: '?' }, JSON.stringify(odd));
		for (const bad of [{ type: 'messageUnreadable' }, { type: 'messageUnreadable', messageType: 3 }]) assert.equal(parseWebviewMessage(bad, 100), null, JSON.stringify(bad));
	});
});

describe('the saved query name in the panel state', () => {
	test('a name a saved query could have is kept, trimmed; anything else is dropped and the state still restores', () => {
		assert.equal(parsePersistedPanelState({ query: result.query, result, name: '  Weekly DAU ' })?.name, 'Weekly DAU');
		for (const name of ['', '   ', 'a\u0000b', 'x'.repeat(201), 42, null]) {
			const state = parsePersistedPanelState({ query: result.query, result: null, name });
			assert.ok(state, 'the panel still restores');
			assert.equal(state.name, undefined, JSON.stringify(name));
		}
		assert.equal(parsePanelName('Tab\tname'), null);
	});
});

describe('a result without its previous period', () => {
	test('says why in a form the panel knows; an unknown reason is dropped', () => {
		assert.deepEqual(parsePanelResult({ ...result, previousMissing: { reason: 'requests', requests: 4 } })?.previousMissing, { reason: 'requests', requests: 4 });
		assert.deepEqual(parsePanelResult({ ...result, previousMissing: { reason: 'failed', requests: 1 } })?.previousMissing, { reason: 'failed', requests: 1 });
		for (const bad of [{ reason: 'later', requests: 1 }, { reason: 'requests', requests: -1 }, { reason: 'requests', requests: 1.5 }, 'requests']) {
			const parsed = parsePanelResult({ ...result, previousMissing: bad });
			assert.ok(parsed, 'the result is still usable');
			assert.equal(parsed.previousMissing, undefined, JSON.stringify(bad));
		}
	});

	test('a previous period fetched apart joins the range into one series, as one request would have given it', () => {
		const previous = series('2024-04-30', [7, null, 9]);
		const joined = joinPreviousPeriod(previous, result.series);
		assert.equal(joined.firstDate, '2024-04-28');
		assert.equal(joined.lastDate, result.series.lastDate);
		assert.deepEqual(joined.points.map((p) => p.value), [7, null, 9, 1, null, 3]);
		assert.equal(joinPreviousPeriod(series('2024-04-29', [7, null, 9]), result.series), result.series, 'not adjacent: left alone');
	});
});
