// The chart's second pass in headless Chromium: several series with a legend, the dashed previous period,
// calendar ticks, the y-axis fit and its toggle kept per panel, and what a failed or cancelled run leaves.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseWebviewMessage } from '../../src/shared/protocol';
import type { PanelResult } from '../../src/shared/protocol';
import { scanColour } from './canvasPixels';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { initMessage, makeResult, TODAY } from './sampleData';

const DARK = { blue: '#3794ff', orange: '#d18616', green: '#89d185' };

function ramp(days: number, base: number): number[] {
	return Array.from({ length: days }, (_, i) => base + 10 * i + (i % 7) * 25);
}

function compared(appIds: readonly (string | null)[]): PanelResult {
	const main = makeResult({ lastDate: '2024-05-29', values: ramp(14, 1000), appId: appIds[0] ?? null });
	const others = appIds.slice(1).map((appId, k) => ({ appId, series: makeResult({ lastDate: '2024-05-29', values: ramp(14, 2000 + 1000 * k) }).series }));
	return { ...main, compared: others };
}

async function drawn(panel: PanelPage, days: number): Promise<void> {
	await panel.page.locator(`canvas[data-day-count="${days}"]`).waitFor();
}

describe('chart webview: series, axes and states', () => {
	const suite = usePanelSuite();

	test('compared apps: one line each in distinct theme chart colours, a legend, one table column each', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(compared(['ios-app', null, 'web-app'])));
		await panel.page.locator('canvas[data-line-count="3"]').waitFor();
		const canvas = panel.page.locator('canvas');
		assert.equal(await canvas.getAttribute('data-line-colours'), `${DARK.blue} ${DARK.orange} ${DARK.green}`);
		const legend = panel.page.getByRole('list', { name: 'Legend' });
		assert.deepEqual(await legend.locator('li').allTextContents(), ['App ios-app', 'All apps', 'App web-app']);
		assert.deepEqual(await legend.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-colour'))), [DARK.blue, DARK.orange, DARK.green]);
		for (const colour of Object.values(DARK)) assert.ok((await scanColour(panel.page, colour)).pixels > 100, `a line is drawn in ${colour}`);
		await panel.page.getByRole('button', { name: 'Table' }).click();
		const headers = await panel.page.locator('.table-box thead th').allTextContents();
		assert.deepEqual(headers, ['Date', 'App ios-app', 'All apps', 'App web-app']);
		const firstRow = await panel.page.locator('.table-box tbody tr').first().locator('td').allTextContents();
		assert.deepEqual(firstRow, ['1,000', '2,000', '3,000']);
	});

	test('a single series has no legend; a theme switch re-colours the legend with the lines', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(makeResult({ lastDate: '2024-05-29', values: ramp(14, 1000) })));
		await drawn(panel, 14);
		assert.equal(await panel.page.locator('.legend').isVisible(), false);
		await panel.send(initMessage(compared(['a', 'b'])));
		await panel.page.locator('.legend li[data-colour="#3794ff"]').waitFor();
		await panel.setTheme('light');
		await panel.page.locator('.legend li[data-colour="#1a85ff"]').waitFor();
		assert.equal(await panel.page.locator('canvas').getAttribute('data-line-colours'), '#1a85ff #d18616');
	});

	test('the previous period is offered when the result holds it, drawn dashed and aligned by day, and remembered', async () => {
		const panel = await suite.open();
		const values = [...ramp(10, 500), ...ramp(10, 1000)];
		const result = makeResult({ lastDate: '2024-05-29', values, length: 10 });
		await panel.send(initMessage(result));
		await drawn(panel, 10);
		const toggle = panel.page.locator('#previous-period');
		assert.equal(await toggle.isVisible(), true);
		await toggle.click();
		await panel.page.locator('canvas[data-line-count="2"]').waitFor();
		const legend = panel.page.locator('.legend li');
		assert.deepEqual(await legend.allTextContents(), ['Daily active users', 'Daily active users, previous period']);
		assert.equal(await legend.nth(1).getAttribute('data-overlay'), 'true');
		assert.deepEqual((await panel.state())?.view, { startAtZero: false, previousPeriod: true });
		// The tooltip gives both values of the hovered last day, May 29, and of the same day of the previous period, May 19.
		const box = await panel.page.locator('canvas').boundingBox();
		assert.ok(box);
		await panel.page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
		await panel.page.waitForFunction(() => window.__canvasText.some((t) => t.startsWith('Daily active users, previous period: ')));
		const text = await panel.canvasText();
		assert.ok(text.includes('Daily active users: 1,140'), JSON.stringify(text.slice(-6)));
		assert.ok(text.includes('Daily active users, previous period: 640'), JSON.stringify(text.slice(-6)));
		// A result without the previous period: no toggle, no dashed line.
		await panel.send({ type: 'result', result: makeResult({ lastDate: '2024-05-29', values: ramp(10, 1000) }) });
		await panel.page.locator('canvas[data-line-count="1"]').waitFor();
		assert.equal(await toggle.isVisible(), false);
	});

	for (const [days, unit, labels] of [
		[7, 'day', ['May 23', 'May 24', 'May 25', 'May 26', 'May 27', 'May 28', 'May 29']],
		[90, 'week', ['Mar 4', 'Mar 11', 'May 27']],
		[400, 'quarter', ['Jul 2023', 'Oct 2023', 'Jan 2024', 'Apr 2024']],
		[3650, 'year', ['2015', '2016', '2024']],
	] as const) {
		test(`${days} days: ticks on ${unit} boundaries, the year shown when the range spans years, the last day not clipped`, async () => {
			const panel = await suite.open();
			await panel.send(initMessage(makeResult({ lastDate: '2024-05-29', values: ramp(days, 40_000) }), { maxLength: 3650 }));
			await drawn(panel, days);
			const canvas = panel.page.locator('canvas');
			assert.equal(await canvas.getAttribute('data-tick-unit'), unit);
			const text = await panel.canvasText();
			for (const label of labels) assert.ok(text.includes(label), `"${label}" is drawn: ${JSON.stringify(text.slice(0, 30))}`);
			if (days >= 400) assert.ok(!text.some((t) => /^[A-Z][a-z]{2} \d{1,2}$/.test(t)), 'no tick without its year');
			const ticks = ((await canvas.getAttribute('data-ticks')) ?? '').split(' ');
			if (unit === 'week') for (const date of ticks) assert.equal(new Date(`${date}T00:00:00Z`).getUTCDay(), 1, `${date} is a Monday`);
			// The axis ends half a day after the last day, so its point and line are inside the plot.
			const lastDay = Date.UTC(2024, 4, 29) / 86_400_000;
			assert.equal(Number(await canvas.getAttribute('data-x-max')), lastDay + 0.5);
		});
	}

	test('the y-axis fits the data; Start at zero is kept with the panel and restored after a reload', async () => {
		const flat = makeResult({ metric: 'mau', lastDate: '2024-05-29', values: Array.from({ length: 30 }, (_, i) => 50_000 + (i % 5) * 120) });
		const panel = await suite.open();
		await panel.send(initMessage(flat));
		await drawn(panel, 30);
		const canvas = panel.page.locator('canvas');
		assert.ok(Number(await canvas.getAttribute('data-y-min')) > 45_000, `fits: y from ${await canvas.getAttribute('data-y-min')}`);
		await panel.page.locator('#start-at-zero').click();
		await panel.page.locator('canvas[data-y-min="0"]').waitFor();
		const state = await panel.state();
		assert.deepEqual(state?.view, { startAtZero: true, previousPeriod: false });
		const reloaded = await suite.open({ savedState: state });
		await reloaded.send(initMessage(flat));
		await reloaded.page.locator('canvas[data-y-min="0"]').waitFor();
		assert.equal(await reloaded.page.locator('#start-at-zero').evaluate((box) => (box as HTMLInputElement).checked), true);
	});

	test('a failed re-run: header, controls and chart go back to the last good result, with one inline message', async () => {
		const panel = await suite.open();
		const result = makeResult({ lastDate: TODAY, values: ramp(10, 100), provisional: true });
		await panel.send(initMessage(result));
		await drawn(panel, 10);
		const page = panel.page;
		await page.locator('#app-id input').fill('not-an-app');
		await page.locator('#length input').fill('30');
		await page.locator('#app-id input').press('Enter');
		const asked = { ...result.query, length: 30, appId: 'not-an-app' };
		await panel.send({ type: 'loading', query: asked });
		await page.locator('#panel[aria-busy="true"]').waitFor();
		await panel.send({ type: 'error', message: 'Braze answered 400 Bad Request.' });
		await page.locator('.panel-error').waitFor();
		assert.equal(await page.locator('#app-id input').inputValue(), '', 'the controls show the query of the chart again');
		assert.equal(await page.locator('#length input').inputValue(), '10');
		assert.deepEqual(await page.locator('.query-facts li').allTextContents(), ['All apps', 'May 21, 2024 – May 30, 2024', 'US-01 (rest.iad-01.braze.com)']);
		assert.equal(await page.locator('canvas').getAttribute('data-day-count'), '10');
		assert.deepEqual(await page.locator('.panel-error').allTextContents(), ['Braze answered 400 Bad Request.']);
		assert.deepEqual((await panel.state())?.query, result.query, 'a reload restores the query that the chart shows');
	});

	test('the gap note tells days before the first data apart from days missing inside the range', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(makeResult({ lastDate: '2024-05-29', values: [null, null, null, 10, 12, null, 14, null, 15, 16] })));
		await drawn(panel, 10);
		assert.deepEqual(await panel.page.locator('.summary .note').allTextContents(), [
			'The first 3 days of the range have no data: the data starts on May 23, 2024.',
			'2 days have no data and are shown as gaps.',
		]);
		await panel.send({ type: 'result', result: makeResult({ lastDate: '2024-05-29', values: [null, 10, 12, 13] }) });
		await drawn(panel, 4);
		assert.deepEqual(await panel.page.locator('.summary .note').allTextContents(), ['The first day of the range has no data: the data starts on May 27, 2024.']);
	});

	test('a cancelled run shows a neutral note, not an error, and the previous chart stays', async () => {
		const panel = await suite.open();
		const result = makeResult({ lastDate: TODAY, values: ramp(10, 100), provisional: true });
		await panel.send(initMessage(result));
		await drawn(panel, 10);
		await panel.page.locator('#length input').press('Enter');
		await panel.send({ type: 'loading', query: result.query });
		await panel.send({ type: 'cancelled', message: 'Cancelled.' });
		await panel.page.locator('.panel-notice').waitFor();
		assert.equal(await panel.page.locator('.panel-notice').textContent(), 'Cancelled.');
		assert.equal(await panel.page.locator('.panel-error').isVisible(), false);
		assert.equal(await panel.page.locator('#panel').getAttribute('aria-busy'), 'false');
		assert.equal(await panel.page.locator('canvas').getAttribute('data-day-count'), '10');
	});
});

