// Typed failures of the Braze client. Each carries an English message that says what to do, plus
// structured fields so that the VS Code layer can show a localized message with actions instead.
// No message or field ever holds the API key.
import type { KpiMetric } from '../shared/kpi';

/** Base class: every failure of `BrazeClient.fetchSeries` is one of its subclasses. */
export class BrazeError extends Error {
	override readonly name: string = 'BrazeError';
	/** The HTTP status that caused it, or null when no response arrived. */
	readonly status: number | null;

	constructor(message: string, status: number | null = null, options?: { cause?: unknown }) {
		super(message, options);
		this.status = status;
	}
}

/** A request parameter or setting is invalid; nothing was sent. */
export class BrazeValidationError extends BrazeError {
	override readonly name = 'BrazeValidationError';
	/** The offending field: `length`, `ending_at`, `app_id`, `metric`, `endpoint`, `apiKey`… */
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.field = field;
	}
}

/** 400: Braze rejected a parameter. */
export class BrazeBadRequestError extends BrazeError {
	override readonly name = 'BrazeBadRequestError';
	readonly brazeMessage: string | null;
	/** The query parameters that were sent (never the key: it travels only in a header). */
	readonly paramsSent: Readonly<Record<string, string>>;

	constructor(brazeMessage: string | null, paramsSent: Readonly<Record<string, string>>) {
		const sent = Object.entries(paramsSent).map(([k, v]) => `${k}=${v}`).join(', ');
		super(`Braze rejected the request (400)${brazeMessage ? `: "${brazeMessage}"` : ''}. Parameters sent: ${sent || 'none'}. Check these values.`, 400);
		this.brazeMessage = brazeMessage;
		this.paramsSent = paramsSent;
	}
}

/** 401: the key is wrong, belongs to another instance, or was pasted with quotes. */
export class BrazeAuthError extends BrazeError {
	override readonly name = 'BrazeAuthError';
	readonly host: string;
	readonly brazeMessage: string | null;

	constructor(host: string, brazeMessage: string | null) {
		super(`Braze refused the API key (401). Check that the REST API key is correct (no quotes around it) and that it belongs to the instance ${host}: a key works only on its own instance.`, 401);
		this.host = host;
		this.brazeMessage = brazeMessage;
	}
}

/** 403 "Access Denied": the key lacks the endpoint's permission; permissions of a key cannot be edited. */
export class BrazePermissionError extends BrazeError {
	override readonly name = 'BrazePermissionError';
	readonly permission: string;
	readonly metric: KpiMetric;
	readonly brazeMessage: string | null;

	constructor(metric: KpiMetric, permission: string, brazeMessage: string | null) {
		super(`The API key lacks the permission ${permission}. Braze does not let you add permissions to an existing key: create a new REST API key with ${permission} (Settings > APIs and Identifiers) and use it instead.`, 403);
		this.metric = metric;
		this.permission = permission;
		this.brazeMessage = brazeMessage;
	}
}

/** 403 "Forbidden": the plan or account does not allow the endpoint. */
export class BrazeForbiddenError extends BrazeError {
	override readonly name = 'BrazeForbiddenError';
	readonly brazeMessage: string | null;

	constructor(brazeMessage: string | null) {
		super(`Braze refused access (403${brazeMessage ? ` "${brazeMessage}"` : ''}): your Braze plan or account does not allow this endpoint. Contact your Braze administrator.`, 403);
		this.brazeMessage = brazeMessage;
	}
}

/** 404: the URL is wrong, usually the REST endpoint setting. */
export class BrazeNotFoundError extends BrazeError {
	override readonly name = 'BrazeNotFoundError';
	/** The URL requested (it never holds the key). */
	readonly url: string;

	constructor(url: string) {
		super(`Braze answered 404 Not Found for ${url}. Check the REST endpoint setting: use your instance's REST host from Settings > APIs and Identifiers in the Braze dashboard.`, 404);
		this.url = url;
	}
}

/** 429 after the allowed retries: the workspace's hourly request pool is spent. */
export class BrazeRateLimitError extends BrazeError {
	override readonly name = 'BrazeRateLimitError';
	/** When Braze says the limit resets, or null when it did not say. */
	readonly resetAt: Date | null;

