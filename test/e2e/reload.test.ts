// Developer: Reload Window with a chart panel open: the panel comes back from the webview's own state (the
// extension's WebviewPanelSerializer), showing the same days, and the sandbox receives no new KPI request.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { waitForWorkbench } from '../host/workbench';
import { startWithKey, readTable, runCommandSettled, showDauThroughPrompts, waitForActiveTab, waitForChart } from './brazeUi';

// A fixed, past end date: the query does not depend on today's date or time zone.
const QUERY = { length: 14, end: '2026-10-15', appId: null } as const;
const FIRST_DAY = '2026-10-02';

describe('Chart panel after a window reload (code-server)', () => {
	const current = useE2eSession();

	test('a chart panel comes back after Developer: Reload Window from its own state, without a new request', async () => {
		const { page, sandbox } = current();
		await startWithKey(current(), 'e2e-reload-key');

		await showDauThroughPrompts(page, QUERY);
		const shown = await waitForChart(page, FIRST_DAY, QUERY.end);
		await waitForActiveTab(page, `DAU · All apps · ${E2E_CONNECTION}`);
		const before = await readTable(shown);
		assert.equal(before.length, QUERY.length);
		const kpiRequests = async (): Promise<number> => (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/')).length;
		assert.equal(await kpiRequests(), 1, 'the chart was drawn from one KPI request');

		// The reload replaces the page's document: wait for the new one to load, not for the old workbench.
		const reloaded = page.waitForEvent('load', { timeout: 90_000 });
		await runCommandSettled(page, 'Developer: Reload Window');
		await reloaded;
		await waitForWorkbench(page);

		const restored = await waitForChart(page, FIRST_DAY, QUERY.end);
		await waitForActiveTab(page, `DAU · All apps · ${E2E_CONNECTION}`);
		assert.deepEqual(await readTable(restored), before);
		assert.equal(await kpiRequests(), 1, 'the restored panel sent a new KPI request');
	});
});
