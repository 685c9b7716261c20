import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderChartPanelHtml } from '../../src/panel/html';
import type { ChartPanelHtmlInput } from '../../src/panel/html';

const input: ChartPanelHtmlInput = {
	cspSource: 'https://*.vscode-cdn.net',
	nonce: 'r4nd0m+N0nce/Value==',
	scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
	codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
	styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css'],
	title: 'DAU · All apps',
	lang: 'fr',
};

function csp(html: string): string {
	const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
	assert.ok(match, 'a CSP meta tag');
	return match[1].replaceAll('&#39;', "'");
}

describe('renderChartPanelHtml', () => {
	test('a strict CSP: nonce scripts, own styles, fonts and images, no network, no inline', () => {
		const policy = csp(renderChartPanelHtml(input));
		assert.equal(
			policy,
			"default-src 'none'; script-src 'nonce-r4nd0m+N0nce/Value=='; style-src https://*.vscode-cdn.net; font-src https://*.vscode-cdn.net; img-src https://*.vscode-cdn.net data:",
		);
		assert.ok(!policy.includes('unsafe'));
		assert.ok(!policy.includes('connect-src'));
	});

	test('loads the one script with the nonce, the codicon sheet by its id, then the style sheets in order', () => {
		const html = renderChartPanelHtml(input);
		assert.deepEqual([...html.matchAll(/<script ([^>]*)>/g)].map((m) => m[1]), [`nonce="r4nd0m+N0nce/Value==" src="${input.scriptUri}"`]);
		assert.deepEqual(
			[...html.matchAll(/<link ([^>]*)>/g)].map((m) => m[1]),
			[`rel="stylesheet" id="vscode-codicon-stylesheet" href="${input.codiconsUri}"`, `rel="stylesheet" href="${input.styleUris[0]}"`],
		);
		assert.ok(!/ style=/.test(html), 'no inline style attributes');
		assert.match(html, /<html lang="fr">/);
		assert.match(html, /<main id="panel" aria-busy="true"><\/main>/);
	});

	test('escapes the title, the language and the URIs', () => {
		const html = renderChartPanelHtml({ ...input, title: '</title><script>alert(1)</script>', lang: '"><x', scriptUri: 'x"onload="alert(1)' });
		assert.ok(!html.includes('<script>alert(1)'));
		assert.ok(html.includes('&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;'));
		assert.ok(html.includes('lang="&#34;&#62;&#60;x"'));
		assert.ok(html.includes('src="x&#34;onload=&#34;alert(1)"'));
	});

	test('refuses a nonce that is short or could break out of the policy', () => {
		for (const nonce of ['', 'short', "abcdefghijklmnop' 'unsafe-inline", 'abcdefghijklmnop;script-src *']) {
			assert.throws(() => renderChartPanelHtml({ ...input, nonce }), RangeError, nonce);
		}
	});
});
