// Wires the extension at activation: what must be there at start-up (the two views, then just after activation the
// connection status bar, context keys, walkthrough and migration) and a stub for everything else. The commands, panels, fetching and
// the chat tool live in src/lazy/features.ts, loaded with `import()` on first use (README: "Development").
import * as vscode from 'vscode';
import { contributedCommandIds, registerCommandStubs } from './activation/commandStubs';
import type { CoreServices } from './activation/coreServices';
import { statusKpiWanted } from './activation/statusKpiSetting';
import { KPI_TOOL_NAME } from './chat/toolName';
import type { KpiToolInput } from './chat/toolInput';
import type { KpiToolPreparation } from './chat/kpiTool';
import type { PresentedError } from './commands/errorPresenter';
import { SETTINGS_SECTION } from './config/settings';
import { AppNames } from './apps/appNames';
import { ConnectionKeyStore } from './connections/keyStore';
import { adoptRestEndpoint, migrateLegacyKeys } from './connections/migration';
import { ConnectionStatusBar } from './connections/statusBar';
import { ConnectionStore } from './connections/store';
import { CONNECTIONS_VIEW_ID, connectionsTree } from './connections/tree';
import { storedVerificationText } from './connections/verificationSummary';
import type { Features } from './lazy/features';
import type { PanelTestApi } from './panel/panelManager';
import { createSavedQueriesView } from './queries/savedQueriesView';
import type { PanelResult } from './shared/protocol';
import type { StatusKpiSnapshot } from './statusKpi/statusKpi';
import { WalkthroughProgress } from './walkthrough/walkthroughProgress';

/** The chart panel's webview type (`onWebviewPanel:braze.chart` in the manifest). */
const CHART_VIEW_TYPE = 'braze.chart';
/** The overview panel's webview type (`onWebviewPanel:braze.overview`). */
const OVERVIEW_VIEW_TYPE = 'braze.overview';

/** How long activation took, measured by the extension itself (the in-host activation test reads VS Code's own marks too). */
export interface StartupTimes {
	/** The `activate` call, in milliseconds. */
	readonly activateMs: number;
	/** From the start of `activate` until the start-up work (migration, context keys, walkthrough, status bar items) settled. */
	readonly settledMs: number;
	/** Whether the features bundle had been loaded when the start-up work settled (only for a configured status-bar KPI). */
	readonly featuresLoadedAtStartup: boolean;
}

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
	/** Activation's own figures, once the start-up work has settled. */
	startupTimes(): Promise<StartupTimes>;
	/** Whether the features bundle (commands, panels, fetching) has been loaded. */
	featuresLoaded(): boolean;
	/** Whether `braze.overviewOpen` was last set true. */
	overviewOpen(): boolean;
	/** Answers the hourly-quota warnings `answer` (true: Fetch Anyway) instead of showing them, or shows them again (null); resolves to the warnings so far. */
	answerQuotaWarnings(answer: boolean | null): Promise<readonly string[]>;
}

