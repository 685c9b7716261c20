// Reads the extension's settings. Every value is checked: a broken entry becomes a clear message, never a crash.
import * as vscode from 'vscode';
import { lookupEndpoint } from './endpoint';
import type { EndpointLookup } from './endpoint';

export const SETTINGS_SECTION = 'braze';

/** The `braze.restEndpoint` setting as resolved now. */
export function configuredEndpoint(): EndpointLookup {
	return lookupEndpoint(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('restEndpoint'));
}

/** Per-request timeout in milliseconds (`braze.requestTimeoutSeconds`, 1–300, default 30). */
export function requestTimeoutMs(): number {
	const raw = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('requestTimeoutSeconds');
	const seconds = typeof raw === 'number' && Number.isFinite(raw) && raw >= 1 && raw <= 300 ? raw : 30;
	return seconds * 1000;
}

/** The localized sentence for an endpoint that cannot be used. */
export function invalidEndpointMessage(value: string): string {
	const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
	return vscode.l10n.t('The REST endpoint "{0}" is not usable: choose an instance such as US-01, or enter an https:// URL (http:// only for localhost).', shown);
}
