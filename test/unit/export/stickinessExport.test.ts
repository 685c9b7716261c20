// A stickiness result in files: the JSON holds both source series and the ratio, and reads back with the ratio
// recomputed; the CSV holds the ratio as a fraction of 1.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildExportDocument, parseExportDocument, serializeExportDocument, suggestedExportFileName } from '../../../src/export/document';
import { seriesToCsv } from '../../../src/shared/csv';
import { englishL10n } from '../../../src/shared/l10n';
import type { PanelResult } from '../../../src/shared/protocol';
import { stickinessSeries } from '../../../src/shared/stickinessResult';
import type { StickinessSources } from '../../../src/shared/stickinessResult';
import { series } from '../shared/seriesFixtures';

function stickyResult(dau: (number | null)[], mau: (number | null)[]): PanelResult {
	const sources: StickinessSources = { dau: { ...series('2024-05-09', dau), metric: 'dau' }, mau: { ...series('2024-05-09', mau, false, 'mau'), metric: 'mau' } };
	return {
		query: { metric: 'stickiness', length: dau.length, end: { kind: 'yesterday' }, appId: 'ios', connection: 'Prod' },
		instance: { label: 'US-01', host: 'rest.iad-01.braze.com' },
		series: stickinessSeries(sources),
		sources,
		fetchedAt: '2024-05-10T08:15:00.000Z',
		rateLimit: null,
	};
}

describe('a stickiness export', () => {
	const result = stickyResult([300, null, 250, 7], [1200, 1000, null, 21]);

	it('JSON: one row per day with DAU or MAU, both values as Braze sends them and their ratio', () => {
		const doc = JSON.parse(serializeExportDocument(buildExportDocument(result, '1.2.3'))) as { data: unknown[]; query: Record<string, unknown> };
		assert.deepEqual(doc.data, [
			{ time: '2024-05-06', dau: 300, mau: 1200, stickiness: 0.25 },
			{ time: '2024-05-07', mau: 1000 },
			{ time: '2024-05-08', dau: 250 },
			{ time: '2024-05-09', dau: 7, mau: 21, stickiness: 1 / 3 },
		]);
		assert.equal(doc.query.metric, 'stickiness');
		assert.equal(suggestedExportFileName(result, 'json'), 'braze-stickiness-ios-2024-05-09.json');
	});

	it('JSON reads back as the same result, the ratio recomputed from DAU and MAU (a changed ratio is ignored)', () => {
		const text = serializeExportDocument(buildExportDocument(result, '1.2.3'));
		const parsed = parseExportDocument(text, englishL10n);
		assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
		// The connection comes back as a label of the file's.
		const query = { ...result.query };
		delete query.connection;
		assert.deepEqual(parsed.result, { ...result, query, source: { file: '', connection: 'Prod' } });
		const forged = text.replace('"stickiness": 0.25', '"stickiness": 0.99');
		assert.notEqual(forged, text);
		const again = parseExportDocument(forged, englishL10n);
		assert.ok(again.ok);
		assert.equal(again.result.series.points[0]?.value, 0.25);
	});

	it('JSON: a bad DAU or MAU value, or a row with neither, is refused by name', () => {
		const file = JSON.parse(serializeExportDocument(buildExportDocument(result, '1.2.3'))) as { data: Record<string, unknown>[] };
		const problem = (edit: (rows: Record<string, unknown>[]) => void): string => {
			const copy = structuredClone(file);
			edit(copy.data);
			const parsed = parseExportDocument(JSON.stringify(copy), englishL10n);
			return parsed.ok ? 'accepted' : parsed.problem;
		};
		assert.equal(problem((rows) => { rows[1].mau = 2.5; }), '"data[1].mau" must be a whole number, 0 or more.');
		assert.equal(problem((rows) => { rows[0].dau = -1; }), '"data[0].dau" must be a whole number, 0 or more.');
		assert.equal(problem((rows) => { rows[3] = { time: '2024-05-09', stickiness: 0.5 }; }), '"data[3].dau" must be a whole number, 0 or more.');
	});

	it('CSV: date,stickiness with the ratio as a fraction of 1 (six decimals), a gap as an empty cell', () => {
		assert.equal(seriesToCsv(result.series), 'date,stickiness\n2024-05-06,0.25\n2024-05-07,\n2024-05-08,\n2024-05-09,0.333333\n');
	});
});
