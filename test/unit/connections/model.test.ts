// Connections as read from hand-edited settings, which one is active, and the migration from keys per origin.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/shared/l10n';
import { activeConnection, checkConnectionEntry, findConnection, isUnknownHost, parseConnectionRef, readScopeConnections, toConnectionEntry, usableConnections, validateNewConnectionName } from '../../../src/connections/model';
import type { Connection, ScopeConnections } from '../../../src/connections/model';
import { candidateLegacyEndpoints, planKeyMigration, uniqueName } from '../../../src/connections/migration';
import { lookupEndpoint } from '../../../src/connections/endpoint';
import type { ResolvedEndpoint } from '../../../src/connections/endpoint';
import { parseQuerySpec, querySpecKey } from '../../../src/shared/query';

const l10n = englishL10n;
const user = (value: unknown) => readScopeConnections('user', value, l10n);
const workspace = (value: unknown) => readScopeConnections('workspace', value, l10n);

function endpoint(value: string): ResolvedEndpoint {
	const lookup = lookupEndpoint(value);
	assert.ok(lookup.ok, value);
	return lookup.endpoint;
}

describe('connection entries', () => {
	it('reads usable entries with their resolved endpoint; two connections may share a host', () => {
		const level = user([{ name: 'Production', endpoint: 'US-03' }, { name: ' Development ', endpoint: 'https://rest.iad-03.braze.com' }]);
		assert.equal(level.problem, null);
		const [prod, dev] = level.items as Connection[];
		assert.equal(prod.kind, 'connection');
		assert.equal(prod.endpoint.origin, 'https://rest.iad-03.braze.com');
		assert.equal(prod.endpoint.label, 'US-03');
		assert.equal(dev.name, 'Development', 'names are trimmed');
		assert.equal(dev.endpoint.origin, prod.endpoint.origin);
	});

	it('shows broken entries with what is wrong and keeps them in place; names are unique per level regardless of case', () => {
		const level = user([
			{ name: 'Prod', endpoint: 'US-03' },
			{ name: 'prod', endpoint: 'EU-01' },
			{ name: '', endpoint: 'US-01' },
			{ name: 'Evil', endpoint: 'http://example.com' },
			{ name: 'No endpoint' },
			'US-01',
			{ name: 'x'.repeat(61), endpoint: 'US-01' },
			{ name: 'Tab\there', endpoint: 'US-01' },
		]);
		const problems = level.items.map((item) => (item.kind === 'broken' ? item.problem : 'ok'));
		assert.deepEqual(problems, [
			'ok',
			'Another connection above is already named "prod": rename one of them.',
			'The name is empty: enter one.',
			'The endpoint "http://example.com" is not usable: give an instance label such as US-01 or an https:// URL.',
			'The endpoint is missing: give an instance label such as US-01 or an https:// URL.',
			'The entry must be an object such as {"name": "Production", "endpoint": "US-03"}, not "US-01".',
			'The name is longer than 60 characters: shorten it.',
			'The name contains control characters: remove them.',
		]);
		assert.deepEqual(level.items.map((i) => i.index), [0, 1, 2, 3, 4, 5, 6, 7]);
	});

	it('reads a value that is not a list as a problem of the whole level, and an absent one as empty', () => {
		assert.match(user({ name: 'Prod' }).problem ?? '', /must be a list of connections/);
		assert.deepEqual(user(undefined), { scope: 'user', items: [], problem: null });
	});

	it('checks a new name against the level, letting a connection keep its own', () => {
		assert.equal(validateNewConnectionName('prod ', ['Prod'], l10n), 'A connection named "prod" already exists here: choose another name.');
		assert.equal(validateNewConnectionName('PROD', ['Prod'], l10n, 'Prod'), undefined);
		assert.equal(validateNewConnectionName('  ', [], l10n), 'The name is empty: enter one.');
		assert.equal(validateNewConnectionName('Dev', ['Prod'], l10n), undefined);
	});

	it('keeps unknown keys when an entry is rewritten', () => {
		assert.deepEqual(toConnectionEntry(' Dev ', ' US-02 ', { name: 'Old', endpoint: 'US-01', $comment: 'ours' }), { name: 'Dev', endpoint: 'US-02', $comment: 'ours' });
	});

	it('checks one entry on its own', () => {
		assert.equal(checkConnectionEntry({ name: 'Sandbox', endpoint: 'http://127.0.0.1:4010' }, l10n).kind, 'connection');
		assert.equal(checkConnectionEntry({ name: 'Sandbox', endpoint: 42 }, l10n).kind, 'broken');
	});
});

