// Localizes the webview's strings on the host: the webview carries no translations of its own.
import * as vscode from 'vscode';
import { WEBVIEW_STRINGS } from '../shared/webviewStrings';
import type { WebviewStringKey, WebviewStrings } from '../shared/webviewStrings';

export function localizedWebviewStrings(): WebviewStrings {
	const entries = (Object.keys(WEBVIEW_STRINGS) as WebviewStringKey[]).map((key) => [key, vscode.l10n.t(WEBVIEW_STRINGS[key])] as const);
	return Object.fromEntries(entries) as WebviewStrings;
}
