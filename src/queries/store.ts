// Persistence of saved queries: the `braze.savedQueries` setting at user and workspace level, and last run
// times in globalState. Reads again whenever the setting changes (settings editor, another window, git pull);
// every write re-reads the array, changes the one targeted element and writes it back to the same target.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { errorText, isRecord } from '../shared/guards';
import type { KpiQuerySpec } from '../shared/query';
import { SettingsArray, SettingsWriteError, availableScopes, locateOrThrow } from '../config/settingsArray';
import { nameKey } from '../shared/settingsEntries';
import { readScopeQueries, takenNames, toSettingsEntry, validateNewQueryName } from './model';
import type { SavedQueryItem, SavedQueryScope, ScopeQueries, UsableSavedQuery } from './model';

const { workspace } = vscode;

const LAST_RUN_KEY = 'braze.savedQueries.lastRun';

export class SavedQueryStore implements vscode.Disposable {
	readonly #changed = new vscode.EventEmitter<void>();
	/** Fires when the saved queries or their last run times may have changed. */
	readonly onDidChange = this.#changed.event;
	readonly #memento: vscode.Memento;
	readonly #subscriptions: vscode.Disposable[];
	#cache: readonly ScopeQueries[] | undefined;
	readonly #setting = new SettingsArray('braze.savedQueries');

	constructor(memento: vscode.Memento) {
		this.#memento = memento;
		this.#subscriptions = [this.#setting.onDidChange(() => this.refresh())];
	}

	/** The scopes that can hold queries now: the workspace only when one is open and trusted (a restricted workspace's settings may not name endpoints). */
	availableScopes(): SavedQueryScope[] {
		return availableScopes();
	}

	/** Each available scope as read from the settings (cached until the setting changes). */
	read(): readonly ScopeQueries[] {
		this.#cache ??= this.availableScopes().map((scope) => readScopeQueries(scope, this.#setting.raw(scope), l10n));
		return this.#cache;
	}

	/** One scope as read; empty when it is not available. */
	readScope(scope: SavedQueryScope): ScopeQueries {
		return this.read().find((s) => s.scope === scope) ?? { scope, items: [], problem: null };
	}

	/** The scopes that hold an entry, usable or not: the tree's groups (with none, the welcome view shows). */
	nonEmptyScopes(): readonly ScopeQueries[] {
		return this.read().filter((s) => s.items.length > 0 || s.problem !== null);
	}

	/** The usable query named `name` in `scope`. */
	find(scope: SavedQueryScope, name: string): UsableSavedQuery | undefined {
		const key = nameKey(name);
		return this.readScope(scope).items.find((item): item is UsableSavedQuery => item.kind === 'query' && nameKey(item.name) === key);
	}

	/** Forgets what was read and tells the views. */
	refresh(): void {
		this.#cache = undefined;
		this.#changed.fire();
	}

	/** Appends a query to `scope`, or inserts it right after `afterIndex`. */
	add(scope: SavedQueryScope, name: string, spec: KpiQuerySpec, afterIndex?: number): Promise<void> {
		return this.#mutate(scope, (current) => {
			assertNameFree(scope, current, name, -1);
			current.splice(afterIndex === undefined ? current.length : afterIndex + 1, 0, toSettingsEntry(name, spec));
		});
	}

	/** Replaces the element read as `item` with `name` and `spec`, keeping its unknown keys and every other element. */
	async update(item: SavedQueryItem, name: string, spec: KpiQuerySpec): Promise<void> {
		await this.#mutate(item.scope, (current) => {
			const index = locate(current, item);
			assertNameFree(item.scope, current, name, index);
			current[index] = toSettingsEntry(name, spec, current[index]);
		});
		await this.#moveLastRun(item, name);
	}

	/** Removes the element read as `item` (usable or broken) and nothing else. */
	async remove(item: SavedQueryItem): Promise<void> {
		await this.#mutate(item.scope, (current) => {
			current.splice(locate(current, item), 1);
		});
		await this.#moveLastRun(item);
	}

	/** ISO-8601 instant of the last successful run of the query, if any. */
	lastRun(scope: SavedQueryScope, name: string): string | undefined {
		const at: unknown = this.#lastRuns()[lastRunKey(scope, name)];
		return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : undefined;
	}

	async recordRun(scope: SavedQueryScope, name: string, at: string): Promise<void> {
		await this.#memento.update(LAST_RUN_KEY, { ...this.#lastRuns(), [lastRunKey(scope, name)]: at });
		this.#changed.fire();
	}

	dispose(): void {
		for (const d of this.#subscriptions.splice(0)) d.dispose();
		this.#changed.dispose();
	}

	async #mutate(scope: SavedQueryScope, edit: (current: unknown[]) => void): Promise<void> {
		await this.#setting.mutate(scope, edit);
		this.refresh();
	}

	#lastRuns(): Record<string, string> {
		const stored = this.#memento.get<unknown>(LAST_RUN_KEY);
		return isRecord(stored) ? (stored as Record<string, string>) : {};
	}

	/** Moves the last run of the element read as `item` to its new name, or forgets it when there is no new name (a delete). */
	async #moveLastRun(item: SavedQueryItem, newName?: string): Promise<void> {
		if (item.name === null || item.name === newName) return;
		const runs = { ...this.#lastRuns() };
		const key = lastRunKey(item.scope, item.name);
		const at = runs[key];
		if (at === undefined) return;
		delete runs[key];
		if (newName !== undefined) runs[lastRunKey(item.scope, newName)] = at;
		await this.#memento.update(LAST_RUN_KEY, runs);
	}
}

function locate(current: readonly unknown[], item: SavedQueryItem): number {
	return locateOrThrow(current, item.index, item.raw);
}

function assertNameFree(scope: SavedQueryScope, current: readonly unknown[], name: string, exceptIndex: number): void {
	const others = readScopeQueries(scope, current.filter((_, i) => i !== exceptIndex), l10n);
	const problem = validateNewQueryName(name, takenNames(others), l10n);
	if (problem !== undefined) throw new SettingsWriteError('badName', l10n.t('Cannot save the query "{0}": {1}.', name.trim(), problem));
}

// A workspace query's record names its workspace: globalState is shared by every window.
function lastRunKey(scope: SavedQueryScope, name: string): string {
	const where = scope === 'user' ? '' : (workspace.workspaceFile ?? workspace.workspaceFolders?.[0]?.uri)?.toString() ?? '';
	return JSON.stringify([scope, where, nameKey(name)]);
}

/** The message for a failed store operation: the store's own refusals as they are, anything else (a settings file with syntax errors…) wrapped. */
export function describeStoreFailure(error: unknown): string {
	if (error instanceof SettingsWriteError) return error.message;
	return l10n.t('Could not update the saved queries: {0}', errorText(error));
}
