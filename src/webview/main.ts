// Entry of the chart webview bundle: listens, says `ready`, then renders what the host sends.
import type { ChartViewOptions, HostToWebview, PersistedPanelState } from '../shared/protocol';
import { assertNever, parseChartViewOptions, unreadableTypeText } from '../shared/protocol';
import { isRecord } from '../shared/guards';
import { localizeWebviewStrings } from '../shared/webviewStrings';
import { h } from './dom';
import { parseHostMessage, webviewTranslations } from './hostMessage';
import { PanelView } from './panelView';
import { routeOverviewMessage } from './overviewMain';
import { acquirePanelHostApi } from './vscodeApi';

const host = acquirePanelHostApi();
const root = document.getElementById('panel');
let panel: PanelView | null = null;
let state: PersistedPanelState | null = null;
// The chart's display choices survive a reload in the webview's own state (the host does not need them).
const previous = host.getState();
let view: ChartViewOptions = parseChartViewOptions(isRecord(previous) ? previous.view : undefined);

// The saved query's name the host titles the panel with: kept so that the restored tab keeps it.
let name: string | null = null;

function remember(next: Omit<PersistedPanelState, 'view' | 'name'>): void {
	state = { query: next.query, result: next.result, view, ...(name === null ? {} : { name }) };
	host.setState(state); // Lets the host's serializer restore the panel without a new request.
}

function onMessage(message: HostToWebview): void {
	switch (message.type) {
		case 'init':
			if (!root) return;
			panel?.dispose();
			panel = new PanelView(
				root,
				message,
				{
					run: (request) => host.postMessage({ type: 'run', request }),
					cancel: () => host.postMessage({ type: 'cancel' }),
					copyCsv: () => host.postMessage({ type: 'copyCsv' }),
					exportJson: () => host.postMessage({ type: 'exportJson' }),
					saveQuery: () => host.postMessage({ type: 'saveQuery' }),
					exportCsv: () => host.postMessage({ type: 'exportCsv' }),
					copyMarkdown: (markdown) => host.postMessage({ type: 'copyMarkdown', markdown }),
					savePng: (base64) => host.postMessage({ type: 'savePng', base64 }),
					compare: () => host.postMessage({ type: 'compare' }),
					saveSvg: (svg) => host.postMessage({ type: 'saveSvg', svg }),
					imageCopied: (failure) => host.postMessage(failure === null ? { type: 'imageCopied' } : { type: 'copyImageFailed', reason: failure }),
					viewChanged: (options) => {
						view = options;
						if (state) remember(state);
					},
				},
				view,
			);
			remember({ query: message.query, result: message.result });
			return;
		case 'loading':
			if (!panel || !state) return; // The host always sends `init` first.
			panel.showLoading(message.query);
			remember({ query: message.query, result: state.result });
			return;
		case 'result':
			if (!panel) return;
			panel.showResult(message.result);
			remember({ query: message.result.query, result: message.result });
			return;
		case 'error':
		case 'cancelled':
			if (!panel || !state) return;
			if (message.type === 'error') panel.showFailure(message.message);
			else panel.showCancelled(message.message);
			// Like the host, the panel goes back to its last good result's query.
			remember({ query: state.result?.query ?? state.query, result: state.result });
			return;
		case 'share':
			panel?.share(message.action);
			return;
		case 'name':
			name = message.name;
			if (state) remember(state);
			return;
		default:
			assertNever(message);
	}
}

/**
 * A host message that failed its checks is never dropped in silence: the panel says it could not show it (busy no
 * more, Run enabled again, the last good result kept) and the host is told, for its log.
 */
function onUnreadable(raw: Record<string, unknown>): void {
	host.postMessage({ type: 'messageUnreadable', messageType: unreadableTypeText(raw.type) });
	if (panel) {
		panel.showUnreadable();
		if (state) remember({ query: state.result?.query ?? state.query, result: state.result });
		return;
	}
	// No panel yet (its `init` was the unreadable message): the sentence alone, in the language it carried if it can be read.
	if (!root) return;
	const strings = localizeWebviewStrings(isRecord(raw.l10nBundle) ? webviewTranslations(raw.l10nBundle) : null);
	root.replaceChildren(h('div', { class: 'panel-error', role: 'alert' }, strings.messageUnreadable));
	root.setAttribute('aria-busy', 'false');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	// The overview panel shares this bundle and page: its own messages go to its own view.
	if (root && routeOverviewMessage(event.data, root, host)) return;
	const message = parseHostMessage(event.data);
	if (message) onMessage(message);
	// Only what looks like a host message (an object with a type) is one the host sent.
	else if (isRecord(event.data) && typeof event.data.type === 'string') onUnreadable(event.data);
});
host.postMessage({ type: 'ready' });
