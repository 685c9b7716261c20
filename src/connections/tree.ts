// The "Connections" view: a view over the connection store, one item per entry of `braze.connections`
// (broken ones shown with what is wrong), each with its state: active, key set or missing, last verification.
import * as vscode from 'vscode';
import { scopeSettingsName } from '../config/settingsArray';
import type { ConnectionKeyStore } from './keyStore';
import { sameConnection } from './model';
import type { Connection, ConnectionItem } from './model';
import { connectionTooltip } from './statusBar';
import type { ConnectionStore } from './store';
import { l10n } from '../l10n';

export const CONNECTIONS_VIEW_ID = 'braze.connections';

/** A level whose setting is not a list at all. */
export interface ConnectionScopeProblem {
	readonly kind: 'scopeProblem';
	readonly scope: 'user' | 'workspace';
	readonly problem: string;
}

export type ConnectionNode = ConnectionItem | ConnectionScopeProblem;

export interface ConnectionTreeDeps {
	readonly store: ConnectionStore;
	readonly keys: ConnectionKeyStore;
	/** The last verification, as a short description ("4 of 4 series") and a tooltip paragraph. */
	readonly verification: (connection: Connection) => { readonly short: string; readonly text: string } | undefined;
}

/** The tree's data; what it listens to is added to `subscriptions`. */
export function connectionsTree({ store, keys, verification }: ConnectionTreeDeps, subscriptions: vscode.Disposable[]): vscode.TreeDataProvider<ConnectionNode> {
	const changed = new vscode.EventEmitter<void>();
	subscriptions.push(changed, store.onDidChange(() => changed.fire()), keys.onDidChange(() => changed.fire()));
	return {
		onDidChangeTreeData: changed.event,

		getChildren(node?: ConnectionNode): ConnectionNode[] {
			if (node !== undefined) return [];
			return store.read().flatMap((level): ConnectionNode[] => (level.problem !== null ? [{ kind: 'scopeProblem', scope: level.scope, problem: level.problem }] : [...level.items]));
		},

		// The `contextValue`s are matched by the menus in the manifest: "connection" plus state words.
		async getTreeItem(node: ConnectionNode): Promise<vscode.TreeItem> {
			if (node.kind === 'scopeProblem') {
				return treeItem(l10n.t('Connections cannot be read'), {
					id: `problem:${node.scope}`,
					description: node.problem,
					tooltip: l10n.t('{0} Fix braze.connections in the {1}; it is left untouched until then.', node.problem, scopeSettingsName(node.scope)),
					iconPath: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
					contextValue: 'connectionScopeBroken',
				});
			}
			if (node.kind === 'broken') {
				return treeItem(node.name ?? l10n.t('Entry {0}', node.index + 1), {
					id: `${node.scope}:${node.index}`,
					description: node.problem,
					tooltip: [l10n.t('This connection cannot be used. {0}', node.problem), l10n.t('Entry {0} of braze.connections in the {1}:', node.index + 1, scopeSettingsName(node.scope)), JSON.stringify(node.raw, null, 2) ?? String(node.raw)].join('\n'),
					iconPath: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
					contextValue: 'connectionBroken',
				});
			}
			const active = store.active();
			const isActive = active !== undefined && sameConnection(active, node);
			const hasKey = (await keys.get(node, node.endpoint.origin)).status === 'ok';
			const verified = verification(node);
			const description = [
				node.endpoint.label ?? node.endpoint.host,
				isActive ? l10n.t('active') : undefined,
				hasKey ? verified?.short : l10n.t('no key'),
				node.scope === 'workspace' ? l10n.t('workspace') : undefined,
			].filter((part): part is string => part !== undefined);
			return treeItem(node.name, {
				id: `${node.scope}:${node.name.toLowerCase()}`,
				description: description.join(' · '),
				tooltip: connectionTooltip(node, hasKey, verified?.text),
				iconPath: new vscode.ThemeIcon(!hasKey ? 'warning' : isActive ? 'pass-filled' : 'plug', !hasKey ? new vscode.ThemeColor('list.warningForeground') : undefined),
				contextValue: ['connection', isActive ? 'active' : 'inactive', hasKey ? 'keySet' : 'noKey'].join(' '),
				accessibilityInformation: { label: [node.name, ...description].join(', ') },
			});
		},
	};
}

function treeItem(label: string, fields: Partial<vscode.TreeItem>): vscode.TreeItem {
	return Object.assign(new vscode.TreeItem(label), fields);
}
