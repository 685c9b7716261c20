// The channel between the in-host mocha run (inside the extension host) and the harness (outside): a report file
// whose path travels in an environment variable that code-server passes on to its extension host.

/** Env var holding the report file's path; set on code-server, read by test/integration/index.ts. */
export const reportFileVariable = 'BRAZE_INTEGRATION_REPORT';

/** Env var holding a mocha `grep` pattern, to run a subset of the in-host tests. */
export const grepVariable = 'BRAZE_INTEGRATION_GREP';

/** Env var holding the sandbox's URL, for in-host tests that drive its /__sandbox/ control endpoints. */
export const sandboxUrlVariable = 'BRAZE_SANDBOX_URL';

/** Prefix of the report's last line, followed by the JSON of `InHostResult`. */
export const resultLinePrefix = '##braze-in-host-result ';

export interface InHostResult {
	readonly passed: number;
	readonly failed: number;
	readonly pending: number;
	/** Set when mocha could not even start (say, a test file threw on load). */
	readonly error?: string;
}

/** The result line, or undefined when the line is ordinary output. */
export function parseResultLine(line: string): InHostResult | undefined {
	if (!line.startsWith(resultLinePrefix)) return undefined;
	const parsed = JSON.parse(line.slice(resultLinePrefix.length)) as Partial<InHostResult>;
	if (typeof parsed.passed !== 'number' || typeof parsed.failed !== 'number' || typeof parsed.pending !== 'number') {
		throw new Error(`malformed in-host result line: ${line}`);
	}
	return { passed: parsed.passed, failed: parsed.failed, pending: parsed.pending, ...(typeof parsed.error === 'string' ? { error: parsed.error } : {}) };
}
