// Serves the built chart webview with its production HTML and CSP on 127.0.0.1, and drives it in a
// headless Chromium with a fake `acquireVsCodeApi` that records what the webview posts and stores.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium as playwright } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderChartPanelHtml } from '../../src/panel/html';
import type { HostToWebview, PersistedPanelState, WebviewToHost } from '../../src/shared/protocol';

// Its package.json lists the ESM types first, so TypeScript refuses a typed import from CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chromium = require('@sparticuz/chromium') as { readonly args: string[]; executablePath(): Promise<string> };

/** The repository root (tests run from out/test/webview). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export type ThemeKind = 'dark' | 'light' | 'high-contrast' | 'high-contrast-light';

/** Builds dist/webview.js when a previous build did not leave one. */
export function ensureWebviewBuilt(): void {
	if (existsSync(path.join(ROOT, 'dist', 'webview.js'))) return;
	execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
}

const FILES: Readonly<Record<string, readonly [string, string]>> = {
	'/dist/webview.js': ['dist/webview.js', 'text/javascript'],
	'/media/webview.css': ['media/webview.css', 'text/css'],
	'/media/overview.css': ['media/overview.css', 'text/css'],
	'/codicons/codicon.css': ['node_modules/@vscode/codicons/dist/codicon.css', 'text/css'],
	'/codicons/codicon.ttf': ['node_modules/@vscode/codicons/dist/codicon.ttf', 'font/ttf'],
	'/fixtures/vscode-themes.css': ['test/webview/fixtures/vscode-themes.css', 'text/css'],
};

export interface PanelServer {
	readonly origin: string;
	/** Every path the browser asked for. */
	readonly requested: string[];
	close(): Promise<void>;
}

/** An HTTP server on loopback; `/` is the panel page from `renderChartPanelHtml` with a fresh nonce. */
export async function startPanelServer(): Promise<PanelServer> {
	const requested: string[] = [];
	let origin = '';
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', origin);
		requested.push(url.pathname);
		if (url.pathname === '/') {
			const html = renderChartPanelHtml({
				cspSource: origin,
				nonce: randomBytes(16).toString('base64'),
				scriptUri: `${origin}/dist/webview.js`,
				codiconsUri: `${origin}/codicons/codicon.css`,
				// The theme sheet stands in for the variables VS Code itself puts on the page.
				styleUris: [`${origin}/media/webview.css`, `${origin}/media/overview.css`, `${origin}/fixtures/vscode-themes.css`],
				title: 'Daily active users',
				lang: url.searchParams.get('lang') ?? 'en',
			});
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
			return;
		}
		const file = FILES[url.pathname];
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { 'content-type': file[1] }).end(readFileSync(path.join(ROOT, file[0])));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		requested,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

/**
 * Chromium from @sparticuz/chromium. Its `--single-process` is dropped (several pages per browser
 * work without it) and so are the flags that would weaken the page's security model under test.
 */
export async function launchBrowser(): Promise<Browser> {
	const dropped = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
	const args = chromium.args.filter((arg) => !dropped.has(arg));
	return playwright.launch({
		executablePath: await chromium.executablePath(),
		headless: true,
		args: [...args, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}

/** What the page reported that a clean panel never reports. */
export interface PageProblem {
	readonly kind: 'console' | 'pageerror' | 'csp' | 'http';
	readonly text: string;
}

interface FakeVsCode {
	posted: WebviewToHost[];
	state: PersistedPanelState | undefined;
	violations: string[];
}

declare global {
	interface Window {
		__fakeVsCode: FakeVsCode;
		/** Every text drawn on a canvas, in order (see `recordCanvasText`). */
		__canvasText: string[];
	}
}

export interface PanelPage {
	readonly page: Page;
	readonly context: BrowserContext;
	/** Console errors and warnings, uncaught errors, CSP violations and failed requests, in order. */
	readonly problems: PageProblem[];
	posted(): Promise<WebviewToHost[]>;
	state(): Promise<PersistedPanelState | undefined>;
	/** Posts a message to the webview as the host would. */
	send(message: HostToWebview | Record<string, unknown>): Promise<void>;
	/** Every text the page drew on a canvas so far (Chart.js draws its axes and tooltips with `fillText`). */
	canvasText(): Promise<string[]>;
	/** Switches theme the way VS Code does: by body's class (the theme sheet carries the variables). */
	setTheme(theme: ThemeKind): Promise<void>;
	close(): Promise<void>;
}

export interface OpenPanelOptions {
	readonly theme?: ThemeKind;
	readonly timezoneId?: string;
	readonly lang?: string;
	readonly viewport?: { readonly width: number; readonly height: number };
	/** The screen's device pixel ratio (1 unless given). */
	readonly deviceScaleFactor?: number;
	/** What `getState` returns when the page loads, as after a window reload. */
	readonly savedState?: unknown;
}

/** Opens the panel page and waits for the webview's first message. */
export async function openPanel(browser: Browser, server: PanelServer, options: OpenPanelOptions = {}): Promise<PanelPage> {
	const context = await browser.newContext({
		viewport: options.viewport ?? { width: 1100, height: 860 },
		deviceScaleFactor: options.deviceScaleFactor ?? 1,
		timezoneId: options.timezoneId ?? 'UTC',
		locale: 'en-US',
	});
	const page = await context.newPage();
	const problems: PageProblem[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning') problems.push({ kind: 'console', text: `${message.type()}: ${message.text()}` });
	});
	page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: String(error) }));
	page.on('requestfailed', (request) => problems.push({ kind: 'http', text: `failed ${request.url()}` }));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push({ kind: 'http', text: `${response.status()} ${response.url()}` });
	});
	await page.addInitScript(installFakeVsCode, { theme: options.theme ?? 'dark', savedState: options.savedState });
	await page.addInitScript(recordCanvasText);
	await page.goto(`${server.origin}/?lang=${encodeURIComponent(options.lang ?? 'en')}`);
	await page.waitForFunction(() => window.__fakeVsCode.posted.length > 0);
	const panel: PanelPage = {
		page,
		context,
		problems,
		posted: () => page.evaluate(() => window.__fakeVsCode.posted),
		state: () => page.evaluate(() => window.__fakeVsCode.state),
		send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
		canvasText: () => page.evaluate(() => window.__canvasText),
		setTheme: (theme) => page.evaluate((t) => void (document.body.className = `vscode-${t}`), theme),
		close: () => context.close(),
	};
	return panel;
}

