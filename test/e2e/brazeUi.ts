// Braze-specific verbs for the end-to-end tests: the Show DAU prompts, the key prompt, the chart panel's
// webview (table, colours, pixels) and screenshots. Generic workbench verbs live in test/host/workbench.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { KpiMetric } from '../../src/shared/kpi';
import { addDays, daysBetween } from '../../src/shared/dates';
import { SANDBOX_APPS, sandboxSeries } from '../../sandbox/data';
import type { E2eSession } from '../host/e2eSession';
import { repoRoot } from '../host/paths';
import { acceptQuickInput, answerQuickInput, escapeRegExp, pickQuickItem, quickItem, runCommand, screenshot, setColorTheme, waitForWebviewFocus, webviewFrame } from '../host/workbench';

/** The README's screenshots, refreshed by every e2e run. */
export const docsScreenshotsDir = path.join(repoRoot, 'docs', 'screenshots');

const quickInputTitle = '.quick-input-widget .quick-input-title';
const quickInputBox = '.quick-input-widget .quick-input-box input';

/** A sandbox app's id by its name, e.g. 'Sandbox Arcade (Web)'. */
export function sandboxAppId(name: string): string {
	const app = SANDBOX_APPS.find((a) => a.name === name);
	assert.ok(app, `no sandbox app named ${name}`);
	return app.id;
}

/**
 * `runCommand`, once the focus is back where the last quick input found it: F1 pressed while it is on its way
 * back into a chart panel's webview gets lost, or opens a palette that closes at once (see waitForWebviewFocus).
 */
export async function runCommandSettled(page: Page, title: string): Promise<void> {
	await waitForWebviewFocus(page);
	await runCommand(page, title);
}

/** `setColorTheme`, settled like `runCommandSettled`, and again afterwards: the theme picker closes over the panel. */
export async function setColorThemeSettled(page: Page, themeName: string): Promise<void> {
	await waitForWebviewFocus(page);
	await setColorTheme(page, themeName);
	await waitForWebviewFocus(page);
}

export interface ShownDay {
	readonly date: string;
	/** Null for a day the sandbox has no row for (a gap). */
	readonly value: number | null;
}

/** Every day a query shows, as the sandbox serves it: `length` days ending on `end`, null where it has no row. */
export function servedDays(metric: KpiMetric, appId: string | null, end: string, length: number): ShownDay[] {
	const served = new Map(sandboxSeries(metric, appId, end, length).map((row) => [row.time, row.value]));
	return Array.from({ length }, (_, index) => {
		const date = addDays(end, index - length + 1);
		return { date, value: served.get(date) ?? null };
	});
}

export interface PromptAnswers {
	readonly length: number;
	/** YYYY-MM-DD, typed in the end step after picking "A date…". */
	readonly end: string;
	/** Null picks "All apps"; an id is typed into the app pick and accepted as "Use app identifier …". */
	readonly appId: string | null;
	/** More apps checked after the first (by the label of their row), compared with it. */
	readonly compare?: readonly string[];
}

/**
 * Runs Braze: Show DAU from the palette and answers its steps like a user: Custom… in the range step, then days,
 * end and app. `atAppStep` runs while the app step is on screen (for a screenshot). Leaves whatever comes next
 * (the key prompt, the panel) to the caller.
 */
export async function showDauThroughPrompts(page: Page, answers: PromptAnswers, atAppStep?: () => Promise<void>): Promise<void> {
	await runCommandSettled(page, 'Braze: Show DAU');
	await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (1)' }).waitFor();
	await pickQuickItem(page, 'Custom…', { prompt: /^Which days\?/, filter: 'Custom' });
	await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (2/4)' }).waitFor();
	await answerQuickInput(page, String(answers.length), { prompt: /^Number of days in the series/ });
	await pickQuickItem(page, 'A date…', { prompt: /^Where does the series end\?/ });
	await answerQuickInput(page, answers.end, { prompt: /^Last day of the series/ });
	await page.locator(quickInputTitle, { hasText: 'Braze: Show DAU (4/4)' }).waitFor();
	await quickItem(page, 'All apps').waitFor();
	await atAppStep?.();
	// A multi-select: a click checks a row, Enter accepts the rows checked, the first checked being the main series.
	if (answers.appId === null) {
		await pickQuickItem(page, 'All apps', { prompt: APP_STEP });
	} else {
		await pickQuickItem(page, `Use app identifier “${answers.appId}”`, { prompt: APP_STEP, filter: answers.appId });
		if (answers.compare?.length) await page.locator('.quick-input-widget .quick-input-box input').fill('');
	}
	for (const label of answers.compare ?? []) await pickQuickItem(page, label, { prompt: APP_STEP });
	await acceptQuickInput(page);
}

/** The placeholder of the app step. */
export const APP_STEP = /^Which apps\?/;

