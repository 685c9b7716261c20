// The chart webview in headless Chromium: controls, buttons, progress, errors, state and hostile input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePersistedPanelState, parseWebviewMessage } from '../../src/shared/protocol';
import { scanColour } from './canvasPixels';
import { cspViolations, usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { GAPPY_VALUES, initMessage, makeResult } from './sampleData';


const DEFAULT_VIEW = { startAtZero: false, previousPeriod: false };
describe('chart webview interaction', () => {
	const suite = usePanelSuite();

	const result = makeResult({ lastDate: '2024-05-30', values: GAPPY_VALUES, provisional: true });

	async function openWithResult(maxLength = 100): Promise<PanelPage> {
		const panel = await suite.open();
		await panel.send(initMessage(result, { maxLength }));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		return panel;
	}

	async function postedAfterReady(panel: PanelPage): Promise<unknown[]> {
		return (await panel.posted()).slice(1);
	}

	test('the controls post a valid run; Enter in a field runs', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		assert.equal(await page.locator('#length input').inputValue(), '10');
		await page.locator('#length input').fill('45');
		await page.locator('#end-kind').selectOption({ label: 'On a date' });
		await page.locator('#end-date input').fill('2024-04-30');
		await page.locator('#app-id input').fill(' ios-app ');
		await page.locator('#app-id input').press('Enter');
		const posted = await postedAfterReady(panel);
		assert.deepEqual(posted, [{ type: 'run', request: { length: 45, end: { kind: 'date', date: '2024-04-30' }, appId: 'ios-app' } }]);
		assert.deepEqual(parseWebviewMessage(posted[0], 100), posted[0], 'the host accepts it');
	});

	test('the keyboard alone reaches every control in order and runs', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		await page.getByRole('button', { name: 'Table' }).focus();
		const order: string[] = [];
		for (let i = 0; i < 12; i++) {
			order.push(await page.evaluate(() => {
				const el = document.activeElement;
				return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${el.textContent?.trim() ?? ''}` : '';
			}));
			await page.keyboard.press('Tab');
		}
		// The actions sit at the top right, so they come first; then the query controls.
		assert.deepEqual(order, [
			'vscode-button:Table',
			'vscode-button:Copy as CSV',
			'vscode-button:Export to JSON',
			'vscode-button:Save Query',
			'vscode-button:Export to CSV',
			'vscode-button:Copy as Markdown',
			'vscode-button:Save as PNG',
			'select#range:Last 7 daysLast 14 daysLast 30 daysLast 90 daysLast 365 daysMonth to dateLast monthQuarter to dateYear to dateCustom',
			'vscode-textfield#length:',
			'select#end-kind:YesterdayTodayOn a date',
			'vscode-textfield#app-id:',
			'vscode-button:Run',
		]);
		await page.locator('#length input').focus();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('7');
		await page.keyboard.press('Enter');
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 7, end: { kind: 'today' }, appId: null } }]);
	});

	test('invalid input shows inline messages and posts nothing', async () => {
		const panel = await openWithResult(60);
		const page = panel.page;
		const run = page.getByRole('button', { name: 'Run' });
		for (const length of ['0', '61', '']) {
			await page.locator('#length input').fill(length);
			await run.click();
			assert.equal(await page.locator('.field-length .field-problem').textContent(), 'Enter a whole number of days from 1 to 60.', `length "${length}"`);
			assert.equal(await page.locator('#length').getAttribute('invalid'), '');
		}
		await page.locator('#length input').fill('30');
		await page.locator('#app-id input').fill('my app');
		await page.locator('#end-kind').selectOption({ label: 'On a date' });
		await run.click();
		assert.deepEqual(await page.locator('.field-problem:visible').allTextContents(), [
			'Enter a date as YYYY-MM-DD.',
			'Enter an app ID without spaces, or leave it empty for all apps.',
		]);
		assert.equal(await page.locator('.field-problem[role="alert"]:visible').count(), 2);
		assert.deepEqual(await postedAfterReady(panel), []);
		await page.locator('#end-date input').fill('2024-05-01');
		await page.locator('#app-id input').fill('');
		await run.click();
		assert.equal(await page.locator('.field-problem:visible').count(), 0);
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 30, end: { kind: 'date', date: '2024-05-01' }, appId: null } }]);
	});

	test('loading shows progress and Cancel; an error shows inline and keeps the chart', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		const pixelsBefore = (await scanColour(page, '#3794ff')).pixels;
		await panel.send({ type: 'loading', query: { ...result.query, length: 20 } });
		await page.locator('.loading-status vscode-progress-ring').waitFor();
		assert.equal(await page.locator('.loading-status').textContent(), 'Loading…');
		assert.equal(await page.locator('#panel').getAttribute('aria-busy'), 'true');
		assert.equal(await page.getByRole('button', { name: 'Run' }).getAttribute('disabled'), '');
		assert.equal(await page.locator('#length input').inputValue(), '10', 'loading leaves the controls as the user has them');
		await page.getByRole('button', { name: 'Cancel' }).click();
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'cancel' }]);
		await panel.send({ type: 'error', message: 'Braze answered 401: check the API key.' });
		const alert = page.locator('.panel-error');
		await alert.waitFor();
		assert.equal(await alert.textContent(), 'Braze answered 401: check the API key.');
		assert.equal(await page.getByRole('status').textContent(), 'Braze answered 401: check the API key.', 'announced once, by the live region');
		assert.equal(await page.locator('.loading-status').isVisible(), false);
		assert.equal(await page.getByRole('button', { name: 'Cancel' }).isVisible(), false);
		assert.equal(await page.locator('canvas').getAttribute('data-point-count'), '9');
		assert.equal(await page.locator('.chart-box').isVisible(), true);
		assert.equal((await scanColour(page, '#3794ff')).pixels, pixelsBefore, 'the previous chart is still drawn');
		await panel.send({ type: 'result', result: makeResult({ lastDate: '2024-05-30', values: [1, 2, 3] }) });
		await page.locator('canvas[data-point-count="3"]').waitFor();
		assert.equal(await alert.isVisible(), false);
	});

	test('the action buttons post copyCsv, exportJson and saveQuery', async () => {
		const panel = await openWithResult();
		for (const name of ['Copy as CSV', 'Export to JSON', 'Save Query']) await panel.page.getByRole('button', { name }).click();
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'copyCsv' }, { type: 'exportJson' }, { type: 'saveQuery' }]);
	});

	test('without a result: an empty state, and only Save Query acts', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(null));
		const page = panel.page;
		await page.locator('.empty').waitFor();
		assert.equal(await page.locator('.empty').textContent(), 'No data yet. Choose the days and select Run.');
		assert.equal(await page.locator('.chart-box').isVisible(), false);
		for (const name of ['Table', 'Copy as CSV', 'Export to JSON', 'Save Query']) await page.getByRole('button', { name }).click({ force: true });
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'saveQuery' }]);
		assert.deepEqual(await panel.state(), { query: { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: null }, result: null, view: DEFAULT_VIEW });
	});

	test('setState keeps the query and the result for the serializer', async () => {
		const panel = await openWithResult();
		assert.deepEqual(await panel.state(), { query: result.query, result, view: DEFAULT_VIEW });
		const loadingQuery = { ...result.query, length: 20 };
		await panel.send({ type: 'loading', query: loadingQuery });
		await panel.page.locator('.loading-status vscode-progress-ring').waitFor();
		assert.deepEqual(await panel.state(), { query: loadingQuery, result, view: DEFAULT_VIEW }, 'the old result stays while loading');
		const next = makeResult({ lastDate: '2024-05-30', values: Array.from({ length: 20 }, (_, i) => 100 + i) });
		await panel.send({ type: 'result', result: next });
		await panel.page.locator('canvas[data-point-count="20"]').waitFor();
		const state = await panel.state();
		assert.deepEqual(state, { query: next.query, result: next, view: DEFAULT_VIEW });
		assert.deepEqual(parsePersistedPanelState(state), { query: next.query, result: next }, 'the host accepts it (the view options are the webview\'s own)');
	});

	test('ignores messages that are not the protocol and stays usable', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		const stateBefore = await panel.state();
		const hostile: unknown[] = [
			null,
			'init',
			42,
			{ type: 'nope' },
			{ type: 'error' },
			{ type: 'loading', query: { metric: 'dau', length: -1, end: 'yesterday', appId: null } },
			{ type: 'result', result: { ...result, series: { ...result.series, points: [{ date: '<img src=x>', value: 1 }] } } },
			{ type: 'result', result: { ...result, series: { ...result.series, points: [{ date: '2024-05-01', value: '1' }] } } },
			{ type: 'init', l10nBundle: null, locale: 'en', query: result.query, result, maxLength: 0 },
			{ type: 'init', l10nBundle: null, locale: 'en', query: { metric: 'wau' }, result: null, maxLength: 100 },
			{ type: 'init', l10nBundle: ['Run'], locale: 'en', query: result.query, result, maxLength: 100 },
		];
		for (const message of hostile) await page.evaluate((m) => window.postMessage(m, '*'), message);
		// A valid message after them proves they were all processed (in order) and dropped.
		await panel.send({ type: 'error', message: 'still listening' });
		await page.locator('.panel-error').waitFor();
		assert.deepEqual(await panel.state(), stateBefore);
		assert.equal(await page.locator('canvas').getAttribute('data-point-count'), '9');
		assert.equal(await page.locator('img').count(), 0);
	});

	test('the page really enforces its CSP (inline script and style are refused)', async () => {
		const panel = await suite.openUnchecked();
		const page = panel.page;
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.inlineRan = true;';
			document.body.append(script);
			const styled = document.createElement('div');
			styled.innerHTML = '<p style="color: red">x</p>';
			document.body.append(styled);
			const style = document.createElement('style');
			style.textContent = 'body { color: red; }';
			document.head.append(style);
		});
		await page.waitForFunction(() => window.__fakeVsCode.violations.length >= 2);
		const violations = await cspViolations(panel);
		assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('\n'));
		assert.ok(violations.some((v) => v.startsWith('style-src')), violations.join('\n'));
		assert.equal(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan), undefined);
		await panel.close();
	});
});
