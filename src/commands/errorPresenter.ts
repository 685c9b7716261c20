// Shows a failure as one localized notification with the actions that fix it. This is the edge where
// typed errors become words (errorWording.ts chooses them): nothing below it shows messages.
import * as vscode from 'vscode';
import type { BrazeError } from '../braze/errors';
import { l10n } from '../l10n';
import { describeFailure, localizeBrazeError } from './errorWording';
import type { ErrorAction, PresentedError } from './errorWording';

export type { ErrorAction, PresentedError } from './errorWording';

/** Moments in local time, in the display language. */
const localTime = (moment: Date): string => moment.toLocaleTimeString(vscode.env.language);

/** The error's own sentence (its English template from the client) in the user's language; untrusted text cannot become a link. */
export function localizedMessage(error: BrazeError): string {
	return localizeBrazeError(error, l10n, localTime);
}

/**
 * What a failure means for the user, or undefined when there is nothing to say (cancelled by the user).
 * The client's errors name the host themselves.
 */
export function describeError(error: unknown): PresentedError | undefined {
	return describeFailure(error, l10n, localTime);
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
