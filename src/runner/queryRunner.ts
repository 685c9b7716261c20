// Runs a KPI query end to end: endpoint and key, a cancellable progress notification, the client,
// then the chart panel. Errors become one message here, at the edge.
import * as vscode from 'vscode';
import { BrazeClient } from '../braze/client';
import { droppedRowsLogLine } from '../braze/series';
import type { WindowsRequest } from '../braze/client';
import type { RequestLimiter } from '../braze/concurrency';
import type { CachedSeriesResult } from '../cache/cachedSeries';
import { combinedProvenance, fetchQuerySeries, fetchedQueryResult, lowestRemaining, peekQuerySeries, peekedQueryResult, queryRequestsNeeded, querySeriesOf, yearBeforeOf } from './querySeries';
import type { QuerySeriesRequest } from './querySeries';
import type { DayCache } from '../cache/dayCache';
import type { RequestLogEntry } from '../braze/client';
import { BrazeCancelledError } from '../braze/errors';
import type { PresentedError } from '../commands/errorPresenter';
import { reportError } from '../commands/errorPresenter';
import { requestTimeoutMs } from '../config/settings';
import type { SettingsScope } from '../config/settingsArray';
import type { BrazeAccess, ConnectionAccess } from '../connections/access';
import type { ConnectionRef } from '../connections/model';
import type { ChartPanel } from '../panel/chartPanel';
import { appName, metricShortName } from '../panel/chartPanel';
import type { PanelManager } from '../panel/panelManager';
import { displayedResult } from '../shared/protocol';
import type { PanelResult } from '../shared/protocol';
import { resolvePresetDays, resolveSeriesEnd } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import { futureEndProblem } from '../commands/queryPrompt';
import type { HourlyQuota } from './hourlyQuota';
import type { RecentAppIds } from './recentAppIds';
import type { AppNames } from '../apps/appNames';
import { sameDayYearBefore } from '../shared/yearBefore';
import { fetchPreviousPeriod, joinPreviousPeriod, MAX_PREVIOUS_PERIOD_REQUESTS, planPreviousPeriod } from './previousPeriod';
import { l10n } from '../l10n';
import { requestProgressText } from './requestText';

/**
 * Days to ask Braze for: twice the query when that still fits one request, so that the panel can show the
 * change against the previous period at no extra cost; otherwise just the query (Braze's quota is shared).
 */
export function lengthToFetch(length: number): number {
	return length * 2 <= MAX_DAYS_PER_REQUEST ? length * 2 : length;
}

const MAX_DAYS_PER_REQUEST = 100;

export interface QueryRunnerDeps {
	readonly access: ConnectionAccess;
	readonly panels: PanelManager;
	readonly log: vscode.LogOutputChannel;
	readonly recentAppIds: RecentAppIds;
	readonly fetch: typeof fetch;
	readonly now: () => Date;
	/** One limit on requests in flight, shared by every fetch the extension runs. */
	readonly limiter: RequestLimiter;
	readonly cache: DayCache;
	/** `braze.cache.refreshDays` as set now. */
	readonly refreshDays: () => number;
	/** The cache partition of a connection: its days are dropped when its key changes or it is removed. */
	readonly partitionOf: (connection: ConnectionRef) => string;
	/** Every error shown to the user, for the integration tests' eyes. */
	readonly onDidPresentError: (error: PresentedError) => void;
	/** App names (`braze.apps`), for the result's labels; without it, identifiers only. */
	readonly apps?: AppNames;
	/** What Braze last said remains of each key's hourly quota, shared with the overview. */
	readonly quota: HourlyQuota;
}

/** Runs queries into chart panels; one fetch at a time per panel (a new run cancels the old one). */
export class KpiQueryRunner implements vscode.Disposable {
	readonly #running = new Map<ChartPanel, vscode.CancellationTokenSource>();
	readonly #deps: QueryRunnerDeps;

	constructor(deps: QueryRunnerDeps) {
		this.#deps = deps;
	}

