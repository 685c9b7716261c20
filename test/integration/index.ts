// The in-host test entry (`extensionTestsPath`): VS Code loads it into the extension host and calls `run()`.
// Used by our code-server harness (out/test/host/runIntegration.js) and by @vscode/test-cli on a desktop.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import type { InHostResult } from '../host/inHostReport';
import { grepVariable, reportFileVariable, resultLinePrefix } from '../host/inHostReport';

/** Every compiled `*.test.js` below this folder, in a stable order. */
function testFiles(): string[] {
	return fs
		.readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.test.js'))
		.sort()
		.map((file) => path.join(__dirname, file));
}

/**
 * Runs the mocha suite (TDD interface: `suite`, `test`, `suiteSetup`…) in the extension host; rejects when a test fails.
 * When BRAZE_INTEGRATION_REPORT names a file, mocha's spec output and a closing result line go there, because the
 * extension host's stdout is not ours to read.
 */
export async function run(): Promise<void> {
	const reportFile = process.env[reportFileVariable];
	const grep = process.env[grepVariable];
	const write = reportFile ? (text: string): void => fs.appendFileSync(reportFile, text) : (text: string): void => void process.stdout.write(text);
	// The spec reporter prints through Base.consoleLog; send it to the report.
	Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => write(`${format(...args)}\n`);
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
	const finish = (result: InHostResult): void => {
		if (reportFile) write(`${resultLinePrefix}${JSON.stringify(result)}\n`);
	};
	try {
		for (const file of testFiles()) mocha.addFile(file);
		const stats = await new Promise<Mocha.Stats>((resolve) => {
			const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
		});
		finish({ passed: stats.passes, failed: stats.failures, pending: stats.pending });
		if (stats.failures > 0) throw new Error(`${stats.failures} in-host test(s) failed`);
	} catch (error) {
		if (!(error instanceof Error && error.message.endsWith('in-host test(s) failed'))) {
			write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			finish({ passed: 0, failed: 0, pending: 0, error: error instanceof Error ? error.message : String(error) });
		}
		throw error;
	}
}
