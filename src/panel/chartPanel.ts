// One chart webview panel: renders the page, queues messages until the webview is ready, and hands
// validated requests from the webview to its owner.
import * as vscode from 'vscode';
import { brazeToday } from '../shared/dates';
import type { QueryMetric } from '../shared/kpi';
import { parseWebviewMessage } from '../shared/protocol';
import type { HostToWebview, PanelResult, ShareAction } from '../shared/protocol';
import { MAX_QUERY_LENGTH, querySpecKey, withValidComparison, withoutPreset } from '../shared/query';
import { capitalized, rangePresetName } from '../shared/rangePresets';
import type { KpiQuerySpec } from '../shared/query';
import { loadPanelWebview } from './panelWebview';
import { describeApps, describeRange } from '../queries/model';
import { copyMarkdown, reportImageCopy, saveChartImage } from './panelShare';
import { l10n } from '../l10n';

export const CHART_VIEW_TYPE = 'braze.chart';

/** What a panel asks its owner to do on behalf of the webview: one handler per request message. */
export interface ChartPanelHandlers {
	run(panel: ChartPanel, query: KpiQuerySpec): void;
	cancel(panel: ChartPanel): void;
	copyCsv(panel: ChartPanel): void;
	exportJson(panel: ChartPanel): void;
	saveQuery(panel: ChartPanel): void;
	/** The panel's Compare… control: change the compared apps and the period overlay, then re-run in place. */
	compare(panel: ChartPanel): void;
	/** The webview could not read a message of type `messageType` the host sent it (it shows so): say it in the log. */
	messageUnreadable(panel: ChartPanel, messageType: string): void;
	/** A line for the extension's log (a failure's raw text, kept out of notifications). */
	log(line: string): void;
}

/** A message the panel shows after `init`. */
type StatusMessage = Extract<HostToWebview, { type: 'loading' | 'result' | 'error' | 'cancelled' }>;

/** A share command waiting for the webview: what it asked, where to write, and who waits for the outcome. */
interface PendingShare {
	readonly action: ShareAction;
	readonly target: vscode.Uri | undefined;
	readonly resolve: (outcome: vscode.Uri | boolean | undefined) => void;
	/** Posted to the webview already; otherwise it goes after the next `ready`. */
	posted: boolean;
}

export class ChartPanel implements vscode.Disposable {
	#ready = false;
	#disposed = false;
	// What the webview must show; replayed in full whenever it (re)loads, so nothing sent before `ready` is lost.
	#query: KpiQuerySpec;
	#result: PanelResult | null;
	/** A fetch under way or its failure, shown over `#result`. */
	#status: StatusMessage | null = null;
	/** A saved query's name, shown as the title while the panel shows that query unchanged. */
	#name: string | undefined;
	#pendingShare: PendingShare | undefined;
	readonly #handlers: ChartPanelHandlers;
	readonly #subscriptions: vscode.Disposable;
	readonly #onDidDispose = new vscode.EventEmitter<void>();
	readonly onDidDispose = this.#onDidDispose.event;

	constructor(
		readonly panel: vscode.WebviewPanel,
		extensionUri: vscode.Uri,
		query: KpiQuerySpec,
		result: PanelResult | null,
		handlers: ChartPanelHandlers,
	) {
		this.#query = query;
		this.#result = result;
		this.#handlers = handlers;
		this.#subscriptions = vscode.Disposable.from(
			panel.webview.onDidReceiveMessage((raw: unknown) => this.#onMessage(raw)),
			panel.onDidDispose(() => this.dispose()),
			// A hidden webview is destroyed (no retainContextWhenHidden): nothing posted reaches it until it says `ready` again.
			panel.onDidChangeViewState(({ webviewPanel }) => {
				if (!webviewPanel.visible) this.#ready = false;
			}),
		);
		this.#retitle();
		loadPanelWebview(panel, extensionUri);
	}

	/** True once the user closed the panel: nothing may be shown in it any more. */
	get isDisposed(): boolean {
		return this.#disposed;
	}

	get query(): KpiQuerySpec {
		return this.#query;
	}

	get result(): PanelResult | null {
		return this.#result;
	}

