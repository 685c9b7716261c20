// What the chart webview tells the user beyond the drawing, in headless Chromium: tooltip text in the
// user's language, the live region that announces results and errors, and the state of the Table toggle.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { GAPPY_VALUES, TODAY, frenchBundle, initMessage, makeResult } from './sampleData';

// Where to hover, as a fraction of the canvas width, for ten days: the last one (the provisional day) and the sixth.
const LAST_DAY = 0.95;
const MIDDLE_DAY = 0.5;

/** Hovers the chart at a fraction of its width and waits until the canvas has drawn every one of `texts`. */
async function hoverUntilDrawn(panel: PanelPage, fraction: number, texts: readonly string[]): Promise<void> {
	const box = await panel.page.locator('canvas[data-point-count]').boundingBox();
	assert.ok(box);
	await panel.page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
	// Chart.js draws the tooltip on a later animation frame.
	await panel.page.waitForFunction((wanted) => wanted.every((text) => window.__canvasText.includes(text)), texts, { timeout: 5000 }).catch(async () => {
		const drawn = [...new Set(await panel.canvasText())];
		assert.fail(`expected ${JSON.stringify(texts)} on the canvas; drawn: ${JSON.stringify(drawn)}`);
	});
}

describe('chart webview feedback', () => {
	const suite = usePanelSuite();
	const gappy = makeResult({ lastDate: TODAY, values: GAPPY_VALUES, provisional: true });

	test('the tooltip fills the English templates', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(gappy));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		await hoverUntilDrawn(panel, LAST_DAY, ['Thu, May 30, 2024 (in progress)', 'Daily active users: 1,530']);
		await hoverUntilDrawn(panel, MIDDLE_DAY, ['Sat, May 25, 2024', 'Daily active users: 1,350']);
		const drawn = await panel.canvasText();
		assert.ok(!drawn.includes('Sat, May 25, 2024 (in progress)'), 'only the provisional day is marked');
	});

	test('the tooltip follows the order and spacing of the translation', async () => {
		const panel = await suite.open({ lang: 'fr' });
		await panel.send(initMessage(gappy, { locale: 'fr', l10nBundle: frenchBundle() }));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		await hoverUntilDrawn(panel, LAST_DAY, ['jeu. 30 mai 2024 (en cours)', 'Utilisateurs actifs quotidiens : 1\u202f530']);
		await hoverUntilDrawn(panel, MIDDLE_DAY, ['sam. 25 mai 2024', 'Utilisateurs actifs quotidiens : 1\u202f350']);
		// A template that puts the value first, to be sure nothing is concatenated in a fixed order.
		const reordered = await suite.open();
		await reordered.send(initMessage(gappy, { l10nBundle: { '{0} (in progress)': 'In progress: {0}', '{0}: {1}': '{1} ({0})' } }));
		await reordered.page.locator('canvas[data-point-count]').waitFor();
		await hoverUntilDrawn(reordered, LAST_DAY, ['In progress: Thu, May 30, 2024', '1,530 (Daily active users)']);
	});

	test('a polite live region announces each result and each error', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(gappy));
		const page = panel.page;
		await page.locator('canvas[data-point-count]').waitFor();
		const status = page.getByRole('status');
		assert.equal(await status.getAttribute('aria-live'), 'polite');
		assert.equal(await status.textContent(), '', 'init shows what was there: nothing to announce');
		const box = await status.boundingBox();
		assert.ok(box && box.width <= 1 && box.height <= 1, `read, not shown: ${JSON.stringify(box)}`);
		// Twenty days fetched to compare with the previous ten: the ten shown are announced.
		await panel.send({ type: 'loading', query: gappy.query });
		await panel.send({ type: 'result', result: makeResult({ lastDate: TODAY, values: Array.from({ length: 20 }, (_, i) => 1000 + i), length: 10 }) });
		await page.getByRole('status').filter({ hasText: 'Loaded 10 days.' }).waitFor();
		await panel.send({ type: 'loading', query: gappy.query });
		assert.equal(await status.textContent(), '', 'a new fetch clears the last announcement');
		await panel.send({ type: 'error', message: 'Braze answered 429: too many requests.' });
		await page.getByRole('status').filter({ hasText: 'Braze answered 429: too many requests.' }).waitFor();
		assert.equal(await page.locator('[role="alert"]:visible').count(), 0, 'the error box does not announce it a second time');
		await panel.send({ type: 'error', message: 'Braze answered 429: too many requests.' });
		await panel.send({ type: 'result', result: makeResult({ lastDate: TODAY, values: [42] }) });
		await page.getByRole('status').filter({ hasText: 'Loaded one day.' }).waitFor();
		assert.equal(await page.locator('[role="status"]').count(), 1);
	});

	test('a host message the panel cannot read is said, in the user\'s language, never dropped in silence', async () => {
		const panel = await suite.open({ lang: 'fr' });
		const french = frenchBundle();
		await panel.send(initMessage(gappy, { locale: 'fr', l10nBundle: french }));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		await panel.send({ type: 'result', result: { ...gappy, series: { ...gappy.series, points: [] } } });
		const error = panel.page.locator('.panel-error');
		await error.waitFor();
		const sentence = french['This panel could not show what the extension sent. Select Fetch Again (Ignore Cache) in the editor title or run the query again; if it happens again, report it with the Braze log (Output › Braze).'];
		assert.ok(sentence);
		assert.equal(await error.textContent(), sentence);
		assert.deepEqual((await panel.posted()).at(-1), { type: 'messageUnreadable', messageType: 'result' });
		// An `init` that cannot be read leaves no panel to show it in: the sentence alone, and the page no longer busy.
		const fresh = await suite.open();
		await fresh.send({ ...initMessage(gappy), maxLength: -1 });
		await fresh.page.locator('#panel .panel-error[role="alert"]').waitFor();
		assert.match((await fresh.page.locator('#panel').textContent()) ?? '', /^This panel could not show what the extension sent\./);
		assert.equal(await fresh.page.locator('#panel').getAttribute('aria-busy'), 'false');
		assert.deepEqual((await fresh.posted()).at(-1), { type: 'messageUnreadable', messageType: 'init' });
	});

	test('the table toggle keeps its name and says whether it is pressed', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(null));
		const page = panel.page;
		await page.locator('.empty').waitFor();
		assert.equal(await page.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed'), 'false', 'nothing to show yet');
		await panel.send(initMessage(gappy));
		await page.locator('canvas[data-point-count]').waitFor();
		await page.getByRole('button', { name: 'Table', pressed: false }).click();
		await page.getByRole('button', { name: 'Table', pressed: true }).waitFor();
		assert.equal(await page.locator('.table-box').isVisible(), true);
		assert.equal(await page.locator('.chart-box').isVisible(), false);
		await page.getByRole('button', { name: 'Table', pressed: true }).press('Enter');
		await page.getByRole('button', { name: 'Table', pressed: false }).waitFor();
		assert.equal(await page.locator('.chart-box').isVisible(), true);
		assert.equal(await page.getByRole('button', { name: 'Chart' }).count(), 0, 'one toggle, not a button that renames itself');
	});
});
