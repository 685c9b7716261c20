// The webview every panel of the extension shows (the chart and the overview): dist/webview.js on the page of html.ts.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { renderChartPanelHtml } from './html';

/**
 * Loads the page into `panel`: scripts on, resources only from dist/ and media/, the chart tab icon, and the page under
 * its strict CSP with a fresh nonce, titled as the panel is now. `styleSheets`: files of media/ after webview.css.
 */
export function loadPanelWebview(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, styleSheets: readonly string[] = []): void {
	// For new and restored panels alike: the resource roots must follow the extension's current location.
	panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
	// A pair: an SVG shown as an image cannot follow the theme's colour (currentColor draws black on dark tabs).
	panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'media', 'chart-tab-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'chart-tab-dark.svg') };
	const asUri = (...segments: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
	panel.webview.html = renderChartPanelHtml({
		cspSource: panel.webview.cspSource,
		nonce: crypto.randomBytes(16).toString('base64'),
		scriptUri: asUri('dist', 'webview.js'),
		codiconsUri: asUri('dist', 'codicons', 'codicon.css'),
		styleUris: [asUri('media', 'webview.css'), ...styleSheets.map((name) => asUri('media', name))],
		title: panel.title,
		lang: vscode.env.language,
	});
}
