// What the extension does once it is used, loaded on first use (a command, a panel to restore, the chat tool, the
// status-bar KPI): src/extension.ts reaches this file only through `import()`, so esbuild puts it and everything only
// it imports into dist/features.js. Every command is registered here, in one place.
import * as vscode from 'vscode';
import type { CoreServices } from '../activation/coreServices';
import { RequestLimiter } from '../braze/concurrency';
import { DayCache } from '../cache/dayCache';
import { megabytesToBytes } from '../cache/eviction';
import { normaliseRefreshDays } from '../cache/refreshDays';
import { KpiTool } from '../chat/kpiTool';
import { registerCacheCommands } from '../commands/cacheCommands';
import { exportResultToJson, registerExportCommands } from '../commands/exportCommands';
import { promptForQuery } from '../commands/queryPrompt';
import { registerSavedQueryCommands, saveQueryInteractive } from '../commands/savedQueryCommands';
import { registerShowKpiCommands } from '../commands/showKpi';
import { SETTINGS_SECTION, cacheSetting } from '../config/settings';
import { ConnectionAccess } from '../connections/access';
import { registerConnectionCommands } from '../connections/commands';
import type { ConnectionRef } from '../connections/model';
import { candidateLegacyEndpoints } from '../connections/migration';
import { verifyWithProgress } from '../connections/verifyCommand';
import { l10n } from '../l10n';
import { PanelManager } from '../panel/panelManager';
import type { HeadlessFetchDeps } from '../runner/headlessFetch';
import { KpiQueryRunner } from '../runner/queryRunner';
import { HourlyQuota } from '../runner/hourlyQuota';
import { RecentAppIds } from '../runner/recentAppIds';
import type { ExtensionServices } from '../services';
import { resultToCsv } from '../export/resultCsv';
import { promptForComparison } from '../apps/comparePrompt';
import { appName } from '../panel/chartPanel';
import { registerOverview } from '../overview/register';
import type { OverviewRunner } from '../overview/overviewRunner';
import { registerShareCommands } from '../commands/shareCommands';
import { displayedResult } from '../shared/protocol';
import type { PanelResult } from '../shared/protocol';
import { querySpecKey } from '../shared/query';
import { StatusKpi } from '../statusKpi/statusKpi';
import { rememberPresentedError } from '../commands/presentedErrors';

/** Requests in flight at once, across every fetch the extension runs: Braze's quota is shared with production traffic. */
const MAX_REQUESTS_IN_FLIGHT = 4;

/** What activation reaches once the features are loaded. */
export interface Features {
	readonly panels: PanelManager;
	readonly statusKpi: StatusKpi;
	readonly kpiTool: KpiTool;
	readonly overview: OverviewRunner;
	/** What Braze last said remains of each key's hourly quota (the test API answers its warnings). */
	readonly quota: HourlyQuota;
	/** The results shown in the open chart panels (for the integration tests). */
	openResults(): readonly (PanelResult | null)[];
	/** Forgets the cached days fetched with a key that was replaced or removed ('all': every key). */
	dropCachedDays(ref: ConnectionRef | 'all'): Promise<void>;
}

