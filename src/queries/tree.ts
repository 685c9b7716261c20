// The "Saved Queries" tree: a view over the store, one group per settings scope, broken entries shown with
// what is wrong. It owns no state of its own.
import * as vscode from 'vscode';
import { metricShortName } from '../panel/chartPanel';
import { describeQuery, describeRange } from './model';
import type { BrokenSavedQuery, SavedQueryItem, SavedQueryScope, UsableSavedQuery } from './model';
import { scopeSettingsName } from './store';
import type { SavedQueryStore } from './store';

export const SAVED_QUERIES_VIEW_ID = 'braze.savedQueries';

/** A scope heading. */
export interface SavedQueryGroupNode {
	readonly kind: 'group';
	readonly scope: SavedQueryScope;
}

/** A scope whose setting is not a list at all. */
export interface ScopeProblemNode {
	readonly kind: 'scopeProblem';
	readonly scope: SavedQueryScope;
	readonly problem: string;
}

export type SavedQueryNode = SavedQueryGroupNode | ScopeProblemNode | SavedQueryItem;

/** `contextValue`s, matched by the menus in the manifest. */
export const CONTEXT_VALUES = {
	group: 'savedQueryGroup',
	query: 'savedQuery',
	broken: 'savedQueryBroken',
	scopeProblem: 'savedQueryScopeBroken',
} as const;

export class SavedQueriesTree implements vscode.TreeDataProvider<SavedQueryNode> {
	readonly onDidChangeTreeData: vscode.Event<void>;

	constructor(private readonly store: SavedQueryStore) {
		this.onDidChangeTreeData = store.onDidChange;
	}

	getChildren(node?: SavedQueryNode): SavedQueryNode[] {
		if (node === undefined) {
			// No groups at all when nothing is saved, so that the welcome content shows.
			return this.store
				.read()
				.filter((scope) => scope.items.length > 0 || scope.problem !== null)
				.map((scope): SavedQueryGroupNode => ({ kind: 'group', scope: scope.scope }));
		}
		if (node.kind !== 'group') return [];
		const scope = this.store.readScope(node.scope);
		return scope.problem !== null ? [{ kind: 'scopeProblem', scope: node.scope, problem: scope.problem }] : [...scope.items];
	}

	getTreeItem(node: SavedQueryNode): vscode.TreeItem {
		switch (node.kind) {
			case 'group':
				return groupItem(node.scope);
			case 'scopeProblem':
				return scopeProblemItem(node);
			case 'query':
				return this.queryItem(node);
			case 'broken':
				return brokenItem(node);
		}
	}

	private queryItem(query: UsableSavedQuery): vscode.TreeItem {
		const item = new vscode.TreeItem(query.name, vscode.TreeItemCollapsibleState.None);
		item.id = `${query.scope}:${query.index}`;
		item.description = describeQuery(query.spec, metricShortName(query.spec.metric), vscode.l10n);
		item.tooltip = this.queryTooltip(query);
		item.iconPath = new vscode.ThemeIcon('graph-line');
		item.contextValue = CONTEXT_VALUES.query;
		item.command = { command: 'braze.savedQueries.run', title: vscode.l10n.t('Run'), arguments: [query] };
		return item;
	}

	private queryTooltip(query: UsableSavedQuery): string {
		const { spec } = query;
		const end = spec.end.kind === 'date'
			? vscode.l10n.t('Ends: {0} (a fixed date)', spec.end.date)
			: vscode.l10n.t('Ends: {0}, moving with the calendar', describeRange(1, spec.end, vscode.l10n));
		const lastRun = this.store.lastRun(query.scope, query.name);
		return [
			query.name,
			vscode.l10n.t('Metric: {0} ({1})', metricShortName(spec.metric), spec.metric),
			vscode.l10n.t('Days: {0}', spec.length),
			end,
			vscode.l10n.t('App: {0}', spec.appId ?? vscode.l10n.t('all apps')),
			vscode.l10n.t('Instance: {0}', spec.endpoint ?? vscode.l10n.t('the braze.restEndpoint setting')),
			vscode.l10n.t('Saved in: {0}', scopeSettingsName(query.scope)),
			lastRun === undefined ? vscode.l10n.t('Last run: never') : vscode.l10n.t('Last run: {0}', formatInstant(lastRun)),
		].join('\n');
	}
}

function groupItem(scope: SavedQueryScope): vscode.TreeItem {
	const item = new vscode.TreeItem(scope === 'user' ? vscode.l10n.t('User') : vscode.l10n.t('Workspace'), vscode.TreeItemCollapsibleState.Expanded);
	item.id = `group:${scope}`;
	item.iconPath = new vscode.ThemeIcon(scope === 'user' ? 'account' : 'root-folder');
	item.tooltip = scope === 'user'
		? vscode.l10n.t('Saved in your user settings: available in every window.')
		: vscode.l10n.t('Saved in this workspace\'s settings (.vscode/settings.json): shared with everyone who opens it. No API key is stored there.');
	item.contextValue = CONTEXT_VALUES.group;
	return item;
}

function brokenItem(broken: BrokenSavedQuery): vscode.TreeItem {
	const item = new vscode.TreeItem(broken.name ?? vscode.l10n.t('Entry {0}', broken.index + 1), vscode.TreeItemCollapsibleState.None);
	item.id = `${broken.scope}:${broken.index}`;
	item.description = broken.problem;
	item.tooltip = [
		vscode.l10n.t('This saved query cannot run: {0}.', broken.problem),
		vscode.l10n.t('Entry {0} of braze.savedQueries in the {1}:', broken.index + 1, scopeSettingsName(broken.scope)),
		JSON.stringify(broken.raw, null, 2) ?? String(broken.raw),
	].join('\n');
	item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
	item.contextValue = CONTEXT_VALUES.broken;
	item.command = { command: 'braze.savedQueries.openSettings', title: vscode.l10n.t('Open Settings'), arguments: [broken] };
	return item;
}

function scopeProblemItem(node: ScopeProblemNode): vscode.TreeItem {
	const item = new vscode.TreeItem(vscode.l10n.t('Saved queries cannot be read'), vscode.TreeItemCollapsibleState.None);
	item.id = `problem:${node.scope}`;
	item.description = node.problem;
	item.tooltip = vscode.l10n.t('{0}. Fix braze.savedQueries in the {1}; it is left untouched until then.', node.problem, scopeSettingsName(node.scope));
	item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
	item.contextValue = CONTEXT_VALUES.scopeProblem;
	item.command = { command: 'braze.savedQueries.openSettings', title: vscode.l10n.t('Open Settings'), arguments: [node] };
	return item;
}

function formatInstant(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	try {
		return date.toLocaleString(vscode.env.language);
	} catch {
		return date.toLocaleString();
	}
}
