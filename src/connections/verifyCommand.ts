// Braze: Verify Connection, as the user sees it: a cancellable progress notification over the four probes,
// then the permission grid in a notification, remembered (without the key) for the tree and status bar.
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../braze/client';
import { describeError, presentError } from '../commands/errorPresenter';
import { requestTimeoutMs } from '../config/settings';
import type { ConnectionAccess } from './access';
import type { Connection } from './model';
import type { ConnectionStore } from './store';
import { describeVerification, parseStoredVerification, verifyConnection } from './verify';
import type { VerificationResult } from './verify';
import { l10n } from '../l10n';

export interface VerifyDeps {
	readonly store: ConnectionStore;
	readonly access: ConnectionAccess;
	readonly log: vscode.LogOutputChannel;
	readonly fetch: typeof fetch;
	readonly now: () => Date;
	readonly logRequest: (entry: RequestLogEntry) => void;
}

/** Verifies `connection` (asking for its key when it has none); resolves to the result, or undefined when cancelled or without a key. */
export async function verifyWithProgress(connection: Connection, deps: VerifyDeps): Promise<VerificationResult | undefined> {
	const apiKey = await deps.access.keyFor(connection);
	if (apiKey === undefined) return undefined;
	try {
		const result = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: l10n.t('Braze: verifying the connection "{0}"…', connection.name), cancellable: true },
			(_progress, token) => {
				const controller = new AbortController();
				token.onCancellationRequested(() => controller.abort());
				return verifyConnection({
					baseUrl: connection.endpoint.baseUrl,
					apiKey,
					fetch: deps.fetch,
					now: deps.now,
					signal: controller.signal,
					timeoutMs: requestTimeoutMs(),
					onRequest: deps.logRequest,
				});
			},
		);
		await deps.store.recordVerification(connection, result);
		const { notification } = describeVerification(result, l10n);
		const show = result.verdict === 'ok' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
		void show(l10n.t('Connection "{0}": {1}', connection.name, notification));
		return result;
	} catch (error) {
		const presented = describeError(error);
		if (presented) void presentError(presented, { log: deps.log, connection });
		return undefined;
	}
}

/** The remembered verification of `connection`, worded for the tree and the status bar. */
export function storedVerificationText(store: ConnectionStore, connection: Connection): { readonly short: string; readonly text: string } | undefined {
	const stored = parseStoredVerification(store.storedVerification(connection));
	if (!stored) return undefined;
	const { short, tooltip } = describeVerification(stored, l10n);
	return { short, text: tooltip };
}
