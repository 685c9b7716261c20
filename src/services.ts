// The few long-lived services the commands share, built once by `activate`.
import type * as vscode from 'vscode';
import type { KpiMetric } from './shared/kpi';
import type { KpiQuerySpec } from './shared/query';
import type { PanelManager } from './panel/panelManager';
import type { KpiQueryRunner } from './runner/queryRunner';
import type { ApiKeyStore } from './secrets/apiKeyStore';
import type { RecentAppIds } from './runner/recentAppIds';

export interface ExtensionServices {
	readonly keys: ApiKeyStore;
	readonly panels: PanelManager;
	readonly runner: KpiQueryRunner;
	readonly recentAppIds: RecentAppIds;
	readonly log: vscode.LogOutputChannel;
	/** The multi-step query input; `metric` fixes the metric and skips its step. */
	promptForQuery(initial?: KpiQuerySpec, metric?: KpiMetric): Promise<KpiQuerySpec | undefined>;
}
