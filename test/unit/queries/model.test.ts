import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frenchL10n } from '../frenchL10n';
import { englishL10n } from '../../../src/shared/l10n';
import type { L10n } from '../../../src/shared/l10n';
import {
	MAX_QUERY_NAME_LENGTH,

	checkSavedQueryEntry,
	describeQuery,
	describeRange,

	readScopeQueries,
	suggestQueryName,
	takenNames,
	toSettingsEntry,
	uniqueQueryName,
	validateNewQueryName,
} from '../../../src/queries/model';
import type { BrokenSavedQuery, SavedQueryItem, UsableSavedQuery } from '../../../src/queries/model';
import { canonicalJson, locateEntry } from '../../../src/shared/settingsEntries';
import { resolveSeriesEnd } from '../../../src/shared/query';
import type { KpiQuerySpec } from '../../../src/shared/query';

const dau30: KpiQuerySpec = { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: null };

function usable(item: SavedQueryItem | undefined): UsableSavedQuery {
	assert.ok(item, 'item exists');
	assert.equal(item.kind, 'query', item.kind === 'broken' ? item.problem : '');
	return item;
}

function broken(item: SavedQueryItem | undefined): BrokenSavedQuery {
	assert.ok(item, 'item exists');
	assert.equal(item.kind, 'broken');
	return item;
}

/** The problem of a single entry read on its own. */
function problemOf(entry: unknown): string {
	const checked = checkSavedQueryEntry(entry, englishL10n);
	assert.equal(checked.kind, 'broken', `expected ${JSON.stringify(entry)} to be rejected`);
	return checked.kind === 'broken' ? checked.problem : '';
}

