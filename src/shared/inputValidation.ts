// Checks what a user types for a query (quick input on the host, controls in the webview). Returns a
// problem code, not text: each side words it in the user's language.
import { daysBetween, isPlainDate } from './dates';
import { isValidAppId } from './query';

export type LengthProblem = 'notWholeNumber' | 'tooSmall' | 'tooLarge';
export type DateProblem = 'format' | 'notADate' | 'future';
export type AppIdProblem = 'empty' | 'whitespace' | 'tooLong';

export type Checked<T, P> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: P };

/** A length in days typed as text: a whole number from 1 to `max`. */
export function checkLengthInput(text: string, max: number): Checked<number, LengthProblem> {
	const trimmed = text.trim();
	const value = Number(trimmed);
	return checked(value, !/^\d+$/.test(trimmed) ? 'notWholeNumber' : value < 1 ? 'tooSmall' : value > max ? 'tooLarge' : undefined);
}

/** An end date typed as `YYYY-MM-DD`, not after `today`. */
export function checkEndDateInput(text: string, today: string): Checked<string, DateProblem> {
	const trimmed = text.trim();
	return checked(trimmed, !/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? 'format' : !isPlainDate(trimmed) ? 'notADate' : daysBetween(today, trimmed) > 0 ? 'future' : undefined);
}

/** An app identifier as typed (surrounding spaces are forgiven, inner ones are not). */
export function checkAppIdInput(text: string): Checked<string, AppIdProblem> {
	const trimmed = text.trim();
	return checked(trimmed, trimmed === '' ? 'empty' : trimmed.length > 256 ? 'tooLong' : !isValidAppId(trimmed) ? 'whitespace' : undefined);
}

/** `value` when there is no problem (the checks above name the first one). */
function checked<T, P>(value: T, problem: P | undefined): Checked<T, P> {
	return problem === undefined ? { ok: true, value } : { ok: false, problem };
}
