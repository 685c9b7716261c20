// The overview view mode of the chart webview in headless Chromium under the production CSP: cards, keyboard tabs,
// a card the key may not read, the per-day table, state kept for a reload, and the narrow layout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OverviewChart, OverviewModel } from '../../src/shared/overviewProtocol';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { frenchBundle } from './sampleData';

const FIRST = '2024-05-01';

function chart(key: string, label: string, values: (number | null)[], percent = false): OverviewChart {
	return { key, label, percent, firstDate: FIRST, values, provisionalDate: null, unavailable: null };
}

/** A model as the host builds it: DAU and MAU readable, new users refused, uninstalls readable, stickiness from DAU and MAU. */
function model(): OverviewModel {
	const ok = { status: 'ok' as const, trend: 'up' as const };
	return {
		facts: ['All apps', 'May 1, 2024 – May 7, 2024', 'Connection Production on US-01 (rest.iad-01.braze.com)'],
		cards: [
			{ ...ok, key: 'dau', label: 'DAU', value: '1,400', detail: 'Average per day; May 7, 2024: 1,500', change: '+12.0% vs. the previous 7 days', tooltip: 'How DAU is computed' },
			{ ...ok, key: 'mau', label: 'MAU', value: '9,000', detail: 'On May 7, 2024, the latest complete day', change: '+2.0% vs. Apr 30, 2024', tooltip: 'How MAU is computed' },
			{ key: 'new_users', label: 'New users', status: 'denied', value: 'Not allowed by this key', detail: 'The key lacks kpi.new_users.data_series.', change: '', trend: 'none', tooltip: 'How new users are counted' },
			{ key: 'uninstalls', label: 'Uninstalls', status: 'ok', value: '70', detail: 'Total over the range', change: 'No change: the days it compares with have no data.', trend: 'none', tooltip: 'How uninstalls are counted' },
			{ ...ok, key: 'stickiness', label: 'Stickiness', value: '15.6%', detail: 'Average DAU ÷ average MAU', change: '-9.8% vs. the previous 7 days', tooltip: 'How stickiness is computed', trend: 'down' },
		],
		charts: [
			chart('dau', 'DAU', [1300, 1350, null, 1400, 1420, 1450, 1500]),
			chart('mau', 'MAU', [8800, 8850, 8900, 8900, 8950, 9000, 9000]),
			{ key: 'new_users', label: 'New users', percent: false, firstDate: FIRST, values: [], provisionalDate: null, unavailable: 'Not allowed by this key. The key lacks kpi.new_users.data_series.' },
			chart('uninstalls', 'Uninstalls', [10, 10, 10, 10, 10, 10, 10]),
			chart('stickiness', 'Stickiness', [0.148, 0.153, null, 0.157, 0.159, 0.161, 0.1667], true),
		],
		footer: ['Fetched May 8, 2024, 9:00 AM', 'Requests sent: 6'],
	};
}

const STATE = { overview: { range: { kind: 'preset', preset: 'last-7-days' }, appId: null, connection: 'Production' }, result: { opaque: true } };

