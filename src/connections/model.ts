// Connections as they live in the `braze.connections` setting: one named Braze workspace each, with the REST
// endpoint its key belongs to. Checking hand-edited entries, naming, and what identifies a connection's key.
// No `vscode` here.
import type { SettingsScope } from '../config/settingsArray';
import { isLoopbackHost } from '../braze/instances';
import { isRecord } from '../shared/guards';
import type { L10n } from '../shared/l10n';
import { describeValue, entryNameProblem, nameKey, newNameProblem, takenEntryNames } from '../shared/settingsEntries';
import { lookupEndpoint } from './endpoint';
import type { ResolvedEndpoint } from './endpoint';

export const MAX_CONNECTION_NAME_LENGTH = 60;

/** What names a connection: its level and its name (unique per level, regardless of case). */
export interface ConnectionRef {
	readonly scope: SettingsScope;
	readonly name: string;
}

/** A usable entry. `raw` and `index` are its identity when editing, as for saved queries. */
export interface Connection extends ConnectionRef {
	readonly kind: 'connection';
	readonly index: number;
	readonly raw: unknown;
	/** The endpoint as written: an instance label or a URL. */
	readonly endpointValue: string;
	readonly endpoint: ResolvedEndpoint;
}

/** An entry that cannot be used: shown with its problem, never dropped or rewritten. */
export interface BrokenConnection {
	readonly kind: 'broken';
	readonly scope: SettingsScope;
	readonly index: number;
	readonly raw: unknown;
	readonly name: string | null;
	readonly problem: string;
}

export type ConnectionItem = Connection | BrokenConnection;

/** One level's setting as read. */
export interface ScopeConnections {
	readonly scope: SettingsScope;
	readonly items: readonly ConnectionItem[];
	/** Set when the value as a whole is not a list: nothing in it is used, and the level is never written. */
	readonly problem: string | null;
}

/** Reads one level's raw `braze.connections` value; a later entry whose name repeats an earlier one is broken. */
export function readScopeConnections(scope: SettingsScope, value: unknown, l10n: L10n): ScopeConnections {
	const list = value ?? [];
	if (!Array.isArray(list)) return { scope, items: [], problem: l10n.t('The braze.connections setting must be a list of connections, not {0}.', describeValue(list)) };
	const namesAbove = new Set<string>();
	const items = (list as readonly unknown[]).map((raw, index): ConnectionItem => {
		const checked = checkConnectionEntry(raw, l10n);
		if (checked.kind === 'broken') return { ...checked, scope, index, raw };
		const key = nameKey(checked.name);
		const repeated = namesAbove.has(key);
		namesAbove.add(key);
		if (repeated) return { kind: 'broken', scope, index, raw, name: checked.name, problem: l10n.t('Another connection above is already named "{0}": rename one of them.', checked.name) };
		return { kind: 'connection', scope, index, raw, name: checked.name, endpointValue: checked.endpointValue, endpoint: checked.endpoint };
	});
	return { scope, items, problem: null };
}

type CheckedConnection =
	| { readonly kind: 'connection'; readonly name: string; readonly endpointValue: string; readonly endpoint: ResolvedEndpoint }
	| { readonly kind: 'broken'; readonly name: string | null; readonly problem: string };

/** Checks one untrusted entry on its own; `problem` names the first bad field. */
export function checkConnectionEntry(raw: unknown, l10n: L10n): CheckedConnection {
	const broken = (name: string | null, problem: string): CheckedConnection => ({ kind: 'broken', name, problem });
	if (!isRecord(raw)) return broken(null, l10n.t('The entry must be an object such as {0}, not {1}.', CONNECTION_EXAMPLE, describeValue(raw)));
	if (typeof raw.name !== 'string') return broken(null, raw.name === undefined ? l10n.t('The entry has no "name": add one.') : l10n.t('The name must be text, not {0}.', describeValue(raw.name)));
	const name = raw.name.trim();
	const nameProblem = connectionNameProblem(name, l10n);
	if (nameProblem !== undefined) return broken(name || null, nameProblem);
	const lookup = lookupEndpoint(raw.endpoint);
	if (!lookup.ok) {
		return broken(name, lookup.reason === 'unset' ? l10n.t('The endpoint is missing: give an instance label such as US-01 or an https:// URL.') : l10n.t('The endpoint {0} is not usable: give an instance label such as US-01 or an https:// URL.', describeValue(raw.endpoint)));
	}
	return { kind: 'connection', name, endpointValue: (raw.endpoint as string).trim(), endpoint: lookup.endpoint };
}

