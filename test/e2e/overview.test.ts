// Braze: Show Overview as a person runs it in code-server: the palette, the range and app prompts, the cards checked
// against the sandbox, the figure tabs driven by the keyboard, the README's screenshot in a dark theme, and the panel
// coming back after a window reload without a new request.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sandboxValue } from '../../sandbox/data';
import { addDays, brazeToday } from '../../src/shared/dates';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { pickQuickItem, runCommand, themeKind, waitForWorkbench, webviewFrame } from '../host/workbench';
import { runCommandSettled, saveScreenshot, setColorThemeSettled, startWithKey, waitForActiveTab, watchPageProblems } from './brazeUi';
import type { PageProblems } from './brazeUi';

const TITLE = `Overview · All apps · Last 30 days · ${E2E_CONNECTION}`;

describe('Braze: Show Overview (code-server)', () => {
	let problems: PageProblems | undefined;
	const current = useE2eSession({}, async (session) => {
		problems = watchPageProblems(session.page);
		await runCommand(session.page, 'View: Close Primary Side Bar');
		await session.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
	});

	test('the palette and the two prompts open the overview; its cards hold the sandbox\'s figures; the tabs follow the keyboard', async () => {
		const { page, sandbox } = current();
		await startWithKey(current(), 'e2e-overview-key');
		if ((await themeKind(page)) !== 'dark') await setColorThemeSettled(page, 'Dark Modern');

		await runCommandSettled(page, 'Braze: Show Overview');
		await pickQuickItem(page, 'Last 30 days', { prompt: 'Which days?' });
		await pickQuickItem(page, 'All apps', { prompt: /Which app\?/ });
		const frame = webviewFrame(page);
		await frame.locator('main#panel[aria-busy="false"] .overview-card').first().waitFor();
		await frame.locator('canvas[data-day-count="30"]').waitFor({ state: 'attached' });
		await page.locator('.notifications-toasts .notification-toast', { hasText: 'Braze: fetching' }).waitFor({ state: 'hidden' });
		await waitForActiveTab(page, TITLE);

		// Four series, each the range and the previous range in one 60-day request.
		const requests = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(requests.map((r) => `${r.path} ${r.query.length}`).sort(), ['/kpi/dau/data_series 60', '/kpi/mau/data_series 60', '/kpi/new_users/data_series 60', '/kpi/uninstalls/data_series 60']);

		const last = addDays(brazeToday(new Date()), -1);
		const range = Array.from({ length: 30 }, (_, i) => addDays(last, i - 29));
		const total = (metric: 'dau' | 'new_users') => range.reduce((sum, date) => sum + (sandboxValue(metric, null, date) ?? 0), 0);
		const count = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
		const values = await frame.locator('.overview-card .card-value').allTextContents();
		assert.equal(values.length, 5);
		assert.deepEqual(values.slice(0, 3), [count.format(total('dau') / 30), count.format(sandboxValue('mau', null, last) ?? 0), count.format(total('new_users'))]);
		assert.match(values[4] ?? '', /^\d+(\.\d)?%$/, 'stickiness is a percentage');
		assert.match((await frame.locator('.overview-card[data-figure="mau"]').getAttribute('title')) ?? '', /day before the range starts/);

		const tabs = frame.getByRole('tab');
		await tabs.first().focus();
		await page.keyboard.press('ArrowRight');
		assert.equal(await frame.locator('[role="tab"][aria-selected="true"]').textContent(), 'MAU');
		// The per-day table lists the oldest day first, as the chart panel's does: the range's last day is the last row.
		assert.equal(await frame.locator('.overview-table tbody tr').last().locator('td').first().textContent(), count.format(sandboxValue('mau', null, last) ?? 0));
		await page.keyboard.press('End');
		assert.equal(await frame.locator('[role="tab"][aria-selected="true"]').textContent(), 'Stickiness');
		await page.keyboard.press('Home');
		await frame.locator('[role="tab"][aria-selected="true"]', { hasText: 'DAU' }).waitFor();
		await tabs.first().blur(); // Its focus ring would show in the screenshot.
		await frame.locator('body').evaluate(async () => {
			await document.fonts.ready;
		});
		await saveScreenshot(page, 'e2e-overview-dark', { docsName: 'overview.png' });
		assert.deepEqual(problems?.cspViolations ?? [], []);
		assert.deepEqual(problems?.uncaught ?? [], []);
	});

	test('the overview comes back after Developer: Reload Window from its own state, without a new request', async () => {
		const { page, sandbox } = current();
		const before = await webviewFrame(page).locator('.overview-card .card-value').allTextContents();
		assert.equal(before.length, 5, 'the first test left the overview open');
		await sandbox.clearRequests();
		const reloaded = page.waitForEvent('load', { timeout: 90_000 });
		await runCommandSettled(page, 'Developer: Reload Window');
		await reloaded;
		await waitForWorkbench(page);
		const frame = webviewFrame(page);
		await frame.locator('main#panel .overview-card').first().waitFor();
		await waitForActiveTab(page, TITLE);
		assert.deepEqual(await frame.locator('.overview-card .card-value').allTextContents(), before);
		assert.equal((await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/')).length, 0, 'the restored panel sent no KPI request');
	});
});
