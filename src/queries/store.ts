// Persistence of saved queries: the `braze.savedQueries` setting at user and workspace level, and last run
// times in globalState. Reads again whenever the setting changes (settings editor, another window, git pull);
// every write re-reads the array, changes the one targeted element and writes it back to the same target.
import * as vscode from 'vscode';
import type { KpiQuerySpec } from '../shared/query';
import { locateEntry, queryNameKey, readScopeQueries, takenNames, toSettingsEntry, validateNewQueryName } from './model';
import type { SavedQueryItem, SavedQueryScope, ScopeQueries, UsableSavedQuery } from './model';

const SECTION = 'braze';
const KEY = 'savedQueries';
const LAST_RUN_KEY = 'braze.savedQueries.lastRun';

/** Why a write was refused; `message` is localized and says what to do. */
export type SavedQueryWriteFailure = 'changed' | 'badName' | 'notAList' | 'noWorkspace';

export class SavedQueryWriteError extends Error {
	override readonly name = 'SavedQueryWriteError';

	constructor(readonly reason: SavedQueryWriteFailure, message: string) {
		super(message);
	}
}

export class SavedQueryStore implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	/** Fires when the saved queries or their last run times may have changed. */
	readonly onDidChange = this.changed.event;
	private cache: readonly ScopeQueries[] | undefined;
	// Writes run one after another, so that each one reads what the previous one wrote.
	private writing: Promise<void> = Promise.resolve();
	private readonly subscriptions: vscode.Disposable[];

	constructor(private readonly memento: vscode.Memento) {
		this.subscriptions = [
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(`${SECTION}.${KEY}`)) this.refresh();
			}),
			vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
			vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
		];
	}

	/** The scopes that can hold queries now: the workspace only when one is open and trusted (a restricted workspace's settings may not name endpoints). */
	availableScopes(): SavedQueryScope[] {
		return vscode.workspace.workspaceFolders?.length && vscode.workspace.isTrusted ? ['user', 'workspace'] : ['user'];
	}

	/** Each available scope as read from the settings (cached until the setting changes). */
	read(): readonly ScopeQueries[] {
		this.cache ??= this.availableScopes().map((scope) => readScopeQueries(scope, rawValue(scope), vscode.l10n));
		return this.cache;
	}

	/** One scope as read; empty when it is not available. */
	readScope(scope: SavedQueryScope): ScopeQueries {
		return this.read().find((s) => s.scope === scope) ?? { scope, items: [], problem: null };
	}

	/** True when any scope holds an entry, usable or not (drives the welcome view). */
	hasAny(): boolean {
		return this.read().some((s) => s.items.length > 0 || s.problem !== null);
	}

	/** The usable query named `name` in `scope`. */
	find(scope: SavedQueryScope, name: string): UsableSavedQuery | undefined {
		const key = queryNameKey(name);
		return this.readScope(scope).items.find((item): item is UsableSavedQuery => item.kind === 'query' && queryNameKey(item.name) === key);
	}

	/** Forgets what was read and tells the views. */
	refresh(): void {
		this.cache = undefined;
		this.changed.fire();
	}

	/** Appends a query to `scope`, or inserts it right after `afterIndex`. */
	add(scope: SavedQueryScope, name: string, spec: KpiQuerySpec, afterIndex?: number): Promise<void> {
		return this.mutate(scope, (current) => {
			assertNameFree(scope, current, name, -1);
			const at = afterIndex === undefined ? current.length : Math.min(afterIndex + 1, current.length);
			current.splice(at, 0, toSettingsEntry(name, spec));
		});
	}

	/** Replaces the element read as `item` with `name` and `spec`, keeping its unknown keys and every other element. */
	update(item: SavedQueryItem, name: string, spec: KpiQuerySpec): Promise<void> {
		return this.mutate(item.scope, (current) => {
			const index = locate(current, item);
			assertNameFree(item.scope, current, name, index);
			current[index] = toSettingsEntry(name, spec, current[index]);
		}).then(() => (item.name !== null && queryNameKey(item.name) !== queryNameKey(name) ? this.moveLastRun(item.scope, item.name, name) : undefined));
	}

	/** Removes the element read as `item` (usable or broken) and nothing else. */
	remove(item: SavedQueryItem): Promise<void> {
		return this.mutate(item.scope, (current) => {
			current.splice(locate(current, item), 1);
		}).then(() => (item.name !== null ? this.setLastRun(item.scope, item.name, undefined) : undefined));
	}

	/** ISO-8601 instant of the last successful run of the query, if any. */
	lastRun(scope: SavedQueryScope, name: string): string | undefined {
		const at: unknown = this.lastRuns()[lastRunKey(scope, name)];
		return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : undefined;
	}

	async recordRun(scope: SavedQueryScope, name: string, at: string): Promise<void> {
		await this.setLastRun(scope, name, at);
		this.changed.fire();
	}

	dispose(): void {
		for (const d of this.subscriptions.splice(0)) d.dispose();
		this.changed.dispose();
	}

	private mutate(scope: SavedQueryScope, edit: (current: unknown[]) => void): Promise<void> {
		const write = async (): Promise<void> => {
			if (!this.availableScopes().includes(scope)) {
				throw new SavedQueryWriteError('noWorkspace', vscode.l10n.t('Open and trust a folder or workspace to save queries in its settings.'));
			}
			const value = rawValue(scope);
			if (value !== undefined && value !== null && !Array.isArray(value)) {
				throw new SavedQueryWriteError('notAList', vscode.l10n.t('braze.savedQueries in the {0} is not a list: fix it by hand first, it was left untouched.', scopeSettingsName(scope)));
			}
			const current = Array.isArray(value) ? [...(value as readonly unknown[])] : [];
			edit(current);
			await vscode.workspace.getConfiguration(SECTION).update(KEY, current, configurationTarget(scope));
			this.refresh();
		};
		const result = this.writing.then(write, write);
		this.writing = result.catch(() => undefined);
		return result;
	}

	private lastRuns(): Record<string, string> {
		const stored = this.memento.get<unknown>(LAST_RUN_KEY);
		return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, string>) : {};
	}

	private async setLastRun(scope: SavedQueryScope, name: string, at: string | undefined): Promise<void> {
		const runs = { ...this.lastRuns() };
		const key = lastRunKey(scope, name);
		if (at === undefined) {
			if (!(key in runs)) return;
			delete runs[key];
		} else {
			runs[key] = at;
		}
		await this.memento.update(LAST_RUN_KEY, runs);
	}

	private async moveLastRun(scope: SavedQueryScope, from: string, to: string): Promise<void> {
		const at = this.lastRun(scope, from);
		await this.setLastRun(scope, from, undefined);
		if (at !== undefined) await this.setLastRun(scope, to, at);
	}
}

