// Verifies a connection: one length=1 request per KPI series, all four at once, read as a permission grid.
// Plain TypeScript (no `vscode`): it takes BrazeClient's own options, so the host passes what it passes there.
import { createBrazeClient } from '../braze/client';
import type { BrazeClientOptions } from '../braze/client';
import { BrazeAuthError, BrazeCancelledError, BrazeError, BrazeForbiddenError, BrazePermissionError } from '../braze/errors';
import { resolveRestEndpoint } from '../braze/instances';
import { endpointOf } from '../braze/metrics';
import { addDays, brazeToday, isPlainDate } from '../shared/dates';
import { isRecord, isWholeNumber } from '../shared/guards';
import { KPI_METRICS } from '../shared/kpi';
import type { KpiMetric } from '../shared/kpi';
import { endingAtForDate } from '../shared/query';

/** A probe's answer that says something about the key: 200, 403 Access Denied (with the permission missing), 403 other, 401. */
type KeyAccess =
	| { readonly kind: 'allowed' }
	| { readonly kind: 'denied'; readonly permission: string }
	| { readonly kind: 'forbidden' }
	| { readonly kind: 'unauthorized' };

/** What one series' probe found; `failed` (no answer, 404, 429 or 5xx after retries, a bad body) keeps the client's error. */
export type MetricAccess = KeyAccess | { readonly kind: 'failed'; readonly status: number | null; readonly error: BrazeError };

/** The same, as remembered: a failure keeps only its status (null when no answer came). */
export type StoredMetricAccess = KeyAccess | { readonly kind: 'failed'; readonly status: number | null };

/** ok: every series readable; partial: the key works but Braze refused some series (or all) with 403; unauthorized: a 401 on any probe; failed: a probe got no usable answer. */
export type VerificationVerdict = 'ok' | 'partial' | 'unauthorized' | 'failed';

interface VerificationFields<Access> {
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

export type VerificationResult = VerificationFields<MetricAccess>;

/** A result as kept in globalState: plain JSON, without errors and without the key. */
export type StoredVerification = VerificationFields<StoredMetricAccess>;

/** BrazeClient's own options, passed on as they are (key, fetch, clock, log hook, timeout, and any later one such as a shared request limiter), and the signal that cancels the check. */
export interface VerifyOptions extends BrazeClientOptions {
	readonly signal?: AbortSignal;
}

/**
 * Probes the four KPI series with `length=1`, ending at the end of yesterday (UTC), concurrently: 4 requests
 * when nothing is retried. Rejects with BrazeValidationError when the endpoint or key is unusable (nothing is
 * sent) and BrazeCancelledError when `signal` fires; every other failure lands in the grid.
 */
export async function verifyConnection(options: VerifyOptions): Promise<VerificationResult> {
	const { signal, onRequest, ...clientOptions } = options;
	let lowestRemaining: number | null = null;
	const client = createBrazeClient({
		...clientOptions,
		// Failed probes return no SeriesResponse, but every answer's rate-limit header passes through the log.
		onRequest: (entry) => {
			if (entry.rateLimitRemaining !== null) lowestRemaining = Math.min(lowestRemaining ?? Infinity, entry.rateLimitRemaining);
			onRequest?.(entry);
		},
	});
	const now = (options.now ?? ((): Date => new Date()))();
	const latestCompleteDay = addDays(brazeToday(now), -1);
	if (signal?.aborted) throw new BrazeCancelledError();
	const endingAt = endingAtForDate(latestCompleteDay);
	const settled = await Promise.allSettled(KPI_METRICS.map((metric) => client.fetchSeries({ metric, length: 1, endingAt }, signal)));
	if (signal?.aborted) throw new BrazeCancelledError();

	const metrics = {} as Record<KpiMetric, MetricAccess>;
	KPI_METRICS.forEach((metric, i) => {
		const outcome = settled[i];
		metrics[metric] = outcome.status === 'fulfilled' ? { kind: 'allowed' } : accessOf(outcome.reason);
	});
	const dau = settled[KPI_METRICS.indexOf('dau')];
	return {
		verdict: verdictOf(metrics),
		baseUrl: client.baseUrl,
		metrics,
		rateLimitRemaining: lowestRemaining,
		latestCompleteDay,
		latestCompleteDau: dau.status === 'fulfilled' ? (dau.value.series.points.find((p) => p.date === latestCompleteDay)?.value ?? null) : null,
		checkedAt: now.toISOString(),
	};
}

/** What a probe's failure says about the key; anything that is not a BrazeError is a bug and is thrown on. */
function accessOf(reason: unknown): MetricAccess {
	if (reason instanceof BrazeAuthError) return { kind: 'unauthorized' };
	if (reason instanceof BrazePermissionError) return { kind: 'denied', permission: reason.permission };
	if (reason instanceof BrazeForbiddenError) return { kind: 'forbidden' };
	if (reason instanceof BrazeError && !(reason instanceof BrazeCancelledError)) return { kind: 'failed', status: reason.status, error: reason };
	throw reason;
}

/** The overall verdict of a grid: unauthorized wins, then failed, then partial (any series refused). */
export function verdictOf(metrics: Readonly<Record<KpiMetric, StoredMetricAccess>>): VerificationVerdict {
	const kinds = KPI_METRICS.map((metric) => metrics[metric].kind);
	if (kinds.includes('unauthorized')) return 'unauthorized';
	if (kinds.includes('failed')) return 'failed';
	return kinds.every((kind) => kind === 'allowed') ? 'ok' : 'partial';
}

/** The result as it may be remembered: plain JSON, failures reduced to their status. */
export function toStoredVerification(result: VerificationResult): StoredVerification {
	const metrics = {} as Record<KpiMetric, StoredMetricAccess>;
	for (const metric of KPI_METRICS) {
		const access = result.metrics[metric];
		metrics[metric] = access.kind === 'failed' ? { kind: 'failed', status: access.status } : access;
	}
	const { verdict, baseUrl, rateLimitRemaining, latestCompleteDay, latestCompleteDau, checkedAt } = result;
	return { verdict, baseUrl, metrics, rateLimitRemaining, latestCompleteDay, latestCompleteDau, checkedAt };
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
