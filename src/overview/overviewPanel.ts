// One overview webview panel: the chart panel's page and bundle in its overview mode; queues what it shows until the
// webview is ready, replays it on every reload, and hands validated requests from the webview to its owner.
import * as vscode from 'vscode';
import { loadPanelWebview } from '../panel/panelWebview';
import { parseOverviewMessage } from '../shared/overviewProtocol';
import type { HostToOverview, OverviewRequest, OverviewResult } from '../shared/overviewProtocol';
import { overviewModel } from './overviewModel';
import { rangeLabel } from './rangeLabel';
import { l10n } from '../l10n';

export const OVERVIEW_VIEW_TYPE = 'braze.overview';

export interface OverviewPanelHandlers {
	refresh(panel: OverviewPanel): void;
	cancel(panel: OverviewPanel): void;
}

type StatusMessage = Exclude<HostToOverview, { type: 'overviewInit' | 'overviewResult' }>;

export class OverviewPanel implements vscode.Disposable {
	#ready = false;
	#disposed = false;
	#request: OverviewRequest;
	#result: OverviewResult | null;
	#status: StatusMessage | null = null;
	readonly #subscriptions: vscode.Disposable;
	readonly #onDidDispose = new vscode.EventEmitter<void>();
	readonly onDidDispose = this.#onDidDispose.event;

	constructor(
		readonly panel: vscode.WebviewPanel,
		extensionUri: vscode.Uri,
		request: OverviewRequest,
		result: OverviewResult | null,
		handlers: OverviewPanelHandlers,
	) {
		this.#request = request;
		this.#result = result;
		this.#subscriptions = vscode.Disposable.from(
			panel.webview.onDidReceiveMessage((raw: unknown) => {
				const message = parseOverviewMessage(raw);
				if (message?.type === 'ready') this.#onReady();
				else if (message?.type === 'cancel') handlers.cancel(this);
				else if (message?.type === 'overviewRefresh') handlers.refresh(this);
			}),
			panel.onDidDispose(() => this.dispose()),
		);
		panel.title = overviewTitle(request);
		loadPanelWebview(panel, extensionUri, ['overview.css']);
	}

	get isDisposed(): boolean {
		return this.#disposed;
	}

	get request(): OverviewRequest {
		return this.#request;
	}

	get result(): OverviewResult | null {
		return this.#result;
	}

	/** A fetch of `request` started; the previous figures stay meanwhile. */
	showLoading(request: OverviewRequest): void {
		this.#request = request;
		this.#show({ type: 'overviewLoading' });
	}

	showResult(result: OverviewResult): void {
		this.#request = result.request;
		this.#result = result;
		this.#show({ type: 'overviewResult', model: overviewModel(result.request, result, vscode.env.language), state: { overview: result.request, result } });
	}

	/** The fetch failed or was cancelled: the previous result stays, with its own request. */
	showStatus(kind: 'error' | 'cancelled', message: string): void {
		this.#request = this.#result?.request ?? this.#request;
		this.#show({ type: 'overviewStatus', kind, message });
	}

	reveal(): void {
		this.panel.reveal(undefined, false);
	}

	#show(message: HostToOverview): void {
		if (this.#disposed) return;
		this.#status = message.type === 'overviewResult' ? null : (message as StatusMessage);
		this.panel.title = overviewTitle(this.#request);
		if (this.#ready) void this.panel.webview.postMessage(message);
	}

	#onReady(): void {
		this.#ready = true;
		const locale = vscode.env.language;
		const state = { overview: this.#result?.request ?? this.#request, result: this.#result };
		const init: HostToOverview = { type: 'overviewInit', l10nBundle: vscode.l10n.bundle ?? null, locale, model: overviewModel(state.overview, this.#result, locale), state };
		void this.panel.webview.postMessage(init);
		if (this.#status) void this.panel.webview.postMessage(this.#status);
	}

	dispose(): void {
		if (this.#disposed) return;
		this.#disposed = true;
		this.#onDidDispose.fire();
		this.#onDidDispose.dispose();
		this.#subscriptions.dispose();
		this.panel.dispose();
	}
}

/** "Overview · All apps · Last 30 days · Sandbox": what the figures are about and whose numbers they are, as a chart's tab says. */
export function overviewTitle(request: OverviewRequest): string {
	const base = l10n.t('Overview · {0} · {1}', request.appId ?? l10n.t('All apps'), rangeLabel(request.range));
	return request.connection === undefined ? base : l10n.t('{0} · {1}', base, request.connection);
}
