// Activation, the manifest's commands, API keys bound to their endpoint, and Show DAU with arguments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxSeries } from '../../sandbox/data';
import { keyFingerprint } from '../../sandbox/server';
import type { PanelResult } from '../../src/shared/protocol';
import { addDays, brazeToday } from '../../src/shared/dates';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl, setFaults, setSetting } from './support';
import { extensionId } from '../host/paths';

const KEY = 'integration-key-1';

suite('commands and keys', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await resetFaults();
	});

	teardown(async () => {
		await closeAllEditors();
		await resetFaults();
	});

	test('every command the manifest contributes is registered', async () => {
		const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { commands: { command: string }[] } };
		const registered = new Set(await vscode.commands.getCommands(true));
		const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
		assert.deepEqual(missing, []);
	});

	test('Set API Key and Clear API Key store and remove the key of the active connection; a quoted key is refused', async () => {
		const active = (await extensionApi()).activeConnection();
		assert.ok(active, 'braze.restEndpoint, set at start, became the active connection');
		assert.equal(await vscode.commands.executeCommand('braze.setApiKey', { key: KEY }), true);
		assert.equal(await vscode.commands.executeCommand('braze.clearApiKey', { connection: active.name }), true);
		assert.equal(await vscode.commands.executeCommand('braze.setApiKey', { key: `"${KEY}"` }), false, 'a quoted key is refused');
		assert.equal(await vscode.commands.executeCommand('braze.setApiKey', { key: KEY }), true);
	});

	test('Show DAU with arguments opens a panel with exactly the data the sandbox serves, sending the key only as a Bearer header', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: KEY });
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 14, end: 'yesterday' });
		assert.ok(result, 'Show DAU returned no result');
		const endDate = addDays(brazeToday(new Date()), -1);
		const expected = sandboxSeries('dau', null, endDate, 14);
		assert.equal(result.series.lastDate, endDate);
		assert.deepEqual(result.series.points.filter((p) => p.value !== null).map((p) => [p.date, p.value]), expected.map((r) => [r.time, r.value]));
		const requests = (await recordedRequests()).slice(before);
		assert.equal(requests.length, 1);
		assert.equal(requests[0]?.path, '/kpi/dau/data_series');
		assert.equal(requests[0]?.query.length, '28', 'twice the range in one request, for the change against the previous period');
		assert.equal(requests[0]?.keyFingerprint, keyFingerprint(KEY));
		assert.ok(!JSON.stringify(requests[0]?.query).includes(KEY), 'the key is never in the URL');
		const api = await extensionApi();
		await eventually(() => (api.openResults().some((r) => r?.fetchedAt === result.fetchedAt) ? true : undefined), 'the chart panel to hold the result');
	});

	test('running the same query again reuses its panel; another query opens another', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: KEY });
		const api = await extensionApi();
		await vscode.commands.executeCommand('braze.showDau', { length: 7 });
		await vscode.commands.executeCommand('braze.showDau', { length: 7 });
		assert.equal(api.openResults().length, 1);
		await vscode.commands.executeCommand('braze.showKpi', { metric: 'mau', length: 7 });
		assert.equal(api.openResults().length, 2);
	});

	test('a bad argument is reported and nothing is sent', async () => {
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand('braze.showDau', { length: 0 });
		assert.equal(result, undefined);
		assert.equal((await recordedRequests()).length, before);
	});

	test('changing a connection\'s endpoint never sends its key to the new host: the key prompt appears instead', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: KEY });
		const other = sandboxUrl().replace('127.0.0.1', 'localhost');
		assert.notEqual(other, sandboxUrl());
		const active = (await extensionApi()).activeConnection();
		assert.ok(active);
		const before = (await recordedRequests()).length;
		try {
			assert.equal(await vscode.commands.executeCommand('braze.editConnection', { connection: active.name, endpoint: other }), true);
			const running = vscode.commands.executeCommand('braze.showDau', { length: 3 });
			// The key prompt is open: nothing has been sent. Dismiss it, as a user who has no key for that host would.
			await new Promise((resolve) => setTimeout(resolve, 500));
			assert.equal((await recordedRequests()).length, before, 'a request reached the other origin without its own key');
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			assert.equal(await running, undefined);
			assert.equal((await recordedRequests()).length, before);
		} finally {
			await vscode.commands.executeCommand('braze.editConnection', { connection: active.name, endpoint: sandboxUrl() });
		}
		// Back on its own origin, the connection's key is used again without a prompt.
		assert.ok(await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 3 }));
	});

	test('a query naming an endpoint (from before connections) runs on a connection to that endpoint, with only its key', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: KEY });
		const other = sandboxUrl().replace('127.0.0.1', 'localhost');
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'other-origin-key', endpoint: other });
		try {
			const before = (await recordedRequests()).length;
			const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 2, endpoint: other });
			assert.ok(result);
			assert.equal(result.instance.host, new URL(other).host);
			const sent = (await recordedRequests()).slice(before);
			assert.deepEqual(sent.map((r) => r.keyFingerprint), [keyFingerprint('other-origin-key')]);
		} finally {
			await vscode.commands.executeCommand('braze.removeConnection', { connection: new URL(other).host, confirmed: true });
		}
	});

	test('closing a panel while it fetches cancels the fetch quietly: no error, no result', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: KEY });
		const api = await extensionApi();
		const errorsBefore = api.presentedErrors.length;
		const before = (await recordedRequests()).length;
		await setFaults({ latencyMs: 5000 });
		const running = vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 4 });
		await eventually(async () => ((await recordedRequests()).length > before ? true : undefined), 'the request to reach the sandbox');
		const started = Date.now();
		await closeAllEditors();
		assert.equal(await running, undefined);
		assert.ok(Date.now() - started < 4000, 'the fetch stopped when the panel closed, not when the answer came');
		assert.equal(api.presentedErrors.length, errorsBefore, 'a cancelled fetch is not an error');
		assert.equal(api.openResults().length, 0);
	});
});
