// The key-leak scan's actions: one row per command a user can run, each driven through the UI with the canary key
// in use. To cover a new feature, add a row here (and drop it from SKIPPED_BY_DESIGN).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { SandboxFaults } from '../../sandbox/server';
import type { E2eSession } from '../host/e2eSession';
import { acceptQuickInput, answerQuickInput, notification, pickQuickItem, webviewFrame } from '../host/workbench';
import { APP_STEP, answerKeyPrompt, runCommandSettled, setApiKey, showDauThroughPrompts, waitForChart } from './brazeUi';

export interface LeakScanContext {
	readonly session: E2eSession;
	/** The canary API key. */
	readonly key: string;
	/** A key of the sandbox's `sandbox-invalid-` family that holds the canary: it answers 401 echoing the key, as Braze does. */
	readonly refusedKey: string;
	/** Texts the actions saw outside files (the clipboard), searched with the rest. */
	readonly texts: { where: string; text: string }[];
}

export interface LeakAction {
	readonly name: string;
	run(context: LeakScanContext): Promise<void>;
}

/** Features of the issue with no row, and why: not built yet, or not drivable from the browser. */
export const SKIPPED_BY_DESIGN = ['Compare (not built yet)', 'the chat tool (needs GitHub Copilot Chat, which an offline code-server lacks)'] as const;

const CHART = { length: 30, end: '2026-10-15', appId: null } as const;
const CHART_FIRST_DAY = '2026-09-16';
/** Each error query ends on its own day: a new panel, never an answer from an earlier run. */
let errorDay = 1;

const host = (session: E2eSession): string => new URL(session.sandbox.url).host;

async function clearNotifications(page: Page): Promise<void> {
	await runCommandSettled(page, 'Notifications: Clear All Notifications');
}

/** Show DAU through its prompts while `faults` are in force; waits for the error notification `message`. */
async function showDauFailing(context: LeakScanContext, faults: SandboxFaults | null, message: string | RegExp): Promise<void> {
	const { page, sandbox } = context.session;
	await clearNotifications(page);
	if (faults) await sandbox.setFaults(faults);
	try {
		await showDauThroughPrompts(page, { length: 7, end: `2026-10-${String(errorDay++).padStart(2, '0')}`, appId: null });
		await notification(page, message).waitFor({ timeout: 90_000 });
	} finally {
		if (faults) await sandbox.clearFaults();
	}
}

/** Edit Connection on the active connection: a custom endpoint URL, the name kept. */
async function editEndpoint(page: Page, url: string): Promise<void> {
	await runCommandSettled(page, 'Braze: Edit Connection');
	await pickQuickItem(page, 'Custom URL…', { prompt: /^Braze: Edit Connection "/, filter: 'Custom URL' });
	await answerQuickInput(page, url, { prompt: /^The REST endpoint URL/ });
	await answerQuickInput(page, 'Sandbox', { prompt: /^A name for this Braze workspace/ });
}

/** An export from the palette, or from the chart panel's button when `button`; its file is checked written. */
async function exportThroughDialog(context: LeakScanContext, format: 'JSON' | 'CSV', button = false): Promise<void> {
	const { page, host: codeServer } = context.session;
	const file = path.join(codeServer.workspaceDir, `leak-scan-${button ? 'button-' : ''}export.${format.toLowerCase()}`);
	if (button) await webviewFrame(page).getByRole('button', { name: `Export to ${format}`, exact: true }).click();
	else await runCommandSettled(page, `Braze: Export to ${format}`);
	await answerQuickInput(page, file, { prompt: `Export to ${format}` });
	await notification(page, `Exported to ${path.basename(file)}.`).waitFor();
	if (!fs.existsSync(file)) throw new Error(`${file} was not written`);
}

/** Resolves once the sandbox has answered a KPI request recorded since its requests were last cleared. */
async function sandboxAnswered(session: E2eSession): Promise<void> {
	while (!(await session.sandbox.requests()).some((r) => r.path.startsWith('/kpi/') && r.status !== 0)) await session.page.waitForTimeout(100);
}

/** Waits until Braze answered the overview's requests and its progress notification is gone. */
async function waitForOverview(session: E2eSession): Promise<void> {
	await sandboxAnswered(session);
	await session.page.locator('.notifications-toasts .notification-toast', { hasText: 'Braze: fetching' }).waitFor({ state: 'hidden' });
	await session.page.locator('.tabs-container .tab.active .label-name', { hasText: /^Overview · All apps · Last 30 days/ }).waitFor();
}

/** A share button of the chart panel whose result lands on the clipboard (and is searched with the rest). */
async function copyFromPanel(context: LeakScanContext, button: string, status: string, starts: string): Promise<void> {
	const { page, host: codeServer } = context.session;
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: codeServer.origin });
	await webviewFrame(page).getByRole('button', { name: button, exact: true }).click();
	await page.locator('.statusbar', { hasText: status }).waitFor();
	const clipboard = await page.evaluate(() => navigator.clipboard.readText());
	if (!clipboard.startsWith(starts)) throw new Error(`the clipboard does not hold the ${button} text: ${JSON.stringify(clipboard.slice(0, 80))}`);
	context.texts.push({ where: `the clipboard after ${button}`, text: clipboard });
}