export function activate(context: vscode.ExtensionContext): BrazeExtensionApi | undefined {
	const started = performance.now();
	const log = vscode.window.createOutputChannel('Braze', { log: true });
	const workspaceId = () => (vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.toString() ?? '';
	const connections = new ConnectionStore(context.workspaceState, context.globalState, workspaceId);
	const keys = new ConnectionKeyStore(context.secrets, context.globalState, workspaceId);
	const { version } = context.extension.packageJSON as { version?: unknown };
	const walkthrough = new WalkthroughProgress(vscode.commands, context.extension.id, log);
	const apps = new AppNames(log);
	context.subscriptions.push(log, connections, keys, apps);

	const treeSubscriptions: vscode.Disposable[] = [];
	const connectionsView = vscode.window.createTreeView(CONNECTIONS_VIEW_ID, {
		treeDataProvider: connectionsTree({ store: connections, keys, verification: (c) => storedVerificationText(connections, c) }, treeSubscriptions),
	});
	context.subscriptions.push(connectionsView, ...treeSubscriptions);
	const { store: savedQueries, view: savedQueriesView, updateContext: updateSavedQueriesContext } = createSavedQueriesView(context, () => connections.active()?.name, connections.onDidChange, apps);
	const savedQueryEndpoints = () => savedQueries.read().flatMap((scope) => scope.items.flatMap((item) => (item.kind === 'query' && item.spec.endpoint !== undefined ? [item.spec.endpoint] : [])));
	const legacySettingValues = () => [vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('restEndpoint'), ...savedQueryEndpoints()];
	const markSavedQueryStep = () => (savedQueries.nonEmptyScopes().length > 0 ? walkthrough.markDone('saveQuery') : Promise.resolve());
	context.subscriptions.push(savedQueries.onDidChange(() => void markSavedQueryStep()));

	// Everything else loads on first use: the stubs below call this, and it replaces them with the real handlers.
	const core: CoreServices = { context, log, connections, keys, connectionsView, savedQueries, savedQueriesView, walkthrough, apps, presentedErrors: [], extensionVersion: typeof version === 'string' ? version : '0.0.0', legacySettingValues };
	let features: Features | undefined;
	let loading: Promise<Features> | undefined;
	const loadFeatures = (): Promise<Features> =>
		(loading ??= import('./lazy/features.js').then(
			(module) => {
				stubs.dispose();
				const loaded = module.activateFeatures(core);
				features = loaded;
				return loaded;
			},
			(error: unknown) => {
				log.error(`Could not load the extension's features: ${String(error)}`);
				throw error;
			},
		));
	const stubs = registerCommandStubs(contributedCommandIds(context.extension.packageJSON), loadFeatures);
	context.subscriptions.push(
		stubs,
		vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
			deserializeWebviewPanel: async (webviewPanel, state: unknown) => (await loadFeatures()).panels.restore(webviewPanel, state),
		}),
		vscode.window.registerWebviewPanelSerializer(OVERVIEW_VIEW_TYPE, {
			deserializeWebviewPanel: async (webviewPanel, state: unknown) => (await loadFeatures()).overview.restore(webviewPanel, state),
		}),
		vscode.lm.registerTool<KpiToolInput>(KPI_TOOL_NAME, {
			prepareInvocation: async (options) => (await loadFeatures()).kpiTool.prepareInvocation(options),
			invoke: async (options, token) => (await loadFeatures()).kpiTool.invoke(options, token),
		}),
		// Days fetched with a key that is gone are not shown for the next one: another key may be another workspace.
		keys.onDidReplaceKey((ref) => void loadFeatures().then((f) => f.dropCachedDays(ref)).catch((error: unknown) => log.warn(`Could not drop cached days: ${String(error)}`))),
		// The status-bar KPI fetches: it loads the features only once `braze.statusBar.query` names something.
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration('braze.statusBar.query') && statusKpiWanted()) void loadFeatures();
		}),
	);

	// The welcome views, the walkthrough and menus follow the connections and the active one's key.
	const updateContext = async () => {
		const active = connections.active();
		const hasKey = active ? await keys.has(active, active.endpoint.origin) : false;
		await vscode.commands.executeCommand('setContext', 'braze.hasConnections', connections.all().length > 0);
		await vscode.commands.executeCommand('setContext', 'braze.hasApiKey', hasKey);
		if (connections.all().length > 0) await walkthrough.markDone('addConnection');
		if (hasKey) await walkthrough.markDone('setKey');
	};
	context.subscriptions.push(keys.onDidChange(() => void updateContext()), connections.onDidChange(() => void updateContext()));
	// The first start after the upgrade: keys per origin become connections; a still-set braze.restEndpoint picks the active one.
	const migrate = async () => {
		try {
			await migrateLegacyKeys(connections, keys, legacySettingValues());
			await adoptRestEndpoint(connections, vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('restEndpoint'));
		} catch (error) {
			log.error(`Could not turn the stored keys into connections: ${String(error)}`);
		}
		await updateContext();
	};
	// The start-up work reads settings and secrets: it runs just after `activate` returns, so that activation stays short.
	// Commands wait for the migration (whenReady) all the same.
	const afterActivate = new Promise<void>((resolve) => setTimeout(resolve, 0));
	const migration = afterActivate.then(migrate);
	connections.settleWith(migration);
	let statusBar: ConnectionStatusBar | undefined;
	const startedUp = afterActivate.then(() => {
		statusBar = new ConnectionStatusBar(connections, keys, (c) => storedVerificationText(connections, c)?.text);
		context.subscriptions.push(statusBar);
		updateSavedQueriesContext();
		const statusKpiRefreshed = statusKpiWanted() ? loadFeatures().then((f) => f.statusKpi.firstRefresh) : undefined;
		return Promise.allSettled([migration, statusBar.firstUpdate, markSavedQueryStep(), statusKpiRefreshed]);
	});
	const activateMs = performance.now() - started;
	const startup = startedUp.then((): StartupTimes => ({ activateMs, settledMs: performance.now() - started, featuresLoadedAtStartup: features !== undefined }));

	// Only the test runner sees what the panels hold: other extensions get nothing.
	if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
	return {
		presentedErrors: core.presentedErrors,
		openResults: () => features?.openResults() ?? [],
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
			const { text, tooltip } = statusBar?.item ?? { text: '', tooltip: '' };
			// The Markdown tooltip as plain text: escapes and non-breaking spaces undone.
			const markdown = typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
			return { text, tooltip: markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1') };
		},
		statusKpi: () => features?.statusKpi.snapshot() ?? { visible: false, text: '', tooltip: '', command: undefined, arguments: [] },
		chatToolPreparation: async (input) => (await loadFeatures()).kpiTool.prepare(input),
		startupTimes: () => startup,
		featuresLoaded: () => features !== undefined,
		overviewOpen: () => features?.overview.isOpen ?? false,
		answerQuotaWarnings: async (answer) => (await loadFeatures()).quota.answerForTests(answer),
		chartOpen: () => features?.panels.testApi().chartOpen() ?? false,
		panelStates: () => features?.panels.testApi().panelStates() ?? [],
	};
}

export function deactivate(): void {}
