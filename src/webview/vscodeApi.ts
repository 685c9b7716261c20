// The typed face of the API VS Code injects into every webview.
import type { OpaqueOverviewState, OverviewToHost } from '../shared/overviewProtocol';
import type { PersistedPanelState, WebviewToHost } from '../shared/protocol';

export interface PanelHostApi {
	postMessage(message: WebviewToHost | OverviewToHost): void;
	setState(state: PersistedPanelState | OpaqueOverviewState): void;
	/** What `setState` stored before this page (re)loaded, unchecked. */
	getState(): unknown;
}

declare function acquireVsCodeApi(): {
	postMessage(message: unknown): void;
	setState(state: unknown): unknown;
	getState(): unknown;
};

/** Must be called once per page load: VS Code throws on a second call. */
export function acquirePanelHostApi(): PanelHostApi {
	const api = acquireVsCodeApi();
	return {
		postMessage: (message) => api.postMessage(message),
		setState: (state) => void api.setState(state),
		getState: () => api.getState(),
	};
}
