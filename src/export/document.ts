// The exported JSON file: Braze's own response shape, plus a `query` block with what is needed to rebuild the
// exact series when the file is opened again. Never the API key. No `vscode` here.
//
// Naming: the request parameters keep Braze's spelling (`length`, `ending_at`, `app_id`); the extension's own
// fields are camelCase like the rest of its types.
import { endpointOf } from '../braze/metrics';
import { parseWrittenQuery } from '../queries/model';
import { addDays, daysBetween, isPlainDate } from '../shared/dates';
import { errorText, isRecord, isWholeNumber } from '../shared/guards';
import { sourceMetricsOf } from '../shared/kpi';
import type { DailyPoint, DailySeries, KpiMetric, QueryMetric } from '../shared/kpi';
import type { L10n } from '../shared/l10n';
import type { ComparedSeries, PanelResult } from '../shared/protocol';
import { endingAtForDate, formatSeriesEnd, queryProblemText } from '../shared/query';
import { overlaySeries } from '../shared/overlays';
import type { OverlaySeries } from '../shared/overlays';
import { lastSourceDays, previousPeriodSources, stickinessSeries, toStickinessSources } from '../shared/stickinessResult';
import type { StickinessSources } from '../shared/stickinessResult';

/** Bumped when a change would make an older extension misread the file. */
export const EXPORT_SCHEMA_VERSION = 1;

/** Stands for "all apps of the workspace" in `app_id`. */
export const ALL_APPS = 'all';

export interface ExportQueryBlock {
	readonly schemaVersion: number;
	/** For stickiness, each row holds `dau`, `mau` and their ratio `stickiness`; reading the file back recomputes the ratio. */
	readonly metric: QueryMetric;
	readonly instance: { readonly label: string | null; readonly host: string };
	readonly app_id: string;
	/** The app's name from `braze.apps` when it had one: a label only. */
	readonly appName?: string;
	readonly length: number;
	/** What the series ended at: the last second of its last day, or the fetch time for a series ending today. */
	readonly ending_at: string;
	/** The end as the query states it: "yesterday", "today" or a date. Relative ends stay relative. */
	readonly end: string;
	/** The connection (Braze workspace) the series was fetched on, by name: a label only when the file is opened again. */
	readonly connection?: string;
	/** Before connections: the query's own instance, when it named one. */
	readonly endpoint?: string;
	readonly firstDate: string;
	readonly lastDate: string;
	/** The day still in progress when the series was fetched, or null. */
	readonly provisionalDate: string | null;
	readonly fetchedAt: string;
	readonly extensionVersion: string;
	/** The query's comparison, as saved queries store it. */
	readonly compare?: { readonly apps: readonly (string | null)[]; readonly period?: string };
}

/** One compared app's rows, in Braze's shape. */
export interface ExportComparedSeries {
	readonly app_id: string;
	readonly appName?: string;
	readonly data: readonly ExportRow[];
}

/** One row as Braze sends it: `{"time": "2024-05-01", "dau": 123}`; for stickiness `{"time", "dau", "mau", "stickiness"}`. */
export type ExportRow = Readonly<Record<string, string | number>>;

export interface ExportDocument {
	readonly message: 'success';
	/** Days with a value, ascending; gap days are left out, as Braze leaves them out. */
	readonly data: readonly ExportRow[];
	readonly query: ExportQueryBlock;
	/** The other apps of a comparison, over the same days. */
	readonly compared?: readonly ExportComparedSeries[];
	/** The comparison's previous period ("query.compare.period": "previous"), the `length` days before `firstDate`. */
	readonly previousPeriod?: ExportOverlay;
	/** The comparison's same days a year before ("query.compare.period": "year"). */
	readonly yearBefore?: ExportOverlay;
}

/**
 * A period overlay's rows, in Braze's shape, with its own days (gap days are left out of `data`). For stickiness, each
 * row holds the day's `dau`, `mau` and their ratio, as the series' own rows; reading the file back recomputes the ratio.
 */
export interface ExportOverlay {
	readonly firstDate: string;
	readonly lastDate: string;
	readonly data: readonly ExportRow[];
}

