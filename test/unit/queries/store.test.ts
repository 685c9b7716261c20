// The store against a fake `vscode` configuration: each write re-reads the array, changes one element,
// writes it back to the same target, and never drops or rewrites anything else.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationTarget, MemoryMemento, changeSettingsFromOutside, resetSettings, settings } from './vscodeFake';
import { SavedQueryStore } from '../../../src/queries/store';
import { SettingsWriteError } from '../../../src/config/settingsArray';
import type { UsableSavedQuery } from '../../../src/queries/model';
import type { KpiQuerySpec } from '../../../src/shared/query';

const spec: KpiQuerySpec = { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: null };
const web = { name: 'Web', metric: 'dau', length: 30, end: 'yesterday', appId: 'web-app' };
const handEdited = { name: 'Typo', metric: 'DAU', length: '30', end: 'yesterday', note: 'kept as is' };

function newStore(): SavedQueryStore {
	return new SavedQueryStore(new MemoryMemento());
}

function usable(store: SavedQueryStore, scope: 'user' | 'workspace', name: string): UsableSavedQuery {
	const found = store.find(scope, name);
	assert.ok(found, `${name} is in ${scope}`);
	return found;
}

async function refusal(promise: Promise<unknown>): Promise<SettingsWriteError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof SettingsWriteError, String(error));
		return error;
	}
	assert.fail('the write should have been refused');
}

