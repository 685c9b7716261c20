// Braze: Select REST Endpoint: the known instances by label and host, or a custom URL.
import * as vscode from 'vscode';
import { lookupEndpoint } from '../config/endpoint';
import type { ResolvedEndpoint } from '../config/endpoint';
import type { BrazeValidationError } from '../braze/errors';
import { BRAZE_INSTANCES } from '../braze/instances';
import { configuredEndpoint, SETTINGS_SECTION } from '../config/settings';
import { localizedMessage } from './errorPresenter';
import { l10n } from '../l10n';

const CUSTOM = '\u0000custom';

/** Registers `braze.selectEndpoint`; an argument (label or URL) skips the picker. Writes the user setting. */
export function registerEndpointCommands(context: vscode.ExtensionContext): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('braze.selectEndpoint', async (value?: unknown) => {
			const chosen = typeof value === 'string' ? value : await pickEndpoint();
			if (chosen === undefined) return false;
			const lookup = lookupEndpoint(chosen);
			if (!lookup.ok) {
				void vscode.window.showErrorMessage(lookup.reason === 'invalid' ? localizedMessage(lookup.error) : l10n.t('Choose a REST endpoint.'));
				return false;
			}
			const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
			await config.update('restEndpoint', chosen.trim(), vscode.ConfigurationTarget.Global);
			const inspected = config.inspect<string>('restEndpoint');
			if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) {
				void vscode.window.showWarningMessage(l10n.t('Saved in your user settings, but this workspace sets braze.restEndpoint itself, and its value wins here.'));
			}
			return true;
		}),
	);
}

async function pickEndpoint(): Promise<string | undefined> {
	const current = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('restEndpoint');
	const items: (vscode.QuickPickItem & { value: string })[] = [
		...BRAZE_INSTANCES.map((i) => ({ label: i.label, description: i.host, value: i.label, picked: i.label === current })),
		{ label: l10n.t('Custom URL…'), description: l10n.t('a REST endpoint not listed here (https://…)'), value: CUSTOM },
	];
	const picked = await vscode.window.showQuickPick(items, {
		title: l10n.t('Braze REST endpoint'),
		placeHolder: l10n.t('Your instance, as shown in Settings > APIs and Identifiers of the Braze dashboard'),
		matchOnDescription: true,
		ignoreFocusOut: true,
	});
	if (!picked) return undefined;
	if (picked.value !== CUSTOM) return picked.value;
	return vscode.window.showInputBox({
		title: l10n.t('Braze REST endpoint'),
		prompt: l10n.t('The REST endpoint URL, e.g. https://rest.iad-01.braze.com'),
		value: current && current.includes('://') ? current : 'https://',
		ignoreFocusOut: true,
		validateInput: (text) => {
			const lookup = lookupEndpoint(text);
			return lookup.ok ? undefined : lookup.reason === 'invalid' ? localizedMessage(lookup.error) : l10n.t('Enter a URL.');
		},
	});
}

/**
 * The endpoint a command uses: `value` (a label or URL) when given, else the `braze.restEndpoint` setting, after
 * asking the user to choose one when none is set. Undefined when there is none to use; a broken one goes to `reportInvalid`.
 */
export async function endpointToUse(value: string | undefined, reportInvalid: (error: BrazeValidationError) => void): Promise<ResolvedEndpoint | undefined> {
	let lookup = value !== undefined ? lookupEndpoint(value) : configuredEndpoint();
	if (!lookup.ok && lookup.reason === 'unset') {
		await vscode.commands.executeCommand('braze.selectEndpoint');
		lookup = configuredEndpoint();
	}
	if (lookup.ok) return lookup.endpoint;
	if (lookup.reason === 'invalid') reportInvalid(lookup.error);
	return undefined;
}
