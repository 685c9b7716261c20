// Stickiness in the real host against the sandbox: each day is the sandbox's own DAU ÷ MAU, the requests are the DAU
// windows plus the MAU windows, a saved stickiness query runs from the Saved Queries view's command, and the
// exports hold both series and the ratio, a previous-period overlay's included.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxValue } from '../../sandbox/data';
import { parsePanelResult } from '../../src/shared/protocol';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, extensionApi, recordedRequests, resetFaults, sandboxUrl, setSetting } from './support';

const END = '2026-02-28';
const APP = '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17';
const ANDROID = 'a83e0d56-1f4b-4c9e-b2a7-6e9d3c1f8b04';

function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the harness opens a workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

/** Every day of the result is the sandbox's DAU ÷ MAU for that day, and its sources are the sandbox's own values. */
function assertSandboxStickiness(result: Pick<PanelResult, 'series' | 'sources'>, appId: string | null): void {
	assert.equal(result.series.metric, 'stickiness');
	assert.ok(result.sources, 'the result carries its DAU and MAU');
	result.series.points.forEach((p, i) => {
		const dau = sandboxValue('dau', appId, p.date);
		const mau = sandboxValue('mau', appId, p.date);
		assert.equal(result.sources?.dau.points[i]?.value, dau, `DAU on ${p.date}`);
		assert.equal(result.sources?.mau.points[i]?.value, mau, `MAU on ${p.date}`);
		assert.equal(p.value, dau === null || mau === null || mau === 0 ? null : dau / mau, `stickiness on ${p.date}`);
	});
	assert.ok(result.series.points.some((p) => p.value !== null), 'the sandbox has data there');
}

/** The panel's full result as the webview gets it (through JSON), read by the webview's own check: null would leave the panel blank. */
async function panelResultAsTheWebviewReadsIt(fetchedAt: string): Promise<PanelResult | null> {
	const api = await extensionApi();
	const held = api.panelStates().find((p) => p.result?.fetchedAt === fetchedAt)?.result;
	assert.ok(held, 'a panel holds the result');
	return parsePanelResult(JSON.parse(JSON.stringify(held)));
}

