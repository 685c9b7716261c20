// Range presets in the real host: a saved "last-month" query is stored by name and runs last month's days against
// the sandbox; the tab names the preset; an unknown preset in a hand-written entry is a broken entry, never rewritten.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SANDBOX_APPS, sandboxValue } from '../../sandbox/data';
import { addDays, brazeToday } from '../../src/shared/dates';
import type { PanelResult } from '../../src/shared/protocol';
import { resolveRangePreset } from '../../src/shared/rangePresets';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl, setSetting } from './support';

type Entry = Record<string, unknown>;

function userEntries(): Entry[] {
	return (vscode.workspace.getConfiguration('braze').inspect<Entry[]>('savedQueries')?.globalValue ?? []).map((e) => ({ ...e }));
}

const IOS = SANDBOX_APPS[0].id;

/** Waits for an open tab whose title matches `label`. */
function tabLabelled(label: RegExp): Promise<vscode.Tab> {
	return eventually(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => label.test(t.label)), `a tab titled ${String(label)}`);
}
const TYPO = { name: 'Typo range', metric: 'dau', range: 'last-mnth' };

suite('range presets', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		await vscode.commands.executeCommand('braze.setApiKey', { key: 'integration-key-presets' });
		await resetFaults();
	});

	setup(async () => {
		await setSetting('savedQueries', [TYPO]);
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { all: true }), true);
	});

	teardown(async () => {
		await setSetting('savedQueries', undefined);
		await closeAllEditors();
	});

	test('a saved "last-month" query is stored by name and runs last month\'s days, with the sandbox\'s values', async () => {
		assert.equal(await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'Last month DAU', metric: 'dau', range: 'last-month', appId: IOS } }), 'Last month DAU');
		assert.deepEqual(userEntries(), [TYPO, { name: 'Last month DAU', metric: 'dau', range: 'last-month', appId: IOS }], 'stored by its name, never its days');

		const before = (await recordedRequests()).length;
		const result = await vscode.commands.executeCommand<PanelResult | undefined>('braze.savedQueries.run', { scope: 'user', name: 'Last month DAU' });
		assert.ok(result, 'the query ran');
		const month = resolveRangePreset('last-month', brazeToday(new Date()));
		assert.equal(result.query.preset, 'last-month');
		assert.equal(result.query.length, month.length);
		assert.deepEqual(result.query.end, { kind: 'date', date: month.lastDate });
		assert.equal(result.series.firstDate, month.firstDate);
		assert.equal(result.series.lastDate, month.lastDate);
		const expected = Array.from({ length: month.length }, (_, i) => addDays(month.firstDate, i)).map((date) => ({ date, value: sandboxValue('dau', IOS, date) }));
		assert.deepEqual(result.series.points, expected);

		// One request: the month and the month before (for the change card), ending on the month's last day.
		const sent = (await recordedRequests()).slice(before).filter((r) => r.path === '/kpi/dau/data_series');
		assert.equal(sent.length, 1);
		assert.equal(sent[0].query.length, String(month.length * 2));
		assert.equal(sent[0].query.ending_at, `${month.lastDate}T23:59:59Z`);
		assert.equal(sent[0].query.app_id, IOS);

		await tabLabelled(/^Last month DAU/);
	});

	test('Show KPI Series with a preset argument titles its tab with the preset, and a custom run of the same days is another panel', async () => {
		const preset = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'mau', preset: 'last-7-days' });
		assert.ok(preset);
		assert.equal(preset.query.preset, 'last-7-days');
		assert.equal(preset.series.points.length, 7);
		assert.equal(preset.series.lastDate, addDays(brazeToday(new Date()), -1));
		await tabLabelled(/^MAU · All apps · Last 7 days/);
		const custom = await vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', { metric: 'mau', length: 7, end: 'yesterday' });
		assert.ok(custom);
		assert.equal(custom.query.preset, undefined);
		const api = await extensionApi();
		assert.equal(api.openResults().filter((r) => r?.query.metric === 'mau').length, 2, 'a preset and a custom range are two queries');
	});

	test('an unknown preset in a hand-written entry is a broken entry that says what to do, and is never rewritten', async () => {
		const shown = await vscode.commands.executeCommand<PanelResult | undefined>('braze.savedQueries.run', { scope: 'user', name: 'Typo range' });
		assert.equal(shown, undefined, 'a broken entry does not run');
		await vscode.commands.executeCommand('braze.savedQueries.add', { scope: 'user', entry: { name: 'Other', metric: 'dau', range: 'year-to-date' } });
		assert.deepEqual(userEntries(), [TYPO, { name: 'Other', metric: 'dau', range: 'year-to-date' }]);
	});
});
