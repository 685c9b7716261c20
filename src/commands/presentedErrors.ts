// The errors shown to the user, kept for the in-host tests (the extension's API hands them out): the latest few only,
// so that a long session does not grow the list without end.

/** How many presented errors are kept. */
export const MAX_PRESENTED_ERRORS = 50;

/** Adds `error` to `list`, dropping the oldest beyond `max`; the same rule for charts and overviews. */
export function rememberPresentedError<T>(list: T[], error: T, max = MAX_PRESENTED_ERRORS): void {
	list.push(error);
	if (list.length > max) list.splice(0, list.length - max);
}
