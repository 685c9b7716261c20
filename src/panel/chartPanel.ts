// One chart webview panel: renders the page, queues messages until the webview is ready, and hands
// validated requests from the webview to its owner.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { brazeToday } from '../shared/dates';
import { assertNever, parseWebviewMessage } from '../shared/protocol';
import type { HostToWebview, PanelResult, RunRequest } from '../shared/protocol';
import { MAX_QUERY_LENGTH, querySpecKey } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import { renderChartPanelHtml } from './html';
import { localizedWebviewStrings } from './webviewStringsL10n';

export const CHART_VIEW_TYPE = 'braze.chart';

/** What a panel asks its owner to do on behalf of the webview. */
export interface ChartPanelHandlers {
	run(panel: ChartPanel, query: KpiQuerySpec): void;
	cancel(panel: ChartPanel): void;
	copyCsv(panel: ChartPanel): void;
	exportJson(panel: ChartPanel): void;
	saveQuery(panel: ChartPanel): void;
}


export class ChartPanel implements vscode.Disposable {
	private ready = false;
	private disposedFlag = false;
	// What the webview must show; replayed in full whenever it (re)loads, so nothing sent before `ready` is lost.
	private loading = false;
	private lastError: string | null = null;
	private readonly disposables: vscode.Disposable[] = [];
	private currentQuery: KpiQuerySpec;
	/** A saved query's name, shown as the title while the panel shows that query unchanged. */
	private name: string | undefined;
	private currentResult: PanelResult | null;
	private readonly disposed = new vscode.EventEmitter<void>();
	readonly onDidDispose = this.disposed.event;

	constructor(
		readonly panel: vscode.WebviewPanel,
		private readonly extensionUri: vscode.Uri,
		query: KpiQuerySpec,
		result: PanelResult | null,
		private readonly handlers: ChartPanelHandlers,
	) {
		this.currentQuery = query;
		this.currentResult = result;
		panel.webview.options = webviewOptions(extensionUri);
		panel.title = this.title();
		panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'braze-activity.svg');
		this.disposables.push(
			panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
			panel.onDidDispose(() => this.dispose()),
		);
		panel.webview.html = this.html();
	}

	/** True once the user closed the panel: nothing may be shown in it any more. */
	get isDisposed(): boolean {
		return this.disposedFlag;
	}

	get query(): KpiQuerySpec {
		return this.currentQuery;
	}

	get result(): PanelResult | null {
		return this.currentResult;
	}

	/** The panel now shows `query`; a fetch is under way. */
	showLoading(query: KpiQuerySpec): void {
		if (this.disposedFlag) return;
		if (querySpecKey(query) !== querySpecKey(this.currentQuery)) this.name = undefined;
		this.currentQuery = query;
		this.loading = true;
		this.lastError = null;
		this.panel.title = this.title();
		this.post({ type: 'loading', query });
	}

	showResult(result: PanelResult): void {
		if (this.disposedFlag) return;
		this.currentQuery = result.query;
		this.currentResult = result;
		this.loading = false;
		this.lastError = null;
		this.panel.title = this.title();
		this.post({ type: 'result', result });
	}

	/** A fetch failed or was cancelled: the previous result stays on screen with `message`. */
	showError(message: string): void {
		if (this.disposedFlag) return;
		this.loading = false;
		this.lastError = message;
		this.post({ type: 'error', message });
	}

	/** Titles the panel with a saved query's name. */
	setName(name: string | undefined): void {
		if (this.disposedFlag) return;
		this.name = name;
		this.panel.title = this.title();
	}

	private title(): string {
		return this.name ?? panelTitle(this.currentQuery);
	}

	reveal(): void {
		this.panel.reveal(undefined, false);
	}

	private post(message: HostToWebview): void {
		if (this.ready) void this.panel.webview.postMessage(message);
	}

	private onMessage(raw: unknown): void {
		const message = parseWebviewMessage(raw, MAX_QUERY_LENGTH);
		if (!message) return; // Not part of the protocol: ignore rather than trust it.
		switch (message.type) {
			case 'ready':
				this.onReady();
				return;
			case 'run':
				this.handlers.run(this, withRunRequest(this.currentQuery, message.request));
				return;
			case 'cancel':
				this.handlers.cancel(this);
				return;
			case 'copyCsv':
				this.handlers.copyCsv(this);
				return;
			case 'exportJson':
				this.handlers.exportJson(this);
				return;
			case 'saveQuery':
				this.handlers.saveQuery(this);
				return;
			default:
				assertNever(message);
		}
	}

	/** The webview (re)loaded: it gets the full state again. */
	private onReady(): void {
		this.ready = true;
		this.post({
			type: 'init',
			locale: vscode.env.language,
			strings: localizedWebviewStrings(),
			query: this.currentQuery,
			result: this.currentResult,
			maxLength: MAX_QUERY_LENGTH,
			today: brazeToday(new Date()),
		});
		if (this.loading) this.post({ type: 'loading', query: this.currentQuery });
		if (this.lastError !== null) this.post({ type: 'error', message: this.lastError });
	}

	private html(): string {
		const webview = this.panel.webview;
		const asUri = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...segments)).toString();
		return renderChartPanelHtml({
			cspSource: webview.cspSource,
			nonce: crypto.randomBytes(16).toString('base64'),
			scriptUri: asUri('dist', 'webview.js'),
			styleUris: [asUri('dist', 'codicons', 'codicon.css'), asUri('media', 'webview.css')],
			title: this.title(),
			lang: vscode.env.language,
		});
	}

	dispose(): void {
		if (this.disposedFlag) return;
		this.disposedFlag = true;
		this.ready = false;
		this.disposed.fire();
		this.disposed.dispose();
		for (const d of this.disposables.splice(0)) d.dispose();
		this.panel.dispose();
	}
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return {
		enableScripts: true,
		localResourceRoots: [
			vscode.Uri.joinPath(extensionUri, 'dist'),
			vscode.Uri.joinPath(extensionUri, 'media'),
		],
	};
}

function withRunRequest(query: KpiQuerySpec, request: RunRequest): KpiQuerySpec {
	return { ...query, length: request.length, end: request.end, appId: request.appId };
}

/** "DAU · All apps" / "DAU · <app id>". */
export function panelTitle(query: KpiQuerySpec): string {
	const app = query.appId ?? vscode.l10n.t('All apps');
	return vscode.l10n.t('{0} · {1}', metricShortName(query.metric), app);
}

/** The short, localized name of a metric, as the Braze dashboard names it. */
export function metricShortName(metric: KpiQuerySpec['metric']): string {
	switch (metric) {
		case 'dau':
			return vscode.l10n.t('DAU');
		case 'mau':
			return vscode.l10n.t('MAU');
		case 'new_users':
			return vscode.l10n.t('New users');
		case 'uninstalls':
			return vscode.l10n.t('Uninstalls');
	}
}
