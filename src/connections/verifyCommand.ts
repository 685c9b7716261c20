// Braze: Verify Connection, as the user sees it: a cancellable progress notification over the four probes,
// then the permission grid in a notification, remembered (without the key) for the tree and status bar.
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../braze/client';
import type { RequestLimiter } from '../braze/concurrency';
import { describeError, localizedMessage, presentError } from '../commands/errorPresenter';
import { requestTimeoutMs } from '../config/settings';
import type { ConnectionAccess } from './access';
import type { Connection } from './model';
import type { ConnectionStore } from './store';
import { toStoredVerification, verifyConnection } from './verify';
import type { VerificationResult } from './verify';
import { describeVerification } from './verifyText';
import { l10n } from '../l10n';

export interface VerifyDeps {
	readonly store: ConnectionStore;
	readonly access: ConnectionAccess;
	readonly log: vscode.LogOutputChannel;
	readonly fetch: typeof fetch;
	readonly now: () => Date;
	readonly logRequest: (entry: RequestLogEntry) => void;
	readonly limiter: RequestLimiter;
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
					limiter: deps.limiter,
					onRequest: deps.logRequest,
				});
			},
		);
		await deps.store.recordVerification(connection, toStoredVerification(result));
		const { notification } = describeVerification(result, l10n, { connectionName: connection.name, locale: vscode.env.language, failureText: localizedMessage });
		const show = result.verdict === 'ok' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
		void show(notification);
		return result;
	} catch (error) {
		const presented = describeError(error);
		if (presented) void presentError(presented, { log: deps.log, connection });
		return undefined;
	}
}
