// What the two layer runners (runIntegration, runE2e) share: elapsed-time formatting and how the process ends,
// with a summary line the test script reads even when the runner itself crashes.

/** Seconds since `since` (a Date.now() value), e.g. "12.3 s". */
export function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Runs a layer and exits with its code; a crash counts as one failed test. */
export function runMain(main: () => Promise<number>): void {
	main().then(
		(code) => process.exit(code),
		(error: unknown) => {
			console.error(error instanceof Error ? (error.stack ?? error.message) : error);
			console.log('0 passed, 1 failed');
			process.exit(1);
		},
	);
}