const CONNECTION_EXAMPLE = '{"name": "Production", "endpoint": "US-03"}';

/** Why `name` (already trimmed) cannot name a connection, or undefined. Uniqueness is checked separately. */
export function connectionNameProblem(name: string, l10n: L10n): string | undefined {
	return entryNameProblem(name, MAX_CONNECTION_NAME_LENGTH, l10n);
}

/** For an input box: why `input` cannot be a new connection name among `taken` (same level), or undefined. `current` may keep its own name. */
export function validateNewConnectionName(input: string, taken: readonly string[], l10n: L10n, current?: string): string | undefined {
	return newNameProblem(input, taken, (name) => connectionNameProblem(name, l10n), (name) => l10n.t('A connection named "{0}" already exists here: choose another name.', name), current);
}

/** The names used in a level, broken entries included. */
export function takenConnectionNames(scope: ScopeConnections): string[] {
	return takenEntryNames(scope.items);
}

/** The settings entry for a connection, built on `previous` when editing so that unknown keys keep their value. */
export function toConnectionEntry(name: string, endpointValue: string, previous?: unknown): Record<string, unknown> {
	return { ...(isRecord(previous) ? previous : {}), name: name.trim(), endpoint: endpointValue.trim() };
}

/** A name to offer for a connection to `endpoint`: its instance label, else its host. */
export function defaultConnectionName(endpoint: ResolvedEndpoint): string {
	return endpoint.label ?? endpoint.host;
}

/** True when `a` and `b` name the same connection. */
export function sameConnection(a: ConnectionRef, b: ConnectionRef): boolean {
	return a.scope === b.scope && nameKey(a.name) === nameKey(b.name);
}

/**
 * The connection that `name` means for something saved at `from` (a saved query's level): the same level first,
 * then the other. Undefined when no usable connection has that name.
 */
export function findConnection(levels: readonly ScopeConnections[], name: string, from: SettingsScope = 'user'): Connection | undefined {
	const key = nameKey(name);
	const order = [...levels].sort((a, b) => Number(b.scope === from) - Number(a.scope === from));
	for (const level of order) {
		const found = level.items.find((item): item is Connection => item.kind === 'connection' && nameKey(item.name) === key);
		if (found) return found;
	}
	return undefined;
}

/** Every usable connection, user level first. */
export function usableConnections(levels: readonly ScopeConnections[]): Connection[] {
	const order = [...levels].sort((a, b) => Number(a.scope === 'workspace') - Number(b.scope === 'workspace'));
	return order.flatMap((level) => level.items.filter((item): item is Connection => item.kind === 'connection'));
}

/**
 * The active connection: the one remembered for this VS Code workspace when it still exists, else the first
 * user-level connection, else the first workspace-level one.
 */
export function activeConnection(levels: readonly ScopeConnections[], remembered: ConnectionRef | undefined): Connection | undefined {
	const all = usableConnections(levels);
	return (remembered && all.find((c) => sameConnection(c, remembered))) ?? all[0];
}

/** Reads a remembered `{scope, name}` (from workspaceState: untrusted shape). */
export function parseConnectionRef(raw: unknown): ConnectionRef | undefined {
	if (!isRecord(raw) || (raw.scope !== 'user' && raw.scope !== 'workspace') || typeof raw.name !== 'string' || raw.name.trim() === '') return undefined;
	return { scope: raw.scope, name: raw.name };
}

/**
 * A host that is no Braze instance deserves a warning before a key is typed. A loopback host is expected in
 * the user's own settings (the sandbox), but not from a workspace's shared settings.
 */
export function isUnknownHost(connection: Pick<Connection, 'scope' | 'endpoint'>): boolean {
	if (connection.endpoint.label !== null) return false;
	return connection.scope === 'workspace' || !isLoopbackHost(new URL(connection.endpoint.origin).hostname);
}

/** "Production (US-03)" or "Dev (127.0.0.1:4010)": a connection with where it points. */
export function describeConnection(connection: Connection): string {
	return `${connection.name} (${connection.endpoint.label ?? connection.endpoint.host})`;
}
