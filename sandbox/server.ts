// A local Braze-compatible KPI API on loopback, for the tests, the demo, and trying the extension
// without a Braze account. Plain `node:http`. It never logs or records a key, only a short fingerprint.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isKpiMetric } from '../src/shared/kpi';
import type { Answer, NonAnswer } from './answers';
import { jsonAnswer, statusAnswer } from './answers';
import type { SandboxWorkspace } from './data';
import { CONTROL_PREFIX, answerControlRequest } from './control';
import { FaultState } from './faults';
import type { InFlightFigures } from './inFlight';
import { InFlightGauge } from './inFlight';
import { answerLoadControlRequest } from './loadControl';
import type { RandomFaultSettings } from './randomFaults';
import { RandomFaults } from './randomFaults';
import { bearerToken, workspaceOfAuthorization } from './keys';
import { answerKpiRequest } from './kpiRoute';
import { HourlyRateLimiter, rateLimitHeaders } from './rateLimit';
import { controlAccessProblem } from './control';

export interface SandboxFaults {
	/** Delay before every answer (not the /__sandbox/ control endpoints). */
	latencyMs?: number;
	/** The next N KPI requests answer 429 (with X-RateLimit-Remaining: 0 and X-RateLimit-Reset). */
	rateLimited?: number;
	/** When set, 429 answers also carry Retry-After: <n>. */
	retryAfterSeconds?: number;
	/** The next N KPI requests answer serverErrorStatus (default 500) with a JSON {message} body. */
	serverErrors?: number;
	/** E.g. 502, 503. */
	serverErrorStatus?: number;
	/** The next N KPI requests that would succeed answer 200 with a truncated JSON body. */
	malformedJson?: number;
	/** The next N KPI requests answer 502 text/html (a proxy page). */
	htmlBody?: number;
	/** The next N KPI requests that would succeed answer 200 text/html. */
	htmlOk?: number;
	/** The next N KPI requests get their socket destroyed without an answer. */
	dropConnection?: number;
	/** The next N KPI requests never answer (until the client gives up or the server closes). */
	hang?: number;
	/** Answer 200 with a valid JSON body padded to at least this many bytes. */
	oversizeBytes?: number;
	/** YYYY-MM-DD days left out of every series (gaps). */
	omitDates?: string[];
	/** Rows in a deterministic non-sorted order. */
	shuffle?: boolean;
	/** One row repeated. */
	duplicateDates?: boolean;
	/** 'datetime' answers "time": "2024-01-05T00:00:00.000Z" style. */
	timeFormat?: 'date' | 'datetime';
	/** The next N KPI requests that would succeed answer a row with a negative or string value. */
	badRows?: number;
	/** Which kind of bad row `badRows` serves (default 'negative'). */
	badRowKind?: 'negative' | 'string';
	/** The next N KPI requests answer 302 with a Location on another host (a login wall, a moved API). */
	redirects?: number;
	/** The next N KPI requests that would succeed answer 200 with JSON that is complete but invalid (a trailing comma). */
	invalidJson?: number;
	/** Success answers send their headers and the first half of the body, then the rest after this many milliseconds. */
	slowBodyMs?: number;
	/** 429 answers carry exactly this Retry-After (an HTTP date, garbage…); it wins over retryAfterSeconds. */
	retryAfter?: string;
	/** Injected 429 answers carry exactly this X-RateLimit-Reset (absurd values, milliseconds…). */
	rateLimitReset?: string;
	/** Answers say at most this many requests remain this hour (X-RateLimit-Remaining), without refusing any: a nearly spent quota. */
	rateLimitRemaining?: number;
	/** The next `count` KPI requests whose series ends on `endingOn` (YYYY-MM-DD) answer serverErrorStatus: one window of many fails. */
	windowServerErrors?: { endingOn: string; count: number };
}

export interface RecordedRequest {
	method: string;
	path: string;
	/** First value of each parameter; `api_key` (the deprecated query key) is recorded as "[redacted]". */
	query: Record<string, string>;
	hasBearer: boolean;
	/** Short hash of the key, never the key. */
	keyFingerprint: string | null;
	/** The workspace the key reads ("prod" or "dev"), also when it is refused a series; null for a key that answers 401. */
	workspace: SandboxWorkspace | null;
	/** The answer's status; 0 while pending, and for dropped or hanging requests. */
	status: number;
	/** True once the client closed the connection of a hanging request: it gave up on the socket, not only on its promise. */
	closedByClient: boolean;
}

