// The words of a client failure, without `vscode`: the presenter passes `vscode.l10n` and its clock format, and
// `npm run faults` words its outcomes with the same functions. Untrusted text is neutralized here (issue 12, A1).
import type { BrazeError, MessageArg } from '../braze/errors';
import { BrazeBadRequestError, BrazeNotFoundError, BrazeResponseError, BrazeValidationError } from '../braze/errors';
import type { L10n } from '../shared/l10n';
import { neutralizeLinks } from '../shared/untrustedText';

/** How a moment is shown (the presenter: local time in the display language). */
export type MomentFormat = (moment: Date) => string;

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
	const neutralize = !raw && hasUntrustedArgs(error);
	const args = error.args.map((arg: MessageArg) => {
		// An invalid Date would throw "Invalid time value" while the message is built.
		if (arg instanceof Date) return Number.isNaN(arg.getTime()) ? '?' : formatMoment(arg);
		return neutralize && typeof arg === 'string' ? neutralizeLinks(arg) : arg;
	});
	return l10n.t(error.template, ...args);
}

/**
 * The notification's text for a client failure, and the detail only the log shows: what arrived, and the raw text of
 * values the message shows neutralized.
 */
export function brazeFailureWording(error: BrazeError, l10n: L10n, formatMoment: MomentFormat): { readonly message: string; readonly detail?: string } {
	const sentence = localizeBrazeError(error, l10n, formatMoment);
	const raw = localizeBrazeError(error, l10n, formatMoment, true);
	const detail = [error.detail, raw !== sentence ? rawTextForLog(raw) : null].filter((d): d is string => !!d).join(' ');
	// What arrived is quoted in the detail, which only the log shows.
	const message = error instanceof BrazeResponseError ? l10n.t('{0} Open Log shows what arrived.', sentence) : sentence;
	return detail ? { message, detail } : { message };
}

/** How the log quotes text that the notification showed neutralized. */
export function rawTextForLog(raw: string): string {
	return `(as received: ${raw})`;
}
