import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	EXPORT_SCHEMA_VERSION,
	buildExportDocument,
	parseExportDocument,
	sanitizeFileNamePart,
	serializeExportDocument,
	suggestedExportFileName,
} from '../../../src/export/document';
import { englishL10n } from '../../../src/shared/l10n';
import { addDays } from '../../../src/shared/dates';
import type { DailyPoint, KpiMetric } from '../../../src/shared/kpi';
import type { PanelResult } from '../../../src/shared/protocol';
import type { KpiQuerySpec } from '../../../src/shared/query';

/** A result as the runner produces it: one point per day from `lastDate - length + 1` to `lastDate`. */
function makeResult(options: { metric?: KpiMetric; values: Array<number | null>; lastDate?: string; query?: Partial<KpiQuerySpec>; provisional?: boolean }): PanelResult {
	const metric = options.metric ?? 'dau';
	const lastDate = options.lastDate ?? '2024-05-09';
	const length = options.values.length;
	const firstDate = addDays(lastDate, -(length - 1));
	const points: DailyPoint[] = options.values.map((value, i) => ({ date: addDays(firstDate, i), value }));
	return {
		query: { metric, length, end: { kind: 'yesterday' }, appId: null, ...options.query },
		instance: { label: 'US-01', host: 'rest.iad-01.braze.com' },
		series: { metric, firstDate, lastDate, points, provisionalDate: options.provisional ? lastDate : null },
		fetchedAt: '2024-05-10T08:15:00.000Z',
		rateLimit: { limit: 250000, remaining: 249990, resetEpochSeconds: 1715331600 },
	};
}

function exportText(result: PanelResult): string {
	return serializeExportDocument(buildExportDocument(result, '1.2.3'));
}

type Row = Record<string, unknown>;

/** An exported file as parsed JSON, for tests that damage it. */
interface EditableFile {
	message: unknown;
	data: Row[];
	query: Row;
}

/** The problem reported for a file whose parsed JSON was changed by `edit`. */
function problemAfter(edit: (file: EditableFile) => void): string {
	const file = JSON.parse(exportText(makeResult({ values: [10, null, 30] }))) as EditableFile;
	edit(file);
	const parsed = parseExportDocument(JSON.stringify(file), englishL10n);
	assert.equal(parsed.ok, false, 'the file should be rejected');
	return parsed.ok ? '' : parsed.problem;
}

