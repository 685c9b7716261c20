// The key-leak scan must be able to fail: a canary planted in a throwaway folder, in each encoding, is found.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { canaryForms, findCanary, makeCanary, scanPaths } from '../../host/canaryScan';

const canary = makeCanary('sandbox-only-dau+', () => randomBytes(10).toString('hex'));
const forms = canaryForms([canary.key, canary.core]);

function throwawayFolder(t: { after: (fn: () => void) => void }): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-canary-scan-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	fs.mkdirSync(path.join(dir, 'logs', 'exthost'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'logs', 'exthost', 'Braze.log'), '2026-12-02 [info] GET /kpi/dau/data_series?length=30 200 12ms\n');
	fs.writeFileSync(path.join(dir, 'settings.json'), '{"braze.connections":[]}');
	return dir;
}

test('a clean folder has no hit', (t) => {
	const dir = throwawayFolder(t);
	const scan = scanPaths([dir], forms);
	assert.deepEqual(scan.hits, []);
	assert.equal(scan.files, 2);
});

test('the canary planted once in a log file is reported, with the file and the form', (t) => {
	const dir = throwawayFolder(t);
	const log = path.join(dir, 'logs', 'exthost', 'Braze.log');
	fs.appendFileSync(log, `2026-12-02 [error] Authorization: Bearer ${canary.key}\n`);
	const scan = scanPaths([dir], forms);
	assert.ok(scan.hits.length > 0, 'the planted canary was not found');
	assert.ok(scan.hits.every((hit) => hit.where === log));
	assert.ok(scan.hits.some((hit) => hit.form === 'canary plain'));
});

test('every encoding is caught: base64 at each offset, base64url, URL-encoded, JSON-escaped, UTF-16, hex, and the core alone', () => {
	const planted: [string, string | Buffer][] = [
		['base64 offset 0', Buffer.from(canary.key).toString('base64')],
		['base64 offset 1', Buffer.from(`x${canary.key}yz`).toString('base64')],
		['base64 offset 2', Buffer.from(`{"k":"${canary.key}"}`).toString('base64')],
		['base64url', Buffer.from(`??${canary.key}`).toString('base64url')],
		['url-encoded', `https://x.invalid/?key=${encodeURIComponent(canary.key)}`],
		['url-encoded lower', encodeURIComponent(canary.key).replace(/%2B/g, '%2b')],
		['webview state script', `let state = JSON.parse(decodeURIComponent("${encodeURIComponent(JSON.stringify({ key: canary.key }))}"))`],
		['utf-16', Buffer.from(`state:${canary.key}`, 'utf16le')],
		['hex', Buffer.from(canary.key).toString('hex').toUpperCase()],
		['core only', `truncated …${canary.core.slice(0)}`],
	];
	for (const [label, content] of planted) assert.ok(findCanary(label, content, forms).length > 0, `${label} was not caught`);
	assert.deepEqual(findCanary('another key', 'Bearer sandbox-only-dau+leakcanary0000', forms), []);
});

test('an excluded path is not read, and the reason is listed', (t) => {
	const dir = throwawayFolder(t);
	const store = path.join(dir, 'secrets.json');
	fs.writeFileSync(store, canary.key);
	const scan = scanPaths([dir], forms, { exclude: new Map([[store, 'the secret store']]) });
	assert.deepEqual(scan.hits, []);
	assert.deepEqual(scan.skipped, [`${store} (the secret store)`]);
});
