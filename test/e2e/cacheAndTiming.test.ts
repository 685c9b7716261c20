// Issue 11 through the UI of code-server: a reopened query is drawn from the day cache and says how old the cached
// days are; a 429 waited out is said in the progress notification with the time of the retry; and Show DAU with
// arguments (from a keybinding) is timed until the webview reports its chart drawn, against an empty webview panel
// opened the same way in the same run. The timing writes figures for `npm run bench`; nothing here is timed.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { addDays } from '../../src/shared/dates';
import { useE2eSession } from '../host/e2eSession';
import { repoRoot, testResultsDir } from '../host/paths';
import { onExitCleanup } from '../host/processGroup';
import { notification, webviewFrame } from '../host/workbench';
import { closeAllEditors, showDauThroughPrompts, startWithKey, waitForChart, watchPageProblems } from './brazeUi';
import type { PageProblems } from './brazeUi';

const execFileAsync = promisify(execFile);
// Any key but the sandbox's special ones is accepted.
const API_KEY = 'e2e-cache-timing-key-3f9a27';
const KPI_PATH = '/kpi/dau/data_series';
// Fixed past ends: every day of these ranges is older than braze.cache.refreshDays, so a reopen needs no request.
const CACHED_QUERY = { length: 30, end: '2026-10-15', appId: null } as const;
const RATE_LIMITED_QUERY = { length: 7, end: '2026-09-01', appId: null } as const;
const RETRY_AFTER_SECONDS = 5;

/** Show DAU with arguments on a key, as the README shows, and the fixture's empty panel on another. */
const SHOW_DAU_KEY = 'Control+Alt+F8';
const EMPTY_PANEL_KEY = 'Control+Alt+F9';
const TIMED_QUERY = { length: 30, end: 'yesterday' } as const;
/** Timed rounds after the first (cold) one; `npm run bench` asks for more. */
const ROUNDS = Number(process.env.BRAZE_E2E_TIMING_ROUNDS ?? '3');
/** Where the timing test writes its figures (read and printed by `npm run bench`). */
export const chartTimingFile = path.join(testResultsDir, 'chart-timing.json');
const fixtureDir = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'empty-webview');

/** Packages the empty-webview fixture extension into a temporary folder (removed on exit); resolves to the .vsix. */
async function packageFixture(): Promise<string> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-fixture-vsix-'));
	onExitCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
	const vsix = path.join(dir, 'empty-webview-fixture.vsix');
	const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
	await execFileAsync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: fixtureDir, timeout: 120_000 });
	return vsix;
}

/** Every way `Intl` in the 'en' locale may print an instant between `from` and `to`, in steps of `stepMs`. */
function printedBetween(from: number, to: number, stepMs: number, print: (date: Date) => string): Set<string> {
	const printed = new Set<string>();
	for (let time = Math.floor(from / stepMs) * stepMs; time <= to + stepMs; time += stepMs) printed.add(normaliseSpaces(print(new Date(time))));
	return printed;
}