/** Waits for the API key prompt (a password box naming the sandbox's host), checks it hides what is typed, and answers it. */
export async function answerKeyPrompt(page: Page, host: string, key: string): Promise<void> {
	const title = keyPromptTitle(host);
	await page.locator(quickInputTitle, { hasText: title }).waitFor();
	assert.equal(await page.locator(quickInputBox).getAttribute('type'), 'password', 'the key prompt must be a password input');
	await answerQuickInput(page, key, { prompt: title });
}

/** Braze: Set API Key from the palette, answered with `key`; waits for the confirmation. */
export async function setApiKey(page: Page, host: string, key: string): Promise<void> {
	await runCommandSettled(page, 'Braze: Set API Key');
	await answerKeyPrompt(page, host, key);
	await page.locator('.notifications-toasts .notification-toast', { hasText: new RegExp(`API key saved for the connection ".+" \\(${escapeRegExp(host)}\\)\\.`) }).waitFor();
}

/** The title of the key prompt of a connection on `host`: `REST API key of the connection "<name>" (<host>)`. */
export function keyPromptTitle(host: string): RegExp {
	return new RegExp(`^REST API key of the connection ".+" \\(${escapeRegExp(host)}\\)$`);
}

/** A clean start for a test: no editor open, `key` stored for the sandbox, and no request recorded yet. */
export async function startWithKey(session: E2eSession, key: string): Promise<void> {
	await closeAllEditors(session.page);
	await setApiKey(session.page, new URL(session.sandbox.url).host, key);
	await session.sandbox.clearRequests();
}

/** Closes every editor, so that the next chart panel is the only webview on the page. */
export async function closeAllEditors(page: Page): Promise<void> {
	await runCommandSettled(page, 'View: Close All Editors');
	await page.locator('iframe.webview').first().waitFor({ state: 'detached' });
}

/**
 * Waits until the (only) chart panel shows a result from `firstDate` to `lastDate`, drawn: the page is no longer
 * busy, the canvas holds that many days, the fetch's progress notification is gone and the webview's fonts are in.
 */
export async function waitForChart(page: Page, firstDate: string, lastDate: string): Promise<FrameLocator> {
	const frame = webviewFrame(page);
	const days = String(daysBetween(firstDate, lastDate) + 1);
	await frame.locator('main#panel[aria-busy="false"]').waitFor({ state: 'attached' });
	await frame.locator(`canvas[data-day-count="${days}"]`).waitFor({ state: 'attached' });
	await frame.locator(`.table-box tbody tr[data-date="${firstDate}"]`).waitFor({ state: 'attached' });
	await frame.locator(`.table-box tbody tr[data-date="${lastDate}"]`).waitFor({ state: 'attached' });
	await page.locator('.notifications-toasts .notification-toast', { hasText: 'Braze: fetching' }).waitFor({ state: 'hidden' });
	await frame.locator('body').evaluate(async () => {
		await document.fonts.ready;
	});
	return frame;
}

/** Waits until the active editor tab is titled exactly `title`. */
export async function waitForActiveTab(page: Page, title: string): Promise<void> {
	const label = page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
	await page
		.locator('.tabs-container .tab.active', { has: label })
		.waitFor()
		.catch(async (error: Error) => {
			const shown = await page.locator('.tabs-container .tab.active .label-name').allTextContents();
			throw new Error(`the active tab is not titled ${JSON.stringify(title)} but ${JSON.stringify(shown)}: ${error.message}`);
		});
}

/** Shows the panel's chart or its table through the "Table" toggle button (pressed: the table), as a user would. */
export async function showView(frame: FrameLocator, view: 'chart' | 'table'): Promise<void> {
	const toggle = frame.getByRole('button', { name: 'Table', exact: true });
	const pressed = view === 'table' ? 'true' : 'false';
	if ((await toggle.getAttribute('aria-pressed')) !== pressed) await toggle.click();
	await frame.locator(`vscode-button[aria-pressed="${pressed}"]`).waitFor({ state: 'attached' });
	await frame.locator(view === 'chart' ? '.chart-box:not([hidden])' : '.table-box:not([hidden])').waitFor();
	await toggle.blur(); // Its focus ring would show in the screenshots.
}

/** The panel's table, read from the visible cells: one entry per row, null for a "No data" cell. */
export async function readTable(frame: FrameLocator): Promise<ShownDay[]> {
	await showView(frame, 'table');
	const rows = await frame.locator('.table-box tbody tr').evaluateAll((elements) =>
		elements.map((row) => {
			const cell = row.querySelector('td');
			return { date: row.getAttribute('data-date') ?? '', text: cell?.textContent ?? '', noData: cell?.classList.contains('no-data') ?? false };
		}),
	);
	return rows.map((row) => ({ date: row.date, value: row.noData ? null : parseCount(row.text) }));
}

/** "129,760" (the panel formats counts in the display language, English here) → 129760. */
function parseCount(text: string): number {
	assert.match(text.trim(), /^\d{1,3}(,\d{3})*$/, `not an English count: ${JSON.stringify(text)}`);
	return Number(text.replace(/,/g, ''));
}

