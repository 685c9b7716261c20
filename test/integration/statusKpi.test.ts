// The status-bar KPI in the real host: hidden until braze.statusBar.query names a saved query, then its latest
// complete day and change from the sandbox's data; a name that matches nothing and a connection without a key
// become warning items; nothing is ever written.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxSeries, sandboxValue } from '../../sandbox/data';
import { addDays, brazeToday } from '../../src/shared/dates';
import type { PanelResult } from '../../src/shared/protocol';
import { formatChange, formatCount } from '../../src/shared/queryFigures';
import type { StatusKpiSnapshot } from '../../src/statusKpi/statusKpi';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl, setSetting } from './support';

const CONNECTION = 'Status test';
const NO_KEY = 'Status no key';
const END = addDays(brazeToday(new Date()), -12);
const QUERIES = [
	{ name: 'Status DAU', metric: 'dau', length: 7, end: END, connection: CONNECTION },
	{ name: 'Keyless DAU', metric: 'dau', length: 7, end: END, connection: NO_KEY },
	{ name: 'Status year', metric: 'dau', length: 365, end: 'yesterday', connection: CONNECTION },
];

async function statusWhere(accept: (s: StatusKpiSnapshot) => boolean, what: string): Promise<StatusKpiSnapshot> {
	const api = await extensionApi();
	return eventually(() => {
		const snapshot = api.statusKpi();
		return accept(snapshot) ? snapshot : undefined;
	}, what);
}

function userSetting(key: string): unknown {
	return vscode.workspace.getConfiguration('braze').inspect<unknown>(key)?.globalValue;
}

suite('status bar KPI', () => {
	let savedBefore: unknown;

	suiteSetup(async () => {
		await extensionApi();
		await resetFaults();
		savedBefore = userSetting('savedQueries');
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: CONNECTION, endpoint: sandboxUrl(), key: 'integration-status-key' }));
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: NO_KEY, endpoint: sandboxUrl(), key: 'integration-status-gone' }));
		assert.equal(await vscode.commands.executeCommand('braze.clearApiKey', { connection: NO_KEY }), true);
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { all: true }), true);
		await setSetting('savedQueries', QUERIES);
	});

	suiteTeardown(async () => {
		await setSetting('statusBar.query', undefined);
		await setSetting('savedQueries', savedBefore);
		await vscode.commands.executeCommand('braze.removeConnection', { connection: CONNECTION, confirmed: true });
		await vscode.commands.executeCommand('braze.removeConnection', { connection: NO_KEY, confirmed: true });
		await closeAllEditors();
	});

	test('hidden while braze.statusBar.query is not set', async () => {
		await setSetting('statusBar.query', undefined);
		await statusWhere((s) => !s.visible, 'the item to be hidden');
	});

	test('shows the latest complete day and the change against the previous period, with at most one request; a click opens its chart', async () => {
		const before = (await recordedRequests()).length;
		await setSetting('statusBar.query', 'status dau');
		const rows = sandboxSeries('dau', null, END, 14).map((r) => r.value);
		const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
		const locale = vscode.env.language;
		const change = (mean(rows.slice(7)) - mean(rows.slice(0, 7))) / mean(rows.slice(0, 7));
		const expected = `DAU ${formatCount(rows[13], locale)} ${formatChange(change, locale)}`;
		const shown = await statusWhere((s) => s.visible && s.text === expected, `the item to read ${expected}`);
		assert.ok((await recordedRequests()).length - before <= 1, 'the cache plus at most one request');
		assert.match(shown.tooltip, /Braze saved query "Status DAU"/);
		assert.match(shown.tooltip, /Connection: Status test \(127\.0\.0\.1:\d+\)/);
		assert.match(shown.tooltip, new RegExp(`Latest complete day: ${END}`));
		assert.match(shown.tooltip, /Fetched from Braze \(1 request\)|From the cache, no request sent/);
		assert.equal(shown.command, 'braze.savedQueries.run');
		assert.deepEqual(shown.arguments, [{ scope: 'user', name: 'Status DAU' }]);
		const result = await vscode.commands.executeCommand<PanelResult | undefined>(shown.command, ...shown.arguments);
		assert.equal(result?.query.connection, CONNECTION);
		assert.equal(result?.series.lastDate, END);
	});

	test('a query longer than 50 days: its latest complete day from one small request, and no change', async () => {
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { all: true }), true);
		const before = (await recordedRequests()).length;
		await setSetting('statusBar.query', 'Status year');
		const yesterday = addDays(brazeToday(new Date()), -1);
		const expected = `DAU ${formatCount(sandboxValue('dau', null, yesterday)!, vscode.env.language)}`;
		const shown = await statusWhere((s) => s.visible && s.text === expected, `the item to read ${expected}`);
		const sent = (await recordedRequests()).slice(before);
		assert.equal(sent.length, 1, 'a cold cache: one request');
		assert.equal(sent[0]?.query.length, '4', 'the last two days and the two before');
		assert.match(shown.tooltip, /No change shown: it needs the previous period, fetched for ranges up to 50 days/);
	});

	test('a setting that names no saved query: a warning item that says so, and nothing is written', async () => {
		await setSetting('statusBar.query', 'No such query');
		const shown = await statusWhere((s) => s.visible && s.text.startsWith('$(warning)'), 'a warning item');
		assert.match(shown.tooltip, /braze\.statusBar\.query names "No such query", but there is no saved query with that name\./);
		assert.equal(shown.command, 'workbench.action.openSettings');
		assert.deepEqual(userSetting('savedQueries'), QUERIES, 'the saved queries are untouched');
		assert.equal(userSetting('statusBar.query'), 'No such query', 'the setting is untouched');
	});

	test('a connection without a key: a warning item that opens Set API Key for that connection, nothing asked, nothing sent', async () => {
		const before = (await recordedRequests()).length;
		await setSetting('statusBar.query', 'Keyless DAU');
		const shown = await statusWhere((s) => s.visible && s.text === '$(warning) DAU', 'the missing-key warning');
		assert.match(shown.tooltip, /The connection "Status no key" has no API key, so the status bar KPI was not fetched\./);
		assert.equal(shown.command, 'braze.setApiKey');
		assert.deepEqual(shown.arguments, [{ scope: 'user', connection: NO_KEY }]);
		assert.equal((await recordedRequests()).length, before);
	});

	test('setting the missing key through the item\'s command brings the figure back', async () => {
		await setSetting('statusBar.query', 'Keyless DAU');
		const warning = await statusWhere((s) => s.text === '$(warning) DAU', 'the missing-key warning');
		// The item's own command and arguments, with the key that the input box would have asked for.
		assert.ok(warning.command);
		assert.equal(await vscode.commands.executeCommand(warning.command, { ...(warning.arguments[0] as object), key: 'integration-status-new' }), true);
		await statusWhere((s) => s.visible && /^DAU [\d,.\s\u202f]+ [▲▼=]/.test(s.text), 'the figure after the key was set');
	});
});
