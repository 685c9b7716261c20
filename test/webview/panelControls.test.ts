// The chart webview's query controls in headless Chromium: the newest end date, busy at once, keyboard
// focus while a fetch runs, Escape, and what the user typed surviving the host's messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { WebviewToHost } from '../../src/shared/protocol';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { GAPPY_VALUES, TODAY, initMessage, makeResult } from './sampleData';

/** The focused element, as `tag:text` (the buttons are custom elements, focused as themselves). */
function focused(page: Page): Promise<string> {
	return page.evaluate(() => {
		const el = document.activeElement;
		return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${el.id ? '' : (el.textContent?.trim() ?? '')}` : '';
	});
}

async function postedAfterReady(panel: PanelPage): Promise<WebviewToHost[]> {
	return (await panel.posted()).slice(1);
}

describe('chart webview controls', () => {
	const suite = usePanelSuite();
	const result = makeResult({ lastDate: TODAY, values: GAPPY_VALUES, provisional: true });

	async function openWithResult(): Promise<PanelPage> {
		const panel = await suite.open();
		await panel.send(initMessage(result));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		return panel;
	}

	async function chooseDateEnd(page: Page): Promise<void> {
		await page.locator('#end-kind').selectOption({ label: 'On a date' });
	}

	test('a query that ends on a date shows that date in the controls as soon as the panel opens', async () => {
		const panel = await suite.open();
		const fixed = makeResult({ lastDate: '2024-05-20', values: GAPPY_VALUES });
		await panel.send(initMessage(fixed));
		await panel.page.locator('canvas[data-point-count]').waitFor();
		const dateField = panel.page.locator('#end-date');
		assert.equal(await dateField.isVisible(), true, 'the date field is shown for an end on a date');
		assert.equal(await panel.page.locator('#end-date input').inputValue(), '2024-05-20');
	});

	test('an end date after today is refused inline; today itself runs', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		await chooseDateEnd(page);
		await page.locator('#end-date input').fill('2024-05-31');
		await page.locator('#end-date input').press('Enter');
		assert.deepEqual(await page.locator('.field-problem:visible').allTextContents(), ['The series cannot end in the future.']);
		assert.equal(await page.locator('#end-date').getAttribute('invalid'), '');
		assert.equal(await focused(page), 'vscode-textfield#end-date:');
		assert.deepEqual(await postedAfterReady(panel), []);
		await page.locator('#end-date input').fill(TODAY);
		await page.locator('#end-date input').press('Enter');
		assert.equal(await page.locator('.field-problem:visible').count(), 0);
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 10, end: { kind: 'date', date: TODAY }, appId: null } }]);
	});

	test('Run turns busy at once: repeated Enter and clicks post one run; an error ends it', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		const run = page.getByRole('button', { name: 'Run' });
		const field = page.locator('#length input');
		await field.fill('20');
		for (let i = 0; i < 3; i++) await field.press('Enter');
		await run.click({ force: true }); // Where a user would click: the disabled button takes no pointer events.
		await run.press('Enter');
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 20, end: { kind: 'today' }, appId: null } }]);
		assert.equal(await run.getAttribute('disabled'), '', 'busy before the host says loading');
		assert.equal(await page.getByRole('button', { name: 'Cancel' }).isVisible(), true);
		assert.equal(await page.locator('.loading-status').isVisible(), true);
		await panel.send({ type: 'error', message: 'No API key was given.' });
		await page.locator('.panel-error').waitFor();
		assert.equal(await run.getAttribute('disabled'), null);
		assert.equal(await page.getByRole('button', { name: 'Cancel' }).isVisible(), false);
		await field.press('Enter');
		assert.equal((await postedAfterReady(panel)).length, 2, 'Run works again after the error');
	});

	test('focus moves from Run to Cancel while busy and back to Run after', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		const run = page.getByRole('button', { name: 'Run' });
		await run.focus();
		await page.keyboard.press('Enter');
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 10, end: { kind: 'today' }, appId: null } }]);
		assert.equal(await focused(page), 'vscode-button:Cancel');
		await panel.send({ type: 'loading', query: result.query });
		await page.locator('#panel[aria-busy="true"]').waitFor();
		assert.equal(await focused(page), 'vscode-button:Cancel');
		await page.keyboard.press('Enter');
		assert.deepEqual((await postedAfterReady(panel)).at(-1), { type: 'cancel' }, 'Enter on the focused Cancel cancels');
		await panel.send({ type: 'error', message: 'Cancelled.' });
		await page.locator('.panel-error').waitFor();
		assert.equal(await focused(page), 'vscode-button:Run');
		// A fetch the host starts (a retry, a saved query) moves focus the same way, and a result gives it back.
		await panel.send({ type: 'loading', query: result.query });
		await page.locator('#panel[aria-busy="true"]').waitFor();
		assert.equal(await focused(page), 'vscode-button:Cancel');
		await panel.send({ type: 'result', result });
		await page.locator('#panel[aria-busy="false"]').waitFor();
		assert.equal(await focused(page), 'vscode-button:Run');
	});

	test('Escape cancels a running fetch, wherever focus is in the panel, and does nothing otherwise', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		await page.keyboard.press('Escape');
		await page.locator('#length input').press('Escape');
		assert.deepEqual(await postedAfterReady(panel), [], 'no fetch runs: nothing to cancel');
		await page.locator('#length input').press('Enter');
		await page.locator('#app-id input').press('Escape');
		assert.deepEqual(await postedAfterReady(panel), [{ type: 'run', request: { length: 10, end: { kind: 'today' }, appId: null } }, { type: 'cancel' }]);
		await page.locator('#panel').click({ position: { x: 5, y: 5 } }); // Focus leaves the controls.
		await page.keyboard.press('Escape');
		assert.deepEqual((await postedAfterReady(panel)).slice(2), [{ type: 'cancel' }]);
		await panel.send({ type: 'error', message: 'Cancelled.' });
		await page.locator('.panel-error').waitFor();
		await page.keyboard.press('Escape');
		assert.equal((await postedAfterReady(panel)).length, 3, 'nothing to cancel once the fetch ended');
	});

	test('what the user types during a fetch survives loading and the result', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		await page.locator('#length input').fill('45');
		await page.locator('#length input').press('Enter');
		await page.locator('#app-id input').fill('web-app'); // Typed while the fetch runs.
		const asked = { ...result.query, length: 45 };
		await panel.send({ type: 'loading', query: asked });
		await page.locator('#panel[aria-busy="true"]').waitFor();
		assert.equal(await page.locator('#length input').inputValue(), '45');
		assert.equal(await page.locator('#app-id input').inputValue(), 'web-app');
		await panel.send({ type: 'result', result: makeResult({ lastDate: TODAY, values: Array.from({ length: 45 }, (_, i) => i), provisional: true }) });
		await page.locator('canvas[data-day-count="45"]').waitFor();
		assert.equal(await page.locator('#app-id input').inputValue(), 'web-app', 'the result does not wipe an edit made since the last Run');
		await panel.send({ type: 'error', message: 'Rate limited.' });
		await page.locator('.panel-error').waitFor();
		assert.equal(await page.locator('#app-id input').inputValue(), 'web-app', 'nor does an error');
		await page.locator('#app-id input').press('Enter');
		assert.deepEqual((await postedAfterReady(panel)).at(-1), { type: 'run', request: { length: 45, end: { kind: 'today' }, appId: 'web-app' } });
	});

	test('untouched controls follow the result; init always resets them', async () => {
		const panel = await openWithResult();
		const page = panel.page;
		await page.locator('#app-id input').fill(' ios ');
		await page.locator('#app-id input').press('Enter');
		// The host answers with the query it ran, written its own way: the controls show it.
		const answered = makeResult({ lastDate: '2024-05-29', values: [1, 2, 3, 4, 5, 6, 7], appId: 'ios' });
		await panel.send({ type: 'result', result: answered });
		await page.locator('canvas[data-day-count="7"]').waitFor();
		assert.equal(await page.locator('#app-id input').inputValue(), 'ios');
		assert.equal(await page.locator('#length input').inputValue(), '7');
		assert.equal(await page.locator('#end-date input').inputValue(), '2024-05-29');
		assert.equal(await page.locator('#end-date').isVisible(), true);
		await page.locator('#length input').fill('99');
		await panel.send(initMessage(result));
		await page.locator('canvas[data-day-count="10"]').waitFor();
		assert.equal(await page.locator('#length input').inputValue(), '10', 'a new init shows its own query');
		assert.equal(await page.locator('#app-id input').inputValue(), '');
	});
});
