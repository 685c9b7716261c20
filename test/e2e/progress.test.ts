// The progress notification of a fetch, as a person sees it in code-server. Its Cancel button over a request
// the sandbox never answers: the notification goes, no error is shown, the panel says "Cancelled." in a neutral note, the request
// is really abandoned, and the next Show DAU works. A long range: the notification counts the requests answered.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../../src/shared/dates';
import { useE2eSession } from '../host/e2eSession';
import type { SandboxProcess } from '../host/sandboxProcess';
import { notification, webviewFrame } from '../host/workbench';
import { servedDays, showDauThroughPrompts, startWithKey, waitForChart, watchPageProblems } from './brazeUi';
import type { PageProblems } from './brazeUi';

const QUERY = { length: 7, end: '2026-10-15', appId: null } as const;
const FIRST_DAY = '2026-10-09';
const KPI_PATH = '/kpi/dau/data_series';
// Any key but the sandbox's special ones is accepted.
const API_KEY = 'e2e-cancel-key-51b0e2';

/** The messages of the toasts on screen that VS Code shows as errors (by their severity icon). */
function errorToasts(page: Page): Promise<string[]> {
	return page
		.locator('.notifications-toasts .notification-toast', { has: page.locator('.notification-list-item-icon.codicon-error') })
		.locator('.notification-list-item-message')
		.allTextContents();
}

/** Polls the sandbox until it has recorded `count` KPI requests (a request it is hanging on is recorded with status 0). */
async function waitForRecorded(sandbox: SandboxProcess, count: number, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while ((await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/')).length < count) {
		if (Date.now() >= deadline) throw new Error(`the sandbox did not record ${count} KPI request(s) within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Polls the sandbox until the client has closed the connection of the request it hangs on (not only dropped its promise). */
async function waitForHangClosed(sandbox: SandboxProcess, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await sandbox.requests()).some((r) => r.path === KPI_PATH && r.closedByClient)) {
		if (Date.now() >= deadline) throw new Error(`the sandbox never saw the hanging request's connection close within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

describe('Braze: the progress of a fetch (code-server)', () => {
	let problems: PageProblems | undefined;
	// A long request timeout: a Cancel that did not reach the fetch would leave the notification up for 5 minutes
	// (and then show a timeout error), not end it quietly within the test's waits.
	const current = useE2eSession({ settings: { 'braze.requestTimeoutSeconds': 300 } }, (session) => {
		problems = watchPageProblems(session.page);
		return Promise.resolve();
	});

	test('Cancel in the progress notification stops a hanging fetch quietly, and the next Show DAU works', async () => {
		const { page, sandbox } = current();
		await startWithKey(current(), API_KEY);
		await sandbox.setFaults({ hang: 1 });

		await showDauThroughPrompts(page, QUERY);
		const progress = notification(page, 'Braze: fetching DAU for All apps…');
		await progress.waitFor();
		const chart = webviewFrame(page);
		await chart.locator('main#panel[aria-busy="true"]').waitFor({ state: 'attached' });
		// The request is out and hanging before Cancel is pressed, so that Cancel has something to abort.
		await waitForRecorded(sandbox, 1);
		const buttons = (await progress.locator('.notification-list-item-buttons-container a.monaco-button').allTextContents()).map((text) => text.trim());
		assert.deepEqual(buttons, ['Cancel']);

		await progress.getByRole('button', { name: 'Cancel', exact: true }).click();
		await progress.waitFor({ state: 'hidden' });
		// The panel tells what happened inline, as a neutral note (not an error), and is not left busy.
		await chart.locator('.panel-notice:not([hidden])', { hasText: /^Cancelled\.$/ }).waitFor();
		assert.equal(await chart.locator('.panel-error').isHidden(), true, 'a cancel is not shown as an error');
		await chart.locator('main#panel[aria-busy="false"]').waitFor({ state: 'attached' });
		assert.deepEqual(await errorToasts(page), [], 'a cancelled fetch shows no error');
		// The cancelled request was the only one (no retry), and it never got an answer.
		const requests = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(
			requests.map((r) => ({ path: r.path, query: r.query, status: r.status })),
			[{ path: KPI_PATH, query: { length: '14', ending_at: '2026-10-15T23:59:59Z' }, status: 0 }],
		);
		// Aborted on the wire too: the extension closed the connection instead of leaving it to the 300 s timeout.
		await waitForHangClosed(sandbox);

		await sandbox.clearFaults();
		await sandbox.clearRequests();
		await showDauThroughPrompts(page, QUERY);
		const shown = await waitForChart(page, FIRST_DAY, QUERY.end);
		assert.equal(await shown.locator('.panel-notice').isHidden(), true, 'the success clears "Cancelled."');
		const servedCount = servedDays('dau', null, QUERY.end, QUERY.length).filter((day) => day.value !== null).length;
		assert.equal(await shown.locator('canvas').getAttribute('data-point-count'), String(servedCount));
		const after = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(after.map((r) => ({ path: r.path, status: r.status })), [{ path: KPI_PATH, status: 200 }]);
		// Still no error anywhere, now that everything has had time to show up.
		assert.deepEqual(await errorToasts(page), []);
		assert.deepEqual(problems?.uncaught, []);
	});

	test('a range longer than 100 days counts its requests in the progress notification', async () => {
		const { page, sandbox } = current();
		await startWithKey(current(), API_KEY);
		// 1000 days are 10 requests, 4 at a time: with each answer 1.5 s late, the count stays on screen between batches.
		await sandbox.setFaults({ latencyMs: 1500 });
		const end = QUERY.end;
		await showDauThroughPrompts(page, { ...QUERY, length: 1000 });
		await notification(page, 'Braze: fetching DAU for All apps…').filter({ hasText: /\b[1-9] of 10 requests/ }).waitFor();
		await waitForChart(page, addDays(end, -999), end);
		const requests = (await sandbox.requests()).filter((r) => r.path === KPI_PATH);
		assert.deepEqual(requests.map((r) => r.status), Array<number>(10).fill(200));
		await sandbox.clearFaults();
		assert.deepEqual(await errorToasts(page), []);
	});
});
