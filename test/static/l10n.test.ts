// Every user-visible string has its French translation, with the same placeholders.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BRAZE_ERROR_MESSAGES } from '../../src/braze/errorMessages';
import { WEBVIEW_STRINGS } from '../../src/shared/webviewStrings';
import { listFiles, readJson, REPO_ROOT } from '../support/repo';

const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
// A `l10n.t(` call whose first argument is a single-quoted literal, possibly on the next line.
const LITERAL_CALL = /\bl10n\.t\(\s*'((?:[^'\\\n]|\\.)*)'/g;
const ANY_CALL = /\bl10n\.t\(/g;
// The one call with a computed argument: it localizes the client's error templates, checked below.
const COMPUTED_CALL_FILES = new Set([path.join('src', 'commands', 'errorWording.ts')]);

function unescapeLiteral(text: string): string {
	return text.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
}

/** Every English string the host localizes, with the files that use it. */
function hostStrings(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const file of listFiles('src', '.ts').filter((f) => !f.startsWith(path.join('src', 'webview')))) {
		const source = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
		const literals = [...source.matchAll(LITERAL_CALL)].map((m) => unescapeLiteral(m[1]));
		const calls = [...source.matchAll(ANY_CALL)].length;
		const computed = COMPUTED_CALL_FILES.has(file) ? 1 : 0;
		assert.equal(calls, literals.length + computed, `${file}: every l10n.t() call must take a string literal so that it can be translated`);
		for (const text of literals) found.set(text, [...(found.get(text) ?? []), file]);
	}
	// The client's error templates: errorWording.ts passes each to `l10n.t` as it is.
	for (const text of Object.values(BRAZE_ERROR_MESSAGES)) found.set(text, [...(found.get(text) ?? []), 'src/braze/errorMessages.ts']);
	// The webview's own strings: the host sends it `vscode.l10n.bundle`, where each is looked up by its English text.
	for (const text of Object.values(WEBVIEW_STRINGS)) found.set(text, [...(found.get(text) ?? []), 'src/shared/webviewStrings.ts']);
	return found;
}

test('every host and webview string has a French translation with the same placeholders', () => {
	const french = readJson('l10n/bundle.l10n.fr.json') as Record<string, string>;
	const strings = hostStrings();
	assert.ok(strings.size > 50, `expected the sources to hold many strings, found ${strings.size}`);
	const missing = [...strings.keys()].filter((s) => typeof french[s] !== 'string');
	assert.deepEqual(missing, [], 'strings without a French translation in l10n/bundle.l10n.fr.json');
	for (const [english, translated] of Object.entries(french)) {
		assert.equal(placeholders(translated), placeholders(english), `placeholders differ for ${JSON.stringify(english)}`);
		assert.notEqual(translated.trim(), '', `empty translation for ${JSON.stringify(english)}`);
	}
});

test('the French bundle holds no stale strings', () => {
	const french = readJson('l10n/bundle.l10n.fr.json') as Record<string, string>;
	const strings = hostStrings();
	const stale = Object.keys(french).filter((s) => !strings.has(s));
	assert.deepEqual(stale, [], 'translations of strings no source uses any more');
});

test('package.nls.fr.json translates exactly the keys of package.nls.json, with the same placeholders', () => {
	const english = readJson('package.nls.json') as Record<string, string>;
	const french = readJson('package.nls.fr.json') as Record<string, string>;
	assert.deepEqual(Object.keys(french).sort(), Object.keys(english).sort());
	for (const key of Object.keys(english)) assert.equal(placeholders(french[key]), placeholders(english[key]), key);
});

test('every %key% of the manifest is defined in package.nls.json, and every key is used', () => {
	const manifest = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
	const english = readJson('package.nls.json') as Record<string, string>;
	const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
	assert.deepEqual([...used].filter((k) => !(k in english)), [], 'manifest keys missing from package.nls.json');
	assert.deepEqual(Object.keys(english).filter((k) => !used.has(k)), [], 'package.nls.json keys the manifest does not use');
});
