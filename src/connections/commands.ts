// The connection commands: select, add, edit, rename, remove, set and clear a key, and Select REST Endpoint
// (now the endpoint step of editing the active connection). Each takes a tree node, `{connection, scope?}`, a
// `{scope, name}` reference, or nothing (then the active connection, or a question). Results are for tests and keybindings.
import * as vscode from 'vscode';
import { availableScopes, scopeSettingsName } from '../config/settingsArray';
import type { SettingsScope } from '../config/settingsArray';
import { describeStoreFailure } from '../queries/store';
import { isRecord } from '../shared/guards';
import { lookupEndpoint } from './endpoint';
import { apiKeyProblemText } from './keyStore';
import type { ConnectionKeyStore } from './keyStore';
import { promptForApiKey } from './keyPrompt';
import { defaultConnectionName, takenConnectionNames, validateNewConnectionName } from './model';
import type { Connection, ConnectionItem, ConnectionRef } from './model';
import { uniqueName } from './migration';
import { BACK, nameStep, pickConnection, pickEndpointStep, scopeStep } from './prompts';
import type { ConnectionStore } from './store';
import type { ConnectionAccess } from './access';
import { localizedMessage } from '../commands/errorPresenter';
import { BrazeValidationError } from '../braze/errors';
import { l10n } from '../l10n';

const { window, commands } = vscode;

/** A legacy endpoint argument that is not usable (already reported). */
const INVALID = Symbol('invalid');

export interface ConnectionCommandDeps {
	readonly store: ConnectionStore;
	readonly access: ConnectionAccess;
	readonly keys: ConnectionKeyStore;
	/** Verifies a connection with a progress notification; resolves when shown. */
	readonly verify: (connection: Connection) => Promise<unknown>;
	/** Every origin an earlier version may have kept a key for (Clear API Key for every connection reaches them too). */
	readonly legacyOrigins: () => string[];
	/** The item selected in the Connections view: F2 and Delete pass no argument. */
	readonly selected: () => ConnectionItem | undefined;
}

export function registerConnectionCommands(context: vscode.ExtensionContext, deps: ConnectionCommandDeps): void {
	for (const [id, handler] of Object.entries(connectionCommands(deps))) context.subscriptions.push(commands.registerCommand(id, handler));
}

