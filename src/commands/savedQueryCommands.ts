// The saved queries feature as the extension wires it: the store, the "Saved Queries" tree view, its title and
// item actions, and Save Query (from the palette or a chart panel). Item commands take a tree node, or
// `{scope, name}` so that tests and other commands can drive them without UI.
import * as vscode from 'vscode';
import { metricShortName } from '../panel/chartPanel';
import { checkSavedQueryEntry, suggestQueryName, takenNames, uniqueQueryName, validateNewQueryName } from '../queries/model';
import type { SavedQueryItem, SavedQueryScope, UsableSavedQuery } from '../queries/model';
import type { QueryRunner } from '../queries/runner';
import { SavedQueryStore, describeStoreFailure, scopeSettingsName } from '../queries/store';
import { SAVED_QUERIES_VIEW_ID, SavedQueriesTree } from '../queries/tree';
import type { PanelResult } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';
import { exportResultToJson, targetUri } from './exportCommands';
import { isRecord } from '../shared/guards';

/** Everything it creates is owned by `context.subscriptions`. The store is returned for the panel's "Save Query". */
export function registerSavedQueries(context: vscode.ExtensionContext, runner: QueryRunner): SavedQueryStore {
	const store = new SavedQueryStore(context.globalState);
	const view = vscode.window.createTreeView(SAVED_QUERIES_VIEW_ID, { treeDataProvider: new SavedQueriesTree(store) });
	// Drives the welcome content, which shows only when there is nothing to list.
	const updateContext = () => void vscode.commands.executeCommand('setContext', 'braze.hasSavedQueries', store.hasAny());
	updateContext();
	context.subscriptions.push(store, view, store.onDidChange(updateContext));
	registerSavedQueryCommands(context, store, runner);
	return store;
}

function registerSavedQueryCommands(context: vscode.ExtensionContext, store: SavedQueryStore, runner: QueryRunner): void {
	const commands = new SavedQueryCommands(store, runner);
	const register = (id: string, handler: (arg?: unknown) => unknown) => vscode.commands.registerCommand(id, handler);
	context.subscriptions.push(
		register('braze.savedQueries.add', (arg) => commands.add(arg)),
		register('braze.savedQueries.refresh', () => store.refresh()),
		register('braze.savedQueries.run', (arg) => commands.run(arg)),
		register('braze.savedQueries.edit', (arg) => commands.edit(arg)),
		register('braze.savedQueries.rename', (arg) => commands.rename(arg)),
		register('braze.savedQueries.duplicate', (arg) => commands.duplicate(arg)),
		register('braze.savedQueries.exportJson', (arg) => commands.exportJson(arg)),
		register('braze.savedQueries.delete', (arg) => commands.delete(arg)),
		register('braze.savedQueries.openSettings', (arg) => commands.openSettings(arg)),
		register('braze.saveQuery', () => commands.saveActive()),
	);
}

/**
 * Asks where to save `spec` (only when a workspace is open) and under which name, then saves it.
 * Resolves to the saved name, or undefined when the user cancelled or the save failed (the error was shown).
 */
export async function saveQueryInteractive(store: SavedQueryStore, spec: KpiQuerySpec, scope?: SavedQueryScope): Promise<string | undefined> {
	const target = scope ?? (await pickScope(store));
	if (target === undefined) return undefined;
	const taken = takenNames(store.readScope(target));
	const name = await vscode.window.showInputBox({
		title: vscode.l10n.t('Save Query'),
		prompt: vscode.l10n.t('A name for this query, unique in the {0}', scopeSettingsName(target)),
		value: uniqueQueryName(suggestQueryName(spec, metricShortName(spec.metric), vscode.l10n), taken),
		validateInput: (value) => validateNewQueryName(value, taken, vscode.l10n),
		ignoreFocusOut: true,
	});
	if (name === undefined) return undefined;
	try {
		await store.add(target, name, spec);
	} catch (error) {
		void vscode.window.showErrorMessage(describeStoreFailure(error));
		return undefined;
	}
	void vscode.window.showInformationMessage(vscode.l10n.t('Saved the query "{0}" in the {1}.', name.trim(), scopeSettingsName(target)));
	return name.trim();
}

