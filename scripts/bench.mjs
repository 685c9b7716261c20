// Prints sizes and speed figures; never a pass/fail. `npm run bench` (builds first). Last: the webview chart draw time.
// Sizes: what activation loads (dist/extension.js and the chunks it requires), the features bundle loaded on first use,
// the webview bundle, the client alone, the .vsix. Speed: a 1000-day series (10 windows) fetched from the sandbox with
// 40 ms latency, at concurrency 1 and 4, measured side by side in one run, as a ratio.
// Load: the in-host load test (issue 12 E) run in code-server; prints its in-flight maximum and the heap before and after.
// Activation (issue 11): fresh code-server starts, each running the in-host activation test; medians of VS Code's own
// marks and of the extension's figures. Command → chart drawn (issue 11): the e2e timing test (test/e2e/cacheAndTiming).
// Flags: --no-load, --no-activation, --no-e2e skip those parts; --activation-runs=N (default 5); --e2e-rounds=N (default 7).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`;
const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

execFileSync(process.execPath, ['esbuild.js', '--production'], { stdio: 'inherit' });
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
mkdirSync('dist-vsix', { recursive: true });
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', 'dist-vsix/braze-kpi.vsix'], { stdio: 'ignore' });
const esbuild = require('esbuild');
const clientOnly = await esbuild.build({ entryPoints: ['src/braze/client.ts'], bundle: true, minify: true, platform: 'node', format: 'cjs', charset: 'utf8', write: false });

console.log(`machine: ${(await import('node:os')).cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures below are from this machine, at this load)`);
printHostSizes();
console.log(`  webview bundle  dist/webview.js    ${kb(statSync('dist/webview.js').size)}`);
console.log(`  Braze client alone                 ${kb(clientOnly.outputFiles[0].contents.length)}`);
console.log(`  .vsix                              ${kb(statSync('dist-vsix/braze-kpi.vsix').size)}`);

/** The host files from esbuild's metafile: what activation requires, what loads on first use, and the biggest sources of each. */
function printHostSizes() {
	const meta = JSON.parse(readFileSync('dist/host-meta.json', 'utf8'));
	const files = Object.keys(meta.outputs).filter((f) => f.endsWith('.js'));
	const atStart = ['dist/extension.js'];
	for (const file of atStart) for (const i of meta.outputs[file].imports) if (i.kind === 'import-statement' && i.path in meta.outputs && !atStart.includes(i.path)) atStart.push(i.path);
	const size = (file) => statSync(file).size;
	const sum = (list) => list.reduce((n, f) => n + size(f), 0);
	const later = files.filter((f) => !atStart.includes(f));
	const top = (list) => {
		const bySource = list.flatMap((f) => Object.entries(meta.outputs[f].inputs)).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
		return bySource.slice(0, 5).map(([source, { bytesInOutput }]) => `${source.replace(/^src\//, '')} ${(bytesInOutput / 1024).toFixed(1)}`).join(', ');
	};
	console.log('sizes (minified)');
	console.log(`  host, loaded by activation: ${kb(sum(atStart))} = ${atStart.map((f) => `${f.replace('dist/', '')} ${(size(f) / 1024).toFixed(1)}`).join(' + ')} (goal ≤ 80 KB)`);
	console.log(`    largest sources (KiB): ${top(atStart)}`);
	console.log(`  host, loaded on first use: ${kb(sum(later))} = ${later.map((f) => f.replace('dist/', '')).join(', ')}`);
	console.log(`    largest sources (KiB): ${top(later)}`);
	const owners = new Map();
	for (const f of files) for (const [source, { bytesInOutput }] of Object.entries(meta.outputs[f].inputs)) if (bytesInOutput > 0) owners.set(source, [...(owners.get(source) ?? []), bytesInOutput]);
	const duplicated = [...owners.values()].filter((b) => b.length > 1).reduce((n, b) => n + b.slice(1).reduce((m, x) => m + x, 0), 0);
	console.log(`  host, all files: ${kb(sum(files))}; source bytes in more than one file: ${duplicated}`);
}

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
	const serial = median(runs.map(([s]) => s.ms));
	const parallel = median(runs.map(([, p]) => p.ms));
	console.log(`speed (1000 days = ${runs[0][0].requestCount} requests, 40 ms latency each, median of 3)`);
	console.log(`  concurrency 1: ${serial.toFixed(0)} ms   concurrency 4: ${parallel.toFixed(0)} ms   ratio ${(serial / parallel).toFixed(2)}x`);
} finally {
	await sandbox.close();
}

