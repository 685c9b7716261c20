// The comparison part of a query: strict parsing, its problems worded, its key, and the year-before overlay's days.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/shared/l10n';
import { MAX_COMPARED_APPS, comparisonProblem, comparisonProblemText, parseQuerySpec, querySpecKey, withValidComparison } from '../../../src/shared/query';
import type { KpiQuerySpec } from '../../../src/shared/query';
import { MAX_CHART_SERIES } from '../../../src/shared/protocol';
import { sameDayYearBefore, yearBeforeValues } from '../../../src/shared/yearBefore';
import type { DailySeries } from '../../../src/shared/kpi';

const base = { metric: 'dau', length: 30, end: 'yesterday', appId: 'ios' };

describe('parseQuerySpec with compare', () => {
	it('keeps apps in order (null for all apps) and the period', () => {
		const parsed = parseQuerySpec({ ...base, compare: { apps: ['android', null], period: 'year' } });
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.spec.compare, { apps: ['android', null], period: 'year' });
	});

	it('accepts a period alone, and apps alone', () => {
		const period = parseQuerySpec({ ...base, compare: { period: 'previous' } });
		assert.ok(period.ok);
		assert.deepEqual(period.spec.compare, { apps: [], period: 'previous' });
		const apps = parseQuerySpec({ ...base, compare: { apps: [null] } });
		assert.ok(apps.ok);
		assert.deepEqual(apps.spec.compare, { apps: [null] });
	});

	it('leaves compare out when the input has none', () => {
		const parsed = parseQuerySpec(base);
		assert.ok(parsed.ok);
		assert.equal('compare' in parsed.spec, false);
	});

	const refused: [string, unknown, string][] = [
		['an empty comparison', {}, 'empty'],
		['an empty list and no period', { apps: [] }, 'empty'],
		['the query\'s own app', { apps: ['ios'] }, 'duplicateApp'],
		['an app twice', { apps: ['android', 'android'] }, 'duplicateApp'],
		['all apps twice', { apps: [null, null] }, 'duplicateApp'],
		['an identifier with a space', { apps: ['my app'] }, 'badApp'],
		['a number', { apps: [3] }, 'badApp'],
		['apps that are not a list', { apps: 'android' }, 'appsNotAList'],
		['an unknown period', { period: 'month' }, 'badPeriod'],
		['not an object', 'android', 'notAnObject'],
		['one app too many', { apps: Array.from({ length: MAX_COMPARED_APPS + 1 }, (_, i) => `app${i}`) }, 'tooManyApps'],
	];
	for (const [what, compare, problem] of refused) {
		it(`refuses ${what}, naming the field and the problem`, () => {
			const parsed = parseQuerySpec({ ...base, compare });
			assert.deepEqual(parsed, { ok: false, field: 'compare' });
			assert.equal(comparisonProblem(compare, 'ios'), problem);
			assert.match(comparisonProblemText(comparisonProblem(compare, 'ios') ?? 'empty', englishL10n), /compare/);
		});
	}

	it('allows as many series as one chart holds', () => {
		assert.equal(MAX_COMPARED_APPS + 1, MAX_CHART_SERIES);
		const apps = Array.from({ length: MAX_COMPARED_APPS }, (_, i) => `app${i}`);
		assert.ok(parseQuerySpec({ ...base, compare: { apps } }).ok);
	});

	it('compares all apps with an app when the query is on all apps', () => {
		assert.equal(comparisonProblem({ apps: [null] }, null), 'duplicateApp');
		assert.equal(comparisonProblem({ apps: ['ios'] }, null), undefined);
	});
});

describe('querySpecKey', () => {
	const spec: KpiQuerySpec = { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: 'ios' };

	it('tells a comparison apart from the plain query, and from another comparison', () => {
		const keys = new Set([
			querySpecKey(spec),
			querySpecKey({ ...spec, compare: { apps: ['android'] } }),
			querySpecKey({ ...spec, compare: { apps: ['android'], period: 'year' } }),
			querySpecKey({ ...spec, compare: { apps: [null, 'android'] } }),
			querySpecKey({ ...spec, compare: { apps: [], period: 'previous' } }),
		]);
		assert.equal(keys.size, 5);
	});
});

describe('withValidComparison', () => {
	const spec: KpiQuerySpec = { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: 'android', compare: { apps: ['android', 'web'] } };

	it('drops the query\'s own app from the compared ones (the controls changed the app)', () => {
		assert.deepEqual(withValidComparison(spec).compare, { apps: ['web'] });
	});

	it('drops a comparison left with nothing, and keeps one left with a period', () => {
		assert.equal(withValidComparison({ ...spec, compare: { apps: ['android'] } }).compare, undefined);
		assert.deepEqual(withValidComparison({ ...spec, compare: { apps: ['android'], period: 'year' } }).compare, { apps: [], period: 'year' });
	});
});

describe('the year-before overlay', () => {
	it('takes the same calendar day a year before; 29 February becomes 28 February', () => {
		assert.equal(sameDayYearBefore('2026-10-15'), '2025-10-15');
		assert.equal(sameDayYearBefore('2024-02-29'), '2023-02-28');
		assert.equal(sameDayYearBefore('2025-03-01'), '2024-03-01');
		assert.equal(sameDayYearBefore('2025-01-01'), '2024-01-01');
	});

	it('lines the year before up by day of the range, whatever the leap days', () => {
		const series = (firstDate: string, values: (number | null)[]): DailySeries => {
			const points = values.map((value, i) => ({ date: new Date(Date.parse(firstDate) + i * 86_400_000).toISOString().slice(0, 10), value }));
			return { metric: 'dau', firstDate, lastDate: points.at(-1)?.date ?? firstDate, points, provisionalDate: null };
		};
		const shown = series('2024-02-28', [1, 2, 3]);
		const before = series('2023-02-26', [9, 10, 11, null]);
		assert.deepEqual(yearBeforeValues(before, shown), [10, 11, null]);
		assert.deepEqual(yearBeforeValues(series('2023-02-27', [5]), shown), [null, null, 5]);
	});
});
