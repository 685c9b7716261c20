// Compare through the UI of code-server: the app step checks several apps by their names (braze.apps), the chart
// draws one line per app with a legend, and the panel's Compare… changes the apps and adds the year before.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { acceptQuickInput, pickQuickItem, runCommand } from '../host/workbench';
import { sandboxAppId, saveScreenshot, servedDays, showDauThroughPrompts, showView, startWithKey, waitForActiveTab, waitForChart } from './brazeUi';

const IOS = sandboxAppId('Sandbox Shop (iOS)');
const ANDROID = sandboxAppId('Sandbox Shop (Android)');
const END = '2026-10-15';
const FIRST_DAY = '2026-10-02';

describe('Compare (code-server)', () => {
	const current = useE2eSession({ settings: { 'braze.apps': [{ name: 'Shop iOS', appId: IOS }, { name: 'Shop Android', appId: ANDROID }] } }, async (session) => {
		await runCommand(session.page, 'View: Close Primary Side Bar');
		await session.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
	});

	test('apps checked by name in the prompt are drawn together; Compare… in the panel changes them and adds the year before', async () => {
		const session = current();
		const { page, sandbox } = session;
		await startWithKey(session, 'e2e-compare-key');

		await showDauThroughPrompts(page, { length: 14, end: END, appId: null, compare: ['Shop iOS', 'Shop Android'] }, async () => {
			// Text with a space that names no app: the title says what to type, and no row (which could be checked) does.
			const box = page.locator('.quick-input-widget .quick-input-box input');
			const title = page.locator('.quick-input-widget .quick-input-title');
			await box.fill('Shop Web');
			await title.filter({ hasText: 'Type an app identifier (no spaces), or pick a named app.' }).waitFor();
			assert.equal(await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'app identifier' }).count(), 0);
			await box.fill('');
			await title.filter({ hasText: 'Braze: Show DAU' }).waitFor();
		});
		const chart = await waitForChart(page, FIRST_DAY, END);
		await waitForActiveTab(page, `DAU · All apps vs Shop iOS vs Shop Android · 14 days to ${END} · ${E2E_CONNECTION}`);
		assert.deepEqual(await chart.locator('.legend li').allTextContents(), ['All apps', 'Shop iOS', 'Shop Android']);
		// Every column of the table is what the sandbox served for that app.
		await showView(chart, 'table');
		assert.deepEqual(await chart.locator('.table-box thead th').allTextContents(), ['Date', 'All apps', 'Shop iOS', 'Shop Android']);
		const cells = await chart.locator('.table-box tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => Number((td.textContent ?? '').replace(/,/g, '')))));
		const columns = [null, IOS, ANDROID].map((appId) => servedDays('dau', appId, END, 14).map((d) => d.value));
		assert.deepEqual(cells, columns[0]?.map((_, day) => columns.map((column) => column[day])));
		const requests = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(requests.map((r) => r.query.app_id ?? 'all').sort(), [ANDROID, IOS, 'all'].sort(), 'one request per app');
		await showView(chart, 'chart');

		await sandbox.clearRequests();
		await chart.getByRole('button', { name: 'Compare…' }).click();
		// Checked: the apps compared now. A click unchecks Shop Android; Enter goes on to the overlay.
		await pickQuickItem(page, 'Shop Android', { prompt: /^Apps to draw next to All apps/ });
		// Escape in the identifier box comes back to the list with its checks kept (Shop iOS, not Shop Android).
		await pickQuickItem(page, 'Enter an app identifier…');
		await acceptQuickInput(page);
		await page.locator('.quick-input-widget .quick-input-message', { hasText: /^App identifier/ }).waitFor();
		await page.keyboard.press('Escape');
		await page.locator('.quick-input-widget .quick-input-box input[placeholder^="Apps to draw next to All apps"]').waitFor();
		await acceptQuickInput(page);
		await pickQuickItem(page, 'Same period a year before', { prompt: 'Draw a period dashed, aligned by day?' });
		await chart.locator('canvas[data-line-count="3"]').waitFor();
		await chart.locator('main#panel[aria-busy="false"]').waitFor({ state: 'attached' });
		assert.deepEqual(await chart.locator('.legend li').allTextContents(), ['All apps', 'Shop iOS', 'All apps, a year before']);
		assert.equal(await chart.locator('.legend li').nth(2).getAttribute('data-overlay'), 'true');
		await waitForActiveTab(page, `DAU · All apps vs Shop iOS, with the year before · 14 days to ${END} · ${E2E_CONNECTION}`);
		const yearBefore = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/') && r.query.ending_at?.startsWith('2025-10-15'));
		assert.equal(yearBefore.length, 1, 'the same days a year before, in one request');
		await saveScreenshot(page, 'e2e-compare', { docsName: 'compare.png' });
	});
});
