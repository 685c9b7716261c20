// Braze: Show Overview in a real VS Code host against the sandbox: a partial key's refused series beside the others,
// the figures as the sandbox serves them, the requests counted, one panel per overview, and bad arguments refused.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_APPS, sandboxValue } from '../../sandbox/data';
import { keyFingerprint } from '../../sandbox/server';
import { addDays, brazeToday } from '../../src/shared/dates';
import { overviewFigures } from '../../src/shared/overviewFigures';
import type { OverviewResult, OverviewSeries } from '../../src/shared/overviewProtocol';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl, setFaults } from './support';

const CONNECTION = 'Overview Partial';
const PARTIAL_KEY = 'sandbox-only-dau+mau';

function showOverview(args: Record<string, unknown>): Thenable<OverviewResult | undefined> {
	return vscode.commands.executeCommand<OverviewResult | undefined>('braze.showOverview', args);
}

/** The KPI requests the sandbox recorded after the first `before`, as "<path> <length>", sorted. */
async function sentSince(before: number): Promise<string[]> {
	return (await recordedRequests()).slice(before).map((r) => `${r.path} ${r.query.length}`).sort();
}

function overviewTabs(): string[] {
	return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('braze.overview')).map((t) => t.label);
}

suite('overview', () => {
	suiteSetup(async () => {
		await extensionApi();
		await resetFaults();
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: CONNECTION, endpoint: sandboxUrl(), key: PARTIAL_KEY }));
	});

	suiteTeardown(async () => {
		await closeAllEditors();
		await vscode.commands.executeCommand('braze.removeConnection', { connection: CONNECTION, confirmed: true });
	});

	test('a partial key: DAU, MAU and stickiness hold the sandbox\'s figures, new users and uninstalls say the key may not read them', async () => {
		const api = await extensionApi();
		const errorsBefore = api.presentedErrors.length;
		const before = (await recordedRequests()).length;
		const result = await showOverview({ range: 'last-30-days', connection: CONNECTION });
		assert.ok(result, 'the overview returned its result');
		const lastDate = addDays(brazeToday(new Date()), -1);
		const firstDate = addDays(lastDate, -29);
		assert.deepEqual([result.firstDate, result.lastDate, result.request.connection], [firstDate, lastDate, CONNECTION]);
		for (const metric of ['dau', 'mau'] as const) {
			const entry: OverviewSeries = result.series[metric];
			assert.ok(entry.status === 'ok', metric);
			assert.equal(entry.series.points.length, 60, 'the range and the previous range, for the changes');
			for (const p of entry.series.points) assert.equal(p.value, sandboxValue(metric, null, p.date), `${metric} on ${p.date}`);
		}
		assert.deepEqual(result.series.new_users, { status: 'denied', permission: 'kpi.new_users.data_series' });
		assert.deepEqual(result.series.uninstalls, { status: 'denied', permission: 'kpi.uninstalls.data_series' });

		// The figures from the sandbox's own values: DAU averaged, MAU on the last day against the day before the range.
		const dayValues = (metric: 'dau' | 'mau', from: string) => Array.from({ length: 30 }, (_, i) => sandboxValue(metric, null, addDays(from, i)) ?? 0);
		const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
		const [dau, mau, newUsers, uninstalls, stickiness] = overviewFigures(result);
		assert.ok(dau?.status === 'ok' && mau?.status === 'ok' && stickiness?.status === 'ok');
		assert.equal(dau.value, sum(dayValues('dau', firstDate)) / 30);
		assert.equal(dau.change?.previous, sum(dayValues('dau', addDays(firstDate, -30))) / 30);
		assert.deepEqual([mau.value, mau.change?.previous], [sandboxValue('mau', null, lastDate), sandboxValue('mau', null, addDays(firstDate, -1))]);
		assert.equal(stickiness.value, sum(dayValues('dau', firstDate)) / sum(dayValues('mau', firstDate)));
		assert.deepEqual([newUsers?.status, uninstalls?.status], ['denied', 'denied']);

		// One request per series (60 days fit one window), all with the partial key; the refused ones are not an error toast.
		const sent = (await recordedRequests()).slice(before);
		assert.deepEqual(sent.map((r) => r.path).sort(), ['/kpi/dau/data_series', '/kpi/mau/data_series', '/kpi/new_users/data_series', '/kpi/uninstalls/data_series']);
		assert.ok(sent.every((r) => r.keyFingerprint === keyFingerprint(PARTIAL_KEY) && r.query.length === '60'));
		assert.deepEqual(result.requests, { planned: 4, sent: 4 });
		assert.equal(api.presentedErrors.length, errorsBefore, 'a partial key is shown in its cards, not as an error');
		// The tab model reaches the extension host a moment after the panel opens.
		await eventually(() => (overviewTabs().length > 0 ? true : undefined), 'the overview tab');
		assert.deepEqual(overviewTabs(), [`Overview · All apps · Last 30 days · ${CONNECTION}`]);
	});

	test('the same overview reuses its panel; an app and custom days open another, through the day cache', async () => {
		const app = SANDBOX_APPS[0]?.id;
		assert.ok(app);
		await showOverview({ range: 'last-30-days', connection: CONNECTION });
		assert.equal(overviewTabs().length, 1);
		const first = await showOverview({ length: 120, end: 'yesterday', appId: app, connection: CONNECTION });
		assert.ok(first);
		// 240 days are three windows per series: twelve, of which each refused series may stop early.
		assert.equal(first.requests.planned, 12);
		const entry = first.series.dau;
		assert.ok(entry.status === 'ok');
		assert.ok(entry.series.points.every((p) => p.value === sandboxValue('dau', app, p.date)));
		assert.deepEqual(overviewTabs().sort(), [`Overview · All apps · Last 30 days · ${CONNECTION}`, `Overview · ${app} · 120 days to yesterday · ${CONNECTION}`].sort());
		const again = await showOverview({ length: 120, end: 'yesterday', appId: app, connection: CONNECTION });
		// The settled days come from the cache: one window per readable series, three per refused one.
		assert.equal(again?.requests.planned, 1 + 1 + 3 + 3);
		assert.equal(overviewTabs().length, 2);
	});

	test('bad arguments are refused with a message, and nothing is sent', async () => {
		const before = (await recordedRequests()).length;
		assert.equal(await showOverview({ range: 'last-2-days', connection: CONNECTION }), undefined);
		assert.equal(await showOverview({ length: 0, connection: CONNECTION }), undefined);
		assert.equal(await showOverview({ range: 'last-7-days', appId: 'has space', connection: CONNECTION }), undefined);
		assert.equal(await showOverview({ end: '2999-01-01', connection: CONNECTION }), undefined);
		assert.equal((await recordedRequests()).length, before);
	});

	test('Refresh Overview reads the day cache; Fetch Again (Ignore Cache) on the active overview asks Braze for every day again', async () => {
		const api = await extensionApi();
		await closeAllEditors(); // No chart nor other overview that the commands could mean.
		await eventually(() => (api.overviewOpen() ? undefined : true), 'braze.overviewOpen false once every overview is closed');
		// Days that ended a month ago are settled once cached: a refresh through the cache sends nothing for them.
		const end = addDays(brazeToday(new Date()), -30);
		try {
			assert.ok(await showOverview({ length: 14, end, connection: CONNECTION }));
			assert.equal(api.overviewOpen(), true);
			let before = (await recordedRequests()).length;
			const refreshed = await vscode.commands.executeCommand<OverviewResult | undefined>('braze.refreshOverview');
			assert.ok(refreshed, 'Refresh Overview returned the result');
			// DAU and MAU come from the cache; the refused series were never cached, so they are asked again.
			assert.deepEqual(await sentSince(before), ['/kpi/new_users/data_series 28', '/kpi/uninstalls/data_series 28']);
			assert.deepEqual(refreshed.requests, { planned: 2, sent: 2 });

			before = (await recordedRequests()).length;
			const refetched = await vscode.commands.executeCommand<OverviewResult | undefined>('braze.refetch');
			assert.ok(refetched, 'Fetch Again returned the overview\'s result');
			assert.deepEqual(await sentSince(before), ['/kpi/dau/data_series 28', '/kpi/mau/data_series 28', '/kpi/new_users/data_series 28', '/kpi/uninstalls/data_series 28']);
			assert.deepEqual(refetched.requests, { planned: 4, sent: 4 });
			assert.deepEqual([refetched.firstDate, refetched.lastDate], [refreshed.firstDate, refreshed.lastDate]);
		} finally {
			await closeAllEditors();
		}
		await eventually(() => (api.overviewOpen() ? undefined : true), 'braze.overviewOpen false again');
		assert.equal(await vscode.commands.executeCommand('braze.refreshOverview'), undefined, 'no overview: nothing to refresh');
	});

	test('over what Braze said remains of the hourly quota, an overview or a chart of the same key asks first; Fetch Anyway sends the requests', async () => {
		const api = await extensionApi();
		await closeAllEditors();
		const warnings = (await api.answerQuotaWarnings(false)).length;
		const given = async () => (await api.answerQuotaWarnings(null)).slice(warnings);
		try {
			await setFaults({ rateLimitRemaining: 1 });
			// Braze's answers say 1 request remains this hour: the overview keeps that for its connection's key.
			assert.ok(await showOverview({ range: 'last-7-days', connection: CONNECTION }));
			await api.answerQuotaWarnings(false);
			let before = (await recordedRequests()).length;
			assert.equal(await vscode.commands.executeCommand('braze.refetch'), undefined, 'not fetched: the warning was answered no');
			assert.deepEqual(await sentSince(before), []);
			assert.deepEqual(await given(), [`This overview needs 4 requests; Braze said the hourly quota of "${CONNECTION}" has 1 left.`]);

			await resetFaults();
			await api.answerQuotaWarnings(true);
			before = (await recordedRequests()).length;
			assert.ok(await vscode.commands.executeCommand<OverviewResult | undefined>('braze.refetch'), 'Fetch Anyway: the overview was fetched');
			assert.deepEqual(await sentSince(before), ['/kpi/dau/data_series 14', '/kpi/mau/data_series 14', '/kpi/new_users/data_series 14', '/kpi/uninstalls/data_series 14']);
			assert.equal((await given()).length, 2, 'asked again');
			// Braze now says plenty remain: no warning.
			await api.answerQuotaWarnings(true);
			before = (await recordedRequests()).length;
			assert.ok(await vscode.commands.executeCommand<OverviewResult | undefined>('braze.refetch'));
			assert.equal((await sentSince(before)).length, 4);
			assert.equal((await given()).length, 2, 'not asked');

			// A chart on the same key heeds what the overview heard: 200 days are two requests.
			await setFaults({ rateLimitRemaining: 1 });
			await api.answerQuotaWarnings(false);
			assert.ok(await vscode.commands.executeCommand<OverviewResult | undefined>('braze.refetch'));
			before = (await recordedRequests()).length;
			assert.equal(await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 200, end: '2025-06-30', connection: CONNECTION }), undefined);
			assert.deepEqual(await sentSince(before), []);
			assert.deepEqual((await given()).slice(2), [`This query needs 2 requests; Braze said the hourly quota of "${CONNECTION}" has 1 left.`]);
		} finally {
			await api.answerQuotaWarnings(null);
			await resetFaults();
			await closeAllEditors();
		}
	});
});
