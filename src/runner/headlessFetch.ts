// A query's series without a panel and without ever asking anything (the status bar, the chat tool): the same
// cache, request limit, validation and key rules as the commands, and every obstacle as a typed outcome.
import { BrazeClient } from '../braze/client';
import type { RequestLimiter } from '../braze/concurrency';
import type { RequestLogEntry } from '../braze/client';
import { BrazeCancelledError, BrazeValidationError } from '../braze/errors';
import { fetchQuerySeries, fetchedQueryResult, queryRequestsNeeded } from './querySeries';
import type { QuerySeriesRequest } from './querySeries';
import type { DayCache } from '../cache/dayCache';
import { describeError } from '../commands/errorPresenter';
import { futureEndProblem } from '../commands/queryPrompt';
import { requestTimeoutMs } from '../config/settings';
import type { SettingsScope } from '../config/settingsArray';
import type { ConnectionAccess } from '../connections/access';
import { lookupEndpoint } from '../connections/endpoint';
import type { Connection, ConnectionRef } from '../connections/model';
import type { ConnectionStore } from '../connections/store';
import type { PanelResult } from '../shared/protocol';
import { resolvePresetDays, resolveSeriesEnd } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import { lengthToFetch } from './queryRunner';

export interface HeadlessFetchDeps {
	readonly connections: Pick<ConnectionStore, 'whenReady' | 'find' | 'active' | 'withOrigin' | 'all'>;
	readonly access: Pick<ConnectionAccess, 'storedKey'>;
	readonly fetch: typeof fetch;
	readonly now: () => Date;
	/** The limiter every fetch of the extension shares. */
	readonly limiter: RequestLimiter;
	readonly cache: DayCache;
	readonly refreshDays: () => number;
	readonly partitionOf: (connection: ConnectionRef) => string;
	/** One line per request in the Braze log (the runner's `logRequest`). */
	readonly logRequest: (entry: RequestLogEntry) => void;
}

/** Why nothing was fetched, or what was. `message` is for the user, in their language. */
export type HeadlessOutcome =
	| { readonly kind: 'ok'; readonly connection: Connection; readonly result: PanelResult }
	/** No connection by that name (or none at all when `name` is undefined). */
	| { readonly kind: 'noConnection'; readonly name: string | undefined }
	/** The connection has no key for its endpoint: background work never asks for one. */
	| { readonly kind: 'noKey'; readonly connection: Connection }
	/** The query cannot be sent as it is (a future end, a bad length or app id). */
	| { readonly kind: 'invalid'; readonly message: string }
	| { readonly kind: 'failed'; readonly connection: Connection; readonly message: string }
	| { readonly kind: 'cancelled' };

/** Where a query would run, without asking: its named connection, else one pointing at its legacy endpoint, else the active one. */
export async function headlessConnection(deps: Pick<HeadlessFetchDeps, 'connections'>, spec: KpiQuerySpec, from?: SettingsScope): Promise<Connection | undefined> {
	await deps.connections.whenReady();
	if (spec.connection !== undefined) return deps.connections.find(spec.connection, from);
	const active = deps.connections.active();
	if (spec.endpoint !== undefined) {
		const lookup = lookupEndpoint(spec.endpoint);
		if (!lookup.ok) return undefined;
		return active?.endpoint.origin === lookup.endpoint.origin ? active : deps.connections.withOrigin(lookup.endpoint.origin)[0];
	}
	return active;
}

/** What the cache is asked for `spec`: the same days as a chart panel asks (twice the query when that fits one request). */
export function headlessCacheRequest(given: KpiQuerySpec, now: Date): QuerySeriesRequest {
	const spec = resolvePresetDays(given, now);
	return { metric: spec.metric, length: lengthToFetch(spec.length), endDate: resolveSeriesEnd(spec.end, now).endDate, appId: spec.appId };
}

/** The requests a fetch of `spec` on `connection` would send now; rejects for a query that cannot be sent. */
export function headlessRequestsNeeded(deps: HeadlessFetchDeps, connection: Connection, spec: KpiQuerySpec): Promise<number> {
	return queryRequestsNeeded({ cache: deps.cache, now: deps.now, refreshDays: deps.refreshDays() }, deps.partitionOf(connection), headlessCacheRequest(spec, deps.now()));
}

/** Fetches `spec` through the day cache; never prompts, never throws (a failure is an outcome, logged by the caller). */
export async function fetchHeadless(deps: HeadlessFetchDeps, given: KpiQuerySpec, options: { readonly from?: SettingsScope; readonly signal?: AbortSignal } = {}): Promise<HeadlessOutcome> {
	// A preset's days are those of today, as the runner's clock says.
	const spec = resolvePresetDays(given, deps.now());
	const connection = await headlessConnection(deps, spec, options.from);
	if (!connection) return { kind: 'noConnection', name: spec.connection };
	const future = futureEndProblem(spec, deps.now());
	if (future !== undefined) return { kind: 'invalid', message: future };
	const apiKey = await deps.access.storedKey(connection);
	if (apiKey === undefined) return { kind: 'noKey', connection };
	const partition = deps.partitionOf(connection);
	const { endpoint } = connection;
	const client = new BrazeClient({ baseUrl: endpoint.baseUrl, apiKey, fetch: deps.fetch, now: deps.now, timeoutMs: requestTimeoutMs(), limiter: deps.limiter, onRequest: deps.logRequest });
	try {
		const fetched = await fetchQuerySeries(
			{ cache: deps.cache, now: deps.now, refreshDays: deps.refreshDays(), fetchWindows: (r, signal) => client.fetchWindows(r, signal) },
			partition,
			headlessCacheRequest(spec, deps.now()),
			options.signal ? { signal: options.signal } : {},
		);
		const query: KpiQuerySpec = { ...spec, connection: connection.name };
		delete (query as { endpoint?: string }).endpoint;
		return { kind: 'ok', connection, result: fetchedQueryResult(query, { label: endpoint.label, host: endpoint.host }, fetched, deps.now().toISOString()) };
	} catch (error) {
		if (error instanceof BrazeCancelledError) return { kind: 'cancelled' };
		const presented = describeError(error);
		if (!presented) return { kind: 'cancelled' };
		return error instanceof BrazeValidationError ? { kind: 'invalid', message: presented.message } : { kind: 'failed', connection, message: presented.message };
	}
}