export interface Sandbox {
	/** http://127.0.0.1:PORT (no trailing slash). */
	readonly url: string;
	readonly port: number;
	/** Every request received, in order (including faulted ones; not the /__sandbox/ control requests). */
	readonly requests: RecordedRequest[];
	/** Replaces the current faults; throws a TypeError when a field is invalid. */
	setFaults(faults: SandboxFaults): void;
	resetFaults(): void;
	/** The faults in force, counters showing what is left. */
	currentFaults(): SandboxFaults;
	/** Empties `requests`. */
	clearRequests(): void;
	/** KPI requests in flight now, the most seen at once, and the count since the last `resetInFlight`. */
	inFlight(): InFlightFigures;
	resetInFlight(): void;
	/** Switches the seeded random-fault mode on (settings) or off (null). */
	setRandomFaults(settings: RandomFaultSettings | null): void;
	/** Also destroys hanging sockets; resolves when fully closed. */
	close(): Promise<void>;
}

export interface SandboxOptions {
	/** Default 0: a free port. */
	port?: number;
	/** Default 127.0.0.1; anything but a loopback address is refused. */
	host?: string;
	faults?: SandboxFaults;
	now?: () => Date;
	/** Default 250000. */
	rateLimitPerHour?: number;
	/** One line per request: method, path+query, status, duration. */
	log?: (line: string) => void;
}

const DEFAULT_RATE_LIMIT_PER_HOUR = 250_000;
const MAX_CONTROL_BODY_BYTES = 1024 * 1024;
const KPI_PATH_RE = /^\/kpi\/([^/]+)\/data_series$/;

/** First 8 hex characters of the key's SHA-256: enough to tell keys apart in tests, useless to an attacker. */
export function keyFingerprint(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
}

