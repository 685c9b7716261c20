// Copy as CSV and Export to CSV carry every series of a comparison, one column each, and a comparison survives an export.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, resultToCsv } from '../../../src/export/resultCsv';
import { buildExportDocument, parseExportDocument, serializeExportDocument } from '../../../src/export/document';
import { englishL10n } from '../../../src/shared/l10n';
import type { DailySeries } from '../../../src/shared/kpi';
import type { PanelResult } from '../../../src/shared/protocol';

function series(values: (number | null)[], firstDate = '2026-10-01'): DailySeries {
	const points = values.map((value, i) => ({ date: `2026-10-${String(Number(firstDate.slice(8)) + i).padStart(2, '0')}`, value }));
	return { metric: 'dau', firstDate, lastDate: points.at(-1)?.date ?? firstDate, points, provisionalDate: null };
}

const result: PanelResult = {
	query: { metric: 'dau', length: 3, end: { kind: 'date', date: '2026-10-03' }, appId: 'ios-id', compare: { apps: ['android-id', null, 'web-id'], period: 'year' } },
	instance: { label: 'US-03', host: 'rest.iad-03.braze.com' },
	series: series([10, null, 12]),
	compared: [
		{ appId: 'android-id', series: series([20, 21, 22]) },
		{ appId: null, series: series([40, 41, null]) },
		{ appId: 'web-id', series: series([null, 1, 2]) },
	],
	appNames: { 'ios-id': 'iOS', 'android-id': 'Shop, "Android"' },
	fetchedAt: '2026-10-04T08:00:00.000Z',
	rateLimit: null,
};

describe('resultToCsv', () => {
	it('has one column per series, named by app name, identifier, or "all"; gaps are empty cells', () => {
		assert.equal(resultToCsv(result), ['date,iOS,"Shop, ""Android""",all,web-id', '2026-10-01,10,20,40,', '2026-10-02,,21,41,1', '2026-10-03,12,22,,2', ''].join('\n'));
	});

	it('keeps the date,<metric> form for a single series', () => {
		const single: PanelResult = { ...result, compared: [] };
		assert.equal(resultToCsv(single), ['date,dau', '2026-10-01,10', '2026-10-02,', '2026-10-03,12', ''].join('\n'));
	});

	it('never lets a cell start a spreadsheet formula', () => {
		assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
		assert.equal(csvCell('-1'), "'-1");
	});
});

describe('the JSON export of a comparison', () => {
	it('adds appName next to app_id, the compared apps\' rows, and reads them back exactly', () => {
		const document = buildExportDocument(result, '1.2.3');
		assert.equal(document.query.appName, 'iOS');
		assert.deepEqual(document.query.compare, { apps: ['android-id', null, 'web-id'], period: 'year' });
		assert.deepEqual(document.compared?.map((c) => [c.app_id, c.appName, c.data.length]), [['android-id', 'Shop, "Android"', 3], ['all', undefined, 2], ['web-id', undefined, 2]]);
		const parsed = parseExportDocument(serializeExportDocument(document), englishL10n);
		assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
		assert.deepEqual(parsed.result.compared, result.compared);
		assert.deepEqual(parsed.result.appNames, result.appNames);
		assert.deepEqual(parsed.result.query.compare, result.query.compare);
	});

	it('refuses a file whose compared rows do not match its query\'s comparison', () => {
		const document = buildExportDocument(result, '1.2.3');
		const broken = { ...document, compared: document.compared?.slice(1) };
		const parsed = parseExportDocument(JSON.stringify(broken), englishL10n);
		assert.deepEqual(parsed, { ok: false, problem: '"compared" must hold one entry per app of "query.compare.apps".' });
	});
});
