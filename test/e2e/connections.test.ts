// Connections as a person meets them in code-server: the status-bar switcher, the Connections view with each
// connection's state, Add Connection through its prompts, Verify's permission grid in a notification, and the
// "Get started" walkthrough. The walkthrough's pictures are taken here.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { answerQuickInput, notification, pickQuickItem, quickItemLabels, runCommand } from '../host/workbench';
import { answerKeyPrompt, keyPromptTitle, runCommandSettled, saveScreenshot, setColorThemeSettled } from './brazeUi';

const DEV = 'Development';

describe('Braze connections (code-server)', () => {
	const current = useE2eSession({ settings: { 'braze.connections': [] } });

	test('Add Connection, the status-bar switch, the Connections view, Verify, and the walkthrough', async () => {
		const { page, sandbox } = current();
		const host = new URL(sandbox.url).host;

		// Add Connection: the endpoint (a custom URL), a name, then its key; the first connection becomes active.
		await runCommandSettled(page, 'Braze: Add Connection');
		await pickQuickItem(page, 'Custom URL…', { prompt: /^The REST endpoint: your instance/, filter: 'Custom' });
		await saveScreenshot(page, 'e2e-walkthrough-add-connection', { walkthroughName: 'add-connection.png' });
		await answerQuickInput(page, sandbox.url, { prompt: /^The REST endpoint URL/ });
		await answerQuickInput(page, E2E_CONNECTION, { prompt: /^A name for this Braze workspace/ });
		await pickQuickItem(page, 'User', { prompt: /^Where should the connection be saved/ });
		await page.locator('.quick-input-widget .quick-input-title', { hasText: keyPromptTitle(host) }).waitFor();
		await saveScreenshot(page, 'e2e-walkthrough-set-key', { walkthroughName: 'set-key.png' });
		await answerKeyPrompt(page, host, 'e2e-connections-key');
		await notification(page, `Added the connection "${E2E_CONNECTION}". Verify which KPI series its key may read?`).waitFor();

		// The status bar names the active connection.
		const status = page.locator('.statusbar-item', { hasText: E2E_CONNECTION });
		await status.waitFor();

		// A second connection on the same host, for another Braze workspace, added without a key.
		await runCommandSettled(page, 'Braze: Add Connection');
		await pickQuickItem(page, sandbox.url, { prompt: /^The REST endpoint: your instance/, filter: '127.0.0.1' }).catch(async () => {
			await pickQuickItem(page, 'Custom URL…', { prompt: /^The REST endpoint: your instance/, filter: 'Custom' });
			await answerQuickInput(page, sandbox.url, { prompt: /^The REST endpoint URL/ });
		});
		await answerQuickInput(page, DEV, { prompt: /^A name for this Braze workspace/ });
		await pickQuickItem(page, 'User', { prompt: /^Where should the connection be saved/ });
		await answerKeyPrompt(page, host, 'sandbox-dev-only-dau+mau');

		// The status bar's menu switches: Development becomes active.
		await status.click();
		await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Braze Connections' }).waitFor();
		const labels = await quickItemLabels(page);
		assert.ok(labels.some((l) => l.endsWith(E2E_CONNECTION)) && labels.some((l) => l.endsWith(DEV)), JSON.stringify(labels));
		await pickQuickItem(page, DEV, { filter: DEV });
		await page.locator('.statusbar-item', { hasText: DEV }).waitFor();

		// The Connections view lists both, with their state.
		await page.locator('.activitybar .action-label[aria-label="Braze"]').click();
		const view = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Connections' }) });
		const rows = view.locator('.monaco-list-row[role="treeitem"]');
		await rows.filter({ hasText: DEV }).filter({ hasText: 'active' }).waitFor();
		assert.deepEqual((await rows.locator('.label-name').allTextContents()).map((t) => t.trim()), [E2E_CONNECTION, DEV]);

		// Verify the active connection: four probes, a permission grid in a notification, remembered in the tooltip.
		await sandbox.clearRequests();
		await runCommand(page, 'Braze: Verify Connection');
		const verified = notification(page, /can read DAU and MAU/);
		await verified.waitFor();
		const text = (await verified.textContent()) ?? '';
		assert.match(text, /new users/i);
		assert.equal((await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/')).length, 4);
		await page.locator('.notifications-toasts .notification-toast', { hasText: 'Braze: verifying' }).waitFor({ state: 'hidden' });
		await saveScreenshot(page, 'e2e-verify', { keepNotifications: true, walkthroughName: 'verify.png', docsName: 'verify.png' });
		await rows.filter({ hasText: DEV }).filter({ hasText: '2 of 4 series' }).waitFor();

		// The Connections view and the status bar in both high-contrast themes, for a person to look at.
		for (const theme of ['Dark High Contrast', 'Light High Contrast', 'Light Modern']) {
			await setColorThemeSettled(page, theme);
			await rows.filter({ hasText: DEV }).waitFor();
			await saveScreenshot(page, `e2e-connections-${theme.toLowerCase().replace(/ /g, '-')}`, { keepNotifications: true });
		}

		// The walkthrough opens from the Welcome page's list, its steps done by what was done above.
		await runCommandSettled(page, 'Notifications: Clear All Notifications');
		await runCommand(page, 'Welcome: Open Walkthrough...');
		await pickQuickItem(page, 'Get started with Braze KPI', { filter: 'Braze' });
		await page.locator('.gettingStartedContainer', { hasText: 'Get started with Braze KPI' }).waitFor();
		// A done step is a button with aria-checked="true" (and the getting-started-step-checked icon); the chart step is not done yet.
		const step = (id: string) => page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="#getStarted#${id}"]`);
		for (const id of ['addConnection', 'setKey', 'verify']) {
			await step(id).and(page.locator('[aria-checked="true"]')).waitFor();
			assert.equal(await step(id).locator('.codicon-getting-started-step-checked').count(), 1, id);
		}
		assert.equal(await step('showDau').getAttribute('aria-checked'), 'false');
		await saveScreenshot(page, 'e2e-walkthrough', { docsName: 'walkthrough.png', keepNotifications: true });
	});
});
