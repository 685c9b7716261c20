// The Braze sidebar as a person uses it in code-server: the activity bar icon, the Saved Queries view holding
// the queries from the user settings, and a click that runs one into its own chart panel; then its habits: Save
// Query from the chart records that run, prompts name what they edit, F2 renames and Delete deletes the selection.
// The tests run in order on one session.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import type { Locator, Page } from 'playwright-core';
import { answerQuickInput, closeQuickInput, pickQuickItem, quickItem, webviewFrame } from '../host/workbench';
import { startWithKey, readTable, saveScreenshot, sandboxAppId, servedDays, showView, waitForActiveTab, waitForChart } from './brazeUi';

const ARCADE = sandboxAppId('Sandbox Arcade (Web)');
// The web app started on 2026-09-14: the first four days of this range have no data and must show as gaps.
const ARCADE_LAUNCH = { name: 'Arcade launch', metric: 'dau', length: 21, end: '2026-09-30', appId: ARCADE } as const;
const SAVED_QUERIES = [
	ARCADE_LAUNCH,
	{ name: 'Shop iOS MAU', metric: 'mau', length: 30, end: 'yesterday', appId: sandboxAppId('Sandbox Shop (iOS)') },
	{ name: 'Uninstalls, last week', metric: 'uninstalls', length: 7, end: 'yesterday' },
];

describe('Braze sidebar: Saved Queries (code-server)', () => {
	const current = useE2eSession({ settings: { 'braze.savedQueries': SAVED_QUERIES } });

	test('a click on a saved query in the Braze sidebar runs it into its own panel', async () => {
		const { page, sandbox } = current();
		await startWithKey(current(), 'e2e-sidebar-key');

		await page.locator('.activitybar .action-label[aria-label="Braze"]').click();
		const sidebar = page.locator('.part.sidebar');
		const view = sidebar.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Saved Queries' }) });
		await view.waitFor();
		const rows = view.locator('.monaco-list-row[role="treeitem"]');
		await rows.filter({ hasText: 'Uninstalls, last week' }).waitFor();
		const labels = (await rows.locator('.label-name').allTextContents()).map((label) => label.trim());
		assert.deepEqual(labels, ['User', ...SAVED_QUERIES.map((q) => q.name)]);

		await rows.filter({ has: page.locator('.label-name', { hasText: /^Arcade launch$/ }) }).click();
		const firstDay = '2026-09-10';
		const chart = await waitForChart(page, firstDay, ARCADE_LAUNCH.end);
		// A panel showing a saved query unchanged is titled with the query's name.
		await waitForActiveTab(page, `${ARCADE_LAUNCH.name} · ${E2E_CONNECTION}`);
		const requests = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(
			requests.map((r) => ({ path: r.path, query: r.query, status: r.status })),
			[{ path: '/kpi/dau/data_series', query: { length: '42', ending_at: '2026-09-30T23:59:59Z', app_id: ARCADE }, status: 200 }],
		);

		const expected = servedDays('dau', ARCADE, ARCADE_LAUNCH.end, ARCADE_LAUNCH.length);
		assert.deepEqual(
			expected.filter((day) => day.value === null).map((day) => day.date),
			['2026-09-10', '2026-09-11', '2026-09-12', '2026-09-13'],
		);
		assert.deepEqual(await readTable(chart), expected);
		const canvas = chart.locator('canvas');
		assert.equal(await canvas.getAttribute('data-gap-count'), '4');
		assert.equal(await canvas.getAttribute('data-point-count'), '17');

		await showView(chart, 'chart');
		await saveScreenshot(page, 'e2e-sidebar', { docsName: 'sidebar.png', walkthroughName: 'save-query.png' });
	});

	test('sidebar habits: Save Query from the chart records its run, prompts name what they edit, F2 renames, Delete deletes', async () => {
		const { page } = current();
		const sidebar = page.locator('.part.sidebar');
		const queries = sidebar.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Saved Queries' }) }).locator('.monaco-list-row[role="treeitem"]');
		const queryRow = (name: string) => queries.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) });

		// The chart the first test ran, saved from its panel: the tooltip's "Last run" is that run, not "never".
		await webviewFrame(page).locator('vscode-button', { hasText: 'Save Query' }).click();
		await pickQuickItem(page, 'User', { prompt: /^Where should the query be saved/ });
		await answerQuickInput(page, 'Arcade from the chart', { prompt: /^A name for this query/ });
		const hover = await hoverTooltip(page, queryRow('Arcade from the chart').locator('.label-name'), 'Last run:');
		assert.match(hover, /Last run: (?!never)\S/);

		// The query input opened by Edit names the query and the step (its total is shown once the range is known).
		await queryRow('Arcade launch').hover();
		await queryRow('Arcade launch').locator('.action-label[aria-label="Edit"]').click();
		const title = page.locator('.quick-input-widget .quick-input-title');
		await title.filter({ hasText: 'Braze: Edit Query "Arcade launch"' }).waitFor();
		assert.match((await title.textContent()) ?? '', /^Braze: Edit Query "Arcade launch"\s*\(1(\s*\/\s*\d)?\)/);
		await closeQuickInput(page);

		// F2 and Delete act on the selected saved query (a click selects and runs it); the prompts name it.
		await queryRow('Uninstalls, last week').click();
		await waitForActiveTab(page, `Uninstalls, last week · ${E2E_CONNECTION}`);
		await focusViewAndPress(page, 'Braze: Focus on Saved Queries View', 'F2');
		await answerQuickInput(page, 'Weekly uninstalls', { prompt: /^Braze: Rename Query "Uninstalls, last week"/ });
		await queryRow('Weekly uninstalls').waitFor();
		// The tree has redrawn after the rename: a click during the redraw can be lost.
		await queryRow('Uninstalls, last week').waitFor({ state: 'detached' });
		// A click during the tree's redraw after the rename can still be lost on a loaded machine: click again then.
		for (let attempt = 1; attempt <= 3; attempt++) {
			await queryRow('Shop iOS MAU').click();
			const opened = await page.locator('.tabs-container .tab.active', { has: page.locator('.label-name', { hasText: `Shop iOS MAU · ${E2E_CONNECTION}` }) }).waitFor({ timeout: 10_000 }).then(() => true, () => false);
			if (opened) break;
		}
		await waitForActiveTab(page, `Shop iOS MAU · ${E2E_CONNECTION}`);
		await focusViewAndPress(page, 'Braze: Focus on Saved Queries View', 'Delete');
		await confirmDialog(page, 'Delete the saved query "Shop iOS MAU"?', 'Delete');
		await queryRow('Shop iOS MAU').waitFor({ state: 'detached' });
		assert.deepEqual((await queries.locator('.label-name').allTextContents()).map((l) => l.trim()), ['User', 'Arcade launch', 'Weekly uninstalls', 'Arcade from the chart']);

		// The same keys on the selected connection (a click only selects it).
		const connections = sidebar.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Connections' }) }).locator('.monaco-list-row[role="treeitem"]');
		await connections.filter({ hasText: E2E_CONNECTION }).click();
		await page.keyboard.press('F2');
		await answerQuickInput(page, 'Sandbox renamed', { prompt: new RegExp(`^Braze: Rename Connection "${E2E_CONNECTION}"`) });
		const renamed = connections.filter({ hasText: 'Sandbox renamed' });
		await renamed.waitFor();
		await renamed.click();
		await page.keyboard.press('Delete');
		await confirmDialog(page, 'Remove the connection "Sandbox renamed"?', 'Remove');
		await renamed.waitFor({ state: 'detached' });
	});
});