	/** The panel now shows `query`; a fetch is under way. */
	showLoading(query: KpiQuerySpec): void {
		this.#show(query, this.#result, { type: 'loading', query });
	}

	showResult(result: PanelResult): void {
		this.#show(result.query, result, { type: 'result', result });
	}

	/** A fetch failed: the previous result stays on screen, with its own query, and `message`. */
	showError(message: string): void {
		this.#show(this.#result?.query ?? this.#query, this.#result, { type: 'error', message });
	}

	/** The user cancelled the fetch: the previous result stays, with its own query, and a neutral `message`. */
	showCancelled(message: string): void {
		this.#show(this.#result?.query ?? this.#query, this.#result, { type: 'cancelled', message });
	}

	/** Titles the panel with a saved query's name; the webview keeps it in its state, so that a reload keeps the title. */
	setName(name: string | undefined): void {
		if (this.#disposed) return;
		this.#name = name;
		this.#retitle();
		this.#post({ type: 'name', name: name ?? null });
	}

	/** The saved query's name the panel is titled with, if any. */
	get name(): string | undefined {
		return this.#name;
	}

	/**
	 * Asks the webview to run a share action as its button does (it draws the images), revealing the panel when it is
	 * hidden; resolves to the file written, true/false for the clipboard, or undefined when cancelled or closed.
	 * `target` skips the save dialog.
	 */
	requestShare(action: ShareAction, target?: vscode.Uri): Promise<vscode.Uri | boolean | undefined> {
		if (this.#disposed || !this.#result) return Promise.resolve(undefined);
		this.#pendingShare?.resolve(undefined); // One at a time: the newer request wins.
		return new Promise((resolve) => {
			this.#pendingShare = { action, target, resolve, posted: false };
			// The clipboard wants the webview focused; a hidden webview must load again before it can draw.
			if (action === 'copyImage' || !this.panel.visible) this.panel.reveal(undefined, action !== 'copyImage');
			this.#postShare();
		});
	}

	#postShare(): void {
		const pending = this.#pendingShare;
		if (!pending || pending.posted || !this.#ready) return;
		pending.posted = true;
		this.#post({ type: 'share', action: pending.action });
	}

	/** The waiting share command of `action`, taken; undefined when the webview's own button started it. */
	#takeShare(action: ShareAction): PendingShare | undefined {
		const pending = this.#pendingShare;
		if (pending?.action !== action) return undefined;
		this.#pendingShare = undefined;
		return pending;
	}

	reveal(): void {
		this.panel.reveal(undefined, false);
	}

	/** Shows `message` about `query` and `result`; a fetch under way or failed is kept to replay on the next `ready`. */
	#show(query: KpiQuerySpec, result: PanelResult | null, message: StatusMessage): void {
		if (this.#disposed) return;
		const renamed = this.#name !== undefined && querySpecKey(query) !== querySpecKey(this.#query);
		if (renamed) this.#name = undefined;
		this.#query = query;
		this.#result = result;
		this.#status = message.type === 'result' ? null : message;
		this.#retitle();
		this.#post(message);
		if (renamed) this.#post({ type: 'name', name: null });
	}

	#retitle(): void {
		const { connection } = this.#query;
		const source = this.#result?.source;
		const names = this.#result?.appNames;
		if (source) this.panel.title = l10n.t('{0} · from file {1}', panelTitle(this.#query, names), source.file);
		else this.panel.title = this.#name === undefined ? panelTitle(this.#query, names) : connection === undefined ? this.#name : withConnection(this.#name, connection);
	}

	#post(message: HostToWebview): void {
		if (this.#ready) void this.panel.webview.postMessage(message);
	}

	#onMessage(raw: unknown): void {
		const message = parseWebviewMessage(raw, MAX_QUERY_LENGTH);
		if (!message) return; // Not part of the protocol: ignore rather than trust it.
		if (message.type === 'ready') this.#onReady();
		// A custom range from the controls replaces the query's preset; a preset comes with the request.
		else if (message.type === 'run') this.#handlers.run(this, withValidComparison({ ...withoutPreset(this.#query), ...message.request }));
		// The share actions need nothing from the owner: the panel's own data, a dialog, the clipboard.
		else if (message.type === 'copyMarkdown') void copyMarkdown(message.markdown);
		else if (message.type === 'savePng' || message.type === 'saveSvg') {
			const pending = this.#takeShare(message.type);
			const image = message.type === 'savePng' ? { kind: 'png', data: message.base64 } as const : { kind: 'svg', data: message.svg } as const;
			void saveChartImage(image, this.#result, pending?.target).then((uri) => pending?.resolve(uri));
		} else if (message.type === 'imageCopied' || message.type === 'copyImageFailed') {
			const pending = this.#takeShare('copyImage');
			const failure = message.type === 'copyImageFailed' ? message.reason : null;
			pending?.resolve(failure === null);
			reportImageCopy(failure, () => void this.requestShare('savePng'), (line) => this.#handlers.log(line));
		}
		else if (message.type === 'exportCsv') void vscode.commands.executeCommand('braze.exportCsv'); // This panel is the active one: its button was just clicked.
		else if (message.type === 'messageUnreadable') this.#handlers.messageUnreadable(this, message.messageType);
		else this.#handlers[message.type](this); // cancel, copyCsv, exportJson, saveQuery: the handler of that name.
	}

	/** The webview (re)loaded: it gets the full state again. */
	#onReady(): void {
		this.#ready = true;
		this.#post({
			type: 'init',
			l10nBundle: vscode.l10n.bundle ?? null,
			locale: vscode.env.language,
			query: this.#query,
			result: this.#result,
			maxLength: MAX_QUERY_LENGTH,
			today: brazeToday(new Date()),
		});
		if (this.#name !== undefined) this.#post({ type: 'name', name: this.#name });
		if (this.#status) this.#post(this.#status);
		if (this.#pendingShare) this.#pendingShare.posted = false; // A webview that reloaded never saw it.
		this.#postShare();
	}

	dispose(): void {
		if (this.#disposed) return;
		this.#disposed = true;
		this.#pendingShare?.resolve(undefined);
		this.#pendingShare = undefined;
		this.#onDidDispose.fire();
		this.#onDidDispose.dispose();
		this.#subscriptions.dispose();
		this.panel.dispose();
	}
}

/**
 * "DAU · All apps" / "DAU · <app name or id>", a comparison's apps and range ("DAU · iOS vs Android · last 30 days"),
 * then the connection it runs on: the tab and its tooltip say whose numbers these are.
 */
export function panelTitle(query: KpiQuerySpec, names?: AppNameMap): string {
	const presetName = query.preset === undefined ? undefined : capitalized(rangePresetName(query.preset, l10n), vscode.env.language);
	if (query.compare) {
		const base = l10n.t('{0} · {1} · {2}', metricShortName(query.metric), describeApps(query, l10n, (id) => names?.[id] ?? id, l10n.t('All apps')), presetName ?? describeRange(query.length, query.end, l10n));
		return query.connection === undefined ? base : withConnection(base, query.connection);
	}
	const app = l10n.t('{0} · {1}', metricShortName(query.metric), appName(query, names));
	const base = presetName === undefined ? app : l10n.t('{0} · {1}', app, presetName);
	return query.connection === undefined ? base : withConnection(base, query.connection);
}

/** App names by identifier, as a result holds them. */
export type AppNameMap = Readonly<Record<string, string>>;

/** "<title> · <connection>". */
export function withConnection(title: string, connection: string): string {
	return l10n.t('{0} · {1}', title, connection);
}

/** The query's app name, else its ID, or "All apps". */
export function appName(query: Pick<KpiQuerySpec, 'appId'>, names?: AppNameMap): string {
	return query.appId === null ? l10n.t('All apps') : names?.[query.appId] ?? query.appId;
}

/** The short, localized name of a metric, as the Braze dashboard names it. */
export function metricShortName(metric: QueryMetric): string {
	return METRIC_SHORT_NAMES[metric]();
}

// Functions, not strings: each must be localized when used, with a literal that the l10n check can find.
const METRIC_SHORT_NAMES: Readonly<Record<QueryMetric, () => string>> = {
	dau: () => l10n.t('DAU'),
	mau: () => l10n.t('MAU'),
	new_users: () => l10n.t('New users'),
	uninstalls: () => l10n.t('Uninstalls'),
	stickiness: () => l10n.t('Stickiness'),
};