/** ICU puts a narrow no-break space before AM/PM; the page's text and Node's may differ only in that. */
function normaliseSpaces(text: string): string {
	return text.replace(/[\s\u202f\u00a0]+/g, ' ').trim();
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function kpiRequests(session: { sandbox: { requests(): Promise<{ path: string; status: number }[]> } }): Promise<{ path: string; status: number }[]> {
	return (await session.sandbox.requests()).filter((r) => r.path.startsWith('/kpi/'));
}

/** Presses `key` with no editor open and waits for the webview's own clock to say when it drew; milliseconds from the key press. */
async function timeFromKey(page: Page, key: string, drawnAt: () => Promise<number>): Promise<number> {
	await closeAllEditors(page);
	const pressed = Date.now();
	await page.keyboard.press(key);
	const drawn = await drawnAt();
	assert.ok(Number.isFinite(drawn), 'the webview reported no draw time');
	return drawn - pressed;
}

describe('Braze: the day cache, the rate-limit wait and the chart timing (code-server)', () => {
	let problems: PageProblems | undefined;
	// Filled before the session opens (hooks run in order): the session installs it after the extension.
	const fixtureVsix: string[] = [];
	before(async () => void fixtureVsix.push(await packageFixture()), { timeout: 120_000 });
	const current = useE2eSession(
		{
			extraVsixPaths: fixtureVsix,
			keybindings: [
				{ key: 'ctrl+alt+f8', command: 'braze.showDau', args: TIMED_QUERY },
				{ key: 'ctrl+alt+f9', command: 'emptyWebviewFixture.open' },
			],
		},
		(session) => {
			problems = watchPageProblems(session.page);
			return Promise.resolve();
		},
	);

	test('a reopened query is drawn from the day cache, and the panel says how old its cached days are', async () => {
		const session = current();
		const { page, sandbox } = session;
		await startWithKey(session, API_KEY);
		const firstDay = addDays(CACHED_QUERY.end, 1 - CACHED_QUERY.length);
		const fetchStarted = Date.now();
		await showDauThroughPrompts(page, CACHED_QUERY);
		const fresh = await waitForChart(page, firstDay, CACHED_QUERY.end);
		const fetchEnded = Date.now();
		assert.deepEqual((await kpiRequests(session)).map((r) => r.status), [200], 'the first opening asks Braze once');
		assert.equal(await fresh.locator('.cache-note').count(), 0, 'a fresh chart says nothing about the cache');

		await closeAllEditors(page);
		await sandbox.clearRequests();
		await showDauThroughPrompts(page, CACHED_QUERY);
		const reopened = await waitForChart(page, firstDay, CACHED_QUERY.end);
		const note = normaliseSpaces((await reopened.locator('.cache-note').textContent()) ?? '');
		const said = /^(\d+) days from the cache \(the oldest fetched (.+)\); requests sent for the rest: 0$/.exec(note);
		assert.ok(said, `the cache note: ${note}`);
		// The previous period is fetched with the range (30 days fit twice in one request): both come from the cache.
		assert.ok(Number(said[1]) >= CACHED_QUERY.length, note);
		// The age is the first opening's: the minute it was fetched, as the panel prints instants.
		const instant = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
		assert.ok(printedBetween(fetchStarted, fetchEnded, 60_000, (d) => instant.format(d)).has(said[2]), `"${said[2]}" is not when the days were fetched`);
		assert.deepEqual(await kpiRequests(session), [], 'the reopen sent no request');
		assert.deepEqual(problems?.uncaught, []);
	});

	test('while a 429 is waited out, the progress notification says so and gives the time of the retry', async () => {
		const session = current();
		const { page, sandbox } = session;
		await startWithKey(session, API_KEY);
		await sandbox.setFaults({ rateLimited: 1, retryAfterSeconds: RETRY_AFTER_SECONDS });
		const asked = Date.now();
		await showDauThroughPrompts(page, RATE_LIMITED_QUERY);
		const waiting = notification(page, /Braze rate limit: retrying at .+ — Cancel to stop/);
		await waiting.waitFor();
		const seen = Date.now();
		const text = normaliseSpaces((await waiting.locator('.notification-list-item-message').textContent()) ?? '');
		const at = /Braze rate limit: retrying at (.+) — Cancel to stop/.exec(text)?.[1];
		assert.ok(at, text);
		// Retry-After counts from the 429's arrival, which fell between the question and the toast.
		const retryTimes = printedBetween(asked + RETRY_AFTER_SECONDS * 1000, seen + RETRY_AFTER_SECONDS * 1000, 1000, (d) => d.toLocaleTimeString('en'));
		assert.ok(retryTimes.has(at), `"${at}" is not ${RETRY_AFTER_SECONDS} s after the 429`);
		assert.ok(await waiting.getByRole('button', { name: 'Cancel', exact: true }).isVisible(), 'the wait can be cancelled');

		// The retry is answered: the chart comes, and Braze was asked twice (the 429, then the answer).
		await waitForChart(page, addDays(RATE_LIMITED_QUERY.end, 1 - RATE_LIMITED_QUERY.length), RATE_LIMITED_QUERY.end);
		assert.deepEqual((await kpiRequests(session)).map((r) => ({ path: r.path, status: r.status })), [{ path: KPI_PATH, status: 429 }, { path: KPI_PATH, status: 200 }]);
		await sandbox.clearFaults();
		assert.deepEqual(problems?.uncaught, []);
	});

	test('Show DAU with arguments until its chart is drawn, against an empty webview panel, side by side (figures only)', async () => {
		const session = current();
		const { page } = session;
		await startWithKey(session, API_KEY);
		const chartDrawnAt = async (): Promise<number> => {
			const frame = webviewFrame(page);
			await frame.locator(`canvas[data-day-count="${TIMED_QUERY.length}"]`).waitFor({ state: 'attached' });
			await frame.locator('main#panel[aria-busy="false"]').waitFor({ state: 'attached' });
			// The panel's own User Timing entry of its last draw, on the webview's clock (epoch milliseconds).
			return frame.locator('body').evaluate(() => {
				const draw = performance.getEntriesByName('kpi-chart-draw').at(-1);
				return draw ? performance.timeOrigin + draw.startTime + draw.duration : NaN;
			});
		};
		const emptyPaintedAt = async (): Promise<number> => Number(await webviewFrame(page).locator('body[data-painted-at]').getAttribute('data-painted-at'));

		// The first of each is cold: Show DAU loads the extension's features bundle, the fixture activates.
		const firstShowDau = await timeFromKey(page, SHOW_DAU_KEY, chartDrawnAt);
		const firstEmpty = await timeFromKey(page, EMPTY_PANEL_KEY, emptyPaintedAt);
		const showDau: number[] = [];
		const empty: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			showDau.push(await timeFromKey(page, SHOW_DAU_KEY, chartDrawnAt));
			empty.push(await timeFromKey(page, EMPTY_PANEL_KEY, emptyPaintedAt));
		}
		const figures = {
			rounds: ROUNDS,
			query: TIMED_QUERY,
			firstShowDauMs: firstShowDau,
			firstEmptyPanelMs: firstEmpty,
			showDauMs: median(showDau),
			emptyPanelMs: median(empty),
			ratio: median(showDau) / median(empty),
			showDauRunsMs: showDau,
			emptyPanelRunsMs: empty,
		};
		fs.mkdirSync(testResultsDir, { recursive: true });
		fs.writeFileSync(chartTimingFile, JSON.stringify(figures, null, 2));
		console.log(`Show DAU → chart drawn: ${figures.showDauMs.toFixed(0)} ms; empty webview panel: ${figures.emptyPanelMs.toFixed(0)} ms; ratio ${figures.ratio.toFixed(2)} (medians of ${ROUNDS}; first: ${firstShowDau.toFixed(0)} / ${firstEmpty.toFixed(0)} ms)`);
		for (const ms of [...showDau, ...empty, firstShowDau, firstEmpty]) assert.ok(ms > 0, `a time of ${ms} ms: the clocks disagree`);
		assert.deepEqual(problems?.uncaught, []);
	});
});
