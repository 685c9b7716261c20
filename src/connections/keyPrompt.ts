// Asks for the REST API key of one connection, naming the connection and its host so a key is never typed
// for the wrong workspace, and saying why when a key exists but was entered for another origin.
import * as vscode from 'vscode';
import { apiKeyProblemText } from './keyStore';
import type { ConnectionKeyStore } from './keyStore';
import { isUnknownHost } from './model';
import type { Connection } from './model';
import { l10n } from '../l10n';

export interface KeyPromptOptions {
	/** The origin the connection's current key was entered for, when it is not the connection's origin now. */
	readonly previousOrigin?: string;
}

/** Prompts (password input), stores and returns the key; undefined when dismissed. */
export async function promptForApiKey(keys: ConnectionKeyStore, connection: Connection, options: KeyPromptOptions = {}): Promise<string | undefined> {
	const { endpoint } = connection;
	const where = endpoint.label ? `${endpoint.label} (${endpoint.host})` : endpoint.host;
	const value = await vscode.window.showInputBox({
		title: l10n.t('REST API key of the connection "{0}" ({1})', connection.name, where),
		prompt: keyPromptText(connection, options),
		placeHolder: l10n.t('Paste the REST API key from Settings > APIs and Identifiers'),
		password: true,
		ignoreFocusOut: true,
		validateInput: (text) => (text === '' ? undefined : apiKeyProblemText(text)),
	});
	if (value === undefined) return undefined;
	const problem = apiKeyProblemText(value);
	if (problem) {
		void vscode.window.showErrorMessage(problem);
		return undefined;
	}
	const key = value.trim();
	await keys.store(connection, endpoint.origin, key);
	return key;
}

/** The prompt's explanation: where the key goes, a warning for a host that is no Braze instance, and why a key is asked again. */
function keyPromptText(connection: Connection, { previousOrigin }: KeyPromptOptions): string {
	const { host } = connection.endpoint;
	const parts: string[] = [];
	if (previousOrigin !== undefined) {
		parts.push(l10n.t('The key of "{0}" was entered for {1}; its endpoint is now {2}, so that key is not sent there.', connection.name, new URL(previousOrigin).host, host));
	}
	parts.push(isUnknownHost(connection)
		? l10n.t('Warning: {0} is not a known Braze instance. Enter a key only if you trust this endpoint (check braze.connections). The key is sent only to {0}.', host)
		: l10n.t('The key is kept in VS Code\'s secret storage and sent only to {0}. It needs the kpi.*.data_series permissions.', host));
	return parts.join(' ');
}
