// Runs a KPI query end to end: endpoint and key, a cancellable progress notification, the client,
// then the chart panel. Errors become one message here, at the edge.
import * as vscode from 'vscode';
import { BrazeClient } from '../braze/client';
import type { RequestLogEntry } from '../braze/client';
import { BrazeCancelledError } from '../braze/errors';
import type { PresentedError } from '../commands/errorPresenter';
import { describeError, presentError } from '../commands/errorPresenter';
import { endpointToUse } from '../commands/endpointCommands';
import { requestTimeoutMs } from '../config/settings';
import type { ResolvedEndpoint } from '../config/endpoint';
import type { ChartPanel } from '../panel/chartPanel';
import { appName, metricShortName } from '../panel/chartPanel';
import type { PanelManager } from '../panel/panelManager';
import { displayedResult } from '../shared/protocol';
import type { PanelResult } from '../shared/protocol';
import { resolveSeriesEnd } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import type { ApiKeyStore } from '../secrets/apiKeyStore';
import { promptForApiKey } from '../commands/apiKeyPrompt';
import { futureEndProblem } from '../commands/queryPrompt';
import type { RecentAppIds } from './recentAppIds';
import { l10n } from '../l10n';

/**
 * Days to ask Braze for: twice the query when that still fits one request, so that the panel can show the
 * change against the previous period at no extra cost; otherwise just the query (Braze's quota is shared).
 */
export function lengthToFetch(length: number): number {
	return length * 2 <= MAX_DAYS_PER_REQUEST ? length * 2 : length;
}

const MAX_DAYS_PER_REQUEST = 100;

export interface QueryRunnerDeps {
	readonly keys: ApiKeyStore;
	readonly panels: PanelManager;
	readonly log: vscode.LogOutputChannel;
	readonly recentAppIds: RecentAppIds;
	readonly fetch: typeof fetch;
	readonly now: () => Date;
	/** Every error shown to the user, for the integration tests' eyes. */
	readonly onDidPresentError: (error: PresentedError) => void;
}

/** Where to fetch from, and with which key. */
interface BrazeAccess {
	readonly endpoint: ResolvedEndpoint;
	readonly apiKey: string;
}

/** Runs queries into chart panels; one fetch at a time per panel (a new run cancels the old one). */
export class KpiQueryRunner implements vscode.Disposable {
	readonly #running = new Map<ChartPanel, vscode.CancellationTokenSource>();
	readonly #deps: QueryRunnerDeps;

	constructor(deps: QueryRunnerDeps) {
		this.#deps = deps;
	}

	/** Opens or reveals the query's panel (titled `name` for a saved query) and fills it; undefined when it failed or was cancelled (the user was told). */
	async run(spec: KpiQuerySpec, name?: string): Promise<PanelResult | undefined> {
		const access = await this.#accessFor(spec);
		if (!access) return undefined;
		const panel = this.#deps.panels.open(spec);
		if (name !== undefined) panel.setName(name);
		return this.#fetchInto(panel, spec, access);
	}

