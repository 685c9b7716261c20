// A `braze.*` setting that holds an array people also edit by hand (saved queries, connections), read per
// level: user settings, and the workspace's when a trusted folder is open. Writes run one after another,
// each re-reading the array and changing only the element it targets, found again by its content.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { locateEntry } from '../shared/settingsEntries';

const { workspace, ConfigurationTarget } = vscode;

/** Where an entry is stored: user settings, or the workspace's settings (shareable through `.vscode/settings.json`). */
export type SettingsScope = 'user' | 'workspace';

/** Why a write was refused; `message` is localized and says what to do. */
export type SettingsWriteFailure = 'changed' | 'badName' | 'notAList' | 'noWorkspace';

export class SettingsWriteError extends Error {
	override readonly name = 'SettingsWriteError';

	constructor(readonly reason: SettingsWriteFailure, message: string) {
		super(message);
	}
}

/** "user settings" / "workspace settings", for messages. */
export function scopeSettingsName(scope: SettingsScope): string {
	return scope === 'user' ? l10n.t('user settings') : l10n.t('workspace settings');
}

/** The scopes that can hold entries now: the workspace only when one is open and trusted (a restricted workspace's settings may not name endpoints). */
export function availableScopes(): SettingsScope[] {
	return workspace.workspaceFolders?.length && workspace.isTrusted ? ['user', 'workspace'] : ['user'];
}

export class SettingsArray {
	// Writes run one after another, so that each one reads what the previous one wrote.
	#writing: Promise<void> = Promise.resolve();

	/** `setting` is the full id, e.g. "braze.connections". */
	constructor(readonly setting: string) {}

	/** The raw value at one level, unchecked (undefined when that level does not set it). */
	raw(scope: SettingsScope): unknown {
		const inspected = workspace.getConfiguration().inspect<unknown>(this.setting);
		return scope === 'user' ? inspected?.globalValue : inspected?.workspaceValue;
	}

	/** Fires `listener` when the setting may have changed, including when a folder opens or becomes trusted. */
	onDidChange(listener: () => void): vscode.Disposable {
		return vscode.Disposable.from(
			workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(this.setting)) listener();
			}),
			workspace.onDidChangeWorkspaceFolders(listener),
			workspace.onDidGrantWorkspaceTrust(listener),
		);
	}

	/** Runs `edit` on a fresh copy of the level's array and writes it back to that level. */
	mutate(scope: SettingsScope, edit: (current: unknown[]) => void): Promise<void> {
		const write = async (): Promise<void> => {
			if (!availableScopes().includes(scope)) {
				throw new SettingsWriteError('noWorkspace', l10n.t('Open and trust a folder or workspace to save in its settings.'));
			}
			const value = this.raw(scope) ?? [];
			if (!Array.isArray(value)) {
				throw new SettingsWriteError('notAList', l10n.t('{0} in the {1} is not a list: fix it by hand first.', this.setting, scopeSettingsName(scope)));
			}
			const current = [...(value as readonly unknown[])];
			edit(current);
			await workspace.getConfiguration().update(this.setting, current, scope === 'user' ? ConfigurationTarget.Global : ConfigurationTarget.Workspace);
		};
		const result = this.#writing.then(write, write);
		this.#writing = result.catch(() => undefined);
		return result;
	}
}

/** Where the element read as (`index`, `raw`) is in `current` now; throws when it was changed or removed elsewhere. */
export function locateOrThrow(current: readonly unknown[], index: number, raw: unknown): number {
	const found = locateEntry(current, index, raw);
	if (found < 0) {
		throw new SettingsWriteError('changed', l10n.t('This entry was changed elsewhere (settings editor or another window). Check it and retry.'));
	}
	return found;
}
