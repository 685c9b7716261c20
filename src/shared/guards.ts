// Small type guards for untrusted input (settings, files, webview messages, persisted state, caught errors).

/** A plain object (not null, not an array), whose fields are still unknown. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer from `min` to `max` (a number type alone lets 2.5, NaN and Infinity through). */
export function isWholeNumber(value: unknown, min: number, max = Infinity): value is number {
	return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** What a caught value says: its message when it is an Error (anything can be thrown). */
export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