/** Starts the sandbox; rejects when the host is not loopback or the port is taken. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = loopbackHost(options.host ?? '127.0.0.1');
	const now = options.now ?? (() => new Date());
	const log = options.log;
	const faults = new FaultState(options.faults);
	const limiter = new HourlyRateLimiter(options.rateLimitPerHour ?? DEFAULT_RATE_LIMIT_PER_HOUR, now);
	const requests: RecordedRequest[] = [];
	const pendingDelays = new Set<NodeJS.Timeout>();
	const inFlight = new InFlightGauge();
	const randomFaults = new RandomFaults();

	const handleControl = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
		const refused = controlAccessProblem(req.headers.host, req.headers.origin, (server.address() as AddressInfo).port);
		if (refused) {
			req.resume();
			send(res, jsonAnswer(403, { message: 'Forbidden', errors: [refused] }));
			return;
		}
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_CONTROL_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => {
			const method = req.method ?? 'GET';
			const text = Buffer.concat(chunks).toString('utf8');
			const answer =
				size > MAX_CONTROL_BODY_BYTES
					? statusAnswer(413)
					: (answerLoadControlRequest(method, url.pathname, text, { inFlight, randomFaults }) ?? answerControlRequest(method, url.pathname, text, { faults, requests }));
			send(res, answer);
		});
	};

	const handleKpi = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
		const started = performance.now();
		const method = req.method ?? 'GET';
		const token = bearerToken(req.headers.authorization);
		const fingerprint = token === null ? null : keyFingerprint(token);
		const record: RecordedRequest = { method, path: url.pathname, query: recordedQuery(url.searchParams), hasBearer: token !== null, keyFingerprint: fingerprint, workspace: workspaceOfAuthorization(req.headers.authorization), status: 0, closedByClient: false };
		requests.push(record);
		inFlight.track(res);
		req.resume();
		const target = `${url.pathname}${url.searchParams.has('api_key') ? redactedSearch(url.searchParams) : url.search}`;
		const logLine = (outcome: string): void => log?.(`${method} ${target} ${outcome} ${Math.round(performance.now() - started)}ms`);

		// Counters and the clock are read now, in arrival order; only the answer waits for the latency.
		const instant = now();
		const metric = KPI_PATH_RE.exec(url.pathname)?.[1];
		let outcome: Answer | NonAnswer;
		try {
			outcome = randomFaults.draw() ?? (isKpiMetric(metric)
				? answerKpiRequest({ method, metric, query: url.searchParams, authorization: req.headers.authorization, bucket: fingerprint ?? '', today: instant.toISOString().slice(0, 10) }, faults, limiter)
				: statusAnswer(404, rateLimitHeaders(limiter.count(fingerprint ?? ''))));
		} catch (error) {
			// A sandbox bug must show up as a 500 in the test that hit it, not kill the process.
			outcome = jsonAnswer(500, { message: `Sandbox error: ${error instanceof Error ? error.message : String(error)}` });
		}

		const deliver = (): void => {
			if (outcome === 'dropConnection') {
				req.socket.destroy();
				logLine('dropped');
			} else if (outcome === 'hang') {
				res.on('close', () => {
					record.closedByClient = true;
					logLine('hung until closed');
				});
			} else {
				record.status = outcome.status;
				const slowBodyMs = outcome.status === 200 ? faults.settings.slowBodyMs ?? 0 : 0;
				if (slowBodyMs > 0) sendSlowly(res, outcome, slowBodyMs, pendingDelays);
				else send(res, outcome);
				logLine(String(outcome.status));
			}
		};
		const latency = faults.settings.latencyMs ?? 0;
		if (latency <= 0) return deliver();
		const timer = setTimeout(() => {
			pendingDelays.delete(timer);
			deliver();
		}, latency);
		pendingDelays.add(timer);
	};

	const server = createServer((req, res) => {
		let url: URL;
		try {
			url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		} catch {
			send(res, jsonAnswer(400, { message: 'Bad Request', errors: ['the request target is not a valid URL'] }));
			return;
		}
		if (url.pathname.startsWith(CONTROL_PREFIX)) handleControl(req, res, url);
		else handleKpi(req, res, url);
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	let closing: Promise<void> | undefined;

	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		requests,
		setFaults: (next) => faults.replace(next),
		resetFaults: () => faults.reset(),
		currentFaults: () => faults.current(),
		clearRequests: () => {
			requests.length = 0;
		},
		inFlight: () => inFlight.figures(),
		resetInFlight: () => inFlight.reset(),
		setRandomFaults: (settings) => randomFaults.configure(settings),
		close: () => {
			closing ??= new Promise<void>((resolve) => {
				for (const timer of pendingDelays) clearTimeout(timer);
				pendingDelays.clear();
				server.close(() => resolve());
				// Kept-alive, delayed and hanging connections would hold close() open forever.
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

function send(res: ServerResponse, answer: Answer): void {
	res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body)) });
	res.end(answer.body);
}

/** The headers and the first half of the body now, the rest after `delayMs` (a server that stalls mid-body). */
function sendSlowly(res: ServerResponse, answer: Answer, delayMs: number, timers: Set<NodeJS.Timeout>): void {
	const body = Buffer.from(answer.body);
	const half = Math.floor(body.length / 2);
	res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.length) });
	res.write(body.subarray(0, half));
	const timer = setTimeout(() => {
		timers.delete(timer);
		if (!res.destroyed) res.end(body.subarray(half));
	}, delayMs);
	timers.add(timer);
}

/** The address to listen on, when it is loopback; throws otherwise (the sandbox has no auth worth the name). */
export function loopbackHost(host: string): string {
	if (host === 'localhost') return '127.0.0.1';
	if (host === '::1' || /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host)) return host;
	throw new Error(`The sandbox listens on loopback only (127.0.0.1, ::1 or localhost), not ${JSON.stringify(host)}`);
}

function recordedQuery(params: URLSearchParams): Record<string, string> {
	const query = new Map<string, string>();
	for (const [name, value] of params) if (!query.has(name)) query.set(name, name === 'api_key' ? '[redacted]' : value);
	return Object.fromEntries(query);
}

/** `?…` with the deprecated `api_key` parameter's value replaced. */
function redactedSearch(params: URLSearchParams): string {
	const copy = new URLSearchParams();
	for (const [name, value] of params) copy.append(name, name === 'api_key' ? '[redacted]' : value);
	return `?${copy.toString()}`;
}
