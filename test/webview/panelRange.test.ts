// The chart webview's range control in headless Chromium: a native <select> of presets and Custom, the preset's
// dates under it, the days and end fields only for Custom, the run it posts, the header naming the preset, and French.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PanelResult, WebviewToHost } from '../../src/shared/protocol';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { TODAY, frenchBundle, initMessage, makeResult } from './sampleData';

/** Last month as of TODAY (2024-05-30): April 2024, 30 days, with a preset query. */
function lastMonthResult(): PanelResult {
	const base = makeResult({ lastDate: '2024-04-30', values: Array.from({ length: 30 }, (_, i) => 1000 + i) });
	return { ...base, query: { ...base.query, preset: 'last-month' } };
}

async function postedAfterReady(panel: PanelPage): Promise<WebviewToHost[]> {
	return (await panel.posted()).slice(1);
}

describe('chart webview range control', () => {
	const suite = usePanelSuite();

	async function openLastMonth(options: { french?: boolean } = {}): Promise<PanelPage> {
		const panel = await suite.open();
		await panel.send(initMessage(lastMonthResult(), options.french ? { l10nBundle: frenchBundle(), locale: 'fr' } : {}));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		return panel;
	}

	test('a preset query shows the preset selected with its dates, hides days and end, and names it in the header', async () => {
		const { page } = await openLastMonth();
		const range = page.getByRole('combobox', { name: 'Range' });
		assert.equal(await range.inputValue(), 'last-month');
		assert.equal(await page.locator('#range option:checked').textContent(), 'Last month');
		assert.equal(await page.locator('#range-dates').textContent(), 'Apr 1, 2024 – Apr 30, 2024');
		assert.equal(await range.getAttribute('aria-describedby'), 'range-dates');
		for (const id of ['#length', '#end-kind', '#end-date']) assert.equal(await page.locator(id).isVisible(), false, `${id} is hidden for a preset`);
		assert.deepEqual(await page.locator('.query-facts li').nth(1).textContent(), 'Last month (Apr 1, 2024 – Apr 30, 2024)');
		const options = await page.locator('#range option').allTextContents();
		assert.deepEqual(options, ['Last 7 days', 'Last 14 days', 'Last 30 days', 'Last 90 days', 'Last 365 days', 'Month to date', 'Last month', 'Quarter to date', 'Year to date', 'Custom']);
	});

	test('another preset, chosen with the keyboard, shows its dates and Run posts it with its days', async () => {
		const panel = await openLastMonth();
		const { page } = panel;
		const range = page.locator('#range');
		await range.focus();
		await range.selectOption('quarter-to-date');
		assert.equal(await page.locator('#range-dates').textContent(), 'Apr 1, 2024 – May 30, 2024');
		await page.locator('#app-id input').fill('ios');
		await page.locator('#app-id input').press('Enter');
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 60, end: { kind: 'today' }, appId: 'ios', preset: 'quarter-to-date' } }]);
	});

	test('Custom shows the days and end fields holding the preset\'s days; Run posts a custom range without a preset', async () => {
		const panel = await openLastMonth();
		const { page } = panel;
		await page.locator('#range').selectOption('custom');
		assert.equal(await page.locator('#range-dates').textContent(), '');
		assert.equal(await page.locator('#length').isVisible(), true);
		assert.equal(await page.locator('#end-date').isVisible(), true, 'last month ends on a date');
		assert.equal(await page.locator('#length input').inputValue(), '30');
		assert.equal(await page.locator('#end-date input').inputValue(), '2024-04-30');
		await page.locator('#length input').fill('0');
		await page.locator('#length input').press('Enter');
		assert.deepEqual(await page.locator('.field-problem:visible').allTextContents(), ['Enter a whole number of days from 1 to 100.'], 'a custom range is checked');
		await page.locator('#length input').fill('14');
		await page.locator('#length input').press('Enter');
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 14, end: { kind: 'date', date: '2024-04-30' }, appId: null } }]);
		// Back on a preset, the custom fields hide again.
		await panel.send({ type: 'error', message: 'Not fetched.' });
		await page.locator('#range').selectOption('last-7-days');
		assert.equal(await page.locator('#length').isVisible(), false);
		assert.equal(await page.locator('#end-date').isVisible(), false);
		assert.equal(await page.locator('#range-dates').textContent(), 'May 23, 2024 – May 29, 2024');
	});

	test('a custom query opens on Custom, with its fields', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(makeResult({ lastDate: TODAY, values: [1, 2, 3], provisional: true })));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		assert.equal(await panel.page.locator('#range').inputValue(), 'custom');
		assert.equal(await panel.page.locator('#length').isVisible(), true);
		assert.equal(await panel.page.locator('.query-facts li').nth(1).textContent(), 'May 28, 2024 – May 30, 2024');
	});

	test('in French: the label, the presets and the header', async () => {
		const { page } = await openLastMonth({ french: true });
		assert.equal(await page.locator('#range-label').textContent(), 'Plage');
		assert.equal(await page.locator('#range option:checked').textContent(), 'Mois dernier');
		assert.equal(await page.locator('#range option[value="custom"]').textContent(), 'Personnalisée');
		assert.match((await page.locator('.query-facts li').nth(1).textContent()) ?? '', /^Mois dernier \(1 avr\. 2024 – 30 avr\. 2024\)$/);
	});
});
