// One end-to-end session: the sandbox, code-server with the packaged extension installed and pointed at the sandbox,
// and a browser page on the workbench. Open it in `before`, close it in `after`.
import * as assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import type { CodeServerHost, CodeServerOptions } from './codeServer';
import { ensureCodeServer, startCodeServer } from './codeServer';
import { alwaysListedCommandTitles } from './manifest';
import { buildSandbox, packageExtension } from './extensionBuild';
import type { SandboxProcess } from './sandboxProcess';
import { startSandboxProcess } from './sandboxProcess';
import { waitForCommand, waitForWorkbench } from './workbench';

/** Env var with a prepackaged .vsix (set by runE2e.js so the suite packages once); absent, each session packages. */

/** The one connection an e2e session starts with, pointing at its sandbox. */
export const E2E_CONNECTION = 'Sandbox';
export const vsixVariable = 'BRAZE_E2E_VSIX';

export interface E2eSession {
	readonly sandbox: SandboxProcess;
	readonly host: CodeServerHost;
	readonly browser: Browser;
	readonly page: Page;
	/** Console errors and page errors seen in the workbench page so far. */
	readonly errors: string[];
	/** Closes the browser, then stops code-server and the sandbox; safe to call twice. */
	close(): Promise<void>;
}

export interface E2eSessionOptions extends Pick<CodeServerOptions, 'workspaceFiles' | 'echo' | 'keybindings'> {
	/** Other packaged extensions installed after this one (test fixtures). */
	readonly extraVsixPaths?: readonly string[];
	/** Settings merged over `{"braze.connections": [{"name": "Sandbox", "endpoint": <sandbox url>}]}`. */
	readonly settings?: Readonly<Record<string, unknown>>;
	/** Extra sandbox CLI options, e.g. ['--latency', '200']. */
	readonly sandboxArgs?: readonly string[];
}

/** Starts everything and waits for the workbench; on any failure, stops what it had started and rethrows. */
export async function openE2eSession(options: E2eSessionOptions = {}): Promise<E2eSession> {
	const closers: (() => Promise<void>)[] = [];
	const close = async (): Promise<void> => {
		for (const closer of closers.splice(0).reverse()) await closer().catch((error: unknown) => console.error('e2e teardown:', error));
	};
	const started = Date.now();
	try {
		const entry = await ensureCodeServer();
		let vsixPath = process.env[vsixVariable];
		if (!vsixPath) {
			const packaged = await packageExtension();
			closers.push(() => Promise.resolve(packaged.dispose()));
			vsixPath = packaged.vsixPath;
		}
		if (!process.env[vsixVariable]) await buildSandbox();
		const sandbox = await startSandboxProcess({ ...(options.sandboxArgs ? { args: options.sandboxArgs } : {}) });
		closers.push(() => sandbox.stop());
		const host = await startCodeServer(entry, {
			vsixPaths: [vsixPath, ...(options.extraVsixPaths ?? [])],
			settings: { 'braze.connections': [{ name: E2E_CONNECTION, endpoint: sandbox.url }], ...options.settings },
			...(options.workspaceFiles ? { workspaceFiles: options.workspaceFiles } : {}),
			...(options.keybindings ? { keybindings: options.keybindings } : {}),
			echo: options.echo ?? false,
		});
		closers.push(() => host.stop());
		const browser = await launchBrowser();
		closers.push(() => browser.close());
		const { page, errors } = await openPage(browser);
		await page.goto(host.workbenchUrl());
		await waitForWorkbench(page);
		// The extension's commands reach the palette a few seconds after the workbench is drawn.
		const firstCommand = alwaysListedCommandTitles()[0];
		if (firstCommand !== undefined) await waitForCommand(page, firstCommand);
		console.log(`e2e session ready in ${((Date.now() - started) / 1000).toFixed(1)} s (code-server on ${host.origin}, sandbox on ${sandbox.url})`);
		return { sandbox, host, browser, page, errors, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/**
 * Hooks for a `describe` block: one session opened in `before` (then `setUp`, if given), closed in `after`.
 * Returns the accessor the tests use; it fails clearly when the session could not open.
 */
export function useE2eSession(options: E2eSessionOptions = {}, setUp?: (session: E2eSession) => Promise<void>): () => E2eSession {
	let session: E2eSession | undefined;
	before(
		async () => {
			session = await openE2eSession(options);
			await setUp?.(session);
		},
		{ timeout: 300_000 },
	);
	after(async () => {
		await session?.close();
	});
	return () => {
		assert.ok(session, 'the session did not open');
		return session;
	};
}