/** User or workspace settings; no question when no workspace is open. */
async function pickScope(store: SavedQueryStore): Promise<SavedQueryScope | undefined> {
	const scopes = store.availableScopes();
	if (scopes.length === 1) return scopes[0];
	const picks: Array<vscode.QuickPickItem & { scope: SavedQueryScope }> = [
		{ scope: 'user', label: vscode.l10n.t('User settings'), detail: vscode.l10n.t('Only you see it, in every window.') },
		{ scope: 'workspace', label: vscode.l10n.t('Workspace settings'), detail: vscode.l10n.t('Shared with your team through .vscode/settings.json. It holds no API key.') },
	];
	const picked = await vscode.window.showQuickPick(picks.filter((p) => scopes.includes(p.scope)), {
		title: vscode.l10n.t('Save Query'),
		placeHolder: vscode.l10n.t('Where should the query be saved?'),
		ignoreFocusOut: true,
	});
	return picked?.scope;
}

class SavedQueryCommands {
	constructor(private readonly store: SavedQueryStore, private readonly runner: QueryRunner) {}

	/** `{scope, entry}` saves a settings-shaped entry without UI; otherwise the query input, then where and under which name. */
	async add(arg: unknown): Promise<string | undefined> {
		const scope = isRecord(arg) && isScope(arg.scope) ? arg.scope : undefined;
		if (isRecord(arg) && arg.entry !== undefined) {
			const checked = checkSavedQueryEntry(arg.entry, vscode.l10n);
			if (!checked.ok) {
				showError(vscode.l10n.t('Cannot add the query: {0}.', checked.problem));
				return undefined;
			}
			const target = scope ?? 'user';
			return this.write(() => this.store.add(target, checked.name, checked.spec), checked.name);
		}
		const spec = await this.runner.promptForQuery();
		return spec === undefined ? undefined : saveQueryInteractive(this.store, spec, scope);
	}

	/** Runs the query into its chart panel and records when. */
	async run(arg: unknown): Promise<PanelResult | undefined> {
		const query = await this.resolve(arg);
		if (query === undefined) return undefined;
		const result = await this.runner.run(query.spec, query.name);
		if (result !== undefined) await this.store.recordRun(query.scope, query.name, result.fetchedAt);
		return result;
	}

	/** The query input pre-filled with the query; `{scope, name, entry}` replaces it without UI. Keeps the name. */
	async edit(arg: unknown): Promise<boolean> {
		const query = await this.resolve(arg);
		if (query === undefined) return false;
		let spec = query.spec;
		if (isRecord(arg) && arg.entry !== undefined) {
			const checked = checkSavedQueryEntry({ ...(isRecord(arg.entry) ? arg.entry : {}), name: query.name }, vscode.l10n);
			if (!checked.ok) {
				showError(vscode.l10n.t('Cannot change the query: {0}.', checked.problem));
				return false;
			}
			spec = checked.spec;
		} else {
			const edited = await this.runner.promptForQuery(query.spec);
			if (edited === undefined) return false;
			spec = edited;
		}
		return (await this.write(() => this.store.update(query, query.name, spec), true)) ?? false;
	}

	/** Asks for a new name, unique in the query's scope; `{scope, name, newName}` skips the question. */
	async rename(arg: unknown): Promise<string | undefined> {
		const query = await this.resolve(arg);
		if (query === undefined) return undefined;
		const taken = takenNames(this.store.readScope(query.scope));
		const newName = isRecord(arg) && typeof arg.newName === 'string' ? arg.newName : await vscode.window.showInputBox({
			title: vscode.l10n.t('Rename Query'),
			prompt: vscode.l10n.t('A new name for "{0}", unique in the {1}', query.name, scopeSettingsName(query.scope)),
			value: query.name,
			validateInput: (value) => validateNewQueryName(value, taken, vscode.l10n, query.name),
			ignoreFocusOut: true,
		});
		if (newName === undefined || newName.trim() === query.name) return undefined;
		return this.write(() => this.store.update(query, newName, query.spec), newName.trim());
	}

