// Turns any failure into one localized message with the actions that fix it. This is the edge where
// typed errors become words: nothing below it shows messages.
import * as vscode from 'vscode';
import {
	BrazeAuthError,
	BrazeBadRequestError,
	BrazeCancelledError,
	BrazeForbiddenError,
	BrazeNetworkError,
	BrazeNotFoundError,
	BrazePermissionError,
	BrazeRateLimitError,
	BrazeResponseError,
	BrazeServerError,
	BrazeTimeoutError,
	BrazeValidationError,
} from '../braze/errors';
import type { BrazeResponseProblem } from '../braze/errors';
import { invalidEndpointMessage } from '../config/settings';
import { queryProblemText } from '../shared/query';

/** The fixes a message may offer. */
export type ErrorAction = 'setApiKey' | 'selectEndpoint' | 'openLog' | 'retry' | 'openSettings';

export interface PresentedError {
	readonly message: string;
	readonly actions: readonly ErrorAction[];
	/** Technical detail for the log only (never a key). */
	readonly detail?: string;
}

/** A parameter or setting refused before anything was sent. */
function describeValidationError(field: string, host: string): PresentedError {
	switch (field) {
		case 'endpoint':
			return { message: invalidEndpointMessage(host), actions: ['selectEndpoint', 'openSettings'] };
		case 'apiKey':
			return { message: vscode.l10n.t('The stored API key for {0} cannot be a Braze REST API key (empty, quoted or with characters a key cannot have). Set it again.', host), actions: ['setApiKey'] };
		case 'length':
			return { message: queryProblemText('length', vscode.l10n), actions: [] };
		case 'ending_at':
			return { message: queryProblemText('end', vscode.l10n), actions: [] };
		case 'app_id':
			return { message: queryProblemText('appId', vscode.l10n), actions: [] };
		default:
			return { message: queryProblemText('metric', vscode.l10n), actions: [] };
	}
}

/** What a failure means for the user, or undefined when there is nothing to say (cancelled by the user). `host` is the endpoint as the user knows it. */
export function describeError(error: unknown, host: string): PresentedError | undefined {
	if (error instanceof BrazeCancelledError) return undefined;
	if (error instanceof BrazeValidationError) return describeValidationError(error.field, host);
	if (error instanceof BrazeBadRequestError) {
		const sent = Object.entries(error.paramsSent).map(([k, v]) => `${k}=${v}`).join(', ');
		return {
			message: vscode.l10n.t('Braze rejected the request (400): "{0}". Parameters sent: {1}. Check these values.', error.brazeMessage ?? vscode.l10n.t('no message'), sent),
			actions: ['openLog'],
		};
	}
	if (error instanceof BrazeAuthError) {
		return {
			message: vscode.l10n.t('Braze refused the API key for {0} (401). Check that the key is right, without quotes, and that it belongs to this instance: a key works only on its own instance.', host),
			actions: ['setApiKey', 'selectEndpoint', 'openLog'],
		};
	}
	if (error instanceof BrazePermissionError) {
		return {
			message: vscode.l10n.t('The API key for {0} lacks the permission {1}. Braze cannot add permissions to an existing key: create a new REST API key with {1} (Settings > APIs and Identifiers) and set it here.', host, error.permission),
			actions: ['setApiKey', 'openLog'],
		};
	}
	if (error instanceof BrazeForbiddenError) {
		return { message: vscode.l10n.t('Braze refused access (403 Forbidden): your Braze plan or account does not allow this endpoint. Contact your Braze administrator.'), actions: ['openLog'] };
	}
	if (error instanceof BrazeNotFoundError) {
		return { message: vscode.l10n.t('Braze answered 404 Not Found at {0}. Check the REST endpoint: use the REST host shown in Settings > APIs and Identifiers of your Braze dashboard.', host), actions: ['selectEndpoint', 'openLog'] };
	}
	if (error instanceof BrazeRateLimitError) {
		return {
			message: error.resetAt
				? vscode.l10n.t('Braze rate limit reached for this workspace; it resets at {0}. Try again then.', error.resetAt.toLocaleTimeString(vscode.env.language))
				: vscode.l10n.t('Braze rate limit reached for this workspace. Try again later.'),
			actions: ['retry', 'openLog'],
		};
	}
	if (error instanceof BrazeServerError) {
		return { message: vscode.l10n.t('Braze had a server error ({0}) and still failed after {1} attempts. Try again in a few minutes.', error.status, error.attempts), actions: ['retry', 'openLog'] };
	}
	if (error instanceof BrazeTimeoutError) {
		return {
			message: vscode.l10n.t('Braze did not answer within {0} seconds. Try again, or raise the braze.requestTimeoutSeconds setting.', Math.round(error.timeoutMs / 1000)),
			actions: ['retry', 'openSettings', 'openLog'],
		};
	}
	if (error instanceof BrazeNetworkError) {
		return {
			message: error.code
				? vscode.l10n.t('Could not reach Braze at {0} ({1}). Check your network connection, proxy and the REST endpoint.', host, error.code)
				: vscode.l10n.t('Could not reach Braze at {0}. Check your network connection, proxy and the REST endpoint.', host),
			actions: ['retry', 'selectEndpoint', 'openLog'],
		};
	}
	if (error instanceof BrazeResponseError) {
		// The detail quotes Braze's answer (English, technical): it goes to the log, which Open Log shows.
		return { message: vscode.l10n.t('{0}. Open Log shows what arrived.', responseProblemText(error.problem)), actions: ['retry', 'selectEndpoint', 'openLog'], detail: error.detail };
	}
	const text = error instanceof Error ? error.message : String(error);
	return { message: vscode.l10n.t('Unexpected error: {0}', text), actions: ['openLog'] };
}

