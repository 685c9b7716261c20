// Wires the extension: builds the few services, registers the commands and views. Nothing else lives here.
import * as vscode from 'vscode';
import type { PresentedError } from './commands/errorPresenter';
import { exportResultToJson, registerExportCommands } from './commands/exportCommands';
import { promptForQuery } from './commands/queryPrompt';
import { registerSavedQueries, saveQueryInteractive } from './commands/savedQueryCommands';
import { registerShowKpiCommands } from './commands/showKpi';
import { SETTINGS_SECTION, cacheSetting } from './config/settings';
import { RequestLimiter } from './braze/concurrency';
import { DayCache } from './cache/dayCache';
import { megabytesToBytes } from './cache/eviction';
import { normaliseRefreshDays } from './cache/refreshDays';
import { registerCacheCommands } from './commands/cacheCommands';
import { ConnectionAccess } from './connections/access';
import { registerConnectionCommands } from './connections/commands';
import { ConnectionKeyStore } from './connections/keyStore';
import { adoptRestEndpoint, candidateLegacyEndpoints, migrateLegacyKeys } from './connections/migration';
import { ConnectionStatusBar } from './connections/statusBar';
import { ConnectionStore } from './connections/store';
import { CONNECTIONS_VIEW_ID, connectionsTree } from './connections/tree';
import { storedVerificationText, verifyWithProgress } from './connections/verifyCommand';
import { PanelManager } from './panel/panelManager';
import type { PanelTestApi } from './panel/panelManager';
import { registerShareCommands } from './commands/shareCommands';
import { KpiQueryRunner } from './runner/queryRunner';
import { registerOverview } from './overview/register';
import { RecentAppIds } from './runner/recentAppIds';
import type { ExtensionServices } from './services';
import { resultToCsv } from './export/resultCsv';
import { AppNames } from './apps/appNames';
import { promptForComparison } from './apps/comparePrompt';
import { appName } from './panel/chartPanel';
import { displayedResult } from './shared/protocol';
import type { PanelResult } from './shared/protocol';
import { querySpecKey } from './shared/query';
import { l10n } from './l10n';
import type { HeadlessFetchDeps } from './runner/headlessFetch';
import { StatusKpi } from './statusKpi/statusKpi';
import type { StatusKpiSnapshot } from './statusKpi/statusKpi';
import { KPI_TOOL_NAME, KpiTool } from './chat/kpiTool';
import { WalkthroughProgress } from './walkthrough/walkthroughProgress';
import type { KpiToolPreparation } from './chat/kpiTool';

/** Requests in flight at once, across every fetch the extension runs: Braze's quota is shared with production traffic. */
const MAX_REQUESTS_IN_FLIGHT = 4;

/** What `activate` returns: read by the integration tests, never holds a key. */
export interface BrazeExtensionApi extends PanelTestApi {
	/** Every error message shown since activation, newest last. */
	readonly presentedErrors: readonly PresentedError[];
	/** The results shown in the open chart panels. */
	openResults(): readonly (PanelResult | null)[];
	/** Resolves once the start-up migration has run. */
	whenReady(): Promise<unknown>;
	/** The active connection, if any. */
	activeConnection(): { readonly scope: 'user' | 'workspace'; readonly name: string } | undefined;
	/** Stores a key the way versions before connections did (one per REST origin), then runs the migration: for the migration test. */
	migrateLegacyKey(origin: string, key: string): Promise<readonly { readonly scope: 'user' | 'workspace'; readonly name: string }[]>;
	/** The connection status-bar item's text and tooltip as shown now. */
	connectionStatus(): { readonly text: string; readonly tooltip: string };
	/** The status-bar KPI item as shown now. */
	statusKpi(): StatusKpiSnapshot;
	/** What the chat tool's prepareInvocation decides for `input` (a confirmation dialog cannot be answered from the host). */
	chatToolPreparation(input: unknown): Promise<KpiToolPreparation>;
}