describe('chart webview layout', () => {
	const suite = usePanelSuite();
	const longId = 'a-very-long-application-identifier-0123456789abcdef-0123456789abcdef';

	for (const width of [350, 400, 470]) test(`at ${width} px: cards two by two, icon-only actions that keep their names, and the chart in view`, async () => {
		const panel = await suite.open({ viewport: { width, height: 800 } });
		await panel.send(initMessage(makeResult({ lastDate: '2024-05-29', values: ramp(30, 1000), appId: longId })));
		await drawn(panel, 30);
		const tops = await panel.page.locator('.figure').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
		assert.equal(tops[0], tops[1], 'two cards side by side');
		assert.notEqual(tops[1], tops[2], 'then the next two');
		const chart = await panel.page.locator('canvas').boundingBox();
		assert.ok(chart && chart.y + 150 < 800, `at least 150 px of the chart is in view: it starts at ${chart?.y}`);
		await panel.page.getByRole('button', { name: 'Copy as CSV' }).click();
		assert.deepEqual((await panel.posted()).at(-1), { type: 'copyCsv' });
		const scrollWidth = await panel.page.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(scrollWidth <= width, `nothing is wider than the panel (${scrollWidth} px)`);
	});

	test('at 1280 px: a long app ID is shown whole (wrapped, not cut), the actions stay beside the heading; an inline error pushes nothing sideways', async () => {
		const panel = await suite.open({ viewport: { width: 1280, height: 800 } });
		const actionsTop = async (): Promise<number> => (await panel.page.locator('.actions').boundingBox())?.y ?? -1;
		await panel.send(initMessage(makeResult({ lastDate: '2024-05-29', values: ramp(30, 1000) })));
		await drawn(panel, 30);
		const before = await actionsTop();
		await panel.send({ type: 'result', result: makeResult({ lastDate: '2024-05-29', values: ramp(30, 1000), appId: longId }) });
		await panel.page.locator('.query-facts li', { hasText: longId }).waitFor();
		assert.equal(await actionsTop(), before, 'the actions stay on the heading line');
		assert.deepEqual(await factsCut(panel), [], 'no fact is cut');
		assert.equal(await panel.page.locator('.query-facts li').first().getAttribute('title'), `App ${longId}`);
		const endingX = (await panel.page.locator('#end-kind').boundingBox())?.x;
		await panel.page.locator('#length input').fill('0');
		await panel.page.locator('#length input').press('Enter');
		await panel.page.locator('.field-problem:not([hidden])').waitFor();
		assert.equal((await panel.page.locator('#end-kind').boundingBox())?.x, endingX, 'Ending stays where it was');
	});

	for (const width of [932, 1232]) test(`at ${width} px the header shows the whole query of a comparison: no fact cut, hidden or under the actions`, async () => {
		const panel = await suite.open({ viewport: { width, height: 800 }, theme: 'light' });
		await panel.send(initMessage(walkComparison()));
		await drawn(panel, 30);
		const facts = panel.page.locator('.query-facts li');
		assert.deepEqual(await facts.allTextContents(), [`All apps vs App ${WALK_ID}, with the year before`, 'Last 30 days (Apr 30, 2024 – May 29, 2024)', 'Connection Sandbox on 127.0.0.1:40397']);
		assert.deepEqual(await factsCut(panel), [], 'every fact shows whole');
		const actions = await panel.page.locator('.actions').boundingBox();
		assert.ok(actions);
		for (const box of await facts.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
			assert.ok(box.width > 100, `a fact ${box.width} px wide`);
			const overlaps: boolean = box.left < actions.x + actions.width && box.right > actions.x && box.top < actions.y + actions.height && box.bottom > actions.y;
			assert.equal(overlaps, false, `a fact at ${JSON.stringify(box)} runs under the actions at ${JSON.stringify(actions)}`);
			assert.ok(box.right <= width, 'within the panel');
		}
		assert.equal(await panel.page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing wider than the panel');
	});

	test('facts on one line follow each other with one separator, no blank gap', async () => {
		const panel = await suite.open({ viewport: { width: 1232, height: 800 } });
		const single = makeResult({ lastDate: '2024-05-29', values: ramp(30, 1000) });
		await panel.send(initMessage({ ...single, query: { ...single.query, preset: 'last-30-days' } }));
		await drawn(panel, 30);
		const gaps = await panel.page.locator('.query-facts li').evaluateAll((items) => {
			const textBox = (el: Element): DOMRect => {
				const range = document.createRange();
				range.selectNodeContents(el);
				return range.getBoundingClientRect();
			};
			// Facts on the same line only: a fact that wrapped starts the next line.
			return items.slice(1).flatMap((li, i) => {
				const [left, right] = [textBox(items[i] as Element), textBox(li)];
				return Math.round(left.top) === Math.round(right.top) ? [Math.round(right.left - left.right)] : [];
			});
		});
		assert.ok(gaps.length >= 1, 'two facts share a line');
		for (const gap of gaps) assert.ok(gap > 0 && gap <= 24, `${gap} px between two facts`);
	});

	for (const theme of ['dark', 'light', 'high-contrast'] as const) for (const width of [350, 402]) test(`at ${width} px (${theme}): the comparison summary scrolls in its own labelled box, the page does not; a long id is cut with its tooltip`, async () => {
		const panel = await suite.open({ viewport: { width, height: 800 }, theme });
		await panel.send(initMessage(walkComparison()));
		await drawn(panel, 30);
		const page = panel.page;
		assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, 'the page does not scroll sideways');
		const box = page.getByRole('region', { name: 'Summary' });
		assert.equal(await box.getAttribute('tabindex'), '0', 'reachable by keyboard');
		const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
		assert.ok(sizes.scroll > sizes.client, `the table scrolls in its box (${sizes.scroll} > ${sizes.client})`);
		await box.focus();
		await page.keyboard.press('ArrowRight');
		await page.waitForFunction(() => (document.querySelector('.compare-scroll')?.scrollLeft ?? 0) > 0);
		const rows = page.locator('.compare-summary tbody th');
		assert.equal(await rows.nth(1).getAttribute('title'), `App ${WALK_ID}`);
		const name = rows.nth(1).locator('.series-name');
		assert.ok(await name.evaluate((el) => el.scrollWidth > el.clientWidth), 'the id is cut with an ellipsis');
		const heights = await rows.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
		assert.equal(heights[1], heights[0], 'the id row is one line high, not broken letter by letter');
		assert.deepEqual(await page.locator('.compare-summary thead th').evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).position))]), ['static'], 'no sticky header outside a scroll box');
	});

	test('the per-day table of a comparison: sticky headers in its scroll box, and room between numeric columns', async () => {
		const panel = await suite.open({ viewport: { width: 1232, height: 800 } });
		await panel.send(initMessage(walkComparison()));
		await drawn(panel, 30);
		await panel.page.getByRole('button', { name: 'Table' }).click();
		const headers = panel.page.locator('.table-box thead th');
		assert.deepEqual(await headers.allTextContents(), ['Date', 'All apps', `App ${WALK_ID}`]);
		assert.deepEqual(await headers.evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).position))]), ['sticky']);
		const gaps = await headers.evaluateAll((els) => {
			const textBox = (el: Element): DOMRect => {
				const range = document.createRange();
				range.selectNodeContents(el);
				return range.getBoundingClientRect();
			};
			return els.slice(1).map((el, i) => Math.round(textBox(el).left - textBox(els[i] as Element).right));
		});
		for (const gap of gaps) assert.ok(gap >= 16, `${gap} px between two column headings`);
	});
});

