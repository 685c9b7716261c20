// Braze: Set API Key and Braze: Clear API Key, for the configured endpoint (or one passed as an argument).
import * as vscode from 'vscode';
import { endpointToUse } from './endpointCommands';
import { localizedMessage } from './errorPresenter';
import type { ResolvedEndpoint } from '../config/endpoint';
import { apiKeyProblemText } from '../secrets/apiKeyStore';
import type { ExtensionServices } from '../services';
import { promptForApiKey } from './apiKeyPrompt';
import { l10n } from '../l10n';

interface ApiKeyArguments {
	readonly endpoint?: string;
	readonly key?: string;
}

export function registerApiKeyCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('braze.setApiKey', async (args?: ApiKeyArguments) => {
			const endpoint = await targetEndpoint(args);
			if (!endpoint) return false;
			if (typeof args?.key === 'string') {
				const problem = apiKeyProblemText(args.key);
				if (problem) {
					void vscode.window.showErrorMessage(problem);
					return false;
				}
				await services.keys.store(endpoint.origin, args.key.trim());
			} else if ((await promptForApiKey(services.keys, endpoint)) === undefined) {
				return false;
			}
			void vscode.window.showInformationMessage(l10n.t('Braze API key saved for {0}.', endpoint.host));
			return true;
		}),
		vscode.commands.registerCommand('braze.clearApiKey', async (args?: ApiKeyArguments) => {
			const endpoint = await targetEndpoint(args);
			if (!endpoint) return false;
			await services.keys.delete(endpoint.origin);
			void vscode.window.showInformationMessage(l10n.t('Braze API key removed for {0}.', endpoint.host));
			return true;
		}),
	);
}

/** The endpoint a key command applies to; asks the user to choose one when none is configured. */
function targetEndpoint(args: ApiKeyArguments | undefined): Promise<ResolvedEndpoint | undefined> {
	return endpointToUse(typeof args?.endpoint === 'string' ? args.endpoint : undefined, (error) => void vscode.window.showErrorMessage(localizedMessage(error)));
}