	/**
	 * Opens or reveals the query's panel (titled `name` for a saved query, saved at `from`) and fills it; undefined
	 * when it failed or was cancelled (the user was told). The panel's query names the connection it ran on.
	 */
	async run(given: KpiQuerySpec, name?: string, from?: SettingsScope): Promise<PanelResult | undefined> {
		// A preset's days are today's: a saved "last month" is always last month.
		const spec = resolvePresetDays(given, this.#deps.now());
		const access = await this.#accessFor(spec, from);
		if (!access) return undefined;
		const pinned = pinConnection(spec, access);
		const panel = this.#deps.panels.open(pinned);
		if (name !== undefined) panel.setName(name);
		return this.#fetchInto(panel, pinned, access);
	}

	/** Re-runs a panel in place with a changed query (the panel's own controls); `ignoreCache` fetches every day again. */
	async rerun(panel: ChartPanel, given: KpiQuerySpec, ignoreCache = false): Promise<PanelResult | undefined> {
		let spec = resolvePresetDays(given, this.#deps.now());
		// A series from a file names its connection as a label only: it is fetched again on a connection the user picks.
		if (panel.result?.source && spec.connection === undefined) {
			const picked = await vscode.commands.executeCommand<ConnectionRef | undefined>('braze.pickConnection', panel.result.source.connection ? { connection: panel.result.source.connection } : undefined);
			if (!picked) return undefined;
			spec = { ...spec, connection: picked.name };
		}
		if (panel.isDisposed) return this.run(spec);
		const problem = futureEndProblem(spec, this.#deps.now());
		if (problem) {
			panel.showError(problem);
			return undefined;
		}
		const access = await this.#accessFor(spec);
		// The panel may have been closed while its key was asked for: nothing would show the answer.
		if (panel.isDisposed) return undefined;
		if (!access) {
			panel.showError(l10n.t('No API key was given, so nothing was fetched. Set API Key, then Run again.'));
			return undefined;
		}
		return this.#fetchInto(panel, pinConnection(spec, access), access, ignoreCache);
	}

	/** Shows a result that needs no fetch (an exported file) in its panel, replacing any fetch running there. */
	show(result: PanelResult): void {
		const panel = result.source ? this.#deps.panels.openFile(result) : this.#deps.panels.open(result.query);
		this.cancel(panel);
		panel.showResult(result);
	}

	/** The connection of `spec` and its key, asking for either when missing; undefined when the user gave none or it is unusable (the user was told). */
	async #accessFor(spec: KpiQuerySpec, from?: SettingsScope): Promise<BrazeAccess | undefined> {
		try {
			const connection = await this.#deps.access.connectionFor(spec, from);
			if (!connection) return undefined;
			const apiKey = await this.#deps.access.keyFor(connection);
			return apiKey === undefined ? undefined : { connection, apiKey };
		} catch (error) {
			reportError(this.#deps, error);
			return undefined;
		}
	}

	/** Cancels the fetch running for `panel`, if any. */
	cancel(panel: ChartPanel): void {
		this.#running.get(panel)?.cancel();
	}

	async #fetchInto(panel: ChartPanel, given: KpiQuerySpec, access: BrazeAccess, ignoreCache = false): Promise<PanelResult | undefined> {
		const spec = resolvePresetDays(given, this.#deps.now()); // Again: a retry may come after midnight.
		this.cancel(panel);
		const source = new vscode.CancellationTokenSource();
		this.#running.set(panel, source);
		// Closing the panel stops its fetch: nothing would show the answer, and Braze's quota is shared.
		const closed = panel.onDidDispose(() => source.cancel());
		if (!(await this.#quotaAllows(spec, access, ignoreCache))) {
			closed.dispose();
			this.#running.delete(panel);
			source.dispose();
			panel.showError(l10n.t('Not fetched: the query needs more requests than Braze\'s hourly quota has left.'));
			return undefined;
		}
		// Stale while revalidating: the cached days are drawn at once, marked as cached, while Braze is asked for the rest.
		const cached = ignoreCache ? undefined : await this.#peek(spec, access);
		if (cached && this.#running.get(panel) === source) panel.showResult(cached);
		panel.showLoading(spec);
		try {
			const result = await vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Notification, title: l10n.t('Braze: fetching {0} for {1}…', metricShortName(spec.metric), appName(spec, this.#namesOf(spec))), cancellable: true },
				(progress, token) => this.#fetchResult(spec, access, ignoreCache, progress, token, source.token),
			);
			if (this.#running.get(panel) !== source) return undefined; // A newer run replaced this one.
			this.#deps.quota.note(this.#deps.partitionOf(access.connection), result.rateLimit);
			panel.showResult(result);
			for (const id of [...(spec.compare?.apps ?? []), spec.appId].reverse()) if (id) await this.#deps.recentAppIds.remember(id);
			return displayedResult(result);
		} catch (error) {
			if (this.#running.get(panel) !== source) return undefined;
			const presented = reportError(this.#deps, error, access.connection, (on) => this.rerun(panel, on ? { ...spec, connection: on.name } : spec));
			if (presented) panel.showError(presented.message);
			else panel.showCancelled(l10n.t('Cancelled.'));
			return undefined;
		} finally {
			closed.dispose();
			if (this.#running.get(panel) === source) this.#running.delete(panel);
			source.dispose();
		}
	}

	async #fetchResult(spec: KpiQuerySpec, { connection, apiKey }: BrazeAccess, ignoreCache: boolean, progress: vscode.Progress<{ message?: string; increment?: number }>, ...tokens: vscode.CancellationToken[]): Promise<PanelResult> {
		const { endpoint } = connection;
		const cacheRequests = this.#cacheRequests(spec);
		const cacheDeps = { cache: this.#deps.cache, now: this.#deps.now, refreshDays: this.#deps.refreshDays() };
		const partition = this.#deps.partitionOf(connection);
		// Only the days the cache cannot give are asked for: the notification counts those requests, for every series.
		// The change card's previous period comes with them when the query's own request does not hold it (one KPI series).
		const main = cacheRequests.main;
		const previous = main.metric === 'stickiness' ? undefined : await planPreviousPeriod(cacheDeps, partition, { ...main, metric: main.metric }, spec.length, ignoreCache);
		const previousRequests = previous && previous.requests <= MAX_PREVIOUS_PERIOD_REQUESTS ? previous.requests : 0;
		const requests = (await this.#requestsNeeded(partition, cacheRequests, ignoreCache)) + previousRequests;
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
				limiter: this.#deps.limiter,
				onRequest: (entry) => {
					this.logRequest(entry);
					if (requests > 1 && entry.status !== null && entry.status < 400) progress.report({ message: requestProgressText(++answered, requests, vscode.env.language, l10n), increment: 100 / requests });
				},
				// A wait for Braze's rate limit or a retry is said, with the time it ends, so that nobody waits blind.
				onWait: (wait) => {
					const at = wait.until.toLocaleTimeString(vscode.env.language);
					progress.report({ message: wait.reason === 'rateLimit' ? l10n.t('Braze rate limit: retrying at {0} — Cancel to stop', at) : l10n.t('Braze did not answer: retrying at {0} — Cancel to stop', at) });
				},
			});
			const fetchWindows = async (windows: WindowsRequest, signal?: AbortSignal) => {
				const answer = await client.fetchWindows(windows, signal);
				// Rows Braze sent twice or outside what was asked are left out of the chart, and said in the log.
				const dropped = droppedRowsLogLine(answer.droppedRows);
				if (dropped) this.#deps.log.warn(dropped);
				return answer;
			};
			// Every series at once (stickiness is DAU and MAU): the shared limiter keeps the requests in flight within bounds, and one abort stops them all.
			const options = { ignoreCache, signal: controller.signal };
			const [all, before] = await Promise.all([
				Promise.all(cacheRequests.all.map((r) => fetchQuerySeries({ ...cacheDeps, fetchWindows }, partition, r, options))),
				previous && fetchPreviousPeriod({ ...cacheDeps, fetchWindows }, partition, previous, options),
			]);
			const [mainParts, ...others] = all as [CachedSeriesResult[], ...CachedSeriesResult[][]];
			// A compared app's stickiness keeps its own DAU and MAU, as the query's does.
			const seriesOf = (parts: readonly CachedSeriesResult[]) => querySeriesOf(spec.metric, parts.map((p) => p.series));
			const compared = others.slice(0, cacheRequests.compared.length).map((parts, i) => ({ appId: cacheRequests.compared[i]?.appId ?? null, ...seriesOf(parts) }));
			const yearBefore = cacheRequests.yearBefore && others.length > compared.length ? yearBeforeOf(spec.metric, (others[others.length - 1] ?? []).map((p) => p.series)) : undefined;
			const names = this.#namesOf(spec);
			const every = all.flat();
			for (const part of every) if (part.offlineCause) this.#deps.log.warn(`Offline, showing cached days: ${part.offlineCause.message}`);
			const base = fetchedQueryResult(spec, { label: endpoint.label, host: endpoint.host }, mainParts, this.#deps.now().toISOString());
			return {
				...base,
				...(before && 'points' in before ? { series: joinPreviousPeriod(before, base.series) } : {}),
				...(before && 'reason' in before ? { previousMissing: before } : {}),
				...(compared.length > 0 ? { compared } : {}),
				...yearBefore,
				...(Object.keys(names).length > 0 ? { appNames: names } : {}),
				rateLimit: lowestRemaining(every.map((p) => p.rateLimit)),
				provenance: combinedProvenance(every),
			};
		} finally {
			for (const s of subscriptions) s.dispose();
		}
	}

	/** Asks whether to go on before a query that needs more requests than Braze last said remain this hour for the connection's key. */
	#quotaAllows(spec: KpiQuerySpec, { connection }: BrazeAccess, ignoreCache: boolean): Promise<boolean> {
		const partition = this.#deps.partitionOf(connection);
		return this.#deps.quota.allows('query', partition, connection.name, () => this.#requestsNeeded(partition, this.#cacheRequests(spec), ignoreCache));
	}

	/** The cached days of `spec`, as a result marked as cached, or undefined when none are cached. */
	async #peek(spec: KpiQuerySpec, { connection }: BrazeAccess): Promise<PanelResult | undefined> {
		try {
			const peeks = await peekQuerySeries({ cache: this.#deps.cache, now: this.#deps.now, refreshDays: this.#deps.refreshDays() }, this.#deps.partitionOf(connection), this.#cacheRequest(spec));
			const { endpoint } = connection;
			return peeks ? peekedQueryResult(spec, { label: endpoint.label, host: endpoint.host }, peeks) : undefined;
		} catch {
			return undefined;
		}
	}

	/** What the cache is asked: the query's days (twice them when that still fits one request, for the change card). */
	#cacheRequest(spec: KpiQuerySpec): QuerySeriesRequest {
		// A comparison with the previous period always needs it, whatever the length.
		const length = spec.compare?.period === 'previous' ? spec.length * 2 : lengthToFetch(spec.length);
		return { metric: spec.metric, length, endDate: resolveSeriesEnd(spec.end, this.#deps.now()).endDate, appId: spec.appId };
	}

	/** Every series a query draws: its own, each compared app's over the same days, and the year-before overlay. */
	#cacheRequests(spec: KpiQuerySpec): QueryCacheRequests {
		const main = this.#cacheRequest(spec);
		const compared = (spec.compare?.apps ?? []).map((appId) => ({ ...main, appId }));
		const yearBefore = spec.compare?.period === 'year' && main.endDate ? { ...main, length: spec.length, endDate: sameDayYearBefore(main.endDate) } : undefined;
		return { main, compared, yearBefore, all: [main, ...compared, ...(yearBefore ? [yearBefore] : [])] };
	}

	/** Requests the cache cannot spare, for every series of the query. */
	async #requestsNeeded(partition: string, requests: QueryCacheRequests, ignoreCache: boolean): Promise<number> {
		const deps = { cache: this.#deps.cache, now: this.#deps.now, refreshDays: this.#deps.refreshDays() };
		const counts = await Promise.all(requests.all.map((r) => queryRequestsNeeded(deps, partition, r, { ignoreCache })));
		return counts.reduce((sum, n) => sum + n, 0);
	}

	/** The names of the query's apps on its connection. */
	#namesOf(spec: KpiQuerySpec): Record<string, string> {
		return this.#deps.apps?.directory(spec.connection).namesFor([spec.appId, ...(spec.compare?.apps ?? [])]) ?? {};
	}

	/** One line per request in the Braze log (never the key). */
	logRequest(entry: RequestLogEntry): void {
		const url = new URL(entry.url);
		const status = entry.status ?? entry.error ?? 'no response';
		const remaining = entry.rateLimitRemaining ?? '?';
		const line = `${entry.method} ${url.pathname}${url.search} → ${status} in ${Math.round(entry.durationMs)} ms (attempt ${entry.attempt}, rate limit remaining ${remaining})`;
		if (entry.status !== null && entry.status < 400) this.#deps.log.info(line);
		else this.#deps.log.warn(line);
	}

	dispose(): void {
		for (const source of this.#running.values()) source.cancel();
		this.#running.clear();
	}
}

/** The cache requests of one query's series. */
interface QueryCacheRequests {
	readonly main: QuerySeriesRequest;
	readonly compared: readonly QuerySeriesRequest[];
	readonly yearBefore: QuerySeriesRequest | undefined;
	/** In order: main, compared, year before. */
	readonly all: readonly QuerySeriesRequest[];
}


/** The query as run: on the connection it resolved to, by name (a legacy endpoint is replaced by that connection). */
function pinConnection(spec: KpiQuerySpec, access: BrazeAccess): KpiQuerySpec {
	const pinned: KpiQuerySpec = { ...spec, connection: access.connection.name };
	delete (pinned as { endpoint?: string }).endpoint;
	return pinned;
}