	/** A copy right below the original, named "<name> (copy)". */
	async duplicate(arg: unknown): Promise<string | undefined> {
		const query = await this.resolve(arg);
		if (query === undefined) return undefined;
		const name = uniqueQueryName(vscode.l10n.t('{0} (copy)', query.name), takenNames(this.store.readScope(query.scope)));
		return this.write(() => this.store.add(query.scope, name, query.spec, query.index), name);
	}

	/** Runs the query, then exports what it fetched; `{scope, name, uri}` skips the save dialog. */
	async exportJson(arg: unknown): Promise<vscode.Uri | undefined> {
		const result = await this.run(arg);
		return result === undefined ? undefined : exportResultToJson(result, this.runner.extensionVersion, targetUri(arg));
	}

	/** Deletes after a modal confirmation; `{scope, name, confirmed: true}` skips it. Broken entries can be deleted too. */
	async delete(arg: unknown): Promise<boolean> {
		const item = isSavedQueryItem(arg) ? arg : await this.resolve(arg);
		if (item === undefined) return false;
		if (!(isRecord(arg) && arg.confirmed === true)) {
			const label = item.name ?? vscode.l10n.t('Entry {0}', item.index + 1);
			const remove = vscode.l10n.t('Delete');
			const choice = await vscode.window.showWarningMessage(
				vscode.l10n.t('Delete the saved query "{0}"?', label),
				{ modal: true, detail: vscode.l10n.t('It will be removed from the {0}.', scopeSettingsName(item.scope)) },
				remove,
			);
			if (choice !== remove) return false;
		}
		return (await this.write(() => this.store.remove(item), true)) ?? false;
	}

	/** Opens the settings file that holds a node's entry, to fix it by hand. */
	async openSettings(arg: unknown): Promise<void> {
		const scope = isRecord(arg) && isScope(arg.scope) ? arg.scope : 'user';
		await vscode.commands.executeCommand(scope === 'user' ? 'workbench.action.openSettingsJson' : 'workbench.action.openWorkspaceSettingsFile');
	}

	/** Save Query for the active chart panel, from the palette. */
	async saveActive(): Promise<string | undefined> {
		const result = this.runner.activeResult();
		if (result === undefined) {
			void vscode.window.showInformationMessage(vscode.l10n.t('There is no chart to save yet. Open one with Braze: Show DAU first.'));
			return undefined;
		}
		return saveQueryInteractive(this.store, result.query);
	}

	/** A tree node (read again, in case the tree is behind the settings), `{scope, name}`, or a pick among the saved queries. */
	private async resolve(arg: unknown): Promise<UsableSavedQuery | undefined> {
		if (isRecord(arg) && isScope(arg.scope) && typeof arg.name === 'string') {
			const found = this.store.find(arg.scope, arg.name);
			if (found === undefined) showError(vscode.l10n.t('There is no usable saved query named "{0}" in the {1}.', arg.name, scopeSettingsName(arg.scope)));
			return found;
		}
		return this.pick();
	}

	private async pick(): Promise<UsableSavedQuery | undefined> {
		const queries = this.store.read().flatMap((scope) => scope.items.filter((item): item is UsableSavedQuery => item.kind === 'query'));
		if (queries.length === 0) {
			void vscode.window.showInformationMessage(vscode.l10n.t('There are no saved queries yet.'));
			return undefined;
		}
		const picked = await vscode.window.showQuickPick(
			queries.map((query) => ({ label: query.name, description: scopeSettingsName(query.scope), query })),
			{ title: vscode.l10n.t('Saved Queries'), placeHolder: vscode.l10n.t('Choose a saved query') },
		);
		return picked?.query;
	}

	/** Runs a store write; a refusal or failure is shown and yields undefined. */
	private async write<T>(operation: () => Promise<void>, value: T): Promise<T | undefined> {
		try {
			await operation();
			return value;
		} catch (error) {
			showError(describeStoreFailure(error));
			return undefined;
		}
	}
}

function showError(message: string): void {
	void vscode.window.showErrorMessage(message);
}

function isSavedQueryItem(value: unknown): value is SavedQueryItem {
	return isRecord(value) && (value.kind === 'query' || value.kind === 'broken') && isScope(value.scope) && typeof value.index === 'number';
}

function isScope(value: unknown): value is SavedQueryScope {
	return value === 'user' || value === 'workspace';
}
