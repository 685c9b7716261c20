// A comparison's period overlay (the previous period, the year before) in Copy as CSV / Export to CSV and the JSON
// export: its own column aligned by day as the chart draws it, its own block read back strictly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resultToCsv } from '../../../src/export/resultCsv';
import { buildExportDocument, parseExportDocument, serializeExportDocument } from '../../../src/export/document';
import type { ExportDocument } from '../../../src/export/document';
import { addDays } from '../../../src/shared/dates';
import { englishL10n } from '../../../src/shared/l10n';
import type { L10n } from '../../../src/shared/l10n';
import type { DailySeries } from '../../../src/shared/kpi';
import { displayedResult } from '../../../src/shared/protocol';
import type { PanelResult } from '../../../src/shared/protocol';
import { readJson } from '../../support/repo';

function series(firstDate: string, values: (number | null)[]): DailySeries {
	const points = values.map((value, i) => ({ date: addDays(firstDate, i), value }));
	return { metric: 'dau', firstDate, lastDate: points.at(-1)?.date ?? firstDate, points, provisionalDate: null };
}

/** Three days shown (2026-10-04 to 10-06); the series also holds the previous period, 10-01 to 10-03, with a gap. */
const withPrevious: PanelResult = {
	query: { metric: 'dau', length: 3, end: { kind: 'date', date: '2026-10-06' }, appId: 'ios-id', compare: { apps: ['android-id'], period: 'previous' } },
	instance: { label: 'US-03', host: 'rest.iad-03.braze.com' },
	series: series('2026-10-01', [5, null, 7, 10, 11, null]),
	compared: [{ appId: 'android-id', series: series('2026-10-01', [1, 2, 3, 20, null, 22]) }],
	appNames: { 'ios-id': 'iOS', 'android-id': 'Android' },
	fetchedAt: '2026-10-07T08:00:00.000Z',
	rateLimit: null,
};

/** The same three days a year before, one of them a gap. */
const withYear: PanelResult = {
	query: { metric: 'dau', length: 3, end: { kind: 'date', date: '2026-10-06' }, appId: null, compare: { apps: [], period: 'year' } },
	instance: { label: null, host: 'rest.iad-03.braze.com' },
	series: series('2026-10-04', [10, 11, 12]),
	yearBefore: series('2025-10-04', [100, null, 102]),
	fetchedAt: '2026-10-07T08:00:00.000Z',
	rateLimit: null,
};

const french = readJson('l10n/bundle.l10n.fr.json') as Record<string, string>;
const fr: L10n = {
	t: (message, ...args) => {
		const translated = french[message];
		assert.equal(typeof translated, 'string', `no French for ${JSON.stringify(message)}`);
		return englishL10n.t(translated, ...args);
	},
};

function problemOf(document: unknown, l10n: L10n = englishL10n): string {
	const parsed = parseExportDocument(JSON.stringify(document), l10n);
	assert.ok(!parsed.ok, 'the file is refused');
	return parsed.problem;
}

describe('the CSV of a comparison with a period overlay', () => {
	it('adds "<main column> (previous period)", aligned by day, after the apps; gaps are empty cells', () => {
		assert.equal(resultToCsv(displayedResult(withPrevious)), ['date,iOS,Android,iOS (previous period)', '2026-10-04,10,20,5', '2026-10-05,11,,', '2026-10-06,,22,7', ''].join('\n'));
	});

	it('names a single series\' overlay after its metric, and takes the previous period from the full result too', () => {
		const single: PanelResult = { ...withPrevious, query: { ...withPrevious.query, compare: { apps: [], period: 'previous' } }, compared: undefined };
		const expected = ['date,dau,dau (previous period)', '2026-10-04,10,5', '2026-10-05,11,', '2026-10-06,,7', ''].join('\n');
		assert.equal(resultToCsv(displayedResult(single)), expected);
	});

	it('has no overlay column when the result does not hold the whole previous period, or the query does not ask for it', () => {
		const short: PanelResult = { ...withPrevious, series: series('2026-10-02', [null, 7, 10, 11, null]), compared: undefined, query: { ...withPrevious.query, compare: { apps: [], period: 'previous' } } };
		assert.equal(resultToCsv(displayedResult(short)), ['date,dau', '2026-10-04,10', '2026-10-05,11', '2026-10-06,', ''].join('\n'));
		const toggleOnly: PanelResult = { ...withPrevious, compared: undefined, query: { ...withPrevious.query, compare: undefined } };
		assert.equal(resultToCsv(displayedResult(toggleOnly)).split('\n')[0], 'date,dau');
	});

	it('adds "(a year before)" lined up by place in the range, as the chart: a shorter year before leaves the first days empty', () => {
		assert.equal(resultToCsv(displayedResult(withYear)), ['date,dau,dau (a year before)', '2026-10-04,10,100', '2026-10-05,11,', '2026-10-06,12,102', ''].join('\n'));
		const shorter: PanelResult = { ...withYear, yearBefore: series('2025-10-05', [null, 102]) };
		assert.equal(resultToCsv(shorter), ['date,dau,dau (a year before)', '2026-10-04,10,', '2026-10-05,11,', '2026-10-06,12,102', ''].join('\n'));
	});
});

