// The Braze sidebar as a person uses it in code-server: the activity bar icon, the Saved Queries view holding
// the queries from the user settings, and a click that runs one into its own chart panel.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
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
});
