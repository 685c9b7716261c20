// Verifies a connection: one length=1 request per KPI series, all four at once, read as a permission grid.
// Plain TypeScript (no `vscode`): it takes BrazeClient's own options, so the host passes what it passes there.
import { createBrazeClient } from '../braze/client';
import type { BrazeClientOptions } from '../braze/client';
import { BrazeAuthError, BrazeCancelledError, BrazeError, BrazeForbiddenError, BrazePermissionError } from '../braze/errors';
import { addDays, brazeToday } from '../shared/dates';
import { KPI_METRICS } from '../shared/kpi';
import type { KpiMetric } from '../shared/kpi';
import { endingAtForDate } from '../shared/query';
import { verdictOf } from './storedVerification';
import type { KeyAccess, StoredMetricAccess, StoredVerification, VerificationFields } from './storedVerification';

/** What one series' probe found; `failed` (no answer, 404, 429 or 5xx after retries, a bad body) keeps the client's error. */
export type MetricAccess = KeyAccess | { readonly kind: 'failed'; readonly status: number | null; readonly error: BrazeError };

export type VerificationResult = VerificationFields<MetricAccess>;

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

