// A stickiness chart in headless Chromium: the ratio drawn and read as percentages (axis, tooltip, table, cards,
// Markdown), Home's range figure and change with their formulas, and the DAU and MAU beside each day.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseWebviewMessage } from '../../src/shared/protocol';
import type { PanelResult } from '../../src/shared/protocol';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { frenchBundle, initMessage, makeStickinessResult } from './sampleData';

// Ten days, the last five shown: before, DAU 100 on MAU 1,000 (10 %); shown, DAU 200…240 on MAU 1,000 (20 %…24 %),
// one day without MAU. Range stickiness (Home): 880 ÷ 4,000 = 22 %; change: (22 % − 10 %) ÷ 10 % = +120 %.
const DAU = [100, 100, 100, 100, 100, 200, 210, 220, null, 250];
const MAU = [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, null];
const STICKY = makeStickinessResult('2024-05-29', [...DAU.slice(0, 8), 230, 240], [...MAU.slice(0, 9), 1000], 5);
const GAPPY = makeStickinessResult('2024-05-29', DAU, MAU, 5);
// iOS as STICKY; Android before: DAU 50 on MAU 500 (10 %); shown: DAU 100…140 on MAU 1,000 (10 %…14 %).
// Android's range stickiness: 600 ÷ 5,000 = 12 %; change: (12 % − 10 %) ÷ 10 % = +20 %.
const ANDROID = makeStickinessResult('2024-05-29', [50, 50, 50, 50, 50, 100, 110, 120, 130, 140], [500, 500, 500, 500, 500, 1000, 1000, 1000, 1000, 1000], 5);
const COMPARED: PanelResult = {
	...STICKY,
	query: { ...STICKY.query, appId: 'ios-id', compare: { apps: ['android-id'] } },
	compared: [{ appId: 'android-id', series: ANDROID.series, ...(ANDROID.sources ? { sources: ANDROID.sources } : {}) }],
	appNames: { 'ios-id': 'iOS', 'android-id': 'Android' },
};

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

	test('Copy as Markdown of stickiness with the previous period: a summary row each, the change as the card\'s', async () => {
		const panel = await suite.open();
		await panel.send(initMessage({ ...STICKY, query: { ...STICKY.query, compare: { apps: [], period: 'previous' } } }));
		await drawn(panel);
		const card = await panel.page.locator('.figure[data-figure="change"] .figure-value').textContent();
		assert.equal(card, '+120.0%');
		await panel.page.getByRole('button', { name: 'Copy as Markdown' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'copyMarkdown', JSON.stringify(message));
		const lines = message.markdown.split('\n');
		// The previous period has no range before it in the result: its change cannot be computed, an empty cell.
		assert.deepEqual(lines.slice(4, 8), [
			'| Series | Latest complete day | Stickiness of the range | Minimum | Maximum | Change |',
			'| --- | ---: | ---: | ---: | ---: | ---: |',
			`| Stickiness | 24.0% (May 29, 2024) | 22.0% | 20.0% (May 25, 2024) | 24.0% (May 29, 2024) | ${card} |`,
			'| Stickiness, previous period | 10.0% (May 24, 2024) | 10.0% | 10.0% (May 20, 2024) | 10.0% (May 20, 2024) |  |',
		]);
	});

	test('Copy as Markdown of stickiness with the year before: its row\'s figures come from its own DAU and MAU', async () => {
		const panel = await suite.open();
		// The same five days a year before: DAU 50…90 on MAU 1,000 (5 %…9 %), Home's figure 350 ÷ 5,000 = 7 %.
		const year = makeStickinessResult('2023-05-29', [50, 60, 70, 80, 90], [1000, 1000, 1000, 1000, 1000]);
		const result = { ...STICKY, query: { ...STICKY.query, compare: { apps: [], period: 'year' as const } }, yearBefore: year.series, yearBeforeSources: year.sources };
		await panel.send(initMessage(result));
		await panel.page.locator('canvas[data-line-count="2"]').waitFor();
		assert.deepEqual(await panel.page.locator('.legend li').allTextContents(), ['Stickiness', 'Stickiness, a year before']);
		assert.equal(await panel.page.locator('.legend li').nth(1).getAttribute('data-overlay'), 'true');
		await panel.page.getByRole('button', { name: 'Copy as Markdown' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'copyMarkdown', JSON.stringify(message));
		const lines = message.markdown.split('\n');
		assert.equal(lines[7], '| Stickiness, a year before | 9.0% (May 29, 2023) | 7.0% | 5.0% (May 25, 2023) | 9.0% (May 29, 2023) |  |');
	});

	test('compared across apps: a line, a summary row (Home\'s figure and change) and DAU and MAU columns per app, each from its own sources', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(COMPARED));
		await panel.page.locator('canvas[data-line-count="2"]').waitFor();
		const page = panel.page;
		assert.equal(await page.locator('#panel').getAttribute('aria-busy'), 'false');
		assert.deepEqual(await page.locator('.legend li').allTextContents(), ['iOS', 'Android']);
		const rows = await page.locator('.compare-summary tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
		assert.deepEqual(rows, [
			['iOS', '24.0%', '22.0%', '20.0%', '24.0%', '+120.0%'],
			['Android', '14.0%', '12.0%', '10.0%', '14.0%', '+20.0%'],
		]);
		assert.deepEqual(await page.locator('.compare-summary thead th').allTextContents(), ['Series', 'Latest complete day', 'Stickiness of the range', 'Minimum', 'Maximum', 'Change']);
		await page.getByRole('button', { name: 'Table' }).click();
		const table = page.locator('.table-box table.data-table');
		assert.deepEqual(await table.locator('thead th').allTextContents(), ['Date', 'iOS', 'Android', 'DAU (iOS)', 'MAU (iOS)', 'DAU (Android)', 'MAU (Android)']);
		assert.deepEqual(await table.locator('tbody tr').first().evaluate((tr) => Array.from(tr.children).map((c) => c.textContent)), ['Sat, May 25, 2024', '20.0%', '10.0%', '200', '1,000', '100', '1,000']);
		await page.getByRole('button', { name: 'Copy as Markdown' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'copyMarkdown', JSON.stringify(message));
		const lines = message.markdown.split('\n');
		assert.deepEqual(lines.slice(6, 8), [
			'| iOS | 24.0% (May 29, 2024) | 22.0% | 20.0% (May 25, 2024) | 24.0% (May 29, 2024) | +120.0% |',
			'| Android | 14.0% (May 29, 2024) | 12.0% | 10.0% (May 25, 2024) | 14.0% (May 29, 2024) | +20.0% |',
		]);
		assert.ok(lines.includes('| 2024-05-25 | 20.0% | 10.0% | 200 | 1000 | 100 | 1000 |'), lines.join('\n'));
	});

	test('a result the panel cannot read (a compared app without its DAU and MAU) ends the wait with an error saying what to do, and the host is told', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(STICKY));
		await drawn(panel);
		const page = panel.page;
		await panel.send({ type: 'loading', query: COMPARED.query });
		await page.locator('#panel[aria-busy="true"]').waitFor();
		const unreadable = JSON.parse(JSON.stringify(COMPARED)) as { compared: Record<string, unknown>[] };
		for (const c of unreadable.compared) delete c.sources;
		await panel.send({ type: 'result', result: unreadable });
		await page.locator('.panel-error').waitFor();
		assert.equal(await page.locator('#panel').getAttribute('aria-busy'), 'false');
		assert.match((await page.locator('.panel-error').textContent()) ?? '', /^This panel could not show what the extension sent\. Select Fetch Again \(Ignore Cache\)/);
		assert.equal(await page.getByRole('button', { name: 'Run' }).getAttribute('disabled'), null, 'Run works again');
		assert.equal(await page.getByRole('status').textContent(), await page.locator('.panel-error').textContent(), 'announced');
		assert.deepEqual((await panel.posted()).at(-1), { type: 'messageUnreadable', messageType: 'result' });
		assert.deepEqual(parseWebviewMessage((await panel.posted()).at(-1), 3650), { type: 'messageUnreadable', messageType: 'result' }, 'the host accepts it');
		assert.deepEqual(await page.locator('.legend li').allTextContents(), ['Stickiness'], 'the last good chart stays');
		assert.equal((await panel.state())?.result?.compared, undefined, 'the state keeps the last good result');
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
