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
import { errorText } from '../shared/guards';
import { l10n } from '../l10n';
import { brazeFailureWording, localizeBrazeError, rawTextForLog } from './errorWording';
import { safeForNotification } from '../shared/untrustedText';

/** The fixes a message may offer. */
export type ErrorAction = 'setApiKey' | 'selectEndpoint' | 'openLog' | 'retry' | 'openSettings';

export interface PresentedError {
	readonly message: string;
	readonly actions: readonly ErrorAction[];
	/** Technical detail for the log only (never a key). */
	readonly detail?: string;
}

/** The fixes offered for each class of failure that has one, before Open Log, which every failure of a request offers. */
const ACTIONS: readonly (readonly [abstract new (...args: never[]) => BrazeError, readonly ErrorAction[]])[] = [
	[BrazeAuthError, ['setApiKey', 'selectEndpoint']],
	[BrazePermissionError, ['setApiKey']],
	[BrazeNotFoundError, ['selectEndpoint']],
	[BrazeRateLimitError, ['retry']],
	[BrazeServerError, ['retry']],
	[BrazeTimeoutError, ['retry', 'openSettings']],
	[BrazeNetworkError, ['retry', 'selectEndpoint']],
	[BrazeResponseError, ['retry', 'selectEndpoint']],
];

/** A refused setting has a fix; a refused parameter (the query's own fields) has none. */
const VALIDATION_ACTIONS: Partial<Record<BrazeValidationField, readonly ErrorAction[]>> = {
	endpoint: ['selectEndpoint', 'openSettings'],
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
		selectEndpoint: l10n.t('Select REST Endpoint'),
		openLog: l10n.t('Open Log'),
		retry: l10n.t('Retry'),
		openSettings: l10n.t('Open Settings'),
	};
	return labels[action];
}

/** The command (and its argument) behind each action that runs one. */
const ACTION_COMMANDS: Record<Exclude<ErrorAction, 'openLog' | 'retry'>, readonly [string, ...string[]]> = {
	setApiKey: ['braze.setApiKey'],
	selectEndpoint: ['braze.selectEndpoint'],
	openSettings: ['workbench.action.openSettings', 'braze.'],
};

/** Shows a described error as one notification and carries out the action the user picks. */
export async function presentError(presented: PresentedError, context: { log: vscode.LogOutputChannel; retry?: () => unknown }): Promise<void> {
	context.log.error(presented.detail ? `${presented.message} ${presented.detail}` : presented.message);
	const actions = presented.actions.filter((a) => a !== 'retry' || context.retry);
	const picked = await vscode.window.showErrorMessage(presented.message, ...actions.map(actionLabel));
	const action = actions.find((a) => actionLabel(a) === picked);
	switch (action) {
		case undefined:
			return;
		case 'openLog':
			context.log.show(true);
			return;
		case 'retry':
			await context.retry?.();
			return;
		default:
			await vscode.commands.executeCommand(...ACTION_COMMANDS[action]);
	}
}

/** Moments in local time, in the display language. */
function localTime(moment: Date): string {
	return moment.toLocaleTimeString(vscode.env.language);
}
