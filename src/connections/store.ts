// The connections: the `braze.connections` setting at user and workspace level (read again whenever it
// changes), which one is active in this VS Code workspace (workspaceState), and the last verification of
// each (globalState, never a key). The tree, the status bar and the runner are views over it.
import * as vscode from 'vscode';
import { SettingsArray, SettingsWriteError, availableScopes, locateOrThrow } from '../config/settingsArray';
import type { SettingsScope } from '../config/settingsArray';
import { isRecord } from '../shared/guards';
import { nameKey } from '../shared/settingsEntries';
import { activeConnection, findConnection, parseConnectionRef, readScopeConnections, sameConnection, takenConnectionNames, toConnectionEntry, usableConnections, validateNewConnectionName } from './model';
import type { Connection, ConnectionItem, ConnectionRef, ScopeConnections } from './model';
import { l10n } from '../l10n';

const ACTIVE_KEY = 'braze.activeConnection';
const VERIFICATIONS_KEY = 'braze.connectionVerifications';

export class ConnectionStore implements vscode.Disposable {
	readonly #changed = new vscode.EventEmitter<void>();
	/** Fires when the connections, the active one, or a verification may have changed. */
	readonly onDidChange = this.#changed.event;
	readonly #setting = new SettingsArray('braze.connections');
	readonly #workspaceState: vscode.Memento;
	readonly #globalState: vscode.Memento;
	readonly #workspaceId: () => string;
	readonly #subscription: vscode.Disposable;
	#cache: readonly ScopeConnections[] | undefined;
	#ready: Promise<unknown> = Promise.resolve();

	constructor(workspaceState: vscode.Memento, globalState: vscode.Memento, workspaceId: () => string) {
		this.#workspaceState = workspaceState;
		this.#globalState = globalState;
		this.#workspaceId = workspaceId;
		this.#subscription = this.#setting.onDidChange(() => this.refresh());
	}

	/** Marks the store as settling until `work` (the start-up migration) ends; `whenReady` waits for it. */
	settleWith(work: Promise<unknown>): void {
		this.#ready = work.catch(() => undefined);
	}

	/** Resolves once the start-up migration has added what it adds: a command never asks for a connection the migration is making. */
	whenReady(): Promise<unknown> {
		return this.#ready;
	}

	availableScopes(): SettingsScope[] {
		return availableScopes();
	}

	/** Each available level as read (the workspace's only when it is open and trusted). */
	read(): readonly ScopeConnections[] {
		this.#cache ??= availableScopes().map((scope) => readScopeConnections(scope, this.#setting.raw(scope), l10n));
		return this.#cache;
	}

	readScope(scope: SettingsScope): ScopeConnections {
		return this.read().find((s) => s.scope === scope) ?? { scope, items: [], problem: null };
	}

	/** Every usable connection, user level first. */
	all(): Connection[] {
		return usableConnections(this.read());
	}

	/** Every entry, broken ones included, user level first. */
	items(): ConnectionItem[] {
		return this.read().flatMap((s) => s.items);
	}

	/** The connection `name` means for something saved at `from`. */
	find(name: string, from?: SettingsScope): Connection | undefined {
		return findConnection(this.read(), name, from);
	}

	/** The exact connection `ref` names, if it exists and is usable. */
	get(ref: ConnectionRef): Connection | undefined {
		return this.all().find((c) => sameConnection(c, ref));
	}

	/** The connections whose endpoint resolves to `origin`, user level first. */
	withOrigin(origin: string): Connection[] {
		return this.all().filter((c) => c.endpoint.origin === origin);
	}

