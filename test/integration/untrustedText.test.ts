// Issue 12, A1, end to end: an app id full of link syntax comes back in Braze's 400 and reaches the notification
// without becoming a link or a command; the raw text goes to the log only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, resetFaults, sandboxUrl, setSetting } from './support';

/** VS Code's own pattern for links in notification text (vs/base/common/linkedText.ts, 1.100). */
const LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

suite('untrusted text in notifications', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'integration-key-untrusted' });
		await resetFaults();
	});

	teardown(closeAllEditors);

	test('an app id with link syntax is shown neutralized in the 400 message', async () => {
		const hostile = '[Fix](command:workbench.action.openSettings)';
		assert.equal(hostile.match(LINKED_TEXT)?.length, 1, 'as it is, VS Code would render it as a link');
		const api = await extensionApi();
		const before = api.presentedErrors.length;
		assert.equal(await vscode.commands.executeCommand('braze.showDau', { length: 5, appId: hostile }), undefined);
		const shown = api.presentedErrors.slice(before);
		assert.equal(shown.length, 1, JSON.stringify(shown));
		assert.match(shown[0].message, /\(400\)/);
		assert.deepEqual(shown[0].message.match(LINKED_TEXT), null, shown[0].message);
		assert.ok(!shown[0].message.includes('command:'), shown[0].message);
	});
});
