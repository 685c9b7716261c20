// Runs the test layers in order and prints one summary. `node scripts/test.mjs [layer…]`; no layer = all.
// Layers: static (types, lint, l10n, manifest, package), unit (plain Node), webview (headless Chromium),
// integration (inside a real VS Code host), e2e (the UI of a real VS Code host in a browser).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const LAYERS = ['static', 'unit', 'webview', 'integration', 'e2e'];
const requested = process.argv.slice(2);
const unknown = requested.filter((l) => !LAYERS.includes(l));
if (unknown.length > 0) {
	console.error(`Unknown layer(s): ${unknown.join(', ')}. Layers: ${LAYERS.join(', ')}.`);
	process.exit(2);
}
const layers = requested.length > 0 ? LAYERS.filter((l) => requested.includes(l)) : LAYERS;

/** Runs a command, echoing its output; resolves with its exit code and output. */
function run(command, args, options = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
		let output = '';
		const onData = (stream) => (chunk) => {
			output += chunk;
			stream.write(chunk);
		};
		child.stdout.on('data', onData(process.stdout));
		child.stderr.on('data', onData(process.stderr));
		child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
	});
}

/** Pass/fail counts from node's test runner summary (`# pass N` / `# fail N`) or a plain `N passed, N failed` line. */
function counts(output) {
	const pass = [...output.matchAll(/^# pass (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
	const fail = [...output.matchAll(/^# fail (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
	if (pass + fail > 0) return { pass, fail };
	const plain = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
	return plain.reduce((acc, m) => ({ pass: acc.pass + Number(m[1]), fail: acc.fail + Number(m[2]) }), { pass: 0, fail: 0 });
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const steps = {
	static: [
		['tsc (host)', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']],
		['tsc (webview)', npx, ['tsc', '-p', 'src/webview/tsconfig.json', '--noEmit']],
		['eslint', npx, ['eslint', 'src', 'test', 'sandbox']],
		['manifest, l10n and package checks', process.execPath, ['--test', '--test-reporter=tap', 'out/test/static/']],
	],
	unit: [['unit tests', process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=2', 'out/test/unit/']]],
	webview: [['webview tests', process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', 'out/test/webview/']]],
	integration: [['in-host integration tests', process.execPath, ['out/test/host/runIntegration.js', '--no-build']]],
	e2e: [['end-to-end UI tests', process.execPath, ['out/test/host/runE2e.js', '--vsix', 'dist-vsix/braze-kpi.vsix', '--no-build']]],
};

const results = [];
const started = performance.now();
const prepare = [
	['compile tests', npx, ['tsc', '-p', 'tsconfig.test.json']],
	['bundle (production) + sandbox', process.execPath, ['esbuild.js', '--production', '--sandbox']],
];
if (layers.some((l) => ['static', 'integration', 'e2e'].includes(l))) {
	mkdirSync('dist-vsix', { recursive: true });
	prepare.push(['package .vsix', npx, ['vsce', 'package', '--no-dependencies', '--out', 'dist-vsix/braze-kpi.vsix']]);
}
for (const [name, command, args] of prepare) {
	console.log(`\n=== ${name}`);
	const t = performance.now();
	const { code } = await run(command, args);
	results.push({ layer: 'build', name, code, pass: 0, fail: 0, seconds: (performance.now() - t) / 1000 });
	if (code !== 0) {
		console.error(`\n${name} failed (exit ${code}); not running the tests.`);
		process.exit(1);
	}
}
for (const layer of layers) {
	for (const [name, command, args] of steps[layer]) {
		console.log(`\n=== ${layer}: ${name}`);
		const t = performance.now();
		const { code, output } = await run(command, args);
		const { pass, fail } = counts(output);
		results.push({ layer, name, code, pass, fail, seconds: (performance.now() - t) / 1000 });
	}
}

console.log('\n=== summary');
for (const r of results) {
	const tally = r.pass + r.fail > 0 ? `${r.pass} passed, ${r.fail} failed` : r.code === 0 ? 'ok' : `exit ${r.code}`;
	console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.layer.padEnd(11)} ${r.name.padEnd(36)} ${tally.padEnd(22)} ${r.seconds.toFixed(1)} s`);
}
const failedSteps = results.filter((r) => r.code !== 0);
const passed = results.reduce((n, r) => n + r.pass, 0);
const failed = results.reduce((n, r) => n + r.fail, 0) + failedSteps.filter((r) => r.fail === 0).length;
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
