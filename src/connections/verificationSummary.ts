// The remembered verification of a connection, worded for the Connections view and the status bar at start-up
// (no client, no probes: those load with Verify Connection).
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { Connection } from './model';
import { parseStoredVerification } from './storedVerification';
import type { StoredVerification } from './storedVerification';
import type { ConnectionStore } from './store';
import { verificationTooltip } from './verifyText';

/** The remembered verification of `connection`, worded for the tree and the status bar. */
export function storedVerificationText(store: ConnectionStore, connection: Connection): { readonly short: string; readonly text: string } | undefined {
	const stored = parseStoredVerification(store.storedVerification(connection));
	if (!stored) return undefined;
	return { short: verificationShort(stored), text: verificationTooltip(stored, l10n, { locale: vscode.env.language }) };
}

/** A few words for the tree item's description. */
function verificationShort(stored: StoredVerification): string {
	const readable = Object.values(stored.metrics).filter((m) => m.kind === 'allowed').length;
	switch (stored.verdict) {
		case 'ok':
			return l10n.t('verified');
		case 'partial':
			return l10n.t('{0} of 4 series', readable);
		case 'unauthorized':
			return l10n.t('key refused');
		case 'failed':
			return l10n.t('check failed');
	}
}
