// Issue 12 A4 in code-server: a chart panel closed while its key prompt is open fetches nothing once the key is
// entered (nothing would show the answer, and Braze's hourly quota is shared by the whole workspace).
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { notification, pickQuickItem, webviewFrame } from '../host/workbench';
import { answerKeyPrompt, keyPromptTitle, runCommandSettled, showDauThroughPrompts, startWithKey, waitForChart } from './brazeUi';

const CLOSED = { length: 7, end: '2026-10-10', appId: null } as const;
// A later query with no day in common with CLOSED's fetch (twice its length): it goes to the sandbox, never the cache.
const BARRIER = { length: 7, end: '2026-11-20', appId: null } as const;

describe('a panel closed during its key prompt (code-server)', () => {
	const current = useE2eSession();

	test('entering the key after the panel was closed sends no request for that panel', async () => {
		const session = current();
		const { page, sandbox } = session;
		const host = new URL(sandbox.url).host;
		await startWithKey(session, 'e2e-closed-panel-first-key');
		await showDauThroughPrompts(page, CLOSED);
		await waitForChart(page, '2026-10-04', CLOSED.end);

		await runCommandSettled(page, 'Braze: Clear API Key');
		await pickQuickItem(page, E2E_CONNECTION, { prompt: 'Whose API key should be removed?' });
		await notification(page, `API key removed for the connection "${E2E_CONNECTION}".`).waitFor();
		await sandbox.clearRequests();

		// The panel's own Run asks for the missing key; the prompt stays open when the focus leaves it.
		await webviewFrame(page).getByRole('button', { name: 'Run', exact: true }).click();
		await page.locator('.quick-input-widget .quick-input-title', { hasText: keyPromptTitle(host) }).waitFor();
		// The palette would replace the prompt, and the prompt covers the tab's close button: its click goes to the button itself.
		await page.locator('.tabs-container .tab.active .tab-actions .action-label.codicon-close').dispatchEvent('click');
		await page.locator('iframe.webview').first().waitFor({ state: 'detached' });
		assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'the chart panel is still open');
		await answerKeyPrompt(page, host, 'e2e-closed-panel-second-key');

		// The key was kept, and a query run after it reaches the sandbox: a request for the closed panel would be there first.
		await showDauThroughPrompts(page, BARRIER);
		await waitForChart(page, '2026-11-14', BARRIER.end);
		const ends = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/')).map((r) => r.query.ending_at ?? '');
		assert.ok(ends.length > 0, 'the later query sent no request');
		assert.deepEqual(ends.filter((end) => !end.startsWith(BARRIER.end)), [], `requests were sent for the closed panel: ${JSON.stringify(ends)}`);
	});
});