suite('stickiness', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'integration-key-sticky' });
		await resetFaults();
	});

	setup(async () => {
		// Every request counted here is sent now, not served from an earlier test's cache.
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { all: true }), true);
	});

	teardown(async () => {
		await setSetting('savedQueries', undefined);
		await closeAllEditors();
	});

	test('a 150-day stickiness chart: the sandbox\'s DAU ÷ MAU each day, from 2 DAU windows + 2 MAU windows', async () => {
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'stickiness', length: 150, end: END });
		assert.ok(result, 'Show KPI Series returned no result');
		assert.equal(result.series.points.length, 150);
		assert.equal(result.series.lastDate, END);
		assertSandboxStickiness(result, null);
		const sent = (await recordedRequests()).slice(before);
		assert.deepEqual(sent.map((r) => r.path).sort(), ['/kpi/dau/data_series', '/kpi/dau/data_series', '/kpi/mau/data_series', '/kpi/mau/data_series']);
		assert.ok(sent.every((r) => r.status === 200));
		assert.equal(result.provenance?.requestsSent, 4);
		const api = await extensionApi();
		assert.ok(api.openResults().some((r) => r?.fetchedAt === result.fetchedAt && r.sources !== undefined), 'the panel holds the result with its sources');
	});

	test('a short stickiness chart asks each series for twice its days in one request, for Home\'s change', async () => {
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'stickiness', length: 14, end: END, appId: APP });
		assert.ok(result);
		assertSandboxStickiness(result, APP);
		const sent = (await recordedRequests()).slice(before);
		assert.deepEqual(sent.map((r) => [r.path, r.query.length, r.query.app_id]).sort(), [['/kpi/dau/data_series', '28', APP], ['/kpi/mau/data_series', '28', APP]]);
		assert.equal(result.series.points.length, 14, 'the result shows the query\'s days');
	});

	test('a saved stickiness query runs from the Saved Queries view\'s Run command', async () => {
		await setSetting('savedQueries', [{ name: 'Sticky', metric: 'stickiness', length: 7, end: END }]);
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.savedQueries.run', { scope: 'user', name: 'Sticky' });
		assert.ok(result);
		assert.equal(result.query.metric, 'stickiness');
		assert.equal(result.series.points.length, 7);
		assertSandboxStickiness(result, null);
	});

	test('Export to JSON holds DAU, MAU and the ratio and re-opens exactly; Export to CSV holds the ratio', async () => {
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'stickiness', length: 5, end: END });
		assert.ok(result);
		const json = workspaceFile('stickiness.json');
		await vscode.commands.executeCommand('braze.exportJson', { uri: json });
		const document = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json))) as { data: { time: string; dau: number; mau: number; stickiness: number }[]; query: { metric: string } };
		assert.equal(document.query.metric, 'stickiness');
		assert.deepEqual(document.data.map((r) => r.time), result.series.points.map((p) => p.date));
		for (const row of document.data) {
			assert.equal(row.dau, sandboxValue('dau', null, row.time));
			assert.equal(row.mau, sandboxValue('mau', null, row.time));
			assert.equal(row.stickiness, row.dau / row.mau);
		}
		const reopened = await vscode.commands.executeCommand<PanelResult | undefined>('braze.openExported', { uri: json });
		assert.ok(reopened);
		assert.deepEqual(reopened.series, result.series);
		assert.deepEqual(reopened.sources, result.sources);
		assert.equal((document as { previousPeriod?: unknown }).previousPeriod, undefined, 'no overlay block without a comparison');

		await vscode.commands.executeCommand('braze.showKpi', { metric: 'stickiness', length: 5, end: END });
		const csv = workspaceFile('stickiness.csv');
		await vscode.commands.executeCommand('braze.exportCsv', { uri: csv });
		const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(csv)).split('\n');
		assert.equal(lines[0], 'date,stickiness');
		assert.deepEqual(lines.slice(1, 6), document.data.map((r) => `${r.time},${Number((r.dau / r.mau).toFixed(6))}`));
	});

	test('two apps: each app\'s days are the sandbox\'s DAU ÷ MAU for that app, the panel can read it, and Export to JSON holds each app\'s DAU and MAU', async () => {
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'stickiness', length: 7, end: END, appId: APP, compare: { apps: [ANDROID] } });
		assert.ok(result, 'Show KPI Series returned no result');
		assertSandboxStickiness(result, APP);
		const android = result.compared?.[0];
		assert.ok(android, 'the compared app is in the result');
		assert.equal(android.appId, ANDROID);
		assertSandboxStickiness(android, ANDROID);
		assert.deepEqual(android.series.points.map((p) => p.date), result.series.points.map((p) => p.date));
		const sent = (await recordedRequests()).slice(before);
		assert.deepEqual(sent.map((r) => [r.path, r.query.app_id]).sort(), [['/kpi/dau/data_series', APP], ['/kpi/dau/data_series', ANDROID], ['/kpi/mau/data_series', APP], ['/kpi/mau/data_series', ANDROID]]);
		assert.ok(sent.every((r) => r.status === 200));
		const read = await panelResultAsTheWebviewReadsIt(result.fetchedAt);
		assert.ok(read, 'the webview reads the panel\'s result (it stayed blank when it could not)');
		assert.deepEqual(read.compared?.[0]?.sources?.dau.points.slice(-7), android.sources?.dau.points);

		const json = workspaceFile('stickiness-two-apps.json');
		await vscode.commands.executeCommand('braze.exportJson', { uri: json });
		type Row = { time: string; dau?: number; mau?: number; stickiness?: number };
		const document = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json))) as { compared?: { app_id: string; data: Row[] }[] };
		assert.equal(document.compared?.[0]?.app_id, ANDROID);
		assert.deepEqual(document.compared[0].data.map((r) => r.time), result.series.points.map((p) => p.date));
		for (const row of document.compared[0].data) {
			assert.equal(row.dau, sandboxValue('dau', ANDROID, row.time), `DAU on ${row.time}`);
			assert.equal(row.mau, sandboxValue('mau', ANDROID, row.time), `MAU on ${row.time}`);
			assert.equal(row.stickiness, (row.dau ?? NaN) / (row.mau ?? NaN));
		}
		const reopened = await vscode.commands.executeCommand<PanelResult | undefined>('braze.openExported', { uri: json });
		assert.ok(reopened);
		assert.deepEqual(reopened.compared, result.compared);
	});

	test('with the year before: the overlay\'s days are the sandbox\'s DAU ÷ MAU a year earlier, the panel can read it, and Export to JSON has the block', async () => {
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'stickiness', length: 7, end: END, appId: APP, compare: { period: 'year' } });
		assert.ok(result);
		assertSandboxStickiness(result, APP);
		assert.ok(result.yearBefore, 'the year before is in the result');
		assert.equal(result.yearBefore.lastDate, '2025-02-28');
		assertSandboxStickiness({ series: result.yearBefore, ...(result.yearBeforeSources ? { sources: result.yearBeforeSources } : {}) }, APP);
		const read = await panelResultAsTheWebviewReadsIt(result.fetchedAt);
		assert.ok(read, 'the webview reads the panel\'s result');
		assert.deepEqual(read.yearBefore, result.yearBefore, 'the overlay reaches the webview');
		const json = workspaceFile('stickiness-year.json');
		await vscode.commands.executeCommand('braze.exportJson', { uri: json });
		const document = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json))) as { yearBefore?: { firstDate: string; lastDate: string; data: { time: string; dau?: number; mau?: number }[] } };
		assert.equal(document.yearBefore?.firstDate, '2025-02-22');
		assert.equal(document.yearBefore.lastDate, '2025-02-28');
		for (const row of document.yearBefore.data) assert.equal(row.dau, sandboxValue('dau', APP, row.time), `DAU on ${row.time}`);
		const reopened = await vscode.commands.executeCommand<PanelResult | undefined>('braze.openExported', { uri: json });
		assert.deepEqual(reopened?.yearBefore, result.yearBefore);
	});

	test('compared with the previous period, Export to JSON holds the overlay\'s own DAU and MAU rows and re-opens exactly', async () => {
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'stickiness', length: 5, end: END, appId: APP, compare: { period: 'previous' } });
		assert.ok(result);
		assert.equal(result.query.compare?.period, 'previous');
		const json = workspaceFile('stickiness-previous.json');
		await vscode.commands.executeCommand('braze.exportJson', { uri: json });
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(json));
		type Row = { time: string; dau?: number; mau?: number; stickiness?: number };
		const document = JSON.parse(text) as { data: Row[]; previousPeriod?: { firstDate: string; lastDate: string; data: Row[] } };
		// The five days before 2026-02-24…28, each with the sandbox's own DAU and MAU and their ratio.
		assert.equal(document.previousPeriod?.firstDate, '2026-02-19');
		assert.equal(document.previousPeriod.lastDate, '2026-02-23');
		assert.deepEqual(document.previousPeriod.data.map((r) => r.time), ['2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
		for (const row of document.previousPeriod.data) {
			assert.equal(row.dau, sandboxValue('dau', APP, row.time), `DAU on ${row.time}`);
			assert.equal(row.mau, sandboxValue('mau', APP, row.time), `MAU on ${row.time}`);
			assert.equal(row.stickiness, (row.dau ?? NaN) / (row.mau ?? NaN));
		}
		assert.deepEqual(document.data.map((r) => r.time), result.series.points.map((p) => p.date), 'the series keeps its own days');
		const reopened = await vscode.commands.executeCommand<PanelResult | undefined>('braze.openExported', { uri: json });
		assert.ok(reopened);
		assert.deepEqual(reopened.sources?.dau.points.slice(0, 5).map((p) => p.value), document.previousPeriod.data.map((r) => r.dau), 'the previous period is back before the series');
		assert.deepEqual(reopened.series.points.slice(5), result.series.points);
		const again = workspaceFile('stickiness-previous-again.json');
		await vscode.commands.executeCommand('braze.exportJson', { uri: again });
		assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(again)), text, 'export → open → export gives the same bytes');
	});
});
