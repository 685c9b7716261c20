// Saved queries through their commands, read back from the real settings; broken entries stay untouched.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, extensionApi, resetFaults, sandboxUrl, setSetting } from './support';

type Entry = Record<string, unknown>;

function userEntries(): Entry[] {
	return (vscode.workspace.getConfiguration('braze').inspect<Entry[]>('savedQueries')?.globalValue ?? []).map((e) => ({ ...e }));
}

function workspaceEntries(): unknown[] {
	return vscode.workspace.getConfiguration('braze').inspect<unknown[]>('savedQueries')?.workspaceValue ?? [];
}

const BROKEN = { name: 'Hand edited', metric: 'wau', length: 'thirty', end: 'tomorrow' };

suite('saved queries', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'integration-key-saved' });
		await resetFaults();
	});

	setup(async () => {
		await setSetting('savedQueries', [BROKEN]);
	});

	teardown(async () => {
		await setSetting('savedQueries', undefined);
		await vscode.workspace.getConfiguration('braze').update('savedQueries', undefined, vscode.ConfigurationTarget.Workspace);
		await closeAllEditors();
	});

	test('add, edit, rename, duplicate and delete through commands, read back from settings; the broken entry is never touched', async () => {
		const name = await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'Weekly DAU', metric: 'dau', length: 7, end: 'yesterday' } });
		assert.equal(name, 'Weekly DAU');
		assert.deepEqual(userEntries(), [BROKEN, { name: 'Weekly DAU', metric: 'dau', length: 7, end: 'yesterday' }]);

		assert.equal(await vscode.commands.executeCommand('braze.savedQueries.edit', { scope: 'user', name: 'Weekly DAU', entry: { metric: 'mau', length: 14, end: '2026-01-31', appId: 'app-1' } }), true);
		assert.deepEqual(userEntries()[1], { name: 'Weekly DAU', metric: 'mau', length: 14, end: '2026-01-31', appId: 'app-1' });

		assert.equal(await vscode.commands.executeCommand('braze.savedQueries.rename', { scope: 'user', name: 'Weekly DAU', newName: 'Two weeks MAU' }), 'Two weeks MAU');
		assert.equal(await vscode.commands.executeCommand('braze.savedQueries.duplicate', { scope: 'user', name: 'Two weeks MAU' }), 'Two weeks MAU (copy)');
		assert.deepEqual(userEntries().map((e) => e.name), ['Hand edited', 'Two weeks MAU', 'Two weeks MAU (copy)']);

		assert.equal(await vscode.commands.executeCommand('braze.savedQueries.delete', { scope: 'user', name: 'Two weeks MAU', confirmed: true }), true);
		assert.deepEqual(userEntries(), [BROKEN, { name: 'Two weeks MAU (copy)', metric: 'mau', length: 14, end: '2026-01-31', appId: 'app-1' }]);
	});

	test('editing a query named by its suggestion renames it to the new suggestion; a name the user typed stays', async () => {
		await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'MAU, last 90 days to yesterday', metric: 'mau', length: 90, end: 'yesterday' } });
		await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'Arcade launch', metric: 'dau', length: 21, end: '2026-09-30' } });

		assert.equal(await vscode.commands.executeCommand('braze.savedQueries.edit', { scope: 'user', name: 'MAU, last 90 days to yesterday', entry: { metric: 'mau', length: 30, end: 'today' } }), true);
		assert.equal(await vscode.commands.executeCommand('braze.savedQueries.edit', { scope: 'user', name: 'Arcade launch', entry: { metric: 'new_users', length: 7, end: 'yesterday' } }), true);
		assert.deepEqual(userEntries(), [
			BROKEN,
			{ name: 'MAU, last 30 days to today', metric: 'mau', length: 30, end: 'today' },
			{ name: 'Arcade launch', metric: 'new_users', length: 7, end: 'yesterday' },
		]);
	});

	test('names are unique per scope: a second query with the same name is refused and nothing is written', async () => {
		await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'Same', metric: 'dau', length: 3, end: 'today' } });
		const again = await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'same', metric: 'mau', length: 5, end: 'today' } });
		assert.equal(again, undefined);
		assert.deepEqual(userEntries().map((e) => e.name), ['Hand edited', 'Same']);
	});

	test('a workspace query is written to the workspace settings only', async () => {
		await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'workspace', entry: { name: 'Team DAU', metric: 'dau', length: 30, end: 'yesterday' } });
		assert.deepEqual(workspaceEntries(), [{ name: 'Team DAU', metric: 'dau', length: 30, end: 'yesterday' }]);
		assert.deepEqual(userEntries(), [BROKEN]);
	});

	test('running a saved query with a relative end fetches the latest days and opens its panel', async () => {
		await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'Recent', metric: 'new_users', length: 5, end: 'yesterday' } });
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.savedQueries.run', { scope: 'user', name: 'Recent' });
		assert.ok(result);
		assert.equal(result.query.metric, 'new_users');
		assert.equal(result.series.points.length, 5);
		const api = await extensionApi();
		assert.ok(api.openResults().some((r) => r?.fetchedAt === result.fetchedAt));
	});
});
