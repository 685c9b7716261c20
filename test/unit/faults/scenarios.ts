// The fault matrix of issue 12: every scenario `npm run faults` runs and the unit test asserts, in one list so that
// the two cannot drift. Each runs the real BrazeClient against a real sandbox on loopback; the outcome is the result,
// or the user's message as the error presenter words it in English.
import type { SeriesRequest } from '../../../src/braze/client';
import type { SandboxFaults } from '../../../sandbox/server';
import { SANDBOX_KEYS } from '../../../sandbox/keys';
import { addDays } from '../../../src/shared/dates';

/** The sandbox's and the client's clock: fixed, so that resets and HTTP dates give the same outcome on every run. */
export const MATRIX_NOW = new Date('2026-03-15T12:00:00Z');
/** The client's per-request timeout in the matrix (the extension's default is 30 s), so that hangs end quickly. */
export const MATRIX_TIMEOUT_MS = 1500;

export interface FaultScenario {
	readonly name: string;
	/** What the sandbox does. */
	readonly faults: SandboxFaults;
	readonly request: SeriesRequest;
	/** Default: a key that works. */
	readonly apiKey?: string;
	/** Appended to the sandbox's URL (a wrong REST endpoint). */
	readonly pathSuffix?: string;
	/** Cancels the fetch as soon as this many answers arrived (the user pressing Cancel mid-flight). */
	readonly cancelAfterAnswers?: number;
	readonly expected: {
		/** "result: …" or the message; `{host}` stands for the sandbox's host and port. */
		readonly outcome: string;
		/** Requests the sandbox received: exactly, or [at least, at most]. */
		readonly requests: number | readonly [number, number];
	};
}

const END = '2026-03-10';
const short: SeriesRequest = { metric: 'dau', length: 30, endingAt: END };
const long: SeriesRequest = { metric: 'dau', length: 1000, endingAt: END };
const RETRY_LATER = 'Braze rate limit reached (429) for this workspace\'s hourly quota. Try again later.';
const RETRY_AFTER_RESET = 'Braze rate limit reached (429) for this workspace\'s hourly quota. Try again after 1:00:00 PM.';
const OPEN_LOG = 'Open Log shows what arrived.';
const result = (days: number, values: number, extra = ''): string => `result: ${days} days, ${values} values${extra}`;

