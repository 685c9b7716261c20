// Proves the end-to-end rails on code-server: the palette, quick inputs, a webview two frames deep, theme switching
// and screenshots, with the packaged extension installed. Feature tests reuse the same helpers.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { useE2eSession } from '../host/e2eSession';
import { alwaysListedCommandTitles } from '../host/manifest';
import {
	answerQuickInput,
	closeQuickInput,
	openFile,
	pickQuickItem,
	runCommand,
	screenshot,
	searchCommands,
	setColorTheme,
	themeKind,
	waitForStatusBarText,
	waitForWebviewFocus,
	webviewFrame,
} from '../host/workbench';

describe('workbench rails (code-server)', () => {
	const current = useE2eSession({
				workspaceFiles: { 'README.md': '# Rails check\n\nRendered by the markdown preview.\n', 'notes.txt': 'one\ntwo\nthree\nfour\n' },
			});

	test('the palette opens and lists Developer: Reload Window', async () => {
		const { page } = current();
		const labels = await searchCommands(page, 'Developer: Reload', 'Developer: Reload Window');
		assert.ok(labels.includes('Developer: Reload Window'), labels.join(' | '));
		await screenshot(page, 'e2e-palette');
		await closeQuickInput(page);
	});

	test('the packaged extension is installed: the palette lists every command its manifest always shows', async () => {
		const { page } = current();
		const titles = alwaysListedCommandTitles();
		assert.ok(titles.length > 0, 'the manifest contributes no palette command');
		for (const title of titles) {
			const labels = await searchCommands(page, title, title);
			assert.ok(labels.includes(title), `${title} not in: ${labels.join(' | ')}`);
			await closeQuickInput(page);
		}
	});

	test('answerQuickInput and pickQuickItem drive real prompts', async () => {
		const { page, host } = current();
		await openFile(page, path.join(host.workspaceDir, 'notes.txt'));
		await runCommand(page, 'Go to Line/Column...');
		await answerQuickInput(page, ':3');
		assert.match(await waitForStatusBarText(page, 'status.editor.selection', /Ln 3, Col 1/), /Ln 3, Col 1/);
		await runCommand(page, 'Change Language Mode');
		await pickQuickItem(page, 'JSON', { filter: 'JSON' });
		assert.equal(await waitForStatusBarText(page, 'status.editor.mode', /^\s*JSON\s*$/), 'JSON');
	});

	test('a webview is readable two frames deep and follows the color theme', async () => {
		const { page, host } = current();
		await openFile(page, path.join(host.workspaceDir, 'README.md'));
		await runCommand(page, 'Markdown: Open Preview');
		const preview = webviewFrame(page);
		assert.equal((await preview.locator('h1').textContent())?.trim(), 'Rails check');

		// F1 pressed while the focus is still on its way into the preview's webview would be lost.
		await waitForWebviewFocus(page);
		await setColorTheme(page, 'Light Modern');
		assert.equal(await themeKind(page), 'light');
		await preview.locator('body.vscode-light').waitFor();
		await screenshot(page, 'e2e-webview-light');

		await waitForWebviewFocus(page);
		await setColorTheme(page, 'Dark Modern');
		assert.equal(await themeKind(page), 'dark');
		await preview.locator('body.vscode-dark').waitFor();
		await screenshot(page, 'e2e-webview-dark');
	});
});