/**
 * Focuses a view through its palette command (its selection stays), then presses `key` there. A chart panel that
 * has just opened may take the focus back and close the palette: then it tries again, up to five times.
 */
async function focusViewAndPress(page: Page, focusCommand: string, key: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await page.locator('.part.sidebar .composite.title .title-label').click();
			await page.keyboard.press('F1');
			await page.locator('.quick-input-widget .quick-input-box input').fill(`>${focusCommand}`, { timeout: 3_000 });
			await quickItem(page, focusCommand).first().click({ timeout: 3_000 });
			await page.locator('.part.sidebar .monaco-list:focus-within').waitFor({ timeout: 3_000 });
			break;
		} catch (error) {
			if (attempt === 5) throw error;
			await page.keyboard.press('Escape');
		}
	}
	await page.keyboard.press(key);
}

/** The text of the hover that `target` shows, containing `text`; the pointer moves away and back until it shows, up to five times. */
async function hoverTooltip(page: Page, target: Locator, text: string): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		await page.mouse.move(0, 0);
		await target.hover();
		const hover = page.locator('.monaco-hover', { hasText: text });
		try {
			await hover.waitFor({ timeout: 5_000 });
			const content = (await hover.textContent()) ?? '';
			await page.mouse.move(0, 0);
			return content;
		} catch (error) {
			if (attempt === 5) throw error;
		}
	}
}

/** Clicks `button` in the modal dialog that asks `question`. */
async function confirmDialog(page: Page, question: string, button: string): Promise<void> {
	const dialog = page.locator('.monaco-dialog-box', { hasText: question });
	await dialog.waitFor();
	await dialog.locator('.monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
}
