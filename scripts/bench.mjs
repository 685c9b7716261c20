// Prints sizes and speed figures; never a pass/fail. `npm run bench` (builds first).
// Sizes: the production host and webview bundles, the client alone, the .vsix. Speed: a 1000-day series (10 windows)
// fetched from the sandbox with 40 ms latency, at concurrency 1 and 4, measured side by side in one run, as a ratio.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`;

execFileSync(process.execPath, ['esbuild.js', '--production'], { stdio: 'inherit' });
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
const esbuild = require('esbuild');
const clientOnly = await esbuild.build({ entryPoints: ['src/braze/client.ts'], bundle: true, minify: true, platform: 'node', format: 'cjs', charset: 'utf8', write: false });

console.log('sizes (minified)');
console.log(`  host bundle     dist/extension.js  ${kb(statSync('dist/extension.js').size)}`);
console.log(`  webview bundle  dist/webview.js    ${kb(statSync('dist/webview.js').size)}`);
console.log(`  Braze client alone                 ${kb(clientOnly.outputFiles[0].contents.length)}`);
if (existsSync('dist-vsix/braze-kpi.vsix')) console.log(`  .vsix                              ${kb(statSync('dist-vsix/braze-kpi.vsix').size)}`);

const { startSandbox } = require('../out/sandbox/server.js');
const { BrazeClient } = require('../out/src/braze/client.js');
const sandbox = await startSandbox({ faults: { latencyMs: 40 } });
try {
	const timeFetch = async (maxConcurrency) => {
		const client = new BrazeClient({ baseUrl: sandbox.url, apiKey: 'bench-key', maxConcurrency });
		const started = performance.now();
		const { series, requestCount } = await client.fetchSeries({ metric: 'dau', length: 1000, endingAt: '2026-06-30T23:59:59Z' });
		return { ms: performance.now() - started, days: series.points.length, requestCount };
	};
	await timeFetch(4); // warm-up
	const runs = [];
	for (let i = 0; i < 3; i++) runs.push([await timeFetch(1), await timeFetch(4)]);
	const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const serial = median(runs.map(([s]) => s.ms));
	const parallel = median(runs.map(([, p]) => p.ms));
	console.log(`speed (1000 days = ${runs[0][0].requestCount} requests, 40 ms latency each, median of 3)`);
	console.log(`  concurrency 1: ${serial.toFixed(0)} ms   concurrency 4: ${parallel.toFixed(0)} ms   ratio ${(serial / parallel).toFixed(2)}x`);
} finally {
	await sandbox.close();
}
