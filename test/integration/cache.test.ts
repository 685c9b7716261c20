// The day cache in the real host: a reopened long chart sends one request, a gappy range is not refetched forever,
// Braze unreachable shows the cached days marked offline, Fetch Again ignores the cache, and Clear Cache forgets.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, extensionApi, recordedRequests, resetFaults, sandboxUrl, setFaults } from './support';

const KEY = 'integration-cache-key';
const CONNECTION = 'Cache test';

async function showDau(args: Record<string, unknown>): Promise<PanelResult> {
	const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { connection: CONNECTION, ...args });
	assert.ok(result, `Show DAU ${JSON.stringify(args)} returned no result`);
	return result;
}

async function requestsDuring(action: () => PromiseLike<unknown>): Promise<number> {
	const before = (await recordedRequests()).length;
	await action();
	return (await recordedRequests()).length - before;
}

suite('day cache', () => {
	suiteSetup(async () => {
		await extensionApi();
		await resetFaults();
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: CONNECTION, endpoint: sandboxUrl(), key: KEY }));
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { all: true }), true);
	});

	teardown(async () => {
		await resetFaults();
		await closeAllEditors();
	});

	suiteTeardown(async () => {
		await vscode.commands.executeCommand('braze.removeConnection', { connection: CONNECTION, confirmed: true });
	});

	test('a 1,000-day chart opened a second time sends exactly 1 request, and says what came from the cache', async () => {
		assert.equal(await requestsDuring(() => showDau({ length: 1000 })), 10, 'cold: ten 100-day windows');
		await closeAllEditors();
		let again: PanelResult | undefined;
		assert.equal(await requestsDuring(async () => (again = await showDau({ length: 1000 }))), 1, 'reopened: only the recent days');
		assert.ok(again?.provenance);
		assert.ok(again.provenance.daysFromCache >= 990, JSON.stringify(again.provenance));
		assert.equal(again.provenance.requestsSent, 1);
		assert.equal(again.provenance.offline, false);
	});

	test('with Braze unreachable, the cached days are shown marked offline, and nothing pretends to be fresh', async () => {
		await showDau({ length: 20, appId: null });
		await setFaults({ dropConnection: 100 });
		const result = await showDau({ length: 20 });
		assert.equal(result.provenance?.offline, true);
		assert.ok((result.provenance?.daysFromCache ?? 0) > 0);
	});

	test('Fetch Again (Ignore Cache) asks Braze for every day of the active chart', async () => {
		await showDau({ length: 300 });
		assert.equal(await requestsDuring(() => vscode.commands.executeCommand('braze.refetch')), 3);
	});

	test('Clear Cache for one connection forgets its days: the next query is cold again', async () => {
		await showDau({ length: 150 });
		await closeAllEditors();
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { connection: CONNECTION }), true);
		assert.equal(await requestsDuring(() => showDau({ length: 150 })), 2);
	});

	test('a new key for the connection drops what the old key fetched', async () => {
		await showDau({ length: 120 });
		await closeAllEditors();
		assert.equal(await vscode.commands.executeCommand('braze.setApiKey', { connection: CONNECTION, key: `${KEY}-2` }), true);
		assert.equal(await requestsDuring(() => showDau({ length: 120 })), 2);
	});
});
