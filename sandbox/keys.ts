// Who may read what in the sandbox. Any non-empty Bearer key works, except the documented test keys
// below, which answer the way Braze answers a bad key, a key without the permission, or a plan refusal.
import type { KpiMetric } from '../src/shared/kpi';

export const SANDBOX_KEYS = {
	/** 401 {"message":"Invalid API key: sandbox-invalid-key"} */
	invalid: 'sandbox-invalid-key',
	/** 403 {"message":"Access Denied"}: the key lacks the kpi.*.data_series permissions. */
	noPermission: 'sandbox-no-kpi-permission',
	/** 403 {"message":"Forbidden"}: the plan or account does not allow it. */
	forbidden: 'sandbox-forbidden',
} as const;

/** A key `sandbox-only-<metric>` (e.g. sandbox-only-dau) may read only that metric; others answer 403 Access Denied. */
export const SANDBOX_ONLY_METRIC_PREFIX = 'sandbox-only-';

/** The test key that may read only `metric`. */
export function sandboxOnlyKey(metric: KpiMetric): string {
	return `${SANDBOX_ONLY_METRIC_PREFIX}${metric}`;
}

/** The Bearer token of an Authorization header as sent (quotes kept), or null when there is none. */
export function bearerToken(authorization: string | undefined): string | null {
	if (authorization === undefined) return null;
	const match = /^Bearer[ \t]+(.*)$/i.exec(authorization.trim());
	const token = match?.[1]?.trim() ?? '';
	return token === '' ? null : token;
}

export type AuthDecision =
	| { readonly ok: true }
	| { readonly ok: false; readonly status: 401 | 403; readonly message: string };

/**
 * Decides whether a request with this Authorization header may read `metric`. The messages never
 * contain the key, except the public test key `SANDBOX_KEYS.invalid`, which Braze-style is echoed.
 */
export function authorizeKpiRequest(authorization: string | undefined, metric: KpiMetric): AuthDecision {
	const key = bearerToken(authorization);
	if (key === null) return { ok: false, status: 401, message: 'Invalid API key: send the REST API key as "Authorization: Bearer <key>"' };
	// Braze answers 401 when the key is pasted with its quotes.
	if (/^(".*"|'.*')$/s.test(key)) return { ok: false, status: 401, message: 'Invalid API key: the key is wrapped in quotes' };
	if (key === SANDBOX_KEYS.invalid) return { ok: false, status: 401, message: `Invalid API key: ${SANDBOX_KEYS.invalid}` };
	if (key === SANDBOX_KEYS.noPermission) return { ok: false, status: 403, message: 'Access Denied' };
	if (key === SANDBOX_KEYS.forbidden) return { ok: false, status: 403, message: 'Forbidden' };
	if (key.startsWith(SANDBOX_ONLY_METRIC_PREFIX) && key !== sandboxOnlyKey(metric)) return { ok: false, status: 403, message: 'Access Denied' };
	return { ok: true };
}