await benchDayCache();
if (!process.argv.includes('--no-load')) benchLoad();
if (!process.argv.includes('--no-activation')) benchActivation(option('activation-runs', 5));
if (!process.argv.includes('--no-e2e')) benchChartTiming(option('e2e-rounds', 7));

/**
 * Issue 11: a 1,000-day query (ending today) against the sandbox at 40 ms latency, through the day cache and one
 * limiter of 4 shared by every request: cold, then opened again (cached), a single request of the 4 days the cached
 * run refreshes, and a single 100-day request, side by side in each round; medians of 11 rounds, each in a fresh partition.
 */
async function benchDayCache() {
	const { startSandbox } = require('../out/sandbox/server.js');
	const { BrazeClient } = require('../out/src/braze/client.js');
	const { RequestLimiter } = require('../out/src/braze/concurrency.js');
	const { DayCache } = require('../out/src/cache/dayCache.js');
	const { fetchCachedSeries } = require('../out/src/cache/cachedSeries.js');
	const sandbox = await startSandbox({ faults: { latencyMs: 40 } });
	const dir = await mkdtemp(join(tmpdir(), 'braze-bench-cache-'));
	try {
		const limiter = new RequestLimiter(4);
		const client = new BrazeClient({ baseUrl: sandbox.url, apiKey: 'bench-key', limiter });
		const cache = new DayCache({ directory: dir });
		const deps = { fetchWindows: (request, signal) => client.fetchWindows(request, signal), cache, now: () => new Date(), refreshDays: 3 };
		const query = { metric: 'dau', length: 1000 };
		const timed = async (run) => {
			sandbox.clearRequests();
			const started = performance.now();
			await run();
			return { ms: performance.now() - started, requests: sandbox.requests.length };
		};
		const rounds = [];
		// Round 0 warms up the JIT and the connections; it is not counted.
		for (let i = 0; i <= 11; i++) {
			const partition = `bench-${i}`;
			const cold = await timed(() => fetchCachedSeries(deps, partition, query));
			await cache.flush(); // the cold run's write goes on after it returns; a reopen comes later than that
			const cached = await timed(() => fetchCachedSeries(deps, partition, query));
			await cache.flush();
			const one = await timed(() => client.fetchSeries({ metric: 'dau', length: 4 }));
			const oneFull = await timed(() => client.fetchSeries({ metric: 'dau', length: 100 }));
			if (i > 0) rounds.push({ cold, cached, one, oneFull });
		}
		const median = (pick) => rounds.map(pick).sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
		const cold = median((r) => r.cold.ms);
		const cached = median((r) => r.cached.ms);
		const one = median((r) => r.one.ms);
		const oneFull = median((r) => r.oneFull.ms);
		const bytesPerPartition = (await cache.sizeBytes()) / (rounds.length + 1);
		console.log(`day cache (1000 days ending today, 40 ms latency, one shared limit of 4 requests in flight, median of ${rounds.length})`);
		console.log(`  requests sent   cold: ${rounds[0].cold.requests}   opened again: ${rounds[0].cached.requests}   (goal 10, then 1)`);
		console.log(`  opened again: ${cached.toFixed(0)} ms   one request of the same 4 days, no cache: ${one.toFixed(0)} ms   ratio ${(cached / one).toFixed(2)}x (goal ≤ 1.2)`);
		console.log(`  cold (10 requests): ${cold.toFixed(0)} ms   one request of 100 days: ${oneFull.toFixed(0)} ms   ratio ${(cold / oneFull).toFixed(2)}x (3 rounds of 4 at best)`);
		console.log(`  on disk: ${kb(Math.round(bytesPerPartition))} per 1000-day series`);
	} finally {
		await sandbox.close();
		await rm(dir, { recursive: true, force: true });
	}
}

