// A stickiness chart in headless Chromium: the ratio drawn and read as percentages (axis, tooltip, table, cards,
// Markdown), Home's range figure and change with their formulas, and the DAU and MAU beside each day.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseWebviewMessage } from '../../src/shared/protocol';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { frenchBundle, initMessage, makeStickinessResult } from './sampleData';

// Ten days, the last five shown: before, DAU 100 on MAU 1,000 (10 %); shown, DAU 200…240 on MAU 1,000 (20 %…24 %),
// one day without MAU. Range stickiness (Home): 880 ÷ 4,000 = 22 %; change: (22 % − 10 %) ÷ 10 % = +120 %.
const DAU = [100, 100, 100, 100, 100, 200, 210, 220, null, 250];
const MAU = [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, null];
const STICKY = makeStickinessResult('2024-05-29', [...DAU.slice(0, 8), 230, 240], [...MAU.slice(0, 9), 1000], 5);
const GAPPY = makeStickinessResult('2024-05-29', DAU, MAU, 5);

async function drawn(panel: PanelPage): Promise<void> {
	await panel.page.locator('canvas[data-point-count]').waitFor();
}

/** Hovers the last day and waits until the canvas drew `texts`. */
async function hoverLastDay(panel: PanelPage, texts: readonly string[]): Promise<void> {
	const box = await panel.page.locator('canvas[data-point-count]').boundingBox();
	assert.ok(box);
	await panel.page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
	await panel.page.waitForFunction((wanted) => wanted.every((text) => window.__canvasText.includes(text)), texts, { timeout: 5000 }).catch(async () => {
		assert.fail(`expected ${JSON.stringify(texts)} on the canvas; drawn: ${JSON.stringify([...new Set(await panel.canvasText())].slice(-20))}`);
	});
}

describe('a stickiness chart', () => {
	const suite = usePanelSuite();

	test('cards: Home\'s range stickiness and change, each with its formula; the days\' ratios as percentages', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(STICKY));
		await drawn(panel);
		const page = panel.page;
		assert.equal(await page.locator('h1').textContent(), 'Stickiness');
		const figures = await page.locator('.figure').evaluateAll((els) => els.map((el) => [el.getAttribute('data-figure'), el.querySelector('dt')?.textContent, el.querySelector('.figure-value')?.textContent, el.querySelector('.figure-detail')?.textContent]));
		assert.deepEqual(figures, [
			['stickiness', 'Stickiness of the range', '22.0%', 'average DAU ÷ average MAU'],
			['latest', 'Latest complete day', '24.0%', 'May 29, 2024'],
			['minimum', 'Minimum', '20.0%', 'May 25, 2024'],
			['maximum', 'Maximum', '24.0%', 'May 29, 2024'],
			['change', 'Change', '+120.0%', 'vs. the previous 5 days'],
		]);
		const range = page.locator('.figure[data-figure="stickiness"]');
		assert.match((await range.getAttribute('title')) ?? '', /average DAU ÷ its average MAU, over the complete days that have both/);
		assert.equal(await range.locator('.visually-hidden').textContent(), await range.getAttribute('title'), 'screen readers get the formula too');
		assert.match((await page.locator('.figure[data-figure="change"]').getAttribute('title')) ?? '', /\(this range − the previous range\) ÷ the previous range.*opposite sign/);
		assert.equal(await page.locator('.figure dt', { hasText: /^Average$/ }).count(), 0, 'no average of ratios beside Home\'s figure');
	});

	test('the axis and the tooltip read as percentages, and the chart is described in them', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(STICKY));
		await drawn(panel);
		const canvas = panel.page.locator('canvas');
		assert.equal(await canvas.getAttribute('aria-label'), 'Stickiness from May 25, 2024 to May 29, 2024. Average 22.0%, minimum 20.0%, maximum 24.0%.');
		const yMax = Number(await canvas.getAttribute('data-y-max'));
		assert.ok(yMax > 0.24 && yMax < 0.3, `the y-axis fits the ratios, up to ${yMax}`);
		const ticks = (await panel.canvasText()).filter((t) => /^\d+(\.\d)?%$/.test(t));
		assert.ok(ticks.length >= 3, `percent ticks on the y-axis: ${JSON.stringify(ticks)}`);
		await hoverLastDay(panel, ['Wed, May 29, 2024', 'Stickiness: 24.0%']);
	});

	test('the table lists each day\'s ratio with the DAU and MAU it comes from; a day missing either is a gap', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(GAPPY));
		await drawn(panel);
		await panel.page.getByRole('button', { name: 'Table' }).click();
		const table = panel.page.locator('table.data-table');
		assert.deepEqual(await table.locator('thead th').allTextContents(), ['Date', 'Stickiness', 'DAU', 'MAU']);
		const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
		assert.deepEqual(rows, [
			['Sat, May 25, 2024', '20.0%', '200', '1,000'],
			['Sun, May 26, 2024', '21.0%', '210', '1,000'],
			['Mon, May 27, 2024', '22.0%', '220', '1,000'],
			['Tue, May 28, 2024', 'No data', 'No data', '1,000'],
			['Wed, May 29, 2024', 'No data', '250', 'No data'],
		]);
		assert.equal(await panel.page.locator('canvas').getAttribute('data-gap-count'), '2');
	});

	test('Copy as Markdown shows percentages, Home\'s figure, and the DAU and MAU columns', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(STICKY));
		await drawn(panel);
		await panel.page.getByRole('button', { name: 'Copy as Markdown' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'copyMarkdown', JSON.stringify(message));
		const lines = message.markdown.split('\n');
		assert.equal(lines[0], '## Stickiness · All apps');
		assert.ok(lines.includes('| Stickiness of the range | 22.0% |'), lines.join('\n'));
		assert.ok(lines.includes('| Latest complete day | 24.0% (May 29, 2024) |'));
		assert.ok(lines.includes('| Date | Stickiness | DAU | MAU |'));
		assert.ok(lines.includes('| 2024-05-25 | 20.0% | 200 | 1000 |'));
		assert.ok(parseWebviewMessage(message, 3650), 'the host accepts it');
	});

	test('in French: the names, the formula and the percentages', async () => {
		const panel = await suite.open({ lang: 'fr' });
		await panel.send(initMessage(STICKY, { locale: 'fr', l10nBundle: frenchBundle() }));
		await drawn(panel);
		assert.equal(await panel.page.locator('h1').textContent(), 'Adhérence');
		const range = panel.page.locator('.figure[data-figure="stickiness"]');
		assert.equal(await range.locator('dt').textContent(), 'Adhérence de la période');
		// French puts a (narrow) no-break space before %, as the browser's Intl spells it.
		const percent = (value: number): Promise<string> => panel.page.evaluate((v) => new Intl.NumberFormat('fr', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v), value);
		assert.equal(await range.locator('.figure-value').textContent(), await percent(0.22));
		assert.match((await range.getAttribute('title')) ?? '', /^Adhérence = DAU moyen de la période ÷ son MAU moyen/);
		await hoverLastDay(panel, [`Adhérence : ${await percent(0.24)}`]);
	});
});
