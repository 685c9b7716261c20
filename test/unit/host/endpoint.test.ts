// Endpoint resolution and the key-per-origin rule: the same instance spelled differently binds one key;
// any other host, port or scheme binds another, so a key never travels to a host it was not entered for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BRAZE_INSTANCES } from '../../../src/braze/instances';
import { lookupEndpoint } from '../../../src/connections/endpoint';

function origin(value: unknown): string {
	const lookup = lookupEndpoint(value);
	assert.ok(lookup.ok, `expected ${JSON.stringify(value)} to resolve`);
	return lookup.endpoint.origin;
}

test('every instance label resolves to its https host and back to its label', () => {
	assert.equal(BRAZE_INSTANCES.length, 15);
	for (const instance of BRAZE_INSTANCES) {
		const lookup = lookupEndpoint(instance.label);
		assert.ok(lookup.ok);
		assert.equal(lookup.endpoint.baseUrl, `https://${instance.host}`);
		assert.equal(lookup.endpoint.label, instance.label);
		assert.equal(lookup.endpoint.host, instance.host);
	}
});

test('a label, its URL and its URL with a trailing slash bind the same key', () => {
	assert.equal(origin('US-01'), origin('https://rest.iad-01.braze.com'));
	assert.equal(origin('us-01'), origin('https://rest.iad-01.braze.com/'));
	assert.equal(origin('EU-02'), 'https://rest.fra-02.braze.eu');
});

test('an instance\'s URL, however spelled, is known by its label; other hosts have none', () => {
	for (const instance of BRAZE_INSTANCES) {
		for (const url of [`https://${instance.host}/`, `HTTPS://${instance.host.toUpperCase()}`]) {
			const lookup = lookupEndpoint(url);
			assert.ok(lookup.ok, url);
			assert.equal(lookup.endpoint.label, instance.label, url);
		}
	}
	const loopback = lookupEndpoint('http://127.0.0.1:8080');
	assert.ok(loopback.ok);
	assert.equal(loopback.endpoint.label, null);
});

test('different instances, ports and hosts bind different keys', () => {
	const origins = new Set([
		...BRAZE_INSTANCES.map((i) => origin(i.label)),
		origin('http://127.0.0.1:4010'),
		origin('http://127.0.0.1:4011'),
		origin('http://localhost:4010'),
		origin('https://rest.example-proxy.test'),
	]);
	assert.equal(origins.size, 15 + 4);
});

test('a custom https host is accepted and has no label', () => {
	const lookup = lookupEndpoint('https://rest.new-99.braze.com');
	assert.ok(lookup.ok);
	assert.equal(lookup.endpoint.label, null);
	assert.equal(lookup.endpoint.host, 'rest.new-99.braze.com');
});

test('unset and broken settings are told apart, and broken ones are never resolved', () => {
	for (const unset of [undefined, null, '', '   ']) assert.deepEqual(lookupEndpoint(unset), { ok: false, reason: 'unset' });
	for (const broken of ['http://rest.iad-01.braze.com', 'ftp://x', 'https://user:pw@rest.iad-01.braze.com', 'https://rest.iad-01.braze.com/?api_key=x', 42, ['US-01'], { host: 'x' }]) {
		const lookup = lookupEndpoint(broken);
		assert.equal(lookup.ok, false, JSON.stringify(broken));
		assert.equal(!lookup.ok && lookup.reason, 'invalid', JSON.stringify(broken));
	}
});

test('loopback hosts may use http, for the sandbox', () => {
	for (const url of ['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010']) assert.ok(lookupEndpoint(url).ok, url);
});