describe('the exported document', () => {
	it("has Braze's own shape, gap days left out, and a query block describing the fetch", () => {
		const result = makeResult({ values: [100, null, 120, 0], query: { appId: 'ios-app' } });
		const doc = JSON.parse(exportText(result)) as unknown;
		assert.deepEqual(doc, {
			message: 'success',
			data: [
				{ time: '2024-05-06', dau: 100 },
				{ time: '2024-05-08', dau: 120 },
				{ time: '2024-05-09', dau: 0 },
			],
			query: {
				schemaVersion: EXPORT_SCHEMA_VERSION,
				metric: 'dau',
				instance: { label: 'US-01', host: 'rest.iad-01.braze.com' },
				app_id: 'ios-app',
				length: 4,
				ending_at: '2024-05-09T23:59:59Z',
				end: 'yesterday',
				firstDate: '2024-05-06',
				lastDate: '2024-05-09',
				provisionalDate: null,
				fetchedAt: '2024-05-10T08:15:00.000Z',
				extensionVersion: '1.2.3',
			},
		});
	});

	it('names the value field after the metric, says "all" for all apps, and ends a series ending today at the fetch time', () => {
		const result = makeResult({ metric: 'new_users', values: [5, 6], query: { end: { kind: 'today' }, endpoint: 'EU-01' }, provisional: true });
		const doc = buildExportDocument(result, '1.0.0');
		assert.deepEqual(doc.data[0], { time: '2024-05-08', new_users: 5 });
		assert.equal(doc.query.app_id, 'all');
		assert.equal(doc.query.ending_at, result.fetchedAt);
		assert.equal(doc.query.end, 'today');
		assert.equal(doc.query.endpoint, 'EU-01');
		assert.equal(doc.query.provisionalDate, '2024-05-09');
	});

	it('is written with 2-space indentation and a final newline, and never holds a key or rate-limit figures', () => {
		const text = exportText(makeResult({ values: [1, 2] }));
		assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
		assert.ok(text.startsWith('{\n  "message": "success",\n  "data": [\n    {\n      "time": '));
		assert.doesNotMatch(text, /key|authorization|bearer|remaining/i);
	});

	it('round-trips exactly: opening an export gives back the result (without its transient rate-limit figures)', () => {
		const cases: PanelResult[] = [
			makeResult({ values: [100, null, 120, 0] }),
			makeResult({ values: [null, null, 7, null], metric: 'mau' }),
			makeResult({ values: [null] }),
			makeResult({ values: [5, 6], query: { connection: 'Production' } }),
			makeResult({ values: [3, 4, null], query: { end: { kind: 'today' }, appId: 'app:1/2', endpoint: 'https://rest.example.com' }, provisional: true }),
			makeResult({ values: Array.from({ length: 365 }, (_, i) => (i % 7 === 3 ? null : i * 11)), metric: 'uninstalls', query: { end: { kind: 'date', date: '2024-05-09' } } }),
		];
		for (const result of cases) {
			const text = exportText(result);
			const parsed = parseExportDocument(text, englishL10n);
			assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
			// The file's connection comes back as a label only (the file name is set by the command that opened it).
			const { connection, ...query } = result.query;
			assert.deepEqual(parsed.result, { ...result, query, rateLimit: null, source: { file: '', connection: connection ?? null } });
			assert.equal(exportText(parsed.result), text, 'exporting the reopened result writes the same file');
		}
	});

	it('opens a file whose rows are in any order', () => {
		const file = JSON.parse(exportText(makeResult({ values: [1, 2, 3] }))) as { data: unknown[] };
		file.data.reverse();
		const parsed = parseExportDocument(JSON.stringify(file), englishL10n);
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.result.series.points.map((p) => p.value), [1, 2, 3]);
	});
});