describe('readScopeQueries', () => {
	it('reads the documented entry shape, keeping relative ends relative and fixed dates fixed', () => {
		const scope = readScopeQueries('user', [
			{ name: 'Web DAU', metric: 'dau', length: 30, end: 'yesterday', appId: 'abc-123' },
			{ name: 'MAU to date', metric: 'mau', length: 7, end: '2024-02-29', endpoint: 'EU-01' },
			{ name: 'Today', metric: 'new_users', length: 14, end: 'today', endpoint: 'https://rest.example.braze.com' },
		], englishL10n);
		assert.equal(scope.problem, null);
		assert.deepEqual(scope.items.map((i) => usable(i).spec), [
			{ metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: 'abc-123' },
			{ metric: 'mau', length: 7, end: { kind: 'date', date: '2024-02-29' }, appId: null, endpoint: 'EU-01' },
			{ metric: 'new_users', length: 14, end: { kind: 'today' }, appId: null, endpoint: 'https://rest.example.braze.com' },
		]);
		assert.deepEqual(scope.items.map((i) => [i.scope, i.index, i.name]), [['user', 0, 'Web DAU'], ['user', 1, 'MAU to date'], ['user', 2, 'Today']]);
	});

	it('turns each kind of broken entry into an item that says what is wrong, in place, with its raw value kept', () => {
		const raw: unknown[] = [
			'dau',
			{ metric: 'dau', length: 30, end: 'yesterday' },
			{ name: 42, metric: 'dau', length: 30, end: 'yesterday' },
			{ name: '   ', metric: 'dau', length: 30, end: 'yesterday' },
			{ name: 'Upper', metric: 'DAU', length: 30, end: 'yesterday' },
			{ name: 'Zero', metric: 'dau', length: 0, end: 'yesterday' },
			{ name: 'Text length', metric: 'dau', length: '30', end: 'yesterday' },
			{ name: 'Too long', metric: 'dau', length: 10_001, end: 'yesterday' },
			{ name: 'Tomorrow', metric: 'dau', length: 30, end: 'tomorrow' },
			{ name: 'Not a date', metric: 'dau', length: 30, end: '2023-02-29' },
			{ name: 'Spaced app', metric: 'dau', length: 30, end: 'yesterday', appId: 'my app' },
			{ name: 'Plain http', metric: 'dau', length: 30, end: 'yesterday', endpoint: 'http://rest.example.com' },
			{ name: 'Good', metric: 'dau', length: 30, end: 'yesterday' },
		];
		const scope = readScopeQueries('workspace', raw, englishL10n);
		assert.equal(scope.items.length, raw.length, 'nothing is dropped');
		const problems = scope.items.slice(0, -1).map((item) => broken(item).problem);
		assert.match(problems[0], /^The entry must be an object such as .*, not "dau"\.$/);
		assert.equal(problems[1], 'The entry has no "name": add one.');
		assert.equal(problems[2], 'The name must be text, not 42.');
		assert.equal(problems[3], 'The name is empty: enter one.');
		assert.match(problems[4], /^"metric" must be one of dau, mau, new_users, uninstalls/);
		assert.match(problems[5], /^"length" must be a whole number of days from 1 to 3650/);
		assert.match(problems[6], /^"length" /);
		assert.match(problems[7], /^"length" /);
		assert.match(problems[8], /^"end" must be "yesterday", "today" or a YYYY-MM-DD date/);
		assert.match(problems[9], /^"end" /);
		assert.match(problems[10], /^"appId" /);
		assert.equal(problems[11], '"endpoint" must be an instance label such as US-01 or an https:// URL.');
		assert.equal(usable(scope.items.at(-1)).name, 'Good');
		scope.items.forEach((item, index) => {
			assert.equal(item.index, index);
			assert.equal(item.raw, raw[index], 'the raw element is the one read, untouched');
		});
		assert.equal(broken(scope.items[4]).name, 'Upper', 'a broken entry keeps its name when it has one');
		assert.equal(broken(scope.items[1]).name, null);
	});

	it('marks a later entry whose name repeats an earlier one, ignoring case and spaces', () => {
		const scope = readScopeQueries('user', [
			{ name: 'Web', metric: 'dau', length: 30, end: 'yesterday' },
			{ name: ' web ', metric: 'mau', length: 30, end: 'yesterday' },
		], englishL10n);
		usable(scope.items[0]);
		assert.equal(broken(scope.items[1]).problem, 'Another query above is already named "web": rename one of them.');
	});

	it('reads an absent setting as empty and a value that is not a list as a problem of the whole scope', () => {
		assert.deepEqual(readScopeQueries('user', undefined, englishL10n), { scope: 'user', items: [], problem: null });
		const scope = readScopeQueries('workspace', { name: 'x' }, englishL10n);
		assert.deepEqual(scope.items, []);
		assert.equal(scope.problem, 'The braze.savedQueries setting must be a list of queries, not {"name":"x"}.');
	});

	it('accepts an instance label, a bare host or an https URL as endpoint', () => {
		for (const endpoint of ['US-01', 'eu-02', 'rest.iad-03.braze.com', 'https://rest.au-01.braze.com/']) {
			const checked = checkSavedQueryEntry({ name: 'n', metric: 'dau', length: 1, end: 'today', endpoint }, englishL10n);
			assert.equal(checked.kind, 'query', endpoint);
		}
		assert.match(problemOf({ name: 'n', metric: 'dau', length: 1, end: 'today', endpoint: '' }), /^"endpoint" /);
		assert.match(problemOf({ name: 'n', metric: 'dau', length: 1, end: 'today', endpoint: 'ftp://x' }), /^"endpoint" /);
	});

	it('words every problem through the given l10n', () => {
		const marking: L10n = { t: (message, ...args) => `«${englishL10n.t(message, ...args)}»` };
		const checked = checkSavedQueryEntry({ metric: 'dau' }, marking);
		assert.deepEqual(checked, { kind: 'broken', name: null, problem: '«The entry has no "name": add one.»' });
		assert.equal(readScopeQueries('user', 3, marking).problem, '«The braze.savedQueries setting must be a list of queries, not 3.»');
	});
});