// Webview: the chart page in headless Chromium (the webview tests' harness, production CSP and bundle) draws
// one 30-day series and 10 series × 3,650 days in the same run; `show` is timed by its own performance measure.
{
	const { startPanelServer, launchBrowser, openPanel } = require('../out/test/webview/harness.js');
	const { initMessage, makeResult } = require('../out/test/webview/sampleData.js');
	const DRAWS = 9;
	const wave = (days, seed) => Array.from({ length: days }, (_, i) => Math.round(10_000 + seed * 1_500 + 2_000 * Math.sin(i / 7 + seed) + 3 * i));
	const resultOf = (days, seriesCount) => {
		const main = makeResult({ lastDate: '2026-06-30', values: wave(days, 0) });
		const compared = Array.from({ length: seriesCount - 1 }, (_, k) => ({ appId: `app-${k + 1}`, series: { ...makeResult({ lastDate: '2026-06-30', values: wave(days, k + 1) }).series } }));
		return compared.length === 0 ? main : { ...main, query: { ...main.query, appId: 'app-0' }, compared };
	};
	const server = await startPanelServer();
	const browser = await launchBrowser();
	try {
		const panel = await openPanel(browser, server, { viewport: { width: 1100, height: 860 } });
		await panel.send(initMessage(resultOf(30, 1)));
		await panel.page.locator('canvas[data-day-count="30"]').waitFor();
		/** Median of `DRAWS` draws of `result` (after one warm-up), each sent as a host `result` message. */
		const timeDraws = async (result) => {
			const times = [];
			for (let i = 0; i <= DRAWS; i++) {
				// Listeners run in order: this one, added after the panel's, runs once the panel has drawn.
				const ms = await panel.page.evaluate(
					(message) =>
						new Promise((resolve) => {
							performance.clearMeasures('kpi-chart-draw');
							window.addEventListener('message', () => resolve(performance.getEntriesByName('kpi-chart-draw').at(-1)?.duration ?? NaN), { once: true });
							window.postMessage(message, '*');
						}),
					{ type: 'result', result },
				);
				if (Number.isNaN(ms)) throw new Error('the panel did not draw the result');
				if (i > 0) times.push(ms);
			}
			return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
		};
		const small = resultOf(30, 1);
		const big = resultOf(3650, 10);
		const rounds = [];
		for (let round = 0; round < 3; round++) rounds.push([await timeDraws(small), await timeDraws(big)]);
		const one = median(rounds.map(([s]) => s));
		const ten = median(rounds.map(([, b]) => b));
		const drawn = await panel.page.locator('canvas').getAttribute('data-drawn-points');
		console.log(`webview chart draw (headless Chromium, 1100 px wide, median of ${3 * DRAWS} draws each)`);
		console.log(`  1 series × 30 days: ${one.toFixed(1)} ms   10 series × 3,650 days: ${ten.toFixed(1)} ms   ratio ${(ten / one).toFixed(2)}x`);
		console.log(`  points drawn per series for 3,650 days (thinned for drawing; table and tooltips exact): ${drawn}`);
		await panel.close();
	} finally {
		await browser.close();
		await server.close();
	}
}

/**
 * Issue 12 E: the in-host load test (20 panels of 3,650 days, 10% random faults) run inside code-server, and the
 * figures it measured in the extension host: the heap before and after, the requests in flight. `--no-load` skips it.
 */
function benchLoad() {
	execFileSync(process.execPath, ['esbuild.js', '--sandbox-only'], { stdio: 'inherit' });
	const figuresFile = join('test-results', 'load-figures.json');
	rmSync(figuresFile, { force: true });
	try {
		execFileSync(process.execPath, ['out/test/host/runIntegration.js', '--no-build', '--grep', '^load: '], { stdio: ['ignore', 'ignore', 'inherit'] });
	} catch {
		console.log('load (in-host): the load test failed; `node out/test/host/runIntegration.js --no-build --grep "^load: "` shows why');
	}
	if (!existsSync(figuresFile)) return;
	const f = JSON.parse(readFileSync(figuresFile, 'utf8'));
	const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
	console.log(`load (in-host: ${f.panels} panels × ${f.daysPerPanel} days at once, ${f.faultRate * 100}% random faults, seed ${f.seed})`);
	console.log(`  ${f.results} results, ${f.errors.length} errors in ${f.seconds.toFixed(1)} s; ${f.requestsSent} requests; faults ${JSON.stringify(f.faultsInjected)}`);
	console.log(`  requests in flight at most: ${f.inFlightMax} (limit ${f.inFlightLimit})   unhandled rejections: ${f.unhandledRejections}`);
	console.log(`  extension host heap (${f.heapMethod}): ${mb(f.heapBeforeBytes)} before, ${mb(f.heapAfterBytes)} after the panels closed: ${(f.heapGrowth * 100).toFixed(1)}% (goal ≤ 10%)`);
}

