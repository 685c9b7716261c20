// The saved queries' commands: the "Saved Queries" view's title and item actions, and Save Query (from the palette
// or a chart panel); the view itself is built at activation (src/queries/savedQueriesView.ts). Item commands take a tree node, or
// `{scope, name}` so that tests and other commands can drive them without UI.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { metricShortName } from '../panel/chartPanel';
import { checkSavedQueryEntry, suggestQueryName, takenNames, uniqueQueryName, validateNewQueryName } from '../queries/model';
import type { SavedQueryItem, SavedQueryScope, UsableSavedQuery } from '../queries/model';
import type { QueryRunner } from '../queries/runner';
import { describeStoreFailure } from '../queries/store';
import type { SavedQueryStore } from '../queries/store';
import { scopeSettingsName } from '../config/settingsArray';
import { entryLabel, scopeHeading } from '../queries/tree';
import type { KpiQuerySpec } from '../shared/query';
import { activeResultOrExplain, exportResultToJson, showError, targetUri } from './exportCommands';
import { isRecord } from '../shared/guards';

const { window, commands } = vscode;

/** Registers the saved queries' commands; `selected` is the view's selection (F2 and Delete pass no argument). */
export function registerSavedQueryCommands(context: vscode.ExtensionContext, store: SavedQueryStore, runner: QueryRunner, selected: () => unknown): void {
	for (const [id, handler] of Object.entries(savedQueryCommands(store, runner, selected))) context.subscriptions.push(commands.registerCommand(id, handler));
}

/**
 * Asks where to save `spec` (only when a workspace is open) and under which name, then saves it.
 * Resolves to the saved name, or undefined when the user cancelled or the save failed (the error was shown).
 */
export async function saveQueryInteractive(store: SavedQueryStore, spec: KpiQuerySpec, scope?: SavedQueryScope, fetchedAt?: string, appNames?: Readonly<Record<string, string>>): Promise<string | undefined> {
	const title = l10n.t('Save Query');
	// User or workspace settings; no question when no workspace is open.
	const scopes = store.availableScopes();
	const target = scope ?? (scopes.length === 1 ? scopes[0] : (await window.showQuickPick(
		scopes.map((s) => ({ ...scopeHeading(s), scope: s })),
		{ title, placeHolder: l10n.t('Where should the query be saved?'), ignoreFocusOut: true },
	))?.scope);
	if (target === undefined) return undefined;
	const where = scopeSettingsName(target);
	const taken = takenNames(store.readScope(target));
	// The apps as the chart names them (braze.apps), identifiers otherwise.
	const suggested = uniqueQueryName(suggestQueryName(spec, metricShortName(spec.metric), l10n, (id) => appNames?.[id] ?? id), taken);
	const name = await askName(title, l10n.t('A name for this query, unique in the {0}', where), taken, suggested);
	if (name === undefined) return undefined;
	const saved = await write(store.add(target, name, spec), name.trim());
	if (saved === undefined) return undefined;
	// Saved from a chart that has just run: that run is its last run.
	if (fetchedAt !== undefined) await store.recordRun(target, saved, fetchedAt);
	void window.showInformationMessage(l10n.t('Saved the query "{0}" in the {1}.', saved, where));
	return saved;
}

/** An input box for a name that is free among `taken` (`current`, the name being changed, may stay as it is). */
function askName(title: string, prompt: string, taken: readonly string[], value: string, current?: string): Thenable<string | undefined> {
	return window.showInputBox({ title, prompt, value, validateInput: (input) => validateNewQueryName(input, taken, l10n, current), ignoreFocusOut: true });
}

/**
 * The command handlers by id. Each takes a tree node, `{scope, name, …}` from code, or nothing (then it asks), and
 * resolves to what it made (a name, a result, a file, true), or undefined when it did nothing.
 */
