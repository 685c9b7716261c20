// Asks for the REST API key of one endpoint, naming its host so a key is never typed for the wrong one.
import * as vscode from 'vscode';
import { isLoopbackHost } from '../braze/instances';
import type { ResolvedEndpoint } from '../config/endpoint';
import { apiKeyProblemText } from '../secrets/apiKeyStore';
import type { ApiKeyStore } from '../secrets/apiKeyStore';
import { l10n } from '../l10n';

/** Prompts (password input), stores and returns the key; undefined when dismissed. */
export async function promptForApiKey(keys: ApiKeyStore, endpoint: ResolvedEndpoint): Promise<string | undefined> {
	const where = endpoint.label ? `${endpoint.label} (${endpoint.host})` : endpoint.host;
	// A host that is no Braze instance may come from a cloned workspace's settings or a file: say so before a key is typed.
	const unknownHost = endpoint.label === null && !isLoopbackHost(new URL(endpoint.origin).hostname);
	const value = await vscode.window.showInputBox({
		title: l10n.t('Braze REST API key for {0}', where),
		prompt: unknownHost
			? l10n.t('Warning: {0} is not a known Braze instance. Enter a key only if you trust this endpoint (check braze.restEndpoint and the saved query). The key is sent only to {0}.', endpoint.host)
			: l10n.t('The key is kept in VS Code\'s secret storage and sent only to {0}. It needs the kpi.*.data_series permissions.', endpoint.host),
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
	await keys.store(endpoint.origin, key);
	return key;
}
