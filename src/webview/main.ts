// Entry of the chart webview bundle: listens, says `ready`, then renders what the host sends.
import type { HostToWebview, PersistedPanelState } from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import { parseHostMessage } from './hostMessage';
import { PanelView } from './panelView';
import { acquirePanelHostApi } from './vscodeApi';

const host = acquirePanelHostApi();
const root = document.getElementById('panel');
let view: PanelView | null = null;
let state: PersistedPanelState | null = null;

function remember(next: PersistedPanelState): void {
	state = next;
	host.setState(next); // Lets the host's serializer restore the panel without a new request.
}

function onMessage(message: HostToWebview): void {
	switch (message.type) {
		case 'init':
			if (!root) return;
			view?.dispose();
			view = new PanelView(root, message, {
				run: (request) => host.postMessage({ type: 'run', request }),
				cancel: () => host.postMessage({ type: 'cancel' }),
				copyCsv: () => host.postMessage({ type: 'copyCsv' }),
				exportJson: () => host.postMessage({ type: 'exportJson' }),
				saveQuery: () => host.postMessage({ type: 'saveQuery' }),
			});
			remember({ query: message.query, result: message.result });
			return;
		case 'loading':
			if (!view || !state) return; // The host always sends `init` first.
			view.showLoading(message.query);
			remember({ query: message.query, result: state.result });
			return;
		case 'result':
			if (!view) return;
			view.showResult(message.result);
			remember({ query: message.result.query, result: message.result });
			return;
		case 'error':
			view?.showFailure(message.message);
			return;
		default:
			assertNever(message);
	}
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const message = parseHostMessage(event.data);
	if (message) onMessage(message);
});
host.postMessage({ type: 'ready' });
