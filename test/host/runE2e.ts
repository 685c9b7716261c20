// `node out/test/host/runE2e.js [--vsix <path>] [--no-build] [--name <pattern>]`: the end-to-end layer. Packages the
// extension (unless given a .vsix), builds the sandbox, installs code-server if needed, runs out/test/e2e/**/*.test.js
// one file at a time with node:test, reaps any process group a killed test file left, and closes on
// `N passed, N failed` (exit 1 on any failure, or when nothing ran).
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { spec } from 'node:test/reporters';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './codeServer';
import { vsixVariable } from './e2eSession';
import type { PackagedExtension } from './extensionBuild';
import { buildSandbox, packageExtension } from './extensionBuild';
import { repoRoot } from './paths';
import { onExitCleanup, onInterrupt, pidDirVariable, reapLeftoverGroups } from './processGroup';
import { runMain, seconds } from './runnerMain';

const e2eDir = path.join(repoRoot, 'out', 'test', 'e2e');

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { vsix: { type: 'string' }, 'no-build': { type: 'boolean' }, name: { type: 'string' } } });
	const started = Date.now();
	const files = fs.existsSync(e2eDir)
		? fs.readdirSync(e2eDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.js')).sort().map((file) => path.join(e2eDir, file))
		: [];
	if (files.length === 0) throw new Error(`no compiled e2e tests under ${e2eDir}: run \`npx tsc -p tsconfig.test.json\` first`);
	await ensureCodeServer();
	let packaged: PackagedExtension | undefined;
	const pidDir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-e2e-pids-'));
	// Interrupted: pass the signal on to the test files (each stops what it started), then kill whatever is left.
	const forgetInterrupt = onInterrupt(() => interruptChildren(15_000));
	const forgetPidDir = onExitCleanup(() => {
		reapLeftoverGroups(pidDir);
		fs.rmSync(pidDir, { recursive: true, force: true });
	});
	try {
		let vsixPath = values.vsix === undefined ? undefined : path.resolve(values.vsix);
		if (vsixPath === undefined) {
			packaged = await packageExtension();
			vsixPath = packaged.vsixPath;
		} else if (!fs.existsSync(vsixPath)) {
			throw new Error(`${vsixPath} does not exist`);
		}
		if (!values['no-build']) await buildSandbox();
		console.log(`prepared in ${seconds(started)} (extension: ${vsixPath})`);
		// The test files run in child processes, which inherit these.
		process.env[vsixVariable] = vsixPath;
		process.env[pidDirVariable] = pidDir;
		const tally = { passed: 0, failed: 0, skipped: 0 };
		const stream = run({ files, concurrency: 1, timeout: 10 * 60_000, ...(values.name ? { testNamePatterns: [values.name] } : {}) });
		stream.on('test:pass', (data) => {
			if (data.details.type === 'suite') return;
			// Skipped and todo tests (say, filtered out by --name) are reported as passes by node:test.
			if (data.skip !== undefined || data.todo !== undefined) tally.skipped++;
			else tally.passed++;
		});
		stream.on('test:fail', (data) => {
			if (data.details.type !== 'suite') tally.failed++;
		});
		const reporter = stream.pipe(new spec());
		reporter.pipe(process.stdout, { end: false });
		// The reporter ends after its closing summary (failures repeated with their causes).
		await once(reporter, 'end');
		const reaped = reapLeftoverGroups(pidDir);
		if (reaped.length > 0) console.log(`reaped ${reaped.length} process group(s) a test file left running: ${reaped.join(', ')}`);
		console.log(`e2e total ${seconds(started)}`);
		console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped > 0 ? `, ${tally.skipped} skipped` : ''}`);
		return tally.failed > 0 || tally.passed === 0 ? 1 : 0;
	} finally {
		packaged?.dispose();
		fs.rmSync(pidDir, { recursive: true, force: true });
		forgetPidDir();
		forgetInterrupt();
	}
}

/** Sends SIGINT to our child processes (node:test's test-file processes) and waits up to `graceMs` for them to end. */
async function interruptChildren(graceMs: number): Promise<void> {
	const children = childPids(process.pid);
	for (const pid of children) signalProcess(pid, 'SIGINT');
	const deadline = Date.now() + graceMs;
	while (children.some((pid) => signalProcess(pid, 0)) && Date.now() < deadline) await sleep(100);
}

/** The pids whose parent is `parent`, from /proc (this harness runs on Linux, like code-server's native modules). */
function childPids(parent: number): number[] {
	const pids: number[] = [];
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// Fields after the parenthesised command name: state, ppid, …
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === parent) pids.push(Number(name));
		} catch {
			// The process ended while we looked.
		}
	}
	return pids;
}

function signalProcess(pid: number, signal: NodeJS.Signals | 0): boolean {
	try {
		process.kill(pid, signal);
		return true;
	} catch {
		return false;
	}
}

runMain(main);
