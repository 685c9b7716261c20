// The quick inputs of connections: the endpoint picker (instances and a custom URL, the current one preselected),
// the name box, the level, and the picker of a connection. Each resolves to undefined when dismissed.
import * as vscode from 'vscode';
import { BRAZE_INSTANCES } from '../braze/instances';
import { localizedMessage } from '../commands/errorPresenter';
import { BACK, inputStep, pickStep } from '../commands/multiStepInput';
import type { PickItem, StepResult } from '../commands/multiStepInput';
import { scopeSettingsName } from '../config/settingsArray';
import type { SettingsScope } from '../config/settingsArray';
import { lookupEndpoint } from './endpoint';
import { describeConnection, sameConnection, validateNewConnectionName } from './model';
import type { Connection, ConnectionRef } from './model';
import { l10n } from '../l10n';

export { BACK };

interface Frame {
	readonly title: string;
	readonly step: number;
	readonly totalSteps: number;
}

const CUSTOM = '\u0000custom';

/** The endpoint step: the 15 instances and "Custom URL…", with `current` preselected (a custom URL is listed as such). */
export async function pickEndpointStep(frame: Frame, current: string | undefined): Promise<StepResult<string>> {
	const currentLookup = lookupEndpoint(current);
	const currentLabel = currentLookup.ok ? currentLookup.endpoint.label : null;
	const customCurrent = currentLookup.ok && currentLabel === null ? currentLookup.endpoint.baseUrl : undefined;
	const items: PickItem<string>[] = [
		...(customCurrent ? [{ label: customCurrent, description: l10n.t('current custom URL'), value: customCurrent }] : []),
		...BRAZE_INSTANCES.map((i) => ({ label: i.label, description: i.host, value: i.label })),
		{ label: l10n.t('Custom URL…'), description: l10n.t('a REST endpoint not listed here (https://…)'), value: CUSTOM },
	];
	for (;;) {
		const picked = await pickStep<string>({
			...frame,
			placeholder: l10n.t('The REST endpoint: your instance, as shown in Settings > APIs and Identifiers of the Braze dashboard'),
			items,
			activeValue: customCurrent ?? currentLabel ?? undefined,
		});
		if (picked !== CUSTOM) return picked;
		const typed = await inputStep({
			...frame,
			value: customCurrent ?? 'https://',
			prompt: l10n.t('The REST endpoint URL, e.g. https://rest.iad-01.braze.com'),
			validate: (text) => {
				const lookup = lookupEndpoint(text);
				return lookup.ok ? undefined : lookup.reason === 'invalid' ? localizedMessage(lookup.error) : l10n.t('Enter a URL.');
			},
		});
		// Back from the URL box returns to the list.
		if (typed !== BACK) return typed;
	}
}

/** The name step: unique among `taken` at its level; `current` may keep its own name. */
export function nameStep(frame: Frame, value: string, taken: readonly string[], current?: string): Promise<StepResult<string>> {
	return inputStep({
		...frame,
		value,
		prompt: l10n.t('A name for this Braze workspace, e.g. Production or Development'),
		validate: (text) => {
			const problem = validateNewConnectionName(text, taken, l10n, current);
			return problem === undefined ? undefined : l10n.t('This name cannot be used: {0}.', problem);
		},
	});
}

/** The level step, only when a trusted workspace is open. */
export function scopeStep(frame: Frame, scopes: readonly SettingsScope[]): Promise<StepResult<SettingsScope>> {
	return pickStep<SettingsScope>({
		...frame,
		placeholder: l10n.t('Where should the connection be saved?'),
		items: scopes.map((s) => ({
			label: s === 'user' ? l10n.t('User') : l10n.t('Workspace'),
			detail: s === 'user'
				? l10n.t('In your user settings, available in every window.')
				: l10n.t('In .vscode/settings.json, shared with everyone who opens this workspace (its name and endpoint, never its key).'),
			value: s,
		})),
		activeValue: 'user',
	});
}

/** Picks one connection; the active one first and marked. */
export async function pickConnection(connections: readonly Connection[], options: { title: string; placeholder: string; active?: ConnectionRef; hasKey: (c: Connection) => Promise<boolean> }): Promise<Connection | undefined> {
	const items = await Promise.all(connections.map(async (c) => ({
		label: c.name,
		description: [c.endpoint.label ?? c.endpoint.host, options.active && sameConnection(c, options.active) ? l10n.t('active') : undefined].filter(Boolean).join(' · '),
		detail: `${scopeSettingsName(c.scope)} · ${(await options.hasKey(c)) ? l10n.t('key set') : l10n.t('no key')}`,
		connection: c,
	})));
	const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeholder, matchOnDescription: true });
	return picked?.connection;
}

/** "Production (US-03)": a connection as buttons and messages name it. */
export function connectionLabel(connection: Connection): string {
	return describeConnection(connection);
}