describe('which connection', () => {
	const levels: ScopeConnections[] = [
		user([{ name: 'Prod', endpoint: 'US-03' }, { name: 'Dev', endpoint: 'US-03' }]),
		workspace([{ name: 'Team', endpoint: 'EU-01' }, { name: 'prod', endpoint: 'EU-02' }]),
	];

	it('finds a name at the level of what names it first, then at the other', () => {
		assert.equal(findConnection(levels, 'PROD', 'user')?.endpoint.label, 'US-03');
		assert.equal(findConnection(levels, 'prod', 'workspace')?.endpoint.label, 'EU-02');
		assert.equal(findConnection(levels, 'Team', 'user')?.scope, 'workspace');
		assert.equal(findConnection(levels, 'nobody'), undefined);
	});

	it('falls back to the first user-level connection when nothing (or something gone) is remembered', () => {
		assert.equal(activeConnection(levels, undefined)?.name, 'Prod');
		assert.equal(activeConnection(levels, { scope: 'user', name: 'Gone' })?.name, 'Prod');
		assert.equal(activeConnection(levels, { scope: 'workspace', name: 'team' })?.name, 'Team');
		assert.equal(activeConnection([workspace([{ name: 'Only', endpoint: 'US-01' }])], undefined)?.name, 'Only');
		assert.equal(activeConnection([user([])], undefined), undefined);
		assert.deepEqual(usableConnections(levels).map((c) => c.name), ['Prod', 'Dev', 'Team', 'prod']);
	});

	it('reads a remembered reference as untrusted data', () => {
		assert.deepEqual(parseConnectionRef({ scope: 'user', name: 'Prod' }), { scope: 'user', name: 'Prod' });
		assert.equal(parseConnectionRef({ scope: 'global', name: 'Prod' }), undefined);
		assert.equal(parseConnectionRef({ scope: 'user', name: ' ' }), undefined);
		assert.equal(parseConnectionRef('Prod'), undefined);
	});

	it('lets a query name its connection, which makes it a different query', () => {
		const parsed = parseQuerySpec({ metric: 'dau', length: 7, end: 'yesterday', connection: ' Dev ' });
		assert.ok(parsed.ok);
		assert.equal(parsed.spec.connection, 'Dev');
		const onProd = parseQuerySpec({ metric: 'dau', length: 7, end: 'yesterday', connection: 'Prod' });
		assert.ok(onProd.ok);
		assert.notEqual(querySpecKey(parsed.spec), querySpecKey(onProd.spec));
		assert.deepEqual(parseQuerySpec({ metric: 'dau', length: 7, end: 'yesterday', connection: '' }), { ok: false, field: 'connection' });
		assert.deepEqual(parseQuerySpec({ metric: 'dau', length: 7, end: 'yesterday', connection: 3 }), { ok: false, field: 'connection' });
	});
});

describe('the unknown-host warning of the key prompt (issue 12 A8)', () => {
	it('warns for a loopback endpoint that comes from a workspace\'s settings, not for the user\'s own sandbox', () => {
		assert.equal(isUnknownHost({ scope: 'workspace', endpoint: endpoint('http://127.0.0.1:4010') }), true);
		assert.equal(isUnknownHost({ scope: 'workspace', endpoint: endpoint('http://localhost:4010') }), true);
		assert.equal(isUnknownHost({ scope: 'user', endpoint: endpoint('http://127.0.0.1:4010') }), false);
	});

	it('warns for any host that is no Braze instance, and never for an instance', () => {
		assert.equal(isUnknownHost({ scope: 'user', endpoint: endpoint('https://rest.example.org') }), true);
		assert.equal(isUnknownHost({ scope: 'workspace', endpoint: endpoint('US-03') }), false);
		assert.equal(isUnknownHost({ scope: 'user', endpoint: endpoint('https://rest.iad-01.braze.com') }), false);
	});
});

describe('migration from keys per origin', () => {
	it('makes one user-level connection per origin that holds a key, named after its instance or host', () => {
		const plan = planKeyMigration([endpoint('US-03'), endpoint('http://127.0.0.1:4010'), endpoint('https://rest.example.org')], user(undefined));
		assert.deepEqual(plan.add, [
			{ name: 'US-03', endpointValue: 'US-03', origin: 'https://rest.iad-03.braze.com' },
			{ name: '127.0.0.1:4010', endpointValue: 'http://127.0.0.1:4010', origin: 'http://127.0.0.1:4010' },
			{ name: 'rest.example.org', endpointValue: 'https://rest.example.org', origin: 'https://rest.example.org' },
		]);
		assert.deepEqual(plan.moves.map((m) => m.name), ['US-03', '127.0.0.1:4010', 'rest.example.org']);
	});

	it('moves a key into a user-level connection that already points at its origin, and never reuses a taken name', () => {
		const existing = user([{ name: 'Production', endpoint: 'https://rest.iad-03.braze.com' }, { name: 'EU-01', endpoint: 'US-01' }]);
		const plan = planKeyMigration([endpoint('US-03'), endpoint('EU-01')], existing);
		assert.deepEqual(plan.add, [{ name: 'EU-01 (2)', endpointValue: 'EU-01', origin: 'https://rest.fra-01.braze.eu' }]);
		assert.deepEqual(plan.moves, [
			{ origin: 'https://rest.iad-03.braze.com', name: 'Production' },
			{ origin: 'https://rest.fra-01.braze.eu', name: 'EU-01 (2)' },
		]);
	});

	it('looks for old keys at every known instance and every endpoint the settings name, once per origin', () => {
		const origins = candidateLegacyEndpoints(['http://127.0.0.1:4010', 'US-01', 'https://rest.iad-01.braze.com/', 'not a url', undefined, 42]).map((e) => e.origin);
		assert.equal(origins.length, 16, '15 instances and the sandbox');
		assert.ok(origins.includes('http://127.0.0.1:4010'));
		assert.equal(new Set(origins).size, origins.length);
	});

	it('numbers a name until it is free', () => {
		assert.equal(uniqueName('US-03', ['us-03', 'US-03 (2)']), 'US-03 (3)');
		assert.equal(uniqueName('Dev', []), 'Dev');
	});
});