/**
 * Issue 11: `runs` fresh code-server starts, each running the in-host activation test, which reads VS Code's own marks
 * around loading and activating the extension and the extension's own figures. Prints medians.
 */
function benchActivation(runs) {
	execFileSync(process.execPath, ['esbuild.js', '--sandbox-only'], { stdio: 'inherit' });
	const figuresFile = join('test-results', 'activation-figures.json');
	const all = [];
	for (let i = 0; i < runs; i++) {
		rmSync(figuresFile, { force: true });
		try {
			execFileSync(process.execPath, ['out/test/host/runIntegration.js', '--no-build', '--grep', '^activation: '], { stdio: ['ignore', 'ignore', 'inherit'] });
		} catch {
			console.log('activation (in-host): the activation test failed; `node out/test/host/runIntegration.js --no-build --grep "^activation: "` shows why');
			return;
		}
		if (existsSync(figuresFile)) all.push(JSON.parse(readFileSync(figuresFile, 'utf8')));
	}
	if (all.length === 0) return;
	const m = (pick) => median(all.map(pick)).toFixed(1);
	const list = (pick) => all.map((f) => pick(f).toFixed(0)).join(', ');
	console.log(`activation (in-host, code-server 4.100.3, production bundle, median of ${all.length} fresh host starts)`);
	console.log(`  activate call: ${m((f) => f.activateMs)} ms by the extension's clock, ${m((f) => f.activateCallMs)} ms by VS Code's marks [${list((f) => f.activateCallMs)}] (goal ≤ 20 ms)`);
	console.log(`  loading the code VS Code requires at activation (${all[0].loadedAtActivation.join(' + ')}): ${m((f) => f.codeLoadingMs)} ms [${list((f) => f.codeLoadingMs)}]`);
	console.log(`  start-up work settled (migration, context keys, walkthrough, status bar): ${m((f) => f.settledMs)} ms after activate began [${list((f) => f.settledMs)}]`);
	console.log(`  first command (loads the features bundle): ${m((f) => f.firstCommandMs)} ms   the same command again: ${m((f) => f.secondCommandMs)} ms`);
}

/**
 * Issue 11: the e2e timing in code-server through the browser: Show DAU with arguments (a keybinding) until the webview
 * reports its chart drawn, against an empty webview panel opened the same way, `rounds` of each, alternating.
 */
function benchChartTiming(rounds) {
	execFileSync(process.execPath, ['esbuild.js', '--sandbox-only'], { stdio: 'inherit' });
	const figuresFile = join('test-results', 'chart-timing.json');
	rmSync(figuresFile, { force: true });
	try {
		execFileSync(process.execPath, ['--test', '--test-name-pattern=Show DAU with arguments', 'out/test/e2e/cacheAndTiming.test.js'], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, BRAZE_E2E_VSIX: join(process.cwd(), 'dist-vsix', 'braze-kpi.vsix'), BRAZE_E2E_TIMING_ROUNDS: String(rounds) },
		});
	} catch {
		console.log('command → chart (e2e): the timing test failed; `node --test out/test/e2e/cacheAndTiming.test.js` shows why');
	}
	if (!existsSync(figuresFile)) return;
	const f = JSON.parse(readFileSync(figuresFile, 'utf8'));
	console.log(`command → chart drawn (e2e: code-server in headless Chromium, key press to the webview's own draw time, median of ${f.rounds} each, alternating)`);
	console.log(`  Show DAU ${JSON.stringify(f.query)}: ${f.showDauMs.toFixed(0)} ms   empty webview panel: ${f.emptyPanelMs.toFixed(0)} ms   ratio ${f.ratio.toFixed(2)}x (goal ≤ 1.5)`);
	console.log(`  runs: Show DAU [${f.showDauRunsMs.map((v) => v.toFixed(0)).join(', ')}]   empty [${f.emptyPanelRunsMs.map((v) => v.toFixed(0)).join(', ')}]`);
}
