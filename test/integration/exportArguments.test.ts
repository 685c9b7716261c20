// Issue 12, A6 and A7: Open Exported Series reads regular files only (a pipe or a link to /dev/zero never ends), and
// a relative path in a command's `{uri}` is resolved against the workspace folder instead of failing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, extensionApi, resetFaults, sandboxUrl, setSetting } from './support';

function workspaceFolder(): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the harness opens a workspace folder');
	return folder.uri;
}

suite('export arguments and special files', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'integration-key-export-args' });
		await resetFaults();
	});

	teardown(closeAllEditors);

	test('a relative {uri} is written below the workspace folder, and opens again from the same relative path', async () => {
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 5, end: '2026-03-01' });
		assert.ok(result);
		const expected = vscode.Uri.joinPath(workspaceFolder(), 'exports', 'relative-dau.json');
		await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceFolder(), 'exports'));
		const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('braze.exportJson', { uri: 'exports/relative-dau.json' });
		assert.equal(written?.toString(), expected.toString());
		assert.ok((await vscode.workspace.fs.stat(expected)).size > 0);
		const reopened = await vscode.commands.executeCommand<PanelResult | undefined>('braze.openExported', { uri: 'exports/relative-dau.json' });
		assert.deepEqual(reopened?.series, result.series);
	});

	test('a {uri} that is neither a path nor a URI is refused with a message, not a failed command', async () => {
		assert.equal(await vscode.commands.executeCommand('braze.openExported', { uri: 'foo:////no-authority' }), undefined);
	});

	test('a named pipe is refused without being read', async () => {
		const fifo = vscode.Uri.joinPath(workspaceFolder(), 'pipe.json');
		fs.rmSync(fifo.fsPath, { force: true });
		execFileSync('mkfifo', [fifo.fsPath]);
		try {
			const api = await extensionApi();
			const before = api.openResults().length;
			assert.equal(await vscode.commands.executeCommand('braze.openExported', { uri: fifo }), undefined);
			assert.equal(api.openResults().length, before);
		} finally {
			fs.rmSync(fifo.fsPath, { force: true });
		}
	});

	test('a symbolic link to /dev/zero is refused without being read', async () => {
		const link = vscode.Uri.joinPath(workspaceFolder(), 'zero.json');
		fs.rmSync(link.fsPath, { force: true });
		fs.symlinkSync('/dev/zero', link.fsPath);
		try {
			assert.equal(await vscode.commands.executeCommand('braze.openExported', { uri: link }), undefined);
		} finally {
			fs.rmSync(link.fsPath, { force: true });
		}
	});
});
