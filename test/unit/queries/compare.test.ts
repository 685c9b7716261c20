// Saved queries with a comparison: stored as written, a bad one shown broken with exactly what is wrong.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/shared/l10n';
import { checkSavedQueryEntry, describeApps, describeQuery, readScopeQueries, toSettingsEntry } from '../../../src/queries/model';
import type { KpiQuerySpec } from '../../../src/shared/query';

const spec: KpiQuerySpec = { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: 'ios-id', compare: { apps: ['android-id', null], period: 'year' } };

describe('saved queries with compare', () => {
	it('stores the comparison as "compare": {"apps", "period"} and reads it back', () => {
		const entry = toSettingsEntry('iOS vs Android', spec);
		assert.deepEqual(entry.compare, { apps: ['android-id', null], period: 'year' });
		const checked = checkSavedQueryEntry(JSON.parse(JSON.stringify(entry)), englishL10n);
		assert.deepEqual(checked, { kind: 'query', name: 'iOS vs Android', spec });
	});

	it('removes the comparison from an edited entry that no longer has one', () => {
		const plain: KpiQuerySpec = { metric: spec.metric, length: spec.length, end: spec.end, appId: spec.appId };
		const entry = toSettingsEntry('DAU', plain, { name: 'DAU', metric: 'dau', length: 30, end: 'yesterday', compare: { apps: ['x'] } });
		assert.equal('compare' in entry, false);
	});

	const broken: [string, unknown, string][] = [
		['an empty comparison', {}, '"compare" compares with nothing: add an app to "compare.apps" or a "period", or remove "compare"'],
		['an app twice', { apps: ['android-id', 'android-id'] }, '"compare.apps" names an app twice, or the query\'s own app: each series is drawn once'],
		['the query\'s own app', { apps: ['ios-id'] }, '"compare.apps" names an app twice, or the query\'s own app: each series is drawn once'],
		['a name instead of an identifier', { apps: ['Shop Android'] }, 'each app in "compare.apps" must be an app identifier without spaces, or null for all apps'],
		['an unknown period', { period: 'week' }, '"compare.period" must be "previous" or "year"'],
	];
	for (const [what, compare, problem] of broken) {
		it(`shows ${what} as broken, saying what is wrong, and keeps the entry as written`, () => {
			const raw = { name: 'Q', metric: 'dau', length: 30, end: 'yesterday', appId: 'ios-id', compare };
			const copy = JSON.stringify(raw);
			const scope = readScopeQueries('user', [raw], englishL10n);
			const item = scope.items[0];
			assert.ok(item && item.kind === 'broken');
			assert.equal(item.problem, problem);
			assert.equal(JSON.stringify(item.raw), copy);
		});
	}

	it('describes the apps by name, with the overlay', () => {
		const label = (id: string) => ({ 'ios-id': 'iOS', 'android-id': 'Android' })[id] ?? id;
		assert.equal(describeApps(spec, englishL10n, label), 'iOS vs Android vs all apps, with the year before');
		assert.equal(describeApps({ appId: null, compare: { apps: [], period: 'previous' } }, englishL10n), 'all apps, with the previous period');
		assert.equal(describeQuery(spec, 'DAU', englishL10n, undefined, label), 'DAU · iOS vs Android vs all apps, with the year before · last 30 days to yesterday');
	});
});
