// Connections in the real host: one key per Braze workspace, two workspaces on one host, switching, the origin
// binding across levels, migration from keys per origin, verification, and bad input that writes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxSeries } from '../../sandbox/data';
import { keyFingerprint } from '../../sandbox/server';
import type { PanelResult } from '../../src/shared/protocol';
import { addDays, brazeToday } from '../../src/shared/dates';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl } from './support';

const PROD_KEY = 'integration-prod-key';
const DEV_KEY = 'sandbox-dev-integration';

function connectionsSetting(target = vscode.ConfigurationTarget.Global): unknown {
	const inspected = vscode.workspace.getConfiguration().inspect<unknown>('braze.connections');
	return target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
}

async function showDau(args: Record<string, unknown>): Promise<PanelResult> {
	const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', args);
	assert.ok(result, `Show DAU ${JSON.stringify(args)} returned no result`);
	return result;
}

suite('connections', () => {
	suiteSetup(async () => {
		await extensionApi();
		await resetFaults();
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: 'Prod', endpoint: sandboxUrl(), key: PROD_KEY }));
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: 'Dev', endpoint: sandboxUrl(), key: DEV_KEY }));
	});

	suiteTeardown(async () => {
		await vscode.commands.executeCommand('braze.removeConnection', { connection: 'Prod', confirmed: true });
		await vscode.commands.executeCommand('braze.removeConnection', { connection: 'Dev', confirmed: true });
		await vscode.workspace.getConfiguration().update('braze.connections', undefined, vscode.ConfigurationTarget.Workspace);
		await closeAllEditors();
	});

	test('the settings hold names and endpoints only, never a key', () => {
		const text = JSON.stringify(connectionsSetting());
		assert.ok(text.includes('"Prod"') && text.includes('"Dev"'), text);
		assert.ok(!text.includes(PROD_KEY) && !text.includes(DEV_KEY));
	});

	test('two connections on one host: each request carries its own connection\'s key and shows its own workspace\'s data', async () => {
		const before = (await recordedRequests()).length;
		const prod = await showDau({ length: 7, connection: 'Prod' });
		const dev = await showDau({ length: 7, connection: 'Dev' });
		const sent = (await recordedRequests()).slice(before);
		assert.deepEqual(sent.map((r) => r.keyFingerprint), [keyFingerprint(PROD_KEY), keyFingerprint(DEV_KEY)]);
		const endDate = addDays(brazeToday(new Date()), -1);
		const expected = sandboxSeries('dau', null, endDate, 7).map((r) => r.value);
		const values = (r: PanelResult) => r.series.points.filter((p) => p.value !== null).map((p) => p.value);
		assert.deepEqual(values(prod), expected);
		assert.deepEqual(values(dev), expected.map((v) => Math.round(v / 10)), 'the dev workspace is a tenth of prod');
		assert.equal(prod.query.connection, 'Prod');
		assert.equal(dev.query.connection, 'Dev');
		const api = await extensionApi();
		await eventually(() => (api.openResults().filter((r) => r !== null).length >= 2 ? true : undefined), 'two panels, one per connection');
	});

	test('switching the active connection: queries without a connection run on it, and the status bar names it', async () => {
		const api = await extensionApi();
		await vscode.commands.executeCommand('braze.selectConnection', { connection: 'Dev' });
		assert.equal(api.activeConnection()?.name, 'Dev');
		await eventually(() => (api.connectionStatus().text.endsWith('Dev') ? true : undefined), 'the status bar to name Dev');
		const before = (await recordedRequests()).length;
		const result = await showDau({ length: 3 });
		assert.equal(result.query.connection, 'Dev');
		assert.deepEqual((await recordedRequests()).slice(before).map((r) => r.keyFingerprint), [keyFingerprint(DEV_KEY)]);
		await vscode.commands.executeCommand('braze.selectConnection', { connection: 'Prod' });
		await eventually(() => (api.connectionStatus().text.endsWith('Prod') ? true : undefined), 'the status bar to name Prod');
		assert.match(api.connectionStatus().tooltip, /API key: set/);
	});

	test('a workspace-level connection pointed at another origin never receives a user-level key', async () => {
		const other = sandboxUrl().replace('127.0.0.1', 'localhost');
		await vscode.workspace.getConfiguration().update('braze.connections', [{ name: 'Prod', endpoint: other }], vscode.ConfigurationTarget.Workspace);
		await vscode.workspace.getConfiguration().update('braze.savedQueries', [{ name: 'Team DAU', metric: 'dau', length: 3, end: 'yesterday', connection: 'Prod' }], vscode.ConfigurationTarget.Workspace);
		const before = (await recordedRequests()).length;
		try {
			const running = vscode.commands.executeCommand('braze.savedQueries.run', { scope: 'workspace', name: 'Team DAU' });
			// The key prompt of the workspace's "Prod" is open: nothing has been sent anywhere. Dismiss it.
			await new Promise((resolve) => setTimeout(resolve, 700));
			assert.equal((await recordedRequests()).length, before, 'a request went out without that connection\'s own key');
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			assert.equal(await running, undefined);
			assert.equal((await recordedRequests()).length, before);
		} finally {
			await vscode.workspace.getConfiguration().update('braze.savedQueries', undefined, vscode.ConfigurationTarget.Workspace);
			await vscode.workspace.getConfiguration().update('braze.connections', undefined, vscode.ConfigurationTarget.Workspace);
		}
	});

	test('migration: a key stored per origin by an earlier version becomes a connection that keeps it, with nothing typed again', async () => {
		const api = await extensionApi();
		const origin = new URL(sandboxUrl().replace('127.0.0.1', 'localhost')).origin;
		const added = await api.migrateLegacyKey(origin, 'legacy-origin-key');
		assert.deepEqual(added.map((c) => c.name), [new URL(origin).host]);
		try {
			const before = (await recordedRequests()).length;
			await showDau({ length: 2, connection: new URL(origin).host });
			assert.deepEqual((await recordedRequests()).slice(before).map((r) => r.keyFingerprint), [keyFingerprint('legacy-origin-key')]);
			assert.deepEqual(await api.migrateLegacyKey(origin, 'legacy-origin-key').then(() => []), [], 'running it again adds nothing new');
		} finally {
			await vscode.commands.executeCommand('braze.removeConnection', { connection: new URL(origin).host, confirmed: true });
		}
	});

	test('the deprecated braze.restEndpoint set at start became a connection, without rewriting the setting', () => {
		const host = new URL(sandboxUrl()).host;
		const user = vscode.workspace.getConfiguration().inspect<unknown>('braze.connections')?.globalValue;
		assert.ok(JSON.stringify(user).includes(host), JSON.stringify(user));
		assert.equal(vscode.workspace.getConfiguration('braze').get('restEndpoint'), sandboxUrl());
	});

	test('Verify shows the permission grid of a partial key, the quota left and the latest complete DAU', async () => {
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: 'Partial', endpoint: sandboxUrl(), key: 'sandbox-only-dau+mau' }));
		try {
			const before = (await recordedRequests()).length;
			const result = await vscode.commands.executeCommand<{ verdict: string; metrics: Record<string, { kind: string; permission?: string }>; latestCompleteDau: number | null; rateLimitRemaining: number | null }>('braze.verifyConnection', { connection: 'Partial' });
			assert.ok(result);
			assert.equal(result.verdict, 'partial');
			assert.deepEqual(Object.fromEntries(Object.entries(result.metrics).map(([m, a]) => [m, a.kind])), { dau: 'allowed', mau: 'allowed', new_users: 'denied', uninstalls: 'denied' });
			assert.equal(result.metrics.new_users.permission, 'kpi.new_users.data_series');
			const yesterday = addDays(brazeToday(new Date()), -1);
			assert.equal(result.latestCompleteDau, sandboxSeries('dau', null, yesterday, 1)[0]?.value);
			assert.equal(typeof result.rateLimitRemaining, 'number');
			assert.equal((await recordedRequests()).length - before, 4, 'four probes, one per series');
		} finally {
			await vscode.commands.executeCommand('braze.removeConnection', { connection: 'Partial', confirmed: true });
		}
	});

	test('bad input gets a clear refusal and writes nothing: a duplicate or empty name, an unusable endpoint, a quoted key', async () => {
		const before = JSON.stringify(connectionsSetting());
		assert.equal(await vscode.commands.executeCommand('braze.addConnection', { name: 'prod', endpoint: sandboxUrl() }), undefined);
		assert.equal(await vscode.commands.executeCommand('braze.addConnection', { name: '  ', endpoint: sandboxUrl() }), undefined);
		assert.equal(await vscode.commands.executeCommand('braze.addConnection', { name: 'Evil', endpoint: 'http://example.com' }), undefined);
		assert.equal(JSON.stringify(connectionsSetting()), before);
		assert.equal(await vscode.commands.executeCommand('braze.setApiKey', { connection: 'Prod', key: '"quoted"' }), false);
		assert.equal(await vscode.commands.executeCommand('braze.setApiKey', { connection: 'Prod', key: 'has space' }), false);
		const sent = (await recordedRequests()).length;
		await showDau({ length: 1, connection: 'Prod' });
		assert.equal((await recordedRequests()).at(-1)?.keyFingerprint, keyFingerprint(PROD_KEY), 'the refused keys did not replace the stored one');
		assert.equal((await recordedRequests()).length, sent + 1);
	});

	test('Clear API Key for every connection removes each connection\'s key, and nothing else', async () => {
		const api = await extensionApi();
		const before = JSON.stringify(connectionsSetting());
		assert.equal(await vscode.commands.executeCommand('braze.clearApiKey', { all: true }), true);
		for (const name of ['Prod', 'Dev']) {
			await vscode.commands.executeCommand('braze.selectConnection', { connection: name });
			await eventually(() => (api.connectionStatus().text.endsWith(name) && /API key: missing/.test(api.connectionStatus().tooltip) ? true : undefined), `${name}'s key to be gone`);
		}
		assert.equal(JSON.stringify(connectionsSetting()), before, 'the connections themselves stay');
	});
});
