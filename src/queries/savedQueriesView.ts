// The "Saved Queries" view as activation builds it: the store and its tree, and the context key that picks the
// welcome content. Its commands are registered on first use (src/commands/savedQueryCommands.ts).
import * as vscode from 'vscode';
import type { AppNames } from '../apps/appNames';
import { SavedQueryStore } from './store';
import { SAVED_QUERIES_VIEW_ID, savedQueriesTree } from './tree';
import type { SavedQueryNode } from './tree';

export interface SavedQueriesView {
	readonly store: SavedQueryStore;
	readonly view: vscode.TreeView<SavedQueryNode>;
	/** Sets the context key from the store now (activation calls it once its start-up work runs; changes call it too). */
	readonly updateContext: () => void;
}

/** Everything it creates is owned by `context.subscriptions`. */
export function createSavedQueriesView(context: vscode.ExtensionContext, activeConnectionName: () => string | undefined, onDidChangeConnections: vscode.Event<void>, apps?: AppNames): SavedQueriesView {
	const store = new SavedQueryStore(context.globalState);
	const treeSubscriptions: vscode.Disposable[] = [];
	const view = vscode.window.createTreeView(SAVED_QUERIES_VIEW_ID, { treeDataProvider: savedQueriesTree(store, activeConnectionName, onDidChangeConnections, treeSubscriptions, apps) });
	context.subscriptions.push(...treeSubscriptions);
	// Drives the welcome content, which shows only when there is nothing to list.
	const updateContext = () => void vscode.commands.executeCommand('setContext', 'braze.hasSavedQueries', store.nonEmptyScopes().length > 0);
	context.subscriptions.push(store, view, store.onDidChange(updateContext));
	return { store, view, updateContext };
}
