// Owns every chart panel: one per distinct query, found again by the query's key, restored after a
// window reload from the webview's own state (no new request).
import * as vscode from 'vscode';
import { displayedResult, parsePersistedPanelState } from '../shared/protocol';
import type { PanelResult } from '../shared/protocol';
import { querySpecKey } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import { CHART_VIEW_TYPE, ChartPanel, panelTitle, webviewOptions } from './chartPanel';
import type { ChartPanelHandlers } from './chartPanel';

export class PanelManager implements vscode.Disposable {
	private readonly panels = new Set<ChartPanel>();
	private lastActive: ChartPanel | undefined;
	private readonly registration: vscode.Disposable;

	constructor(
		private readonly extensionUri: vscode.Uri,
		private readonly handlers: ChartPanelHandlers,
	) {
		this.registration = vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
			deserializeWebviewPanel: async (webviewPanel, state: unknown) => this.restore(webviewPanel, state),
		});
	}

	/** The panel showing `query`, revealed, or a new one. */
	open(query: KpiQuerySpec): ChartPanel {
		const existing = this.find(query);
		if (existing) {
			existing.reveal();
			return existing;
		}
		const webviewPanel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, panelTitle(query), vscode.ViewColumn.Active, {
			...webviewOptions(this.extensionUri),
			enableFindWidget: true,
		});
		return this.adopt(new ChartPanel(webviewPanel, this.extensionUri, query, null, this.handlers));
	}

	/** The panel whose query has the same key as `query`. */
	find(query: KpiQuerySpec): ChartPanel | undefined {
		const key = querySpecKey(query);
		return [...this.panels].find((p) => querySpecKey(p.query) === key);
	}

	/** The result shown by the active chart panel, else by the one used last. */
	activeResult(): PanelResult | undefined {
		const active = [...this.panels].find((p) => p.panel.active) ?? this.lastActive;
		return active?.result ? displayedResult(active.result) : undefined;
	}

	get all(): readonly ChartPanel[] {
		return [...this.panels];
	}

	private async restore(webviewPanel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
		const state = parsePersistedPanelState(rawState);
		if (!state) {
			// Nothing usable to show: closing beats a blank panel that cannot run.
			webviewPanel.dispose();
			return;
		}
		this.adopt(new ChartPanel(webviewPanel, this.extensionUri, state.query, state.result, this.handlers));
		await Promise.resolve();
	}

	private adopt(panel: ChartPanel): ChartPanel {
		this.panels.add(panel);
		this.lastActive = panel;
		const viewState = panel.panel.onDidChangeViewState((e) => {
			if (e.webviewPanel.active) this.lastActive = panel;
		});
		panel.onDidDispose(() => {
			viewState.dispose();
			this.panels.delete(panel);
			if (this.lastActive === panel) this.lastActive = undefined;
		});
		return panel;
	}

	dispose(): void {
		this.registration.dispose();
		for (const panel of [...this.panels]) panel.dispose();
	}
}