/** Builds the services the commands share and registers every command; called once, after the command stubs are gone. */
export function activateFeatures(core: CoreServices): Features {
	const { context, log, connections, keys, savedQueries, walkthrough, extensionVersion, apps } = core;
	const access = new ConnectionAccess(connections, keys);
	const recentAppIds = new RecentAppIds(context.globalState);

	// The panels' handlers reach the runner, built just below, only once the user acts.
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
			void saveQueryInteractive(savedQueries, panel.query, undefined, shown, panel.result?.appNames);
		},
		log: (line) => log.warn(line),
		compare: (panel) => {
			const query = panel.query;
			const directory = apps.directory(query.connection);
			void promptForComparison(query, { directory, recentAppIds: recentAppIds.list(), ownAppLabel: appName(query, directory.namesFor([query.appId])) }).then((spec) => spec && runner.rerun(panel, spec));
		},
		// The panel says it could not show it; the log keeps what to report (the query, never the key).
		messageUnreadable: (panel, messageType) => log.error(`The chart panel could not read the "${messageType}" message the extension sent it (query: ${JSON.stringify(panel.query)}). Please report this.`),
	});
	const limiter = new RequestLimiter(MAX_REQUESTS_IN_FLIGHT);
	const cache = new DayCache({
		directory: vscode.Uri.joinPath(context.globalStorageUri, 'day-cache').fsPath,
		maxBytes: megabytesToBytes(cacheSetting('maxMegabytes')),
		log: (line) => log.info(line),
	});
	const refreshDays = () => normaliseRefreshDays(cacheSetting('refreshDays'));
	const quota = new HourlyQuota();
	const runner = new KpiQueryRunner({
		quota,
		access,
		limiter,
		cache,
		refreshDays,
		partitionOf: (connection) => keys.identity(connection),
		panels,
		log,
		recentAppIds,
		apps,
		fetch: globalThis.fetch,
		now: () => new Date(),
		onDidPresentError: (error) => rememberPresentedError(core.presentedErrors, error),
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
	context.subscriptions.push(panels, runner);

	const verify = async (connection: Parameters<typeof verifyWithProgress>[0]) => {
		const result = await verifyWithProgress(connection, { store: connections, access, log, fetch: globalThis.fetch, now: () => new Date(), logRequest: (entry) => runner.logRequest(entry), limiter });
		if (result && result.verdict !== 'unauthorized') {
			void vscode.commands.executeCommand('setContext', 'braze.walkthrough.verified', true);
			void walkthrough.markDone('verify');
		}
		return result;
	};

	// The commands. A new command: its `register…` call goes here, its manifest entry gives it a stub at activation.
	registerConnectionCommands(context, {
		store: connections,
		access,
		keys,
		verify,
		legacyOrigins: () => candidateLegacyEndpoints(core.legacySettingValues()).map((e) => e.origin),
		selected: () => {
			const node = core.connectionsView.selection[0];
			return node && node.kind !== 'scopeProblem' ? node : undefined;
		},
	});
	registerShowKpiCommands(context, services);
	registerSavedQueryCommands(context, savedQueries, services, () => core.savedQueriesView.selection[0]);
	registerExportCommands(context, services);
	const overview = registerOverview(context, {
		extensionUri: context.extensionUri,
		access,
		limiter,
		cache,
		refreshDays,
		partitionOf: (c) => keys.identity(c),
		log,
		recentAppIds,
		fetch: globalThis.fetch,
		now: () => new Date(),
		logRequest: (entry) => runner.logRequest(entry),
		onDidPresentError: (error) => rememberPresentedError(core.presentedErrors, error),
		quota,
	});
	registerCacheCommands(context, { cache, connections, keys, panels, runner, overview });
	registerShareCommands(context, panels);

	context.subscriptions.push(
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(`${SETTINGS_SECTION}.cache.maxMegabytes`)) cache.setMaxBytes(megabytesToBytes(cacheSetting('maxMegabytes')));
		}),
		{ dispose: () => void cache.flush() },
	);
	// The status bar and the chat tool fetch with the commands' cache, limiter and key rules, but never ask anything.
	const headless: HeadlessFetchDeps = { connections, access, fetch: globalThis.fetch, now: () => new Date(), limiter, cache, refreshDays, partitionOf: (c) => keys.identity(c), logRequest: (entry) => runner.logRequest(entry) };
	const statusKpi = new StatusKpi({ headless, savedQueries, log, onDidChangeKeys: keys.onDidChange, onDidChangeConnections: connections.onDidChange });
	context.subscriptions.push(statusKpi);
	return {
		panels,
		statusKpi,
		kpiTool: new KpiTool(headless, log),
		overview,
		quota,
		openResults: () => panels.all.map((p) => (p.result ? displayedResult(p.result) : null)),
		dropCachedDays: (ref) => (ref === 'all' ? cache.clear() : cache.dropPartition(keys.identity(ref))),
	};
}
