import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	BrazeAuthError,
	BrazeBadRequestError,
	BrazeCancelledError,
	BrazeError,
	BrazeForbiddenError,
	BrazeNetworkError,
	BrazeNotFoundError,
	BrazePermissionError,
	BrazeRateLimitError,
	BrazeResponseError,
	BrazeServerError,
	BrazeTimeoutError,
	BrazeValidationError,
	redactSecret,
} from '../../../src/braze/errors';
import { errorForStatus, isRetryableStatus } from '../../../src/braze/statusErrors';
import type { RequestContext } from '../../../src/braze/statusErrors';

const ctx: RequestContext = {
	metric: 'mau',
	permission: 'kpi.mau.data_series',
	host: 'rest.fra-01.braze.eu',
	url: 'https://rest.fra-01.braze.eu/kpi/mau/data_series?length=7',
	paramsSent: { length: '7', app_id: 'nope' },
};

describe('errorForStatus', () => {
	it('400 carries Braze\'s message and the parameters sent', () => {
		const error = errorForStatus(400, 'Invalid parameter: app_id', null, ctx);
		assert.ok(error instanceof BrazeBadRequestError);
		assert.equal(error.status, 400);
		assert.equal(error.brazeMessage, 'Invalid parameter: app_id');
		assert.deepEqual(error.paramsSent, { length: '7', app_id: 'nope' });
		assert.match(error.message, /"Invalid parameter: app_id"/);
		assert.match(error.message, /length=7, app_id=nope/);
	});

	it('401 says to check the key and the instance', () => {
		const error = errorForStatus(401, 'Invalid API key', null, ctx);
		assert.ok(error instanceof BrazeAuthError);
		assert.equal(error.host, 'rest.fra-01.braze.eu');
		assert.match(error.message, /key/);
		assert.match(error.message, /instance rest\.fra-01\.braze\.eu/);
	});

	it('403 Access Denied names the exact permission and says a new key is needed', () => {
		const error = errorForStatus(403, 'Access Denied', null, ctx);
		assert.ok(error instanceof BrazePermissionError);
		assert.equal(error.permission, 'kpi.mau.data_series');
		assert.equal(error.metric, 'mau');
		assert.match(error.message, /kpi\.mau\.data_series/);
		assert.match(error.message, /create a new REST API key/);
	});

	it('403 Forbidden says to contact the administrator', () => {
		const error = errorForStatus(403, 'Forbidden', null, ctx);
		assert.ok(error instanceof BrazeForbiddenError);
		assert.match(error.message, /administrator/);
	});

	it('404 says to check the REST endpoint', () => {
		const error = errorForStatus(404, 'Not Found', null, ctx);
		assert.ok(error instanceof BrazeNotFoundError);
		assert.equal(error.url, ctx.url);
		assert.match(error.message, /REST endpoint/);
	});

	it('other statuses and redirects are unexpected answers', () => {
		const redirect = errorForStatus(302, null, 'https://elsewhere.example/login', ctx);
		assert.ok(redirect instanceof BrazeResponseError);
		assert.equal(redirect.problem, 'unexpected-status');
		assert.equal(redirect.status, 302);
		assert.match(redirect.message, /elsewhere\.example/);
		const teapot = errorForStatus(418, 'short and stout', null, ctx);
		assert.ok(teapot instanceof BrazeResponseError && /418/.test(teapot.message) && /short and stout/.test(teapot.message));
	});

	it('only 429 and 5xx are retryable', () => {
		assert.deepEqual([400, 401, 403, 404, 418, 429, 500, 502, 503, 599, 600].map(isRetryableStatus),
			[false, false, false, false, false, true, true, true, true, true, false]);
	});
});

describe('error classes', () => {
	it('all extend BrazeError, with their own name and structured fields', () => {
		const resetAt = new Date('2024-03-10T13:00:00Z');
		const errors: [BrazeError, string][] = [
			[new BrazeValidationError('length', 'length must…'), 'BrazeValidationError'],
			[new BrazeBadRequestError(null, {}), 'BrazeBadRequestError'],
			[new BrazeAuthError('h', null), 'BrazeAuthError'],
			[new BrazePermissionError('dau', 'kpi.dau.data_series', null), 'BrazePermissionError'],
			[new BrazeForbiddenError(null), 'BrazeForbiddenError'],
			[new BrazeNotFoundError('u'), 'BrazeNotFoundError'],
			[new BrazeRateLimitError(resetAt), 'BrazeRateLimitError'],
			[new BrazeServerError(503, 4), 'BrazeServerError'],
			[new BrazeTimeoutError(30_000), 'BrazeTimeoutError'],
			[new BrazeNetworkError('h', 'ECONNRESET', 4), 'BrazeNetworkError'],
			[new BrazeResponseError('html', 'x', 200), 'BrazeResponseError'],
			[new BrazeCancelledError(), 'BrazeCancelledError'],
		];
		for (const [error, name] of errors) {
			assert.ok(error instanceof BrazeError && error instanceof Error);
			assert.equal(error.name, name);
			assert.ok(error.message.length > 10);
		}
		assert.match(new BrazeRateLimitError(resetAt).message, /2024-03-10T13:00:00\.000Z/);
		assert.equal(new BrazeRateLimitError(null).resetAt, null);
		assert.match(new BrazeServerError(503, 4).message, /503.*4 attempts/);
		assert.match(new BrazeTimeoutError(30_000).message, /30 s/);
		assert.match(new BrazeNetworkError('h', 'ECONNRESET', 1).message, /ECONNRESET.*1 attempt\b/);
	});
});

describe('redactSecret', () => {
	it('removes every occurrence of the key', () => {
		assert.equal(redactSecret('Invalid API key: k-123 (k-123)', 'k-123'), 'Invalid API key: *** (***)');
		assert.equal(redactSecret('nothing', ''), 'nothing');
	});
});
