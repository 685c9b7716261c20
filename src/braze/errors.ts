// Typed failures of the Braze client. Each carries its actionable sentence as a template of
// BRAZE_ERROR_MESSAGES plus arguments: `message` is that sentence in English, and the VS Code layer shows
// the same template localized, with actions. No message, argument or field ever holds the API key.
import type { KpiMetric } from '../shared/kpi';
import { englishL10n } from '../shared/l10n';
import { BRAZE_ERROR_MESSAGES } from './errorMessages';
import type { BrazeErrorMessageKey } from './errorMessages';

/** A value in a sentence: text, a number, or a moment (ISO 8601 in `message`; the VS Code layer shows local time). */
export type MessageArg = string | number | Date;

interface BrazeErrorOptions {
	/** The HTTP status that caused it. */
	readonly status?: number | null;
	/** Technical English detail (Braze's words, what arrived…), appended to `message` and meant for logs. */
	readonly detail?: string;
	readonly cause?: unknown;
}

/** A subclass's own fields: its constructor passes them to the base as `{…} satisfies OwnFields<Subclass>`, so none is missed or misspelt. */
type OwnFields<E extends BrazeError> = Omit<E, keyof BrazeError>;

/** Base class: every failure of `BrazeClient.fetchSeries` is one of its subclasses. */
export class BrazeError extends Error {
	override readonly name: string = 'BrazeError';
	/** The HTTP status that caused it, or null when no response arrived. */
	declare readonly status: number | null;
	/** The sentence's English template, a value of BRAZE_ERROR_MESSAGES, and the values of its placeholders. */
	declare readonly template: string;
	declare readonly args: readonly MessageArg[];
	declare readonly detail: string | null;

	/** `fields` holds the subclass's own structured fields: each subclass declares them and they are set here, once. */
	constructor(key: BrazeErrorMessageKey, args: readonly MessageArg[] = [], options: BrazeErrorOptions = {}, fields: object = {}) {
		const template = BRAZE_ERROR_MESSAGES[key];
		const sentence = englishL10n.t(template, ...args.map((arg) => (arg instanceof Date ? arg.toISOString() : arg)));
		super(options.detail ? `${sentence} (${options.detail})` : sentence, options);
		Object.assign(this, { template, args, status: options.status ?? null, detail: options.detail ?? null }, fields);
	}
}

/** What a BrazeValidationError is about: a request parameter, or a setting of the client. */
export type BrazeValidationField = 'length' | 'ending_at' | 'app_id' | 'metric' | 'endpoint' | 'apiKey';

/** A request parameter or setting is invalid; nothing was sent. */
export class BrazeValidationError extends BrazeError {
	override readonly name = 'BrazeValidationError';
	declare readonly field: BrazeValidationField;

	/** `detail` says what exactly is wrong with the value, in English. */
	constructor(field: BrazeValidationField, args: readonly MessageArg[] = [], detail?: string) {
		super(field, args, { detail }, { field } satisfies OwnFields<BrazeValidationError>);
	}
}

/** Braze's own words, for the log: they are English and may be anything. */
function saying(brazeMessage: string | null): { detail?: string } {
	return brazeMessage ? { detail: `Braze said ${JSON.stringify(brazeMessage)}` } : {};
}

/** 400: Braze rejected a parameter. */
export class BrazeBadRequestError extends BrazeError {
	override readonly name = 'BrazeBadRequestError';
	declare readonly brazeMessage: string | null;
	/** The query parameters that were sent (never the key: it travels only in a header). */
	declare readonly paramsSent: Readonly<Record<string, string>>;

	constructor(brazeMessage: string | null, paramsSent: Readonly<Record<string, string>>) {
		const sent = Object.entries(paramsSent).map(([k, v]) => `${k}=${v}`).join(', ');
		super(brazeMessage ? 'badRequest' : 'badRequestSilent', brazeMessage ? [brazeMessage, sent] : [sent], { status: 400 }, { brazeMessage, paramsSent } satisfies OwnFields<BrazeBadRequestError>);
	}
}

/** 401: the key is wrong, belongs to another instance, or was pasted with quotes. */
export class BrazeAuthError extends BrazeError {
	override readonly name = 'BrazeAuthError';
	declare readonly host: string;
	declare readonly brazeMessage: string | null;

	constructor(host: string, brazeMessage: string | null) {
		super('auth', [host], { status: 401, ...saying(brazeMessage) }, { host, brazeMessage } satisfies OwnFields<BrazeAuthError>);
	}
}

/** 403 "Access Denied": the key lacks the endpoint's permission; permissions of a key cannot be edited. */
export class BrazePermissionError extends BrazeError {
	override readonly name = 'BrazePermissionError';
	declare readonly host: string;
	declare readonly metric: KpiMetric;
	declare readonly permission: string;
	declare readonly brazeMessage: string | null;

