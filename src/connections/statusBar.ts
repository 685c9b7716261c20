// The status-bar item that names the active connection; its tooltip gives the instance, whether a key is set
// and the last verification, and a click opens the connection switcher.
import * as vscode from 'vscode';
import type { ConnectionKeyStore } from './keyStore';
import type { Connection } from './model';
import type { ConnectionStore } from './store';
import { l10n } from '../l10n';

export class ConnectionStatusBar implements vscode.Disposable {
	readonly #item = vscode.window.createStatusBarItem('braze.connection', vscode.StatusBarAlignment.Left, 10);
	readonly #store: ConnectionStore;
	readonly #keys: ConnectionKeyStore;
	readonly #verificationText: (connection: Connection) => string | undefined;
	readonly #subscriptions: vscode.Disposable[];
	// Updates are asynchronous (the key lookup): only the latest one may write the item.
	#generation = 0;

	/** `verificationText` words the last verification of a connection for the tooltip, if any. */
	constructor(store: ConnectionStore, keys: ConnectionKeyStore, verificationText: (connection: Connection) => string | undefined) {
		this.#store = store;
		this.#keys = keys;
		this.#verificationText = verificationText;
		this.#item.name = l10n.t('Braze Connection');
		this.#item.command = 'braze.selectConnection';
		this.#subscriptions = [store.onDidChange(() => void this.update()), keys.onDidChange(() => void this.update())];
		this.firstUpdate = this.update();
	}

	/** Settles once the item shows the active connection at start-up (for the start-up figures). */
	readonly firstUpdate: Promise<void>;

	/** The item as shown now: for the integration tests. */
	get item(): Pick<vscode.StatusBarItem, 'text' | 'tooltip' | 'backgroundColor'> {
		return this.#item;
	}

	async update(): Promise<void> {
		const generation = ++this.#generation;
		const active = this.#store.active();
		const hasKey = active ? (await this.#keys.get(active, active.endpoint.origin)).status === 'ok' : false;
		if (generation !== this.#generation) return;
		if (!active) {
			this.#item.text = `$(plug) ${l10n.t('Braze: no connection')}`;
			this.#item.tooltip = l10n.t('No Braze connection yet. Click to add one.');
			this.#item.backgroundColor = undefined;
		} else {
			this.#item.text = `${hasKey ? '$(plug)' : '$(warning)'} ${active.name}`;
			this.#item.tooltip = connectionTooltip(active, hasKey, this.#verificationText(active));
			this.#item.backgroundColor = hasKey ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
		}
		this.#item.show();
	}

	dispose(): void {
		for (const d of this.#subscriptions) d.dispose();
		this.#item.dispose();
	}
}

/** The multi-line tooltip of a connection, shared by the status bar and the Connections view. */
export function connectionTooltip(connection: Connection, hasKey: boolean, verification: string | undefined): vscode.MarkdownString {
	const { endpoint } = connection;
	const lines = [
		l10n.t('Braze connection "{0}"', connection.name),
		l10n.t('Instance: {0}', endpoint.label ? `${endpoint.label} (${endpoint.host})` : endpoint.host),
		hasKey ? l10n.t('API key: set') : l10n.t('API key: missing (Set API Key)'),
		verification ?? l10n.t('Not verified yet (Verify Connection).'),
	];
	const tooltip = new vscode.MarkdownString();
	// Text from settings is shown as text: no Markdown link or command in a name can become clickable.
	for (const line of lines) tooltip.appendText(line).appendMarkdown('\n\n');
	return tooltip;
}