export interface ChartColours {
	/** What the chart says it drew its line with (the canvas's data-line-colour). */
	readonly line: string;
	/** The theme's --vscode-charts-blue as the webview sees it. */
	readonly themeBlue: string;
	/** The webview body's theme class: vscode-light, vscode-dark, … */
	readonly bodyTheme: string;
}

export async function chartColours(frame: FrameLocator): Promise<ChartColours> {
	const line = (await frame.locator('canvas').getAttribute('data-line-colour')) ?? '';
	const { themeBlue, bodyTheme } = await frame.locator('body').evaluate((body) => ({
		themeBlue: getComputedStyle(body).getPropertyValue('--vscode-charts-blue').trim(),
		bodyTheme: Array.from(body.classList).find((name) => /^vscode-(light|dark|high-contrast)/.test(name)) ?? '',
	}));
	return { line, themeBlue, bodyTheme };
}

/** Waits until the chart's line is drawn in another colour than `previous` (a theme switch reached the webview). */
export async function waitForLineColourChange(frame: FrameLocator, previous: string): Promise<void> {
	await frame.locator(`canvas[data-line-colour]:not([data-line-colour="${previous}"])`).waitFor({ state: 'attached' });
}

/** How many canvas pixels are `colour` (#rrggbb, within a small tolerance for anti-aliasing): the line as drawn. */
export async function pixelsOfColour(frame: FrameLocator, colour: string): Promise<number> {
	return frame.locator('canvas').evaluate((canvas: HTMLCanvasElement, hex) => {
		const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
		const context = canvas.getContext('2d');
		if (!context) return 0;
		const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
		let count = 0;
		for (let i = 0; i < data.length; i += 4) {
			if (Math.abs(data[i] - r) <= 6 && Math.abs(data[i + 1] - g) <= 6 && Math.abs(data[i + 2] - b) <= 6 && data[i + 3] > 200) count++;
		}
		return count;
	}, colour);
}

export interface PageProblems {
	/** Console errors about the Content Security Policy (a webview blocked from its own script, style or font). */
	readonly cspViolations: string[];
	/** Uncaught exceptions and unhandled rejections in the workbench or any of its frames. */
	readonly uncaught: string[];
}

/** Starts recording what must never happen on the page from now on; console noise of the workbench itself is left out. */
export function watchPageProblems(page: Page): PageProblems {
	const problems: PageProblems = { cspViolations: [], uncaught: [] };
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) problems.cspViolations.push(message.text());
	});
	page.on('pageerror', (error) => problems.uncaught.push(error.stack ?? error.message));
	return problems;
}

export interface ScreenshotOptions {
	/** Also copy it into docs/screenshots/ under this name. */
	readonly docsName?: string;
	/** Also copy it into media/walkthrough/ under this name: the walkthrough's pictures come from the e2e run. */
	readonly walkthroughName?: string;
	/** Leave the notifications on screen (the picture is about one). */
	readonly keepNotifications?: boolean;
}

/** A screenshot into test-results/ (and docs/screenshots/), with the pointer parked where it opens no hover. */
export async function saveScreenshot(page: Page, name: string, options: ScreenshotOptions = {}): Promise<string> {
	await page.mouse.move(160, 16); // The empty title bar.
	// Not while a prompt is open: the palette would replace it.
	if (!options.keepNotifications && !(await page.locator('.quick-input-widget').isVisible())) await clearNotifications(page);
	// A hover opened by an earlier click fades out once the pointer has left.
	const hover = page.locator('.workbench-hover').first();
	const gone = await hover.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false);
	// A sticky hover (seen after Compare… on a loaded machine) closes with Escape, unless a prompt would take the key.
	if (!gone && !(await page.locator('.quick-input-widget').isVisible())) await page.keyboard.press('Escape');
	if (!gone && !(await hover.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false))) {
		// Still there (a compact hover can stay on a loaded machine): it is not what the picture shows, so hide it.
		await page.evaluate(() => document.querySelectorAll<HTMLElement>('.workbench-hover').forEach((el) => (el.style.visibility = 'hidden')));
	}
	await hover.waitFor({ state: 'hidden' });
	const file = await screenshot(page, name);
	if (options.docsName !== undefined) {
		fs.mkdirSync(docsScreenshotsDir, { recursive: true });
		fs.copyFileSync(file, path.join(docsScreenshotsDir, options.docsName));
	}
	if (options.walkthroughName !== undefined) fs.copyFileSync(file, path.join(repoRoot, 'media', 'walkthrough', options.walkthroughName));
	return file;
}

async function clearNotifications(page: Page): Promise<void> {
	const toasts = page.locator('.notifications-toasts .notification-toast');
	if ((await toasts.count()) === 0) return;
	await runCommandSettled(page, 'Notifications: Clear All Notifications');
	await toasts.first().waitFor({ state: 'hidden' });
	await waitForWebviewFocus(page);
}