/**
 * Hooks for a `describe` block of panel tests: one server and browser for the block, and after each
 * test, every panel it opened must have had no console error, page error, failed request or CSP violation.
 */
export function usePanelSuite(): { open(options?: OpenPanelOptions): Promise<PanelPage>; openUnchecked(options?: OpenPanelOptions): Promise<PanelPage> } {
	let server: PanelServer | undefined;
	let browser: Browser | undefined;
	const opened: PanelPage[] = [];
	before(async () => {
		ensureWebviewBuilt();
		server = await startPanelServer();
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
		await server?.close();
	});
	afterEach(async () => {
		for (const panel of opened.splice(0)) {
			assert.deepEqual(panel.problems, [], 'no console errors or warnings, page errors or failed requests');
			assert.deepEqual(await cspViolations(panel), [], 'no CSP violations');
			await panel.close();
		}
	});
	return {
		open: async (options) => {
			if (!browser || !server) throw new Error('the suite has not started');
			const panel = await openPanel(browser, server, options);
			opened.push(panel);
			return panel;
		},
		// For a test that provokes errors on purpose and checks them itself; it closes the panel.
		openUnchecked: async (options) => {
			if (!browser || !server) throw new Error('the suite has not started');
			return openPanel(browser, server, options);
		},
	};
}

/** CSP violations seen by the page itself (also reported as console errors). */
export async function cspViolations(panel: PanelPage): Promise<string[]> {
	return panel.page.evaluate(() => window.__fakeVsCode.violations);
}

/** Runs in the page before its scripts: the fake VS Code API, the theme class, a CSP listener. */
function installFakeVsCode({ theme, savedState }: { theme: string; savedState: unknown }): void {
	const fake: FakeVsCode = { posted: [], state: savedState as PersistedPanelState | undefined, violations: [] };
	window.__fakeVsCode = fake;
	let acquired = false;
	const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
	Object.defineProperty(window, 'acquireVsCodeApi', {
		value: () => {
			// Like VS Code: the API may be acquired once per page.
			if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
			acquired = true;
			return Object.freeze({
				postMessage: (message: WebviewToHost) => void fake.posted.push(clone(message)),
				setState: (state: PersistedPanelState) => {
					fake.state = clone(state);
					return state;
				},
				getState: () => fake.state,
			});
		},
	});
	document.addEventListener('securitypolicyviolation', (event) => {
		fake.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
	});
	const applyTheme = (): boolean => {
		if (!document.body) return false;
		document.body.className = `vscode-${theme}`;
		return true;
	};
	if (!applyTheme()) {
		new MutationObserver((_, observer) => {
			if (applyTheme()) observer.disconnect();
		}).observe(document, { childList: true, subtree: true });
	}
}

/** Runs in the page before its scripts: records canvas text, so that tests can read what a tooltip says. */
function recordCanvasText(): void {
	const drawn: string[] = [];
	window.__canvasText = drawn;
	// Called below with the context as `this`.
	// eslint-disable-next-line @typescript-eslint/unbound-method
	const fillText = CanvasRenderingContext2D.prototype.fillText;
	CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number): void {
		drawn.push(text);
		if (maxWidth === undefined) fillText.call(this, text, x, y);
		else fillText.call(this, text, x, y, maxWidth);
	};
}
