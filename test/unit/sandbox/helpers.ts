// Shared set-up for the sandbox tests: a sandbox per test on a free loopback port, closed afterwards.
import type { TestContext } from 'node:test';
import type { Sandbox, SandboxOptions } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';

/** A key that is none of the sandbox's test keys. */
export const GOOD_KEY = 'ok-key-7f3a9c';

/** Noon UTC on a Friday. */
export const FIXED_NOW = new Date('2024-03-15T12:00:00.000Z');

/** Starts a sandbox with a fixed clock (unless given) and closes it when the test ends. */
export async function sandboxFor(t: TestContext, options: SandboxOptions = {}): Promise<Sandbox> {
	const sandbox = await startSandbox({ now: () => FIXED_NOW, ...options });
	t.after(() => sandbox.close());
	return sandbox;
}

export interface KpiResponse {
	readonly status: number;
	readonly headers: Headers;
	readonly text: string;
}

/** GET `path` with `Authorization: Bearer <key>` (no header when key is null). */
export async function get(sandbox: Sandbox, path: string, key: string | null = GOOD_KEY, extraHeaders: Record<string, string> = {}): Promise<KpiResponse> {
	const headers: Record<string, string> = { ...extraHeaders };
	if (key !== null) headers.Authorization = `Bearer ${key}`;
	const response = await fetch(`${sandbox.url}${path}`, { headers });
	return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The parsed JSON body; fails the test with the text when it is not JSON. */
export function json(response: KpiResponse): Record<string, unknown> {
	try {
		return JSON.parse(response.text) as Record<string, unknown>;
	} catch {
		throw new Error(`Not JSON (status ${response.status}): ${response.text.slice(0, 200)}`);
	}
}

/** The `data` rows of a success body. */
export function rows(response: KpiResponse): Record<string, unknown>[] {
	const data = json(response).data;
	if (!Array.isArray(data)) throw new Error(`No data array: ${response.text.slice(0, 200)}`);
	return data as Record<string, unknown>[];
}

/** Resolves once `sandbox` has recorded `count` requests (polling on the event loop, no fixed sleep). */
export async function untilRecorded(sandbox: Sandbox, count: number): Promise<void> {
	while (sandbox.requests.length < count) await new Promise((resolve) => setImmediate(resolve));
}

/** Waits for `condition` (a server-side effect of something the client did), failing after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