function connectionCommands(deps: ConnectionCommandDeps): Record<string, (arg?: unknown) => unknown> {
	const { store, keys } = deps;
	const hasKey = async (c: Connection) => (await keys.get(c, c.endpoint.origin)).status === 'ok';

	/** The connection an argument names; without one, the active connection; with none at all, offers to add one. */
	const target = async (arg: unknown): Promise<Connection | undefined> => {
		await store.whenReady();
		const ref = refOf(arg);
		if (ref) {
			const found = ref.scope ? store.get({ scope: ref.scope, name: ref.name }) : store.find(ref.name);
			if (!found) showError(l10n.t('There is no usable connection named "{0}". Add it, or fix braze.connections.', ref.name));
			return found;
		}
		const active = store.active();
		if (active) return active;
		const added = await addConnection(undefined);
		return added && store.get(added);
	};

	/** Add Connection: endpoint, name, level (when a workspace is open), then its key; offers Verify at the end. `{name, endpoint, scope?, key?}` skips the questions. */
	const addConnection = async (arg: unknown): Promise<ConnectionRef | undefined> => {
		const given = isRecord(arg) && typeof arg.endpoint === 'string' && typeof arg.name === 'string' ? arg : undefined;
		let entry: { scope: SettingsScope; name: string; endpoint: string } | undefined;
		if (given) {
			const scope = given.scope === 'workspace' ? 'workspace' : 'user';
			const problem = entryProblem(scope, given.name as string, given.endpoint as string);
			if (problem) return showError(problem);
			entry = { scope, name: (given.name as string).trim(), endpoint: (given.endpoint as string).trim() };
		} else {
			entry = await askNewConnection();
		}
		if (!entry) return undefined;
		const ref = await write(store.add(entry.scope, entry.name, entry.endpoint));
		if (!ref) return undefined;
		// The first connection becomes active; a later one only when asked.
		if (store.all().length === 1 || !store.hasChosenActive()) await store.setActive(ref);
		const connection = store.get(ref);
		if (!connection) return ref;
		const key = given ? given.key : undefined;
		if (typeof key === 'string') {
			const problem = apiKeyProblemText(key);
			if (problem) return showError(problem), ref;
			await keys.store(connection, connection.endpoint.origin, key.trim());
		} else if (!given) {
			await promptForApiKey(keys, connection);
		}
		if (!given) void offerVerify(connection);
		return ref;
	};

	const offerVerify = async (connection: Connection) => {
		if (!(await hasKey(connection))) {
			void window.showInformationMessage(l10n.t('Added the connection "{0}". Set its API key to use it.', connection.name));
			return;
		}
		const verify = l10n.t('Verify');
		const choice = await window.showInformationMessage(l10n.t('Added the connection "{0}". Verify which KPI series its key may read?', connection.name), verify);
		if (choice === verify) await deps.verify(connection);
	};

	const askNewConnection = async (): Promise<{ scope: SettingsScope; name: string; endpoint: string } | undefined> => {
		const title = l10n.t('Braze: Add Connection');
		const scopes = availableScopes();
		const total = scopes.length > 1 ? 3 : 2;
		let endpoint: string | undefined;
		let name = '';
		let scope: SettingsScope = 'user';
		let step = 1;
		while (step <= total) {
			const frame = { title, step, totalSteps: total };
			if (step === 1) {
				const picked = await pickEndpointStep(frame, endpoint);
				if (picked === undefined || picked === BACK) return undefined;
				endpoint = picked;
				const lookup = lookupEndpoint(endpoint);
				if (name === '' && lookup.ok) name = uniqueName(defaultConnectionName(lookup.endpoint), takenConnectionNames(store.readScope(scope)));
			} else if (step === 2) {
				const typed = await nameStep(frame, name, takenConnectionNames(store.readScope(scope)));
				if (typed === undefined) return undefined;
				if (typed === BACK) {
					step--;
					continue;
				}
				name = typed;
			} else {
				const picked = await scopeStep(frame, scopes);
				if (picked === undefined) return undefined;
				if (picked === BACK) {
					step--;
					continue;
				}
				scope = picked;
				const clash = validateNewConnectionName(name, takenConnectionNames(store.readScope(scope)), l10n);
				if (clash !== undefined) {
					void window.showWarningMessage(l10n.t('The {0} already have a connection named "{1}": choose another name.', scopeSettingsName(scope), name));
					step = 2;
					continue;
				}
			}
			step++;
		}
		return endpoint === undefined ? undefined : { scope, name, endpoint };
	};

	/** Edit Connection: its endpoint, then its name. `{connection, endpoint?, newName?}` skips the questions. */
	const editConnection = async (arg: unknown): Promise<true | undefined> => {
		const connection = await target(arg);
		if (!connection) return undefined;
		const fields = isRecord(arg) ? arg : {};
		let endpoint = typeof fields.endpoint === 'string' ? fields.endpoint.trim() : undefined;
		let name = typeof fields.newName === 'string' ? fields.newName.trim() : undefined;
		if (endpoint === undefined && name === undefined) {
			const title = l10n.t('Braze: Edit Connection "{0}"', connection.name);
			for (let step = 1; step <= 2;) {
				const frame = { title, step, totalSteps: 2 };
				const answer: string | typeof BACK | undefined = step === 1
					? await pickEndpointStep(frame, endpoint ?? connection.endpointValue)
					: await nameStep(frame, name ?? connection.name, takenConnectionNames(store.readScope(connection.scope)), connection.name);
				if (answer === undefined) return undefined;
				if (answer === BACK) {
					step--;
					continue;
				}
				if (step === 1) endpoint = answer;
				else name = answer;
				step++;
			}
		}
		return save(connection, name ?? connection.name, endpoint ?? connection.endpointValue);
	};

	/** Writes an edited connection; a new name takes its key along. */
	const save = async (connection: Connection, name: string, endpoint: string): Promise<true | undefined> => {
		const problem = entryProblem(connection.scope, name, endpoint, connection.name);
		if (problem) return showError(problem);
		const done = await write(store.update(connection, name, endpoint).then(() => true as const));
		if (done && name.trim() !== connection.name) await keys.rename(connection, { scope: connection.scope, name: name.trim() });
		return done;
	};

	/** Why (`name`, `endpoint`) cannot be saved at `scope`, or undefined. */
	const entryProblem = (scope: SettingsScope, name: string, endpoint: string, current?: string): string | undefined => {
		const nameProblem = validateNewConnectionName(name, takenConnectionNames(store.readScope(scope)), l10n, current);
		if (nameProblem !== undefined) return l10n.t('Cannot save the connection "{0}": {1}.', name.trim(), nameProblem);
		const lookup = lookupEndpoint(endpoint);
		if (!lookup.ok) return l10n.t('Cannot save the connection "{0}": the endpoint must be an instance label such as US-01 or an https:// URL.', name.trim());
		return undefined;
	};

	return {
		/** Makes a connection active for this VS Code workspace; without an argument, a quick pick that can also add and manage. */
		'braze.selectConnection': async (arg: unknown): Promise<ConnectionRef | undefined> => {
			if (refOf(arg)) {
				const connection = await target(arg);
				if (!connection) return undefined;
				await store.setActive(connection);
				return { scope: connection.scope, name: connection.name };
			}
			return selectOrManage();
		},
		/** The tree's inline "make active". */
		'braze.makeConnectionActive': async (arg: unknown): Promise<ConnectionRef | undefined> => {
			const connection = refOf(arg) ? await target(arg) : undefined;
			if (!connection) return undefined;
			await store.setActive(connection);
			return { scope: connection.scope, name: connection.name };
		},
		'braze.addConnection': addConnection,
		'braze.editConnection': editConnection,

		/** Asks for a new name; `{connection, newName}` skips the question. */
		'braze.renameConnection': async (given: unknown): Promise<true | undefined> => {
			const arg = given ?? deps.selected();
			const connection = await target(arg);
			if (!connection) return undefined;
			const newName = isRecord(arg) && typeof arg.newName === 'string' ? arg.newName : undefined;
			const name = newName ?? (await window.showInputBox({
				title: l10n.t('Braze: Rename Connection "{0}"', connection.name),
				prompt: l10n.t('A new name for the connection, unique in the {0}', scopeSettingsName(connection.scope)),
				value: connection.name,
				ignoreFocusOut: true,
				validateInput: (text) => validateNewConnectionName(text, takenConnectionNames(store.readScope(connection.scope)), l10n, connection.name),
			}));
			if (name === undefined || name.trim() === connection.name) return undefined;
			return save(connection, name, connection.endpointValue);
		},

		/** Removes a connection (a broken entry too) and its key, after a modal confirmation; `{connection, confirmed: true}` skips it. */
		'braze.removeConnection': async (given: unknown): Promise<true | undefined> => {
			const arg = given ?? deps.selected();
			const item: ConnectionItem | undefined = isConnectionItem(arg) ? arg : await target(arg);
			if (!item) return undefined;
			const label = item.name ?? l10n.t('Entry {0}', item.index + 1);
			if (!(isRecord(arg) && arg.confirmed === true)) {
				const remove = l10n.t('Remove');
				const choice = await window.showWarningMessage(
					l10n.t('Remove the connection "{0}"?', label),
					{ modal: true, detail: l10n.t('It will be removed from the {0}, and its API key from VS Code\'s secret storage. Saved queries that name it will ask for another connection.', scopeSettingsName(item.scope)) },
					remove,
				);
				if (choice !== remove) return undefined;
			}
			const done = await write(store.remove(item).then(() => true as const));
			if (done && item.name !== null) await keys.delete({ scope: item.scope, name: item.name });
			return done;
		},

		/** Stores a key for a connection (the active one by default); `{connection?, key}` skips the question. The legacy `{endpoint, key}` still works. */
		'braze.setApiKey': async (arg: unknown): Promise<boolean> => {
			const legacy = await legacyEndpointArg(arg);
			const connection = legacy === INVALID ? undefined : await target(legacy ?? arg);
			if (!connection) return false;
			if (isRecord(arg) && typeof arg.key === 'string') {
				const problem = apiKeyProblemText(arg.key);
				if (problem) return showError(problem) ?? false;
				await keys.store(connection, connection.endpoint.origin, arg.key.trim());
			} else {
				const current = await keys.get(connection, connection.endpoint.origin);
				const previousOrigin = current.status === 'otherOrigin' ? current.origin : undefined;
				if ((await promptForApiKey(keys, connection, previousOrigin ? { previousOrigin } : {})) === undefined) return false;
			}
			void window.showInformationMessage(l10n.t('API key saved for the connection "{0}" ({1}).', connection.name, connection.endpoint.host));
			return true;
		},

		/** Removes the key of a connection; without an argument, asks which (or every connection). `{all: true}` clears every key. */
		'braze.clearApiKey': async (arg: unknown): Promise<boolean> => {
			const all = isRecord(arg) && arg.all === true;
			let connection: Connection | undefined;
			const legacy = all ? undefined : await legacyEndpointArg(arg);
			if (legacy === INVALID) return false;
			if (!all && (refOf(arg) || legacy)) connection = await target(legacy ?? arg);
			else if (!all) {
				const choice = await pickClearTarget();
				if (choice === undefined) return false;
				if (choice !== 'all') connection = choice;
			}
			if (connection) {
				await keys.delete(connection);
				void window.showInformationMessage(l10n.t('API key removed for the connection "{0}".', connection.name));
				return true;
			}
			if (!all && refOf(arg)) return false;
			const count = await keys.deleteAll(deps.legacyOrigins());
			void window.showInformationMessage(l10n.t('Removed every Braze API key from VS Code\'s secret storage ({0} in all).', count));
			return true;
		},

		/** Now the endpoint step of editing the active connection (or adding the first one); a label or URL argument skips the picker. */
		'braze.selectEndpoint': async (value?: unknown): Promise<boolean> => {
			const active = store.active();
			if (!active) return (await addConnection(typeof value === 'string' ? { name: uniqueName(nameFor(value), []), endpoint: value } : undefined)) !== undefined;
			const endpoint = typeof value === 'string' ? value : await pickEndpointStep({ title: l10n.t('Braze: Edit Connection "{0}"', active.name), step: 1, totalSteps: 1 }, active.endpointValue);
			if (endpoint === undefined || endpoint === BACK) return false;
			return (await save(active, active.name, endpoint)) === true;
		},

		/** For an error's "Select Connection": picks a connection to run the failed query on (the failed one listed last); the active one does not change. */
		'braze.pickConnection': async (arg: unknown): Promise<ConnectionRef | undefined> => {
			const failed = refOf(arg);
			const others = store.all().filter((c) => !failed || c.name.toLowerCase() !== failed.name.toLowerCase() || (failed.scope !== undefined && c.scope !== failed.scope));
			const failedOne = store.all().filter((c) => !others.includes(c));
			const picked = await pickConnection([...others, ...failedOne], {
				title: l10n.t('Select Connection'),
				placeholder: l10n.t('Run the query on which connection?'),
				...(store.active() ? { active: store.active() } : {}),
				hasKey,
			});
			return picked && { scope: picked.scope, name: picked.name };
		},

		'braze.verifyConnection': async (arg: unknown): Promise<unknown> => {
			const connection = await target(arg);
			return connection && deps.verify(connection);
		},
	};

	/** The status bar's menu: switch to a connection, add one, or manage the active one. */
	async function selectOrManage(): Promise<ConnectionRef | undefined> {
		const active = store.active();
		type Choice = vscode.QuickPickItem & { run: () => Promise<ConnectionRef | undefined> };
		const connections = await Promise.all(store.all().map(async (c): Promise<Choice> => ({
			label: `${active && c.scope === active.scope && c.name === active.name ? '$(check) ' : ''}${c.name}`,
			description: c.endpoint.label ?? c.endpoint.host,
			detail: `${scopeSettingsName(c.scope)} · ${(await hasKey(c)) ? l10n.t('key set') : l10n.t('no key')}`,
			run: async () => {
				await store.setActive(c);
				return { scope: c.scope, name: c.name };
			},
		})));
		const manage = (label: string, command: string): Choice => ({ label, run: async () => (await commands.executeCommand(command), undefined) });
		const choices: Choice[] = [
			...connections,
			{ label: '', kind: vscode.QuickPickItemKind.Separator, run: () => Promise.resolve(undefined) },
			{ label: `$(add) ${l10n.t('Add Connection…')}`, run: async () => addConnection(undefined) },
			...(active
				? [
					manage(`$(edit) ${l10n.t('Edit "{0}"…', active.name)}`, 'braze.editConnection'),
					manage(`$(key) ${l10n.t('Set API Key of "{0}"…', active.name)}`, 'braze.setApiKey'),
					manage(`$(pass) ${l10n.t('Verify "{0}"', active.name)}`, 'braze.verifyConnection'),
				]
				: []),
		];
		const picked = await window.showQuickPick(choices, { title: l10n.t('Braze Connections'), placeHolder: l10n.t('Switch to a connection, or add or manage one') });
		return picked?.run();
	}

	async function pickClearTarget(): Promise<Connection | 'all' | undefined> {
		type Choice = vscode.QuickPickItem & { value: Connection | 'all' };
		const active = store.active();
		const ordered = active ? [active, ...store.all().filter((c) => c !== active)] : store.all();
		const items: Choice[] = [
			...ordered.map((c): Choice => ({ label: c.name, description: c.endpoint.label ?? c.endpoint.host, value: c })),
			{ label: l10n.t('Every connection'), description: l10n.t('removes every Braze key this extension stored'), value: 'all' },
		];
		const picked = await window.showQuickPick(items, { title: l10n.t('Clear API Key'), placeHolder: l10n.t('Whose API key should be removed?') });
		return picked?.value;
	}

	/** The legacy `{endpoint}` argument (before connections): the connection pointing there, added when there is none. */
	async function legacyEndpointArg(arg: unknown): Promise<{ connection: string; scope: SettingsScope } | typeof INVALID | undefined> {
		if (!isRecord(arg) || typeof arg.endpoint !== 'string' || arg.connection !== undefined) return undefined;
		try {
			const match = await deps.access.connectionForEndpoint(arg.endpoint);
			return match && { connection: match.name, scope: match.scope };
		} catch (error) {
			if (!(error instanceof BrazeValidationError)) throw error;
			showError(localizedMessage(error));
			return INVALID;
		}
	}

	function nameFor(value: string): string {
		const lookup = lookupEndpoint(value);
		return lookup.ok ? defaultConnectionName(lookup.endpoint) : value;
	}

	async function write<T>(operation: Promise<T>): Promise<T | undefined> {
		try {
			return await operation;
		} catch (error) {
			return showError(describeStoreFailure(error));
		}
	}
}

/** `{connection: name, scope?}`, a `{scope, name}` reference or tree node, or a bare name. */
function refOf(arg: unknown): { name: string; scope?: SettingsScope } | undefined {
	if (typeof arg === 'string' && arg.trim() !== '') return { name: arg };
	if (!isRecord(arg)) return undefined;
	const scope = arg.scope === 'user' || arg.scope === 'workspace' ? arg.scope : undefined;
	const name = typeof arg.connection === 'string' ? arg.connection : arg.kind === 'connection' || (scope && typeof arg.name === 'string' && arg.endpoint === undefined) ? arg.name : undefined;
	return typeof name === 'string' ? { name, ...(scope ? { scope } : {}) } : undefined;
}

function isConnectionItem(value: unknown): value is ConnectionItem {
	return isRecord(value) && (value.kind === 'connection' || value.kind === 'broken') && (value.scope === 'user' || value.scope === 'workspace') && typeof value.index === 'number';
}

function showError(message: string): undefined {
	void window.showErrorMessage(message);
	return undefined;
}
