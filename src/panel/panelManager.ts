// Owns every chart panel: one per distinct query, found again by the query's key, restored after a
// window reload from the webview's own state (no new request).
import * as vscode from 'vscode';
import { displayedResult, parsePersistedPanelState } from '../shared/protocol';
import type { PanelResult } from '../shared/protocol';
import { querySpecKey } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import { CHART_VIEW_TYPE, ChartPanel, panelTitle } from './chartPanel';
import type { ChartPanelHandlers } from './chartPanel';

/** The context key that is true while a chart panel is open: the share and export commands show in the palette only then. */
export const CHART_OPEN_CONTEXT = 'braze.chartOpen';

/** What the in-host tests read of the panels (the test API only). */
export interface PanelTestApi {
	/** Whether `braze.chartOpen` was last set true. */
	chartOpen(): boolean;
	/** Each open panel's tab title and full result (the previous period included, unlike `openResults`). */
	panelStates(): readonly { readonly title: string; readonly name: string | undefined; readonly result: PanelResult | null }[];
}

export class PanelManager implements vscode.Disposable {
	#chartOpen = false;
	readonly #panels = new Set<ChartPanel>();
	#lastActive: ChartPanel | undefined;
	readonly #extensionUri: vscode.Uri;
	readonly #handlers: ChartPanelHandlers;

	constructor(extensionUri: vscode.Uri, handlers: ChartPanelHandlers) {
		this.#extensionUri = extensionUri;
		this.#handlers = handlers;
	}

	/** The panel showing `query`, revealed, or a new one. */
	open(query: KpiQuerySpec): ChartPanel {
		const existing = this.find(query);
		if (existing) {
			existing.reveal();
			return existing;
		}
		// The panel sets the webview options itself, as it does for a restored one.
		const webviewPanel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, panelTitle(query), vscode.ViewColumn.Active, { enableFindWidget: true });
		return this.#adopt(webviewPanel, query, null);
	}

	/** The live panel whose query has the same key as `query` (a series opened from a file has its own panel). */
	find(query: KpiQuerySpec): ChartPanel | undefined {
		const key = querySpecKey(query);
		return this.all.find((p) => !p.result?.source && querySpecKey(p.query) === key);
	}

	/** The panel showing the exported file `result` came from, revealed, or a new one: it never replaces a live chart. */
	openFile(result: PanelResult): ChartPanel {
		const key = querySpecKey(result.query);
		const existing = this.all.find((p) => p.result?.source?.file === result.source?.file && querySpecKey(p.query) === key);
		if (existing) {
			existing.reveal();
			return existing;
		}
		const webviewPanel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, panelTitle(result.query), vscode.ViewColumn.Active, { enableFindWidget: true });
		return this.#adopt(webviewPanel, result.query, null);
	}

	/** The result shown by the active chart panel, else by the one used last. */
	activeResult(): PanelResult | undefined {
		const result = this.activePanel()?.result;
		return result ? displayedResult(result) : undefined;
	}

	/** The active chart panel, else the one used last. */
	activePanel(): ChartPanel | undefined {
		return this.all.find((p) => p.panel.active) ?? this.#lastActive;
	}

	get all(): readonly ChartPanel[] {
		return [...this.#panels];
	}

	/** A panel VS Code revives after a window reload (activation registers the serializer that calls this). */
	restore(webviewPanel: vscode.WebviewPanel, rawState: unknown): void {
		const state = parsePersistedPanelState(rawState);
		// Nothing usable to show: closing beats a blank panel that cannot run.
		if (state) this.#adopt(webviewPanel, state.query, state.result).setName(state.name);
		else webviewPanel.dispose();
	}

	#adopt(webviewPanel: vscode.WebviewPanel, query: KpiQuerySpec, result: PanelResult | null): ChartPanel {
		const panel = new ChartPanel(webviewPanel, this.#extensionUri, query, result, this.#handlers);
		this.#panels.add(panel);
		this.#lastActive = panel;
		const viewState = webviewPanel.onDidChangeViewState((e) => {
			if (e.webviewPanel.active) this.#lastActive = panel;
		});
		panel.onDidDispose(() => {
			viewState.dispose();
			this.#panels.delete(panel);
			if (this.#lastActive === panel) this.#lastActive = undefined;
			this.#updateChartOpen();
		});
		this.#updateChartOpen();
		return panel;
	}

	#updateChartOpen(): void {
		const open = this.#panels.size > 0;
		if (open === this.#chartOpen) return;
		this.#chartOpen = open;
		void vscode.commands.executeCommand('setContext', CHART_OPEN_CONTEXT, open);
	}

	/** For the test API only. */
	testApi(): PanelTestApi {
		return {
			chartOpen: () => this.#chartOpen,
			panelStates: () => this.all.map((p) => ({ title: p.panel.title, name: p.name, result: p.result })),
		};
	}

	dispose(): void {
		for (const panel of this.all) panel.dispose();
	}
}