describe('opening a file that is not an export', () => {
	it('says it is not JSON', () => {
		const parsed = parseExportDocument('{"message": "success",', englishL10n);
		assert.equal(parsed.ok, false);
		assert.match(parsed.ok ? '' : parsed.problem, /^It is not valid JSON \(/);
	});

	it("says a plain Braze response lacks the query block, and a list isn't a document", () => {
		const braze = JSON.stringify({ message: 'success', data: [{ time: '2024-05-01', dau: 1 }] });
		assert.deepEqual(parseExportDocument(braze, englishL10n), { ok: false, problem: 'It has no "query" block, so this extension did not export it.' });
		assert.deepEqual(parseExportDocument('[]', englishL10n), { ok: false, problem: 'The file must hold a JSON object.' });
	});

	it('names the field that is wrong', () => {
		const expectations: Array<[(file: EditableFile) => void, RegExp]> = [
			[(f) => { f.query.schemaVersion = '1'; }, /^"query\.schemaVersion" must be a whole number/],
			[(f) => { f.query.schemaVersion = EXPORT_SCHEMA_VERSION + 1; }, /newer version of the extension \(schemaVersion 2\)/],
			[(f) => { f.message = 'error'; }, /^"message" must be "success"\.$/],
			[(f) => { f.query.metric = 'sessions'; }, /^"query\.metric" must be one of dau, mau, new_users, uninstalls, stickiness\.$/],
			[(f) => { f.query.length = 0; }, /^"query\.length" must be a whole number of days from 1 to 3650\.$/],
			[(f) => { f.query.end = 'last week'; }, /^"query\.end" must be/],
			[(f) => { f.query.app_id = 'has space'; }, /^"query\.app_id" must be "all" or an app identifier/],
			[(f) => { delete f.query.app_id; }, /^"query\.app_id"/],
			[(f) => { f.query.endpoint = 7; }, /^"query\.endpoint"/],
			// A file may come from anyone: an endpoint that is text but not a usable instance is refused too.
			[(f) => { f.query.endpoint = 'http://evil.example.com'; }, /^"query\.endpoint" must be an instance label/],
			[(f) => { f.query.firstDate = '2024-02-30'; }, /^"query\.firstDate" must be a YYYY-MM-DD date\.$/],
			[(f) => { f.query.lastDate = null; }, /^"query\.lastDate" must be a YYYY-MM-DD date\.$/],
			[(f) => { f.query.firstDate = '2024-05-01'; }, /^"query\.firstDate" to "query\.lastDate" must span 1 to 3 days/],
			[(f) => { f.query.firstDate = '2024-05-10'; }, /^"query\.firstDate" to "query\.lastDate" must span/],
			[(f) => { (f as { data: unknown }).data = {}; }, /^"data" must be a list of rows\.$/],
			[(f) => { (f.data as unknown[])[1] = 'row'; }, /^"data\[1\]" must be an object\.$/],
			[(f) => { f.data[1].time = '2024-05-01'; }, /^"data\[1\]\.time" must be a YYYY-MM-DD date from 2024-05-07 to 2024-05-09\.$/],
			[(f) => { f.data[1].time = '2024-05-09T00:00:00Z'; }, /^"data\[1\]\.time"/],
			[(f) => { f.data[0].dau = -1; }, /^"data\[0\]\.dau" must be a whole number, 0 or more\.$/],
			[(f) => { f.data[0].dau = 1.5; }, /^"data\[0\]\.dau"/],
			[(f) => { f.data[0] = { time: '2024-05-07', mau: 3 }; }, /^"data\[0\]\.dau"/],
			[(f) => { f.data[1].time = f.data[0].time; }, /^"data\[1\]" repeats the date 2024-05-07\.$/],
			[(f) => { f.query.provisionalDate = '2024-05-10'; }, /^"query\.provisionalDate" must be null or a YYYY-MM-DD date from 2024-05-07 to 2024-05-09\.$/],
			[(f) => { f.query.instance = { label: 'US-01' }; }, /^"query\.instance" must hold a "host"/],
			[(f) => { f.query.fetchedAt = 'yesterday'; }, /^"query\.fetchedAt" must be an ISO-8601 date-time\.$/],
			[(f) => { delete f.query.ending_at; }, /^"query\.ending_at" must be text\.$/],
			[(f) => { f.query.extensionVersion = 1; }, /^"query\.extensionVersion" must be text\.$/],
		];
		for (const [edit, expected] of expectations) assert.match(problemAfter(edit), expected);
	});

	it('rejects a hostile range without building it', () => {
		const problem = problemAfter((f) => {
			f.query.length = 3650;
			f.query.firstDate = '1000-01-01';
			f.query.lastDate = '9999-12-31';
			f.data = [];
			f.query.provisionalDate = null;
		});
		assert.match(problem, /must span 1 to 3650 days/);
	});
});

describe('suggested file names', () => {
	it('are built from the metric, the app and the end date', () => {
		assert.equal(suggestedExportFileName(makeResult({ values: [1] }), 'json'), 'braze-dau-all-apps-2024-05-09.json');
		assert.equal(suggestedExportFileName(makeResult({ metric: 'mau', values: [1], query: { appId: 'ios_app-2' } }), 'csv'), 'braze-mau-ios_app-2-2024-05-09.csv');
	});

	it('never carry path separators, reserved characters or a leading dot from an app id', () => {
		for (const appId of ['../../etc/passwd', '..\\..\\Windows\\win.ini', 'a:b*c?"d<e>f|g', '.hidden', 'x\u0001y', '/', '....']) {
			const name = suggestedExportFileName(makeResult({ values: [1], query: { appId } }), 'json');
			assert.match(name, /^braze-dau-[^<>:"/\\|?*\u0000-\u001f]+-2024-05-09\.json$/, name);
			assert.doesNotMatch(name, /\.\./, name);
		}
		assert.equal(sanitizeFileNamePart('../../etc/passwd'), 'etc_passwd');
		assert.equal(sanitizeFileNamePart('a:b*c'), 'a_b_c');
		assert.equal(sanitizeFileNamePart('....'), 'app');
		assert.equal(sanitizeFileNamePart('x'.repeat(300)).length, 64);
	});
});
