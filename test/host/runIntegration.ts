// `node out/test/host/runIntegration.js [--grep <pattern>] [--echo] [--no-build]`: the in-host layer. Builds the
// extension and the sandbox (unless --no-build: then dist/ and out/sandbox-cli.js must exist), installs code-server if needed, runs out/test/integration/**/*.test.js inside its extension host with
// `braze.restEndpoint` pointing at a fresh sandbox, and closes on `N passed, N failed` (exit 1 on any failure).
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './codeServer';
import { buildExtension, buildSandbox } from './extensionBuild';
import { sandboxUrlVariable } from './inHostReport';
import { runInHostTests } from './inHostRun';
import { integrationEntry } from './paths';
import type { SandboxProcess } from './sandboxProcess';
import { startSandboxProcess } from './sandboxProcess';
import { runMain, seconds } from './runnerMain';

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { grep: { type: 'string' }, echo: { type: 'boolean' }, 'no-build': { type: 'boolean' } } });
	const started = Date.now();
	if (!fs.existsSync(integrationEntry)) throw new Error(`${integrationEntry} is missing: run \`npx tsc -p tsconfig.test.json\` first`);
	const entry = await ensureCodeServer();
	if (!values['no-build']) {
		await buildExtension();
		await buildSandbox();
	}
	console.log(`prepared in ${seconds(started)}`);
	let sandbox: SandboxProcess | undefined;
	try {
		sandbox = await startSandboxProcess();
		console.log(`sandbox listening on ${sandbox.url}`);
		const result = await runInHostTests({
			codeServerEntry: entry,
			settings: { 'braze.restEndpoint': sandbox.url },
			env: { [sandboxUrlVariable]: sandbox.url },
			...(values.grep ? { grep: values.grep } : {}),
			echo: values.echo ?? false,
		});
		if (result.error) console.log(`in-host run error: ${result.error}`);
		console.log(`in-host: code-server started in ${result.startSeconds.toFixed(1)} s, suite ran in ${result.runSeconds.toFixed(1)} s, total ${seconds(started)}`);
		// A suite that could not load counts as one failure, so the layer can never pass by running nothing.
		const failed = result.failed + (result.error ? 1 : 0);
		console.log(`${result.passed} passed, ${failed} failed`);
		return failed > 0 || result.exitCode !== 0 || result.passed === 0 ? 1 : 0;
	} finally {
		await sandbox?.stop();
	}
}

runMain(main);
