// The chart panel's HTML shell. Pure (no `vscode` import) so that the webview tests serve the very
// page the extension ships. Everything visible is built by dist/webview.js from the `init` message.

export interface ChartPanelHtmlInput {
	/** `webview.cspSource`. */
	readonly cspSource: string;
	/** A fresh random value per render (base64 or base64url). */
	readonly nonce: string;
	/** The webview URI of dist/webview.js. */
	readonly scriptUri: string;
	/** The webview URI of the codicon font sheet. */
	readonly codiconsUri: string;
	/** Webview URIs of the other style sheets, in order. */
	readonly styleUris: readonly string[];
	readonly title: string;
	/** The display language, e.g. `vscode.env.language`. */
	readonly lang: string;
}

const NONCE_RE = /^[A-Za-z0-9+/_=-]{16,}$/;

/**
 * The page with a strict CSP: scripts only with the nonce, styles, fonts and images only from the
 * extension's own resources, and no network at all (no `connect-src`, no `'unsafe-inline'`).
 */
export function renderChartPanelHtml(input: ChartPanelHtmlInput): string {
	if (!NONCE_RE.test(input.nonce)) throw new RangeError('The nonce must be at least 16 base64 characters.');
	const own = input.cspSource;
	const csp = `default-src 'none'; script-src 'nonce-${input.nonce}'; style-src ${own}; font-src ${own}; img-src ${own} data:`;
	const styles = input.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n');
	// Not indented: the page is sent as written. <vscode-icon> finds the codicon sheet by its id and re-links it inside its shadow root.
	return /* html */ `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${escapeHtml(input.codiconsUri)}">
${styles}
<title>${escapeHtml(input.title)}</title>
</head>
<body>
<main id="panel" aria-busy="true"></main>
<script nonce="${escapeHtml(input.nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