const WALK_ID = '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17';

/** The walk's comparison: all apps vs an unnamed app, with the year before, on a named connection, last 30 days. */
function walkComparison(): PanelResult {
	const main = makeResult({ lastDate: '2024-05-29', values: ramp(30, 130000), instance: { label: null, host: '127.0.0.1:40397' } });
	return {
		...main,
		query: { ...main.query, connection: 'Sandbox', preset: 'last-30-days', compare: { apps: [WALK_ID], period: 'year' } },
		compared: [{ appId: WALK_ID, series: makeResult({ lastDate: '2024-05-29', values: ramp(30, 52000) }).series }],
		yearBefore: makeResult({ lastDate: '2023-05-29', values: ramp(30, 100000) }).series,
	};
}

/** The facts whose text does not fit their box (cut or hidden). */
async function factsCut(panel: PanelPage): Promise<string[]> {
	return panel.page.locator('.query-facts li').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.clientWidth === 0).map((el) => el.textContent ?? ''));
}

describe('chart webview sharing', () => {
	const suite = usePanelSuite();

	test('Save as PNG posts a valid PNG of the chart at its size × devicePixelRatio, on the theme background', async () => {
		const panel = await suite.open({ deviceScaleFactor: 2, viewport: { width: 900, height: 700 } });
		await panel.send(initMessage(compared(['ios-app', 'web-app'])));
		await drawn(panel, 14);
		const size = await panel.page.locator('canvas').evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
		await panel.page.getByRole('button', { name: 'Save as PNG' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'savePng', JSON.stringify(message));
		const png = Buffer.from(message.base64, 'base64');
		assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
		assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
		assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, { width: size.width * 2, height: size.height * 2 });
		assert.equal(png.subarray(-8, -4).toString('ascii'), 'IEND', 'the file is complete');
		assert.ok(parseWebviewMessage(message, 3650), 'the host accepts it');
		// Drawn back in the page: the top-left pixel is the editor background (#1f1f1f), not transparent.
		const corner = await panel.page.evaluate(async (b64) => {
			const image = new Image();
			image.src = `data:image/png;base64,${b64}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const context = canvas.getContext('2d');
			context?.drawImage(image, 0, 0);
			return [...(context?.getImageData(0, 0, 1, 1).data ?? [])];
		}, message.base64);
		assert.deepEqual(corner, [0x1f, 0x1f, 0x1f, 255]);
	});

	test('Copy as Markdown posts a GitHub table: title, range and instance, a summary row and a column per series, one row per day', async () => {
		const panel = await suite.open();
		const result = compared(['ios-app', 'web|app']);
		await panel.send(initMessage(result));
		await drawn(panel, 14);
		await panel.page.getByRole('button', { name: 'Copy as Markdown' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'copyMarkdown', JSON.stringify(message));
		const lines = message.markdown.split('\n');
		assert.deepEqual(lines.slice(0, 9), [
			'## Daily active users · App ios-app',
			'',
			'May 16, 2024 – May 29, 2024 · US-01 (rest.iad-01.braze.com)',
			'',
			// Fourteen days fetched for fourteen shown: no previous period, an empty Change cell as in the panel.
			'| Series | Latest complete day | Average | Minimum | Maximum | Change |',
			'| --- | ---: | ---: | ---: | ---: | ---: |',
			'| App ios-app | 1,280 (May 29, 2024) | 1,140 | 1,000 (May 16, 2024) | 1,280 (May 29, 2024) |  |',
			'| App web\\|app | 2,280 (May 29, 2024) | 2,140 | 2,000 (May 16, 2024) | 2,280 (May 29, 2024) |  |',
			'',
		]);
		assert.equal(lines[9], '| Date | App ios-app | App web\\|app |', 'a | in an app ID is escaped');
		assert.equal(lines[10], '| --- | ---: | ---: |');
		assert.equal(lines[11], '| 2024-05-16 | 1000 | 2000 |');
		assert.equal(lines.filter((l) => /^\| \d{4}-\d{2}-\d{2} \|/.test(l)).length, 14);
		assert.ok(parseWebviewMessage(message, 3650), 'the host accepts it');
	});

	test('Export to CSV asks the host; without a result the share actions are off', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(null));
		await panel.page.locator('.empty').waitFor();
		for (const name of ['Export to CSV', 'Copy as Markdown', 'Save as PNG']) await panel.page.getByRole('button', { name }).click({ force: true });
		assert.deepEqual((await panel.posted()).slice(1), []);
		await panel.send(initMessage(compared(['a'])));
		await drawn(panel, 14);
		await panel.page.getByRole('button', { name: 'Export to CSV' }).click();
		assert.deepEqual((await panel.posted()).at(-1), { type: 'exportCsv' });
	});
});

describe('chart webview comparison summary', () => {
	const suite = usePanelSuite();

	test('every compared series gets its own summary row, with its change when the previous period was fetched', async () => {
		const panel = await suite.open();
		const main = makeResult({ lastDate: '2024-05-29', values: [...ramp(7, 500), ...ramp(7, 1000)], length: 7, appId: 'ios-app' });
		const other = makeResult({ lastDate: '2024-05-29', values: [...ramp(7, 2000), ...ramp(7, 2000)] }).series;
		await panel.send(initMessage({ ...main, compared: [{ appId: null, series: other }] }));
		await drawn(panel, 7);
		const rows = await panel.page.locator('.compare-summary tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
		assert.deepEqual(rows, [
			['Series', 'Latest complete day', 'Average', 'Minimum', 'Maximum', 'Change'],
			['App ios-app', '1,210', '1,105', '1,000', '1,210', '+82.6%'],
			['All apps', '2,210', '2,105', '2,000', '2,210', '0.0%'],
		]);
		assert.equal(await panel.page.locator('.figure').count(), 0, 'no single-series cards');
	});
});