export const FAULT_SCENARIOS: readonly FaultScenario[] = [
	// 2xx
	{ name: '200, 30 days', faults: {}, request: short, expected: { outcome: result(30, 30), requests: 1 } },
	{ name: '200, 1000 days in 10 windows', faults: {}, request: long, expected: { outcome: result(1000, 1000), requests: 10 } },
	{ name: '200 with two days missing', faults: { omitDates: ['2026-03-01', '2026-03-02'] }, request: short, expected: { outcome: result(30, 28, ', 2 gaps'), requests: 1 } },
	{ name: '200 with a repeated date', faults: { duplicateDates: true }, request: short, expected: { outcome: result(30, 30, ', 1 row left out, reported for the log'), requests: 1 } },
	{ name: '200, rows shuffled, times as date-times', faults: { shuffle: true, timeFormat: 'datetime' }, request: short, expected: { outcome: result(30, 30), requests: 1 } },
	// 3xx
	{ name: '302 to another host', faults: { redirects: 1 }, request: short, expected: { outcome: `Braze gave an unexpected answer (HTTP 302). Check the REST endpoint setting. ${OPEN_LOG}`, requests: 1 } },
	// 4xx
	{ name: '400 unknown app id', faults: {}, request: { ...short, appId: 'no-such-app' }, expected: { outcome: `Braze rejected the request (400): "Invalid parameter: app_id". Parameters sent: length=30, ending_at=${END}T23:59:59Z, app_id=no-such-app. Check these values.`, requests: 1 } },
	{ name: '401 invalid key', faults: {}, request: short, apiKey: SANDBOX_KEYS.invalid, expected: { outcome: 'Braze refused the API key for {host} (401). Check that the key is right, has no quotes and was created on this instance.', requests: 1 } },
	{ name: '403 Access Denied', faults: {}, request: short, apiKey: SANDBOX_KEYS.noPermission, expected: { outcome: 'The API key for {host} lacks the permission kpi.dau.data_series, which Braze cannot add to a key: create a new REST API key with it (Settings > APIs and Identifiers).', requests: 1 } },
	{ name: '403 Forbidden', faults: {}, request: short, apiKey: SANDBOX_KEYS.forbidden, expected: { outcome: 'Braze refused access (403 Forbidden): your plan or account does not allow this endpoint. Contact your Braze administrator.', requests: 1 } },
	{ name: '404 wrong REST endpoint', faults: {}, request: short, pathSuffix: '/wrong', expected: { outcome: 'Braze answered 404 Not Found for http://{host}/wrong/kpi/dau/data_series. Check the REST endpoint setting: use the REST host shown in Settings > APIs and Identifiers.', requests: 1 } },
	// 429
	{ name: '429, Retry-After: 1 (seconds)', faults: { rateLimited: 1, retryAfterSeconds: 1 }, request: short, expected: { outcome: result(30, 30), requests: 2 } },
	{ name: '429, Retry-After as an HTTP date 2 s ahead', faults: { rateLimited: 1, retryAfter: new Date(MATRIX_NOW.getTime() + 2000).toUTCString() }, request: short, expected: { outcome: result(30, 30), requests: 2 } },
	{ name: '429, Retry-After garbage (reset in 1 h)', faults: { rateLimited: 1, retryAfter: 'soon, maybe' }, request: short, expected: { outcome: RETRY_AFTER_RESET, requests: 1 } },
	{ name: '429, Retry-After absurd (400 digits)', faults: { rateLimited: 1, retryAfter: '9'.repeat(400) }, request: short, expected: { outcome: RETRY_AFTER_RESET, requests: 1 } },
	{ name: '429, X-RateLimit-Reset absurd, no Retry-After', faults: { rateLimited: 4, rateLimitReset: '9'.repeat(30) }, request: short, expected: { outcome: RETRY_LATER, requests: 4 } },
	{ name: '429, X-RateLimit-Reset in milliseconds (2 s ahead)', faults: { rateLimited: 1, rateLimitReset: String(MATRIX_NOW.getTime() + 2000) }, request: short, expected: { outcome: result(30, 30), requests: 2 } },
	{ name: '429 on every attempt, Retry-After: 1', faults: { rateLimited: 10, retryAfterSeconds: 1 }, request: short, expected: { outcome: RETRY_AFTER_RESET, requests: 4 } },
	// 5xx
	{ name: '500 once, then 200', faults: { serverErrors: 1 }, request: short, expected: { outcome: result(30, 30), requests: 2 } },
	{ name: '503 on every attempt', faults: { serverErrors: 10, serverErrorStatus: 503 }, request: short, expected: { outcome: 'Braze still had a server error (503) after 4 attempts. Try again later; check status.braze.com if it persists.', requests: 4 } },
	{ name: '502 HTML proxy page on every attempt', faults: { htmlBody: 10 }, request: short, expected: { outcome: 'Braze still had a server error (502) after 4 attempts. Try again later; check status.braze.com if it persists.', requests: 4 } },
	// Bodies
	{ name: '200 HTML page (captive portal)', faults: { htmlOk: 1 }, request: short, expected: { outcome: `Braze's answer is an HTML page, not JSON (often a proxy or outage page). Check the REST endpoint setting and any proxy. ${OPEN_LOG}`, requests: 1 } },
	{ name: '200 truncated JSON', faults: { malformedJson: 1 }, request: short, expected: { outcome: `Braze's answer is not valid JSON. Try again later; check the REST endpoint setting if it persists. ${OPEN_LOG}`, requests: 1 } },
	{ name: '200 malformed JSON (trailing comma)', faults: { invalidJson: 1 }, request: short, expected: { outcome: `Braze's answer is not valid JSON. Try again later; check the REST endpoint setting if it persists. ${OPEN_LOG}`, requests: 1 } },
	{ name: '200 with a string where a number belongs', faults: { badRows: 1, badRowKind: 'string' }, request: short, expected: { outcome: `Braze's answer does not have the expected shape. The extension may need an update if Braze changed its API. ${OPEN_LOG}`, requests: 1 } },
	{ name: '200 with a negative value', faults: { badRows: 1, badRowKind: 'negative' }, request: short, expected: { outcome: `Braze's answer holds values that cannot be counts (negative, fractional or over a trillion), so nothing was charted. Try again later; report it to Braze if it persists. ${OPEN_LOG}`, requests: 1 } },
	{ name: '200 with a 6 MB body', faults: { oversizeBytes: 6 * 1024 * 1024 }, request: short, expected: { outcome: `Braze's answer is too large. Check the REST endpoint setting. ${OPEN_LOG}`, requests: 1 } },
	{ name: '200 whose body stalls past the timeout', faults: { slowBodyMs: 10_000 }, request: short, expected: { outcome: 'Braze did not answer within 1.5 s. Try again, check your network and proxy, or raise the braze.requestTimeoutSeconds setting.', requests: 1 } },
	// The network
	{ name: 'no answer at all (hang)', faults: { hang: 1 }, request: short, expected: { outcome: 'Braze did not answer within 1.5 s. Try again, check your network and proxy, or raise the braze.requestTimeoutSeconds setting.', requests: 1 } },
	{ name: 'connection dropped once', faults: { dropConnection: 1 }, request: short, expected: { outcome: result(30, 30), requests: 2 } },
	{ name: 'connection dropped on every attempt', faults: { dropConnection: 10 }, request: short, expected: { outcome: 'Could not reach Braze at {host} (UND_ERR_SOCKET) after 4 attempts. Check your network, proxy and the REST endpoint setting.', requests: 4 } },
	// Long series
	{ name: '503 once in one window of ten', faults: { windowServerErrors: { endingOn: addDays(END, -400), count: 1 }, serverErrorStatus: 503 }, request: long, expected: { outcome: result(1000, 1000), requests: 11 } },
	{ name: '503 on every attempt in the last window of ten', faults: { windowServerErrors: { endingOn: addDays(END, -900), count: 10 }, serverErrorStatus: 503 }, request: long, expected: { outcome: 'Braze still had a server error (503) after 4 attempts. Try again later; check status.braze.com if it persists.', requests: 13 } },
	{ name: 'cancel mid-flight (1000 days, after the first answer)', faults: { latencyMs: 100 }, request: long, cancelAfterAnswers: 1, expected: { outcome: 'cancelled: no message, as the user asked', requests: 4 } },
];
