// Stickiness as a person picks it: Braze: Show KPI Series…, the metric step's "Stickiness" (DAU ÷ MAU), then the
// chart panel: percent cards and table, each day the sandbox's DAU ÷ MAU, fetched as one DAU and one MAU request.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { acceptQuickInput, answerQuickInput, pickQuickItem, quickItem } from '../host/workbench';
import { APP_STEP, answerKeyPrompt, closeAllEditors, runCommandSettled, saveScreenshot, servedDays, showView, waitForActiveTab, waitForChart, watchPageProblems } from './brazeUi';
import type { PageProblems } from './brazeUi';

const END = '2026-10-15';
const FIRST_DAY = '2026-10-02';
const LENGTH = 14;

describe('Stickiness through Show KPI Series… (code-server)', () => {
	let problems: PageProblems | undefined;
	const current = useE2eSession({}, (session) => {
		problems = watchPageProblems(session.page);
		return Promise.resolve();
	});

	test('the metric step offers Stickiness (DAU ÷ MAU); its chart shows each day\'s DAU ÷ MAU with both counts', async () => {
		const { page, sandbox } = current();
		await closeAllEditors(page);
		await sandbox.clearRequests();
		await runCommandSettled(page, 'Braze: Show KPI Series…');
		const item = quickItem(page, 'Stickiness');
		await item.waitFor();
		assert.match((await item.textContent()) ?? '', /DAU ÷ MAU/, 'the item says what stickiness is');
		await pickQuickItem(page, 'Stickiness', { prompt: 'Which KPI series?' });
		await pickQuickItem(page, 'Custom…', { prompt: /^Which days\?/, filter: 'Custom' });
		await answerQuickInput(page, String(LENGTH), { prompt: /^Number of days in the series/ });
		await pickQuickItem(page, 'A date…', { prompt: /^Where does the series end\?/ });
		await answerQuickInput(page, END, { prompt: /^Last day of the series/ });
		await pickQuickItem(page, 'All apps', { prompt: APP_STEP });
		await acceptQuickInput(page); // The app step is a multi-select: Enter accepts the rows checked.
		await answerKeyPrompt(page, new URL(sandbox.url).host, 'e2e-sticky-key');
		const chart = await waitForChart(page, FIRST_DAY, END);

		await waitForActiveTab(page, `Stickiness · All apps · ${E2E_CONNECTION}`);
		assert.equal((await chart.locator('#panel-title').textContent())?.trim(), 'Stickiness');
		const requests = (await sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
		assert.deepEqual(requests.map((r) => [r.path, r.query.length, r.status]).sort(), [['/kpi/dau/data_series', '28', 200], ['/kpi/mau/data_series', '28', 200]]);
		assert.match((await chart.locator('.figure[data-figure="stickiness"] .figure-value').textContent()) ?? '', /^\d+(\.\d)?%$/);
		assert.ok(await chart.locator('.figure[data-figure="change"]').isVisible(), 'Home\'s change, from the previous 14 days fetched with it');

		await showView(chart, 'table');
		assert.deepEqual(await chart.locator('.table-box thead th').allTextContents(), ['Date', 'Stickiness', 'DAU', 'MAU']);
		const rows = await chart.locator('.table-box tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-date'), ...Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')]));
		const dau = servedDays('dau', null, END, LENGTH);
		const mau = servedDays('mau', null, END, LENGTH);
		assert.deepEqual(
			rows,
			dau.map((d, i) => {
				const m = mau[i]?.value ?? null;
				assert.ok(d.value !== null && m !== null, 'the sandbox serves every day of this range');
				const percent = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(d.value / m);
				return [d.date, percent, d.value.toLocaleString('en'), m.toLocaleString('en')];
			}),
		);
		await showView(chart, 'chart');
		await saveScreenshot(page, 'e2e-stickiness');
	});

	test('the panel ran without a Content Security Policy violation or an uncaught error', () => {
		assert.ok(problems, 'the session did not open');
		assert.deepEqual(problems.cspViolations, []);
		assert.deepEqual(problems.uncaught, []);
	});
});
