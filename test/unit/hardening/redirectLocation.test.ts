// A3: a redirect's Location is quoted in the error's detail (the log) with the key redacted, as the body is.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { BrazeResponseError } from '../../../src/braze/errors';
import { FAKE_KEY, fakeBrazeClient } from './fakeBraze';

for (const [what, location] of [
	['as written', `https://elsewhere.example/login?key=${FAKE_KEY}`],
	['percent-encoded', `https://elsewhere.example/login?key=${encodeURIComponent(FAKE_KEY)}`],
] as const) {
	it(`a redirect whose Location holds the key (${what}) is reported without it`, async () => {
		const { client, calls } = fakeBrazeClient(() => new Response(null, { status: 302, headers: { Location: location } }));
		await assert.rejects(client.fetchSeries({ metric: 'dau', length: 7, endingAt: '2026-03-10' }), (error: unknown) => {
			assert.ok(error instanceof BrazeResponseError);
			assert.equal(error.problem, 'unexpected-status');
			assert.match(error.detail, /redirecting to "https:\/\/elsewhere\.example\/login\?key=\*\*\*"/);
			assert.ok(!`${error.message} ${error.detail}`.includes(FAKE_KEY) && !`${error.message} ${error.detail}`.includes(encodeURIComponent(FAKE_KEY)));
			return true;
		});
		assert.equal(calls.length, 1, 'a redirect is not followed');
	});
}