	active(): Connection | undefined {
		return activeConnection(this.read(), parseConnectionRef(this.#workspaceState.get<unknown>(ACTIVE_KEY)));
	}

	/** True when this VS Code workspace has chosen a connection itself (the fallback does not count). */
	hasChosenActive(): boolean {
		const remembered = parseConnectionRef(this.#workspaceState.get<unknown>(ACTIVE_KEY));
		return remembered !== undefined && this.get(remembered) !== undefined;
	}

	async setActive(ref: ConnectionRef): Promise<void> {
		await this.#workspaceState.update(ACTIVE_KEY, { scope: ref.scope, name: ref.name });
		this.#changed.fire();
	}

	refresh(): void {
		this.#cache = undefined;
		this.#changed.fire();
	}

	/** Adds a connection at `scope`; refused when the name is taken there or the level is not a list. */
	async add(scope: SettingsScope, name: string, endpointValue: string): Promise<ConnectionRef> {
		await this.#mutate(scope, (current) => {
			assertNameFree(scope, current, name, -1);
			current.push(toConnectionEntry(name, endpointValue));
		});
		return { scope, name: name.trim() };
	}

	/** Replaces the entry read as `item`, keeping unknown keys and every other element. */
	async update(item: ConnectionItem, name: string, endpointValue: string): Promise<void> {
		await this.#mutate(item.scope, (current) => {
			const index = locateOrThrow(current, item.index, item.raw);
			assertNameFree(item.scope, current, name, index);
			current[index] = toConnectionEntry(name, endpointValue, current[index]);
		});
		if (item.name !== null && nameKey(item.name) !== nameKey(name)) await this.#moveRecords({ scope: item.scope, name: item.name }, { scope: item.scope, name });
	}

	async remove(item: ConnectionItem): Promise<void> {
		await this.#mutate(item.scope, (current) => {
			current.splice(locateOrThrow(current, item.index, item.raw), 1);
		});
		if (item.name !== null) await this.#moveRecords({ scope: item.scope, name: item.name });
	}

	/** The last verification of `ref` as stored: untrusted, for the verify module to parse. */
	storedVerification(ref: ConnectionRef): unknown {
		return this.#verifications()[this.#recordKey(ref)];
	}

	async recordVerification(ref: ConnectionRef, result: unknown): Promise<void> {
		await this.#globalState.update(VERIFICATIONS_KEY, { ...this.#verifications(), [this.#recordKey(ref)]: result });
		this.#changed.fire();
	}

	dispose(): void {
		this.#subscription.dispose();
		this.#changed.dispose();
	}

	async #mutate(scope: SettingsScope, edit: (current: unknown[]) => void): Promise<void> {
		await this.#setting.mutate(scope, edit);
		this.refresh();
	}

	#verifications(): Record<string, unknown> {
		const stored = this.#globalState.get<unknown>(VERIFICATIONS_KEY);
		return isRecord(stored) ? stored : {};
	}

	#recordKey(ref: ConnectionRef): string {
		return JSON.stringify([ref.scope, ref.scope === 'workspace' ? this.#workspaceId() : '', nameKey(ref.name)]);
	}

	/** Moves (or, without `to`, forgets) what is remembered about a connection: its verification, and whether it is active. */
	async #moveRecords(from: ConnectionRef, to?: ConnectionRef): Promise<void> {
		const records = { ...this.#verifications() };
		const key = this.#recordKey(from);
		if (key in records) {
			if (to) records[this.#recordKey(to)] = records[key];
			delete records[key];
			await this.#globalState.update(VERIFICATIONS_KEY, records);
		}
		const remembered = parseConnectionRef(this.#workspaceState.get<unknown>(ACTIVE_KEY));
		if (remembered && sameConnection(remembered, from)) await this.#workspaceState.update(ACTIVE_KEY, to ? { scope: to.scope, name: to.name } : undefined);
		this.#changed.fire();
	}
}

function assertNameFree(scope: SettingsScope, current: readonly unknown[], name: string, exceptIndex: number): void {
	const others = readScopeConnections(scope, current.filter((_, i) => i !== exceptIndex), l10n);
	const problem = validateNewConnectionName(name, takenConnectionNames(others), l10n);
	if (problem !== undefined) throw new SettingsWriteError('badName', l10n.t('Cannot save the connection "{0}": {1}.', name.trim(), problem));
}
