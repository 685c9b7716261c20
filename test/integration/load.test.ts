// Issue 12 E: 20 chart panels at once, 3,650 days each (37 requests each), against a sandbox that faults one KPI
// request in ten at random (5xx, dropped connections, 429): every panel ends with a result or one clear error, no
// unhandled rejection, the requests in flight stay within the limit, and the heap comes back after the panels close.
import * as assert from 'node:assert/strict';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { SANDBOX_APPS } from '../../sandbox/data';
import type { KpiMetric } from '../../src/shared/kpi';
import type { PanelResult } from '../../src/shared/protocol';
import { closeAllEditors, eventually, extensionApi, recordedRequests, resetFaults, sandboxUrl, setFaults, setSetting } from './support';
import { countUnhandledRejections, inFlightFigures, loadFiguresFile, randomFaultCounts, setRandomFaults, settledHeap, writeLoadFigures } from './loadSupport';

/** Panels opened at once. */
export const LOAD_PANELS = 20;
/** Days per panel: 37 windows of at most 100 days. */
export const LOAD_DAYS = 3650;
/** The most KPI requests the sandbox may see in flight at once: one limit of 4 is shared by every fetch of the extension. */
export const MAX_REQUESTS_IN_FLIGHT = 4;
/** The heap after the panels closed may be at most this much above the heap before. */
const HEAP_GROWTH_LIMIT = 0.1;
const FAULT_RATE = 0.1;
const FAULT_SEED = 20_261_202;
const KEY = 'integration-load-key';
const METRICS: readonly KpiMetric[] = ['dau', 'mau', 'new_users', 'uninstalls'];

/** Twenty different queries (the same query twice would reuse its panel): 4 metrics × 4 app choices, then a second end date. */
function loadQueries(length: number): { metric: KpiMetric; length: number; end: string; appId: string | null }[] {
	const apps: (string | null)[] = [null, ...SANDBOX_APPS.map((app) => app.id)];
	return Array.from({ length: LOAD_PANELS }, (_, i) => ({
		metric: METRICS[i % METRICS.length] ?? 'dau',
		length,
		end: i < METRICS.length * apps.length ? '2026-10-15' : '2026-09-30',
		appId: apps[Math.floor(i / METRICS.length) % apps.length] ?? null,
	}));
}

/**
 * A rejection raised by VS Code's own code (its stack lies only in code-server's copy of VS Code, never in this
 * extension), e.g. its file search failing to spawn ripgrep, which the offline install leaves out.
 */
function fromVsCodeItself(reason: string): boolean {
	const frames = reason.split('\n').filter((line) => /^\s+at /.test(line));
	return frames.length > 0 && frames.every((line) => /\/lib\/vscode\/|\/static\/out\/vs\/|node:internal/.test(line)) && !reason.includes('extension.js');
}

const print = (line: string): void => Mocha.reporters.Base.consoleLog(`      ${line}`);