describe('overview webview', () => {
	const suite = usePanelSuite();

	async function openOverview(options: Parameters<typeof suite.open>[0] = {}, l10nBundle: Record<string, string> | null = null): Promise<PanelPage> {
		const panel = await suite.open(options);
		await panel.send({ type: 'overviewInit', l10nBundle, locale: 'en', model: model(), state: STATE });
		await panel.page.locator('.overview-card').first().waitFor();
		return panel;
	}

	test('shows one card per figure with its tooltip, the refused series saying so, and keeps the state for a reload', async () => {
		const panel = await openOverview();
		const page = panel.page;
		assert.equal(await page.locator('h1').textContent(), 'Overview');
		assert.deepEqual(await page.locator('.query-facts li').allTextContents(), model().facts);
		const cards = await page.locator('.overview-card').evaluateAll((els) => els.map((el) => ({ key: (el as HTMLElement).dataset.figure, title: el.getAttribute('title'), text: Array.from(el.children).map((c) => c.textContent) })));
		assert.deepEqual(
			cards.map((c) => c.key),
			['dau', 'mau', 'new_users', 'uninstalls', 'stickiness'],
		);
		assert.deepEqual(cards[0], { key: 'dau', title: 'How DAU is computed', text: ['DAU', '1,400', 'Average per day; May 7, 2024: 1,500', '▲+12.0% vs. the previous 7 days'] });
		assert.deepEqual(cards[2]?.text.slice(0, 3), ['New users', 'Not allowed by this key', 'The key lacks kpi.new_users.data_series.']);
		assert.equal(await page.locator('.overview-card.denied .card-value.not-allowed').count(), 1);
		// The other cards still show their figures.
		assert.deepEqual(await page.locator('.overview-card.ok .card-value').allTextContents(), ['1,400', '9,000', '70', '15.6%']);
		assert.deepEqual(await page.locator('footer.meta span').allTextContents(), model().footer);
		assert.deepEqual(await panel.state(), STATE, 'the host state, kept as sent');
		assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
	});

	test('a rise of uninstalls is coloured as bad news, like a fall of the other figures; the arrow says the direction without colour', async () => {
		const panel = await suite.open({});
		const base = model();
		const cards = base.cards.map((c) => (c.key === 'uninstalls' ? { ...c, change: '+5.0% vs. the previous 7 days', trend: 'up' as const } : c));
		await panel.send({ type: 'overviewInit', l10nBundle: null, locale: 'en', model: { ...base, cards }, state: STATE });
		await panel.page.locator('.overview-card').first().waitFor();
		const arrow = (figure: string) => panel.page.locator(`[data-figure="${figure}"] .card-change .trend-arrow`);
		const colour = (figure: string) => arrow(figure).evaluate((el) => getComputedStyle(el).color);
		assert.notEqual(await colour('uninstalls'), await colour('dau'), 'DAU up and uninstalls up differ');
		assert.equal(await colour('uninstalls'), await colour('stickiness'), 'uninstalls up looks like stickiness down');
		assert.deepEqual([await arrow('dau').textContent(), await arrow('uninstalls').textContent(), await arrow('stickiness').textContent()], ['▲', '▲', '▼']);
		assert.equal(await arrow('dau').getAttribute('aria-hidden'), 'true', 'the text beside it says the sign');
		assert.equal(await panel.page.locator('[data-figure="mau"] .card-change').evaluate((el) => getComputedStyle(el).color), await panel.page.locator('body').evaluate((el) => getComputedStyle(el).color), 'the text in the foreground colour');
		assert.equal(await panel.page.locator('[data-figure="new_users"] .trend-arrow').count(), 0, 'no arrow without a change');
	});

	test('tabs: arrows, Home and End move focus and selection; the chart and the per-day table follow', async () => {
		const panel = await openOverview();
		const page = panel.page;
		const tabs = page.getByRole('tab');
		assert.deepEqual(await tabs.allTextContents(), ['DAU', 'MAU', 'New users', 'Uninstalls', 'Stickiness']);
		const selected = () => page.locator('[role="tab"][aria-selected="true"]').textContent();
		assert.equal(await selected(), 'DAU');
		assert.deepEqual(await tabs.evaluateAll((els) => els.map((el) => (el as HTMLElement).tabIndex)), [0, -1, -1, -1, -1], 'only the selected tab is in the Tab order');
		const canvas = page.locator('canvas');
		await canvas.and(page.locator('[data-day-count="7"]')).waitFor();
		assert.equal(await canvas.getAttribute('data-gap-count'), '1');
		assert.equal(await page.locator('[role="tabpanel"]').getAttribute('aria-labelledby'), 'overview-tab-dau');
		assert.equal(await page.locator('.overview-table caption').textContent(), 'DAU by day, May 1, 2024 to May 7, 2024');
		// Oldest day first, as the chart panel's table; a missing day says so.
		assert.deepEqual(await page.locator('.overview-table tbody td').allTextContents(), ['1,300', '1,350', 'No data', '1,400', '1,420', '1,450', '1,500']);

		await tabs.first().focus();
		await page.keyboard.press('ArrowRight');
		assert.equal(await selected(), 'MAU');
		assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'MAU', 'focus moves with the selection');
		assert.equal(await page.locator('.overview-table tbody td').last().textContent(), '9,000');
		await page.keyboard.press('End');
		assert.equal(await selected(), 'Stickiness');
		// Stickiness is a percentage, in the table and on the chart's axis.
		assert.deepEqual((await page.locator('.overview-table tbody td').allTextContents()).slice(0, 2), ['14.8%', '15.3%']);
		assert.equal(await page.locator('.overview-table tbody td').last().textContent(), '16.7%');
		assert.ok((await panel.canvasText()).some((t) => /^1\d\.\d%$/.test(t)), 'the y-axis reads in percents, one decimal as everywhere');
		await page.keyboard.press('ArrowRight');
		assert.equal(await selected(), 'DAU', 'the arrows wrap around');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		assert.equal(await selected(), 'New users');
		// A refused figure has no chart: its panel says why.
		assert.equal(await page.locator('.overview-chart').isVisible(), false);
		assert.equal(await page.locator('[role="tabpanel"] .empty').textContent(), 'Not allowed by this key. The key lacks kpi.new_users.data_series.');
		assert.equal(await page.locator('.overview-table table').count(), 0);
		await page.keyboard.press('Home');
		assert.equal(await selected(), 'DAU');
		await page.getByRole('tab', { name: 'Uninstalls' }).click();
		assert.equal(await selected(), 'Uninstalls');
		assert.equal(await page.locator('.overview-chart').isVisible(), true);
		await page.locator('canvas[data-gap-count="0"]').waitFor();
	});

	test('Refresh asks the host, a fetch in progress shows Cancel (Escape too), a failure shows one message over the kept figures', async () => {
		const panel = await openOverview();
		const page = panel.page;
		const refresh = page.getByRole('button', { name: 'Refresh' });
		await refresh.focus();
		await page.keyboard.press('Enter');
		assert.deepEqual((await panel.posted()).slice(1), [{ type: 'overviewRefresh' }]);
		await panel.send({ type: 'overviewLoading' });
		await page.locator('#panel[aria-busy="true"]').waitFor();
		assert.equal(await page.getByRole('button', { name: 'Cancel' }).isVisible(), true);
		assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel', 'focus moves to Cancel');
		await page.keyboard.press('Escape');
		assert.deepEqual((await panel.posted()).slice(2), [{ type: 'cancel' }]);
		await panel.send({ type: 'overviewStatus', kind: 'cancelled', message: 'Cancelled.' });
		await page.locator('.panel-notice').waitFor();
		assert.equal(await page.locator('.panel-error').isVisible(), false, 'cancelling is not an error');
		await panel.send({ type: 'overviewStatus', kind: 'error', message: 'Braze refused the key.' });
		await page.locator('.panel-error').waitFor();
		assert.equal(await page.locator('.panel-error').textContent(), 'Braze refused the key.');
		assert.equal(await page.locator('.overview-card').count(), 5, 'the previous figures stay');
		// A new result replaces the figures and clears the message.
		const next = { ...model(), cards: model().cards.map((c) => (c.key === 'dau' ? { ...c, value: '2,000' } : c)) };
		await panel.send({ type: 'overviewResult', model: next, state: { ...STATE, result: { opaque: 2 } } });
		await page.locator('.panel-error').waitFor({ state: 'hidden' });
		assert.equal(await page.locator('.overview-card .card-value').first().textContent(), '2,000');
		assert.deepEqual(await panel.state(), { ...STATE, result: { opaque: 2 } });
	});

	test('a model that is not one is ignored; without figures the panel says to refresh', async () => {
		const panel = await suite.open();
		await panel.send({ type: 'overviewInit', l10nBundle: null, locale: 'en', model: { ...model(), cards: [{ key: 'dau' }] }, state: STATE });
		await panel.send({ type: 'overviewInit', l10nBundle: null, locale: 'en', model: { facts: ['All apps', 'Last 7 days'], cards: [], charts: [], footer: [] }, state: { overview: STATE.overview, result: null } });
		await panel.page.locator('#panel > p.empty').waitFor();
		assert.equal(await panel.page.locator('#panel > p.empty').textContent(), 'No figures yet: select Refresh.');
		assert.equal(await panel.page.locator('.overview-card').count(), 0);
		assert.deepEqual(await panel.page.locator('.query-facts li').allTextContents(), ['All apps', 'Last 7 days']);
	});

	test('in French, the view\'s own words are translated', async () => {
		const panel = await openOverview({}, frenchBundle());
		assert.equal(await panel.page.locator('h1').textContent(), 'Vue d’ensemble');
		assert.equal(await panel.page.getByRole('tablist').getAttribute('aria-label'), 'Chiffres');
		assert.equal(await panel.page.getByRole('button', { name: 'Actualiser' }).count(), 1);
	});

	for (const width of [350, 470]) {
		test(`at ${width} px the cards form a two-column grid and the chart is in view without scrolling`, async () => {
			const panel = await openOverview({ viewport: { width, height: 720 } });
			const page = panel.page;
			await page.locator('canvas[data-day-count="7"]').waitFor();
			const boxes = await page.locator('.overview-card').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
			const lefts = [...new Set(boxes.map((b) => Math.round(b.left)))];
			assert.equal(lefts.length, 2, `two columns: ${JSON.stringify(lefts)}`);
			for (const box of boxes) assert.ok(box.right <= width, 'no card overflows the panel');
			const chartBox = await page.locator('.overview-chart').boundingBox();
			assert.ok(chartBox && chartBox.y + chartBox.height <= 720, `the chart ends at ${chartBox ? chartBox.y + chartBox.height : '?'} px, within the 720 px viewport`);
			assert.ok(chartBox.height >= 150, `the chart is ${chartBox.height} px tall`);
			assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scrolling');
		});
	}

	test('the header\'s facts follow each other with one separator, no blank gap', async () => {
		const panel = await openOverview({ viewport: { width: 1232, height: 720 } });
		const gaps = await panel.page.locator('.query-facts li').evaluateAll((items) => {
			const textBox = (el: Element): DOMRect => {
				const range = document.createRange();
				range.selectNodeContents(el);
				return range.getBoundingClientRect();
			};
			return items.slice(1).map((li, i) => Math.round(textBox(li).left - textBox(items[i] as Element).right));
		});
		assert.equal(gaps.length, 2);
		for (const gap of gaps) assert.ok(gap > 0 && gap <= 24, `${gap} px between two facts`);
	});

	test('dates of the table are plain days, whatever the viewer\'s zone', async () => {
		const panel = await openOverview({ timezoneId: 'America/Los_Angeles' });
		const first = await panel.page.locator('.overview-table tbody th').first().textContent();
		assert.equal(first, 'Wed, May 1, 2024');
	});
});
