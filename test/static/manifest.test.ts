// The manifest and the code agree: every contributed command is registered, every menu entry points at a
// contributed command, and the version pins that let the extension load in VS Code 1.100 hold.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { listFiles, readJson, REPO_ROOT } from '../support/repo';

interface Manifest {
	engines: { vscode: string };
	main: string;
	devDependencies: Record<string, string>;
	dependencies?: Record<string, string>;
	contributes: {
		commands: { command: string; title: string; category?: string }[];
		menus?: Record<string, { command?: string; submenu?: string; when?: string }[]>;
		views?: Record<string, { id: string }[]>;
	};
}

const manifest = readJson('package.json') as Manifest;
const contributed = manifest.contributes.commands.map((c) => c.command);

/** Command ids quoted in files that register commands (the in-host suite checks the real registry too). */
function registeredCommands(): Set<string> {
	const ids = new Set<string>();
	for (const file of listFiles('src', '.ts')) {
		const source = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
		if (!source.includes('registerCommand(')) continue;
		for (const m of source.matchAll(/'(braze\.[A-Za-z.]+)'/g)) ids.add(m[1]);
	}
	return ids;
}

test('every contributed command is registered in the code', () => {
	const registered = registeredCommands();
	assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
});

test('every command has the Braze category and a %localized% title', () => {
	for (const c of manifest.contributes.commands) {
		assert.equal(c.category, 'Braze', c.command);
		assert.match(c.title, /^%[^%]+%$/, c.command);
	}
});

test('every menu entry points at a contributed command', () => {
	for (const [menu, entries] of Object.entries(manifest.contributes.menus ?? {})) {
		for (const entry of entries) if (entry.command) assert.ok(contributed.includes(entry.command), `${menu}: ${entry.command}`);
	}
});

test('pins: engines.vscode ^1.100.0, @types/vscode ~1.100.0, no node-fetch, no webview-ui-toolkit, no runtime dependencies', () => {
	assert.equal(manifest.engines.vscode, '^1.100.0');
	assert.equal(manifest.devDependencies['@types/vscode'], '~1.100.0');
	const all = { ...manifest.devDependencies, ...(manifest.dependencies ?? {}) };
	assert.equal(all['node-fetch'], undefined);
	assert.equal(all['@vscode/webview-ui-toolkit'], undefined);
	assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'everything is bundled: the .vsix ships no node_modules');
	assert.equal(manifest.main, './dist/extension.js');
});

test('the Braze client and the shared code never import vscode', () => {
	for (const dir of ['src/braze', 'src/shared', 'sandbox']) {
		for (const file of listFiles(dir, '.ts')) {
			const source = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
			assert.doesNotMatch(source, /from 'vscode'|require\('vscode'\)/, file);
		}
	}
});

test('host code never uses node-fetch or writes the API key to a log', () => {
	for (const file of listFiles('src', '.ts')) {
		const source = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
		assert.doesNotMatch(source, /node-fetch/, file);
		assert.doesNotMatch(source, /(log|console)\.\w+\([^)]*apiKey/i, file);
	}
});
