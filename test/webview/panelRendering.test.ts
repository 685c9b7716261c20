// The chart webview in headless Chromium under the production CSP: what it draws and shows.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { scanColour } from './canvasPixels';
import { ROOT, usePanelSuite } from './harness';
import type { OpenPanelOptions, PanelPage } from './harness';
import { GAPPY_VALUES, frenchBundle, initMessage, makeResult } from './sampleData';

const DARK_BLUE = '#3794ff';
const LIGHT_BLUE = '#1a85ff';
const HC_BLUE = '#75beff';

describe('chart webview rendering', () => {
	const suite = usePanelSuite();

	function openWith(options: OpenPanelOptions = {}): Promise<PanelPage> {
		return suite.open(options);
	}

	const gappy = makeResult({ lastDate: '2024-05-30', values: GAPPY_VALUES, provisional: true });

	test('posts ready first, once, and draws the points init gives it', async () => {
		const panel = await openWith();
		assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
		await panel.send(initMessage(gappy));
		const canvas = panel.page.locator('canvas');
		await canvas.and(panel.page.locator('[data-point-count]')).waitFor();
		assert.equal(await canvas.getAttribute('data-day-count'), '10');
		assert.equal(await canvas.getAttribute('data-point-count'), '9');
		assert.equal(await canvas.getAttribute('data-gap-count'), '1');
		assert.equal(await canvas.getAttribute('data-provisional-index'), '9');
		assert.equal(await canvas.getAttribute('role'), 'img');
		assert.equal(
			await canvas.getAttribute('aria-label'),
			'Daily active users from May 21, 2024 to May 30, 2024. Average 1,395, minimum 1,200, maximum 1,560.',
		);
		assert.equal(await panel.page.locator('h1').textContent(), 'Daily active users');
		assert.deepEqual(await panel.page.locator('.query-facts li').allTextContents(), ['All apps', 'May 21, 2024 – May 30, 2024', 'US-01 (rest.iad-01.braze.com)']);
		const figures = await panel.page.locator('.figure').evaluateAll((els) => els.map((el) => Array.from(el.children).map((c) => c.textContent)));
		assert.deepEqual(figures, [
			['Latest complete day', '1,560', 'May 29, 2024'],
			['Average', '1,395', ''],
			['Minimum', '1,200', 'May 21, 2024'],
			['Maximum', '1,560', 'May 29, 2024'],
			// A result without its previous period: the change card says why, never a hole.
			['Change', 'Not shown', 'The previous 9 days were not fetched with this chart. Fetch Again to include them.'],
		]);
		assert.deepEqual(await panel.page.locator('.summary .note').allTextContents(), [
			'Thu, May 30, 2024 is still in progress: drawn dashed and left out of the summary.',
			'One day has no data and is shown as a gap.',
		]);
		assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
	});

	test('draws a gap for a missing day and the provisional day dashed (pixels)', async () => {
		const panel = await openWith();
		await panel.send(initMessage(gappy));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		const { runs } = await scanColour(panel.page, DARK_BLUE);
		// Days 0–1 solid, day 2 missing, days 3–8 solid, day 8→9 dashed ending in a hollow point.
		assert.ok(runs.length >= 5, `expected a solid run, a gap, a solid run and dashes, got ${JSON.stringify(runs)}`);
		const [first, second, ...dashes] = runs as [(typeof runs)[0], (typeof runs)[0], ...typeof runs];
		// Day 0 to the hollow point on day 9 (radius 3, border 2) spans nine days.
		const step = (dashes.at(-1)!.end - first.start - 4) / 9;
		assert.ok(step > 40, `a day is ${step}px wide`);
		near(first.end - first.start, step, 4, 'the first solid run ends at day 1');
		near(second.start - first.start, 3 * step, 4, 'nothing is drawn across day 2: the second run starts at day 3');
		near(second.end - first.start, 8 * step, 8, 'the solid line stops at day 8');
		assert.ok(dashes.length >= 4, `the last day is dashed: ${JSON.stringify(dashes)}`);
		for (const [i, dash] of dashes.slice(0, -1).entries()) assert.ok(dash.end - dash.start < 10, `dash ${i} is short: ${JSON.stringify(dash)}`);
	});

	test('hovering the chart shows a tooltip in the hover widget colours', async () => {
		const panel = await openWith();
		await panel.send(initMessage(gappy));
		const canvas = panel.page.locator('canvas[data-point-count]');
		await canvas.waitFor();
		const hoverBackground = '#202020';
		assert.ok((await scanColour(panel.page, hoverBackground)).pixels < 50, 'no tooltip before hovering');
		const box = await canvas.boundingBox();
		assert.ok(box);
		await panel.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		// Chart.js handles pointer events on the next animation frame: look again frame by frame.
		let tooltip = await scanColour(panel.page, hoverBackground);
		for (let frame = 0; frame < 30 && tooltip.pixels <= 1000; frame++) {
			await panel.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
			tooltip = await scanColour(panel.page, hoverBackground);
		}
		assert.ok(tooltip.pixels > 1000, `a tooltip box is drawn (${tooltip.pixels} px)`);
	});

	test('the table shows the same days and values, cell by cell', async () => {
		const panel = await openWith();
		await panel.send(initMessage(gappy));
		const page = panel.page;
		await page.locator('canvas[data-point-count]').waitFor();
		assert.equal(await page.locator('.table-box').isVisible(), false);
		await page.getByRole('button', { name: 'Table' }).click();
		assert.equal(await page.locator('.table-box').isVisible(), true);
		assert.equal(await page.locator('.chart-box').isVisible(), false);
		const table = page.locator('table');
		assert.equal(await table.locator('caption').textContent(), 'Daily active users by day, May 21, 2024 to May 30, 2024');
		assert.deepEqual(await table.locator('thead th').evaluateAll((els) => els.map((el) => [el.getAttribute('scope'), el.textContent])), [
			['col', 'Date'],
			['col', 'Daily active users'],
		]);
		const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => `${c.tagName}:${c.getAttribute('scope') ?? ''}:${c.textContent}`)));
		assert.deepEqual(rows, [
			['TH:row:Tue, May 21, 2024', 'TD::1,200'],
			['TH:row:Wed, May 22, 2024', 'TD::1,320'],
			['TH:row:Thu, May 23, 2024', 'TD::No data'],
			['TH:row:Fri, May 24, 2024', 'TD::1,380'],
			['TH:row:Sat, May 25, 2024', 'TD::1,350'],
			['TH:row:Sun, May 26, 2024', 'TD::1,440'],
			['TH:row:Mon, May 27, 2024', 'TD::1,410'],
			['TH:row:Tue, May 28, 2024', 'TD::1,500'],
			['TH:row:Wed, May 29, 2024', 'TD::1,560'],
			['TH:row:Thu, May 30, 2024 in progress', 'TD::1,530'],
		]);
		await page.getByRole('button', { name: 'Table' }).click();
		assert.equal(await page.locator('.chart-box').isVisible(), true);
	});

	test('a theme switch re-colours the open chart from the new --vscode-charts-blue', async () => {
		const panel = await openWith({ theme: 'dark' });
		await panel.send(initMessage(gappy));
		const canvas = panel.page.locator('canvas[data-point-count]');
		await canvas.waitFor();
		const before = await scanColour(panel.page, DARK_BLUE);
		assert.ok(before.pixels > 200, `the dark line is drawn (${before.pixels} px)`);
		for (const [theme, blue] of [['light', LIGHT_BLUE], ['high-contrast', HC_BLUE]] as const) {
			await panel.setTheme(theme);
			await panel.page.waitForFunction((b) => document.querySelector('canvas')?.dataset.lineColour === b, blue);
			const now = await scanColour(panel.page, blue);
			assert.ok(now.pixels > 200, `the ${theme} line is drawn in ${blue} (${now.pixels} px)`);
			assert.equal((await scanColour(panel.page, DARK_BLUE)).pixels, 0, `no ${DARK_BLUE} left after switching to ${theme}`);
		}
	});

	test('shows the change against the previous period and draws only the days asked for', async () => {
		const values = Array.from({ length: 20 }, (_, i) => (i < 10 ? 1000 : 1100));
		const result = makeResult({ lastDate: '2024-05-30', values, length: 10 });
		const panel = await openWith();
		await panel.send(initMessage(result));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		assert.equal(await panel.page.locator('canvas').getAttribute('data-day-count'), '10');
		assert.equal(await panel.page.locator('tbody tr').count(), 10);
		const change = panel.page.locator('[data-figure="change"]');
		assert.deepEqual(await change.locator('dt, dd').allTextContents(), ['Change', '+10.0%', 'vs. the previous 10 days']);
	});

	test('speaks the language of the translations sent, formats in the display locale and never shifts a day by the time zone', async () => {
		for (const timezoneId of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
			const panel = await openWith({ timezoneId, lang: 'fr' });
			await panel.send(initMessage(gappy, { locale: 'fr', l10nBundle: frenchBundle() }));
			await panel.page.locator('canvas[data-point-count]').waitFor();
			assert.equal(await panel.page.locator('h1').textContent(), 'Utilisateurs actifs quotidiens');
			assert.equal(await panel.page.locator('[data-figure="average"] dt').textContent(), 'Moyenne');
			assert.equal(await panel.page.locator('form.controls vscode-button').first().textContent(), 'Exécuter');
			const firstRow = await panel.page.locator('tbody tr').first().locator('th, td').allTextContents();
			assert.deepEqual(firstRow, ['mar. 21 mai 2024', '1\u202f200'], `in ${timezoneId}`);
			assert.equal(await panel.page.locator('.query-facts li').nth(1).textContent(), '21 mai 2024 – 30 mai 2024');
			assert.equal(await panel.page.locator('html').getAttribute('lang'), 'fr');
		}
	});

	test('renders data as text only', async () => {
		const result = makeResult({
			lastDate: '2024-05-30',
			values: [5, 6],
			appId: '<img/src=x/onerror=alert(1)>',
			instance: { label: '<b>EU</b>', host: 'x"><script>alert(1)</script>' },
		});
		const panel = await openWith();
		await panel.send(initMessage(result));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		assert.deepEqual(await panel.page.locator('.query-facts li').allTextContents(), [
			'App <img/src=x/onerror=alert(1)>',
			'May 29, 2024 – May 30, 2024',
			'<b>EU</b> (x"><script>alert(1)</script>)',
		]);
		assert.equal(await panel.page.locator('#panel img, #panel b, #panel script').count(), 0);
	});

	test('screenshots in dark and light theme', async () => {
		const values = [...Array.from({ length: 50 }, (_, i) => 41000 + ((i * 7919) % 5000)), ...GAPPY_VALUES.map((v) => (v === null ? null : v * 36))];
		const result = makeResult({ lastDate: '2024-05-30', values, provisional: true, length: 30 });
		const folder = path.join(ROOT, 'test-results');
		mkdirSync(folder, { recursive: true });
		for (const theme of ['dark', 'light'] as const) {
			const panel = await openWith({ theme, viewport: { width: 1000, height: 760 } });
			await panel.send(initMessage(result));
			await panel.page.locator('canvas[data-point-count]').waitFor();
			await panel.page.evaluate(() => document.fonts.ready);
			await panel.page.screenshot({ path: path.join(folder, `webview-${theme}.png`) });
		}
	});
});

function near(actual: number, expected: number, tolerance: number, what: string): void {
	assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}
