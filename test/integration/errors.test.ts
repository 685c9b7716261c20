// Each class of failure becomes one message with the actions that fix it; safe failures are retried.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_KEYS } from '../../sandbox/keys';
import type { PanelResult } from '../../src/shared/protocol';
import type { ErrorAction } from '../../src/commands/errorPresenter';
import { closeAllEditors, extensionApi, recordedRequests, resetFaults, sandboxUrl, setFaults, setSetting } from './support';

const GOOD_KEY = 'integration-key-errors';

async function showDauExpectingError(): Promise<{ message: string; actions: readonly ErrorAction[] }> {
	const api = await extensionApi();
	const before = api.presentedErrors.length;
	const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 5 });
	assert.equal(result, undefined, 'expected the query to fail');
	const shown = api.presentedErrors.slice(before);
	assert.equal(shown.length, 1, `expected exactly one message, got ${JSON.stringify(shown)}`);
	return shown[0];
}

suite('errors and retries', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
	});

	setup(async () => {
		await resetFaults();
		// Each failure is tested against Braze itself: no cached day stands in for it.
		await vscode.commands.executeCommand('braze.clearCache', { all: true });
		await vscode.commands.executeCommand('braze.setApiKey', { key: GOOD_KEY });
	});

	teardown(async () => {
		await resetFaults();
		await setSetting('requestTimeoutSeconds', undefined);
		await vscode.commands.executeCommand('braze.setApiKey', { key: GOOD_KEY });
		await closeAllEditors();
	});

	test('a refused key (401) says to check the key and the instance, and offers Set API Key', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: SANDBOX_KEYS.invalid });
		const error = await showDauExpectingError();
		assert.match(error.message, /401/);
		assert.ok(!error.message.includes(SANDBOX_KEYS.invalid), 'the key never appears in a message');
		assert.deepEqual(error.actions, ['setApiKey', 'selectConnection', 'openLog']);
	});

	test('a key without the permission names kpi.dau.data_series and says a new key is needed', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: SANDBOX_KEYS.noPermission });
		const error = await showDauExpectingError();
		assert.match(error.message, /kpi\.dau\.data_series/);
		assert.match(error.message, /new REST API key|nouvelle clé/);
		assert.deepEqual(error.actions, ['setApiKey', 'selectConnection', 'openLog']);
	});

	test('403 Forbidden says to contact the Braze administrator', async () => {
		await vscode.commands.executeCommand('braze.setApiKey', { key: SANDBOX_KEYS.forbidden });
		const error = await showDauExpectingError();
		assert.match(error.message, /administrat/);
	});

	test('429 is retried after Retry-After and the query succeeds', async () => {
		await setFaults({ rateLimited: 1, retryAfterSeconds: 1 });
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 5 });
		assert.ok(result);
		assert.deepEqual((await recordedRequests()).slice(before).map((r) => r.status), [429, 200]);
	});

	test('5xx is retried, then fails with a Retry action once the attempts are spent', async () => {
		await setFaults({ serverErrors: 1, serverErrorStatus: 503 });
		assert.ok(await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 5 }), 'one 503 is retried');
		// With those days cached, a failure would show them offline: this test is about the failure itself.
		await vscode.commands.executeCommand('braze.clearCache', { all: true });
		await setFaults({ serverErrors: 50, serverErrorStatus: 502 });
		const error = await showDauExpectingError();
		assert.match(error.message, /502/);
		assert.deepEqual(error.actions, ['retry', 'openLog']);
	});

	test('a hanging answer times out with a message naming the setting', async () => {
		await setSetting('requestTimeoutSeconds', 1);
		await setFaults({ hang: 1 });
		const error = await showDauExpectingError();
		assert.match(error.message, /braze\.requestTimeoutSeconds/);
		assert.deepEqual(error.actions, ['retry', 'openSettings', 'openLog']);
	});

	test('an HTML page instead of JSON is reported as such', async () => {
		await setFaults({ htmlOk: 1 });
		const error = await showDauExpectingError();
		assert.match(error.message, /HTML/);
		assert.ok(error.actions.includes('editConnection'));
	});

	test('an unusable endpoint named by a query is reported with Edit Connection, and nothing is sent', async () => {
		const api = await extensionApi();
		const before = (await recordedRequests()).length;
		const errorsBefore = api.presentedErrors.length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 5, endpoint: 'http://rest.iad-01.braze.com' });
		assert.equal(result, undefined);
		const shown = api.presentedErrors.slice(errorsBefore);
		assert.equal(shown.length, 1, JSON.stringify(shown));
		assert.deepEqual(shown[0].actions, ['editConnection', 'openSettings']);
		assert.match(shown[0].message, /rest\.iad-01\.braze\.com/);
		assert.equal((await recordedRequests()).length, before);
	});
});
