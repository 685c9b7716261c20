// Stickiness with a period overlay in the JSON export: the overlay's block holds its own DAU and MAU rows (and their
// ratio, which reading back recomputes), read back strictly; older files without the block still open.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildExportDocument, parseExportDocument, serializeExportDocument } from '../../../src/export/document';
import type { ExportDocument } from '../../../src/export/document';
import { resultToCsv } from '../../../src/export/resultCsv';
import { addDays } from '../../../src/shared/dates';
import type { DailySeries } from '../../../src/shared/kpi';
import { englishL10n } from '../../../src/shared/l10n';
import type { L10n } from '../../../src/shared/l10n';
import { displayedResult, parsePanelResult } from '../../../src/shared/protocol';
import type { PanelResult } from '../../../src/shared/protocol';
import { stickinessSeries, toStickinessSources } from '../../../src/shared/stickinessResult';
import type { StickinessSources } from '../../../src/shared/stickinessResult';
import { readJson } from '../../support/repo';

function sources(firstDate: string, dau: (number | null)[], mau: (number | null)[]): StickinessSources {
	const of = (metric: 'dau' | 'mau', values: (number | null)[]): DailySeries => {
		const points = values.map((value, i) => ({ date: addDays(firstDate, i), value }));
		return { metric, firstDate, lastDate: points.at(-1)?.date ?? firstDate, points, provisionalDate: null };
	};
	return toStickinessSources(of('dau', dau), of('mau', mau));
}

const QUERY = { metric: 'stickiness', length: 3, end: { kind: 'date', date: '2026-10-06' }, appId: 'ios-id' } as const;
const INSTANCE = { label: 'US-03', host: 'rest.iad-03.braze.com' };

/** Three days shown (2026-10-04 to 10-06); the sources also hold the previous period, 10-01 to 10-03, as a panel fetches it. */
const held = sources('2026-10-01', [100, null, 120, 200, 210, 220], [1000, 1000, null, 1000, 1050, null]);
const withPrevious: PanelResult = {
	query: { ...QUERY, compare: { apps: [], period: 'previous' } },
	instance: INSTANCE,
	series: stickinessSeries(held),
	sources: held,
	fetchedAt: '2026-10-07T08:00:00.000Z',
	rateLimit: null,
};

