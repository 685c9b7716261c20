// Compare in headless Chromium: app names in the legend, header and table with identifiers in tooltips, the
// dashed year-before overlay, the previous period drawn when the comparison asks for it, and Compare….
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PanelResult } from '../../src/shared/protocol';
import { usePanelSuite } from './harness';
import { frenchBundle, initMessage, makeResult } from './sampleData';

function ramp(days: number, base: number): number[] {
	return Array.from({ length: days }, (_, i) => base + 10 * i);
}

/** iOS (named) vs Android (named) vs all apps vs an unnamed app, 14 days. */
function namedComparison(): PanelResult {
	const main = makeResult({ lastDate: '2024-05-29', values: ramp(14, 1000), appId: 'ios-id' });
	const other = (base: number) => makeResult({ lastDate: '2024-05-29', values: ramp(14, base) }).series;
	return {
		...main,
		query: { ...main.query, compare: { apps: ['android-id', null, 'web-id'] } },
		compared: [{ appId: 'android-id', series: other(2000) }, { appId: null, series: other(5000) }, { appId: 'web-id', series: other(300) }],
		appNames: { 'ios-id': 'Shop iOS', 'android-id': 'Shop Android' },
	};
}

describe('chart webview: compare', () => {
	const suite = usePanelSuite();

	test('named apps show their names in the legend, the header and the table; identifiers are in tooltips', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(namedComparison()));
		await panel.page.locator('canvas[data-line-count="4"]').waitFor();
		const legend = panel.page.getByRole('list', { name: 'Legend' }).locator('li');
		assert.deepEqual(await legend.allTextContents(), ['Shop iOS', 'Shop Android', 'All apps', 'App web-id']);
		assert.deepEqual(await legend.evaluateAll((items) => items.map((li) => li.getAttribute('title'))), ['App identifier: ios-id', 'App identifier: android-id', null, null]);
		const apps = panel.page.locator('.query-facts li').first();
		assert.equal(await apps.textContent(), 'Shop iOS vs Shop Android vs All apps vs App web-id');
		assert.equal(await apps.getAttribute('title'), 'Shop iOS: App identifier: ios-id\nShop Android: App identifier: android-id');
		await panel.page.getByRole('button', { name: 'Table' }).click();
		assert.deepEqual(await panel.page.locator('.table-box thead th').allTextContents(), ['Date', 'Shop iOS', 'Shop Android', 'All apps', 'App web-id']);
		assert.deepEqual(await panel.page.locator('.summary .compare-summary tbody th').allTextContents(), ['Shop iOS', 'Shop Android', 'All apps', 'App web-id']);
	});

	test('the year before is drawn dashed, aligned by day of the range, with its own legend entry', async () => {
		const panel = await suite.open();
		const main = makeResult({ lastDate: '2024-03-05', values: ramp(10, 1000) });
		// A year before, the same ten days: 2023-02-24 to 2023-03-05 (no 29 February in 2023).
		const yearBefore = makeResult({ lastDate: '2023-03-05', values: ramp(10, 400) }).series;
		await panel.send(initMessage({ ...main, query: { ...main.query, compare: { apps: [], period: 'year' } }, yearBefore }));
		await panel.page.locator('canvas[data-line-count="2"]').waitFor();
		const legend = panel.page.locator('.legend li');
		assert.deepEqual(await legend.allTextContents(), ['Daily active users', 'Daily active users, a year before']);
		assert.equal(await legend.nth(1).getAttribute('data-overlay'), 'true');
		// The tooltip of the last day gives the year-before value of the range's last day.
		const box = await panel.page.locator('canvas').boundingBox();
		assert.ok(box);
		await panel.page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
		await panel.page.waitForFunction(() => window.__canvasText.some((t) => t.startsWith('Daily active users, a year before: ')));
		const text = await panel.canvasText();
		assert.ok(text.includes('Daily active users: 1,090'), JSON.stringify(text.slice(-6)));
		assert.ok(text.includes('Daily active users, a year before: 490'), JSON.stringify(text.slice(-6)));
	});

	test('a year-before comparison hides Previous period and draws one dashed line, even with the toggle left on; the header names the overlay as the tab does', async () => {
		// The toggle was on in this panel before; the result also holds the previous period (20 days for a 10-day query).
		const panel = await suite.open({ savedState: { view: { startAtZero: false, previousPeriod: true } } });
		const main = makeResult({ lastDate: '2024-03-05', values: [...ramp(10, 500), ...ramp(10, 1000)], length: 10 });
		const yearBefore = makeResult({ lastDate: '2023-03-05', values: ramp(10, 400) }).series;
		await panel.send(initMessage({ ...main, query: { ...main.query, compare: { apps: [], period: 'year' } }, yearBefore }));
		await panel.page.locator('canvas[data-line-count="2"]').waitFor();
		assert.equal(await panel.page.locator('#previous-period').isVisible(), false);
		assert.deepEqual(await panel.page.locator('.legend li').allTextContents(), ['Daily active users', 'Daily active users, a year before']);
		assert.equal(await panel.page.locator('.legend li[data-overlay="true"]').count(), 1, 'one dashed swatch');
		assert.equal(await panel.page.locator('.query-facts li').first().textContent(), 'All apps, with the year before');
		// Without the comparison, the same panel offers the toggle again and draws the previous period.
		await panel.send({ type: 'result', result: main });
		await panel.page.locator('canvas[data-line-count="2"][data-day-count="10"]').waitFor();
		await panel.page.locator('#previous-period').waitFor();
		assert.deepEqual(await panel.page.locator('.legend li').allTextContents(), ['Daily active users', 'Daily active users, previous period']);
		assert.equal(await panel.page.locator('.query-facts li').first().textContent(), 'All apps');
	});

	test('a comparison with the previous period draws it without the toggle', async () => {
		const panel = await suite.open();
		const result = makeResult({ lastDate: '2024-05-29', values: [...ramp(10, 500), ...ramp(10, 1000)], length: 10 });
		await panel.send(initMessage({ ...result, query: { ...result.query, compare: { apps: [], period: 'previous' } } }));
		await panel.page.locator('canvas[data-line-count="2"]').waitFor();
		assert.equal(await panel.page.locator('#previous-period').isVisible(), false);
		assert.deepEqual(await panel.page.locator('.legend li').allTextContents(), ['Daily active users', 'Daily active users, previous period']);
		assert.equal(await panel.page.locator('.query-facts li').first().textContent(), 'All apps, with the previous period');
	});

	test('Copy as Markdown of a comparison with the previous period: a summary row and a column for every series, the overlay included', async () => {
		const panel = await suite.open();
		// 2024-05-10 to 05-19 is the previous period of the ten days shown, 05-20 to 05-29.
		const main = makeResult({ lastDate: '2024-05-29', values: [...ramp(10, 500), ...ramp(10, 1000)], length: 10, appId: 'ios-id' });
		const android = makeResult({ lastDate: '2024-05-29', values: [null, ...ramp(9, 2010)] }).series;
		const result: PanelResult = { ...main, query: { ...main.query, compare: { apps: ['android-id'], period: 'previous' } }, compared: [{ appId: 'android-id', series: android }], appNames: { 'android-id': 'Shop Android' } };
		await panel.send(initMessage(result));
		await panel.page.locator('canvas[data-line-count="3"]').waitFor();
		await panel.page.getByRole('button', { name: 'Copy as Markdown' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'copyMarkdown', JSON.stringify(message));
		const lines = message.markdown.split('\n');
		// The change of iOS: (1,045 − 545) ÷ 545. Android and the overlay hold no previous period: an empty cell, as in the panel.
		assert.deepEqual(lines.slice(4, 9), [
			'| Series | Latest complete day | Average | Minimum | Maximum | Change |',
			'| --- | ---: | ---: | ---: | ---: | ---: |',
			'| App ios-id | 1,090 (May 29, 2024) | 1,045 | 1,000 (May 20, 2024) | 1,090 (May 29, 2024) | +91.7% |',
			'| Shop Android | 2,090 (May 29, 2024) | 2,050 | 2,010 (May 21, 2024) | 2,090 (May 29, 2024) |  |',
			'| App ios-id, previous period | 590 (May 19, 2024) | 545 | 500 (May 10, 2024) | 590 (May 19, 2024) |  |',
		]);
		const panelChanges = await panel.page.locator('.compare-summary tbody tr td:last-child').allTextContents();
		assert.deepEqual(panelChanges, ['+91.7%', ''], 'the panel\'s own summary table');
		assert.deepEqual(lines.slice(6, 8).map((l) => l.split(' | ').at(-1)?.replace(/ ?\|$/, '')), panelChanges, 'the Markdown\'s changes are the panel\'s');
		assert.equal(lines[10], '| Date | App ios-id | Shop Android | App ios-id, previous period |');
		assert.equal(lines[12], '| 2024-05-20 | 1000 |  | 500 |', 'a gap is an empty cell; the previous period is aligned by day');
		assert.equal(lines[21], '| 2024-05-29 | 1090 | 2090 | 590 |');
		assert.equal(lines.filter((l) => /^\| \d{4}-\d{2}-\d{2} \|/.test(l)).length, 10);
	});

	test('Compare… is a native button that asks the host, by click and by keyboard', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(makeResult({ lastDate: '2024-05-29', values: ramp(14, 1000) })));
		await panel.page.locator('canvas[data-day-count="14"]').waitFor();
		const compare = panel.page.getByRole('button', { name: 'Compare…' });
		assert.equal(await compare.evaluate((b) => b.tagName), 'BUTTON');
		// Drawn like the icon-only share actions beside it: same height, corners and (nearly) width.
		const looks = (el: Element): { height: number; width: number; radius: string } => {
			const base = el.shadowRoot?.querySelector('.base') ?? el;
			return { height: Math.round(el.getBoundingClientRect().height), width: Math.round(el.getBoundingClientRect().width), radius: getComputedStyle(base).borderTopLeftRadius };
		};
		const own = await compare.evaluate(looks);
		const share = await panel.page.locator('.actions vscode-button.icon-only').first().evaluate(looks);
		assert.deepEqual({ height: own.height, radius: own.radius }, { height: share.height, radius: share.radius });
		assert.ok(Math.abs(own.width - share.width) <= 4, `${own.width} px wide beside ${share.width} px`);
		await compare.click();
		await compare.focus();
		await panel.page.keyboard.press('Enter');
		await panel.page.waitForFunction(() => window.__fakeVsCode.posted.filter((m) => m.type === 'compare').length === 2);
	});

	test('in French', async () => {
		const panel = await suite.open();
		await panel.send({ ...initMessage(namedComparison()), l10nBundle: frenchBundle(), locale: 'fr' });
		await panel.page.locator('canvas[data-line-count="4"]').waitFor();
		assert.equal(await panel.page.locator('.query-facts li').first().textContent(), 'Shop iOS vs Shop Android vs Toutes les applications vs Application web-id');
		const named = namedComparison();
		await panel.send({ type: 'result', result: { ...named, query: { ...named.query, compare: { apps: ['android-id'], period: 'year' } }, compared: named.compared?.slice(0, 1) } });
		await panel.page.locator('.query-facts li', { hasText: 'avec' }).waitFor();
		assert.equal(await panel.page.locator('.query-facts li').first().textContent(), 'Shop iOS vs Shop Android, avec l\'année précédente');
		assert.equal(await panel.page.locator('.compare-button').getAttribute('title'), 'Comparer…');
		assert.equal(await panel.page.getByRole('button', { name: 'Comparer…' }).count(), 1);
		await panel.page.getByRole('button', { name: 'Copier en Markdown' }).click();
		const message = (await panel.posted()).at(-1);
		assert.ok(message && message.type === 'copyMarkdown', JSON.stringify(message));
		assert.equal(message.markdown.split('\n')[4], '| Série | Dernier jour complet | Moyenne | Minimum | Maximum | Évolution |');
	});
});