export type ParsedExport = { readonly ok: true; readonly result: PanelResult } | { readonly ok: false; readonly problem: string };

export function buildExportDocument(result: PanelResult, extensionVersion: string): ExportDocument {
	const { query, series, instance, fetchedAt, sources } = result;
	const { metric, firstDate, lastDate, provisionalDate } = series;
	const rows = (points: readonly DailyPoint[]) => points.flatMap((p): ExportRow[] => (p.value === null ? [] : [{ time: p.date, [metric]: p.value }]));
	const nameOf = (appId: string | null) => (appId === null ? undefined : result.appNames?.[appId]);
	// A compared app's stickiness rows hold its own DAU and MAU, as the series' own rows do.
	const comparedRows = (c: ComparedSeries): ExportRow[] => {
		if (!c.sources) return rows(c.series.points.filter((p) => p.date >= firstDate && p.date <= lastDate));
		const held = lastSourceDays(c.sources, daysBetween(firstDate, lastDate) + 1);
		return stickinessRows(stickinessSeries(held), held);
	};
	const compared = (result.compared ?? []).map((c): ExportComparedSeries => ({ app_id: c.appId ?? ALL_APPS, appName: nameOf(c.appId), data: comparedRows(c) }));
	const overlays = Object.fromEntries(overlaySeries(result, series).flatMap((o) => {
		const block = overlayBlock(result, o);
		return block ? [[o.period === 'previous' ? 'previousPeriod' : 'yearBefore', block]] : [];
	}));
	return {
		message: 'success',
		data: sources ? stickinessRows(series, sources) : rows(series.points),
		...(compared.length > 0 ? { compared } : {}),
		...overlays,
		query: {
			schemaVersion: EXPORT_SCHEMA_VERSION,
			metric,
			instance: { label: instance.label, host: instance.host },
			app_id: query.appId ?? ALL_APPS,
			appName: nameOf(query.appId),
			length: query.length,
			// Braze ends a series without `ending_at` at the time of the request.
			ending_at: query.end.kind === 'today' ? fetchedAt : endingAtForDate(lastDate),
			end: formatSeriesEnd(query.end),
			// Left out of the file (by JSON.stringify) when undefined.
			connection: query.connection ?? result.source?.connection ?? undefined,
			endpoint: query.endpoint,
			firstDate,
			lastDate,
			provisionalDate,
			fetchedAt,
			extensionVersion,
			compare: query.compare && { apps: [...query.compare.apps], ...(query.compare.period ? { period: query.compare.period } : {}) },
		},
	};
}

/**
 * An overlay's block: its own days (the whole year before, the previous period's days before the series), and a row
 * per day with a value; for stickiness, its DAU and MAU. Undefined for a stickiness overlay whose sources the result
 * does not hold: a ratio alone could not be read back.
 */
function overlayBlock(result: PanelResult, overlay: OverlaySeries): ExportOverlay | undefined {
	const { sources, series } = result;
	if (sources) {
		const held = overlay.period === 'previous' ? previousPeriodSources(result.previousPeriodSources ?? sources, series, result.query.length) : result.yearBeforeSources;
		return held ? { firstDate: held.dau.firstDate, lastDate: held.dau.lastDate, data: stickinessRows(stickinessSeries(held), held) } : undefined;
	}
	const days = overlay.period === 'year' && result.yearBefore ? result.yearBefore : overlay.series;
	return { firstDate: days.firstDate, lastDate: days.lastDate, data: days.points.flatMap((p): ExportRow[] => (p.value === null ? [] : [{ time: p.date, [days.metric]: p.value }])) };
}

/** A row per day with DAU or MAU: both sources as Braze sends them, and the ratio when the day has both. */
function stickinessRows(ratio: DailySeries, sources: StickinessSources): ExportRow[] {
	return ratio.points.flatMap((p, i): ExportRow[] => {
		const dau = sources.dau.points[i]?.value ?? null;
		const mau = sources.mau.points[i]?.value ?? null;
		if (dau === null && mau === null) return [];
		return [{ time: p.date, ...(dau === null ? {} : { dau }), ...(mau === null ? {} : { mau }), ...(p.value === null ? {} : { stickiness: p.value }) }];
	});
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
		return { ok: false, problem: l10n.t('It is not valid JSON ({0}).', errorText(error)) };
	}
	try {
		return { ok: true, result: readExport(raw, l10n) };
	} catch (error) {
		if (error instanceof NotAnExport) return { ok: false, problem: error.message };
		throw error;
	}
}

