// Proves the in-host rails: the real VS Code 1.100 API is here, our extension is installed and activates, and the
// runner's settings and sandbox reach the extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxUrlVariable } from '../host/inHostReport';
import { extensionId } from '../host/paths';

suite('in-host smoke', () => {
	test('runs inside VS Code 1.100', () => {
		assert.match(vscode.version, /^1\.100\./);
	});

	test('the Braze KPI extension is present and activates', async () => {
		const extension = vscode.extensions.getExtension(extensionId);
		assert.ok(extension, `${extensionId} is not installed`);
		await extension.activate();
		assert.equal(extension.isActive, true);
	});

	test('braze.restEndpoint points at the runner\'s sandbox, which answers from the extension host', async () => {
		const sandboxUrl = process.env[sandboxUrlVariable];
		assert.ok(sandboxUrl, `${sandboxUrlVariable} is not set: the runner did not pass the sandbox to the extension host`);
		assert.equal(vscode.workspace.getConfiguration('braze').get<string>('restEndpoint'), sandboxUrl);
		const response = await fetch(`${sandboxUrl}/__sandbox/apps`);
		assert.equal(response.status, 200);
		assert.ok(Array.isArray(await response.json()));
	});

	test('exactly one throwaway workspace folder is open', () => {
		assert.equal(vscode.workspace.workspaceFolders?.length, 1);
	});
});
