// English text of every string the chart webview shows. The host localizes each with `vscode.l10n.t`
// (French in l10n/bundle.l10n.fr.json) and sends the result in the `init` message; the webview has no
// translations of its own. Placeholders are {0}, {1}… and are filled in by the webview.
export const WEBVIEW_STRINGS = {
	loading: 'Loading…',
	showTable: 'Table',
	showChart: 'Chart',
	copyCsv: 'Copy as CSV',
	exportJson: 'Export to JSON',
	saveQuery: 'Save Query',
	run: 'Run',
	allApps: 'All apps',
} as const;

export type WebviewStringKey = keyof typeof WEBVIEW_STRINGS;
export type WebviewStrings = { readonly [K in WebviewStringKey]: string };
