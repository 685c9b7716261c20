// Entries of a settings array that people edit by hand: finding one again after others changed the array,
// comparing names, quoting a bad value. Shared by saved queries and connections. No `vscode` here.
import { isRecord } from './guards';
import type { L10n } from './l10n';

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

/** Why `name` (already trimmed) cannot name an entry of at most `maxLength` characters, or undefined. Uniqueness is checked separately. */
export function entryNameProblem(name: string, maxLength: number, l10n: L10n): string | undefined {
	if (name === '') return l10n.t('The name is empty: enter one.');
	if (name.length > maxLength) return l10n.t('The name is longer than {0} characters: shorten it.', maxLength);
	if (/[\u0000-\u001f\u007f]/.test(name)) return l10n.t('The name contains control characters: remove them.');
	return undefined;
}

/**
 * For an input box: why `input` cannot be a new name among `taken` (names at the same level), or undefined.
 * `problem` checks the name alone; `clash` words a name already used. `current`, the name being changed, may stay.
 */
export function newNameProblem(input: string, taken: readonly string[], problem: (name: string) => string | undefined, clash: (name: string) => string, current?: string): string | undefined {
	const name = input.trim();
	const own = problem(name);
	if (own !== undefined) return own;
	const key = nameKey(name);
	// An entry being renamed may keep its own name (in another case, say).
	if (current !== undefined && nameKey(current) === key) return undefined;
	return taken.some((other) => nameKey(other) === key) ? clash(name) : undefined;
}

/** The names used at a level, broken entries included (so that fixing one by hand never creates a clash). */
export function takenEntryNames(items: readonly { readonly name: string | null }[]): string[] {
	return items.flatMap((item) => (item.name === null ? [] : [item.name]));
}

/** `base`, or `base (2)`, `base (3)`… whichever is free among `taken`. */
export function uniqueEntryName(base: string, taken: readonly string[]): string {
	let name = base;
	for (let n = 2; taken.some((other) => nameKey(other) === nameKey(name)); n++) name = `${base} (${n})`;
	return name;
}
