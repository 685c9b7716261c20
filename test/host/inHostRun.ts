// Runs the mocha suite inside code-server's extension host: the browser opens the workbench with a `payload` naming
// the extension under development and the test entry; the workbench calls window.codeAutomationExit(code) at the end.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchBrowser, openPage } from './browser';
import type { CodeServerOptions } from './codeServer';
import { startCodeServer } from './codeServer';
import type { InHostResult } from './inHostReport';
import { grepVariable, parseResultLine, reportFileVariable } from './inHostReport';
import { integrationEntry, repoRoot } from './paths';
import { onExitCleanup } from './processGroup';

export interface InHostRunOptions extends Pick<CodeServerOptions, 'settings' | 'workspaceFiles' | 'vsixPaths' | 'echo'> {
	/** code-server's entry script, from `ensureCodeServer()`. */
	readonly codeServerEntry: string;
	/** The extension folder to load in development mode (default: the repository). */
	readonly extensionDevelopmentPath?: string;
	/** The compiled module exporting `run()` (default: out/test/integration/index.js). */
	readonly extensionTestsPath?: string;
	/** Extra environment for the extension host (the tests read it with process.env). */
	readonly env?: Readonly<Record<string, string>>;
	/** A mocha grep pattern. */
	readonly grep?: string;
	/** The whole run's limit (default 10 minutes). */
	readonly timeoutMs?: number;
	/** Receives mocha's report as it is written, and our progress lines. */
	readonly log?: (text: string) => void;
}

export interface InHostRunResult extends InHostResult {
	/** The workbench's exit code (0 when every test passed), or null when it never reported. */
	readonly exitCode: number | null;
	/** Seconds until code-server listened, and until the workbench reported the end. */
	readonly startSeconds: number;
	readonly runSeconds: number;
}

/** Starts code-server, runs the in-host suite once, tears everything down, and returns the counts. */
export async function runInHostTests(options: InHostRunOptions): Promise<InHostRunResult> {
	const log = options.log ?? ((text: string) => void process.stdout.write(text));
	const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-in-host-'));
	const forgetReportDir = onExitCleanup(() => fs.rmSync(reportDir, { recursive: true, force: true }));
	const reportFile = path.join(reportDir, 'report.txt');
	fs.writeFileSync(reportFile, '');
	const started = Date.now();
	const host = await startCodeServer(options.codeServerEntry, {
		...options,
		env: { ...options.env, [reportFileVariable]: reportFile, ...(options.grep ? { [grepVariable]: options.grep } : {}) },
	}).catch((error: unknown) => {
		fs.rmSync(reportDir, { recursive: true, force: true });
		forgetReportDir();
		throw error;
	});
	const startSeconds = (Date.now() - started) / 1000;
	log(`code-server listening on ${host.origin} after ${startSeconds.toFixed(1)} s\n`);
	const browser = await launchBrowser().catch(async (error: unknown) => {
		await host.stop();
		fs.rmSync(reportDir, { recursive: true, force: true });
		forgetReportDir();
		throw error;
	});
	const tail = new ReportTail(reportFile, log);
	try {
		const { page, errors } = await openPage(browser);
		const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
		const remote = (folder: string): string => `vscode-remote://127.0.0.1:${host.port}${folder}`;
		const payload = [
			['extensionDevelopmentPath', remote(options.extensionDevelopmentPath ?? repoRoot)],
			['extensionTestsPath', remote(options.extensionTestsPath ?? integrationEntry)],
		];
		await page.goto(host.workbenchUrl({ payload: JSON.stringify(payload) }));
		const timeoutMs = options.timeoutMs ?? 10 * 60_000;
		const exitCode = await Promise.race([
			exit,
			new Promise<null>((resolve) => setTimeout(resolve, timeoutMs, null).unref()),
			new Promise<null>((resolve) => page.once('crash', () => resolve(null))),
			host.process.exited.then(() => null),
		]);
		const runSeconds = (Date.now() - started) / 1000 - startSeconds;
		tail.poll();
		const result = tail.result ?? { passed: 0, failed: 0, pending: 0, error: exitCode === null ? `no result within ${timeoutMs} ms (or the host died)` : `the workbench exited with ${exitCode} before mocha reported` };
		if (result.error || exitCode !== 0) {
			log(`--- browser console errors ---\n${errors.join('\n') || '(none)'}\n--- code-server output (last lines) ---\n${host.process.output().split('\n').slice(-40).join('\n')}\n`);
		}
		return { ...result, exitCode, startSeconds, runSeconds };
	} finally {
		tail.stop();
		await browser.close();
		await host.stop();
		fs.rmSync(reportDir, { recursive: true, force: true });
		forgetReportDir();
	}
}

/** Follows the report file, passing on complete lines and keeping the result line. */
class ReportTail {
	result: InHostResult | undefined;
	private offset = 0;
	private pending = '';
	private readonly timer: NodeJS.Timeout;

	constructor(
		private readonly file: string,
		private readonly log: (text: string) => void,
	) {
		this.timer = setInterval(() => this.poll(), 250);
	}

	poll(): void {
		const content = fs.readFileSync(this.file);
		if (content.length <= this.offset) return;
		this.pending += content.subarray(this.offset).toString('utf8');
		this.offset = content.length;
		const lines = this.pending.split('\n');
		this.pending = lines.pop() ?? '';
		for (const line of lines) {
			const result = parseResultLine(line);
			if (result) this.result = result;
			else this.log(`${line}\n`);
		}
	}

	stop(): void {
		clearInterval(this.timer);
	}
}