export function activate(context: vscode.ExtensionContext): BrazeExtensionApi | undefined {
	const log = vscode.window.createOutputChannel('Braze', { log: true });
	const workspaceId = () => (vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.toString() ?? '';
	const connections = new ConnectionStore(context.workspaceState, context.globalState, workspaceId);
	const keys = new ConnectionKeyStore(context.secrets, context.globalState, workspaceId);
	const access = new ConnectionAccess(connections, keys);
	const recentAppIds = new RecentAppIds(context.globalState);
	const apps = new AppNames(log);
	const presentedErrors: PresentedError[] = [];
	const { version } = context.extension.packageJSON as { version?: unknown };
	const extensionVersion = typeof version === 'string' ? version : '0.0.0';
	const walkthrough = new WalkthroughProgress(vscode.commands, context.extension.id, (message) => log.warn(message));

	// The panels' handlers reach the runner and the saved queries, built just below, only once the user acts.
	const panels = new PanelManager(context.extensionUri, {
		run: (panel, query) => void runner.rerun(panel, query),
		cancel: (panel) => runner.cancel(panel),
		copyCsv: (panel) => {
			if (!panel.result) return;
			const csv = resultToCsv(displayedResult(panel.result));
			void vscode.env.clipboard.writeText(csv).then(() => vscode.window.setStatusBarMessage(l10n.t('Braze: CSV copied to the clipboard.'), 3000));
		},
		exportJson: (panel) => {
			if (panel.result) void exportResultToJson(displayedResult(panel.result), extensionVersion);
		},
		saveQuery: (panel) => {
			// The chart on screen is the query's last run, unless the controls moved on from it.
			const shown = panel.result && querySpecKey(panel.result.query) === querySpecKey(panel.query) ? panel.result.fetchedAt : undefined;
			void saveQueryInteractive(savedQueries, panel.query, undefined, shown);
		},
		compare: (panel) => {
			const query = panel.query;
			const directory = apps.directory(query.connection);
			void promptForComparison(query, { directory, recentAppIds: recentAppIds.list(), ownAppLabel: appName(query, directory.namesFor([query.appId])) }).then((spec) => spec && runner.rerun(panel, spec));
		},
	});
	const limiter = new RequestLimiter(MAX_REQUESTS_IN_FLIGHT);
	const cache = new DayCache({
		directory: vscode.Uri.joinPath(context.globalStorageUri, 'day-cache').fsPath,
		maxBytes: megabytesToBytes(cacheSetting('maxMegabytes')),
		log: (line) => log.info(line),
	});
	const runner = new KpiQueryRunner({
		access,
		limiter,
		cache,
		refreshDays: () => normaliseRefreshDays(cacheSetting('refreshDays')),
		partitionOf: (connection) => keys.identity(connection),
		panels,
		log,
		recentAppIds,
		apps,
		fetch: globalThis.fetch,
		now: () => new Date(),
		onDidPresentError: (error) => {
			presentedErrors.push(error);
			if (presentedErrors.length > 50) presentedErrors.shift();
		},
	});
	const services: ExtensionServices = {
		run: async (spec, title, from) => {
			const result = await runner.run(spec, title, from);
			if (result) {
				void vscode.commands.executeCommand('setContext', 'braze.walkthrough.chartShown', true);
				void walkthrough.markDone('showDau');
			}
			return result;
		},
		activeConnectionName: () => connections.active()?.name,
		promptForQuery: (initial, metric, title) =>
			promptForQuery({
				...(metric ? { metric } : {}),
				...(initial ? { initial } : {}),
				recentAppIds: recentAppIds.list(),
				apps: apps.directory(initial?.connection ?? connections.active()?.name),
				now: () => new Date(),
				title: title ?? (metric === 'dau' ? l10n.t('Braze: Show DAU') : l10n.t('Braze: Show KPI Series')),
			}),
		activeResult: () => panels.activeResult(),
		appDirectory: (connection) => apps.directory(connection ?? connections.active()?.name),
		show: (result) => runner.show(result),
		extensionVersion,
	};
	const statusBar = new ConnectionStatusBar(connections, keys, (c) => storedVerificationText(connections, c)?.text);
	context.subscriptions.push(log, connections, keys, panels, runner, statusBar, apps);

	const verify = async (connection: Parameters<typeof verifyWithProgress>[0]) => {
		const result = await verifyWithProgress(connection, { store: connections, access, log, fetch: globalThis.fetch, now: () => new Date(), logRequest: (entry) => runner.logRequest(entry), limiter });
		if (result && result.verdict !== 'unauthorized') {
			void vscode.commands.executeCommand('setContext', 'braze.walkthrough.verified', true);
			void walkthrough.markDone('verify');
		}
		return result;
	};
	const legacySettingValues = () => [vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('restEndpoint'), ...savedQueryEndpoints()];
	const treeSubscriptions: vscode.Disposable[] = [];
	const connectionsView = vscode.window.createTreeView(CONNECTIONS_VIEW_ID, {
		treeDataProvider: connectionsTree({ store: connections, keys, verification: (c) => storedVerificationText(connections, c) }, treeSubscriptions),
	});
	context.subscriptions.push(connectionsView, ...treeSubscriptions);
	registerConnectionCommands(context, {
		store: connections,
		access,
		keys,
		verify,
		legacyOrigins: () => candidateLegacyEndpoints(legacySettingValues()).map((e) => e.origin),
		selected: () => {
			const node = connectionsView.selection[0];
			return node && node.kind !== 'scopeProblem' ? node : undefined;
		},
	});
	registerShowKpiCommands(context, services);
	const savedQueries = registerSavedQueries(context, services, connections.onDidChange, apps);
	const markSavedQueryStep = () => void (savedQueries.nonEmptyScopes().length > 0 ? walkthrough.markDone('saveQuery') : undefined);
	markSavedQueryStep();
	context.subscriptions.push(savedQueries.onDidChange(markSavedQueryStep));
	registerExportCommands(context, services);
	const savedQueryEndpoints = () => savedQueries.read().flatMap((scope) => scope.items.flatMap((item) => (item.kind === 'query' && item.spec.endpoint !== undefined ? [item.spec.endpoint] : [])));

	// The welcome views, the walkthrough and menus follow the connections and the active one's key.
	const updateContext = async () => {
		const active = connections.active();
		const hasKey = active ? await keys.has(active, active.endpoint.origin) : false;
		await vscode.commands.executeCommand('setContext', 'braze.hasConnections', connections.all().length > 0);
		await vscode.commands.executeCommand('setContext', 'braze.hasApiKey', hasKey);
		if (connections.all().length > 0) await walkthrough.markDone('addConnection');
		if (hasKey) await walkthrough.markDone('setKey');
	};
	context.subscriptions.push(
		keys.onDidChange(() => void updateContext()),
		connections.onDidChange(() => void updateContext()),
		// Days fetched with a key that is gone are not shown for the next one: another key may be another workspace.
		keys.onDidReplaceKey((ref) => void (ref === 'all' ? cache.clear() : cache.dropPartition(keys.identity(ref))).catch((error: unknown) => log.warn(`Could not drop cached days: ${String(error)}`))),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(`${SETTINGS_SECTION}.cache.maxMegabytes`)) cache.setMaxBytes(megabytesToBytes(cacheSetting('maxMegabytes')));
		}),
		{ dispose: () => void cache.flush() },
	);
	registerCacheCommands(context, { cache, connections, keys, panels, runner });
	registerOverview(context, { extensionUri: context.extensionUri, access, limiter, cache, refreshDays: () => normaliseRefreshDays(cacheSetting('refreshDays')), partitionOf: (c) => keys.identity(c), log, recentAppIds, fetch: globalThis.fetch, now: () => new Date(), logRequest: (entry) => runner.logRequest(entry), onDidPresentError: (error) => void presentedErrors.push(error) });
	registerShareCommands(context, panels);
	// The status bar and the chat tool fetch with the commands' cache, limiter and key rules, but never ask anything.
	const headless: HeadlessFetchDeps = { connections, access, fetch: globalThis.fetch, now: () => new Date(), limiter, cache, refreshDays: () => normaliseRefreshDays(cacheSetting('refreshDays')), partitionOf: (c) => keys.identity(c), logRequest: (entry) => runner.logRequest(entry) };
	const statusKpi = new StatusKpi({ headless, savedQueries, log, onDidChangeKeys: keys.onDidChange, onDidChangeConnections: connections.onDidChange });
	const kpiTool = new KpiTool(headless, log);
	context.subscriptions.push(statusKpi, vscode.lm.registerTool(KPI_TOOL_NAME, kpiTool));
	// The first start after the upgrade: keys per origin become connections; a still-set braze.restEndpoint picks the active one.
	const migration = (async () => {
		try {
			await migrateLegacyKeys(connections, keys, legacySettingValues());
			await adoptRestEndpoint(connections, vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('restEndpoint'));
		} catch (error) {
			log.error(`Could not turn the stored keys into connections: ${String(error)}`);
		}
		await updateContext();
	})();
	connections.settleWith(migration);

	// Only the test runner sees what the panels hold: other extensions get nothing.
	if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
	return {
		presentedErrors,
		openResults: () => panels.all.map((p) => (p.result ? displayedResult(p.result) : null)),
		whenReady: () => connections.whenReady(),
		activeConnection: () => {
			const active = connections.active();
			return active && { scope: active.scope, name: active.name };
		},
		migrateLegacyKey: async (origin, key) => {
			await keys.storeLegacyKeyForTest(origin, key);
			return migrateLegacyKeys(connections, keys, [origin, ...legacySettingValues()]);
		},
		connectionStatus: () => {
			const { text, tooltip } = statusBar.item;
			// The Markdown tooltip as plain text: escapes and non-breaking spaces undone.
			const markdown = typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
			return { text, tooltip: markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1') };
		},
		statusKpi: () => statusKpi.snapshot(),
		chatToolPreparation: (input) => kpiTool.prepare(input),
		...panels.testApi(),
	};
}

export function deactivate(): void {}
