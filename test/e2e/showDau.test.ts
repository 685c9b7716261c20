// Braze: Show DAU as a person runs it in code-server: the palette, the three-step input, the key prompt, the
// chart panel checked value by value against the sandbox, a theme switch that re-colours it, and the JSON export
// through the save dialog. The tests run in order on one session: each goes on from the panel the first one opened.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { answerQuickInput, notification, runCommand, themeKind } from '../host/workbench';
import {
	answerKeyPrompt,
	chartColours,
	closeAllEditors,
	pixelsOfColour,
	readTable,
	runCommandSettled,
	saveScreenshot,
	servedDays,
	setColorThemeSettled,
	showDauThroughPrompts,
	showView,
	waitForActiveTab,
	waitForChart,
	waitForLineColourChange,
	watchPageProblems,
} from './brazeUi';
import type { PageProblems } from './brazeUi';

// A fixed, past end date typed in the end step: the query does not depend on today's date or time zone.
const QUERY = { length: 30, end: '2026-10-15', appId: null } as const;
const FIRST_DAY = '2026-09-16';
// Any key but the sandbox's special ones is accepted; this one must never be written anywhere.
const API_KEY = 'e2e-secret-key-7c41d9';

describe('Braze: Show DAU (code-server)', () => {
	let chart: FrameLocator | undefined;
	let problems: PageProblems | undefined;
	const current = useE2eSession({}, async (session) => {
		problems = watchPageProblems(session.page);
		// A wide editor for the chart screenshots; the tests need no side bar.
		await runCommand(session.page, 'View: Close Primary Side Bar');
		await session.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
	});
	const openChart = (): FrameLocator => {
		assert.ok(chart, 'no chart panel: the first test did not open one');
		return chart;
	};
	const sandboxHost = (): string => new URL(current().sandbox.url).host;

	test('the palette, the three prompts and the key prompt open a chart of exactly what the sandbox served', async () => {
		const { page, sandbox } = current();
		await closeAllEditors(page);
		if ((await themeKind(page)) !== 'light') await setColorThemeSettled(page, 'Light Modern');
		await sandbox.clearRequests();

		await showDauThroughPrompts(page, QUERY, async () => {
			await saveScreenshot(page, 'e2e-show-dau-app-step', { docsName: 'prompt.png' });
		});
		// A fresh browser context has no key in code-server's secret storage: the extension asks for one.
		await answerKeyPrompt(page, sandboxHost(), API_KEY);
		chart = await waitForChart(page, FIRST_DAY, QUERY.end);

		await waitForActiveTab(page, `DAU · All apps · ${E2E_CONNECTION}`);
		assert.equal((await chart.locator('#panel-title').textContent())?.trim(), 'Daily active users');
		const requests = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(
			requests.map((r) => ({ path: r.path, query: r.query, hasBearer: r.hasBearer, status: r.status })),
			// Twice the range in one request, for the change against the previous period.
			[{ path: '/kpi/dau/data_series', query: { length: '60', ending_at: '2026-10-15T23:59:59Z' }, hasBearer: true, status: 200 }],
		);

		const expected = servedDays('dau', null, QUERY.end, QUERY.length);
		assert.equal(expected.filter((day) => day.value === null).length, 0, 'the sandbox serves every day of this range');
		assert.deepEqual(await readTable(chart), expected);
		assert.equal(await chart.locator('canvas').getAttribute('data-point-count'), String(QUERY.length));
		await showView(chart, 'chart');
	});

	test('switching the colour theme re-colours the open chart', async () => {
		const { page } = current();
		const frame = openChart();
		await showView(frame, 'chart');
		const light = await chartColours(frame);
		assert.equal(light.bodyTheme, 'vscode-light');
		assert.match(light.line, /^#[0-9a-f]{6}$/i);
		assert.equal(light.line.toLowerCase(), light.themeBlue.toLowerCase(), 'the line uses the theme\'s charts.blue');
		const lightPixels = await pixelsOfColour(frame, light.line);
		assert.ok(lightPixels > 200, `the light line is drawn (${lightPixels} pixels)`);
		await saveScreenshot(page, 'e2e-chart-light', { docsName: 'chart-light.png', walkthroughName: 'show-dau.png' });

		await setColorThemeSettled(page, 'Dark Modern');
		assert.equal(await themeKind(page), 'dark');
		await waitForLineColourChange(frame, light.line);
		const dark = await chartColours(frame);
		assert.equal(dark.bodyTheme, 'vscode-dark');
		assert.notEqual(dark.line.toLowerCase(), light.line.toLowerCase());
		assert.equal(dark.line.toLowerCase(), dark.themeBlue.toLowerCase(), 'the line uses the new theme\'s charts.blue');
		// What is on the canvas changed too, not only the attribute: the old colour is gone, the new one drawn.
		const darkPixels = await pixelsOfColour(frame, dark.line);
		assert.ok(darkPixels > 200, `the dark line is drawn (${darkPixels} pixels)`);
		assert.ok((await pixelsOfColour(frame, light.line)) < darkPixels / 10, 'the light line colour is gone from the canvas');
		assert.equal(await frame.locator('canvas').getAttribute('data-day-count'), String(QUERY.length), 'the data stayed');
		await saveScreenshot(page, 'e2e-chart-dark', { docsName: 'chart-dark.png' });
	});

	test('Export to JSON writes the shown series through the save dialog, and never the key', async () => {
		const { page, host } = current();
		openChart();
		const file = path.join(host.workspaceDir, 'dau-all-apps-2026-10-15.json');
		await runCommandSettled(page, 'Braze: Export to JSON');
		// code-server's save dialog is a path in a quick input: type where to write, accept.
		await answerQuickInput(page, file, { prompt: 'Export to JSON' });
		await notification(page, `Exported to ${path.basename(file)}.`).waitFor();

		const text = fs.readFileSync(file, 'utf8');
		assert.ok(!text.includes(API_KEY), 'the exported file contains the API key');
		const document = JSON.parse(text) as { message: string; data: unknown[]; query: Record<string, unknown> };
		assert.equal(document.message, 'success');
		const expected = servedDays('dau', null, QUERY.end, QUERY.length);
		assert.deepEqual(document.data, expected.flatMap((day) => (day.value === null ? [] : [{ time: day.date, dau: day.value }])));
		assert.equal(document.query.metric, 'dau');
		assert.equal(document.query.length, QUERY.length);
		assert.equal(document.query.end, QUERY.end);
		assert.equal(document.query.app_id, 'all');
		assert.equal(document.query.firstDate, FIRST_DAY);
		assert.equal(document.query.lastDate, QUERY.end);
		assert.equal(document.query.ending_at, '2026-10-15T23:59:59Z');
	});

	test('the chart panel ran without a Content Security Policy violation or an uncaught error', () => {
		assert.ok(problems, 'the session did not open');
		assert.deepEqual(problems.cspViolations, []);
		assert.deepEqual(problems.uncaught, []);
	});
});
