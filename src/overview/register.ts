// Braze: Show Overview: prompt (or take arguments), then Home's figures in an overview panel.
import * as vscode from 'vscode';
import { futureEndProblem } from '../commands/queryPrompt';
import { isRecord } from '../shared/guards';
import { parseOverviewRequest } from '../shared/overviewProtocol';
import type { OverviewRequest, OverviewResult } from '../shared/overviewProtocol';
import { parseQuerySpec, queryProblemText } from '../shared/query';
import { rangePresetProblemText } from '../shared/rangePresets';
import { l10n } from '../l10n';
import { promptForOverview } from './prompt';
import { OverviewRunner } from './overviewRunner';
import type { OverviewRunnerDeps } from './overviewRunner';

export const SHOW_OVERVIEW_COMMAND = 'braze.showOverview';
export const REFRESH_OVERVIEW_COMMAND = 'braze.refreshOverview';

/**
 * Registers `braze.showOverview`, and `braze.refreshOverview` (the active overview, else the one used last, fetched again
 * through the day cache; Fetch Again (Ignore Cache) is `braze.refetch`). An argument `{range?: <preset>, length?, end?, appId?, connection?}` skips the prompt
 * (keybindings, tests); without `range` nor `length` it is the last 30 days. Resolves to what the panel shows.
 */
export function registerOverview(context: vscode.ExtensionContext, deps: OverviewRunnerDeps): OverviewRunner {
	const runner = new OverviewRunner(deps);
	context.subscriptions.push(
		runner,
		vscode.commands.registerCommand(SHOW_OVERVIEW_COMMAND, async (args?: unknown): Promise<OverviewResult | undefined> => {
			// A tree item or a menu passes an object of its own: only a plain argument object is a request.
			const request = isRecord(args) && !('collapsibleState' in args) ? requestFromArguments(args, deps.now()) : await promptForOverview({ recentAppIds: deps.recentAppIds.list(), now: deps.now });
			return request ? runner.run(request) : undefined;
		}),
		vscode.commands.registerCommand(REFRESH_OVERVIEW_COMMAND, (): Promise<OverviewResult | undefined> | undefined => {
			const panel = runner.activePanel();
			if (!panel) {
				void vscode.window.showInformationMessage(l10n.t('Open a Braze overview first.'));
				return undefined;
			}
			return runner.refresh(panel);
		}),
	);
	return runner;
}

/** Arguments from code, checked like any untrusted input: a bad one is said, never half-used. */
function requestFromArguments(args: Record<string, unknown>, now: Date): OverviewRequest | undefined {
	const problem = argumentProblem(args, now);
	if (typeof problem === 'string') {
		void vscode.window.showErrorMessage(l10n.t('Braze: the overview passed to the command is not valid: {0}.', problem.replace(/\.$/, '')));
		return undefined;
	}
	return problem;
}

function argumentProblem(args: Record<string, unknown>, now: Date): OverviewRequest | string {
	const { range, length, end = 'yesterday', appId = null, connection } = args;
	// Checked as a query would be: the same sentences for the same fields.
	const spec = parseQuerySpec({ metric: 'dau', length: length ?? 30, end, appId, ...(connection === undefined ? {} : { connection }) });
	if (!spec.ok) return queryProblemText(spec.field, l10n);
	const future = futureEndProblem(spec.spec, now);
	if (future !== undefined) return future;
	const custom = length !== undefined || args.end !== undefined;
	const raw = range !== undefined || !custom ? { kind: 'preset', preset: range ?? 'last-30-days' } : { kind: 'custom', length: spec.spec.length, end: spec.spec.end };
	const request = parseOverviewRequest({ range: raw, appId: spec.spec.appId, ...(spec.spec.connection === undefined ? {} : { connection: spec.spec.connection }) });
	return request ?? rangePresetProblemText(range, l10n);
}
