// The key-leak scan: a canary key, every form in which it could have been written (plain, base64 at each alignment,
// URL-encoded, JSON-escaped, UTF-16), and a search of files, folders and texts for any of them.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CanaryForm {
	/** How the canary was encoded, e.g. 'plain', 'base64@1', 'url'. */
	readonly name: string;
	/** The bytes to look for, as a latin1 string (one char per byte), so that binary files can be searched too. */
	readonly bytes: string;
}

export interface CanaryHit {
	/** A file path, or the name of a text source such as 'webview DOM #2'. */
	readonly where: string;
	readonly form: string;
	/** A few bytes around the hit, for the failure message (the canary is not a real key). */
	readonly context: string;
}

/** A fresh canary: a prefix the sandbox reads (e.g. 'sandbox-only-dau+') and a random core that appears nowhere else. */
export function makeCanary(prefix: string, random: () => string): { readonly key: string; readonly core: string } {
	const core = `leakcanary${random()}`;
	return { key: `${prefix}${core}`, core };
}

/** The base64 characters that encode `text` whatever its offset in a larger base64 string (3 alignments). */
function base64Forms(text: string, name: string): CanaryForm[] {
	const data = Buffer.from(text, 'utf8');
	const forms: CanaryForm[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const encoded = Buffer.concat([Buffer.alloc(offset), data]).toString('base64');
		// Only the characters whose 6 bits all come from `text`: the first ones mix in the prefix, the last ones the padding.
		const start = Math.ceil((offset * 8) / 6);
		const end = Math.floor(((offset + data.length) * 8) / 6);
		const core = encoded.slice(start, end);
		forms.push({ name: `${name} base64@${offset}`, bytes: core });
		const urlSafe = core.replace(/\+/g, '-').replace(/\//g, '_');
		if (urlSafe !== core) forms.push({ name: `${name} base64url@${offset}`, bytes: urlSafe });
	}
	return forms;
}

/** Every form of each text worth searching for; duplicates (a form equal to the plain text) are dropped. */
export function canaryForms(texts: readonly string[]): CanaryForm[] {
	const forms: CanaryForm[] = [];
	for (const [index, text] of texts.entries()) {
		const name = index === 0 ? 'canary' : `canary part ${index}`;
		const utf8 = Buffer.from(text, 'utf8').toString('latin1');
		forms.push({ name: `${name} plain`, bytes: utf8 });
		forms.push({ name: `${name} url-encoded`, bytes: encodeURIComponent(text) });
		// Lower-case percent escapes, and form encoding (space as +), as other encoders write them.
		forms.push({ name: `${name} url-encoded lower`, bytes: encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) });
		forms.push({ name: `${name} json-escaped`, bytes: JSON.stringify(text).slice(1, -1) });
		forms.push({ name: `${name} utf-16le`, bytes: Buffer.from(text, 'utf16le').toString('latin1') });
		forms.push({ name: `${name} hex`, bytes: Buffer.from(text, 'utf8').toString('hex') });
		forms.push(...base64Forms(text, name));
	}
	const seen = new Set<string>();
	return forms.filter((form) => form.bytes.length > 0 && !seen.has(form.bytes) && (seen.add(form.bytes), true));
}

/** Hits of any form in `content` (a text, or a file's bytes). Hex is matched case-insensitively. */
export function findCanary(where: string, content: string | Buffer, forms: readonly CanaryForm[]): CanaryHit[] {
	const haystack = typeof content === 'string' ? Buffer.from(content, 'utf8').toString('latin1') : content.toString('latin1');
	const lower = haystack.toLowerCase();
	const hits: CanaryHit[] = [];
	for (const form of forms) {
		const at = form.name.endsWith(' hex') ? lower.indexOf(form.bytes) : haystack.indexOf(form.bytes);
		if (at >= 0) hits.push({ where, form: form.name, context: JSON.stringify(haystack.slice(Math.max(0, at - 40), at + form.bytes.length + 40)) });
	}
	return hits;
}

export interface ScanOptions {
	/** Paths (files or folders) not read, each with the reason it is allowed to hold the key. */
	readonly exclude?: ReadonlyMap<string, string>;
	/** Files larger than this are read anyway, but counted (default 64 MiB). */
	readonly largeFileBytes?: number;
}

export interface FileScan {
	readonly hits: CanaryHit[];
	/** Files read. */
	readonly files: number;
	readonly bytes: number;
	/** Entries skipped: excluded paths, sockets, pipes, and symlinks (not followed: their targets are scanned where they live). */
	readonly skipped: string[];
}

/** Reads every regular file under `roots` (recursively) and searches it for every form. */
export function scanPaths(roots: readonly string[], forms: readonly CanaryForm[], options: ScanOptions = {}): FileScan {
	const result = { hits: [] as CanaryHit[], files: 0, bytes: 0, skipped: [] as string[] };
	const visit = (entry: string): void => {
		const reason = options.exclude?.get(entry);
		if (reason !== undefined) {
			result.skipped.push(`${entry} (${reason})`);
			return;
		}
		let stat: fs.Stats;
		try {
			stat = fs.lstatSync(entry);
		} catch {
			return; // Removed while we looked (a lock file, a log rotated away).
		}
		if (stat.isDirectory()) {
			for (const child of fs.readdirSync(entry).sort()) visit(path.join(entry, child));
		} else if (stat.isFile()) {
			let content: Buffer;
			try {
				content = fs.readFileSync(entry);
			} catch {
				return;
			}
			result.files++;
			result.bytes += content.length;
			result.hits.push(...findCanary(entry, content, forms));
		} else {
			result.skipped.push(`${entry} (${stat.isSymbolicLink() ? 'symlink' : 'not a regular file'})`);
		}
	};
	for (const root of roots) visit(root);
	return result;
}