	constructor(host: string, metric: KpiMetric, permission: string, brazeMessage: string | null) {
		super('permission', [host, permission], { status: 403, ...saying(brazeMessage) }, { host, metric, permission, brazeMessage } satisfies OwnFields<BrazePermissionError>);
	}
}

/** 403 "Forbidden": the plan or account does not allow the endpoint. */
export class BrazeForbiddenError extends BrazeError {
	override readonly name = 'BrazeForbiddenError';
	declare readonly brazeMessage: string | null;

	constructor(brazeMessage: string | null) {
		super('forbidden', [], { status: 403, ...saying(brazeMessage) }, { brazeMessage } satisfies OwnFields<BrazeForbiddenError>);
	}
}

/** 404: the URL is wrong, usually the REST endpoint setting. */
export class BrazeNotFoundError extends BrazeError {
	override readonly name = 'BrazeNotFoundError';
	/** The URL requested (it never holds the key). */
	declare readonly url: string;

	constructor(url: string) {
		super('notFound', [url.split('?')[0]], { status: 404 }, { url } satisfies OwnFields<BrazeNotFoundError>);
	}
}

/** 429 after the allowed retries: the workspace's hourly request pool is spent. */
export class BrazeRateLimitError extends BrazeError {
	override readonly name = 'BrazeRateLimitError';
	/** When Braze says the limit resets, or null when it did not say. */
	declare readonly resetAt: Date | null;

	constructor(resetAt: Date | null) {
		// An invalid Date would make the sentence throw ("Invalid time value"): no time is better than a crash.
		const at = resetAt && Number.isFinite(resetAt.getTime()) ? resetAt : null;
		super(at ? 'rateLimitReset' : 'rateLimit', at ? [at] : [], { status: 429 }, { resetAt: at } satisfies OwnFields<BrazeRateLimitError>);
	}
}

/** 5xx after the allowed retries. */
export class BrazeServerError extends BrazeError {
	override readonly name = 'BrazeServerError';
	declare readonly status: number;
	declare readonly attempts: number;

	constructor(status: number, attempts: number) {
		super(attempts === 1 ? 'serverOnce' : 'server', [status, attempts], { status }, { attempts } satisfies OwnFields<BrazeServerError>);
	}
}

/** No complete answer within the per-request timeout. */
export class BrazeTimeoutError extends BrazeError {
	override readonly name = 'BrazeTimeoutError';
	declare readonly timeoutMs: number;

	constructor(timeoutMs: number) {
		super('timeout', [Math.round(timeoutMs / 100) / 10], {}, { timeoutMs } satisfies OwnFields<BrazeTimeoutError>);
	}
}

/** The request never got a response: DNS, refused or reset connection, TLS… */
export class BrazeNetworkError extends BrazeError {
	override readonly name = 'BrazeNetworkError';
	declare readonly host: string;
	/** A system error code such as ECONNRESET when one is known. */
	declare readonly code: string | null;
	declare readonly attempts: number;

	constructor(host: string, code: string | null, attempts: number, cause?: unknown) {
		super(attempts === 1 ? 'networkOnce' : 'network', [code ? `${host} (${code})` : host, attempts], { cause }, { host, code, attempts } satisfies OwnFields<BrazeNetworkError>);
	}
}

/** Why a response body could not be used. */
export type BrazeResponseProblem = 'not-json' | 'html' | 'oversize' | 'shape' | 'values' | 'unexpected-status';

/** The response arrived but cannot be used: not JSON (e.g. a proxy's HTML page), too large, or not the documented shape. */
export class BrazeResponseError extends BrazeError {
	override readonly name = 'BrazeResponseError';
	declare readonly problem: BrazeResponseProblem;
	/** What exactly was wrong, quoted briefly (never the whole body). */
	declare readonly detail: string;

	constructor(problem: BrazeResponseProblem, detail: string, status: number | null) {
		super(problem, problem === 'unexpected-status' ? [status ?? '?'] : [], { detail, status }, { problem } satisfies OwnFields<BrazeResponseError>);
	}
}

/** The caller cancelled the fetch (its AbortSignal fired). */
export class BrazeCancelledError extends BrazeError {
	override readonly name = 'BrazeCancelledError';

	constructor() {
		super('cancelled');
	}
}

/** `text` cut to `max` characters, with an ellipsis: a message never quotes a long paste or body in full. */
export function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Replaces every occurrence of `secret` in `text`, as written or percent-encoded (a URL), so that no quoted text can carry the key. */
export function redactSecret(text: string, secret: string): string {
	if (!secret) return text;
	const encoded = encodeURIComponent(secret);
	const redacted = text.replaceAll(secret, '***');
	return encoded === secret ? redacted : redacted.replaceAll(encoded, '***');
}
