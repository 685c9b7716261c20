// The Braze KPI chat tool in the real host, through vscode.lm.invokeTool (no model needed): each kind of bad input
// gets an explaining answer and sends nothing; a good call answers with the sandbox's figures and their source.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxSeries } from '../../sandbox/data';
import { addDays, brazeToday } from '../../src/shared/dates';
import { formatChange, formatCount, formatRatio } from '../../src/shared/queryFigures';
import { closeAllEditors, extensionApi, recordedRequests, resetFaults, sandboxUrl } from './support';

const TOOL = 'braze_kpi_series';
const CONNECTION = 'Chat test';
const NO_KEY = 'Chat no key';

/** The tool's answer as text. */
async function ask(input: Record<string, unknown>): Promise<string> {
	const result = await vscode.lm.invokeTool(TOOL, { input, toolInvocationToken: undefined });
	return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** The answer, and how many requests the sandbox received meanwhile. */
async function askCounting(input: Record<string, unknown>): Promise<{ text: string; sent: number }> {
	const before = (await recordedRequests()).length;
	const text = await ask(input);
	return { text, sent: (await recordedRequests()).length - before };
}

suite('chat tool', () => {
	suiteSetup(async () => {
		await extensionApi();
		await resetFaults();
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: CONNECTION, endpoint: sandboxUrl(), key: 'integration-chat-key' }));
		assert.ok(await vscode.commands.executeCommand('braze.addConnection', { name: NO_KEY, endpoint: sandboxUrl(), key: 'integration-chat-gone' }));
		assert.equal(await vscode.commands.executeCommand('braze.clearApiKey', { connection: NO_KEY }), true);
	});

	suiteTeardown(async () => {
		await vscode.commands.executeCommand('braze.removeConnection', { connection: CONNECTION, confirmed: true });
		await vscode.commands.executeCommand('braze.removeConnection', { connection: NO_KEY, confirmed: true });
		await closeAllEditors();
	});

	test('the tool is registered under its manifest name', () => {
		const tool = vscode.lm.tools.find((t) => t.name === TOOL);
		assert.ok(tool, `lm.tools lists ${vscode.lm.tools.map((t) => t.name).join(', ')}`);
		assert.deepEqual((tool.inputSchema as { required?: unknown }).required, ['metric']);
	});

	const badInputs: readonly (readonly [string, Record<string, unknown>, RegExp])[] = [
		['an unknown metric', { metric: 'dao', connection: CONNECTION }, /^Error: Unknown metric "dao": use one of dau, mau, new_users, uninstalls, stickiness\./],
		['a length of 0', { metric: 'dau', days: 0, connection: CONNECTION }, /^Error: "days" must be a whole number from 1 to 3650, not 0\./],
		['a length over ten years', { metric: 'dau', days: 3651, connection: CONNECTION }, /^Error: "days" must be a whole number from 1 to 3650, not 3651\./],
		['a length that is not whole', { metric: 'dau', days: 2.5, connection: CONNECTION }, /^Error: "days" must be a whole number/],
		['an end that is no date', { metric: 'dau', end: 'last week', connection: CONNECTION }, /^Error: "end" must be "yesterday", "today" or a date YYYY-MM-DD, not "last week"\./],
		['an unknown connection', { metric: 'dau', connection: 'Nowhere' }, /^Error: There is no connection named "Nowhere"\. Known connections: .*"Chat test"/],
		['an app id with a space', { metric: 'dau', app: 'my app', connection: CONNECTION }, /^Error: "app" must be an app API identifier \(no spaces, at most 256 characters\), not "my app"\./],
		['a connection without a key', { metric: 'dau', connection: NO_KEY }, /^Error: The connection "Chat no key" has no API key, and this tool never asks for one\. The user must run "Braze: Set API Key" for it first\./],
	];
	for (const [what, input, expected] of badInputs) {
		test(`${what}: an answer that says what to change, no confirmation, nothing sent`, async () => {
			const api = await extensionApi();
			assert.equal((await api.chatToolPreparation(input)).confirmation, undefined, 'nothing to confirm: nothing will be sent');
			const { text, sent } = await askCounting(input);
			assert.match(text, expected);
			assert.equal(sent, 0);
		});
	}

	test('a call that would send requests asks for confirmation, naming the connection and the number of requests', async () => {
		const api = await extensionApi();
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { all: true }), true);
		const long = await api.chatToolPreparation({ metric: 'mau', days: 1000, connection: CONNECTION });
		assert.ok(long.confirmation, 'a 1,000-day series not cached needs confirmation');
		assert.match(long.confirmation.message, /sends 10 requests to the connection "Chat test" \(127\.0\.0\.1:\d+\)/);
		assert.match(long.confirmation.title, /MAU/);
		const short = await api.chatToolPreparation({ metric: 'dau', preset: 'last-7-days', connection: CONNECTION });
		assert.match(short.confirmation?.message ?? '', /sends 1 request to the connection "Chat test"/);
	});

	test('a good call answers with the sandbox\'s figures, the change against the previous period and where they come from', async () => {
		const end = addDays(brazeToday(new Date()), -10);
		const app = '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17';
		// The same days as a chart of this query: cached by the command, so the tool needs no request (and no confirmation).
		assert.ok(await vscode.commands.executeCommand('braze.showKpi', { metric: 'dau', length: 7, end, appId: app, connection: CONNECTION }));
		const api = await extensionApi();
		const input = { metric: 'dau', days: 7, end, app, connection: CONNECTION };
		const prepared = await api.chatToolPreparation(input);
		assert.equal(prepared.confirmation, undefined);
		assert.match(prepared.invocationMessage, /from the cache of "Chat test"/);
		const { text, sent } = await askCounting(input);
		assert.equal(sent, 0, text);
		assert.ok(![text, prepared.invocationMessage, JSON.stringify(prepared.confirmation ?? null)].some((said) => said.includes('integration-chat-key')), 'the key is never in what the model or the user reads');
		const rows = sandboxSeries('dau', app, end, 14);
		assert.equal(rows.length, 14);
		const current = rows.slice(7).map((r) => r.value);
		const previous = rows.slice(0, 7).map((r) => r.value);
		const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
		const locale = vscode.env.language;
		const count = (v: number) => formatCount(v, locale);
		const cell = (label: string, value: string, detail: string) => `| ${label} | ${value} | ${detail} |`;
		const lines = text.split('\n');
		assert.equal(lines[0], `DAU · ${app} · ${addDays(end, -6)} to ${end} (UTC days)`);
		const min = Math.min(...current);
		const max = Math.max(...current);
		assert.ok(lines.includes(cell('latest complete day', count(current[6]), end)), text);
		assert.ok(lines.includes(cell('average', count(mean(current)), '')), text);
		assert.ok(lines.includes(cell('min', count(min), rows[7 + current.indexOf(min)].time)), text);
		assert.ok(lines.includes(cell('max', count(max), rows[7 + current.indexOf(max)].time)), text);
		const change = (mean(current) - mean(previous)) / mean(previous);
		assert.ok(lines.includes(cell('change vs previous 7 days', formatChange(change, locale), `average ${count(mean(previous))} → ${count(mean(current))}`)), text);
		assert.match(lines.at(-1) ?? '', /^Source: connection "Chat test", instance 127\.0\.0\.1:\d+, from the cache, no request sent\.$/);
	});
	test('stickiness: the confirmation counts the DAU and the MAU request; the answer gives Home\'s figures from the sandbox\'s DAU and MAU', async () => {
		const api = await extensionApi();
		assert.equal(await vscode.commands.executeCommand('braze.clearCache', { all: true }), true);
		const end = addDays(brazeToday(new Date()), -20);
		const input = { metric: 'stickiness', days: 7, end, connection: CONNECTION };
		const prepared = await api.chatToolPreparation(input);
		assert.match(prepared.confirmation?.message ?? '', /sends 2 requests to the connection "Chat test"/);
		assert.match(prepared.confirmation?.title ?? '', /Stickiness/);
		const { text, sent } = await askCounting(input);
		assert.equal(sent, 2, text);
		const sum = (rows: { value: number }[]) => rows.reduce((a, r) => a + r.value, 0);
		const [dau, mau] = [sandboxSeries('dau', null, end, 14), sandboxSeries('mau', null, end, 14)];
		assert.equal(dau.length + mau.length, 28, 'the sandbox serves every day of both periods');
		const locale = vscode.env.language;
		const current = sum(dau.slice(7)) / sum(mau.slice(7));
		const previous = sum(dau.slice(0, 7)) / sum(mau.slice(0, 7));
		const lines = text.split('\n');
		assert.equal(lines[0], `Stickiness · All apps · ${addDays(end, -6)} to ${end} (UTC days)`);
		assert.ok(lines.includes(`| latest complete day | ${formatRatio((dau[13]?.value ?? 0) / (mau[13]?.value ?? 1), locale)} | ${end} |`), text);
		assert.ok(lines.includes(`| stickiness of the range | ${formatRatio(current, locale)} | average DAU ÷ average MAU |`), text);
		const change = `${formatChange((current - previous) / previous, locale)} | stickiness ${formatRatio(previous, locale)} → ${formatRatio(current, locale)}; (this − last) ÷ last, the opposite sign of Braze's Home page`;
		assert.ok(lines.includes(`| change vs previous 7 days | ${change} |`), text);
	});
});
