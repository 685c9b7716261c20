// Export writes the exact expected JSON and CSV into the workspace, and re-opening the JSON charts the same series.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxSeries } from '../../sandbox/data';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, extensionApi, resetFaults, sandboxUrl, setSetting } from './support';

function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the harness opens a workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

async function readText(uri: vscode.Uri): Promise<string> {
	return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('export', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'integration-key-export' });
		await resetFaults();
	});

	teardown(closeAllEditors);

	test('Export to JSON writes Braze\'s shape plus the query block, without the key, and re-opens exactly', async () => {
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 10, end: '2026-03-15', appId: '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17' });
		assert.ok(result);
		const uri = workspaceFile('dau-export.json');
		assert.equal((await vscode.commands.executeCommand<vscode.Uri>('braze.exportJson', { uri }))?.toString(), uri.toString());
		const text = await readText(uri);
		assert.ok(text.endsWith('}\n'), 'a final newline');
		assert.ok(!text.includes('integration-key-export'), 'never the key');
		const document = JSON.parse(text) as { message: string; data: { time: string; dau: number }[]; query: Record<string, unknown> };
		assert.equal(document.message, 'success');
		assert.deepEqual(document.data, sandboxSeries('dau', '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17', '2026-03-15', 10).map((r) => ({ time: r.time, dau: r.value })));
		assert.equal(text, `${JSON.stringify(document, null, 2)}\n`, '2-space indentation');
		assert.equal(document.query.metric, 'dau');
		assert.equal(document.query.length, 10);
		assert.equal(document.query.app_id ?? document.query.appId, '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17');
		assert.equal(typeof document.query.schemaVersion, 'number');

		assert.equal(document.query.connection, result.query.connection, 'the file names the connection');
		assert.deepEqual(document.query.instance, result.instance);

		const reopened = await vscode.commands.executeCommand<PanelResult | undefined>('braze.openExported', { uri });
		assert.ok(reopened);
		assert.deepEqual(reopened.series, result.series);
		// The file's connection is a label only, and its panel is its own: the live chart of the same query stays.
		assert.equal(reopened.query.connection, undefined);
		assert.deepEqual(reopened.source, { file: 'dau-export.json', connection: result.query.connection });
		assert.equal((await extensionApi()).openResults().filter((r) => r !== null && r.series.lastDate === result.series.lastDate).length, 2);
		const again = workspaceFile('dau-export-again.json');
		await vscode.commands.executeCommand('braze.exportJson', { uri: again });
		assert.equal(await readText(again), text, 'export → open → export gives the same bytes');
	});

	test('Export to CSV writes date,<metric> rows with gaps as empty cells', async () => {
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'mau', length: 3, end: '2026-02-02' });
		assert.ok(result);
		const uri = workspaceFile('mau.csv');
		await vscode.commands.executeCommand('braze.exportCsv', { uri });
		const expected = sandboxSeries('mau', null, '2026-02-02', 3).map((r) => `${r.time},${r.value}`);
		assert.equal(await readText(uri), ['date,mau', ...expected, ''].join('\n'));
	});

	test('a file that is not an export is refused with a clear message and nothing is charted', async () => {
		const uri = workspaceFile('not-an-export.json');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{"hello": "world"}\n'));
		const api = await extensionApi();
		const before = api.openResults().length;
		assert.equal(await vscode.commands.executeCommand('braze.openExported', { uri }), undefined);
		assert.equal(api.openResults().length, before);
	});
});