	/** Re-runs a panel in place with a changed query (the panel's own controls). */
	async rerun(panel: ChartPanel, spec: KpiQuerySpec): Promise<PanelResult | undefined> {
		if (panel.isDisposed) return this.run(spec);
		const problem = futureEndProblem(spec, this.#deps.now());
		if (problem) {
			panel.showError(problem);
			return undefined;
		}
		const access = await this.#accessFor(spec);
		if (!access) {
			panel.showError(l10n.t('No API key was given, so nothing was fetched. Set API Key, then Run again.'));
			return undefined;
		}
		return this.#fetchInto(panel, spec, access);
	}

	/** Shows a result that needs no fetch (an exported file) in its panel, replacing any fetch running there. */
	show(result: PanelResult): void {
		const panel = this.#deps.panels.open(result.query);
		this.cancel(panel);
		panel.showResult(result);
	}

	/** The endpoint of `spec` and the key stored for it, asking for either when missing; undefined when the user gave none. */
	async #accessFor(spec: KpiQuerySpec): Promise<BrazeAccess | undefined> {
		const endpoint = await this.#endpointFor(spec);
		if (!endpoint) return undefined;
		const apiKey = (await this.#deps.keys.get(endpoint.origin)) ?? (await promptForApiKey(this.#deps.keys, endpoint));
		return apiKey === undefined ? undefined : { endpoint, apiKey };
	}

	/** Cancels the fetch running for `panel`, if any. */
	cancel(panel: ChartPanel): void {
		this.#running.get(panel)?.cancel();
	}

	async #fetchInto(panel: ChartPanel, spec: KpiQuerySpec, access: BrazeAccess): Promise<PanelResult | undefined> {
		this.cancel(panel);
		const source = new vscode.CancellationTokenSource();
		this.#running.set(panel, source);
		// Closing the panel stops its fetch: nothing would show the answer, and Braze's quota is shared.
		const closed = panel.onDidDispose(() => source.cancel());
		panel.showLoading(spec);
		try {
			const result = await vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Notification, title: l10n.t('Braze: fetching {0} for {1}…', metricShortName(spec.metric), appName(spec)), cancellable: true },
				(progress, token) => this.#fetchResult(spec, access, progress, token, source.token),
			);
			if (this.#running.get(panel) !== source) return undefined; // A newer run replaced this one.
			panel.showResult(result);
			if (spec.appId) await this.#deps.recentAppIds.remember(spec.appId);
			return displayedResult(result);
		} catch (error) {
			if (this.#running.get(panel) !== source) return undefined;
			const presented = this.#report(error, () => this.rerun(panel, spec));
			if (presented) panel.showError(presented.message);
			else panel.showCancelled(l10n.t('Cancelled.'));
			return undefined;
		} finally {
			closed.dispose();
			if (this.#running.get(panel) === source) this.#running.delete(panel);
			source.dispose();
		}
	}

	async #fetchResult(spec: KpiQuerySpec, { endpoint, apiKey }: BrazeAccess, progress: vscode.Progress<{ message?: string; increment?: number }>, ...tokens: vscode.CancellationToken[]): Promise<PanelResult> {
		const length = lengthToFetch(spec.length);
		// A long range takes several requests (one per 100 days): the notification counts those answered.
		const requests = Math.ceil(length / MAX_DAYS_PER_REQUEST);
		let answered = 0;
		const controller = new AbortController();
		const subscriptions = tokens.map((t) => t.onCancellationRequested(() => controller.abort()));
		try {
			if (tokens.some((t) => t.isCancellationRequested)) throw new BrazeCancelledError();
			const client = new BrazeClient({
				baseUrl: endpoint.baseUrl,
				apiKey,
				fetch: this.#deps.fetch,
				now: this.#deps.now,
				timeoutMs: requestTimeoutMs(),
				onRequest: (entry) => {
					this.#logRequest(entry);
					if (requests > 1 && entry.status !== null && entry.status < 400) progress.report({ message: l10n.t('{0} of {1} requests', ++answered, requests), increment: 100 / requests });
				},
			});
			const { endingAt } = resolveSeriesEnd(spec.end, this.#deps.now());
			const response = await client.fetchSeries({ metric: spec.metric, length, appId: spec.appId, endingAt }, controller.signal);
			return {
				query: spec,
				instance: { label: endpoint.label, host: endpoint.host },
				series: response.series,
				fetchedAt: this.#deps.now().toISOString(),
				rateLimit: response.rateLimit,
			};
		} finally {
			for (const s of subscriptions) s.dispose();
		}
	}

	#logRequest(entry: RequestLogEntry): void {
		const url = new URL(entry.url);
		const status = entry.status ?? entry.error ?? 'no response';
		const remaining = entry.rateLimitRemaining ?? '?';
		const line = `${entry.method} ${url.pathname}${url.search} → ${status} in ${Math.round(entry.durationMs)} ms (attempt ${entry.attempt}, rate limit remaining ${remaining})`;
		if (entry.status !== null && entry.status < 400) this.#deps.log.info(line);
		else this.#deps.log.warn(line);
	}

	/** The query's endpoint, or the configured one; asks for one when none is set. Undefined when there is none to use. */
	#endpointFor(spec: KpiQuerySpec): Promise<ResolvedEndpoint | undefined> {
		return endpointToUse(spec.endpoint, (error) => this.#report(error));
	}

	/** Shows `error` once, with its actions, without waiting for the user's answer. */
	#report(error: unknown, retry?: () => unknown): PresentedError | undefined {
		const presented = describeError(error);
		if (presented) {
			this.#deps.onDidPresentError(presented);
			void presentError(presented, { log: this.#deps.log, ...(retry ? { retry } : {}) });
		}
		return presented;
	}

	dispose(): void {
		for (const source of this.#running.values()) source.cancel();
		this.#running.clear();
	}
}
