// The one error the day cache lets through: clearing it failed, and the user asked for that.

/** Deleting cache files failed (permissions, a locked file); `path` names the file, `code` the system error. */
export class CacheClearError extends Error {
	override readonly name = 'CacheClearError';

	constructor(
		readonly path: string,
		readonly code: string | null,
		options?: { cause?: unknown },
	) {
		super(`Could not delete the day cache file ${path}${code ? ` (${code})` : ''}`, options);
	}
}

/** The system error code of a failed file operation ("ENOENT"…), or null. */
export function errorCode(error: unknown): string | null {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : null;
}
