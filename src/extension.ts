// Wires the extension: builds the few services, registers the commands and views. Nothing else lives here.
import * as vscode from 'vscode';
import { registerApiKeyCommands } from './commands/apiKeyCommands';
import { registerEndpointCommands } from './commands/endpointCommands';
import type { PresentedError } from './commands/errorPresenter';
import { exportResultToJson, registerExportCommands } from './commands/exportCommands';
import { promptForQuery } from './commands/queryPrompt';
import { registerSavedQueries, saveQueryInteractive } from './commands/savedQueryCommands';
import { registerShowKpiCommands } from './commands/showKpi';
import { configuredEndpoint, SETTINGS_SECTION } from './config/settings';
import { PanelManager } from './panel/panelManager';
import { KpiQueryRunner } from './runner/queryRunner';
import { RecentAppIds } from './runner/recentAppIds';
import { ApiKeyStore } from './secrets/apiKeyStore';
import type { ExtensionServices } from './services';
import { seriesToCsv } from './shared/csv';
import { displayedResult } from './shared/protocol';
import type { PanelResult } from './shared/protocol';
import { l10n } from './l10n';

/** What `activate` returns: read by the integration tests, never holds a key. */
export interface BrazeExtensionApi {
	/** Every error message shown since activation, newest last. */
	readonly presentedErrors: readonly PresentedError[];
	/** The results shown in the open chart panels. */
	openResults(): readonly (PanelResult | null)[];
}

export function activate(context: vscode.ExtensionContext): BrazeExtensionApi | undefined {
	const log = vscode.window.createOutputChannel('Braze', { log: true });
	const keys = new ApiKeyStore(context.secrets);
	const recentAppIds = new RecentAppIds(context.globalState);
	const presentedErrors: PresentedError[] = [];
	const { version } = context.extension.packageJSON as { version?: unknown };
	const extensionVersion = typeof version === 'string' ? version : '0.0.0';

	// The panels' handlers reach the runner and the saved queries, built just below, only once the user acts.
	const panels = new PanelManager(context.extensionUri, {
		run: (panel, query) => void runner.rerun(panel, query),
		cancel: (panel) => runner.cancel(panel),
		copyCsv: (panel) => {
			if (!panel.result) return;
			const csv = seriesToCsv(displayedResult(panel.result).series);
			void vscode.env.clipboard.writeText(csv).then(() => vscode.window.setStatusBarMessage(l10n.t('Braze: CSV copied to the clipboard.'), 3000));
		},
		exportJson: (panel) => {
			if (panel.result) void exportResultToJson(displayedResult(panel.result), extensionVersion);
		},
		saveQuery: (panel) => {
			void saveQueryInteractive(savedQueries, panel.query);
		},
	});
	const runner = new KpiQueryRunner({
		keys,
		panels,
		log,
		recentAppIds,
		fetch: globalThis.fetch,
		now: () => new Date(),
		onDidPresentError: (error) => {
			presentedErrors.push(error);
			if (presentedErrors.length > 50) presentedErrors.shift();
		},
	});
	const services: ExtensionServices = {
		keys,
		run: (spec, title) => runner.run(spec, title),
		promptForQuery: (initial, metric) =>
			promptForQuery({
				...(metric ? { metric } : {}),
				...(initial ? { initial } : {}),
				recentAppIds: recentAppIds.list(),
				now: () => new Date(),
				title: metric === 'dau' ? l10n.t('Braze: Show DAU') : l10n.t('Braze: KPI query'),
			}),
		activeResult: () => panels.activeResult(),
		show: (result) => runner.show(result),
		extensionVersion,
	};
	context.subscriptions.push(log, keys, panels, runner);

	registerShowKpiCommands(context, services);
	registerApiKeyCommands(context, services);
	registerEndpointCommands(context);
	const savedQueries = registerSavedQueries(context, services);
	registerExportCommands(context, services);

	// The welcome view and menus depend on whether the configured endpoint has a key.
	const updateKeyContext = async () => {
		const endpoint = configuredEndpoint();
		const hasKey = endpoint.ok ? await keys.has(endpoint.endpoint.origin) : false;
		await vscode.commands.executeCommand('setContext', 'braze.hasApiKey', hasKey);
	};
	context.subscriptions.push(
		keys.onDidChange(() => void updateKeyContext()),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(`${SETTINGS_SECTION}.restEndpoint`)) void updateKeyContext();
		}),
	);
	void updateKeyContext();

	// Only the test runner sees what the panels hold: other extensions get nothing.
	if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
	return {
		presentedErrors,
		openResults: () => panels.all.map((p) => (p.result ? displayedResult(p.result) : null)),
	};
}

export function deactivate(): void {}
