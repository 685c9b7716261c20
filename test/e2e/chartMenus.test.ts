// The chart panel's menus as a person meets them in code-server: with no chart open the palette offers no export or
// image command; on a chart panel the editor title holds Fetch Again, Export (JSON, CSV), Save Chart as PNG and Copy
// Chart Image (each works from there: Export and Save ask where to write), and its "…" menu Save Chart as SVG; a text editor shows none of them; and a saved query's panel
// keeps its name after Developer: Reload Window. The tests run in order on one session.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { answerQuickInput, closeQuickInput, notification, openFile, searchCommands, waitForWorkbench } from '../host/workbench';
import { runCommandSettled, saveScreenshot, startWithKey, waitForActiveTab, waitForChart } from './brazeUi';

const SAVED = { name: 'Menu check', metric: 'dau', length: 14, end: '2026-10-15' } as const;
const FIRST_DAY = '2026-10-02';
const TAB = `${SAVED.name} · ${E2E_CONNECTION}`;

/** The labels of the active editor group's title actions (the toolbar, not its "…" menu). */
async function editorTitleActions(page: Page): Promise<string[]> {
	const labels = await page.locator('.editor-group-container.active .editor-actions .action-label').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
	return labels.filter((label) => label !== '');
}

async function paletteLabels(page: Page, text: string, expected: string): Promise<string[]> {
	const labels = await searchCommands(page, text, expected);
	await closeQuickInput(page);
	return labels;
}

describe('Chart panel menus (code-server)', () => {
	const current = useE2eSession({ settings: { 'braze.savedQueries': [SAVED] }, workspaceFiles: { 'notes.txt': 'not a chart\n' } });

	test('with no chart open, the palette offers no export or save of a chart', async () => {
		const { page } = current();
		await startWithKey(current(), 'e2e-menus-key');
		const exports = await paletteLabels(page, 'Export', 'Braze: Open Exported Series');
		assert.ok(!exports.includes('Braze: Export to JSON') && !exports.includes('Braze: Export to CSV'), exports.join(' | '));
		const saves = await paletteLabels(page, 'Braze: Save', 'Braze: Save Query');
		assert.ok(!saves.some((label) => label.startsWith('Braze: Save Chart')), saves.join(' | '));
	});

	test('a chart panel gets the title actions and the palette entries; a text editor does not', async () => {
		const { page } = current();
		await page.locator('.activitybar .action-label[aria-label="Braze"]').click();
		const view = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Saved Queries' }) });
		await view.locator('.monaco-list-row[role="treeitem"]', { has: page.locator('.label-name', { hasText: /^Menu check$/ }) }).click();
		await waitForChart(page, FIRST_DAY, SAVED.end);
		await waitForActiveTab(page, TAB);

		const actions = await editorTitleActions(page);
		for (const label of ['Fetch Again (Ignore Cache)', 'Export', 'Save Chart as PNG', 'Copy Chart Image']) assert.ok(actions.some((a) => a === label || a.startsWith(`${label} (`)), `"${label}" in ${JSON.stringify(actions)}`);
		await saveScreenshot(page, 'e2e-chart-title-actions');
		// The Export submenu holds both formats.
		await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Export"]').click();
		const menu = page.locator('.monaco-menu .action-label');
		await menu.filter({ hasText: 'Export to CSV' }).waitFor();
		assert.deepEqual((await menu.allTextContents()).map((t) => t.trim()).filter((t) => t !== ''), ['Export to JSON', 'Export to CSV']);
		// Clicked from the title, the action gets the panel's `webview-panel:` resource: it asks where to write, and writes there.
		const exported = path.join(current().host.workspaceDir, 'title-export.json');
		// By keyboard: a click that lands while the menu is still laying out is lost on a loaded machine.
		await page.keyboard.press('ArrowDown');
		await page.locator('.monaco-menu .action-item.focused', { hasText: 'Export to JSON' }).waitFor();
		await page.keyboard.press('Enter');
		await answerQuickInput(page, exported, { prompt: 'Export to JSON' });
		await notification(page, 'Exported to title-export.json.').waitFor();
		const document = JSON.parse(fs.readFileSync(exported, 'utf8')) as { data: { time: string }[] };
		assert.equal(document.data[0]?.time, FIRST_DAY);
		assert.equal(document.data.length, SAVED.length);
		assert.equal(await notification(page, /Could not write/).count(), 0, 'no write error');
		const png = path.join(current().host.workspaceDir, 'title-chart.png');
		await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Save Chart as PNG"]').click();
		await answerQuickInput(page, png, { prompt: 'Save Chart as PNG' });
		await page.locator('.statusbar-item', { hasText: 'Braze: chart saved to title-chart.png.' }).waitFor();
		assert.deepEqual([...fs.readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
		assert.equal(await notification(page, /Could not write/).count(), 0, 'no write error');
		await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Export"]').click();
		await menu.filter({ hasText: 'Export to CSV' }).waitFor();
		await page.keyboard.press('Escape');
		// Save Chart as SVG is in the "…" menu.
		await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label="More Actions..."]').click();
		await menu.filter({ hasText: 'Save Chart as SVG' }).waitFor();
		await page.keyboard.press('Escape');

		const exports = await paletteLabels(page, 'Braze: Export', 'Braze: Export to CSV');
		assert.ok(exports.includes('Braze: Export to JSON'), exports.join(' | '));
		const images = await paletteLabels(page, 'Braze: Save Chart', 'Braze: Save Chart as PNG');
		assert.ok(images.includes('Braze: Save Chart as SVG'), images.join(' | '));

		// From the editor title the focus is in the workbench: the host focuses the panel first, then its webview writes the clipboard.
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label="Copy Chart Image"]').click();
		const outcome = page.locator('.statusbar-item', { hasText: 'Braze: chart image copied to the clipboard.' }).or(notification(page, /could not be copied to the clipboard/));
		await outcome.first().waitFor();
		assert.equal(await notification(page, /could not be copied to the clipboard/).count(), 0, 'copied, not refused');

		await openFile(page, path.join(current().host.workspaceDir, 'notes.txt'));
		await page.locator('.tabs-container .tab.active[data-resource-name="notes.txt"]').waitFor();
		// The toolbar follows the active editor a moment later: its chart actions go (a timeout here is the failure).
		await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label="Fetch Again (Ignore Cache)"]').waitFor({ state: 'detached' });
		const textActions = await editorTitleActions(page);
		for (const label of ['Fetch Again (Ignore Cache)', 'Save Chart as PNG', 'Copy Chart Image', 'Export']) assert.ok(!textActions.includes(label), `"${label}" on a text editor: ${JSON.stringify(textActions)}`);
		// A chart is still open (behind the text file): its commands stay in the palette.
		assert.ok((await paletteLabels(page, 'Braze: Export', 'Braze: Export to CSV')).includes('Braze: Export to CSV'));
	});

	test('a saved query\'s panel keeps its name after Developer: Reload Window', async () => {
		const { page } = current();
		await page.locator('.tabs-container .tab', { has: page.locator('.label-name', { hasText: TAB }) }).click();
		await waitForActiveTab(page, TAB);
		const reloaded = page.waitForEvent('load', { timeout: 90_000 });
		await runCommandSettled(page, 'Developer: Reload Window');
		await reloaded;
		await waitForWorkbench(page);
		await waitForChart(page, FIRST_DAY, SAVED.end);
		await waitForActiveTab(page, TAB);
	});
});
