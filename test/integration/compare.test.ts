// Compare in a real VS Code host against the sandbox: several apps and all apps, the year before, the previous
// period of a long range, a saved comparison run from the tree, app names from braze.apps, and bad input.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_APPS, sandboxSeries } from '../../sandbox/data';
import type { DailySeries } from '../../src/shared/kpi';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl, setSetting } from './support';

const [IOS, ANDROID] = SANDBOX_APPS.map((a) => a.id) as [string, string];
const APPS = [
	{ name: 'Shop iOS', appId: IOS },
	{ name: 'Shop Android', appId: ANDROID },
];

/** The valued days of a series, as the sandbox rows are. */
function valued(series: DailySeries | undefined): [string, number][] {
	return (series?.points ?? []).flatMap((p) => (p.value === null ? [] : [[p.date, p.value] as [string, number]]));
}

function served(appId: string | null, end: string, length: number): [string, number][] {
	return sandboxSeries('dau', appId, end, length).map((r) => [r.time, r.value]);
}

function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the harness opens a workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

suite('compare', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'integration-key-compare' });
		await resetFaults();
		await setSetting('apps', APPS);
	});

	suiteTeardown(async () => {
		await setSetting('apps', undefined);
		await setSetting('savedQueries', undefined);
	});

	teardown(closeAllEditors);

	test('two apps by name and all apps: every series is the sandbox\'s, one request per app, names in the result and the CSV', async () => {
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 14, end: '2026-06-30', appId: 'Shop iOS', compare: { apps: ['shop android', null] } });
		assert.ok(result, 'Show DAU returned no result');
		assert.equal(result.query.appId, IOS);
		assert.deepEqual(result.query.compare, { apps: [ANDROID, null] });
		assert.deepEqual(valued(result.series), served(IOS, '2026-06-30', 14));
		assert.deepEqual(result.compared?.map((c) => c.appId), [ANDROID, null]);
		assert.deepEqual(valued(result.compared?.[0]?.series), served(ANDROID, '2026-06-30', 14));
		assert.deepEqual(valued(result.compared?.[1]?.series), served(null, '2026-06-30', 14));
		assert.deepEqual(result.appNames, { [IOS]: 'Shop iOS', [ANDROID]: 'Shop Android' });
		const requests = (await recordedRequests()).slice(before);
		assert.deepEqual(requests.map((r) => [r.query.app_id ?? 'all', r.query.length]).sort(), [[IOS, '28'], [ANDROID, '28'], ['all', '28']].sort(), 'one request per series, each with the previous period');
		const uri = workspaceFile('compare.csv');
		await vscode.commands.executeCommand('braze.exportCsv', { uri });
		const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split('\n');
		assert.equal(csv[0], 'date,Shop iOS,Shop Android,all');
		const [date, ios, android, all] = (csv[1] ?? '').split(',');
		assert.deepEqual([date, Number(ios), Number(android), Number(all)], [served(IOS, '2026-06-30', 14)[0]?.[0], served(IOS, '2026-06-30', 14)[0]?.[1], served(ANDROID, '2026-06-30', 14)[0]?.[1], served(null, '2026-06-30', 14)[0]?.[1]]);
		const api = await extensionApi();
		await eventually(() => (api.openResults().some((r) => r?.fetchedAt === result.fetchedAt && r.compared?.length === 2) ? true : undefined), 'the panel to hold the comparison');
	});

	test('the year before: the same days a year earlier, fetched once more', async () => {
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 10, end: '2026-05-20', appId: ANDROID, compare: { period: 'year' } });
		assert.ok(result);
		assert.equal(result.yearBefore?.lastDate, '2025-05-20');
		assert.deepEqual(valued(result.yearBefore), served(ANDROID, '2025-05-20', 10));
		const requests = (await recordedRequests()).slice(before);
		assert.deepEqual(requests.map((r) => [r.query.ending_at?.slice(0, 10), r.query.length]).sort(), [['2025-05-20', '10'], ['2026-05-20', '20']]);
	});

	test('the previous period of a range too long to double in one request is fetched all the same', async () => {
		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 60, end: '2026-04-30', appId: IOS, compare: { period: 'previous' } });
		assert.ok(result);
		const requests = (await recordedRequests()).slice(before);
		assert.equal(requests.reduce((days, r) => days + Number(r.query.length), 0), 120, 'the range and the 60 days before it');
		const api = await extensionApi();
		const panelResult = await eventually(() => api.openResults().find((r) => r?.fetchedAt === result.fetchedAt), 'the panel');
		assert.equal(panelResult?.series.points.length, 60, 'the panel shows the range; the previous period is only drawn');
	});

	test('a saved comparison runs from the Saved Queries view', async () => {
		await setSetting('savedQueries', [{ name: 'iOS vs all', metric: 'dau', length: 7, end: '2026-06-10', appId: IOS, compare: { apps: [null], period: 'year' } }]);
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.savedQueries.run', { scope: 'user', name: 'iOS vs all' });
		assert.ok(result);
		assert.deepEqual(valued(result.compared?.[0]?.series), served(null, '2026-06-10', 7));
		assert.deepEqual(valued(result.yearBefore), served(IOS, '2025-06-10', 7));
	});

	test('bad input is refused with a message, nothing is sent, and braze.apps is left as written', async () => {
		const broken = [...APPS, { name: 'Shop iOS', appId: 'another' }, { name: 'No id' }];
		await setSetting('apps', broken);
		const before = (await recordedRequests()).length;
		for (const args of [
			{ length: 7, compare: { apps: ['Shop Web'] } },
			{ length: 7, compare: {} },
			{ length: 7, appId: IOS, compare: { apps: ['Shop iOS'] } },
		]) {
			assert.equal(await vscode.commands.executeCommand('braze.showDau', args), undefined, JSON.stringify(args));
		}
		assert.equal((await recordedRequests()).length, before, 'nothing was sent');
		// The names that are well written still apply.
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showDau', { length: 3, end: '2026-06-30', appId: 'Shop Android' });
		assert.equal(result?.query.appId, ANDROID);
		assert.deepEqual(vscode.workspace.getConfiguration('braze').inspect('apps')?.globalValue, broken);
		await setSetting('apps', APPS);
	});
});
