// What a failure means for the user: one localized sentence and the actions that fix it. Pure (no `vscode`):
// the presenter passes `vscode.l10n` and its clock format, and `npm run faults` words its outcomes with it.
import {
	BrazeAuthError,
	BrazeBadRequestError,
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
import type { BrazeValidationField, MessageArg } from '../braze/errors';
import { errorText } from '../shared/guards';
import type { L10n } from '../shared/l10n';
import { neutralizeLinks } from '../shared/untrustedText';

/** The fixes a message may offer. */
export type ErrorAction = 'setApiKey' | 'selectEndpoint' | 'openLog' | 'retry' | 'openSettings';

export interface PresentedError {
	readonly message: string;
	readonly actions: readonly ErrorAction[];
	/** Technical detail for the log only (never a key); holds the raw text of values the message shows neutralized. */
	readonly detail?: string;
}

/** How a moment is shown (the presenter: local time in the display language). */
export type MomentFormat = (moment: Date) => string;

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

/**
 * Whether an error's text arguments came from outside: Braze's 400 message and the parameters sent (an app id from a
 * file or a setting), an endpoint value, a URL built from it. The other classes' texts are hosts (a URL's host cannot
 * hold `[`), permission names and system codes. A new error class with outside text belongs here.
 */
function hasUntrustedArgs(error: BrazeError): boolean {
	return error instanceof BrazeBadRequestError || error instanceof BrazeNotFoundError || (error instanceof BrazeValidationError && error.field === 'endpoint');
}

/** The error's own sentence (its English template from the client) in the user's language; untrusted text neutralized unless `raw` (for the log). */
export function localizeBrazeError(error: BrazeError, l10n: L10n, formatMoment: MomentFormat, raw = false): string {
	return l10n.t(error.template, ...shownArgs(error, formatMoment, !raw && hasUntrustedArgs(error)));
}

function shownArgs(error: BrazeError, formatMoment: MomentFormat, neutralize: boolean): (string | number)[] {
	return error.args.map((arg: MessageArg) => {
		if (arg instanceof Date) return Number.isNaN(arg.getTime()) ? '?' : formatMoment(arg);
		return neutralize && typeof arg === 'string' ? neutralizeLinks(arg) : arg;
	});
}

/**
 * What a failure means for the user, or undefined when there is nothing to say (cancelled by the user).
 * The client's errors name the host themselves.
 */
export function describeFailure(error: unknown, l10n: L10n, formatMoment: MomentFormat): PresentedError | undefined {
	if (error instanceof BrazeCancelledError) return undefined;
	if (!(error instanceof BrazeError)) {
		const raw = errorText(error);
		const shown = neutralizeLinks(raw);
		return { message: l10n.t('Unexpected error: {0}', shown), actions: ['openLog'], ...(shown !== raw ? { detail: rawDetail(raw) } : {}) };
	}
	const actions: readonly ErrorAction[] = error instanceof BrazeValidationError
		? VALIDATION_ACTIONS[error.field] ?? []
		: [...ACTIONS.find(([kind]) => error instanceof kind)?.[1] ?? [], 'openLog'];
	const message = localizeBrazeError(error, l10n, formatMoment);
	// The log keeps the values as they arrived; the notification shows them neutralized.
	const raw = localizeBrazeError(error, l10n, formatMoment, true);
	const detail = [error.detail, raw !== message ? rawDetail(raw) : null].filter((d): d is string => !!d).join(' ');
	return {
		// What arrived is quoted in the detail, which only the log shows.
		message: error instanceof BrazeResponseError ? l10n.t('{0} Open Log shows what arrived.', message) : message,
		actions,
		...(detail ? { detail } : {}),
	};
}

function rawDetail(raw: string): string {
	return `(as received: ${raw})`;
}
