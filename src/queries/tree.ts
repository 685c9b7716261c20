// The "Saved Queries" tree: a view over the store, one group per settings scope, broken entries shown with
// what is wrong. It owns no state of its own.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { metricShortName } from '../panel/chartPanel';
import { describeQuery, describeRange } from './model';
import type { AppLabel, BrokenSavedQuery, SavedQueryItem, SavedQueryScope, UsableSavedQuery } from './model';
import type { AppNames } from '../apps/appNames';
import type { KpiQuerySpec } from '../shared/query';
import { scopeSettingsName } from '../config/settingsArray';
import type { SavedQueryStore } from './store';

const { ThemeIcon } = vscode;

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

/** The tree's data: it owns no state, and redraws whenever the store changes. */
/** The tree's data; `activeConnection` names the active connection, whose changes (`onDidChangeConnections`) redraw it. */
export function savedQueriesTree(store: SavedQueryStore, activeConnection: () => string | undefined, onDidChangeConnections: vscode.Event<void>, subscriptions: vscode.Disposable[], apps?: AppNames): vscode.TreeDataProvider<SavedQueryNode> {
	const changed = new vscode.EventEmitter<void>();
	subscriptions.push(changed, store.onDidChange(() => changed.fire()), onDidChangeConnections(() => changed.fire()));
	if (apps) subscriptions.push(apps.onDidChange(() => changed.fire()));
	// A query's apps by their names on the connection it runs on (the active one when it names none).
	const labelFor = (spec: KpiQuerySpec): AppLabel => {
		const directory = apps?.directory(spec.connection ?? activeConnection());
		return (id) => directory?.nameOf(id) ?? id;
	};
	return {
		onDidChangeTreeData: changed.event,

		getChildren(node?: SavedQueryNode): SavedQueryNode[] {
			if (node === undefined) {
				// No groups at all when nothing is saved, so that the welcome content shows.
				return store.nonEmptyScopes().map((s): SavedQueryGroupNode => ({ kind: 'group', scope: s.scope }));
			}
			if (node.kind !== 'group') return [];
			const { scope, items, problem } = store.readScope(node.scope);
			return problem !== null ? [{ kind: 'scopeProblem', scope, problem }] : [...items];
		},

		// The `contextValue`s are matched by the menus in the manifest.
		getTreeItem(node: SavedQueryNode): vscode.TreeItem {
			const { scope } = node;
			switch (node.kind) {
				case 'group': {
					const { label, detail } = scopeHeading(scope);
					return treeItem(label, {
						id: `group:${scope}`,
						collapsibleState: vscode.TreeItemCollapsibleState.Expanded,
						tooltip: detail,
						iconPath: new ThemeIcon(scope === 'user' ? 'account' : 'root-folder'),
						contextValue: 'savedQueryGroup',
					});
				}
				case 'scopeProblem':
					return problemItem(node, l10n.t('Saved queries cannot be read'), `problem:${scope}`, 'savedQueryScopeBroken', [
						l10n.t('{0} Fix braze.savedQueries in the {1}; it is left untouched until then.', node.problem, scopeSettingsName(scope)),
					]);
				case 'broken':
					return problemItem(node, node.name ?? entryLabel(node), `${scope}:${node.index}`, 'savedQueryBroken', [
						l10n.t('This saved query cannot run. {0}', node.problem),
						l10n.t('Entry {0} of braze.savedQueries in the {1}:', node.index + 1, scopeSettingsName(scope)),
						JSON.stringify(node.raw, null, 2) ?? String(node.raw),
					]);
				case 'query':
					return treeItem(node.name, {
						id: `${scope}:${node.index}`,
						description: describeQuery(node.spec, metricShortName(node.spec.metric), l10n, activeConnection(), labelFor(node.spec)),
						tooltip: queryTooltip(node, store.lastRun(scope, node.name), labelFor(node.spec)),
						// A ratio is not a count: its own icon tells it apart at a glance.
						iconPath: new ThemeIcon(node.spec.metric === 'stickiness' ? 'percentage' : 'graph-line'),
						contextValue: 'savedQuery',
						command: { command: 'braze.savedQueries.run', title: l10n.t('Run'), arguments: [node] },
					});
			}
		},
	};
}

function queryTooltip({ name, spec, scope }: UsableSavedQuery, lastRun: string | undefined, appLabel: AppLabel): string {
	// A named app shows its identifier too: the name is ours, the identifier is Braze's.
	const app = (id: string | null) => (id === null ? l10n.t('all apps') : appLabel(id) === id ? id : l10n.t('{0} ({1})', appLabel(id), id));
	return [
		name,
		l10n.t('Metric: {0} ({1})', metricShortName(spec.metric), spec.metric),
		...(spec.preset !== undefined
			? [l10n.t('Range: {0}, moving with the calendar', describeRange(spec.length, spec.end, l10n, spec.preset))]
			: [
					l10n.t('Days: {0}', spec.length),
					spec.end.kind === 'date' ? l10n.t('Ends: {0} (a fixed date)', spec.end.date) : l10n.t('Ends: {0}, moving with the calendar', describeRange(1, spec.end, l10n)),
				]),
		l10n.t('App: {0}', app(spec.appId)),
		...(spec.compare && spec.compare.apps.length > 0 ? [l10n.t('Compared with: {0}', spec.compare.apps.map(app).join(', '))] : []),
		...(spec.compare?.period === 'previous' ? [l10n.t('Overlay: the previous period')] : spec.compare?.period === 'year' ? [l10n.t('Overlay: the same period a year before')] : []),
		spec.connection !== undefined
			? l10n.t('Connection: {0}', spec.connection)
			: spec.endpoint !== undefined
				? l10n.t('Instance: {0}', spec.endpoint)
				: l10n.t('Connection: the active one'),
		l10n.t('Saved in: {0}', scopeSettingsName(scope)),
		lastRun === undefined ? l10n.t('Last run: never') : l10n.t('Last run: {0}', formatInstant(lastRun)),
	].join('\n');
}

/** A scope as a tree heading or a choice of where to save: "User" or "Workspace", with what saving there means. */
export function scopeHeading(scope: SavedQueryScope): { readonly label: string; readonly detail: string } {
	return scope === 'user'
		? { label: l10n.t('User'), detail: l10n.t('In your user settings, available in every window.') }
		: { label: l10n.t('Workspace'), detail: l10n.t('In .vscode/settings.json, shared with everyone who opens this workspace. It holds no API key.') };
}

/** "Entry 3": how an element without a usable name is called. */
export function entryLabel(item: SavedQueryItem): string {
	return l10n.t('Entry {0}', item.index + 1);
}

function treeItem(label: string, fields: Partial<vscode.TreeItem>): vscode.TreeItem {
	return Object.assign(new vscode.TreeItem(label), fields);
}

/** Something in the settings that cannot run: red, its problem beside the label, a click opens the settings file to fix it. */
function problemItem(node: BrokenSavedQuery | ScopeProblemNode, label: string, id: string, contextValue: string, tooltip: string[]): vscode.TreeItem {
	return treeItem(label, {
		id,
		description: node.problem,
		tooltip: tooltip.join('\n'),
		iconPath: new ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
		contextValue,
		command: { command: 'braze.savedQueries.openSettings', title: l10n.t('Open Settings'), arguments: [node] },
	});
}

function formatInstant(iso: string): string {
	// `iso` was checked by the store; only the locale tag can be refused.
	const date = new Date(iso);
	try {
		return date.toLocaleString(vscode.env.language);
	} catch {
		return date.toLocaleString();
	}
}
