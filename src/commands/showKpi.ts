// Braze: Show DAU and Braze: Show KPI Series…: prompt (or take arguments), then run into a chart panel.
import * as vscode from 'vscode';
import { futureEndProblem } from './queryPrompt';
import { parseQuerySpec } from '../shared/query';
import { writtenQueryProblem } from '../queries/model';
import { resolveAppArguments } from '../apps/appArguments';
import { AppDirectory } from '../apps/appDirectory';
import type { KpiQuerySpec } from '../shared/query';
import type { KpiMetric } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import type { ExtensionServices } from '../services';
import { l10n } from '../l10n';

/**
 * Registers `braze.showDau` and `braze.showKpi`. Both accept an argument object
 * `{metric?, length, end?, appId?, endpoint?}` that skips the prompts (saved queries, tests, keybindings).
 */
export function registerShowKpiCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('braze.showDau', (args?: unknown) => showKpi(services, 'dau', args)),
		vscode.commands.registerCommand('braze.showKpi', (args?: unknown) => showKpi(services, undefined, args)),
	);
}

async function showKpi(services: ExtensionServices, metric: KpiMetric | undefined, args: unknown): Promise<PanelResult | undefined> {
	const spec = args === undefined ? await services.promptForQuery(undefined, metric) : specFromArguments(args, metric, services.appDirectory && ((connection) => services.appDirectory?.(connection) ?? new AppDirectory([], undefined)));
	if (!spec) return undefined;
	return services.run(spec);
}

/** Arguments from code: checked like any untrusted input; a bad one is reported, never half-used. */
function specFromArguments(args: unknown, metric: KpiMetric | undefined, apps?: (connection: string | undefined) => AppDirectory): KpiQuerySpec | undefined {
	const given = typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
	// Apps may be given by their names in braze.apps, on the connection the query names.
	const resolved = apps ? resolveAppArguments(given, apps(typeof given.connection === 'string' ? given.connection : undefined), l10n) : { ok: true as const, raw: given };
	const raw = resolved.ok ? resolved.raw : given;
	const parsed = parseQuerySpec({ end: 'yesterday', appId: null, ...raw, metric: metric ?? raw.metric ?? 'dau' });
	const problem = !resolved.ok ? resolved.problem : parsed.ok ? futureEndProblem(parsed.spec) : writtenQueryProblem(raw, parsed.field, l10n);
	if (resolved.ok && parsed.ok && problem === undefined) return parsed.spec;
	void vscode.window.showErrorMessage(l10n.t('Braze: the query passed to the command is not valid. {0}', problem ?? ''));
	return undefined;
}
