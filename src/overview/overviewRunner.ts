// Runs overviews into their panels: the connection and its key, one cancellable progress notification counting the
// requests of all four series, and one message when it fails. Owns the panels and restores them after a reload.
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../braze/client';
import type { RequestLimiter } from '../braze/concurrency';
import { BrazeCancelledError } from '../braze/errors';
import type { DayCache } from '../cache/dayCache';
import { describeError, reportError } from '../commands/errorPresenter';
import type { PresentedError } from '../commands/errorPresenter';
import { requestTimeoutMs } from '../config/settings';
import type { BrazeAccess, ConnectionAccess } from '../connections/access';
import type { ConnectionRef } from '../connections/model';
import type { HourlyQuota } from '../runner/hourlyQuota';
import type { RecentAppIds } from '../runner/recentAppIds';
import { parsePersistedOverviewState } from '../shared/overviewProtocol';
import type { OverviewRequest, OverviewResult } from '../shared/overviewProtocol';
import { l10n } from '../l10n';
import { requestProgressText } from '../runner/requestText';
import { fetchOverview, overviewRequestsNeeded } from './overviewFetch';
import { OVERVIEW_VIEW_TYPE, OverviewPanel, overviewTitle } from './overviewPanel';

export interface OverviewRunnerDeps {
	readonly extensionUri: vscode.Uri;
	readonly access: ConnectionAccess;
	/** The one limiter every fetch of the extension shares. */
	readonly limiter: RequestLimiter;
	readonly cache: DayCache;
	readonly refreshDays: () => number;
	readonly partitionOf: (connection: ConnectionRef) => string;
	readonly log: vscode.LogOutputChannel;
	readonly recentAppIds: RecentAppIds;
	readonly fetch: typeof fetch;
	readonly now: () => Date;
	readonly logRequest: (entry: RequestLogEntry) => void;
	readonly onDidPresentError: (error: PresentedError) => void;
	/** What Braze last said remains of each key's hourly quota, shared with the charts. */
	readonly quota: HourlyQuota;
}

/** The context key that is true while an overview panel is open: Refresh Overview shows in the palette only then. */
export const OVERVIEW_OPEN_CONTEXT = 'braze.overviewOpen';

export class OverviewRunner implements vscode.Disposable {
	readonly #panels = new Set<OverviewPanel>();
	readonly #running = new Map<OverviewPanel, vscode.CancellationTokenSource>();
	readonly #deps: OverviewRunnerDeps;
	#lastActive: OverviewPanel | undefined;
	#isOpen = false;

	constructor(deps: OverviewRunnerDeps) {
		this.#deps = deps;
	}

	/** Restores a panel after a window reload (activation's serializer calls it); unusable state closes the panel. */
	restore(webviewPanel: vscode.WebviewPanel, raw: unknown): Promise<void> {
		const state = parsePersistedOverviewState(raw);
		// Nothing usable to show: closing beats a blank panel.
		if (state) this.#adopt(webviewPanel, state.overview, state.result);
		else webviewPanel.dispose();
		return Promise.resolve();
	}

	/** Opens or reveals the overview of `request` and fills it; undefined when it failed or was cancelled (the user was told). */
	async run(request: OverviewRequest): Promise<OverviewResult | undefined> {
		const access = await this.#accessFor(request);
		if (!access) return undefined;
		const pinned: OverviewRequest = { ...request, connection: access.connection.name };
		return this.#fetchInto(this.#open(pinned), pinned, access);
	}

	/** Fetches a panel's overview again, on the connection it names: through the day cache, or every day again with `ignoreCache`. */
	async refresh(panel: OverviewPanel, ignoreCache = false): Promise<OverviewResult | undefined> {
		const access = await this.#accessFor(panel.request);
		if (panel.isDisposed) return undefined;
		if (!access) {
			panel.showStatus('error', l10n.t('No API key was given, so nothing was fetched. Set API Key, then Refresh.'));
			return undefined;
		}
		return this.#fetchInto(panel, { ...panel.request, connection: access.connection.name }, access, ignoreCache);
	}

	cancel(panel: OverviewPanel): void {
		this.#running.get(panel)?.cancel();
	}

