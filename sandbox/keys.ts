// Who may read what in the sandbox. Any non-empty Bearer key reads the "prod" workspace, except the
// documented test keys below: they choose the "dev" workspace, allow only some series, or answer the way
// Braze answers a bad key (echoing it), a key without the permission, or a plan refusal.
import type { KpiMetric } from '../src/shared/kpi';
import { isKpiMetric, KPI_METRICS } from '../src/shared/kpi';
import type { SandboxWorkspace } from './data';

export const SANDBOX_KEYS = {
	/** 401 {"message":"Invalid API key: sandbox-invalid-key"}; one of the SANDBOX_INVALID_PREFIX family. */
	invalid: 'sandbox-invalid-key',
	/** 403 {"message":"Access Denied"}: the key lacks the kpi.*.data_series permissions. */
	noPermission: 'sandbox-no-kpi-permission',
	/** 403 {"message":"Forbidden"}: the plan or account does not allow it. */
	forbidden: 'sandbox-forbidden',
	/** Reads the dev workspace (a tenth of prod's numbers); so does `sandbox-dev` and any `sandbox-dev-*` key. */
	dev: 'sandbox-dev-key',
} as const;

/** A key `sandbox-only-<metric>[+<metric>…]` (e.g. sandbox-only-dau+mau) reads only those series of prod; others answer 403 Access Denied. */
export const SANDBOX_ONLY_METRIC_PREFIX = 'sandbox-only-';

/** `sandbox-dev-only-<metric>[+<metric>…]`: the same, on the dev workspace. */
export const SANDBOX_DEV_ONLY_PREFIX = 'sandbox-dev-only-';

/**
 * Any key `sandbox-invalid-<anything>` answers 401 {"message":"Invalid API key: <the key>"}: Braze echoes a refused
 * key in its message, so a test can check that an echoed key reaches no log or notification.
 */
export const SANDBOX_INVALID_PREFIX = 'sandbox-invalid-';

/** The 401 test key ending in `suffix`, e.g. sandboxInvalidKey('leakcanary…') → sandbox-invalid-leakcanary…. */
export function sandboxInvalidKey(suffix: string): string {
	return `${SANDBOX_INVALID_PREFIX}${suffix}`;
}

const DEV_KEY = 'sandbox-dev';
const DEV_PREFIX = `${DEV_KEY}-`;
const METRIC_SEPARATOR = '+';

/** The test key that may read only `metrics` (one or several) of `workspace`, e.g. sandbox-dev-only-dau+new_users. */
export function sandboxOnlyKey(metrics: KpiMetric | readonly KpiMetric[], workspace: SandboxWorkspace = 'prod'): string {
	const list = typeof metrics === 'string' ? [metrics] : metrics;
	return `${workspace === 'dev' ? SANDBOX_DEV_ONLY_PREFIX : SANDBOX_ONLY_METRIC_PREFIX}${list.join(METRIC_SEPARATOR)}`;
}

/** What an accepted key may read. */
export interface SandboxGrant {
	readonly workspace: SandboxWorkspace;
	/** The series the key may read; the others answer 403 Access Denied. */
	readonly metrics: readonly KpiMetric[];
	/** The plan refuses every series: 403 Forbidden. */
	readonly forbidden: boolean;
}

/**
 * What a key (as sent, already known not to be a 401 key) grants. Grammar: `sandbox-dev`, `sandbox-dev-*`
 * read dev; `[sandbox-dev-]only-` prefixes take a `+`-separated metric list, where unknown names grant nothing.
 */
export function sandboxGrant(key: string): SandboxGrant {
	if (key === SANDBOX_KEYS.noPermission) return { workspace: 'prod', metrics: [], forbidden: false };
	if (key === SANDBOX_KEYS.forbidden) return { workspace: 'prod', metrics: [], forbidden: true };
	if (key.startsWith(SANDBOX_DEV_ONLY_PREFIX)) return { workspace: 'dev', metrics: metricList(key.slice(SANDBOX_DEV_ONLY_PREFIX.length)), forbidden: false };
	if (key.startsWith(SANDBOX_ONLY_METRIC_PREFIX)) return { workspace: 'prod', metrics: metricList(key.slice(SANDBOX_ONLY_METRIC_PREFIX.length)), forbidden: false };
	const dev = key === DEV_KEY || key.startsWith(DEV_PREFIX);
	return { workspace: dev ? 'dev' : 'prod', metrics: KPI_METRICS, forbidden: false };
}

function metricList(list: string): KpiMetric[] {
	return list.split(METRIC_SEPARATOR).filter(isKpiMetric);
}

/** The Bearer token of an Authorization header as sent (quotes kept), or null when there is none. */
export function bearerToken(authorization: string | undefined): string | null {
	if (authorization === undefined) return null;
	const match = /^Bearer[ \t]+(.*)$/i.exec(authorization.trim());
	const token = match?.[1]?.trim() ?? '';
	return token === '' ? null : token;
}

export type AuthDecision =
	| { readonly ok: true; readonly workspace: SandboxWorkspace }
	| { readonly ok: false; readonly status: 401 | 403; readonly message: string };

type KeyCheck = { readonly ok: true; readonly grant: SandboxGrant } | { readonly ok: false; readonly status: 401; readonly message: string };

/** The key's grant, or the 401 it gets. Messages never contain the key, except a `sandbox-invalid-` test key, which Braze-style is echoed. */
function checkKey(authorization: string | undefined): KeyCheck {
	const key = bearerToken(authorization);
	if (key === null) return { ok: false, status: 401, message: 'Invalid API key: send the REST API key as "Authorization: Bearer <key>"' };
	// Braze answers 401 when the key is pasted with its quotes.
	if (/^(".*"|'.*')$/s.test(key)) return { ok: false, status: 401, message: 'Invalid API key: the key is wrapped in quotes' };
	if (key.startsWith(SANDBOX_INVALID_PREFIX)) return { ok: false, status: 401, message: `Invalid API key: ${key}` };
	return { ok: true, grant: sandboxGrant(key) };
}

/** Decides whether a request with this Authorization header may read `metric`, and from which workspace. */
export function authorizeKpiRequest(authorization: string | undefined, metric: KpiMetric): AuthDecision {
	const check = checkKey(authorization);
	if (!check.ok) return check;
	const { grant } = check;
	if (grant.forbidden) return { ok: false, status: 403, message: 'Forbidden' };
	if (!grant.metrics.includes(metric)) return { ok: false, status: 403, message: 'Access Denied' };
	return { ok: true, workspace: grant.workspace };
}

/** The workspace a request's key belongs to (also when it is refused a series), or null for a key that answers 401. */
export function workspaceOfAuthorization(authorization: string | undefined): SandboxWorkspace | null {
	const check = checkKey(authorization);
	return check.ok ? check.grant.workspace : null;
}
