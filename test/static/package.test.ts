// The .vsix ships only what runs, and the bundles stay within their budgets.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repo';
import { listZipEntries } from '../support/zip';

const VSIX = path.join(REPO_ROOT, 'dist-vsix', 'braze-kpi.vsix');
// Issue 11 aims at 80 KB for the host bundle with everything the connections, cache, status bar and chat add; it is not met yet,
// so this budget is the ceiling held meanwhile. `npm run bench` prints what each part costs.
// Raised from 128 KiB by the range presets (prompt steps, preset names, day labels) and the B10 wording (issue 10).
const HOST_BUDGET = 133 * 1024;
const WEBVIEW_BUDGET = 300 * 1024;

test('the .vsix holds the bundles, media, l10n, manifest strings and docs, and nothing else', () => {
	// vsce writes readme.md and changelog.md in lower case.
	const names = listZipEntries(VSIX).map((e) => e.name).filter((n) => n.startsWith('extension/'));
	const lower = names.map((n) => n.toLowerCase());
	for (const required of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/webview.js', 'extension/l10n/bundle.l10n.fr.json', 'extension/package.nls.json', 'extension/package.nls.fr.json', 'extension/readme.md', 'extension/changelog.md', 'extension/license.txt', 'extension/media/icon.png', 'extension/dist/codicons/codicon.css', 'extension/dist/codicons/codicon.ttf']) {
		assert.ok(lower.includes(required), `missing ${required}`);
	}
	const allowed = /^extension\/(package\.json|package\.nls(\.fr)?\.json|readme\.md|changelog\.md|LICENSE(\.txt)?|dist\/(extension|webview)\.js|media\/(walkthrough\/)?[\w.-]+|l10n\/bundle\.l10n\.fr\.json|dist\/codicons\/codicon\.(css|ttf))$/;
	assert.deepEqual(names.filter((n) => !allowed.test(n)), [], 'files that should not ship');
});

test(`the production host bundle is under ${HOST_BUDGET} bytes and the webview bundle under ${WEBVIEW_BUDGET / 1024} KiB`, () => {
	const host = fs.statSync(path.join(REPO_ROOT, 'dist', 'extension.js')).size;
	const webview = fs.statSync(path.join(REPO_ROOT, 'dist', 'webview.js')).size;
	console.log(`host bundle ${host} bytes, webview bundle ${(webview / 1024).toFixed(1)} KiB`);
	assert.ok(host < HOST_BUDGET, `host bundle is ${host} bytes`);
	assert.ok(webview < WEBVIEW_BUDGET, `webview bundle is ${webview} bytes`);
	// Minified production bundles carry no source map reference.
	assert.doesNotMatch(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'extension.js'), 'utf8'), /sourceMappingURL/);
});
