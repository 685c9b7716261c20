// Braze: Clear Cache (all of it, or one connection's days) and Braze: Fetch Again (Ignore Cache) for the active chart or overview.
import * as vscode from 'vscode';
import type { DayCache } from '../cache/dayCache';
import type { ConnectionKeyStore } from '../connections/keyStore';
import type { ConnectionStore } from '../connections/store';
import type { PanelManager } from '../panel/panelManager';
import type { OverviewRunner } from '../overview/overviewRunner';
import type { KpiQueryRunner } from '../runner/queryRunner';
import { errorText, isRecord } from '../shared/guards';
import { l10n } from '../l10n';

export interface CacheCommandDeps {
	readonly cache: DayCache;
	readonly connections: ConnectionStore;
	readonly keys: ConnectionKeyStore;
	readonly panels: PanelManager;
	readonly runner: KpiQueryRunner;
	readonly overview: OverviewRunner;
}

export function registerCacheCommands(context: vscode.ExtensionContext, { cache, connections, keys, panels, runner, overview }: CacheCommandDeps): void {
	context.subscriptions.push(
		/** Asks what to clear; `{all: true}` or `{connection}` skips the question. */
		vscode.commands.registerCommand('braze.clearCache', async (arg?: unknown): Promise<boolean> => {
			type Choice = vscode.QuickPickItem & { partition?: string };
			let choice: Choice | undefined;
			if (isRecord(arg) && arg.all === true) choice = { label: '' };
			else if (isRecord(arg) && typeof arg.connection === 'string') {
				const connection = connections.find(arg.connection);
				if (!connection) {
					void vscode.window.showErrorMessage(l10n.t('There is no usable connection named "{0}". Add it, or fix braze.connections.', arg.connection));
					return false;
				}
				choice = { label: connection.name, partition: keys.identity(connection) };
			} else {
				choice = await vscode.window.showQuickPick<Choice>(
					[
						{ label: l10n.t('Every connection'), description: l10n.t('forget every cached day') },
						...connections.all().map((c) => ({ label: c.name, description: c.endpoint.label ?? c.endpoint.host, partition: keys.identity(c) })),
					],
					{ title: l10n.t('Clear Cache'), placeHolder: l10n.t('Whose cached days should be forgotten? The next queries ask Braze again.') },
				);
			}
			if (!choice) return false;
			try {
				if (choice.partition === undefined) await cache.clear();
				else await cache.dropPartition(choice.partition);
			} catch (error) {
				void vscode.window.showErrorMessage(l10n.t('Could not clear the cache: {0}', errorText(error)));
				return false;
			}
			void vscode.window.setStatusBarMessage(choice.partition === undefined ? l10n.t('Braze: the day cache is empty.') : l10n.t('Braze: cached days of "{0}" forgotten.', choice.label), 4000);
			return true;
		}),
		/** The active overview's or chart's days, every one asked of Braze again (the answers refresh the cache); else the chart used last. */
		vscode.commands.registerCommand('braze.refetch', () => {
			const activeOverview = overview.panels.find((p) => p.panel.active);
			if (activeOverview) return overview.refresh(activeOverview, true);
			const panel = panels.activePanel();
			if (panel) return runner.rerun(panel, panel.query, true);
			const lastOverview = overview.activePanel();
			if (lastOverview) return overview.refresh(lastOverview, true);
			void vscode.window.showInformationMessage(l10n.t('Open a Braze chart or overview first.'));
			return undefined;
		}),
	);
}
