import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BRAZE_INSTANCES, instanceByLabel, instanceLabelOfHost, isLoopbackHost, resolveRestEndpoint } from '../../../src/braze/instances';
import { BrazeValidationError } from '../../../src/braze/errors';

const FACT_SHEET: Record<string, string> = {
	'US-01': 'rest.iad-01.braze.com',
	'US-02': 'rest.iad-02.braze.com',
	'US-03': 'rest.iad-03.braze.com',
	'US-04': 'rest.iad-04.braze.com',
	'US-05': 'rest.iad-05.braze.com',
	'US-06': 'rest.iad-06.braze.com',
	'US-07': 'rest.iad-07.braze.com',
	'US-08': 'rest.iad-08.braze.com',
	'US-10': 'rest.us-10.braze.com',
	'EU-01': 'rest.fra-01.braze.eu',
	'EU-02': 'rest.fra-02.braze.eu',
	'AU-01': 'rest.au-01.braze.com',
	'ID-01': 'rest.id-01.braze.com',
	'JP-01': 'rest.jp-01.braze.com',
	'KR-01': 'rest.kr-01.braze.com',
};

function assertEndpointRejected(input: string, pattern: RegExp): void {
	assert.throws(() => resolveRestEndpoint(input), (error: unknown) => {
		assert.ok(error instanceof BrazeValidationError);
		assert.equal(error.field, 'endpoint');
		assert.match(error.message, pattern);
		return true;
	});
}

describe('Braze instances', () => {
	it('lists exactly the 15 instances of the fact sheet, with their hosts, and no US-09', () => {
		assert.equal(BRAZE_INSTANCES.length, 15);
		assert.deepEqual(Object.fromEntries(BRAZE_INSTANCES.map((i) => [i.label, i.host])), FACT_SHEET);
		assert.equal(instanceByLabel('US-09'), undefined);
	});

	it('resolves every label to its https REST host', () => {
		for (const [label, host] of Object.entries(FACT_SHEET)) {
			assert.equal(resolveRestEndpoint(label), `https://${host}`);
		}
	});

	it('resolves labels case-insensitively and ignores surrounding spaces', () => {
		assert.equal(resolveRestEndpoint(' eu-01 '), 'https://rest.fra-01.braze.eu');
	});

	it('looks a label up from a host name, and answers null for unknown hosts', () => {
		for (const [label, host] of Object.entries(FACT_SHEET)) {
			assert.equal(instanceLabelOfHost(host), label);
			assert.equal(instanceLabelOfHost(host.toUpperCase()), label);
		}
		assert.equal(instanceLabelOfHost('rest.iad-09.braze.com'), null);
		assert.equal(instanceLabelOfHost('127.0.0.1'), null);
	});

	it('accepts a custom https URL or bare host, without trailing slash', () => {
		assert.equal(resolveRestEndpoint('https://rest.new-99.braze.com/'), 'https://rest.new-99.braze.com');
		assert.equal(resolveRestEndpoint('rest.new-99.braze.com'), 'https://rest.new-99.braze.com');
		assert.equal(resolveRestEndpoint('https://proxy.example.com:8443/braze/'), 'https://proxy.example.com:8443/braze');
	});

	it('allows plain http only on loopback hosts', () => {
		assert.equal(resolveRestEndpoint('http://127.0.0.1:4010'), 'http://127.0.0.1:4010');
		assert.equal(resolveRestEndpoint('http://localhost:4010/'), 'http://localhost:4010');
		assert.equal(resolveRestEndpoint('http://[::1]:4010'), 'http://[::1]:4010');
		assert.ok(isLoopbackHost('LOCALHOST'));
		assertEndpointRejected('http://rest.iad-01.braze.com', /only https:\/\//);
		assertEndpointRejected('http://127.0.0.2:4010', /only https:\/\//);
		assertEndpointRejected('http://10.0.0.1', /only https:\/\//);
	});

	it('rejects other schemes, credentials, queries, fragments and empty input, naming the field', () => {
		assertEndpointRejected('ftp://rest.iad-01.braze.com', /only https/);
		assertEndpointRejected('https://user:secret@rest.iad-01.braze.com', /user name or password/);
		assertEndpointRejected('https://rest.iad-01.braze.com/?api_key=x', /query/);
		assertEndpointRejected('https://rest.iad-01.braze.com/#top', /fragment/);
		assertEndpointRejected('   ', /empty/);
		assertEndpointRejected('https://exa mple.com', /not a URL/);
	});

	it('does not echo a very long input in full', () => {
		const long = `ftp://${'x'.repeat(500)}.com`;
		assert.throws(() => resolveRestEndpoint(long), (error: unknown) => error instanceof BrazeValidationError && error.message.length < 400);
	});
});