/** The same three days a year before, with their DAU and MAU (MAU 0 on one day: a gap in the ratio). */
const shown = sources('2026-10-04', [200, 210, 220], [1000, 1050, 1100]);
const yearSources = sources('2025-10-04', [90, 95, null], [900, 0, 1000]);
const withYear: PanelResult = {
	query: { ...QUERY, compare: { apps: [], period: 'year' } },
	instance: INSTANCE,
	series: stickinessSeries(shown),
	sources: shown,
	yearBefore: stickinessSeries(yearSources),
	yearBeforeSources: yearSources,
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

function exported(result: PanelResult): ExportDocument {
	return JSON.parse(serializeExportDocument(buildExportDocument(displayedResult(result), '1.2.3'))) as ExportDocument;
}

function read(document: unknown): PanelResult {
	const parsed = parseExportDocument(JSON.stringify(document), englishL10n);
	assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
	return parsed.result;
}

function problemOf(document: unknown, l10n: L10n = englishL10n): string {
	const parsed = parseExportDocument(JSON.stringify(document), l10n);
	assert.ok(!parsed.ok, 'the file is refused');
	return parsed.problem;
}

/** The document with `patch` applied to its overlay block `name`. */
function withBlock(document: ExportDocument, name: 'previousPeriod' | 'yearBefore', patch: Record<string, unknown>): unknown {
	return { ...document, [name]: { ...document[name], ...patch } };
}

describe('the JSON export of stickiness with a period overlay', () => {
	it('writes the previous period\'s DAU and MAU rows with their ratio, over its own days', () => {
		const document = exported(withPrevious);
		assert.deepEqual(document.previousPeriod, {
			firstDate: '2026-10-01',
			lastDate: '2026-10-03',
			data: [{ time: '2026-10-01', dau: 100, mau: 1000, stickiness: 0.1 }, { time: '2026-10-02', mau: 1000 }, { time: '2026-10-03', dau: 120 }],
		});
		assert.deepEqual(document.data, [{ time: '2026-10-04', dau: 200, mau: 1000, stickiness: 0.2 }, { time: '2026-10-05', dau: 210, mau: 1050, stickiness: 0.2 }, { time: '2026-10-06', dau: 220 }]);
		assert.equal(document.yearBefore, undefined);
	});

	it('reads the previous period back as the panel held it: DAU and MAU before the series\' own days, the ratio derived', () => {
		const document = exported(withPrevious);
		const result = read(document);
		assert.deepEqual(result.sources, withPrevious.sources);
		assert.deepEqual(result.series, withPrevious.series);
		assert.deepEqual(exported(result), document, 'a second export is the same file');
		assert.equal(resultToCsv(displayedResult(result)), resultToCsv(displayedResult(withPrevious)));
		// A forged ratio in the overlay is not read: it is DAU ÷ MAU.
		const forged = withBlock(document, 'previousPeriod', { data: [{ time: '2026-10-01', dau: 100, mau: 1000, stickiness: 0.9 }] });
		assert.equal(read(forged).series.points[0]?.value, 0.1);
	});

	it('writes the year before\'s DAU and MAU rows over its own days, and reads them back exactly', () => {
		const document = exported(withYear);
		assert.deepEqual(document.yearBefore, {
			firstDate: '2025-10-04',
			lastDate: '2025-10-06',
			data: [{ time: '2025-10-04', dau: 90, mau: 900, stickiness: 0.1 }, { time: '2025-10-05', dau: 95, mau: 0 }, { time: '2025-10-06', mau: 1000 }],
		});
		assert.equal(document.previousPeriod, undefined);
		const result = read(document);
		assert.deepEqual(result.yearBeforeSources, yearSources);
		assert.deepEqual(result.yearBefore, withYear.yearBefore);
		assert.deepEqual(result.sources, shown);
		assert.deepEqual(exported(result), document, 'a second export is the same file');
		assert.equal(resultToCsv(result), resultToCsv(withYear));
	});

	it('leaves out a stickiness overlay whose DAU and MAU the result does not hold (its ratio stays in the CSV)', () => {
		const ratioOnly: PanelResult = { ...withYear, yearBeforeSources: undefined };
		assert.equal(exported(ratioOnly).yearBefore, undefined);
		assert.match(resultToCsv(ratioOnly).split('\n')[0] ?? '', /\(a year before\)$/);
	});

	it('still opens an older file without the block', () => {
		const { previousPeriod, ...older } = exported(withPrevious);
		assert.ok(previousPeriod);
		const result = read(older);
		assert.deepEqual(result.sources, displayedResult(withPrevious).sources, 'only the series\' own days');
		assert.equal(displayedResult(result).previousPeriod, undefined);
	});

	it('refuses wrong overlay rows and blocks with a full sentence, in English and French', () => {
		const previous = exported(withPrevious);
		const year = exported(withYear);
		assert.equal(problemOf(withBlock(previous, 'previousPeriod', { data: [{ time: '2026-10-01', dau: -1, mau: 1000 }] })), '"previousPeriod.data[0].dau" must be a whole number, 0 or more.');
		assert.equal(problemOf(withBlock(previous, 'previousPeriod', { data: [{ time: '2026-10-01', dau: 1 }, { time: '2026-10-02', stickiness: 0.5 }] })), '"previousPeriod.data[1].dau" must be a whole number, 0 or more.', 'a row needs DAU or MAU, not only a ratio');
		assert.equal(problemOf(withBlock(year, 'yearBefore', { data: [{ time: '2025-10-04', dau: 1, mau: '900' }] })), '"yearBefore.data[0].mau" must be a whole number, 0 or more.');
		assert.equal(problemOf(withBlock(year, 'yearBefore', { data: [{ time: '2025-10-07', dau: 1, mau: 2 }] })), '"yearBefore.data[0].time" must be a YYYY-MM-DD date from 2025-10-04 to 2025-10-06.');
		assert.equal(problemOf(withBlock(year, 'yearBefore', { data: [{ time: '2025-10-04', mau: 2 }, { time: '2025-10-04', dau: 1 }] })), '"yearBefore.data[1]" repeats the date 2025-10-04.');
		assert.equal(problemOf(withBlock(year, 'yearBefore', { data: null })), '"yearBefore.data" must be a list of rows.');
		assert.equal(problemOf({ ...previous, yearBefore: year.yearBefore }), '"yearBefore" belongs only to a series compared with the period "year" ("query.compare.period"); remove it or fix the query.');
		assert.equal(problemOf(withBlock(previous, 'previousPeriod', { firstDate: '2026-09-30' })), '"previousPeriod" must run from 2026-10-01 to 2026-10-03, the 3 days before the series, which must hold all 3 days.');
		assert.equal(problemOf(withBlock(year, 'yearBefore', { data: [{ time: '2025-10-04', dau: 1.5 }] }), fr), '« yearBefore.data[0].dau » doit être un nombre entier supérieur ou égal à 0.');
		assert.equal(problemOf({ ...year, previousPeriod: previous.previousPeriod }, fr), '« previousPeriod » n\'appartient qu\'à une série comparée avec la période « previous » (« query.compare.period ») ; supprimez-le ou corrigez la requête.');
	});
});

describe('a stickiness year before in a panel\'s saved state', () => {
	it('comes back with its DAU and MAU, the ratio derived from them (a stored one is not trusted)', () => {
		const state = JSON.parse(JSON.stringify({ ...withYear, yearBefore: { ...withYear.yearBefore, points: withYear.yearBefore?.points.map((p) => ({ ...p, value: 0.99 })) } })) as unknown;
		const restored = parsePanelResult(state);
		assert.ok(restored);
		assert.deepEqual(restored.yearBeforeSources, yearSources);
		assert.deepEqual(restored.yearBefore, withYear.yearBefore);
		assert.equal(parsePanelResult({ ...withYear, yearBeforeSources: { dau: yearSources.dau } }), null, 'sources without MAU are refused');
		// A ratio without its sources (a result from before they were kept) is not trusted: the rest of the result stays.
		const older = parsePanelResult(JSON.parse(JSON.stringify({ ...withYear, yearBeforeSources: undefined })));
		assert.ok(older, 'the result is kept');
		assert.equal(older.yearBefore, undefined);
		assert.deepEqual(older.sources, shown);
	});
});

describe('the exports of a stickiness comparison of apps', () => {
	// iOS as above (with its previous period); Android over the same six days, its own DAU and MAU.
	const androidHeld = sources('2026-10-01', [50, 50, 50, 60, null, 90], [500, 500, 500, 600, 600, 0]);
	const compared: PanelResult = {
		...withPrevious,
		query: { ...QUERY, compare: { apps: ['android-id'] } },
		compared: [{ appId: 'android-id', series: stickinessSeries(androidHeld), sources: androidHeld }],
		appNames: { 'ios-id': 'iOS', 'android-id': 'Android' },
	};

	it('writes each compared app\'s own DAU and MAU rows with their ratio, over the series\' days', () => {
		const document = exported(compared);
		assert.deepEqual(document.compared, [{ app_id: 'android-id', appName: 'Android', data: [{ time: '2026-10-04', dau: 60, mau: 600, stickiness: 0.1 }, { time: '2026-10-05', mau: 600 }, { time: '2026-10-06', dau: 90, mau: 0 }] }]);
		assert.deepEqual(document.data, exported(withPrevious).data);
	});

	it('reads them back with the ratio recomputed from DAU and MAU (a forged one is not trusted), to the same file', () => {
		const document = exported(compared);
		const result = read(document);
		assert.deepEqual(result.compared, displayedResult(compared).compared);
		assert.deepEqual(exported(result), document, 'a second export is the same file');
		const forged = { ...document, compared: [{ ...document.compared?.[0], data: [{ time: '2026-10-04', dau: 60, mau: 600, stickiness: 0.9 }] }] };
		assert.deepEqual(read(forged).compared?.[0]?.series.points.map((p) => p.value), [0.1, null, null]);
	});

	it('refuses a compared app\'s row that holds only a ratio, with a full sentence', () => {
		const document = exported(compared);
		const ratioOnly = { ...document, compared: [{ ...document.compared?.[0], data: [{ time: '2026-10-04', stickiness: 0.1 }] }] };
		assert.equal(problemOf(ratioOnly), '"compared[0].data[0].dau" must be a whole number, 0 or more.');
		assert.equal(problemOf(ratioOnly, fr), '« compared[0].data[0].dau » doit être un nombre entier supérieur ou égal à 0.');
	});

	it('the CSV has one ratio column per app, each from its own DAU and MAU', () => {
		assert.equal(resultToCsv(displayedResult(compared)), 'date,iOS,Android\n2026-10-04,0.2,0.1\n2026-10-05,0.2,\n2026-10-06,,\n');
	});
});