describe('SavedQueryStore', () => {
	beforeEach(() => resetSettings([handEdited, web, 42], undefined));

	it('reads user and workspace entries as two scopes, broken ones included', () => {
		resetSettings([handEdited, web], [{ name: 'Shared', metric: 'mau', length: 7, end: 'today' }]);
		const store = newStore();
		assert.deepEqual(store.read().map((s) => [s.scope, s.items.map((i) => [i.kind, i.name])]), [
			['user', [['broken', 'Typo'], ['query', 'Web']]],
			['workspace', [['query', 'Shared']]],
		]);
		assert.deepEqual(store.nonEmptyScopes().map((s) => s.scope), ['user', 'workspace']);
		store.dispose();
	});

	it('adds a query without touching the broken entries around it', async () => {
		const store = newStore();
		await store.add('user', 'Mobile', { ...spec, appId: 'ios' });
		assert.deepEqual(settings.writes, [{
			key: 'braze.savedQueries',
			target: ConfigurationTarget.Global,
			value: [handEdited, web, 42, { name: 'Mobile', metric: 'dau', length: 30, end: 'yesterday', appId: 'ios' }],
		}]);
		assert.equal(usable(store, 'user', 'Mobile').spec.appId, 'ios', 'the tree sees the new query');
		store.dispose();
	});

	it('edits one element in place, keeping its unknown keys and every other element', async () => {
		settings.user = [handEdited, { ...web, $comment: 'team' }, 42];
		const store = newStore();
		await store.update(usable(store, 'user', 'Web'), 'Web', { ...spec, length: 90, end: { kind: 'date', date: '2024-04-30' } });
		assert.deepEqual(settings.user, [handEdited, { name: 'Web', metric: 'dau', length: 90, end: '2024-04-30', $comment: 'team' }, 42]);
		store.dispose();
	});

	it('finds the element again when another window moved it, and refuses when it changed meanwhile', async () => {
		const store = newStore();
		const read = usable(store, 'user', 'Web');
		settings.user = [{ name: 'Inserted elsewhere', metric: 'mau', length: 1, end: 'today' }, handEdited, web, 42];
		await store.remove(read);
		assert.deepEqual(settings.user, [{ name: 'Inserted elsewhere', metric: 'mau', length: 1, end: 'today' }, handEdited, 42]);

		const stale = usable(store, 'user', 'Inserted elsewhere');
		settings.user = [{ name: 'Inserted elsewhere', metric: 'mau', length: 2, end: 'today' }, handEdited, 42];
		const writes = settings.writes.length;
		const error = await refusal(store.update(stale, 'Renamed', stale.spec));
		assert.equal(error.reason, 'changed');
		assert.equal(settings.writes.length, writes, 'nothing was written');
		store.dispose();
	});

	it('deletes a broken entry and only it', async () => {
		const store = newStore();
		const broken = store.readScope('user').items[0];
		assert.equal(broken.kind, 'broken');
		await store.remove(broken);
		assert.deepEqual(settings.user, [web, 42]);
		store.dispose();
	});

	it('keeps names unique per scope, case-insensitively, and lets the other scope reuse a name', async () => {
		const store = newStore();
		assert.equal((await refusal(store.add('user', ' web ', spec))).reason, 'badName');
		assert.equal((await refusal(store.add('user', 'typo', spec))).reason, 'badName', 'a broken entry\'s name is taken too');
		assert.equal(settings.writes.length, 0);
		await store.add('workspace', 'Web', spec);
		assert.deepEqual(settings.writes.map((w) => w.target), [ConfigurationTarget.Workspace]);
		assert.deepEqual(settings.workspace, [{ name: 'Web', metric: 'dau', length: 30, end: 'yesterday' }]);
		const renamed = usable(store, 'workspace', 'Web');
		await store.update(renamed, 'WEB', renamed.spec);
		assert.deepEqual(settings.workspace, [{ name: 'WEB', metric: 'dau', length: 30, end: 'yesterday' }], 'a query may change the case of its own name');
		store.dispose();
	});

	it('never writes over a value that is not a list, nor to a workspace that is not open', async () => {
		settings.workspace = { name: 'not a list' };
		const store = newStore();
		assert.match(store.readScope('workspace').problem ?? '', /must be a list/);
		assert.equal((await refusal(store.add('workspace', 'X', spec))).reason, 'notAList');
		resetSettings(undefined, undefined, false);
		store.refresh();
		assert.deepEqual(store.availableScopes(), ['user']);
		assert.equal((await refusal(store.add('workspace', 'X', spec))).reason, 'noWorkspace');
		assert.equal(settings.writes.length, 0);
		store.dispose();
	});

	it('shows and writes only user queries in a restricted (untrusted) workspace', async () => {
		resetSettings([web], [{ name: 'From the repo', metric: 'dau', length: 1, end: 'today', endpoint: 'https://rest.example.com' }], true, false);
		const store = newStore();
		assert.deepEqual(store.read().map((s) => s.scope), ['user']);
		assert.equal((await refusal(store.add('workspace', 'X', spec))).reason, 'noWorkspace');
		assert.equal(settings.writes.length, 0);
		store.dispose();
	});

	it('runs concurrent writes one after the other, so none is lost', async () => {
		resetSettings(undefined, undefined);
		const store = newStore();
		await Promise.all([store.add('user', 'A', spec), store.add('user', 'B', spec), store.add('user', 'C', spec, 0)]);
		assert.deepEqual((settings.user as Array<{ name: string }>).map((e) => e.name), ['A', 'C', 'B']);
		store.dispose();
	});

	it('reads again and tells the views when the setting changes from outside, and only then', () => {
		const store = newStore();
		let changes = 0;
		store.onDidChange(() => changes++);
		assert.equal(store.readScope('user').items.length, 3);
		changeSettingsFromOutside('user', [web], 'braze.restEndpoint');
		assert.equal(changes, 0);
		assert.equal(store.readScope('user').items.length, 3, 'still the cached read');
		changeSettingsFromOutside('user', [web]);
		assert.equal(changes, 1);
		assert.deepEqual(store.readScope('user').items.map((i) => i.name), ['Web']);
		store.dispose();
	});

	it('keeps last run times per scope and name, following renames and forgetting deleted queries', async () => {
		resetSettings([web], [web]);
		const store = newStore();
		await store.recordRun('user', 'Web', '2024-05-10T08:00:00.000Z');
		assert.equal(store.lastRun('user', 'web'), '2024-05-10T08:00:00.000Z');
		assert.equal(store.lastRun('workspace', 'Web'), undefined);
		await store.update(usable(store, 'user', 'Web'), 'Website', usable(store, 'user', 'Web').spec);
		assert.equal(store.lastRun('user', 'Web'), undefined);
		assert.equal(store.lastRun('user', 'Website'), '2024-05-10T08:00:00.000Z');
		await store.remove(usable(store, 'user', 'Website'));
		assert.equal(store.lastRun('user', 'Website'), undefined);
		store.dispose();
	});
});
