// The REST API keys, in VS Code's SecretStorage only, one per REST origin: a key entered for one host is
// never sent to another, whatever a workspace's settings say. Values are never logged or shown.
import * as vscode from 'vscode';
import { apiKeyProblem } from '../shared/apiKey';
import { l10n } from '../l10n';

const KEY_PREFIX = 'braze.apiKey:';

export class ApiKeyStore implements vscode.Disposable {
	readonly #changed = new vscode.EventEmitter<string>();
	/** Fires with the origin whose key was set or cleared, here or in another window. */
	readonly onDidChange = this.#changed.event;
	readonly #secrets: vscode.SecretStorage;
	readonly #subscription: vscode.Disposable;

	constructor(secrets: vscode.SecretStorage) {
		this.#secrets = secrets;
		this.#subscription = secrets.onDidChange((e) => {
			if (e.key.startsWith(KEY_PREFIX)) this.#changed.fire(e.key.slice(KEY_PREFIX.length));
		});
	}

	get(origin: string): Thenable<string | undefined> {
		return this.#secrets.get(KEY_PREFIX + origin);
	}

	async has(origin: string): Promise<boolean> {
		return (await this.get(origin)) !== undefined;
	}

	store(origin: string, apiKey: string): Thenable<void> {
		return this.#secrets.store(KEY_PREFIX + origin, apiKey);
	}

	delete(origin: string): Thenable<void> {
		return this.#secrets.delete(KEY_PREFIX + origin);
	}

	dispose(): void {
		this.#subscription.dispose();
		this.#changed.dispose();
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
