// From keys per REST origin (before connections) to connections, on the first start after the upgrade:
// every origin that holds a key becomes a user-level connection that keeps that key, and a `braze.restEndpoint`
// still set picks the active connection. Nothing is typed again; no setting is rewritten, connections are only added.
import { BRAZE_INSTANCES } from '../braze/instances';
import type { SettingsScope } from '../config/settingsArray';
import { uniqueEntryName } from '../shared/settingsEntries';
import { lookupEndpoint } from './endpoint';
import type { ResolvedEndpoint } from './endpoint';
import { defaultConnectionName, takenConnectionNames } from './model';
import type { Connection, ConnectionRef, ScopeConnections } from './model';
import type { ConnectionKeyStore } from './keyStore';
import type { ConnectionStore } from './store';

/** A connection to add at user level, and whether it takes over the legacy key of its origin. */
export interface PlannedConnection {
	readonly name: string;
	readonly endpointValue: string;
	readonly origin: string;
}

export interface KeyMigrationPlan {
	readonly add: readonly PlannedConnection[];
	/** Legacy keys to move into an existing or added user-level connection (by name). */
	readonly moves: readonly { readonly origin: string; readonly name: string }[];
}

/** For each origin that holds a legacy key: the user-level connection already pointing there, or a new one named after its instance. */
export function planKeyMigration(legacy: readonly ResolvedEndpoint[], user: ScopeConnections): KeyMigrationPlan {
	const taken = takenConnectionNames(user);
	const add: PlannedConnection[] = [];
	const moves: { origin: string; name: string }[] = [];
	for (const endpoint of legacy) {
		const existing = user.items.find((c): c is Connection => c.kind === 'connection' && c.endpoint.origin === endpoint.origin);
		if (existing) {
			moves.push({ origin: endpoint.origin, name: existing.name });
			continue;
		}
		const name = uniqueName(defaultConnectionName(endpoint), taken);
		taken.push(name);
		add.push({ name, endpointValue: endpoint.label ?? endpoint.baseUrl, origin: endpoint.origin });
		moves.push({ origin: endpoint.origin, name });
	}
	return { add, moves };
}

/** `base`, or `base (2)`, `base (3)`… whichever is free among `taken`. */
export function uniqueName(base: string, taken: readonly string[]): string {
	return uniqueEntryName(base, taken);
}

/**
 * The origins where an earlier version may have kept a key: the known instances, and every endpoint the
 * settings name (`braze.restEndpoint`, saved queries' `endpoint`). SecretStorage cannot list its entries.
 */
export function candidateLegacyEndpoints(settingValues: readonly unknown[]): ResolvedEndpoint[] {
	const values = [...BRAZE_INSTANCES.map((i) => i.label), ...settingValues];
	const byOrigin = new Map<string, ResolvedEndpoint>();
	for (const value of values) {
		const lookup = lookupEndpoint(value);
		if (lookup.ok && !byOrigin.has(lookup.endpoint.origin)) byOrigin.set(lookup.endpoint.origin, lookup.endpoint);
	}
	return [...byOrigin.values()];
}

/** Runs the key migration once per profile; safe to run again (a moved key is no longer a legacy key). */
export async function migrateLegacyKeys(store: ConnectionStore, keys: ConnectionKeyStore, settingValues: readonly unknown[]): Promise<ConnectionRef[]> {
	const legacy: ResolvedEndpoint[] = [];
	for (const endpoint of candidateLegacyEndpoints(settingValues)) {
		if ((await keys.legacyKey(endpoint.origin)) !== undefined) legacy.push(endpoint);
	}
	if (legacy.length === 0) return [];
	const user = store.readScope('user');
	// A user setting that is not a list is never written: its keys stay where they are until it is fixed.
	if (user.problem !== null) return [];
	const plan = planKeyMigration(legacy, user);
	const added: ConnectionRef[] = [];
	for (const c of plan.add) added.push(await store.add('user', c.name, c.endpointValue));
	for (const move of plan.moves) {
		const ref: ConnectionRef = { scope: 'user', name: move.name };
		const key = await keys.legacyKey(move.origin);
		if (key === undefined) continue;
		if (!(await keys.has(ref, move.origin))) await keys.store(ref, move.origin, key);
		await keys.deleteLegacyKey(move.origin);
	}
	return added;
}

/**
 * The deprecated `braze.restEndpoint`, still set: when this VS Code workspace has not chosen a connection, the
 * connection pointing at its origin becomes active (added at user level when there is none).
 */
export async function adoptRestEndpoint(store: ConnectionStore, value: unknown): Promise<ConnectionRef | undefined> {
	const lookup = lookupEndpoint(value);
	if (!lookup.ok || store.hasChosenActive()) return undefined;
	const scopes: SettingsScope[] = ['user', 'workspace'];
	const existing = scopes.flatMap((s) => store.withOrigin(lookup.endpoint.origin).filter((c) => c.scope === s))[0];
	const user = store.readScope('user');
	if (!existing && user.problem !== null) return undefined;
	const ref = existing ?? (await store.add('user', uniqueName(defaultConnectionName(lookup.endpoint), takenConnectionNames(user)), (value as string).trim()));
	await store.setActive(ref);
	return ref;
}
