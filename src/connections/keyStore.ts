// The REST API keys, in VS Code's SecretStorage only: one per connection, each stored with the origin it was
// entered for. A key is handed out only for that origin, so a connection whose endpoint now resolves
// elsewhere (edited by hand, or overridden by a workspace) never sends it there. Values are never logged or shown.
import * as vscode from 'vscode';
import { apiKeyProblem } from '../shared/apiKey';
import { isRecord } from '../shared/guards';
import { nameKey } from '../shared/settingsEntries';
import type { ConnectionRef } from './model';
import { l10n } from '../l10n';

const SLOT_PREFIX = 'braze.connectionKey:';
/** Where the extension kept keys before connections existed: one per REST origin. */
const LEGACY_PREFIX = 'braze.apiKey:';
/** The slots that hold a key, without the keys: SecretStorage cannot list its entries, and Clear must reach every one. */
const INDEX_KEY = 'braze.connectionKeys';

/** What a connection's slot holds for the origin it is about to be sent to. */
export type KeyLookup =
	| { readonly status: 'ok'; readonly key: string }
	| { readonly status: 'missing' }
	/** A key exists, but it was entered for `origin`: it is not sent anywhere else. */
	| { readonly status: 'otherOrigin'; readonly origin: string };

interface SlotRecord {
	readonly slot: string;
	readonly scope: string;
	readonly name: string;
	readonly origin: string;
}

export class ConnectionKeyStore implements vscode.Disposable {
	readonly #changed = new vscode.EventEmitter<void>();
	/** Fires when a key was set or cleared, here or in another window. */
	readonly onDidChange = this.#changed.event;
	readonly #replaced = new vscode.EventEmitter<ConnectionRef | 'all'>();
	/** Fires, in this window, when a connection's key was replaced or removed (`all`: every key): what was fetched with the old one is dropped. */
	readonly onDidReplaceKey = this.#replaced.event;
	readonly #secrets: vscode.SecretStorage;
	readonly #memento: vscode.Memento;
	readonly #workspaceId: () => string;
	readonly #subscription: vscode.Disposable;

	/** `workspaceId` names the open workspace: a workspace-level connection's key belongs to that workspace only. */
	constructor(secrets: vscode.SecretStorage, memento: vscode.Memento, workspaceId: () => string) {
		this.#secrets = secrets;
		this.#memento = memento;
		this.#workspaceId = workspaceId;
		this.#subscription = secrets.onDidChange((e) => {
			if (e.key.startsWith(SLOT_PREFIX) || e.key.startsWith(LEGACY_PREFIX)) this.#changed.fire();
		});
	}

	/** The key of `ref` if it was entered for `origin`. */
	async get(ref: ConnectionRef, origin: string): Promise<KeyLookup> {
		const stored = parseSlotValue(await this.#secrets.get(this.#slot(ref)));
		if (!stored) return { status: 'missing' };
		return stored.origin === origin ? { status: 'ok', key: stored.key } : { status: 'otherOrigin', origin: stored.origin };
	}

	async has(ref: ConnectionRef, origin: string): Promise<boolean> {
		return (await this.get(ref, origin)).status === 'ok';
	}

	/** Stores `key` for `ref`, bound to `origin` (replacing any key the connection had). */
	async store(ref: ConnectionRef, origin: string, key: string): Promise<void> {
		const slot = this.#slot(ref);
		await this.#secrets.store(slot, JSON.stringify({ origin, key }));
		await this.#index([...this.#records().filter((r) => r.slot !== slot), { slot, scope: ref.scope, name: ref.name, origin }]);
		this.#replaced.fire(ref);
	}

	/** Removes the key of `ref`; true when there was one. */
	async delete(ref: ConnectionRef): Promise<boolean> {
		const slot = this.#slot(ref);
		const had = (await this.#secrets.get(slot)) !== undefined;
		await this.#secrets.delete(slot);
		await this.#index(this.#records().filter((r) => r.slot !== slot));
		this.#replaced.fire(ref);
		return had;
	}

	/** Removes every key this extension stored, in every workspace, including keys of connections deleted by hand; returns how many. */
	async deleteAll(legacyOrigins: readonly string[]): Promise<number> {
		let removed = 0;
		for (const record of this.#records()) {
			if ((await this.#secrets.get(record.slot)) !== undefined) removed++;
			await this.#secrets.delete(record.slot);
		}
		for (const origin of legacyOrigins) {
			if ((await this.legacyKey(origin)) !== undefined) removed++;
			await this.#secrets.delete(LEGACY_PREFIX + origin);
		}
		await this.#index([]);
		this.#replaced.fire('all');
		return removed;
	}

	/** A key stored by an earlier version for a REST origin (before connections). */
	legacyKey(origin: string): Thenable<string | undefined> {
		return this.#secrets.get(LEGACY_PREFIX + origin);
	}

	/** Writes a key where an earlier version kept it: only the migration test calls this. */
	storeLegacyKeyForTest(origin: string, key: string): Thenable<void> {
		return this.#secrets.store(LEGACY_PREFIX + origin, key);
	}

	deleteLegacyKey(origin: string): Thenable<void> {
		return this.#secrets.delete(LEGACY_PREFIX + origin);
	}

	/** Forgets the slot of a connection that was renamed, moving its key to the new name. */
	async rename(from: ConnectionRef, to: ConnectionRef): Promise<void> {
		const stored = parseSlotValue(await this.#secrets.get(this.#slot(from)));
		if (!stored) return;
		await this.store(to, stored.origin, stored.key);
		await this.delete(from);
	}

	dispose(): void {
		this.#subscription.dispose();
		this.#changed.dispose();
		this.#replaced.dispose();
	}

	#slot(ref: ConnectionRef): string {
		return SLOT_PREFIX + this.identity(ref);
	}

	/** What identifies a connection across windows: its level, its workspace when it is a workspace's, and its name. Also its cache partition. */
	identity(ref: ConnectionRef): string {
		return JSON.stringify([ref.scope, ref.scope === 'workspace' ? this.#workspaceId() : '', nameKey(ref.name)]);
	}

	#records(): SlotRecord[] {
		const raw = this.#memento.get<unknown>(INDEX_KEY);
		return Array.isArray(raw) ? raw.filter((r): r is SlotRecord => isRecord(r) && typeof r.slot === 'string' && r.slot.startsWith(SLOT_PREFIX)) : [];
	}

	#index(records: readonly SlotRecord[]): Thenable<void> {
		return this.#memento.update(INDEX_KEY, records);
	}
}

function parseSlotValue(raw: string | undefined): { origin: string; key: string } | undefined {
	if (raw === undefined) return undefined;
	try {
		const value: unknown = JSON.parse(raw);
		return isRecord(value) && typeof value.origin === 'string' && typeof value.key === 'string' ? { origin: value.origin, key: value.key } : undefined;
	} catch {
		return undefined;
	}
}

/** Why a typed key cannot be a Braze REST API key (localized), or undefined when it looks usable. */
export function apiKeyProblemText(value: string): string | undefined {
	switch (apiKeyProblem(value)) {
		case undefined:
			return undefined;
		case 'empty':
			return l10n.t('Enter the REST API key.');
		case 'quoted':
			return l10n.t('Remove the quotes around the key.');
		case 'badCharacters':
			return l10n.t('The key cannot contain spaces, control characters or characters outside plain ASCII. Paste it again.');
		case 'tooLong':
			return l10n.t('This is too long to be a REST API key.');
	}
}
