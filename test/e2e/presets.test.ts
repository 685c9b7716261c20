// The range step of Braze: Show DAU as a person uses it in code-server: a preset with its dates charts its days and
// names itself in the tab; in the custom end step, "Yesterday" and "Today" show their dates, Back from the date box
// returns to the end list, and a date typed in the list is offered and accepted.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, brazeToday } from '../../src/shared/dates';
import { formatDay, formatDayRange } from '../../src/shared/dayFormat';
import { resolveRangePreset } from '../../src/shared/rangePresets';
import { E2E_CONNECTION, useE2eSession } from '../host/e2eSession';
import { acceptQuickInput, answerQuickInput, pickQuickItem, quickItem } from '../host/workbench';
import { APP_STEP, runCommandSettled, saveScreenshot, servedDays, startWithKey, waitForActiveTab, waitForChart } from './brazeUi';

const quickInputTitle = '.quick-input-widget .quick-input-title';
const quickInputBox = '.quick-input-widget .quick-input-box input';
const API_KEY = 'e2e-presets-key-5b81';
// ICU writes thin spaces around a range's dash; the list shows them as they are.
const plain = (text: string | null): string => (text ?? '').replace(/\u2009/g, ' ').replace(/\s+/g, ' ').trim();

describe('Range presets in the prompt (code-server)', () => {
	const current = useE2eSession();

	test('a preset, shown with its dates, charts exactly its days and names itself in the tab', async () => {
		const { page } = current();
		await startWithKey(current(), API_KEY);
		const month = resolveRangePreset('last-month', brazeToday(new Date()));

		await runCommandSettled(page, 'Braze: Show DAU');
		await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (1)' }).waitFor();
		const row = quickItem(page, 'Last month');
		await row.waitFor();
		assert.ok(plain(await row.textContent()).includes(plain(formatDayRange(month.firstDate, month.lastDate, 'en'))), `the row shows the month's days: ${plain(await row.textContent())}`);
		await saveScreenshot(page, 'e2e-presets-range-step');
		await pickQuickItem(page, 'Last month', { prompt: 'Which days?' });
		await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (2/2)' }).waitFor();
		await pickQuickItem(page, 'All apps', { prompt: APP_STEP });
		await acceptQuickInput(page); // The app step is a multi-select: Enter accepts the rows checked.

		const chart = await waitForChart(page, month.firstDate, month.lastDate);
		await waitForActiveTab(page, `DAU · All apps · Last month · ${E2E_CONNECTION}`);
		const rows = await chart.locator('.table-box tbody tr').count();
		assert.equal(rows, servedDays('dau', null, month.lastDate, month.length).length);
		assert.equal(await chart.locator('#range').inputValue(), 'last-month', 'the panel\'s range control shows the preset');
	});

	test('in the end step: the dates of Yesterday and Today, Back from the date box to the list, and a typed date', async () => {
		const { page } = current();
		await startWithKey(current(), API_KEY);
		const today = brazeToday(new Date());

		await runCommandSettled(page, 'Braze: Show DAU');
		await pickQuickItem(page, 'Custom…', { prompt: 'Which days?', filter: 'Custom' });
		await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (2/4)' }).waitFor();
		await answerQuickInput(page, '7', { prompt: /^Number of days in the series/ });
		await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (3/4)' }).waitFor();
		const yesterdayRow = quickItem(page, 'Yesterday (last complete day)');
		await yesterdayRow.waitFor();
		assert.ok(plain(await yesterdayRow.textContent()).includes(formatDay(addDays(today, -1), 'en')), 'Yesterday shows its date');
		assert.ok(plain(await quickItem(page, 'Today (partial day)').textContent()).includes(`${formatDay(today, 'en')}, still counting`), 'Today shows its date');

		// "A date…" opens the date box; Back there returns to the end list, not to the days.
		await pickQuickItem(page, 'A date…', { prompt: 'Where does the series end?' });
		await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (3/4)' }).waitFor();
		await page.locator('.quick-input-widget .quick-input-message', { hasText: /^Last day of the series/ }).waitFor();
		await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first().click();
		await quickItem(page, 'Yesterday (last complete day)').waitFor();
		await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (3/4)' }).waitFor();

		// A date that does not exist is offered to correct, not to end on; the date box says what is wrong before any edit.
		await page.locator(quickInputBox).fill('2026-02-30');
		await quickItem(page, 'Correct 2026-02-30…').waitFor();
		assert.equal(await quickItem(page, 'End on 2026-02-30').count(), 0);
		await page.locator(quickInputBox).press('Enter');
		await page.locator('.quick-input-widget .quick-input-message', { hasText: 'This day does not exist in the calendar.' }).waitFor();
		assert.equal(await page.locator(quickInputBox).inputValue(), '2026-02-30');
		await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first().click();
		await quickItem(page, 'Yesterday (last complete day)').waitFor();

		// A date typed in the list is offered as an item, not "0 results", and Enter takes it.
		await page.locator(quickInputBox).fill('2026-10-15');
		await quickItem(page, 'End on 2026-10-15').waitFor();
		await saveScreenshot(page, 'e2e-presets-typed-date');
		await page.locator(quickInputBox).press('Enter');
		await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (4/4)' }).waitFor();
		await pickQuickItem(page, 'All apps', { prompt: APP_STEP });
		await acceptQuickInput(page); // The app step is a multi-select: Enter accepts the rows checked.
		await waitForChart(page, '2026-10-09', '2026-10-15');
		await waitForActiveTab(page, `DAU · All apps · ${E2E_CONNECTION}`);
	});
});