	constructor(resetAt: Date | null) {
		super(`Braze's rate limit is reached (429)${resetAt ? `; it resets at ${resetAt.toISOString()}` : ''}. The KPI endpoints share the workspace's hourly pool with other API traffic: try again later.`, 429);
		this.resetAt = resetAt;
	}
}

/** 5xx after the allowed retries. */
export class BrazeServerError extends BrazeError {
	override readonly name = 'BrazeServerError';
	override readonly status: number;
	readonly attempts: number;

	constructor(status: number, attempts: number) {
		super(`Braze had a server error (${status}) and still failed after ${attempts} attempt${attempts === 1 ? '' : 's'}. Try again in a few minutes; check status.braze.com if it persists.`, status);
		this.status = status;
		this.attempts = attempts;
	}
}

/** No complete answer within the per-request timeout. */
export class BrazeTimeoutError extends BrazeError {
	override readonly name = 'BrazeTimeoutError';
	readonly timeoutMs: number;

	constructor(timeoutMs: number) {
		super(`Braze did not answer within ${Math.round(timeoutMs / 1000 * 10) / 10} s. Try again, or check your network and proxy.`);
		this.timeoutMs = timeoutMs;
	}
}

/** The request never got a response: DNS, refused or reset connection, TLS… */
export class BrazeNetworkError extends BrazeError {
	override readonly name = 'BrazeNetworkError';
	readonly host: string;
	/** A system error code such as ECONNRESET when one is known. */
	readonly code: string | null;
	readonly attempts: number;

	constructor(host: string, code: string | null, attempts: number, cause?: unknown) {
		super(`Could not reach Braze at ${host}${code ? ` (${code})` : ''} after ${attempts} attempt${attempts === 1 ? '' : 's'}. Check your network connection, proxy and the REST endpoint setting.`, null, { cause });
		this.host = host;
		this.code = code;
		this.attempts = attempts;
	}
}

/** Why a response body could not be used. */
export type BrazeResponseProblem = 'not-json' | 'html' | 'oversize' | 'shape' | 'unexpected-status';

/** The response arrived but cannot be used: not JSON (e.g. a proxy's HTML page), too large, or not the documented shape. */
export class BrazeResponseError extends BrazeError {
	override readonly name = 'BrazeResponseError';
	readonly problem: BrazeResponseProblem;
	/** What exactly was wrong, quoted briefly (never the whole body). */
	readonly detail: string;

	constructor(problem: BrazeResponseProblem, detail: string, status: number | null) {
		super(`${RESPONSE_PROBLEM_TEXT[problem]}: ${detail}${RESPONSE_PROBLEM_ADVICE[problem]}`, status);
		this.problem = problem;
		this.detail = detail;
	}
}

const RESPONSE_PROBLEM_TEXT: Record<BrazeResponseProblem, string> = {
	'not-json': 'Braze\'s answer is not valid JSON',
	html: 'Braze\'s answer is an HTML page, not JSON (often a proxy or outage page)',
	oversize: 'Braze\'s answer is too large',
	shape: 'Braze\'s answer does not have the expected shape',
	'unexpected-status': 'Braze gave an unexpected answer',
};

const RESPONSE_PROBLEM_ADVICE: Record<BrazeResponseProblem, string> = {
	'not-json': '. Try again later; check the REST endpoint setting if it persists.',
	html: '. Check the REST endpoint setting and any proxy between you and Braze.',
	oversize: '. Check the REST endpoint setting.',
	shape: '. The extension may need an update if Braze changed its API.',
	'unexpected-status': '. Check the REST endpoint setting.',
};

/** The caller cancelled the fetch (its AbortSignal fired). */
export class BrazeCancelledError extends BrazeError {
	override readonly name = 'BrazeCancelledError';

	constructor() {
		super('The Braze request was cancelled.');
	}
}

/** Replaces every occurrence of `secret` in `text`, so that no quoted text can carry the key. */
export function redactSecret(text: string, secret: string): string {
	return secret.length > 0 ? text.split(secret).join('***') : text;
}
