// App names from the `braze.apps` setting: Braze has no API that lists apps, so people name their app
// identifiers themselves, for every connection or for one. Checking the hand-written entries, and looking
// names up. No `vscode` here.
import { isRecord } from '../shared/guards';
import type { L10n } from '../shared/l10n';
import { isValidAppId, isValidConnectionName } from '../shared/query';
import { describeValue, entryNameProblem, nameKey } from '../shared/settingsEntries';

/** One usable entry: `connection` set means it names the app only on that connection. */
export interface AppEntry {
	readonly name: string;
	readonly appId: string;
	readonly connection?: string;
}

/** The setting as read: the usable entries, and a sentence per entry that is left out. */
export interface AppsReading {
	readonly entries: readonly AppEntry[];
	readonly problems: readonly string[];
}

/** The longest app name: it shows in tabs and legends. */
export const MAX_APP_NAME_LENGTH = 60;

/**
 * Checks the raw setting value. A bad entry, a second entry with the same name, or a second name for the same
 * identifier (at the same level: all connections, or one) is left out with a problem; nothing is ever rewritten.
 */
export function readAppsSetting(value: unknown, l10n: L10n): AppsReading {
	const list = value ?? [];
	if (!Array.isArray(list)) return { entries: [], problems: [l10n.t('braze.apps must be a list of apps, not {0}.', describeValue(list))] };
	const entries: AppEntry[] = [];
	const problems: string[] = [];
	for (const [index, raw] of (list as readonly unknown[]).entries()) {
		const checked = checkAppEntry(raw, l10n);
		const at = index + 1;
		if (typeof checked === 'string') {
			problems.push(l10n.t('Entry {0} of braze.apps is left out: {1}.', at, checked));
			continue;
		}
		const level = nameKey(checked.connection ?? '');
		const sameLevel = entries.filter((e) => nameKey(e.connection ?? '') === level);
		if (sameLevel.some((e) => nameKey(e.name) === nameKey(checked.name))) {
			problems.push(l10n.t('Entry {0} of braze.apps is left out: an entry above is already named "{1}".', at, checked.name));
		} else if (sameLevel.some((e) => e.appId === checked.appId)) {
			problems.push(l10n.t('Entry {0} of braze.apps is left out: an entry above already names the app {1}.', at, checked.appId));
		} else {
			entries.push(checked);
		}
	}
	return { entries, problems };
}

/** One entry, or the problem with it in a few words. */
function checkAppEntry(raw: unknown, l10n: L10n): AppEntry | string {
	if (!isRecord(raw)) return l10n.t('it must be an object such as {0}, not {1}', '{"name": "iOS", "appId": "…"}', describeValue(raw));
	const { name, appId, connection } = raw;
	if (typeof name !== 'string') return name === undefined ? l10n.t('name is missing') : l10n.t('name must be text, not {0}', describeValue(name));
	const problem = entryNameProblem(name.trim(), MAX_APP_NAME_LENGTH, l10n);
	if (problem !== undefined) return problem;
	if (typeof appId !== 'string' || !isValidAppId(appId)) return l10n.t('appId must be an app identifier without spaces, not {0}', describeValue(appId));
	if (connection !== undefined && (typeof connection !== 'string' || !isValidConnectionName(connection))) return l10n.t('connection must be the name of a connection (1 to 60 characters), not {0}', describeValue(connection));
	return { name: name.trim(), appId, ...(connection === undefined ? {} : { connection: connection.trim() }) };
}

/** The names that apply on one connection: its own entries win over the ones for every connection. */
export class AppDirectory {
	readonly #byId = new Map<string, string>();
	readonly #byName = new Map<string, string>();

	constructor(entries: readonly AppEntry[], connection: string | undefined) {
		const own = connection === undefined ? [] : entries.filter((e) => e.connection !== undefined && nameKey(e.connection) === nameKey(connection));
		const global = entries.filter((e) => e.connection === undefined);
		for (const entry of [...own, ...global]) {
			// The connection's entries come first: a global entry for the same app or name does not replace them.
			if (this.#byId.has(entry.appId) || this.#byName.has(nameKey(entry.name))) continue;
			this.#byId.set(entry.appId, entry.name);
			this.#byName.set(nameKey(entry.name), entry.appId);
		}
	}

	/** The app's name, or undefined when it has none. */
	nameOf(appId: string): string | undefined {
		return this.#byId.get(appId);
	}

	/** The identifier of the app named `name` (any case), or undefined. */
	idOf(name: string): string | undefined {
		return this.#byName.get(nameKey(name));
	}

	/** Every named app, in the order of the setting. */
	list(): readonly { readonly name: string; readonly appId: string }[] {
		return [...this.#byId].map(([appId, name]) => ({ name, appId }));
	}

	/** The names of the given apps that have one, for a result (`PanelResult.appNames`). */
	namesFor(appIds: readonly (string | null)[]): Record<string, string> {
		const names: Record<string, string> = {};
		for (const id of appIds) {
			const name = id === null ? undefined : this.nameOf(id);
			if (id !== null && name !== undefined) names[id] = name;
		}
		return names;
	}
}

/**
 * An app as someone wrote it in a command's arguments: a name from `braze.apps` (any case) or an identifier.
 * A name wins over an identifier spelled the same; text that is neither (it has spaces) is an unknown name.
 */
export function resolveAppReference(text: string, directory: AppDirectory): { readonly ok: true; readonly appId: string } | { readonly ok: false } {
	const byName = directory.idOf(text);
	if (byName !== undefined) return { ok: true, appId: byName };
	return isValidAppId(text) ? { ok: true, appId: text } : { ok: false };
}
