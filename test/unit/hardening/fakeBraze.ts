// A client on a hand-written fetch, for the answers the sandbox cannot give (absurd headers, redirects to odd places).
import { createBrazeClient } from '../../../src/braze/client';
import type { BrazeClient, BrazeClientOptions, RequestLogEntry } from '../../../src/braze/client';

export const FAKE_KEY = 'fake-key/with+chars=51e0';
export const FAKE_NOW = new Date('2026-03-15T12:00:00Z');

export function fakeBrazeClient(answer: (url: URL, call: number) => Response, overrides: Partial<BrazeClientOptions> = {}): { client: BrazeClient; calls: string[]; log: RequestLogEntry[] } {
	const calls: string[] = [];
	const log: RequestLogEntry[] = [];
	const client = createBrazeClient({
		baseUrl: 'US-03',
		apiKey: FAKE_KEY,
		fetch: (input) => {
			const url = input instanceof Request ? input.url : input.toString();
			calls.push(url);
			return Promise.resolve(answer(new URL(url), calls.length));
		},
		now: () => FAKE_NOW,
		sleep: () => Promise.resolve(),
		random: () => 0.5,
		onRequest: (entry) => log.push(entry),
		...overrides,
	});
	return { client, calls, log };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Braze's rows for the request in `url`: `length` days ending on the date of ending_at, `value` each (or per day). */
export function rowsFor(url: URL, value: (date: string, index: number) => number): { time: string; dau: number }[] {
	const length = Number(url.searchParams.get('length'));
	const end = (url.searchParams.get('ending_at') ?? FAKE_NOW.toISOString()).slice(0, 10);
	const endDay = Date.parse(`${end}T00:00:00Z`);
	return Array.from({ length }, (_, i) => {
		const date = new Date(endDay - (length - 1 - i) * 86_400_000).toISOString().slice(0, 10);
		return { time: date, dau: value(date, i) };
	});
}