	get panels(): readonly OverviewPanel[] {
		return [...this.#panels];
	}

	/** The active overview panel, else the one used last. */
	activePanel(): OverviewPanel | undefined {
		return this.panels.find((p) => p.panel.active) ?? this.#lastActive;
	}

	/** Whether `braze.overviewOpen` was last set true (the test API). */
	get isOpen(): boolean {
		return this.#isOpen;
	}

	#open(request: OverviewRequest): OverviewPanel {
		const key = requestKey(request);
		const existing = this.panels.find((p) => requestKey(p.request) === key);
		if (existing) {
			existing.reveal();
			return existing;
		}
		const webviewPanel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, overviewTitle(request), vscode.ViewColumn.Active, { enableFindWidget: true });
		return this.#adopt(webviewPanel, request, null);
	}

	#adopt(webviewPanel: vscode.WebviewPanel, request: OverviewRequest, result: OverviewResult | null): OverviewPanel {
		const panel = new OverviewPanel(webviewPanel, this.#deps.extensionUri, request, result, { refresh: (p) => void this.refresh(p), cancel: (p) => this.cancel(p) });
		this.#panels.add(panel);
		this.#lastActive = panel;
		const viewState = webviewPanel.onDidChangeViewState((e) => {
			if (e.webviewPanel.active) this.#lastActive = panel;
		});
		panel.onDidDispose(() => {
			viewState.dispose();
			this.cancel(panel);
			this.#panels.delete(panel);
			if (this.#lastActive === panel) this.#lastActive = undefined;
			this.#updateOpen();
		});
		this.#updateOpen();
		return panel;
	}

	#updateOpen(): void {
		const open = this.#panels.size > 0;
		if (open === this.#isOpen) return;
		this.#isOpen = open;
		void vscode.commands.executeCommand('setContext', OVERVIEW_OPEN_CONTEXT, open);
	}

	async #accessFor(request: OverviewRequest): Promise<BrazeAccess | undefined> {
		try {
			// The connection rules of a query: its named connection, else the active one.
			const connection = await this.#deps.access.connectionFor({ metric: 'dau', length: 1, end: { kind: 'yesterday' }, appId: request.appId, ...(request.connection === undefined ? {} : { connection: request.connection }) });
			if (!connection) return undefined;
			const apiKey = await this.#deps.access.keyFor(connection);
			return apiKey === undefined ? undefined : { connection, apiKey };
		} catch (error) {
			reportError(this.#deps, error);
			return undefined;
		}
	}

	async #fetchInto(panel: OverviewPanel, request: OverviewRequest, access: BrazeAccess, ignoreCache = false): Promise<OverviewResult | undefined> {
		this.cancel(panel);
		const source = new vscode.CancellationTokenSource();
		this.#running.set(panel, source);
		const partition = this.#deps.partitionOf(access.connection);
		const plan = { cache: this.#deps.cache, now: this.#deps.now, refreshDays: this.#deps.refreshDays(), partition };
		const allowed = await this.#deps.quota.allows('overview', partition, access.connection.name, () => overviewRequestsNeeded(plan, request, ignoreCache));
		if (this.#running.get(panel) !== source) return undefined; // A newer run replaced this one while the user was asked.
		if (!allowed || panel.isDisposed) {
			this.#running.delete(panel);
			source.dispose();
			if (!allowed) panel.showStatus('error', l10n.t('Not fetched: the overview needs more requests than Braze\'s hourly quota has left.'));
			return undefined;
		}
		panel.showLoading(request);
		const controller = new AbortController();
		const app = request.appId ?? l10n.t('All apps');
		try {
			const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: l10n.t('Braze: fetching the overview of {0}…', app), cancellable: true }, (progress, token) => {
				const stop = () => controller.abort();
				const subscriptions = [token.onCancellationRequested(stop), source.token.onCancellationRequested(stop)];
				let reported = 0;
				return fetchOverview(
					{
						...plan,
						limiter: this.#deps.limiter,
						fetch: this.#deps.fetch,
						timeoutMs: requestTimeoutMs(),
						logRequest: this.#deps.logRequest,
						onProgress: (answered, planned) => {
							// The bar moves by the share of requests answered since the last report.
							const increment = planned > 0 ? (100 * (answered - reported)) / planned : 0;
							reported = answered;
							progress.report({ message: requestProgressText(answered, planned, vscode.env.language, l10n), increment });
						},
						onWait: (wait) => {
							const at = wait.until.toLocaleTimeString(vscode.env.language);
							progress.report({ message: wait.reason === 'rateLimit' ? l10n.t('Braze rate limit: retrying at {0} — Cancel to stop', at) : l10n.t('Braze did not answer: retrying at {0} — Cancel to stop', at) });
						},
						describe: (error) => describeError(error)?.message ?? l10n.t('Cancelled.'),
					},
					request,
					access.connection,
					access.apiKey,
					controller.signal,
					ignoreCache,
				).finally(() => {
					for (const s of subscriptions) s.dispose();
				});
			});
			if (this.#running.get(panel) !== source) return undefined; // A newer run replaced this one.
			this.#deps.quota.note(partition, result.rateLimit);
			panel.showResult(result);
			if (request.appId) await this.#deps.recentAppIds.remember(request.appId);
			return result;
		} catch (error) {
			if (this.#running.get(panel) !== source) return undefined;
			const presented = error instanceof BrazeCancelledError ? undefined : reportError(this.#deps, error, access.connection, () => this.refresh(panel));
			if (presented) panel.showStatus('error', presented.message);
			else panel.showStatus('cancelled', l10n.t('Cancelled.'));
			return undefined;
		} finally {
			if (this.#running.get(panel) === source) this.#running.delete(panel);
			source.dispose();
		}
	}

	dispose(): void {
		for (const source of this.#running.values()) source.cancel();
		for (const panel of this.panels) panel.dispose();
	}
}

/** One panel per distinct request: range, app and connection. */
function requestKey(request: OverviewRequest): string {
	return JSON.stringify([request.range, request.appId, request.connection?.toLowerCase() ?? null]);
}
