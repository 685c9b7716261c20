// Small verbs for driving the VS Code workbench through its UI, with selectors that work on code-server 4.100.3.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { testResultsDir } from './paths';

const quickInput = '.quick-input-widget';
const quickInputBox = `${quickInput} .quick-input-box input`;
const quickInputRows = `${quickInput} .quick-input-list .monaco-list-row`;

/** Waits until the workbench is drawn; extensions' contributions may still be loading (see `waitForCommand`). */
export async function waitForWorkbench(page: Page, timeoutMs = 90_000): Promise<void> {
	await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
	// The status bar is drawn last; once it is there, keybindings (F1) work.
	await page.locator('.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Opens the command palette (F1) and waits for its input. */
export async function openCommandPalette(page: Page): Promise<void> {
	await page.keyboard.press('F1');
	await page.locator(quickInputBox).waitFor({ state: 'visible' });
}

/** The quick-input row whose label is exactly `label` (ignoring the palette's highlights and keybinding hints). */
export function quickItem(page: Page, label: string): Locator {
	return page.locator(quickInputRows).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
}

/**
 * Runs a command by its palette title (e.g. `Braze: Show DAU`), as a user would: F1, type, click the exact row.
 * The palette does not refresh while open, and an extension's commands appear a few seconds after the workbench:
 * so it reopens the palette until the row shows up or `timeoutMs` has passed.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
	const row = await findCommandRow(page, title, timeoutMs);
	await row.click();
}

/** Waits until the palette lists `title` (say, until an extension's contributions are loaded), then closes it. */
export async function waitForCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
	await findCommandRow(page, title, timeoutMs);
	await closeQuickInput(page);
}

async function findCommandRow(page: Page, title: string, timeoutMs: number, filter = title): Promise<Locator> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await openCommandPalette(page);
		await page.locator(quickInputBox).fill(`>${filter}`);
		const row = quickItem(page, title).first();
		const remaining = deadline - Date.now();
		try {
			await row.waitFor({ state: 'visible', timeout: Math.max(1_000, Math.min(3_000, remaining)) });
			return row;
		} catch (error) {
			if (Date.now() >= deadline) throw new Error(`the command palette never listed "${title}" (${timeoutMs} ms): ${(error as Error).message}`);
			await closeQuickInput(page);
		}
	}
}

/**
 * Types `text` into the open input box or quick pick and presses Enter. It first waits for a quick input that is
 * not the command palette (whose value starts with `>`), so it can follow `runCommand` directly; `prompt` (matched
 * against the title and message) pins down which input is meant.
 */
export async function answerQuickInput(page: Page, text: string, options: { prompt?: string | RegExp } = {}): Promise<void> {
	await waitForQuickInput(page, options.prompt);
	const input = page.locator(quickInputBox);
	await input.fill(text);
	await input.press('Enter');
	await settleAfterAccept(page, text);
}

/**
 * Clicks the row labelled exactly `label` in the open quick pick (toggles it when the pick has checkboxes).
 * `filter` is typed first, for long lists (the list is virtual: rows far down are not rendered).
 */
export async function pickQuickItem(page: Page, label: string, options: { prompt?: string | RegExp; filter?: string } = {}): Promise<void> {
	await waitForQuickInput(page, options.prompt);
	if (options.filter !== undefined) await page.locator(quickInputBox).fill(options.filter);
	const row = quickItem(page, label).first();
	await row.waitFor({ state: 'visible' });
	await row.click();
}

/** Accepts the open quick input as it stands (Enter): for a multi-select pick, the checked rows. */
export async function acceptQuickInput(page: Page): Promise<void> {
	await page.locator(quickInputBox).press('Enter');
}

/** Presses Escape until no quick input is left open. */
export async function closeQuickInput(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.locator(quickInput).waitFor({ state: 'hidden' });
}

/** Opens the palette, types `text` and returns the labels of the matching commands (waiting, as runCommand does, until `expected` is listed). */
export async function searchCommands(page: Page, text: string, expected?: string): Promise<string[]> {
	if (expected !== undefined) {
		await findCommandRow(page, expected, 30_000, text);
	} else {
		await openCommandPalette(page);
		await page.locator(quickInputBox).fill(`>${text}`);
	}
	return quickItemLabels(page);
}

/** Opens a file by its absolute path through `File: Open File...` (in the browser, VS Code's own path prompt). */
export async function openFile(page: Page, absolutePath: string): Promise<void> {
	await runCommand(page, 'File: Open File...');
	await answerQuickInput(page, absolutePath);
	await page.locator(`.tabs-container .tab[data-resource-name="${path.basename(absolutePath)}"]`).first().waitFor({ state: 'visible' });
}

/** The text of a status bar entry by its id, e.g. 'status.editor.selection' (`Ln 3, Col 1`) or 'status.editor.mode'. */
export async function statusBarText(page: Page, id: string): Promise<string> {
	const item = page.locator(`.statusbar-item[id="${id}"]`);
	await item.waitFor({ state: 'visible' });
	return ((await item.textContent()) ?? '').trim();
}

/**
 * Waits until a status bar entry shows `text` and returns what it shows: the status bar redraws on the next
 * animation frame after a change, so a single read right after an action can still see the old text.
 */
export async function waitForStatusBarText(page: Page, id: string, text: string | RegExp): Promise<string> {
	const item = page.locator(`.statusbar-item[id="${id}"]`, { hasText: text });
	await item.waitFor({ state: 'visible' });
	return ((await item.textContent()) ?? '').trim();
}