function savedQueryCommands(store: SavedQueryStore, runner: QueryRunner, selected: () => unknown): Record<string, (arg?: unknown) => unknown> {
	/** A tree node (read again, in case the tree is behind the settings), `{scope, name}`, the selected item, or a pick among the saved queries. */
	const resolve = async (given: unknown): Promise<UsableSavedQuery | undefined> => {
		const arg = given ?? selected();
		const scope = scopeOf(arg);
		if (scope === undefined || !isRecord(arg) || typeof arg.name !== 'string') return pick();
		const found = store.find(scope, arg.name);
		if (found === undefined) showError(l10n.t('There is no usable saved query named "{0}" in the {1}.', arg.name, scopeSettingsName(scope)));
		return found;
	};

	const pick = async (): Promise<UsableSavedQuery | undefined> => {
		const queries = store.read().flatMap((scope) => scope.items.filter((item): item is UsableSavedQuery => item.kind === 'query'));
		if (queries.length === 0) {
			void window.showInformationMessage(l10n.t('There are no saved queries yet.'));
			return undefined;
		}
		const picked = await window.showQuickPick(
			queries.map((query) => ({ label: query.name, description: scopeSettingsName(query.scope), query })),
			{ title: l10n.t('Saved Queries'), placeHolder: l10n.t('Choose a saved query') },
		);
		return picked?.query;
	};

	/** A handler of one saved query: resolves it from the argument (whose own fields come as `fields`); without one, does nothing. */
	const onQuery = <T>(act: (query: UsableSavedQuery, fields: Partial<Record<string, unknown>>) => Promise<T | undefined>) =>
		async (arg: unknown): Promise<T | undefined> => {
			const query = await resolve(arg);
			return query && act(query, isRecord(arg) ? arg : {});
		};

	/** Runs the query into its chart panel and records when. */
	const run = onQuery(async (query) => {
		const result = await runner.run(query.spec, query.name, query.scope);
		if (result !== undefined) await store.recordRun(query.scope, query.name, result.fetchedAt);
		return result;
	});

	return {
		/** `{scope, entry}` saves a settings-shaped entry without UI; otherwise the query input, then where and under which name. */
		'braze.savedQueries.add': async (arg: unknown): Promise<string | undefined> => {
			const scope = scopeOf(arg);
			if (isRecord(arg) && arg.entry !== undefined) {
				const entry = checkEntry(arg.entry);
				return entry && write(store.add(scope ?? 'user', entry.name, entry.spec), entry.name);
			}
			const spec = await runner.promptForQuery(undefined, undefined, l10n.t('Braze: Add Query'));
			return spec && saveQueryInteractive(store, spec, scope);
		},

		'braze.savedQueries.refresh': () => store.refresh(),

		'braze.savedQueries.run': run,

		/**
		 * The query input pre-filled with the query; `{scope, name, entry}` replaces it without UI. A name that was the
		 * suggested one follows the new query's suggestion; a name the user typed stays.
		 */
		'braze.savedQueries.edit': onQuery(async (query, { entry }) => {
			const spec = entry !== undefined
				? checkEntry(isRecord(entry) ? { ...entry, name: query.name } : entry)?.spec
				: await runner.promptForQuery(query.spec, undefined, l10n.t('Braze: Edit Query "{0}"', query.name));
			if (!spec) return undefined;
			const others = takenNames(store.readScope(query.scope)).filter((n) => n !== query.name);
			const name = isSuggestedName(query.name, query.spec, others) ? uniqueQueryName(suggestQueryName(spec, metricShortName(spec.metric), l10n), others) : query.name;
			return write(store.update(query, name, spec), true);
		}),

		/** Asks for a new name, unique in the query's scope; `{scope, name, newName}` skips the question. */
		'braze.savedQueries.rename': onQuery(async (query, { newName: given }) => {
			const { name, scope } = query;
			const newName = typeof given === 'string'
				? given
				: await askName(l10n.t('Braze: Rename Query "{0}"', name), l10n.t('A new name for "{0}", unique in the {1}', name, scopeSettingsName(scope)), takenNames(store.readScope(scope)), name, name);
			if (newName === undefined || newName.trim() === name) return undefined;
			return write(store.update(query, newName, query.spec), newName.trim());
		}),

		/** A copy right below the original, named "<name> (copy)". */
		'braze.savedQueries.duplicate': onQuery((query) => {
			const name = uniqueQueryName(l10n.t('{0} (copy)', query.name), takenNames(store.readScope(query.scope)));
			return write(store.add(query.scope, name, query.spec, query.index), name);
		}),

		/** Runs the query, then exports what it fetched; `{scope, name, uri}` skips the save dialog. */
		'braze.savedQueries.exportJson': async (arg: unknown): Promise<vscode.Uri | undefined> => {
			const target = targetUri(arg);
			if (target === null) return undefined;
			const result = await run(arg);
			return result && exportResultToJson(result, runner.extensionVersion, target);
		},

		/** Deletes after a modal confirmation; `{scope, name, confirmed: true}` skips it. Broken entries can be deleted too. */
		'braze.savedQueries.delete': async (given: unknown): Promise<true | undefined> => {
			const arg = given ?? selected();
			const item = isSavedQueryItem(arg) ? arg : await resolve(arg);
			if (item === undefined) return undefined;
			if (!(isRecord(arg) && arg.confirmed === true)) {
				const remove = l10n.t('Delete');
				const choice = await window.showWarningMessage(
					l10n.t('Delete the saved query "{0}"?', item.name ?? entryLabel(item)),
					{ modal: true, detail: l10n.t('It will be removed from the {0}.', scopeSettingsName(item.scope)) },
					remove,
				);
				if (choice !== remove) return undefined;
			}
			return write(store.remove(item), true);
		},

		/** Opens the settings file that holds a node's entry, to fix it by hand. */
		'braze.savedQueries.openSettings': (arg: unknown) =>
			commands.executeCommand(scopeOf(arg) === 'workspace' ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson'),

		/** Save Query for the active chart panel, from the palette. */
		'braze.saveQuery': (): Promise<string | undefined> | undefined => {
			const result = activeResultOrExplain(runner);
			return result && saveQueryInteractive(store, result.query, undefined, result.fetchedAt, result.appNames);
		},
	};
}

/** A settings-shaped entry passed by code, checked like a hand-edited one; a bad one is shown and yields undefined. */
function checkEntry(entry: unknown): { readonly name: string; readonly spec: KpiQuerySpec } | undefined {
	const checked = checkSavedQueryEntry(entry, l10n);
	return checked.kind === 'query' ? checked : showError(l10n.t('Braze: the query passed to the command is not valid. {0}', checked.problem));
}

/** Awaits a store write; a refusal or failure is shown and yields undefined. */
async function write<T>(operation: Promise<void>, value: T): Promise<T | undefined> {
	try {
		await operation;
		return value;
	} catch (error) {
		return showError(describeStoreFailure(error));
	}
}

/** True when `name` is what saving `spec` would have suggested (the user did not type it). */
function isSuggestedName(name: string, spec: KpiQuerySpec, taken: readonly string[]): boolean {
	return name === uniqueQueryName(suggestQueryName(spec, metricShortName(spec.metric), l10n), taken) || name === suggestQueryName(spec, metricShortName(spec.metric), l10n);
}

function scopeOf(arg: unknown): SavedQueryScope | undefined {
	return isRecord(arg) && (arg.scope === 'user' || arg.scope === 'workspace') ? arg.scope : undefined;
}

function isSavedQueryItem(value: unknown): value is SavedQueryItem {
	return isRecord(value) && (value.kind === 'query' || value.kind === 'broken') && scopeOf(value) !== undefined && typeof value.index === 'number';
}
