// Which connection a query runs on, and its key: the query's own connection, or the connection of its legacy
// `endpoint`, or the active one; a key only when it was entered for the connection's current origin.
import * as vscode from 'vscode';
import type { SettingsScope } from '../config/settingsArray';
import type { KpiQuerySpec } from '../shared/query';
import { invalidEndpointError } from '../braze/instances';
import { lookupEndpoint } from './endpoint';
import { promptForApiKey } from './keyPrompt';
import type { ConnectionKeyStore } from './keyStore';
import { defaultConnectionName, takenConnectionNames } from './model';
import type { Connection, ConnectionRef } from './model';
import { uniqueName } from './migration';
import type { ConnectionStore } from './store';
import { l10n } from '../l10n';

/** A connection with the key to send to it. */
export interface BrazeAccess {
	readonly connection: Connection;
	readonly apiKey: string;
}

export class ConnectionAccess {
	readonly #store: ConnectionStore;
	readonly #keys: ConnectionKeyStore;

	constructor(store: ConnectionStore, keys: ConnectionKeyStore) {
		this.#store = store;
		this.#keys = keys;
	}

	/**
	 * The connection `spec` runs on; `from` is the level of the saved query it comes from. With none at all, offers
	 * Add Connection. Undefined (after saying why) when there is none to use.
	 */
	async connectionFor(spec: KpiQuerySpec, from?: SettingsScope): Promise<Connection | undefined> {
		await this.#store.whenReady();
		if (spec.connection !== undefined) {
			const named = this.#store.find(spec.connection, from);
			if (!named) void this.#explainMissing(spec.connection);
			return named;
		}
		if (spec.endpoint !== undefined) return this.connectionForEndpoint(spec.endpoint);
		const active = this.#store.active();
		if (active) return active;
		const added = await vscode.commands.executeCommand<ConnectionRef | undefined>('braze.addConnection');
		return added && this.#store.get(added);
	}

	/** The key to send to `connection`, asking for it (and saying why) when it is missing or was entered for another origin. */
	async keyFor(connection: Connection): Promise<string | undefined> {
		const lookup = await this.#keys.get(connection, connection.endpoint.origin);
		if (lookup.status === 'ok') return lookup.key;
		return promptForApiKey(this.#keys, connection, lookup.status === 'otherOrigin' ? { previousOrigin: lookup.origin } : {});
	}

	/** The key of `connection` when it has one for its origin; never asks (background work). */
	async storedKey(connection: Connection): Promise<string | undefined> {
		const lookup = await this.#keys.get(connection, connection.endpoint.origin);
		return lookup.status === 'ok' ? lookup.key : undefined;
	}

	/**
	 * A saved query or argument from before connections names an endpoint: the active connection when it points there,
	 * else the first that does, else a new user-level one. Throws BrazeValidationError when the value is not usable.
	 */
	async connectionForEndpoint(value: string): Promise<Connection | undefined> {
		const lookup = lookupEndpoint(value);
		if (!lookup.ok) throw lookup.reason === 'invalid' ? lookup.error : invalidEndpointError(value);
		const active = this.#store.active();
		if (active && active.endpoint.origin === lookup.endpoint.origin) return active;
		const existing = this.#store.withOrigin(lookup.endpoint.origin)[0];
		if (existing) return existing;
		const user = this.#store.readScope('user');
		if (user.problem !== null) return undefined;
		const ref = await this.#store.add('user', uniqueName(defaultConnectionName(lookup.endpoint), takenConnectionNames(user)), value.trim());
		void vscode.window.showInformationMessage(l10n.t('Added the connection "{0}" for the endpoint {1} that a saved query names.', ref.name, lookup.endpoint.host));
		return this.#store.get(ref);
	}

	async #explainMissing(name: string): Promise<void> {
		const add = l10n.t('Add Connection');
		const choice = await vscode.window.showErrorMessage(l10n.t('There is no connection named "{0}". Add it, or edit the query to use another connection.', name), add);
		if (choice === add) await vscode.commands.executeCommand('braze.addConnection');
	}
}
