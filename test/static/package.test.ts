// The .vsix ships only what runs, and the bundles stay within their budgets.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repo';
import { listZipEntries } from '../support/zip';

const VSIX = path.join(REPO_ROOT, 'dist-vsix', 'braze-kpi.vsix');
// Issue 11: what activation loads (dist/extension.js and the chunks it requires) stays within 80 KiB; the commands,
// panels, fetching and chat load on first use from dist/features-*.js. `npm run bench` prints what each part costs.
const ACTIVATION_BUDGET = 80 * 1024;
const WEBVIEW_BUDGET = 300 * 1024;

interface Metafile {
	outputs: Record<string, { bytes: number; imports: { path: string; kind: string }[]; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** The host build's metafile (esbuild.js writes it next to the bundles; it does not ship). */
function hostMetafile(): Metafile {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'host-meta.json'), 'utf8')) as Metafile;
}

/** `entry` and every host file it requires at load time (not those behind `import()`). */
function loadedAtStart(meta: Metafile, entry: string): string[] {
	const files = [entry];
	for (const file of files) {
		for (const imported of meta.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && imported.path in meta.outputs && !files.includes(imported.path)) files.push(imported.path);
	}
	return files;
}

test('the .vsix holds the bundles, media, l10n, manifest strings and docs, and nothing else', () => {
	// vsce writes readme.md and changelog.md in lower case.
	const names = listZipEntries(VSIX).map((e) => e.name).filter((n) => n.startsWith('extension/'));
	const lower = names.map((n) => n.toLowerCase());
	for (const required of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/webview.js', 'extension/l10n/bundle.l10n.fr.json', 'extension/package.nls.json', 'extension/package.nls.fr.json', 'extension/readme.md', 'extension/changelog.md', 'extension/license.txt', 'extension/media/icon.png', 'extension/dist/codicons/codicon.css', 'extension/dist/codicons/codicon.ttf']) {
		assert.ok(lower.includes(required), `missing ${required}`);
	}
	const allowed = /^extension\/(package\.json|package\.nls(\.fr)?\.json|readme\.md|changelog\.md|LICENSE(\.txt)?|dist\/(extension|webview|(features|chunk)-\w+)\.js|media\/(walkthrough\/)?[\w.-]+|l10n\/bundle\.l10n\.fr\.json|dist\/codicons\/codicon\.(css|ttf))$/;
	assert.deepEqual(names.filter((n) => !allowed.test(n)), [], 'files that should not ship');
});

test(`what activation loads is under ${ACTIVATION_BUDGET / 1024} KiB, the features load on first use, and the webview bundle is under ${WEBVIEW_BUDGET / 1024} KiB`, () => {
	const meta = hostMetafile();
	const hostFiles = Object.keys(meta.outputs).filter((f) => f.endsWith('.js'));
	const size = (file: string) => fs.statSync(path.join(REPO_ROOT, file)).size;
	const atStart = loadedAtStart(meta, 'dist/extension.js');
	const activation = atStart.reduce((sum, file) => sum + size(file), 0);
	const total = hostFiles.reduce((sum, file) => sum + size(file), 0);
	const webview = size('dist/webview.js');
	console.log(`activation loads ${atStart.join(' + ')}: ${activation} bytes; all host files ${total} bytes; webview bundle ${(webview / 1024).toFixed(1)} KiB`);
	assert.ok(activation < ACTIVATION_BUDGET, `activation loads ${activation} bytes`);
	assert.ok(webview < WEBVIEW_BUDGET, `webview bundle is ${webview} bytes`);
	// The features are one file reached only through import(); without it, the split would have gone.
	const features = hostFiles.filter((f) => /^dist\/features-\w+\.js$/.test(f));
	assert.equal(features.length, 1, `host files: ${hostFiles.join(', ')}`);
	assert.ok(!atStart.includes(features[0]), 'activation must not load the features');
	assert.ok(Object.keys(meta.outputs[features[0]].inputs).includes('src/lazy/features.ts'));
	// Minified production bundles carry no source map reference.
	for (const file of [...hostFiles, 'dist/webview.js']) assert.doesNotMatch(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'), /sourceMappingURL/, file);
});

test('no source file ships in two host files', () => {
	const meta = hostMetafile();
	const seen = new Map<string, string>();
	const twice: string[] = [];
	for (const [output, { inputs }] of Object.entries(meta.outputs)) {
		for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
			if (bytesInOutput === 0) continue;
			const first = seen.get(input);
			if (first !== undefined) twice.push(`${input} (${first}, ${output})`);
			else seen.set(input, output);
		}
	}
	assert.deepEqual(twice, []);
});
