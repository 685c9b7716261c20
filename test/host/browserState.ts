// What the browser side of code-server holds, for the key-leak scan: the workbench origin's localStorage and every
// IndexedDB database (VS Code's web storage: settings state, editor and webview state, the secret store), the DOM of
// every frame, and the state each webview persisted with setState (captured by an init script).
import * as fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export interface StoredEntry {
	/** 'localStorage <key>' or 'indexedDB <db>/<store> <key>'. */
	readonly where: string;
	readonly key: string;
	/** The value as bytes in a latin1 string (strings as UTF-8), so that binary values can be searched too. */
	readonly bytes: string;
}

/** Every localStorage item and IndexedDB record of the page's origin, read without writing anything. */
export async function browserStorage(page: Page): Promise<StoredEntry[]> {
	return page.evaluate(async () => {
		const latin1 = (bytes: Uint8Array): string => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
		const asBytes = (value: unknown): string => {
			if (typeof value === 'string') return latin1(new TextEncoder().encode(value));
			if (value instanceof ArrayBuffer) return latin1(new Uint8Array(value));
			if (ArrayBuffer.isView(value)) return latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
			return latin1(new TextEncoder().encode(JSON.stringify(value) ?? String(value)));
		};
		const entries: { where: string; key: string; bytes: string }[] = [];
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i) ?? '';
			entries.push({ where: `localStorage ${key}`, key, bytes: asBytes(localStorage.getItem(key) ?? '') });
		}
		for (const info of await indexedDB.databases()) {
			if (!info.name) continue;
			const name = info.name;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(name);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
			});
			try {
				for (const store of Array.from(db.objectStoreNames)) {
					const records = await new Promise<[IDBValidKey, unknown][]>((resolve, reject) => {
						const tx = db.transaction(store, 'readonly');
						const keys = tx.objectStore(store).getAllKeys();
						const values = tx.objectStore(store).getAll();
						tx.oncomplete = () => resolve(keys.result.map((key, index) => [key, values.result[index]]));
						tx.onerror = () => reject(tx.error ?? new Error(`cannot read ${name}/${store}`));
					});
					for (const [key, value] of records) {
						const keyText = typeof key === 'string' ? key : JSON.stringify(key);
						entries.push({ where: `indexedDB ${name}/${store} ${keyText}`, key: keyText, bytes: asBytes(value) });
					}
				}
			} finally {
				db.close();
			}
		}
		return entries;
	});
}

/**
 * Makes every webview frame keep the API object it acquires in `window.__brazeLeakScanApi`, so that the scan can
 * call its getState(). Must run before the webviews are created. The webview code still acquires the API once.
 */
export async function captureWebviewApi(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const scope = globalThis as unknown as { acquireVsCodeApi?: () => unknown; __brazeLeakScanApi?: unknown };
		let acquire: (() => unknown) | undefined;
		Object.defineProperty(scope, 'acquireVsCodeApi', {
			configurable: true,
			get: () =>
				acquire &&
				(() => {
					scope.__brazeLeakScanApi ??= acquire?.();
					return scope.__brazeLeakScanApi;
				}),
			set: (value: () => unknown) => {
				acquire = value;
			},
		});
	});
}

export interface FrameText {
	/** 'frame #n <url>' */
	readonly where: string;
	/** The frame's whole DOM (scripts included: VS Code writes a restored webview's state into one). */
	readonly html: string;
	/** JSON of the webview's getState(), when the frame acquired the VS Code API; null otherwise. */
	readonly state: string | null;
}

/** The DOM and webview state of every frame of the page (the workbench, and each webview's two frames). */
export async function frameTexts(page: Page): Promise<FrameText[]> {
	const texts: FrameText[] = [];
	for (const [index, frame] of page.frames().entries()) {
		const read = await frame
			.evaluate(() => {
				const api = (globalThis as unknown as { __brazeLeakScanApi?: { getState?: () => unknown } }).__brazeLeakScanApi;
				return { html: document.documentElement.outerHTML, state: api?.getState ? JSON.stringify(api.getState() ?? null) : null };
			})
			.catch(() => null); // A frame that went away while we looked.
		if (read) texts.push({ where: `frame #${index} ${frame.url().slice(0, 120)}`, ...read });
	}
	return texts;
}

/**
 * The secret store of code-server's workbench, decrypted: VS Code web's LocalStorageSecretStorageProvider keeps every
 * secret in localStorage `secrets.provider`, AES-GCM sealed (32-byte client key half ‖ 12-byte IV ‖ ciphertext, base64)
 * with a key whose other half the server mints at `<path>/mint-key`. Returns the secrets as stored: key → value.
 */
export async function decryptedSecretStore(page: Page): Promise<Record<string, string> | null> {
	return page.evaluate(async () => {
		const sealed = localStorage.getItem('secrets.provider');
		if (sealed === null) return null;
		const bytes = Uint8Array.from(atob(sealed), (c) => c.charCodeAt(0));
		const clientHalf = bytes.slice(0, 32);
		const iv = bytes.slice(32, 44);
		const mintUrl = `${window.location.pathname}/mint-key`.replace(/\/\/+/g, '/');
		const serverHalf = new Uint8Array(await (await fetch(mintUrl, { method: 'POST', credentials: 'include' })).arrayBuffer());
		const raw = clientHalf.map((byte, i) => byte ^ (serverHalf[i] ?? 0));
		const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
		const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, bytes.slice(44));
		return JSON.parse(new TextDecoder().decode(plain)) as Record<string, string>;
	});
}

/**
 * The on-disk profile folders (`--user-data-dir`) of the browsers this process started, found from /proc: the
 * browser writes its own files there (caches, crash data), though a test's context keeps its storage in memory.
 */
export function browserProfileDirs(root = process.pid): string[] {
	const children = new Map<number, number[]>();
	const commandLines = new Map<number, string[]>();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
			commandLines.set(Number(name), fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0'));
		} catch {
			// The process ended while we looked.
		}
	}
	const dirs = new Set<string>();
	const visit = (pid: number): void => {
		for (const arg of commandLines.get(pid) ?? []) if (arg.startsWith('--user-data-dir=')) dirs.add(arg.slice('--user-data-dir='.length));
		for (const child of children.get(pid) ?? []) visit(child);
	};
	visit(root);
	return [...dirs].filter((dir) => fs.existsSync(dir));
}