/** The labels of the rows the open quick input shows (only the rendered ones: the list is virtual). */
export async function quickItemLabels(page: Page): Promise<string[]> {
	await page.locator(quickInputRows).first().waitFor({ state: 'visible' });
	return (await page.locator(`${quickInputRows} .label-name`).allTextContents()).map((label) => label.trim());
}

/**
 * The content of a webview panel: two frames deep (VS Code's host iframe, then its `#active-frame`).
 * With several webviews open, `nth` picks one in document order.
 */
export function webviewFrame(page: Page, nth = 0): FrameLocator {
	return page.frameLocator('iframe.webview.ready').nth(nth).frameLocator('#active-frame');
}

/** Saves a full-page PNG into test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	fs.mkdirSync(testResultsDir, { recursive: true });
	const file = path.join(testResultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/** Switches the color theme through `Preferences: Color Theme` (e.g. 'Light Modern', 'Dark Modern', 'Dark High Contrast'). */
export async function setColorTheme(page: Page, themeName: string): Promise<void> {
	const before = await page.locator('.monaco-workbench').getAttribute('class');
	await runCommand(page, 'Preferences: Color Theme');
	await pickQuickItem(page, themeName, { filter: themeName });
	await page.locator(quickInput).waitFor({ state: 'hidden' });
	// The theme is applied after the picker closes; no change within 5 s means it was already the current theme.
	await page
		.waitForFunction((previous) => document.querySelector('.monaco-workbench')?.getAttribute('class') !== previous, before, { timeout: 5_000 })
		.catch(() => undefined);
}

/**
 * When a quick input closes over a webview editor, VS Code hands the focus back to the webview a moment later
 * (a message into its frames, 40–150 ms on a busy machine); a palette opened in between loses the focus to it and
 * closes at once. Call this after a quick input closed over a webview and before the next F1: it returns at once
 * unless a webview holds the focus, and otherwise waits until the webview's content has it.
 */
export async function waitForWebviewFocus(page: Page, timeoutMs = 10_000): Promise<void> {
	const name = await page.evaluate(() => {
		const active = document.activeElement;
		return active instanceof HTMLIFrameElement && active.classList.contains('webview') ? active.name : null;
	});
	if (name === null) return;
	const content = page.frameLocator(`iframe.webview[name="${name}"]`).frameLocator('#active-frame').locator('body');
	await content.evaluate(
		(_body, timeout) =>
			new Promise<void>((resolve, reject) => {
				if (document.hasFocus()) return resolve();
				const timer = setTimeout(() => reject(new Error(`the webview did not get the focus back within ${timeout} ms`)), timeout);
				window.addEventListener('focus', () => (clearTimeout(timer), resolve()), { once: true });
			}),
		timeoutMs,
	);
}

/** The workbench's theme kind, from the class VS Code puts on `.monaco-workbench`. */
export async function themeKind(page: Page): Promise<'light' | 'dark' | 'hc-dark' | 'hc-light'> {
	const classes = (await page.locator('.monaco-workbench').getAttribute('class')) ?? '';
	if (/\bhc-light\b/.test(classes)) return 'hc-light';
	if (/\bhc-black\b/.test(classes)) return 'hc-dark';
	return /\bvs-dark\b/.test(classes) ? 'dark' : 'light';
}

/** The toast notification whose message contains `text` (wait on it with `.waitFor()`). */
export function notification(page: Page, text: string | RegExp): Locator {
	return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
}

/**
 * Waits for a quick input that is not the command palette and has settled: when a palette command opens a prompt,
 * VS Code reuses the same widget, so a prompt is only "ours" once its value and texts have stopped changing for a
 * moment. `prompt`, matched against the title, message, placeholder and aria-label, pins down which one is meant.
 */
async function waitForQuickInput(page: Page, prompt?: string | RegExp): Promise<void> {
	await page.locator(quickInput).waitFor({ state: 'visible' });
	const pattern = prompt === undefined ? null : typeof prompt === 'string' ? { source: escapeRegExp(prompt), flags: '' } : { source: prompt.source, flags: prompt.flags };
	await page.waitForFunction(
		({ selector, pattern: expected, settleMs }) => {
			const root = document.querySelector<HTMLElement>(selector);
			const input = root?.querySelector<HTMLInputElement>('.quick-input-box input');
			if (!root || !input || root.style.display === 'none' || input.value.startsWith('>')) return false;
			const texts = Array.from(root.querySelectorAll('.quick-input-title, .quick-input-message'), (element) => element.textContent ?? '');
			texts.push(input.getAttribute('placeholder') ?? '', input.getAttribute('aria-label') ?? '');
			if (expected && !texts.some((text) => new RegExp(expected.source, expected.flags).test(text))) return false;
			const signature = [...texts, input.value].join('\u0000');
			const state = window as unknown as { brazeQuickInput?: { signature: string; since: number } };
			if (state.brazeQuickInput?.signature !== signature) {
				state.brazeQuickInput = { signature, since: Date.now() };
				return false;
			}
			return Date.now() - state.brazeQuickInput.since >= settleMs;
		},
		{ selector: quickInput, pattern, settleMs: 300 },
		{ polling: 50 },
	);
}

/** After Enter, wait (briefly) for the widget to close or move on, so the next answer never lands in this input. */
async function settleAfterAccept(page: Page, answered: string): Promise<void> {
	await page
		.waitForFunction(
			({ widget, box, value }) => {
				const element = document.querySelector<HTMLElement>(widget);
				const input = document.querySelector<HTMLInputElement>(box);
				return element === null || element.style.display === 'none' || input === null || input.value !== value;
			},
			{ widget: quickInput, box: quickInputBox, value: answered },
			{ timeout: 5_000 },
		)
		.catch(() => undefined);
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