function responseProblemText(problem: BrazeResponseProblem): string {
	switch (problem) {
		case 'not-json':
			return vscode.l10n.t('Braze\'s answer is not valid JSON');
		case 'html':
			return vscode.l10n.t('Braze\'s answer is an HTML page, not JSON (often a proxy or an outage page); check the REST endpoint and any proxy');
		case 'oversize':
			return vscode.l10n.t('Braze\'s answer is too large; check the REST endpoint');
		case 'shape':
			return vscode.l10n.t('Braze\'s answer does not have the expected shape');
		case 'unexpected-status':
			return vscode.l10n.t('Braze gave an unexpected answer; check the REST endpoint');
	}
}

/** The button label of an action. */
export function actionLabel(action: ErrorAction): string {
	switch (action) {
		case 'setApiKey':
			return vscode.l10n.t('Set API Key');
		case 'selectEndpoint':
			return vscode.l10n.t('Select REST Endpoint');
		case 'openLog':
			return vscode.l10n.t('Open Log');
		case 'retry':
			return vscode.l10n.t('Retry');
		case 'openSettings':
			return vscode.l10n.t('Open Settings');
	}
}

/** Shows a described error as one notification and carries out the action the user picks. */
export async function presentError(presented: PresentedError, context: { log: vscode.LogOutputChannel; retry?: () => unknown }): Promise<void> {
	context.log.error(presented.detail ? `${presented.message} ${presented.detail}` : presented.message);
	const actions = presented.actions.filter((a) => a !== 'retry' || context.retry);
	const picked = await vscode.window.showErrorMessage(presented.message, ...actions.map(actionLabel));
	const action = actions.find((a) => actionLabel(a) === picked);
	switch (action) {
		case undefined:
			return;
		case 'setApiKey':
			await vscode.commands.executeCommand('braze.setApiKey');
			return;
		case 'selectEndpoint':
			await vscode.commands.executeCommand('braze.selectEndpoint');
			return;
		case 'openLog':
			context.log.show(true);
			return;
		case 'openSettings':
			await vscode.commands.executeCommand('workbench.action.openSettings', 'braze.');
			return;
		case 'retry':
			await context.retry?.();
			return;
	}
}