/** "user settings" / "workspace settings", for messages. */
export function scopeSettingsName(scope: SavedQueryScope): string {
	return scope === 'user' ? vscode.l10n.t('user settings') : vscode.l10n.t('workspace settings');
}

function rawValue(scope: SavedQueryScope): unknown {
	const inspected = vscode.workspace.getConfiguration(SECTION).inspect<unknown>(KEY);
	return scope === 'user' ? inspected?.globalValue : inspected?.workspaceValue;
}

function configurationTarget(scope: SavedQueryScope): vscode.ConfigurationTarget {
	return scope === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
}

function locate(current: readonly unknown[], item: SavedQueryItem): number {
	const index = locateEntry(current, item.index, item.raw);
	if (index < 0) {
		throw new SavedQueryWriteError('changed', vscode.l10n.t('This saved query was changed elsewhere in the meantime (settings editor or another window). Look at it again and retry.'));
	}
	return index;
}

function assertNameFree(scope: SavedQueryScope, current: readonly unknown[], name: string, exceptIndex: number): void {
	const others = readScopeQueries(scope, current.filter((_, i) => i !== exceptIndex), vscode.l10n);
	const problem = validateNewQueryName(name, takenNames(others), vscode.l10n);
	if (problem !== undefined) throw new SavedQueryWriteError('badName', vscode.l10n.t('Cannot save the query "{0}": {1}.', name.trim(), problem));
}

// A workspace query's record names its workspace: globalState is shared by every window.
function lastRunKey(scope: SavedQueryScope, name: string): string {
	const folders = vscode.workspace.workspaceFolders;
	const workspace = scope === 'user' ? '' : (vscode.workspace.workspaceFile ?? folders?.[0]?.uri)?.toString() ?? '';
	return JSON.stringify([scope, workspace, queryNameKey(name)]);
}

/** The message for a failed store operation: the store's own refusals as they are, anything else (a settings file with syntax errors…) wrapped. */
export function describeStoreFailure(error: unknown): string {
	if (error instanceof SavedQueryWriteError) return error.message;
	return vscode.l10n.t('Could not update the saved queries: {0}', error instanceof Error ? error.message : String(error));
}
