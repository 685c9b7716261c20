// A refused API key as a person meets it in code-server: an error notification that says what is wrong and
// offers the fix ("Set API Key"), which opens the key prompt again. A re-run that Braze refuses leaves the tab,
// the header, the controls and the chart describing the same, last good query.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SANDBOX_KEYS } from '../../sandbox/keys';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { notification, webviewFrame } from '../host/workbench';
import { answerKeyPrompt, startWithKey, saveScreenshot, showDauThroughPrompts, waitForActiveTab, waitForChart } from './brazeUi';

describe('Braze errors (code-server)', () => {
	const current = useE2eSession();

	test('a refused key shows an error notification whose Set API Key button asks for that connection\'s key, then runs the query again', async () => {
		const { page, sandbox } = current();
		const host = new URL(sandbox.url).host;
		await startWithKey(current(), SANDBOX_KEYS.invalid);

		await showDauThroughPrompts(page, { length: 7, end: '2026-10-15', appId: null });
		const toast = notification(page, `Braze refused the API key for ${host} (401)`);
		await toast.waitFor();
		const buttons = (await toast.locator('.notification-list-item-buttons-container a.monaco-button').allTextContents()).map((text) => text.trim());
		assert.deepEqual(buttons, ['Set API Key', 'Select Connection', 'Open Log']);
		// 401 is never retried: one request, answered 401, with the key in the Authorization header.
		const requests = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(requests.map((r) => ({ status: r.status, hasBearer: r.hasBearer })), [{ status: 401, hasBearer: true }]);
		// The panel opened for the query keeps the message inline.
		await webviewFrame(page).locator('.panel-error:not([hidden])', { hasText: '(401)' }).waitFor();
		await saveScreenshot(page, 'e2e-error-invalid-key', { keepNotifications: true });

		await toast.getByRole('button', { name: 'Set API Key', exact: true }).click();
		await page.locator('.quick-input-widget .quick-input-title', { hasText: `REST API key of the connection "${E2E_CONNECTION}" (${host})` }).waitFor();
		assert.equal(await page.locator('.quick-input-widget .quick-input-box input').getAttribute('type'), 'password');
		// The right key, typed there, re-runs the query that failed: the chart comes, with no other action.
		await answerKeyPrompt(page, host, 'e2e-key-after-401');
		await waitForChart(page, '2026-10-09', '2026-10-15');
		const after = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(after.map((r) => r.status), [401, 200]);
	});

	test('a re-run Braze refuses puts the tab, header and controls back on the query the chart shows', async () => {
		const { page, sandbox } = current();
		await startWithKey(current(), 'e2e-key-rerun');
		await showDauThroughPrompts(page, { length: 7, end: '2026-10-15', appId: null });
		const chart = await waitForChart(page, '2026-10-09', '2026-10-15');
		await waitForActiveTab(page, `DAU · All apps · ${E2E_CONNECTION}`);

		await chart.locator('#app-id input').fill('not-an-app');
		await chart.locator('#app-id input').press('Enter');
		await chart.locator('.panel-error:not([hidden])', { hasText: '(400)' }).waitFor();
		// The sandbox refused the app: the request was sent, and answered 400.
		const refused = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/') && r.query.app_id === 'not-an-app');
		assert.deepEqual(refused.map((r) => r.status), [400]);
		await waitForActiveTab(page, `DAU · All apps · ${E2E_CONNECTION}`);
		assert.deepEqual(await chart.locator('.query-facts li').first().allTextContents(), ['All apps']);
		assert.equal(await chart.locator('#app-id input').inputValue(), '', 'the controls show the chart\'s query again');
		assert.equal(await chart.locator('canvas').getAttribute('data-day-count'), '7');
		assert.equal(await chart.locator('.panel-error').count(), 1);
	});
});
