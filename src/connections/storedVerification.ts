// A verification as remembered in globalState (plain JSON, never a key), and the check that reads it back: apart
// from the probes (verify.ts) so that the status bar and the Connections view show it without loading the client.
import { resolveRestEndpoint } from '../braze/instances';
import { endpointOf } from '../braze/metrics';
import { isPlainDate } from '../shared/dates';
import { isRecord, isWholeNumber } from '../shared/guards';
import { KPI_METRICS } from '../shared/kpi';
import type { KpiMetric } from '../shared/kpi';

/** A probe's answer that says something about the key: 200, 403 Access Denied (with the permission missing), 403 other, 401. */
export type KeyAccess =
	| { readonly kind: 'allowed' }
	| { readonly kind: 'denied'; readonly permission: string }
	| { readonly kind: 'forbidden' }
	| { readonly kind: 'unauthorized' };

/** The same, as remembered: a failure keeps only its status (null when no answer came). */
export type StoredMetricAccess = KeyAccess | { readonly kind: 'failed'; readonly status: number | null };

/** ok: every series readable; partial: the key works but Braze refused some series (or all) with 403; unauthorized: a 401 on any probe; failed: a probe got no usable answer. */
export type VerificationVerdict = 'ok' | 'partial' | 'unauthorized' | 'failed';

export interface VerificationFields<Access> {
	readonly verdict: VerificationVerdict;
	/** The REST base URL checked, e.g. https://rest.iad-01.braze.com (never a key). */
	readonly baseUrl: string;
	readonly metrics: Readonly<Record<KpiMetric, Access>>;
	/** The fewest requests left in the hourly pool among the answers (X-RateLimit-Remaining), or null when none said. */
	readonly rateLimitRemaining: number | null;
	/** Yesterday as Braze counts days (UTC) at the time of the check: the latest complete day. */
	readonly latestCompleteDay: string;
	/** DAU of all apps on `latestCompleteDay`; null when DAU is not readable or Braze sent no row for that day. */
	readonly latestCompleteDau: number | null;
	/** When the check ran, ISO 8601. */
	readonly checkedAt: string;
}

/** A result as kept in globalState: plain JSON, without errors and without the key. */
export type StoredVerification = VerificationFields<StoredMetricAccess>;

/** The overall verdict of a grid: unauthorized wins, then failed, then partial (any series refused). */
export function verdictOf(metrics: Readonly<Record<KpiMetric, StoredMetricAccess>>): VerificationVerdict {
	const kinds = KPI_METRICS.map((metric) => metrics[metric].kind);
	if (kinds.includes('unauthorized')) return 'unauthorized';
	if (kinds.includes('failed')) return 'failed';
	return kinds.every((kind) => kind === 'allowed') ? 'ok' : 'partial';
}

/**
 * Checks a remembered result read back from globalState (untrusted: another version, a hand edit). Returns a
 * fresh object holding only the known fields, or null when anything is missing, malformed or inconsistent.
 */
export function parseStoredVerification(raw: unknown): StoredVerification | null {
	if (!isRecord(raw) || !isRecord(raw.metrics)) return null;
	const { baseUrl, rateLimitRemaining, latestCompleteDay, latestCompleteDau, checkedAt } = raw;
	const metrics = {} as Record<KpiMetric, StoredMetricAccess>;
	for (const metric of KPI_METRICS) {
		const access = parseAccess(metric, raw.metrics[metric]);
		if (!access) return null;
		metrics[metric] = access;
	}
	// A verdict that does not follow from its grid was not written by this code.
	const expected = verdictOf(metrics);
	if (raw.verdict !== expected) return null;
	if (typeof baseUrl !== 'string' || !isResolvedEndpoint(baseUrl)) return null;
	if (rateLimitRemaining !== null && !isWholeNumber(rateLimitRemaining, 0)) return null;
	if (typeof latestCompleteDay !== 'string' || !isPlainDate(latestCompleteDay)) return null;
	if (latestCompleteDau !== null && !isWholeNumber(latestCompleteDau, 0)) return null;
	if (latestCompleteDau !== null && metrics.dau.kind !== 'allowed') return null;
	if (typeof checkedAt !== 'string' || !isIsoInstant(checkedAt)) return null;
	return { verdict: expected, baseUrl, metrics, rateLimitRemaining, latestCompleteDay, latestCompleteDau, checkedAt };
}

function parseAccess(metric: KpiMetric, raw: unknown): StoredMetricAccess | null {
	if (!isRecord(raw)) return null;
	switch (raw.kind) {
		case 'allowed':
		case 'forbidden':
		case 'unauthorized':
			return { kind: raw.kind };
		case 'denied':
			// The permission is the series' own: a stored one is never shown unless it is exactly that.
			return raw.permission === endpointOf(metric).permission ? { kind: 'denied', permission: raw.permission } : null;
		case 'failed':
			return raw.status === null || isWholeNumber(raw.status, 100, 599) ? { kind: 'failed', status: raw.status } : null;
		default:
			return null;
	}
}

/** True when `value` is what the client itself makes of an endpoint (https, or http on loopback; no credentials). */
function isResolvedEndpoint(value: string): boolean {
	try {
		return value.length <= 2048 && resolveRestEndpoint(value) === value;
	} catch {
		return false;
	}
}

function isIsoInstant(value: string): boolean {
	const time = Date.parse(value);
	return !Number.isNaN(time) && new Date(time).toISOString() === value;
}