/** Thrown while reading a file and caught by `parseExportDocument`; the message is the localized problem. */
class NotAnExport extends Error {}

/** Refuses the file, with the problem `problem()` words, unless `condition` holds. */
function demand(condition: unknown, problem: () => string): asserts condition {
	if (!condition) throw new NotAnExport(problem());
}

function isDate(value: unknown): value is string {
	return typeof value === 'string' && isPlainDate(value);
}

function readExport(raw: unknown, l10n: L10n): PanelResult {
	demand(isRecord(raw), () => l10n.t('The file must hold a JSON object.'));
	const block = raw.query;
	demand(isRecord(block), () => l10n.t('It has no "query" block, so this extension did not export it.'));
	const { schemaVersion: version, firstDate, lastDate, provisionalDate, instance, fetchedAt } = block;
	demand(isWholeNumber(version, 1), () => l10n.t('"{0}" must be a whole number, {1} or more.', 'query.schemaVersion', 1));
	demand(version <= EXPORT_SCHEMA_VERSION, () => l10n.t('It was written by a newer version of the extension (schemaVersion {0}); update the extension to open it.', version));
	demand(raw.message === 'success', () => l10n.t('"message" must be "success".'));

	// The query obeys the rules of a saved query. "all" stands for all apps; any other app_id, null included, must be an app id.
	const query = parseWrittenQuery({ ...block, end: typeof block.end === 'string' ? block.end : null, appId: block.app_id === ALL_APPS ? null : block.app_id ?? '' });
	if (!query.ok) {
		throw new NotAnExport(query.field === 'appId'
			? l10n.t('"query.app_id" must be "{0}" or an app identifier without spaces.', ALL_APPS)
			: queryProblemText(query.field, l10n, `query.${query.field}`));
	}
	const { spec } = query;
	demand(isDate(firstDate) && isDate(lastDate), () => l10n.t('"{0}" must be a YYYY-MM-DD date.', isDate(firstDate) ? 'query.lastDate' : 'query.firstDate'));
	// A series never spans more days than were asked for; this also bounds the work on a hostile file.
	const span = daysBetween(firstDate, lastDate) + 1;
	demand(span >= 1 && span <= spec.length, () => l10n.t('"query.firstDate" to "query.lastDate" must span 1 to {0} days ("query.length").', spec.length));
	const inSeries = (value: unknown): value is string => isDate(value) && value >= firstDate && value <= lastDate;

	// One point per day from firstDate to lastDate: a day without a row is a gap. Stickiness reads its DAU and MAU
	// (either may be missing on a day) and recomputes the ratio: a stored ratio is never trusted.
	const metrics = sourceMetricsOf(spec.metric);
	/** The rows of `name`, each dated from `from` to `to` once: a point per day for each of `fields` (a row holds at least the first). */
	const readRows = (data: unknown, name: string, fields: readonly KpiMetric[], from = firstDate, to = lastDate): DailyPoint[][] => {
		demand(Array.isArray(data), () => l10n.t('"{0}" must be a list of rows.', name));
		const values = fields.map(() => new Map<string, number>());
		const seen = new Set<string>();
		for (const [index, row] of (data as readonly unknown[]).entries()) {
			const at = `${name}[${index}]`;
			demand(isRecord(row), () => l10n.t('"{0}" must be an object.', at));
			const { time } = row;
			demand(isDate(time) && time >= from && time <= to, () => l10n.t('"{0}" must be a YYYY-MM-DD date from {1} to {2}.', `${at}.time`, from, to));
			const present = fields.filter((m) => row[endpointOf(m).valueField] !== undefined);
			for (const metric of present.length === 0 ? fields.slice(0, 1) : present) {
				const field = endpointOf(metric).valueField;
				const value = row[field];
				// A count beyond exact integers (1e300 is "whole" too) is not data.
				demand(isWholeNumber(value, 0, Number.MAX_SAFE_INTEGER), () => l10n.t('"{0}" must be a whole number, {1} or more.', `${at}.${field}`, 0));
				values[fields.indexOf(metric)]?.set(time, value);
			}
			demand(!seen.has(time), () => l10n.t('"{0}" repeats the date {1}.', at, time));
			seen.add(time);
		}
		return values.map((byDate) => {
			const points: DailyPoint[] = [];
			for (let date = from; date <= to; date = addDays(date, 1)) points.push({ date, value: byDate.get(date) ?? null });
			return points;
		});
	};
	const own = readRows(raw.data, 'data', metrics);
	// The compared apps: exactly the query's `compare.apps`, in order, over the series' days. A stickiness app's rows
	// hold its own DAU and MAU, and its ratio is recomputed from them, as the series' own.
	const comparedApps = spec.compare?.apps ?? [];
	const rawCompared = raw.compared ?? [];
	demand(Array.isArray(rawCompared) && rawCompared.length === comparedApps.length, () => l10n.t('"compared" must hold one entry per app of "query.compare.apps".'));
	demand(provisionalDate === null || inSeries(provisionalDate), () => l10n.t('"query.provisionalDate" must be null or a YYYY-MM-DD date from {0} to {1}.', firstDate, lastDate));
	const compared = comparedApps.map((appId, i): ComparedSeries => {
		const entry: unknown = (rawCompared as unknown[])[i];
		demand(isRecord(entry) && entry.app_id === (appId ?? ALL_APPS), () => l10n.t('"{0}" must be the app "{1}" of "query.compare.apps".', `compared[${i}].app_id`, appId ?? ALL_APPS));
		const [first = [], second = []] = readRows(entry.data, `compared[${i}].data`, metrics);
		const days = { firstDate, lastDate, provisionalDate };
		if (spec.metric !== 'stickiness') return { appId, series: { metric: spec.metric, ...days, points: first } };
		const sources = toStickinessSources({ metric: 'dau', ...days, points: first }, { metric: 'mau', ...days, points: second });
		return { appId, series: stickinessSeries(sources), sources };
	});
	const appNames = exportedAppNames([block, ...(rawCompared as unknown[])]);
	const overlays = readOverlays(raw, spec, { firstDate, lastDate, span }, l10n, (data, name, from, to) => readRows(data, name, metrics, from, to));

	demand(
		isRecord(instance) && typeof instance.host === 'string' && instance.host !== '' && (instance.label === null || typeof instance.label === 'string'),
		() => l10n.t('"query.instance" must hold a "host" and a "label" (text or null).'),
	);
	demand(typeof fetchedAt === 'string' && !Number.isNaN(Date.parse(fetchedAt)), () => l10n.t('"query.fetchedAt" must be an ISO-8601 date-time.'));
	for (const name of ['ending_at', 'extensionVersion']) demand(typeof block[name] === 'string', () => l10n.t('"{0}" must be text.', `query.${name}`));
	// The file's connection is a label only: fetching again runs on a connection the user picks (see the runner).
	const { connection, ...ownQuery } = spec;
	const bounds = { firstDate, lastDate, provisionalDate };
	// The previous period is held as a panel's result holds it: the days before the series' own (the change uses them).
	const before = overlays.previous;
	const held = (i: number): Pick<DailySeries, 'firstDate' | 'points'> => ({ firstDate: before?.from ?? firstDate, points: [...(before?.points[i] ?? []), ...(own[i] ?? [])] });
	const sources = spec.metric === 'stickiness' ? toStickinessSources({ metric: 'dau', ...bounds, ...held(0) }, { metric: 'mau', ...bounds, ...held(1) }) : undefined;
	const year = overlays.yearBefore;
	const yearDays = year && { firstDate: year.from, lastDate: year.to, provisionalDate: null };
	const yearBeforeSources = yearDays && sources ? toStickinessSources({ metric: 'dau', ...yearDays, points: year.points[0] ?? [] }, { metric: 'mau', ...yearDays, points: year.points[1] ?? [] }) : undefined;
	const yearBefore = yearBeforeSources ? stickinessSeries(yearBeforeSources) : yearDays && { metric: spec.metric, ...yearDays, points: year.points[0] ?? [] };
	return {
		query: ownQuery,
		instance: { label: instance.label, host: instance.host },
		...(sources ? { series: stickinessSeries(sources), sources } : { series: { metric: spec.metric, ...bounds, ...held(0) } }),
		fetchedAt,
		rateLimit: null,
		source: { file: '', connection: connection ?? null },
		...(compared.length > 0 ? { compared } : {}),
		...(Object.keys(appNames).length > 0 ? { appNames } : {}),
		...(yearBefore ? { yearBefore } : {}),
		...(yearBeforeSources ? { yearBeforeSources } : {}),
	};
}

