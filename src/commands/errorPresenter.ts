// Turns any failure into one localized message with the actions that fix it. This is the edge where
// typed errors become words: nothing below it shows messages.
import * as vscode from 'vscode';
import {
	BrazeAuthError,
	BrazeCancelledError,
	BrazeError,
	BrazeNetworkError,
	BrazeNotFoundError,
	BrazePermissionError,
	BrazeRateLimitError,
	BrazeResponseError,
	BrazeServerError,
	BrazeTimeoutError,
	BrazeValidationError,
} from '../braze/errors';
import type { BrazeValidationField } from '../braze/errors';
import type { ConnectionRef } from '../connections/model';
import { errorText } from '../shared/guards';
import { assertNever } from '../shared/protocol';
import { l10n } from '../l10n';
import { brazeFailureWording, localizeBrazeError, rawTextForLog } from './errorWording';
import { safeForNotification } from '../shared/untrustedText';

/** The fixes a message may offer. */
export type ErrorAction = 'setApiKey' | 'selectConnection' | 'editConnection' | 'openLog' | 'retry' | 'openSettings';

export interface PresentedError {
	readonly message: string;
	readonly actions: readonly ErrorAction[];
	/** Technical detail for the log only (never a key). */
	readonly detail?: string;
}

/** The fixes offered for each class of failure that has one, before Open Log, which every failure of a request offers. */
const ACTIONS: readonly (readonly [abstract new (...args: never[]) => BrazeError, readonly ErrorAction[]])[] = [
	[BrazeAuthError, ['setApiKey', 'selectConnection']],
	[BrazePermissionError, ['setApiKey', 'selectConnection']],
	[BrazeNotFoundError, ['editConnection']],
	[BrazeRateLimitError, ['retry']],
	[BrazeServerError, ['retry']],
	[BrazeTimeoutError, ['retry', 'openSettings']],
	[BrazeNetworkError, ['retry', 'editConnection']],
	[BrazeResponseError, ['retry', 'editConnection']],
];

/** A refused setting has a fix; a refused parameter (the query's own fields) has none. */
const VALIDATION_ACTIONS: Partial<Record<BrazeValidationField, readonly ErrorAction[]>> = {
	endpoint: ['editConnection', 'openSettings'],
	apiKey: ['setApiKey'],
};

/** The error's own sentence (its English template from the client) in the user's language; moments in local time; untrusted text cannot become a link. */
export function localizedMessage(error: BrazeError): string {
	return localizeBrazeError(error, l10n, localTime);
}

/**
 * What a failure means for the user, or undefined when there is nothing to say (cancelled by the user).
 * The client's errors name the host themselves.
 */
export function describeError(error: unknown): PresentedError | undefined {
	if (error instanceof BrazeCancelledError) return undefined;
	if (!(error instanceof BrazeError)) {
		const raw = errorText(error);
		const shown = safeForNotification(raw);
		return { message: l10n.t('Unexpected error: {0}', shown), actions: ['openLog'], ...(shown !== raw ? { detail: rawTextForLog(raw) } : {}) };
	}
	const actions: readonly ErrorAction[] = error instanceof BrazeValidationError
		? VALIDATION_ACTIONS[error.field] ?? []
		: [...ACTIONS.find(([kind]) => error instanceof kind)?.[1] ?? [], 'openLog'];
	return { ...brazeFailureWording(error, l10n, localTime), actions };
}

/** The button label of an action. */
export function actionLabel(action: ErrorAction): string {
	const labels: Record<ErrorAction, string> = {
		setApiKey: l10n.t('Set API Key'),
		selectConnection: l10n.t('Select Connection'),
		editConnection: l10n.t('Edit Connection'),
		openLog: l10n.t('Open Log'),
		retry: l10n.t('Retry'),
		openSettings: l10n.t('Open Settings'),
	};
	return labels[action];
}

/** What a message's actions act on: the connection of the query that failed, and how to run that query again. */
export interface ErrorContext {
	readonly log: vscode.LogOutputChannel;
	readonly connection?: ConnectionRef;
	/** Runs the failed query again, on `on` when another connection was picked. */
	readonly retry?: (on?: ConnectionRef) => unknown;
}

/**
 * Shows a described error as one notification and carries out the action the user picks, on the connection that
 * failed. After a key is set or the connection edited from there, the query runs again.
 */
export async function presentError(presented: PresentedError, context: ErrorContext): Promise<void> {
	context.log.error(presented.detail ? `${presented.message} ${presented.detail}` : presented.message);
	const actions = presented.actions.filter((a) => a !== 'retry' || context.retry);
	const picked = await vscode.window.showErrorMessage(presented.message, ...actions.map(actionLabel));
	const action = actions.find((a) => actionLabel(a) === picked);
	const target = context.connection ? { connection: context.connection.name, scope: context.connection.scope } : undefined;
	switch (action) {
		case undefined:
			return;
		case 'openLog':
			context.log.show(true);
			return;
		case 'retry':
			await context.retry?.();
			return;
		case 'openSettings':
			await vscode.commands.executeCommand('workbench.action.openSettings', 'braze.');
			return;
		case 'setApiKey':
		case 'editConnection':
			if ((await vscode.commands.executeCommand(action === 'setApiKey' ? 'braze.setApiKey' : 'braze.editConnection', target)) === true) await context.retry?.();
			return;
		case 'selectConnection': {
			const picked = await vscode.commands.executeCommand<ConnectionRef | undefined>('braze.pickConnection', target);
			if (picked) await context.retry?.(picked);
			return;
		}
		default:
			assertNever(action);
	}
}

/** Where a runner reports what it shows: the Braze log, and the test API's list of errors shown. */
export interface ErrorReportDeps {
	readonly log: vscode.LogOutputChannel;
	readonly onDidPresentError: (error: PresentedError) => void;
}

/**
 * Shows `error` once, with its actions (aimed at `connection`, the one that failed), without waiting for the user's
 * answer; undefined when there is nothing to say (cancelled).
 */
export function reportError(deps: ErrorReportDeps, error: unknown, connection?: ConnectionRef, retry?: (on?: ConnectionRef) => unknown): PresentedError | undefined {
	const presented = describeError(error);
	if (presented) {
		deps.onDidPresentError(presented);
		void presentError(presented, { log: deps.log, ...(connection ? { connection } : {}), ...(retry ? { retry } : {}) });
	}
	return presented;
}

/** Moments in local time, in the display language. */
function localTime(moment: Date): string {
	return moment.toLocaleTimeString(vscode.env.language);
}
