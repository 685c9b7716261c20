// Status errors, bad bodies, validation and the secrecy of the key, against the sandbox over real sockets.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_KEYS, sandboxOnlyKey } from '../../../sandbox/keys';
import { keyFingerprint } from '../../../sandbox/server';
import { createBrazeClient } from '../../../src/braze/client';
import type { SeriesRequest } from '../../../src/braze/client';
import {
	BrazeAuthError,
	BrazeBadRequestError,
	BrazeError,
	BrazeForbiddenError,
	BrazeNotFoundError,
	BrazePermissionError,
	BrazeResponseError,
	BrazeValidationError,
} from '../../../src/braze/errors';
import { startHarness } from './sandboxHarness';
import type { Harness } from './sandboxHarness';

const KEY = 'sk-live-9a7c3e51d2b8';
const request: SeriesRequest = { metric: 'dau', length: 7, endingAt: '2026-03-10' };

/** Everything an error exposes, flattened, to look for the key in it. */
function exposed(error: unknown): string {
	const e = error as Record<string, unknown> & Error;
	return `${e.message}\n${String(e.stack)}\n${JSON.stringify({ ...e })}`;
}

describe('BrazeClient errors against the sandbox', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness({}, KEY);
	});
	after(() => h.sandbox.close());
	beforeEach(() => h.reset());

	it('maps 401 to BrazeAuthError, and scrubs the key Braze echoes back', async () => {
		await assert.rejects(h.client({ apiKey: SANDBOX_KEYS.invalid }).fetchSeries(request), (error: unknown) => {
			assert.ok(error instanceof BrazeAuthError);
			assert.equal(error.status, 401);
			assert.equal(error.host, new URL(h.sandbox.url).host);
			assert.equal(error.brazeMessage, 'Invalid API key: ***');
			assert.ok(!exposed(error).includes(SANDBOX_KEYS.invalid));
			assert.match(error.message, /instance/);
			return true;
		});
	});

	it('maps 403 Access Denied to BrazePermissionError naming the metric\'s permission', async () => {
		await assert.rejects(h.client({ apiKey: SANDBOX_KEYS.noPermission }).fetchSeries(request), (e: unknown) => e instanceof BrazePermissionError && e.permission === 'kpi.dau.data_series');
		await assert.rejects(h.client({ apiKey: sandboxOnlyKey('dau') }).fetchSeries({ ...request, metric: 'uninstalls' }), (error: unknown) => {
			assert.ok(error instanceof BrazePermissionError);
			assert.equal(error.permission, 'kpi.uninstalls.data_series');
			assert.equal(error.metric, 'uninstalls');
			assert.equal(error.brazeMessage, 'Access Denied');
			assert.match(error.message, /kpi\.uninstalls\.data_series.*new REST API key/);
			return true;
		});
	});

	it('maps 403 Forbidden to BrazeForbiddenError', async () => {
		await assert.rejects(h.client({ apiKey: SANDBOX_KEYS.forbidden }).fetchSeries(request), (e: unknown) => e instanceof BrazeForbiddenError && e.status === 403 && e.brazeMessage === 'Forbidden');
	});

	it('maps 404 to BrazeNotFoundError pointing at the REST endpoint', async () => {
		await assert.rejects(h.client({ baseUrl: `${h.sandbox.url}/wrong` }).fetchSeries(request), (error: unknown) => {
			assert.ok(error instanceof BrazeNotFoundError);
			assert.equal(error.url, `${h.sandbox.url}/wrong/kpi/dau/data_series?length=7&ending_at=2026-03-10T23%3A59%3A59Z`);
			assert.match(error.message, /REST endpoint/);
			return true;
		});
	});

	it('maps 400 to BrazeBadRequestError with Braze\'s message and the parameters sent', async () => {
		await assert.rejects(h.client().fetchSeries({ ...request, appId: 'no-such-app' }), (error: unknown) => {
			assert.ok(error instanceof BrazeBadRequestError);
			assert.equal(error.brazeMessage, 'Invalid parameter: app_id');
			assert.deepEqual(error.paramsSent, { length: '7', ending_at: '2026-03-10T23:59:59Z', app_id: 'no-such-app' });
			assert.match(error.message, /app_id=no-such-app/);
			return true;
		});
	});

	it('refuses a 200 HTML page as BrazeResponseError', async () => {
		h.sandbox.setFaults({ htmlOk: 1 });
		await assert.rejects(h.client().fetchSeries(request), (e: unknown) => e instanceof BrazeResponseError && e.problem === 'html' && e.status === 200 && e.message.length < 500);
	});

	it('refuses malformed JSON as BrazeResponseError', async () => {
		h.sandbox.setFaults({ malformedJson: 1 });
		await assert.rejects(h.client().fetchSeries(request), (e: unknown) => e instanceof BrazeResponseError && e.problem === 'not-json');
	});

	for (const kind of ['negative', 'string'] as const) {
		it(`refuses a ${kind} value, quoting the bad row only`, async () => {
			h.sandbox.setFaults({ badRows: 1, badRowKind: kind });
			await assert.rejects(h.client().fetchSeries({ ...request, length: 60 }), (error: unknown) => {
				assert.ok(error instanceof BrazeResponseError);
				assert.equal(error.problem, kind === 'negative' ? 'values' : 'shape');
				assert.match(error.detail, kind === 'negative' ? /^row 31 "\{\\"time\\":\\"2026-02-09\\",\\"dau\\":-\d+\}" has "dau" -\d+, which cannot be a count/ : /^row 31 "\{\\"time\\":\\"2026-02-09\\",\\"dau\\":\\"\d+\\"\}" has no valid "dau"/);
				assert.ok(!error.message.includes('2026-02-08') && !error.message.includes('2026-02-10'), 'no other row is quoted');
				return true;
			});
		});
	}

	it('refuses a body over the default 5 MB cap', async () => {
		h.sandbox.setFaults({ oversizeBytes: 5 * 1024 * 1024 + 1 });
		await assert.rejects(h.client().fetchSeries(request), (e: unknown) => e instanceof BrazeResponseError && e.problem === 'oversize');
	});

	it('refuses a body over a configured cap, and accepts one under it', async () => {
		h.sandbox.setFaults({ oversizeBytes: 4096 });
		await assert.rejects(h.client({ maxBodyBytes: 4095 }).fetchSeries(request), (e: unknown) => e instanceof BrazeResponseError && e.problem === 'oversize' && /4095 bytes/.test(e.message));
		const result = await h.client({ maxBodyBytes: 4096 }).fetchSeries(request);
		assert.equal(result.series.points.length, 7);
	});

	it('validates the request before sending anything, naming the field', async () => {
		const bad: [SeriesRequest, string][] = [
			[{ ...request, length: 0 }, 'length'],
			[{ ...request, length: 2.5 }, 'length'],
			[{ ...request, endingAt: '2026-02-30' }, 'ending_at'],
			[{ ...request, endingAt: '10/03/2026' }, 'ending_at'],
			[{ ...request, appId: '' }, 'app_id'],
			[{ ...request, appId: 'my app' }, 'app_id'],
			[{ ...request, metric: 'wau' as SeriesRequest['metric'] }, 'metric'],
		];
		for (const [req, field] of bad) {
			await assert.rejects(h.client().fetchSeries(req), (e: unknown) => e instanceof BrazeValidationError && e.field === field && e.message.includes(field));
		}
		assert.equal(h.sandbox.requests.length, 0);
	});

	it('refuses unusable keys and endpoints when the client is made, without quoting the key', () => {
		for (const apiKey of ['', '   ', `"${KEY}"`, `'${KEY}'`, `${KEY}"`, `${KEY} x`, `${KEY}\u200b`, `a${KEY}é`]) {
			assert.throws(() => createBrazeClient({ baseUrl: 'US-01', apiKey }), (e: unknown) => e instanceof BrazeValidationError && e.field === 'apiKey' && !exposed(e).includes(KEY));
		}
		assert.throws(() => createBrazeClient({ baseUrl: 'http://rest.iad-01.braze.com', apiKey: KEY }), (e: unknown) => e instanceof BrazeValidationError && e.field === 'endpoint');
		assert.equal(createBrazeClient({ baseUrl: 'eu-02', apiKey: KEY }).baseUrl, 'https://rest.fra-02.braze.eu');
	});

	it('sends the key only as "Authorization: Bearer", never in a URL, a log entry or an error', async () => {
		const errors: unknown[] = [];
		const client = h.client();
		await client.fetchSeries({ metric: 'mau', length: 150, endingAt: '2026-03-10T12:00:00+02:00', appId: null });
		for (const faults of [{ htmlOk: 1 }, { malformedJson: 1 }, { badRows: 1 }, { serverErrors: 9 }, { rateLimited: 1 }, { dropConnection: 9 }]) {
			h.sandbox.setFaults(faults);
			await client.fetchSeries(request).catch((e: unknown) => errors.push(e));
		}
		h.sandbox.resetFaults();
		await client.fetchSeries({ ...request, appId: 'nope' }).catch((e: unknown) => errors.push(e));
		await h.client({ baseUrl: `${h.sandbox.url}/x` }).fetchSeries(request).catch((e: unknown) => errors.push(e));
		assert.equal(errors.length, 8);
		assert.ok(errors.every((e) => e instanceof BrazeError && !exposed(e).includes(KEY)));
		assert.ok(h.sandbox.requests.length >= 10);
		for (const recorded of h.sandbox.requests) {
			assert.ok(recorded.hasBearer);
			assert.equal(recorded.keyFingerprint, keyFingerprint(KEY));
			assert.ok(!`${recorded.path}${JSON.stringify(recorded.query)}`.includes(KEY));
			assert.equal(recorded.query.api_key, undefined);
		}
		assert.equal(h.log.length, h.sandbox.requests.length);
		assert.ok(h.log.every((entry) => entry.method === 'GET' && entry.url.startsWith(h.sandbox.url) && entry.durationMs >= 0));
		assert.ok(!JSON.stringify(h.log).includes(KEY));
	});
});
