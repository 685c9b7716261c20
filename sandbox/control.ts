// The sandbox-only control endpoints under /__sandbox/, for tests that run the sandbox in another
// process. They need no key; a real Braze has nothing like them.
import type { Answer } from './answers';
import { jsonAnswer, statusAnswer } from './answers';
import { SANDBOX_APPS } from './data';
import type { FaultState } from './faults';
import { parseFaults } from './faults';
import type { RecordedRequest } from './server';

export const CONTROL_PREFIX = '/__sandbox/';

export interface ControlTarget {
	readonly faults: FaultState;
	readonly requests: RecordedRequest[];
}

/**
 * GET|POST|DELETE /__sandbox/faults (read, replace with a JSON SandboxFaults body, reset),
 * GET|DELETE /__sandbox/requests (the recorded KPI requests, oldest first; clear them), GET /__sandbox/apps.
 */
export function answerControlRequest(method: string, path: string, body: string, target: ControlTarget): Answer {
	switch (path) {
		case `${CONTROL_PREFIX}faults`:
			if (method === 'GET') return jsonAnswer(200, target.faults.current());
			if (method === 'DELETE') {
				target.faults.reset();
				return jsonAnswer(200, { message: 'success', faults: target.faults.current() });
			}
			if (method === 'POST') return replaceFaults(body, target.faults);
			return statusAnswer(405, { Allow: 'GET, POST, DELETE' });
		case `${CONTROL_PREFIX}requests`:
			if (method === 'GET') return jsonAnswer(200, target.requests);
			if (method === 'DELETE') {
				target.requests.length = 0;
				return jsonAnswer(200, { message: 'success' });
			}
			return statusAnswer(405, { Allow: 'GET, DELETE' });
		case `${CONTROL_PREFIX}apps`:
			return method === 'GET' ? jsonAnswer(200, SANDBOX_APPS) : statusAnswer(405, { Allow: 'GET' });
		default:
			return statusAnswer(404);
	}
}

/**
 * Why a control request must be refused, or null: its Host must be a loopback name (a DNS-rebound name is not), and an
 * Origin, when a browser sends one, must be the sandbox's own (a web page elsewhere must not change the faults or
 * read the recorded requests). Tools without an Origin (curl, Node's fetch) are accepted.
 */
export function controlAccessProblem(host: string | undefined, origin: string | undefined, port: number): string | null {
	const hostname = hostnameOf(host);
	if (hostname === null || !isLoopbackName(hostname)) return `the Host header must name a loopback address, not ${JSON.stringify(host ?? '')}`;
	if (origin === undefined) return null;
	let url: URL | null = null;
	try {
		url = new URL(origin);
	} catch {
		// "null" (a sandboxed frame, a file) and garbage are foreign.
	}
	const own = url !== null && url.protocol === 'http:' && isLoopbackName(url.hostname) && Number(url.port || 80) === port && url.origin === origin;
	return own ? null : `requests from the origin ${JSON.stringify(origin)} are refused`;
}

/** The host name of a Host header ("127.0.0.1:4010" -> "127.0.0.1", "[::1]:4010" -> "[::1]"), or null. */
function hostnameOf(host: string | undefined): string | null {
	if (!host) return null;
	try {
		return new URL(`http://${host}`).hostname;
	} catch {
		return null;
	}
}

function isLoopbackName(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(hostname);
}

function replaceFaults(body: string, faults: FaultState): Answer {
	let raw: unknown;
	try {
		raw = JSON.parse(body);
	} catch {
		return jsonAnswer(400, { message: 'Invalid faults', errors: ['the body must be a JSON object of SandboxFaults'] });
	}
	const parsed = parseFaults(raw);
	if (!parsed.ok) return jsonAnswer(400, { message: 'Invalid faults', errors: parsed.errors });
	faults.replace(parsed.faults);
	return jsonAnswer(200, { message: 'success', faults: faults.current() });
}
