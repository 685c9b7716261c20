// The exported JSON file: Braze's own response shape, plus a `query` block with what is needed to rebuild the
// exact series when the file is opened again. Never the API key. No `vscode` here.
//
// Naming: the request parameters keep Braze's spelling (`length`, `ending_at`, `app_id`); the extension's own
// fields are camelCase like the rest of its types.
import { endpointOf } from '../braze/metrics';

import { addDays, daysBetween, isPlainDate } from '../shared/dates';
import { KPI_METRICS, isKpiMetric } from '../shared/kpi';
import type { DailyPoint, KpiMetric } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import { MAX_QUERY_LENGTH, endingAtForDate, formatSeriesEnd, isValidAppId, parseSeriesEnd } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import type { L10n } from '../shared/l10n';
import { lookupEndpoint } from '../config/endpoint';
import { isRecord } from '../shared/guards';

/** Bumped when a change would make an older extension misread the file. */
export const EXPORT_SCHEMA_VERSION = 1;

/** Stands for "all apps of the workspace" in `app_id`. */
export const ALL_APPS = 'all';

export interface ExportQueryBlock {
	readonly schemaVersion: number;
	readonly metric: KpiMetric;
	readonly instance: { readonly label: string | null; readonly host: string };
	readonly app_id: string;
	readonly length: number;
	/** What the series ended at: the last second of its last day, or the fetch time for a series ending today. */
	readonly ending_at: string;
	/** The end as the query states it: "yesterday", "today" or a date. Relative ends stay relative. */
	readonly end: string;
	/** The query's own instance, when it names one rather than using the setting. */
	readonly endpoint?: string;
	readonly firstDate: string;
	readonly lastDate: string;
	/** The day still in progress when the series was fetched, or null. */
	readonly provisionalDate: string | null;
	readonly fetchedAt: string;
	readonly extensionVersion: string;
}

/** One row as Braze sends it: `{"time": "2024-05-01", "dau": 123}`. */
export type ExportRow = Readonly<Record<string, string | number>>;

export interface ExportDocument {
	readonly message: 'success';
	/** Days with a value, ascending; gap days are left out, as Braze leaves them out. */
	readonly data: readonly ExportRow[];
	readonly query: ExportQueryBlock;
}

export type ParsedExport = { readonly ok: true; readonly result: PanelResult } | { readonly ok: false; readonly problem: string };

export function buildExportDocument(result: PanelResult, extensionVersion: string): ExportDocument {
	const { query, series } = result;
	const field = endpointOf(series.metric).valueField;
	const data = series.points.flatMap((p): ExportRow[] => (p.value === null ? [] : [{ time: p.date, [field]: p.value }]));
	return {
		message: 'success',
		data,
		query: {
			schemaVersion: EXPORT_SCHEMA_VERSION,
			metric: series.metric,
			instance: { label: result.instance.label, host: result.instance.host },
			app_id: query.appId ?? ALL_APPS,
			length: query.length,
			// Braze ends a series without `ending_at` at the time of the request.
			ending_at: query.end.kind === 'today' ? result.fetchedAt : endingAtForDate(series.lastDate),
			end: formatSeriesEnd(query.end),
			...(query.endpoint !== undefined ? { endpoint: query.endpoint } : {}),
			firstDate: series.firstDate,
			lastDate: series.lastDate,
			provisionalDate: series.provisionalDate,
			fetchedAt: result.fetchedAt,
			extensionVersion,
		},
	};
}

/** The file's text: 2-space indentation and a final newline. */
export function serializeExportDocument(document: ExportDocument): string {
	return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Reads an exported file back into the result it was made from (`rateLimit` is not exported: it comes back null).
 * Untrusted input: `problem` names the first field that is wrong.
 */
export function parseExportDocument(text: string, l10n: L10n): ParsedExport {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return fail(l10n.t('it is not valid JSON ({0})', error instanceof Error ? error.message : String(error)));
	}
	if (!isRecord(raw)) return fail(l10n.t('the file must hold a JSON object'));
	if (!isRecord(raw.query)) return fail(l10n.t('the "query" block is missing, so the file was not exported by this extension'));
	const block = raw.query;
	const version = block.schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(l10n.t('"query.schemaVersion" must be a whole number from 1'));
	if (version > EXPORT_SCHEMA_VERSION) return fail(l10n.t('it was written by a newer version of the extension (schemaVersion {0}); update the extension to open it', version));
	if (raw.message !== 'success') return fail(l10n.t('"message" must be "success"'));

	const query = parseQueryBlock(block, l10n);
	if (!query.ok) return query;
	const { spec, firstDate, lastDate } = query;
	const points = parseData(raw.data, spec.metric, firstDate, lastDate, l10n);
	if (!Array.isArray(points)) return points;

	const provisional = block.provisionalDate;
	if (provisional !== null && (typeof provisional !== 'string' || !isPlainDate(provisional) || provisional < firstDate || provisional > lastDate)) {
		return fail(l10n.t('"query.provisionalDate" must be null or a YYYY-MM-DD date from {0} to {1}', firstDate, lastDate));
	}
	const instance = block.instance;
	if (!isRecord(instance) || typeof instance.host !== 'string' || instance.host === '' || (instance.label !== null && typeof instance.label !== 'string')) {
		return fail(l10n.t('"query.instance" must hold a "host" and a "label" (text or null)'));
	}
	if (typeof block.fetchedAt !== 'string' || Number.isNaN(Date.parse(block.fetchedAt))) return fail(l10n.t('"query.fetchedAt" must be an ISO-8601 date-time'));
	if (typeof block.ending_at !== 'string') return fail(l10n.t('"query.ending_at" must be text'));
	if (typeof block.extensionVersion !== 'string') return fail(l10n.t('"query.extensionVersion" must be text'));
	return {
		ok: true,
		result: {
			query: spec,
			instance: { label: instance.label, host: instance.host },
			series: { metric: spec.metric, firstDate, lastDate, points, provisionalDate: provisional },
			fetchedAt: block.fetchedAt,
			rateLimit: null,
		},
	};
}