suite('load: 20 panels of 3,650 days against 10% random faults', () => {
	suiteSetup(async () => {
		await extensionApi();
		await setSetting('restEndpoint', sandboxUrl());
		// Every panel asks Braze for all its days: the load is on the network path, not the day cache.
		await setSetting('cache.refreshDays', 0);
		await resetFaults();
		await setRandomFaults(null);
	});

	suiteTeardown(async () => {
		await closeAllEditors();
		await setRandomFaults(null);
		await resetFaults();
		await setSetting('cache.refreshDays', undefined);
	});

	test('every panel ends with a result or one clear error; no unhandled rejection; the in-flight limit holds; the heap comes back', async function () {
		this.timeout(600_000);
		const api = await extensionApi();
		assert.equal(await vscode.commands.executeCommand('braze.setApiKey', { key: KEY }), true);
		await closeAllEditors();
		// A warm-up round of 20 small panels, opened and closed, pays the one-time costs (code compiled, the webview
		// loaded, VS Code's editor history filled) before the baseline: what is left to measure is what the load keeps.
		const warmUp = await Promise.all(loadQueries(7).map((query) => vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', query)));
		assert.equal(warmUp.filter(Boolean).length, LOAD_PANELS, 'the warm-up panels did not all open');
		await closeAllEditors();
		await eventually(() => (api.openResults().length === 0 ? true : undefined), 'the warm-up panels to close', 60_000);
		// The day cache keeps what was fetched on purpose (bounded by braze.cache.maxMegabytes): both readings are taken without it.
		await vscode.commands.executeCommand('braze.clearCache', { all: true });
		const heapBefore = await settledHeap();

		// 20 ms per answer, so that the requests overlap as they would against a real Braze.
		await setFaults({ latencyMs: 20 });
		await setRandomFaults({ rate: FAULT_RATE, seed: FAULT_SEED });
		await inFlightFigures(true);
		const requestsBefore = (await recordedRequests()).length;
		const errorsBefore = api.presentedErrors.length;
		const rejections = countUnhandledRejections();
		const started = Date.now();
		let outcomes: PromiseSettledResult<PanelResult | undefined>[] = [];
		try {
			outcomes = await Promise.allSettled(loadQueries(LOAD_DAYS).map((query) => vscode.commands.executeCommand<PanelResult | undefined>('braze.showKpi', query)));
			// A rejection is reported after the turn it happened in: give late ones the time VS Code gives them.
			await new Promise((resolve) => setTimeout(resolve, 1_500));
		} finally {
			rejections.stop();
		}
		const seconds = (Date.now() - started) / 1000;
		const inFlight = await inFlightFigures();
		const faults = await randomFaultCounts();
		const requests = (await recordedRequests()).length - requestsBefore;
		const errors = api.presentedErrors.slice(errorsBefore);
		const results = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value !== undefined ? [o.value.series.points.length] : []));
		const commandRejections = outcomes.filter((o) => o.status === 'rejected').length;
		// The results must not stay reachable from here while the heap is measured.
		outcomes = [];
		await setRandomFaults(null);
		await resetFaults();

		const panelsOpen = api.openResults().length;
		await closeAllEditors();
		await eventually(() => (api.openResults().length === 0 ? true : undefined), 'the panels to close', 60_000);
		await vscode.commands.executeCommand('braze.clearCache', { all: true });
		const heapAfter = await settledHeap();
		const growth = (heapAfter.bytes - heapBefore.bytes) / heapBefore.bytes;

		const ours = rejections.reasons.filter((reason) => !fromVsCodeItself(reason));
		const figures = {
			panels: LOAD_PANELS,
			daysPerPanel: LOAD_DAYS,
			faultRate: FAULT_RATE,
			seed: FAULT_SEED,
			seconds,
			results: results.length,
			errors: errors.map((e) => e.message),
			commandRejections,
			requestsSent: requests,
			faultsInjected: faults.faulted,
			inFlightMax: inFlight.max,
			inFlightLimit: MAX_REQUESTS_IN_FLIGHT,
			unhandledRejections: ours.length,
			foreignUnhandledRejections: rejections.reasons.length - ours.length,
			heapBeforeBytes: heapBefore.bytes,
			heapAfterBytes: heapAfter.bytes,
			heapGrowth: growth,
			heapMethod: heapBefore.method,
		};
		writeLoadFigures(figures);
		print(`${results.length} results and ${errors.length} errors for ${LOAD_PANELS} panels in ${seconds.toFixed(1)} s; ${requests} requests, faults injected ${JSON.stringify(faults.faulted)}`);
		print(`in flight at most ${inFlight.max} (limit ${MAX_REQUESTS_IN_FLIGHT}); unhandled rejections ${ours.length} (and ${figures.foreignUnhandledRejections} of VS Code's own)`);
		print(`heap (${heapBefore.method}) ${(heapBefore.bytes / 1e6).toFixed(1)} MB before, ${(heapAfter.bytes / 1e6).toFixed(1)} MB after: ${(growth * 100).toFixed(1)}% (limit ${HEAP_GROWTH_LIMIT * 100}%); figures in ${loadFiguresFile}`);

		assert.equal(figures.commandRejections, 0, 'a Show KPI command rejected instead of presenting its error');
		assert.equal(results.length + errors.length, LOAD_PANELS, `each panel ends with exactly one result or one error: ${results.length} results, errors ${JSON.stringify(figures.errors)}`);
		for (const message of figures.errors) assert.doesNotMatch(message, /^Unexpected error/, 'an error the user cannot act on');
		for (const days of results) assert.equal(days, LOAD_DAYS, 'a result shows every day asked for');
		assert.equal(panelsOpen, LOAD_PANELS, 'one panel per query');
		assert.ok(faults.faulted.serverError + faults.faulted.dropConnection + faults.faulted.rateLimited > 0, 'the sandbox injected faults');
		assert.ok(requests >= LOAD_PANELS * 37, `at least 37 requests per panel (${requests})`);
		assert.deepEqual(ours, [], 'unhandled rejections in the extension host');
		assert.ok(inFlight.max <= MAX_REQUESTS_IN_FLIGHT, `${inFlight.max} requests in flight, more than ${MAX_REQUESTS_IN_FLIGHT}`);
		assert.ok(growth <= HEAP_GROWTH_LIMIT, `the heap grew by ${(growth * 100).toFixed(1)}% after the panels closed`);
	});
});
