// Braze: Select REST Endpoint: the known instances by label and host, or a custom URL.
import * as vscode from 'vscode';
import { lookupEndpoint } from '../config/endpoint';
import { BRAZE_INSTANCES } from '../braze/instances';
import { invalidEndpointMessage, SETTINGS_SECTION } from '../config/settings';

const CUSTOM = '\u0000custom';

/** Registers `braze.selectEndpoint`; an argument (label or URL) skips the picker. Writes the user setting. */
export function registerEndpointCommands(context: vscode.ExtensionContext): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('braze.selectEndpoint', async (value?: unknown) => {
			const chosen = typeof value === 'string' ? value : await pickEndpoint();
			if (chosen === undefined) return false;
			const lookup = lookupEndpoint(chosen);
			if (!lookup.ok) {
				void vscode.window.showErrorMessage(lookup.reason === 'invalid' ? invalidEndpointMessage(lookup.value) : vscode.l10n.t('Choose a REST endpoint.'));
				return false;
			}
			const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
			await config.update('restEndpoint', chosen.trim(), vscode.ConfigurationTarget.Global);
			const inspected = config.inspect<string>('restEndpoint');
			if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) {
				void vscode.window.showWarningMessage(vscode.l10n.t('Saved in your user settings, but this workspace sets braze.restEndpoint itself, and its value wins here.'));
			}
			return true;
		}),
	);
}

async function pickEndpoint(): Promise<string | undefined> {
	const current = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('restEndpoint');
	const items: (vscode.QuickPickItem & { value: string })[] = [
		...BRAZE_INSTANCES.map((i) => ({ label: i.label, description: i.host, value: i.label, picked: i.label === current })),
		{ label: vscode.l10n.t('Custom URL…'), description: vscode.l10n.t('a REST endpoint not listed here (https://…)'), value: CUSTOM },
	];
	const picked = await vscode.window.showQuickPick(items, {
		title: vscode.l10n.t('Braze REST endpoint'),
		placeHolder: vscode.l10n.t('Your instance, as shown in Settings > APIs and Identifiers of the Braze dashboard'),
		matchOnDescription: true,
		ignoreFocusOut: true,
	});
	if (!picked) return undefined;
	if (picked.value !== CUSTOM) return picked.value;
	return vscode.window.showInputBox({
		title: vscode.l10n.t('Braze REST endpoint'),
		prompt: vscode.l10n.t('The REST endpoint URL, e.g. https://rest.iad-01.braze.com'),
		value: current && current.includes('://') ? current : 'https://',
		ignoreFocusOut: true,
		validateInput: (text) => {
			const lookup = lookupEndpoint(text);
			return lookup.ok ? undefined : lookup.reason === 'invalid' ? invalidEndpointMessage(lookup.value) : vscode.l10n.t('Enter a URL.');
		},
	});
}
