// Decides what an HTTP status means, before the body is looked at.
import type { KpiMetric } from '../shared/kpi';
import type { BrazeError } from './errors';
import {
	BrazeAuthError,
	BrazeBadRequestError,
	BrazeForbiddenError,
	BrazeNotFoundError,
	BrazePermissionError,
	BrazeResponseError,
} from './errors';
import { isAccessDenied, quote } from './response';

/** What the messages of one request may name. */
export interface RequestContext {
	readonly metric: KpiMetric;
	readonly permission: string;
	readonly host: string;
	/** The URL requested (the key is never in it). */
	readonly url: string;
	readonly paramsSent: Readonly<Record<string, string>>;
}

/** 429 and 5xx may succeed later; everything else fails the same way again. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || (status >= 500 && status <= 599);
}

/** The error for a status that is neither a success nor retryable. */
export function errorForStatus(status: number, brazeMessage: string | null, location: string | null, ctx: RequestContext): BrazeError {
	switch (status) {
		case 400:
			return new BrazeBadRequestError(brazeMessage, ctx.paramsSent);
		case 401:
			return new BrazeAuthError(ctx.host, brazeMessage);
		case 403:
			return isAccessDenied(brazeMessage)
				? new BrazePermissionError(ctx.host, ctx.metric, ctx.permission, brazeMessage)
				: new BrazeForbiddenError(brazeMessage);
		case 404:
			return new BrazeNotFoundError(ctx.url);
		default: {
			const where = status >= 300 && status < 400 && location ? ` redirecting to ${quote(location)}` : '';
			const said = brazeMessage ? ` saying ${quote(brazeMessage)}` : '';
			return new BrazeResponseError('unexpected-status', `HTTP ${status}${where}${said}`, status);
		}
	}
}
