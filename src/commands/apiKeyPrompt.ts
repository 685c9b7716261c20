// Asks for the REST API key of one endpoint, naming its host so a key is never typed for the wrong one.
import * as vscode from 'vscode';
import type { ResolvedEndpoint } from '../config/endpoint';
import { apiKeyProblem } from '../secrets/apiKeyStore';
import type { ApiKeyStore } from '../secrets/apiKeyStore';

/** Prompts (password input), stores and returns the key; undefined when dismissed. */
export async function promptForApiKey(keys: ApiKeyStore, endpoint: ResolvedEndpoint): Promise<string | undefined> {
	const where = endpoint.label ? `${endpoint.label} (${endpoint.host})` : endpoint.host;
	const value = await vscode.window.showInputBox({
		title: vscode.l10n.t('Braze REST API key for {0}', where),
		prompt: vscode.l10n.t('The key is kept in VS Code\'s secret storage and sent only to {0}. It needs the kpi.*.data_series permissions.', endpoint.host),
		placeHolder: vscode.l10n.t('Paste the REST API key from Settings > APIs and Identifiers'),
		password: true,
		ignoreFocusOut: true,
		validateInput: (text) => (text === '' ? undefined : apiKeyProblem(text)),
	});
	if (value === undefined) return undefined;
	const problem = apiKeyProblem(value);
	if (problem) {
		void vscode.window.showErrorMessage(problem);
		return undefined;
	}
	const key = value.trim();
	await keys.store(endpoint.origin, key);
	return key;
}