describe('the JSON export of a comparison with a period overlay', () => {
	it('writes the previous period as its own block with its own days, and reads it back as the panel held it', () => {
		const document = buildExportDocument(displayedResult(withPrevious), '1.2.3');
		assert.deepEqual(document.previousPeriod, { firstDate: '2026-10-01', lastDate: '2026-10-03', data: [{ time: '2026-10-01', dau: 5 }, { time: '2026-10-03', dau: 7 }] });
		assert.deepEqual(document.data, [{ time: '2026-10-04', dau: 10 }, { time: '2026-10-05', dau: 11 }]);
		assert.equal(document.yearBefore, undefined);
		const parsed = parseExportDocument(serializeExportDocument(document), englishL10n);
		assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
		assert.deepEqual(parsed.result.series, withPrevious.series, 'the previous period is back in front of the series');
		assert.deepEqual(buildExportDocument(displayedResult(parsed.result), '1.2.3'), document, 'a second export is the same file');
		assert.equal(resultToCsv(displayedResult(parsed.result)), resultToCsv(displayedResult(withPrevious)));
	});

	it('writes the year before with its own days, and reads it back exactly', () => {
		const document = buildExportDocument(displayedResult(withYear), '1.2.3');
		assert.deepEqual(document.yearBefore, { firstDate: '2025-10-04', lastDate: '2025-10-06', data: [{ time: '2025-10-04', dau: 100 }, { time: '2025-10-06', dau: 102 }] });
		const parsed = parseExportDocument(serializeExportDocument(document), englishL10n);
		assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
		assert.deepEqual(parsed.result.yearBefore, withYear.yearBefore);
		assert.deepEqual(parsed.result.series, withYear.series);
	});

	it('refuses malformed overlay blocks with a full sentence, in English and French', () => {
		const previous = buildExportDocument(displayedResult(withPrevious), '1.2.3');
		const year = buildExportDocument(displayedResult(withYear), '1.2.3');
		const block = (doc: ExportDocument, name: 'previousPeriod' | 'yearBefore', patch: Record<string, unknown>) => ({ ...doc, [name]: { ...doc[name], ...patch } });
		assert.equal(problemOf({ ...year, previousPeriod: previous.previousPeriod }), '"previousPeriod" belongs only to a series compared with the period "previous" ("query.compare.period"); remove it or fix the query.');
		assert.equal(problemOf({ ...previous, yearBefore: year.yearBefore }), '"yearBefore" belongs only to a series compared with the period "year" ("query.compare.period"); remove it or fix the query.');
		assert.equal(problemOf({ ...previous, previousPeriod: [] }), '"previousPeriod" must be an object.');
		assert.equal(problemOf(block(previous, 'previousPeriod', { firstDate: '2026-10-02' })), '"previousPeriod" must run from 2026-10-01 to 2026-10-03, the 3 days before the series, which must hold all 3 days.');
		assert.equal(problemOf(block(previous, 'previousPeriod', { lastDate: 'soon' })), '"previousPeriod.lastDate" must be a YYYY-MM-DD date.');
		assert.equal(problemOf(block(previous, 'previousPeriod', { data: [{ time: '2026-10-04', dau: 1 }] })), '"previousPeriod.data[0].time" must be a YYYY-MM-DD date from 2026-10-01 to 2026-10-03.');
		assert.equal(problemOf(block(previous, 'previousPeriod', { data: [{ time: '2026-10-01', dau: -1 }] })), '"previousPeriod.data[0].dau" must be a whole number, 0 or more.');
		assert.equal(problemOf(block(previous, 'previousPeriod', { data: { time: '2026-10-01' } })), '"previousPeriod.data" must be a list of rows.');
		assert.equal(problemOf(block(year, 'yearBefore', { lastDate: '2026-10-04' })), '"yearBefore.firstDate" to "yearBefore.lastDate" must span 1 to 3 days, before "query.firstDate".');
		assert.equal(problemOf(block(year, 'yearBefore', { firstDate: '2025-09-01' })), '"yearBefore.firstDate" to "yearBefore.lastDate" must span 1 to 3 days, before "query.firstDate".');
		assert.equal(problemOf(block(year, 'yearBefore', { data: [{ time: '2025-10-04', dau: 1 }, { time: '2025-10-04', dau: 2 }] })), '"yearBefore.data[1]" repeats the date 2025-10-04.');
		// A full-length series is needed for the previous period to sit right before it.
		const shortSeries = { ...previous, query: { ...previous.query, firstDate: '2026-10-05' }, data: [{ time: '2026-10-05', dau: 11 }], compared: previous.compared?.map((c) => ({ ...c, data: c.data.filter((r) => String(r.time) >= '2026-10-05') })) };
		assert.match(problemOf(shortSeries), /^"previousPeriod" must run from 2026-10-02 to 2026-10-04/);
		assert.equal(problemOf(block(year, 'yearBefore', { lastDate: '2026-10-04' }), fr), '« yearBefore.firstDate » à « yearBefore.lastDate » doivent couvrir de 1 à 3 jours, avant « query.firstDate ».');
		assert.equal(problemOf({ ...year, previousPeriod: previous.previousPeriod }, fr), '« previousPeriod » n\'appartient qu\'à une série comparée avec la période « previous » (« query.compare.period ») ; supprimez-le ou corrigez la requête.');
		assert.equal(problemOf(block(previous, 'previousPeriod', { firstDate: '2026-10-02' }), fr), '« previousPeriod » doit aller du 2026-10-01 au 2026-10-03, les 3 jours précédant la série, qui doit compter ses 3 jours.');
	});
});
