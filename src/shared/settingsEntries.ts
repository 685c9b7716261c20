// Entries of a settings array that people edit by hand: finding one again after others changed the array,
// comparing names, quoting a bad value. Shared by saved queries and connections. No `vscode` here.
import { isRecord } from './guards';

/**
 * Where the element read as `raw` at `index` is in `current` now: `index` when it is still there unchanged,
 * else the index of the only identical element (the array was reordered or grown elsewhere); -1 when it changed or is gone.
 */
export function locateEntry(current: readonly unknown[], index: number, raw: unknown): number {
	const identity = canonicalJson(raw);
	if (index < current.length && canonicalJson(current[index]) === identity) return index;
	const matches = current.flatMap((element, i) => (canonicalJson(element) === identity ? [i] : []));
	return matches.length === 1 ? matches[0] : -1;
}

/** JSON with object keys sorted, so that two reads of the same entry compare equal whatever the key order. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => (isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v)) ?? 'undefined';
}

/** A short quote of an untrusted value for a message. */
export function describeValue(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The form of a name that uniqueness compares: names are unique per scope regardless of case and surrounding spaces. */
export function nameKey(name: string): string {
	return name.trim().toLowerCase();
}
