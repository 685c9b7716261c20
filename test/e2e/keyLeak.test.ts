// Issue 12 D, the key-leak scan: a canary API key, every command of LEAK_ACTIONS run through the UI, then a search
// for the canary (plain, base64, URL-encoded, JSON-escaped, UTF-16, hex) in every file code-server, the extension
// and the sandbox wrote, their output, the clipboard, the browser's storage, and every frame's DOM and webview state.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { browserProfileDirs, browserStorage, captureWebviewApi, decryptedSecretStore, frameTexts } from '../host/browserState';
import type { CanaryHit } from '../host/canaryScan';
import { canaryForms, findCanary, makeCanary, scanPaths } from '../host/canaryScan';
import { sandboxInvalidKey } from '../../sandbox/keys';
import { useE2eSession } from '../host/e2eSession';
import { extensionId } from '../host/paths';
import type { LeakScanContext } from './leakActions';
import { LEAK_ACTIONS, SKIPPED_BY_DESIGN } from './leakActions';

// sandbox-only-dau+: the sandbox serves DAU to this key and answers 403 Access Denied for the other series.
const canary = makeCanary('sandbox-only-dau+', () => randomBytes(12).toString('hex'));
// sandbox-invalid-: the sandbox answers 401 to this key and echoes it in its message, as Braze does.
const refusedKey = sandboxInvalidKey(canary.core);
const forms = canaryForms([canary.key, canary.core]);

/**
 * code-server keeps VS Code's SecretStorage in the browser: localStorage `secrets.provider`, AES-GCM sealed with a key
 * half the server mints (see decryptedSecretStore). It is the one place the key belongs, so that one entry is not
 * searched as stored; it is decrypted instead, and must hold the canary only as this extension's secret.
 */
const SECRET_STORE_ENTRY = 'secrets.provider';

describe('key-leak scan (code-server)', () => {
	const context: { value?: LeakScanContext } = {};
	const current = useE2eSession({ settings: { 'braze.requestTimeoutSeconds': 2 } }, async (session) => {
		await captureWebviewApi(session.page.context());
		context.value = { session, key: canary.key, refusedKey, texts: [] };
	});
	const scanContext = (): LeakScanContext => {
		current();
		assert.ok(context.value, 'the session did not open');
		return context.value;
	};

	for (const action of LEAK_ACTIONS) {
		test(`runs ${action.name} with the canary key`, async () => action.run(scanContext()));
	}

	test(`finds the canary nowhere but in the secret store (not yet covered: ${SKIPPED_BY_DESIGN.join(', ')})`, async () => {
		const { session, texts } = scanContext();
		const { page, host, sandbox } = session;
		const hits: CanaryHit[] = [];

		// Each editor tab in turn, so that every panel's webview is loaded: its DOM and state are read while shown.
		const tabs = page.locator('.tabs-container .tab');
		const frames = new Map<string, { where: string; html: string; state: string | null }>();
		const tabCount = await tabs.count();
		for (let i = 0; i < tabCount; i++) {
			await tabs.nth(i).click();
			await page.locator('iframe.webview.ready').first().waitFor({ state: 'attached' }).catch(() => undefined);
			await page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame').locator('main#panel').waitFor({ state: 'attached', timeout: 15_000 }).catch(() => undefined);
			for (const frame of await frameTexts(page)) frames.set(`${frame.html}\u0000${frame.state ?? ''}`, { ...frame, where: `tab ${i + 1}: ${frame.where}` });
		}
		let states = 0;
		for (const frame of frames.values()) {
			hits.push(...findCanary(`${frame.where} DOM`, frame.html, forms));
			if (frame.state !== null) {
				states++;
				hits.push(...findCanary(`${frame.where} getState()`, frame.state, forms));
			}
		}

		const storage = await browserStorage(page);
		for (const entry of storage) if (entry.key !== SECRET_STORE_ENTRY) hits.push(...findCanary(entry.where, Buffer.from(entry.bytes, 'latin1'), forms));
		const secrets = await decryptedSecretStore(page);
		assert.ok(secrets, 'no secret store in localStorage: has code-server changed where it keeps secrets?');
		const holdingCanary = Object.entries(secrets).filter(([name, value]) => findCanary(name, `${name}\n${value}`, forms).length > 0);

		// code-server's folders (user data with settings, logs and storage; the workspace with the exports; extensions;
		// XDG folders) all live in its scratch folder; the browser's profile is its own.
		const profiles = browserProfileDirs();
		const files = scanPaths([host.scratchDir, ...profiles], forms);
		hits.push(...files.hits);
		hits.push(...findCanary('sandbox stdout and stderr', sandbox.process.output(), forms));
		hits.push(...findCanary('code-server output', host.process.output(), forms));
		for (const text of texts) hits.push(...findCanary(text.where, text.text, forms));

		const logFiles = fs.readdirSync(host.userDataDir, { recursive: true, encoding: 'utf8' }).filter((file) => /Braze\.log$/.test(file));
		console.log(
			`scanned ${files.files} files (${(files.bytes / 1e6).toFixed(1)} MB) under ${[host.scratchDir, ...profiles].join(', ')}, ${storage.length} browser storage entries, ` +
				`${frames.size} frames over ${tabCount} tabs (${states} webview states), sandbox and code-server output, ${texts.length} other texts; ${forms.length} forms of the canary`,
		);
		console.log(`secret store: ${Object.keys(secrets).length} secrets, the canary in: ${holdingCanary.map(([name]) => name).join('; ')}`);
		console.log(`skipped: ${files.skipped.length} (${files.skipped.slice(0, 5).join('; ')})`);
		console.log(`Braze log files: ${logFiles.join(', ')}`);

		assert.deepEqual(hits, [], 'the canary key was found outside the secret store');
		// The scan looked where it had to: the extension's log, the exports, the webviews, the secret store.
		assert.ok(logFiles.length > 0, 'no Braze log file under the user data dir');
		assert.equal(profiles.length, 1, 'the browser\'s profile folder was not found');
		assert.ok(fs.existsSync(`${host.workspaceDir}/leak-scan-export.json`) && fs.existsSync(`${host.workspaceDir}/leak-scan-export.csv`), 'the exports were not written');
		assert.ok(states > 0, 'no webview state was read');
		// Decrypted, the secret store holds the canary, and only as this extension's secrets (one per connection), as the value alone.
		assert.ok(holdingCanary.length > 0, 'the key is not in the secret store');
		for (const [name, value] of holdingCanary) {
			assert.ok(name.includes(`"extensionId":"${extensionId}"`), `the canary is in another extension's secret: ${name}`);
			assert.ok(!findCanary(name, name, forms).length, 'the canary is in a secret\'s name');
			assert.ok(value.includes(canary.key), 'a secret holds the canary in another form than as the key');
		}
	});
});
