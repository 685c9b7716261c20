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
	if (!/^\d+$/.test(trimmed)) return refused('notWholeNumber');
	if (value < 1) return refused('tooSmall');
	return value > max ? refused('tooLarge') : { ok: true, value };
}

/** An end date typed as `YYYY-MM-DD`, not after `today`. */
export function checkEndDateInput(text: string, today: string): Checked<string, DateProblem> {
	const trimmed = text.trim();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return refused('format');
	if (!isPlainDate(trimmed)) return refused('notADate');
	return daysBetween(today, trimmed) > 0 ? refused('future') : { ok: true, value: trimmed };
}

/** An app identifier as typed (surrounding spaces are forgiven, inner ones are not). */
export function checkAppIdInput(text: string): Checked<string, AppIdProblem> {
	const trimmed = text.trim();
	if (trimmed === '') return refused('empty');
	if (trimmed.length > 256) return refused('tooLong');
	return isValidAppId(trimmed) ? { ok: true, value: trimmed } : refused('whitespace');
}

function refused<P>(problem: P): { readonly ok: false; readonly problem: P } {
	return { ok: false, problem };
}