export const LEAK_ACTIONS: readonly LeakAction[] = [
	{ name: 'Set API Key', run: async ({ session, key }) => setApiKey(session.page, host(session), key) },
	{
		name: 'Verify Connection',
		run: async ({ session }) => {
			await runCommandSettled(session.page, 'Braze: Verify Connection');
			await notification(session.page, /The key can read DAU on .+, but not/).waitFor({ timeout: 60_000 });
		},
	},
	{
		name: 'Show DAU',
		run: async ({ session }) => {
			await showDauThroughPrompts(session.page, CHART);
			await waitForChart(session.page, CHART_FIRST_DAY, CHART.end);
		},
	},
	{ name: 'Copy as CSV', run: async (context) => copyFromPanel(context, 'Copy as CSV', 'Braze: CSV copied to the clipboard.', 'date,dau') },
	{ name: 'Copy as Markdown (panel button)', run: async (context) => copyFromPanel(context, 'Copy as Markdown', 'Braze: Markdown copied to the clipboard.', '#') },
	{
		name: 'Save as PNG (panel button)',
		run: async ({ session }) => {
			const { page, host: codeServer } = session;
			const file = path.join(codeServer.workspaceDir, 'leak-scan-chart.png');
			await webviewFrame(page).getByRole('button', { name: 'Save as PNG', exact: true }).click();
			await answerQuickInput(page, file, { prompt: 'Save Chart as PNG' });
			await page.locator('.statusbar', { hasText: 'Braze: chart saved to leak-scan-chart.png.' }).waitFor();
			if (!fs.readFileSync(file).subarray(1, 4).equals(Buffer.from('PNG'))) throw new Error(`${file} is not a PNG`);
		},
	},
	{ name: 'Export to CSV (panel button)', run: async (context) => exportThroughDialog(context, 'CSV', true) },
	{
		name: 'Clear Cache (one connection)',
		run: async ({ session }) => {
			await runCommandSettled(session.page, 'Braze: Clear Cache');
			await pickQuickItem(session.page, 'Sandbox', { prompt: /^Whose cached days should be forgotten/ });
			await session.page.locator('.statusbar', { hasText: 'Braze: cached days of "Sandbox" forgotten.' }).waitFor();
		},
	},
	{
		name: 'Fetch Again (Ignore Cache)',
		run: async ({ session }) => {
			await session.sandbox.clearRequests();
			await runCommandSettled(session.page, 'Braze: Fetch Again (Ignore Cache)');
			await sandboxAnswered(session);
			await waitForChart(session.page, CHART_FIRST_DAY, CHART.end);
		},
	},
	{ name: 'Export to JSON', run: async (context) => exportThroughDialog(context, 'JSON') },
	{ name: 'Export to CSV', run: async (context) => exportThroughDialog(context, 'CSV') },
	{
		name: 'Save Query',
		run: async ({ session }) => {
			await runCommandSettled(session.page, 'Braze: Save Query');
			await pickQuickItem(session.page, 'User', { prompt: 'Where should the query be saved?' });
			await answerQuickInput(session.page, 'Leak scan query', { prompt: /^A name for this query/ });
			await notification(session.page, 'Saved the query "Leak scan query"').waitFor();
		},
	},
	{
		// The canary is a sandbox-only-dau key: MAU answers 403 Access Denied.
		name: 'Show KPI Series (403 Access Denied)',
		run: async ({ session }) => {
			const { page } = session;
			await clearNotifications(page);
			await runCommandSettled(page, 'Braze: Show KPI Series…');
			await pickQuickItem(page, 'MAU', { prompt: 'Which KPI series?' });
			await pickQuickItem(page, 'Custom…', { prompt: 'Which days?', filter: 'Custom' });
			await answerQuickInput(page, '14', { prompt: /^Number of days in the series/ });
			// The pointer, left where MAU was, would open a hover over the next list and take the next click.
			await page.mouse.move(160, 16);
			await pickQuickItem(page, 'A date…', { prompt: 'Where does the series end?' });
			await answerQuickInput(page, '2026-10-15', { prompt: /^Last day of the series/ });
			await pickQuickItem(page, 'All apps', { prompt: APP_STEP });
			await acceptQuickInput(page);
			await notification(page, 'lacks the permission kpi.mau.data_series').waitFor({ timeout: 60_000 });
		},
	},
	{
		// Braze echoes a refused key in its 401 message: the refused key holds the canary, and the canary is set again after.
		name: 'Error 401 (refused key, echoed)',
		run: async (context) => {
			const { session, key, refusedKey } = context;
			await setApiKey(session.page, host(session), refusedKey);
			await showDauFailing(context, null, 'Braze refused the API key');
			await setApiKey(session.page, host(session), key);
		},
	},
	{
		name: 'Edit Connection, error 404 (wrong endpoint path)',
		run: async (context) => {
			const { page, sandbox } = context.session;
			await editEndpoint(page, `${sandbox.url}/wrong-path`);
			await showDauFailing(context, null, 'Braze answered 404 Not Found');
			await editEndpoint(page, sandbox.url);
		},
	},
	{ name: 'Error 429 (rate limit, reset far ahead)', run: async (context) => showDauFailing(context, { rateLimited: 20 }, 'Braze rate limit reached (429)') },
	{ name: 'Error 5xx (after retries)', run: async (context) => showDauFailing(context, { serverErrors: 20, serverErrorStatus: 503 }, 'Braze still had a server error (503)') },
	{ name: 'Error HTML (502 proxy page)', run: async (context) => showDauFailing(context, { htmlBody: 20 }, /an HTML page, not JSON|server error \(502\)/) },
	{ name: 'Error HTML (200 login page)', run: async (context) => showDauFailing(context, { htmlOk: 20 }, 'an HTML page, not JSON') },
	{ name: 'Error bad JSON (truncated body)', run: async (context) => showDauFailing(context, { malformedJson: 20 }, 'is not valid JSON') },
	{ name: 'Error timeout (hanging answers)', run: async (context) => showDauFailing(context, { hang: 20 }, /Braze did not answer within/) },
	{
		name: 'Show Overview',
		run: async ({ session }) => {
			const { page } = session;
			await clearNotifications(page);
			await session.sandbox.clearRequests();
			await runCommandSettled(page, 'Braze: Show Overview');
			await pickQuickItem(page, 'Last 30 days', { prompt: 'Which days?' });
			await pickQuickItem(page, 'All apps', { prompt: /Which app\?/ });
			await waitForOverview(session);
		},
	},
	{
		name: 'Refresh Overview',
		run: async ({ session }) => {
			await session.sandbox.clearRequests();
			await runCommandSettled(session.page, 'Braze: Refresh Overview');
			await waitForOverview(session);
		},
	},
	{
		name: 'Add Connection, then its Verify button',
		run: async ({ session, key }) => {
			const { page, sandbox } = session;
			await clearNotifications(page);
			await runCommandSettled(page, 'Braze: Add Connection');
			await pickQuickItem(page, 'Custom URL…', { prompt: /REST endpoint/, filter: 'Custom URL' });
			await answerQuickInput(page, sandbox.url, { prompt: /^The REST endpoint URL/ });
			await answerQuickInput(page, 'Leak Scan Two', { prompt: /^A name for this Braze workspace/ });
			await pickQuickItem(page, 'User', { prompt: 'Where should the connection be saved?' });
			await answerKeyPrompt(page, host(session), key);
			const offer = notification(page, 'Added the connection "Leak Scan Two". Verify which KPI series its key may read?');
			await offer.getByRole('button', { name: 'Verify', exact: true }).click();
			await notification(page, /Leak Scan Two: The key can read DAU/).waitFor({ timeout: 60_000 });
		},
	},
	{
		name: 'Developer: Reload Window',
		run: async ({ session }) => {
			const { page } = session;
			const reloaded = page.waitForEvent('load', { timeout: 90_000 });
			await runCommandSettled(page, 'Developer: Reload Window');
			await reloaded;
			await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
			await page.locator('.statusbar').waitFor({ timeout: 90_000 });
		},
	},
];
