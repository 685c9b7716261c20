// Headless Chromium from the @sparticuz/chromium npm package (nothing downloaded), driven by playwright-core.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Flags that keep it off the (closed) network and the GPU. */
const quietFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * @sparticuz/chromium's serverless defaults we drop: --single-process is not needed here (several pages and
 * contexts work without it, and a renderer crash then no longer takes the browser down), and the flags that
 * switch off web security would hide problems a real browser shows.
 */
const droppedDefaults = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);

export const defaultViewport = { width: 1280, height: 800 } as const;

/** Launches headless Chromium; close it with `browser.close()`. */
export async function launchBrowser(): Promise<Browser> {
	// The package's types point at its ES module build, which a CommonJS file can only reach with import().
	const { default: Chromium } = await import('@sparticuz/chromium');
	const args = [...Chromium.args.filter((flag) => !droppedDefaults.has(flag)), ...quietFlags];
	return chromium.launch({ executablePath: await Chromium.executablePath(), args, headless: true, timeout: 60_000 });
}

export interface BrowserPage {
	readonly context: BrowserContext;
	readonly page: Page;
	/** Console errors and uncaught page errors seen so far. */
	readonly errors: string[];
}

/** A fresh context and page (no shared storage with other pages) that records console errors. */
export async function openPage(browser: Browser): Promise<BrowserPage> {
	const context = await browser.newContext({ viewport: defaultViewport });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return { context, page, errors };
}