describe('relative ends', () => {
	it('resolve to a new last day as the calendar moves, while a fixed date stays put', () => {
		const [relative, fixed] = readScopeQueries('user', [
			{ name: 'Rolling', metric: 'dau', length: 30, end: 'yesterday' },
			{ name: 'Fixed', metric: 'dau', length: 30, end: '2024-03-31' },
		], englishL10n).items.map(usable);
		const may10 = new Date(2024, 4, 10, 9, 30);
		const may11 = new Date(2024, 4, 11, 0, 5);
		assert.equal(resolveSeriesEnd(relative.spec.end, may10).endDate, '2024-05-09');
		assert.equal(resolveSeriesEnd(relative.spec.end, may11).endDate, '2024-05-10');
		assert.equal(resolveSeriesEnd(fixed.spec.end, may10).endDate, '2024-03-31');
		assert.equal(resolveSeriesEnd(fixed.spec.end, may11).endDate, '2024-03-31');
	});

	it('are written back in their short relative form, never pinned to a date', () => {
		assert.equal(toSettingsEntry('Rolling', dau30).end, 'yesterday');
		assert.equal(toSettingsEntry('Now', { ...dau30, end: { kind: 'today' } }).end, 'today');
		assert.equal(toSettingsEntry('Fixed', { ...dau30, end: { kind: 'date', date: '2024-01-31' } }).end, '2024-01-31');
	});
});

describe('names', () => {
	it('are unique per scope regardless of case and surrounding spaces; the renamed query may keep its own name', () => {
		const taken = ['Web DAU', 'iOS'];
		assert.equal(validateNewQueryName('Android', taken, englishL10n), undefined);
		assert.equal(validateNewQueryName('  web dau ', taken, englishL10n), 'A query named "web dau" already exists here: choose another name.');
		assert.equal(validateNewQueryName('WEB DAU', taken, englishL10n, 'Web DAU'), undefined);
		assert.equal(validateNewQueryName('ios', taken, englishL10n, 'Web DAU'), 'A query named "ios" already exists here: choose another name.');
	});

	it('must not be empty, too long or hold control characters', () => {
		assert.equal(validateNewQueryName('  ', [], englishL10n), 'The name is empty: enter one.');
		assert.equal(validateNewQueryName('x'.repeat(MAX_QUERY_NAME_LENGTH + 1), [], englishL10n), `The name is longer than ${MAX_QUERY_NAME_LENGTH} characters: shorten it.`);
		assert.equal(validateNewQueryName('a\tb', [], englishL10n), 'The name contains control characters: remove them.');
	});

	it('count broken entries that have a name, so fixing one by hand never makes a clash', () => {
		const scope = readScopeQueries('user', [{ name: 'Broken', metric: 'nope' }, { metric: 'dau' }, { name: 'Fine', metric: 'dau', length: 1, end: 'today' }], englishL10n);
		assert.deepEqual(takenNames(scope), ['Broken', 'Fine']);
	});

	it('get a free suffix when the wanted one is taken', () => {
		assert.equal(uniqueQueryName('Web', ['Other']), 'Web');
		assert.equal(uniqueQueryName('Web', ['web', 'Web (2)']), 'Web (3)');
	});

	it('are suggested from the query', () => {
		assert.equal(suggestQueryName(dau30, 'DAU', englishL10n), 'DAU, last 30 days to yesterday');
		assert.equal(suggestQueryName({ ...dau30, appId: 'app-1', end: { kind: 'today' }, length: 7 }, 'DAU', englishL10n), 'DAU for app-1, last 7 days to today');
		assert.ok(suggestQueryName({ ...dau30, appId: 'a'.repeat(256) }, 'DAU', englishL10n).length <= MAX_QUERY_NAME_LENGTH);
	});

	it('name the apps compared and the period drawn, by their names when known, in English and in French', () => {
		const names: Record<string, string> = { 'ios-id': 'iOS', 'android-id': 'Android' };
		const label = (id: string) => names[id] ?? id;
		const compared = { ...dau30, appId: 'ios-id', compare: { apps: ['android-id'], period: 'year' as const } };
		assert.equal(suggestQueryName(compared, 'DAU', englishL10n, label), 'DAU, iOS vs Android, last 30 days to yesterday, with the year before');
		assert.equal(suggestQueryName({ ...compared, compare: { apps: [null], period: 'previous' as const } }, 'DAU', englishL10n), 'DAU, ios-id vs all apps, last 30 days to yesterday, with the previous period');
		assert.equal(suggestQueryName({ ...compared, compare: { apps: ['android-id'] } }, 'DAU', englishL10n, label), 'DAU, iOS vs Android, last 30 days to yesterday');
		assert.equal(suggestQueryName(compared, 'DAU', frenchL10n, label), 'DAU, iOS vs Android, 30 derniers jours jusqu\'à hier, avec l\'année précédente');
		assert.equal(suggestQueryName({ ...dau30, appId: 'ios-id' }, 'DAU', englishL10n, label), 'DAU for iOS, last 30 days to yesterday');
	});
});