type ParsedQueryBlock = { readonly ok: true; readonly spec: KpiQuerySpec; readonly firstDate: string; readonly lastDate: string } | { readonly ok: false; readonly problem: string };

function parseQueryBlock(block: Record<string, unknown>, l10n: L10n): ParsedQueryBlock {
	const { metric, length, app_id: appId, endpoint, firstDate, lastDate } = block;
	if (!isKpiMetric(metric)) return fail(l10n.t('"query.metric" must be one of {0}', KPI_METRICS.join(', ')));
	if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > MAX_QUERY_LENGTH) {
		return fail(l10n.t('"query.length" must be a whole number from 1 to {0}', MAX_QUERY_LENGTH));
	}
	const end = typeof block.end === 'string' ? parseSeriesEnd(block.end) : null;
	if (end === null) return fail(l10n.t('"query.end" must be "yesterday", "today" or a YYYY-MM-DD date'));
	if (typeof appId !== 'string' || (appId !== ALL_APPS && !isValidAppId(appId))) {
		return fail(l10n.t('"query.app_id" must be "{0}" or an app identifier without spaces', ALL_APPS));
	}
	// A file may come from anyone: its endpoint must pass the same rule as the setting before it can ever be run.
	if (endpoint !== undefined && (typeof endpoint !== 'string' || !lookupEndpoint(endpoint).ok)) return fail(l10n.t('"query.endpoint" must be an instance label or an https URL when present'));
	if (typeof firstDate !== 'string' || !isPlainDate(firstDate)) return fail(l10n.t('"query.firstDate" must be a YYYY-MM-DD date'));
	if (typeof lastDate !== 'string' || !isPlainDate(lastDate)) return fail(l10n.t('"query.lastDate" must be a YYYY-MM-DD date'));
	// A series never spans more days than were asked for; this also bounds the work on a hostile file.
	const span = daysBetween(firstDate, lastDate) + 1;
	if (span < 1 || span > length) return fail(l10n.t('"query.firstDate" to "query.lastDate" must span 1 to {0} days ("query.length")', length));
	const spec: KpiQuerySpec = { metric, length, end, appId: appId === ALL_APPS ? null : appId, ...(endpoint !== undefined ? { endpoint } : {}) };
	return { ok: true, spec, firstDate, lastDate };
}

/** One point per day from `firstDate` to `lastDate`: a day without a row is a gap. */
function parseData(raw: unknown, metric: KpiMetric, firstDate: string, lastDate: string, l10n: L10n): DailyPoint[] | { readonly ok: false; readonly problem: string } {
	if (!Array.isArray(raw)) return fail(l10n.t('"data" must be a list of rows'));
	const field = endpointOf(metric).valueField;
	const values = new Map<string, number>();
	for (const [index, row] of (raw as readonly unknown[]).entries()) {
		if (!isRecord(row)) return fail(l10n.t('"data[{0}]" must be an object', index));
		const time = row.time;
		if (typeof time !== 'string' || !isPlainDate(time) || time < firstDate || time > lastDate) {
			return fail(l10n.t('"data[{0}].time" must be a YYYY-MM-DD date from {1} to {2}', index, firstDate, lastDate));
		}
		const value = row[field];
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return fail(l10n.t('"data[{0}].{1}" must be a whole number, 0 or more', index, field));
		if (values.has(time)) return fail(l10n.t('"data[{0}]" repeats the date {1}', index, time));
		values.set(time, value);
	}
	const points: DailyPoint[] = [];
	for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) points.push({ date, value: values.get(date) ?? null });
	return points;
}

/**
 * A file name to suggest: "braze-dau-all-apps-2024-05-01.json". The app id comes from settings or a file, so it is
 * reduced to characters that are safe in a file name on every system.
 */
export function suggestedExportFileName(result: PanelResult, extension: 'json' | 'csv'): string {
	const app = result.query.appId === null ? 'all-apps' : sanitizeFileNamePart(result.query.appId);
	return `braze-${result.series.metric}-${app}-${result.series.lastDate}.${extension}`;
}

/** No path separators, reserved or control characters, leading dots or trailing dots/spaces; never empty. */
export function sanitizeFileNamePart(text: string): string {
	const cleaned = text
		.replace(/[<>:"/\\|?*\u0000-\u001f\u007f\s]+/g, '_')
		.replace(/^[._-]+|[._-]+$/g, '')
		.slice(0, 64)
		.replace(/[._-]+$/, '');
	return cleaned === '' ? 'app' : cleaned;
}

function fail(problem: string): { readonly ok: false; readonly problem: string } {
	return { ok: false, problem };
}