/** An overlay block's days and a point per day for each source metric of the query (one, or DAU and MAU for stickiness). */
interface ReadOverlay {
	readonly from: string;
	readonly to: string;
	readonly points: readonly DailyPoint[][];
}

/**
 * The file's `previousPeriod` and `yearBefore` blocks: each only with the query's matching "compare.period", over its
 * own days; the previous period exactly the `length` days before a full-length series. Stickiness rows hold DAU and MAU.
 */
function readOverlays(
	raw: Record<string, unknown>,
	spec: { readonly length: number; readonly compare?: { readonly period?: string } },
	own: { readonly firstDate: string; readonly lastDate: string; readonly span: number },
	l10n: L10n,
	readRows: (data: unknown, name: string, from: string, to: string) => DailyPoint[][],
): { previous?: ReadOverlay; yearBefore?: ReadOverlay } {
	const block = (name: string, period: string): { from: string; to: string; data: unknown } | undefined => {
		const value = raw[name];
		if (value === undefined) return undefined;
		demand(spec.compare?.period === period, () => l10n.t('"{0}" belongs only to a series compared with the period "{1}" ("query.compare.period"); remove it or fix the query.', name, period));
		demand(isRecord(value), () => l10n.t('"{0}" must be an object.', name));
		const { firstDate: from, lastDate: to } = value;
		demand(isDate(from) && isDate(to), () => l10n.t('"{0}" must be a YYYY-MM-DD date.', `${name}.${isDate(from) ? 'lastDate' : 'firstDate'}`));
		return { from, to, data: value.data };
	};
	const previous = block('previousPeriod', 'previous');
	if (previous) {
		const from = addDays(own.firstDate, -spec.length);
		const to = addDays(own.firstDate, -1);
		demand(own.span === spec.length && previous.from === from && previous.to === to, () => l10n.t('"{0}" must run from {1} to {2}, the {3} days before the series, which must hold all {3} days.', 'previousPeriod', from, to, spec.length));
	}
	const year = block('yearBefore', 'year');
	if (year) {
		const span = daysBetween(year.from, year.to) + 1;
		demand(span >= 1 && span <= spec.length && year.to < own.firstDate, () => l10n.t('"{0}" to "{1}" must span 1 to {2} days, before "query.firstDate".', 'yearBefore.firstDate', 'yearBefore.lastDate', spec.length));
	}
	const read = (name: string, days: { from: string; to: string; data: unknown }): ReadOverlay => ({ from: days.from, to: days.to, points: readRows(days.data, `${name}.data`, days.from, days.to) });
	return { ...(previous ? { previous: read('previousPeriod', previous) } : {}), ...(year ? { yearBefore: read('yearBefore', year) } : {}) };
}

/** The `appName` labels a file gives its apps (text of at most 60 characters), by identifier. */
function exportedAppNames(blocks: readonly unknown[]): Record<string, string> {
	const names: Record<string, string> = {};
	for (const block of blocks) {
		if (isRecord(block) && typeof block.app_id === 'string' && block.app_id !== ALL_APPS && typeof block.appName === 'string' && block.appName.trim() !== '') names[block.app_id] = block.appName.trim().slice(0, 60);
	}
	return names;
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
