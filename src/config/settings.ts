// Reads the extension's settings. Every value is checked: a broken entry becomes a clear message, never a crash.
import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'braze';

/** Per-request timeout in milliseconds (`braze.requestTimeoutSeconds`, 1–300, default 30). */
export function requestTimeoutMs(): number {
	const raw = setting('requestTimeoutSeconds');
	const seconds = typeof raw === 'number' && Number.isFinite(raw) && raw >= 1 && raw <= 300 ? raw : 30;
	return seconds * 1000;
}

/** A `braze.cache.*` setting's value, unchecked (the cache checks it). */
export function cacheSetting(name: 'refreshDays' | 'maxMegabytes'): unknown {
	return setting(`cache.${name}`);
}

/** A `braze.*` setting's value, unchecked. */
function setting(name: string): unknown {
	return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>(name);
}
