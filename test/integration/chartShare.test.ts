// The chart panel's menus and share commands in the real host: braze.chartOpen follows the panels, Save Chart as
// PNG / SVG write what the real webview drew, Copy Chart Image always answers, a saved query's panel keeps its name,
// and the change card's previous period beyond one request comes from a second request, the cache, or says why not.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxSeries } from '../../sandbox/data';
import { addDays } from '../../src/shared/dates';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl, setFaults } from './support';

const CONNECTION = 'Share test';
const END = '2026-03-15';

function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the harness opens a workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

async function showDau(args: Record<string, unknown>): Promise<PanelResult> {
	const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { connection: CONNECTION, end: END, ...args });
	assert.ok(result, `Show DAU ${JSON.stringify(args)} returned no result`);
	return result;
}

/** The KPI requests the sandbox received while `action` ran. */
async function kpiRequestsDuring(action: () => PromiseLike<unknown>): Promise<{ length: string; ending_at: string }[]> {
	const before = (await recordedRequests()).length;
	await action();
	return (await recordedRequests()).slice(before).filter((r) => r.path.startsWith('/kpi/')).map((r) => ({ length: r.query.length ?? '', ending_at: r.query.ending_at ?? '' }));
}

/** The full result of the only open panel, the previous period included. */
async function onlyPanel(): Promise<{ title: string; name: string | undefined; result: PanelResult | null }> {
	const states = (await extensionApi()).panelStates();
	assert.equal(states.length, 1, JSON.stringify(states.map((s) => s.title)));
	const [state] = states;
	assert.ok(state);
	return state;
}

suite('chart menus and sharing', () => {
	suiteSetup(async () => {
		await extensionApi();
		await resetFaults();
		await closeAllEditors();
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: CONNECTION, endpoint: sandboxUrl(), key: 'integration-share-key' }));
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { connection: CONNECTION }), true);
	});

	teardown(async () => {
		await resetFaults();
		await closeAllEditors();
	});

	suiteTeardown(async () => {
		await vscode.commands.executeCommand('braze.removeConnection', { connection: CONNECTION, confirmed: true });
	});

	test('braze.chartOpen is true while a chart panel is open, and false once the last one closes', async () => {
		const api = await extensionApi();
		await eventually(() => (api.chartOpen() ? undefined : true), 'no chart open');
		assert.equal(await vscode.commands.executeCommand('braze.savePng', { uri: workspaceFile('none.png') }), undefined, 'no chart: nothing to save');
		await showDau({ length: 7 });
		assert.equal(api.chartOpen(), true);
		await showDau({ length: 8 });
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		await eventually(() => (api.panelStates().length === 1 ? true : undefined), 'one panel left');
		assert.equal(api.chartOpen(), true, 'one chart is still open');
		await closeAllEditors();
		await eventually(() => (api.chartOpen() ? undefined : true), 'braze.chartOpen false after the last panel closed');
	});

	// One panel for the three: each waits for its webview to load and draw, which a loaded machine can make slow.
	test('Save Chart as PNG and as SVG write what the panel\'s webview drew; Copy Chart Image always answers', async function (this: Mocha.Context) {
		this.timeout(180_000);
		await showDau({ length: 14 });
		const png = workspaceFile('chart.png');
		assert.equal((await vscode.commands.executeCommand<vscode.Uri>('braze.savePng', { uri: png }))?.toString(), png.toString());
		const bytes = Buffer.from(await vscode.workspace.fs.readFile(png));
		assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
		assert.ok(bytes.readUInt32BE(16) > 100 && bytes.readUInt32BE(20) > 100, `a chart-sized image: ${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}`);

		const svg = workspaceFile('chart.svg');
		assert.equal((await vscode.commands.executeCommand<vscode.Uri>('braze.saveSvg', { uri: svg }))?.toString(), svg.toString());
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(svg));
		assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
		assert.match(text, /<path d="M[^"]+" fill="none" stroke="[^"]+"/, 'the line is a stroked path');
		assert.ok((text.match(/<text /g) ?? []).length >= 5, 'the axes are labelled');

		// True on the clipboard; false when the webview may not write it (a warning then offers Save as PNG). Never no answer.
		const copied = await vscode.commands.executeCommand<boolean | undefined>('braze.copyImage');
		assert.equal(typeof copied, 'boolean', `Copy Chart Image answered ${String(copied)}`);
	});

	test('a saved query\'s panel is titled with its name and hands the name to the webview\'s state', async () => {
		await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'Share name check', metric: 'dau', length: 6, end: END, connection: CONNECTION } });
		try {
			assert.ok(await vscode.commands.executeCommand<PanelResult | undefined>('braze.savedQueries.run', { scope: 'user', name: 'Share name check' }));
			const panel = await onlyPanel();
			assert.equal(panel.name, 'Share name check');
			assert.equal(panel.title, `Share name check · ${CONNECTION}`);
		} finally {
			await vscode.commands.executeCommand('braze.savedQueries.delete', { scope: 'user', name: 'Share name check', confirmed: true });
		}
	});

	test('51–100 days: the previous period comes from one more request, then from the cache; the panel holds both periods', async () => {
		const end = '2024-06-30'; // No day of it or of its previous period is cached by the tests above.
		const requests = await kpiRequestsDuring(() => showDau({ length: 60, end }));
		const previousEnd = addDays(end, -60);
		assert.deepEqual(requests.sort((a, b) => a.ending_at.localeCompare(b.ending_at)), [
			{ length: '60', ending_at: `${previousEnd}T23:59:59Z` },
			{ length: '60', ending_at: `${end}T23:59:59Z` },
		]);
		const { result } = await onlyPanel();
		assert.ok(result);
		assert.equal(result.series.points.length, 120);
		assert.equal(result.previousMissing, undefined);
		const expected = sandboxSeries('dau', null, end, 120);
		assert.deepEqual(result.series.points.filter((p) => p.value !== null).map((p) => ({ time: p.date, value: p.value })), expected);

		await closeAllEditors();
		assert.deepEqual(await kpiRequestsDuring(() => showDau({ length: 60, end })), [], 'a past range and its previous period, both cached');
		assert.equal((await onlyPanel()).result?.series.points.length, 120);
	});

	test('a previous period that would take several requests is not fetched, and the result says how many it needs', async () => {
		const requests = await kpiRequestsDuring(() => showDau({ length: 400, end: '2025-12-31' }));
		assert.equal(requests.length, 4, 'the range\'s own four windows only');
		const { result } = await onlyPanel();
		assert.deepEqual(result?.previousMissing, { reason: 'requests', requests: 4 });
		assert.equal(result.series.points.length, 400);
	});

	test('a failed second request leaves the range\'s chart and says the previous period could not be fetched', async () => {
		const end = '2023-06-30';
		await setFaults({ windowServerErrors: { endingOn: addDays(end, -70), count: 20 } });
		const result = await showDau({ length: 70, end });
		assert.equal(result.series.points.length, 70, 'the range is shown');
		const panel = await onlyPanel();
		assert.deepEqual(panel.result?.previousMissing, { reason: 'failed', requests: 1 });
		assert.equal(panel.result.series.points.length, 70);
		assert.deepEqual((await extensionApi()).presentedErrors.filter((e) => e.message.includes('70')), [], 'no error message for the previous period');
	});
});
