// One HTTP attempt: the key in the Authorization header only, a timeout, a capped body, and a log entry.
import type { RateLimitInfo } from '../shared/kpi';
import { readBodyCapped } from './body';
import { linkedAbortController } from './cancellation';
import { BrazeCancelledError, BrazeError, BrazeResponseError, BrazeTimeoutError, redactSecret } from './errors';
import { readRateLimit } from './rateLimit';

/** What the `onRequest` hook receives for every attempt. It never holds the key. */
export interface RequestLogEntry {
	readonly method: 'GET';
	/** The URL requested; the key is never in a URL. */
	readonly url: string;
	/** The HTTP status, or null when no response arrived. */
	readonly status: number | null;
	readonly durationMs: number;
	/** 1 for the first attempt of a request, 2 for its first retry… */
	readonly attempt: number;
	readonly rateLimitRemaining: number | null;
	/** The class of the failure when no usable response arrived (BrazeTimeoutError, BrazeNetworkError…), else null. */
	readonly error: string | null;
}

export interface TransportOptions {
	readonly fetch: typeof fetch;
	readonly apiKey: string;
	readonly timeoutMs: number;
	readonly maxBodyBytes: number;
	readonly now: () => Date;
	readonly onRequest?: (entry: RequestLogEntry) => void;
}

/** A response whose body was read in full (and had the key scrubbed, should a proxy ever echo it). */
export interface AttemptResponse {
	readonly status: number;
	readonly headers: Headers;
	readonly text: string;
	readonly rateLimit: RateLimitInfo | null;
	/** A redirect's `Location`, scrubbed of the key like the body (it is quoted in the log), or null. */
	readonly location: string | null;
}

export type AttemptOutcome =
	| { readonly kind: 'response'; readonly response: AttemptResponse }
	| { readonly kind: 'network-error'; readonly code: string | null; readonly cause: unknown };

/**
 * Sends one GET. Resolves with the response or a network failure (both may be retried by the caller);
 * throws BrazeCancelledError when `signal` fires, BrazeTimeoutError after `timeoutMs`, BrazeResponseError for an oversize 2xx body.
 */
export async function sendOnce(url: string, attempt: number, signal: AbortSignal, options: TransportOptions): Promise<AttemptOutcome> {
	const started = options.now().getTime();
	const { controller, dispose } = linkedAbortController(signal);
	let timedOut = false;
	// The timeout covers the body too: a server may send headers and then stall.
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, options.timeoutMs);
	let status: number | null = null;
	let rateLimit: RateLimitInfo | null = null;
	let failure: string | null = null;
	try {
		const response = await options.fetch(url, {
			method: 'GET',
			headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' },
			signal: controller.signal,
			// A redirect is reported, not followed: the key must only go to the configured host.
			redirect: 'manual',
		});
		status = response.status;
		rateLimit = readRateLimit(response.headers);
		const text = await readBody(response, options.maxBodyBytes);
		const location = response.headers.get('location');
		const redactedLocation = location === null ? null : redactSecret(location, options.apiKey);
		return { kind: 'response', response: { status, headers: response.headers, text: redactSecret(text, options.apiKey), rateLimit, location: redactedLocation } };
	} catch (error) {
		// Ours to throw: cancelled, timed out, or an oversize body; anything else is a network failure, which may be retried.
		const thrown = signal.aborted ? new BrazeCancelledError() : timedOut ? new BrazeTimeoutError(options.timeoutMs) : error instanceof BrazeError ? error : null;
		failure = thrown?.name ?? 'BrazeNetworkError';
		if (thrown) throw thrown;
		return { kind: 'network-error', code: errorCode(error), cause: error };
	} finally {
		clearTimeout(timer);
		dispose();
		log(options, { method: 'GET', url, status, durationMs: Math.max(0, options.now().getTime() - started), attempt, rateLimitRemaining: rateLimit?.remaining ?? null, error: failure });
	}
}

async function readBody(response: Response, maxBytes: number): Promise<string> {
	try {
		return await readBodyCapped(response, maxBytes);
	} catch (error) {
		// An error page too big to quote is still an error status; only a 2xx body must be usable.
		if (error instanceof BrazeResponseError && !response.ok) return '';
		throw error;
	}
}

/** ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET… from fetch's error or its cause. */
function errorCode(error: unknown): string | null {
	for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) return code;
	}
	return null;
}

function log(options: TransportOptions, entry: RequestLogEntry): void {
	try {
		options.onRequest?.(entry);
	} catch {
		// A faulty log hook must not break the request.
	}
}
