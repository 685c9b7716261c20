// Small type guards for untrusted input (settings, files, webview messages, persisted state).

/** A plain object (not null, not an array), whose fields are still unknown. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
