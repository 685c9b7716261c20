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
	clip,
	redactSecret,
} from '../../../src/braze/errors';
import { BRAZE_ERROR_MESSAGES } from '../../../src/braze/errorMessages';
import { englishL10n } from '../../../src/shared/l10n';
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
		assert.match(error.message, /API key for rest\.fra-01\.braze\.eu \(401\)/);
		assert.match(error.message, /instance/);
		assert.match(error.message, /Braze said "Invalid API key"/);
	});

	it('403 Access Denied names the exact permission and says a new key is needed', () => {
		const error = errorForStatus(403, 'Access Denied', null, ctx);
		assert.ok(error instanceof BrazePermissionError);
		assert.equal(error.permission, 'kpi.mau.data_series');
		assert.equal(error.metric, 'mau');
		assert.equal(error.host, 'rest.fra-01.braze.eu');
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
		assert.match(error.message, /for https:\/\/rest\.fra-01\.braze\.eu\/kpi\/mau\/data_series\./);
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
	const resetAt = new Date('2024-03-10T13:00:00Z');
	const errors: [BrazeError, string][] = [
		[new BrazeValidationError('length', [10_000], 'got 0'), 'BrazeValidationError'],
		[new BrazeBadRequestError(null, { length: '7' }), 'BrazeBadRequestError'],
		[new BrazeAuthError('h', null), 'BrazeAuthError'],
		[new BrazePermissionError('h', 'dau', 'kpi.dau.data_series', null), 'BrazePermissionError'],
		[new BrazeForbiddenError('Forbidden'), 'BrazeForbiddenError'],
		[new BrazeNotFoundError('u'), 'BrazeNotFoundError'],
		[new BrazeRateLimitError(resetAt), 'BrazeRateLimitError'],
		[new BrazeRateLimitError(null), 'BrazeRateLimitError'],
		[new BrazeServerError(503, 4), 'BrazeServerError'],
		[new BrazeTimeoutError(30_000), 'BrazeTimeoutError'],
		[new BrazeNetworkError('h', 'ECONNRESET', 4), 'BrazeNetworkError'],
		[new BrazeNetworkError('h', null, 4), 'BrazeNetworkError'],
		[new BrazeResponseError('html', 'x', 200), 'BrazeResponseError'],
		[new BrazeResponseError('unexpected-status', 'HTTP 418', 418), 'BrazeResponseError'],
		[new BrazeCancelledError(), 'BrazeCancelledError'],
	];

	it('all extend BrazeError, with their own name and structured fields', () => {
		for (const [error, name] of errors) {
			assert.ok(error instanceof BrazeError && error instanceof Error);
			assert.equal(error.name, name);
			assert.ok(error.message.length > 10);
		}
		assert.match(new BrazeRateLimitError(resetAt).message, /2024-03-10T13:00:00\.000Z/);
		assert.equal(new BrazeRateLimitError(null).resetAt, null);
		assert.match(new BrazeRateLimitError(null).message, /\(429\).*Try again later\./);
		assert.match(new BrazeBadRequestError(null, { length: '7' }).message, /\(400\)\. Parameters sent: length=7\./);
		assert.match(new BrazeServerError(503, 4).message, /503.*4 attempt/);
		assert.match(new BrazeTimeoutError(30_000).message, /30 s/);
		assert.match(new BrazeTimeoutError(1_250).message, /1\.3 s/);
		assert.match(new BrazeNetworkError('h', 'ECONNRESET', 1).message, /ECONNRESET\) on the only attempt made\./);
		// Singular and plural, never "attempt(s)".
		assert.match(new BrazeNetworkError('h', null, 2).message, /^Could not reach Braze at h after 2 attempts\./);
		assert.match(new BrazeServerError(502, 1).message, /^Braze had a server error \(502\) on the only attempt made\./);
		assert.doesNotMatch(new BrazeServerError(503, 4).message, /\(s\)/);
		assert.match(new BrazeResponseError('unexpected-status', 'HTTP 418', 418).message, /\(HTTP 418\)/);
	});

	it('carry their sentence as a template of BRAZE_ERROR_MESSAGES and its arguments, so that the host can localize the same sentence', () => {
		const templates = new Set<string>(Object.values(BRAZE_ERROR_MESSAGES));
		for (const [error] of errors) {
			assert.ok(templates.has(error.template), error.template);
			const sentence = englishL10n.t(error.template, ...error.args.map((arg) => (arg instanceof Date ? arg.toISOString() : arg)));
			assert.doesNotMatch(sentence, /\{\d+\}/, 'every placeholder has its argument');
			assert.equal(error.message, error.detail === null ? sentence : `${sentence} (${error.detail})`);
		}
		assert.equal(new BrazeForbiddenError('Forbidden').detail, 'Braze said "Forbidden"');
		assert.equal(new BrazeForbiddenError(null).detail, null);
	});
});

describe('clip', () => {
	it('cuts long text with an ellipsis and leaves short text alone', () => {
		assert.equal(clip('abcdef', 3), 'abc…');
		assert.equal(clip('abc', 3), 'abc');
	});
});

describe('redactSecret', () => {
	it('removes every occurrence of the key', () => {
		assert.equal(redactSecret('Invalid API key: k-123 (k-123)', 'k-123'), 'Invalid API key: *** (***)');
		assert.equal(redactSecret('nothing', ''), 'nothing');
	});
});
