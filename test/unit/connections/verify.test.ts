// verifyConnection against the sandbox over real loopback sockets: the grid, the figures, the requests sent.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { sandboxValue } from '../../../sandbox/data';
import { SANDBOX_KEYS, sandboxOnlyKey } from '../../../sandbox/keys';
import { keyFingerprint, startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import type { RequestLogEntry } from '../../../src/braze/client';
import { waitFor } from '../braze/sandboxHarness';
import { BrazeCancelledError, BrazeNetworkError, BrazeResponseError, BrazeValidationError } from '../../../src/braze/errors';
import { verdictOf } from '../../../src/connections/storedVerification';
import type { StoredMetricAccess } from '../../../src/connections/storedVerification';
import { verifyConnection } from '../../../src/connections/verify';
import type { MetricAccess, VerifyOptions } from '../../../src/connections/verify';
import { KPI_METRICS } from '../../../src/shared/kpi';
import type { KpiMetric } from '../../../src/shared/kpi';

const NOW = new Date('2026-03-15T12:00:00Z');
const YESTERDAY = '2026-03-14';
const KEY = 'verify-key-51c0';
/** Used by one test only, so that its rate-limit pool starts full. */
const FULL_KEY = 'verify-full-key-0a1b';
const RATE_LIMIT = 250_000;

/** The grid without the errors of failed probes, for deepEqual. */
function kinds(metrics: Readonly<Record<KpiMetric, MetricAccess>>): Record<KpiMetric, string> {
	return Object.fromEntries(KPI_METRICS.map((m) => [m, metrics[m].kind])) as Record<KpiMetric, string>;
}

describe('verifyConnection', () => {
	let sandbox: Sandbox;
	const log: RequestLogEntry[] = [];
	before(async () => {
		sandbox = await startSandbox({ now: () => NOW, rateLimitPerHour: RATE_LIMIT });
	});
	after(() => sandbox.close());
	afterEach(() => {
		sandbox.resetFaults();
		sandbox.clearRequests();
		log.length = 0;
	});
	const verify = (apiKey: string, overrides: Partial<VerifyOptions> = {}) =>
		verifyConnection({ baseUrl: sandbox.url, apiKey, now: () => NOW, sleep: () => Promise.resolve(), random: () => 0.5, onRequest: (entry) => log.push(entry), ...overrides });

	it('a full key: four series readable, yesterday\'s DAU as the sandbox serves it, the lowest quota left, exactly 4 requests', async () => {
		const result = await verify(FULL_KEY);
		assert.equal(result.verdict, 'ok');
		assert.deepEqual(result.metrics, { dau: { kind: 'allowed' }, mau: { kind: 'allowed' }, new_users: { kind: 'allowed' }, uninstalls: { kind: 'allowed' } });
		assert.equal(result.latestCompleteDay, YESTERDAY);
		const expectedDau = sandboxValue('dau', null, YESTERDAY);
		assert.ok(expectedDau !== null && expectedDau > 0);
		assert.equal(result.latestCompleteDau, expectedDau);
		assert.equal(result.rateLimitRemaining, RATE_LIMIT - 4, 'this key\'s fourth request left the fewest');
		assert.equal(result.checkedAt, NOW.toISOString());
		assert.equal(result.baseUrl, sandbox.url);

		assert.equal(sandbox.requests.length, 4);
		assert.deepEqual(sandbox.requests.map((r) => r.path).sort(), KPI_METRICS.map((m) => `/kpi/${m}/data_series`).sort());
		for (const recorded of sandbox.requests) {
			assert.deepEqual(recorded.query, { length: '1', ending_at: `${YESTERDAY}T23:59:59Z` });
			assert.equal(recorded.keyFingerprint, keyFingerprint(FULL_KEY));
			assert.equal(recorded.workspace, 'prod');
			assert.equal(recorded.status, 200);
		}
		assert.equal(log.length, 4, 'the caller\'s onRequest sees every request');
		assert.ok(!JSON.stringify(result).includes(FULL_KEY));
	});

	it('yesterday is a UTC day: late evening in New York on the 15th is already the 16th, so the DAU asked for is the 15th\'s', async () => {
		const lateEvening = new Date('2026-03-15T23:30:00-04:00');
		const result = await verify(KEY, { now: () => lateEvening });
		assert.equal(result.latestCompleteDay, '2026-03-15');
		assert.equal(result.latestCompleteDau, sandboxValue('dau', null, '2026-03-15'));
		assert.equal(result.checkedAt, '2026-03-16T03:30:00.000Z');
		assert.ok(sandbox.requests.every((r) => r.query.ending_at === '2026-03-15T23:59:59Z'));
	});

	it('a partial key: exactly the readable series are allowed, the others name their missing permission', async () => {
		const result = await verify(sandboxOnlyKey(['dau', 'mau']));
		assert.equal(result.verdict, 'partial');
		assert.deepEqual(result.metrics, {
			dau: { kind: 'allowed' },
			mau: { kind: 'allowed' },
			new_users: { kind: 'denied', permission: 'kpi.new_users.data_series' },
			uninstalls: { kind: 'denied', permission: 'kpi.uninstalls.data_series' },
		});
		assert.equal(result.latestCompleteDau, sandboxValue('dau', null, YESTERDAY));
		assert.equal(sandbox.requests.length, 4);
		assert.deepEqual(sandbox.requests.map((r) => r.status).sort(), [200, 200, 403, 403]);
	});

	it('a key that cannot read DAU has no DAU figure, but the quota left still comes from the refusals', async () => {
		const result = await verify(sandboxOnlyKey(['mau', 'new_users'], 'dev'));
		assert.equal(result.verdict, 'partial');
		assert.deepEqual(kinds(result.metrics), { dau: 'denied', mau: 'allowed', new_users: 'allowed', uninstalls: 'denied' });
		assert.equal(result.latestCompleteDau, null);
		assert.equal(result.rateLimitRemaining, RATE_LIMIT - 4);
	});

	it('keys that read nothing: 403 Access Denied on every series, or 403 Forbidden', async () => {
		const none = await verify(SANDBOX_KEYS.noPermission);
		assert.equal(none.verdict, 'partial');
		assert.deepEqual(
			KPI_METRICS.map((m) => none.metrics[m]),
			KPI_METRICS.map((m) => ({ kind: 'denied', permission: `kpi.${m}.data_series` })),
		);
		const forbidden = await verify(SANDBOX_KEYS.forbidden);
		assert.equal(forbidden.verdict, 'partial');
		assert.deepEqual(kinds(forbidden.metrics), { dau: 'forbidden', mau: 'forbidden', new_users: 'forbidden', uninstalls: 'forbidden' });
		assert.equal(forbidden.latestCompleteDau, null);
	});

	it('an invalid key: every probe answers 401 and the verdict is unauthorized', async () => {
		const result = await verify(SANDBOX_KEYS.invalid);
		assert.equal(result.verdict, 'unauthorized');
		assert.deepEqual(kinds(result.metrics), { dau: 'unauthorized', mau: 'unauthorized', new_users: 'unauthorized', uninstalls: 'unauthorized' });
		assert.equal(result.latestCompleteDau, null);
		assert.equal(sandbox.requests.length, 4, '401 is never retried');
	});

	it('a dev key and a prod key on the same host: the dev workspace\'s DAU is a tenth, and each request is recorded with its workspace', async () => {
		const prod = await verify(KEY);
		const dev = await verify(SANDBOX_KEYS.dev);
		assert.equal(dev.verdict, 'ok');
		assert.ok(prod.latestCompleteDau !== null && dev.latestCompleteDau !== null);
		assert.equal(dev.latestCompleteDau, Math.round(prod.latestCompleteDau / 10));
		assert.equal(dev.latestCompleteDau, sandboxValue('dau', null, YESTERDAY, 'dev'));
		assert.deepEqual(
			sandbox.requests.map((r) => `${r.keyFingerprint} ${r.workspace}`),
			[...Array<string>(4).fill(`${keyFingerprint(KEY)} prod`), ...Array<string>(4).fill(`${keyFingerprint(SANDBOX_KEYS.dev)} dev`)],
		);
	});

	it('a probe without a usable answer is failed and keeps the client\'s error; the others still report', async () => {
		sandbox.setFaults({ malformedJson: 1 });
		const result = await verify(KEY);
		assert.equal(result.verdict, 'failed');
		const failed = KPI_METRICS.filter((m) => result.metrics[m].kind === 'failed');
		assert.equal(failed.length, 1);
		const access = result.metrics[failed[0]];
		assert.ok(access.kind === 'failed' && access.error instanceof BrazeResponseError && access.status === 200);
		assert.equal(KPI_METRICS.filter((m) => result.metrics[m].kind === 'allowed').length, 3);
		assert.equal(sandbox.requests.length, 4, 'a bad body is not retried');
	});

	it('no answer at all (connections dropped, retries spent): every probe failed with status null', async () => {
		sandbox.setFaults({ dropConnection: 1000 });
		const result = await verify(KEY, { retry: { maxAttempts: 2 } });
		assert.equal(result.verdict, 'failed');
		for (const metric of KPI_METRICS) {
			const access = result.metrics[metric];
			assert.ok(access.kind === 'failed' && access.status === null && access.error instanceof BrazeNetworkError, metric);
		}
		assert.equal(result.rateLimitRemaining, null);
		assert.equal(sandbox.requests.length, 8, 'two attempts per probe');
	});

	it('a cancelled signal rejects with BrazeCancelledError before anything is sent', async () => {
		await assert.rejects(verify(KEY, { signal: AbortSignal.abort() }), BrazeCancelledError);
		assert.equal(sandbox.requests.length, 0);
	});

	it('the four probes are in flight at once; cancelling then rejects with BrazeCancelledError and closes their connections', async () => {
		sandbox.setFaults({ hang: 4 });
		const controller = new AbortController();
		const verifying = verify(KEY, { signal: controller.signal });
		// Sequential probes would never get past the first hanging one.
		await waitFor(() => sandbox.requests.length === 4, 'four requests in flight', 20_000);
		assert.ok(sandbox.requests.every((r) => r.status === 0), 'no answer was sent yet');
		controller.abort();
		await assert.rejects(verifying, BrazeCancelledError);
		await waitFor(() => sandbox.requests.every((r) => r.closedByClient), 'the client to close the hanging connections', 20_000);
		assert.equal(log.length, 4);
	});

	it('an unusable endpoint or key rejects with BrazeValidationError and sends nothing', async () => {
		await assert.rejects(verify(KEY, { baseUrl: 'http://example.com' }), (e: unknown) => e instanceof BrazeValidationError && e.field === 'endpoint');
		await assert.rejects(verify('"quoted-key"'), (e: unknown) => e instanceof BrazeValidationError && e.field === 'apiKey');
		assert.equal(sandbox.requests.length, 0);
	});
});

describe('verdictOf', () => {
	const grid = (...accesses: StoredMetricAccess[]): Record<KpiMetric, StoredMetricAccess> =>
		Object.fromEntries(KPI_METRICS.map((m, i) => [m, accesses[i]])) as Record<KpiMetric, StoredMetricAccess>;
	const allowed: StoredMetricAccess = { kind: 'allowed' };
	const denied: StoredMetricAccess = { kind: 'denied', permission: 'kpi.mau.data_series' };
	const failed: StoredMetricAccess = { kind: 'failed', status: null };
	const unauthorized: StoredMetricAccess = { kind: 'unauthorized' };

	it('a 401 on any probe wins over everything; then a failure; then any refusal makes it partial', () => {
		assert.equal(verdictOf(grid(allowed, allowed, allowed, allowed)), 'ok');
		assert.equal(verdictOf(grid(allowed, unauthorized, failed, denied)), 'unauthorized');
		assert.equal(verdictOf(grid(unauthorized, allowed, allowed, allowed)), 'unauthorized');
		assert.equal(verdictOf(grid(allowed, denied, failed, allowed)), 'failed');
		assert.equal(verdictOf(grid(allowed, denied, { kind: 'forbidden' }, allowed)), 'partial');
		assert.equal(verdictOf(grid(denied, denied, denied, denied)), 'partial');
	});
});