describe('descriptions', () => {
	it('say the range in words', () => {
		assert.equal(describeRange(30, { kind: 'yesterday' }, englishL10n), 'last 30 days to yesterday');
		assert.equal(describeRange(7, { kind: 'today' }, englishL10n), 'last 7 days to today');
		assert.equal(describeRange(30, { kind: 'date', date: '2024-05-01' }, englishL10n), '30 days to 2024-05-01');
		assert.equal(describeRange(1, { kind: 'yesterday' }, englishL10n), 'yesterday');
		assert.equal(describeRange(1, { kind: 'today' }, englishL10n), 'today');
		assert.equal(describeRange(1, { kind: 'date', date: '2024-05-01' }, englishL10n), '2024-05-01');
	});

	it('give the metric, the app and the range, and the instance only when the query names one', () => {
		assert.equal(describeQuery(dau30, 'DAU', englishL10n), 'DAU · all apps · last 30 days to yesterday');
		assert.equal(describeQuery({ ...dau30, appId: 'ios-app', endpoint: 'EU-01' }, 'DAU', englishL10n), 'DAU · ios-app · last 30 days to yesterday · EU-01');
	});
});

describe('editing one element', () => {
	it('writes the documented shape and leaves out what the query does not name', () => {
		assert.deepEqual(toSettingsEntry(' Web ', dau30), { name: 'Web', metric: 'dau', length: 30, end: 'yesterday' });
		assert.deepEqual(toSettingsEntry('Web', { ...dau30, appId: 'a', endpoint: 'US-02' }), { name: 'Web', metric: 'dau', length: 30, end: 'yesterday', appId: 'a', endpoint: 'US-02' });
	});

	it('keeps keys it does not know, in their place, and drops an app id the edit removed', () => {
		const previous = { $comment: 'team dashboard', name: 'Web', metric: 'dau', length: 30, end: 'yesterday', appId: 'a' };
		const entry = toSettingsEntry('Web', { ...dau30, length: 60 }, previous);
		assert.deepEqual(Object.keys(entry), ['$comment', 'name', 'metric', 'length', 'end']);
		assert.equal(entry.length, 60);
		assert.equal(previous.appId, 'a', 'the element read is not mutated');
	});

	it('finds the element it read: in place, moved, or not at all when it changed meanwhile', () => {
		const a = { name: 'A', metric: 'dau', length: 1, end: 'today' };
		const b = { name: 'B', metric: 'dau', length: 1, end: 'today' };
		const aReordered = { end: 'today', length: 1, metric: 'dau', name: 'A' };
		assert.equal(locateEntry([a, b], 0, a), 0);
		assert.equal(locateEntry([a, b], 0, aReordered), 0, 'key order does not matter');
		assert.equal(locateEntry([b, 'new', a], 0, a), 2, 'found where another window moved it');
		assert.equal(locateEntry([{ ...a, length: 2 }, b], 0, a), -1, 'changed elsewhere: refuse');
		assert.equal(locateEntry([b], 0, a), -1, 'deleted elsewhere: refuse');
		assert.equal(locateEntry([b, a, a], 0, a), -1, 'ambiguous: refuse');
		assert.equal(locateEntry([a, a], 1, a), 1, 'identical twins: the one at its own index');
		assert.equal(locateEntry(['x'], 3, 'x'), 0);
	});

	it('compares entries by canonical JSON', () => {
		assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
		assert.equal(canonicalJson(undefined), 'undefined');
	});
});
