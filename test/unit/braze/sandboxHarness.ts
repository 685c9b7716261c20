// Shared set-up for the client tests that talk to the local Braze sandbox over real loopback sockets.
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox, SandboxOptions } from '../../../sandbox/server';
import { createBrazeClient } from '../../../src/braze/client';
import type { BrazeClient, BrazeClientOptions, RequestLogEntry } from '../../../src/braze/client';

/** The fixed "now" of the sandbox and the client in these tests. */
export const NOW = new Date('2026-03-15T12:00:00Z');
export const TODAY = '2026-03-15';

export interface Harness {
	readonly sandbox: Sandbox;
	/** The waits the client asked for (the injected sleep records them and returns at once). */
	readonly sleeps: number[];
	readonly log: RequestLogEntry[];
	/** A client on the sandbox with a recording sleep, a fixed clock and jitter 0.5. */
	client(overrides?: Partial<BrazeClientOptions>): BrazeClient;
	/** Clears faults, recorded requests, sleeps and log between tests. */
	reset(): void;
}

export async function startHarness(options: SandboxOptions = {}, apiKey = 'test-key-0f3c9a'): Promise<Harness> {
	const sandbox = await startSandbox({ now: () => NOW, ...options });
	const sleeps: number[] = [];
	const log: RequestLogEntry[] = [];
	const clock = options.now ?? ((): Date => NOW);
	return {
		sandbox,
		sleeps,
		log,
		client: (overrides = {}) =>
			createBrazeClient({
				baseUrl: sandbox.url,
				apiKey,
				now: clock,
				sleep: (ms) => {
					sleeps.push(ms);
					return Promise.resolve();
				},
				random: () => 0.5,
				onRequest: (entry) => log.push(entry),
				...overrides,
			}),
		reset: () => {
			sandbox.resetFaults();
			sandbox.clearRequests();
			sleeps.length = 0;
			log.length = 0;
		},
	};
}

/** Polls `condition` until it holds (a bounded wait on an event, not a timing assertion). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
