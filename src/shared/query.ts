// What the user asks for, independent of how it is fetched. No `vscode`, no DOM here.
import { QUERY_METRICS, isQueryMetric } from './kpi';
import type { QueryMetric } from './kpi';
import { addDays, brazeToday, isPlainDate } from './dates';
import type { L10n } from './l10n';
import { isRecord, isWholeNumber } from './guards';
import { RANGE_PRESETS, isRangePreset, resolveRangePreset } from './rangePresets';
import type { RangePreset } from './rangePresets';

/** Where a series ends. Relative ends stay relative (a saved query always shows the latest days). */
export type SeriesEnd =
	| { readonly kind: 'yesterday' }
	| { readonly kind: 'today' }
	| { readonly kind: 'date'; readonly date: string };

/** A KPI query as the user states it. */
export interface KpiQuerySpec {
	/** A Braze KPI, or stickiness (fetched as DAU and MAU: only `KpiMetric`s are ever sent to Braze). */
	readonly metric: QueryMetric;
	/** Days in the series, ≥ 1. */
	readonly length: number;
	readonly end: SeriesEnd;
	/** An app's API identifier, or null for all apps of the workspace. */
	readonly appId: string | null;
	/** The connection (a Braze workspace) it runs on, by name; undefined means the active connection. */
	readonly connection?: string;
	/** Before connections: an instance label (e.g. "US-01") or an https URL; it runs on a connection pointing there. */
	readonly endpoint?: string;
	/** Other apps drawn with the query's own, and/or a dashed period overlay (Compare); absent when there is none. */
	readonly compare?: QueryComparison;
	/** A relative range ("last month"): `length` and `end` are its days as last resolved, and are resolved again at each run. */
	readonly preset?: RangePreset;
}

/** The dashed overlay of a comparison: the previous range of the same length, or the same days a year before. */
export type ComparePeriod = 'previous' | 'year';

/** What a query is compared with: at least one app (null: all apps) or a period. */
export interface QueryComparison {
	/** Apps' API identifiers drawn next to the query's own app, null for all apps; never the query's own app, never twice. */
	readonly apps: readonly (string | null)[];
	readonly period?: ComparePeriod;
}

/** The most apps a comparison adds to the query's own (one chart holds 10 series, `MAX_CHART_SERIES`). */
export const MAX_COMPARED_APPS = 9;

/** The longest series a query may ask for (ten years): longer than 100 days is fetched in 100-day windows. */
export const MAX_QUERY_LENGTH = 3650;

/** The field of a query that was refused. */
export type QueryField = 'query' | 'metric' | 'length' | 'end' | 'appId' | 'endpoint' | 'connection' | 'compare' | 'range';

/** Result of checking untrusted input (settings, files, webview messages, persisted state) against `KpiQuerySpec`. */
export type ParsedQuerySpec = { readonly ok: true; readonly spec: KpiQuerySpec } | { readonly ok: false; readonly field: QueryField };

/** True when `appId` may be sent to Braze: 1 to 256 characters, none of them whitespace or control characters. */
export function isValidAppId(appId: string): boolean {
	return /^[^\s\u0000-\u001f\u007f]{1,256}$/.test(appId);
}

/**
 * Checks an untrusted value field by field; a refusal names the first bad field, which `queryProblemText` words for users.
 * A `preset` (or `range`, as settings write it) without `length` and `end` stands for them, resolved on `now`'s day.
 */
export function parseQuerySpec(raw: unknown, maxLength = MAX_QUERY_LENGTH, now = new Date()): ParsedQuerySpec {
	if (!isRecord(raw)) return refuse('query');
	const presetRaw = raw.preset ?? raw.range;
	if (presetRaw !== undefined && !isRangePreset(presetRaw)) return refuse('range');
	// Days given with a preset are its days as last resolved (a result's own days); without them, they are today's.
	const resolved = presetRaw === undefined || (raw.length !== undefined && raw.end !== undefined) ? undefined : resolveRangePreset(presetRaw, brazeToday(now));
	const { metric, appId = null, endpoint, connection, compare } = raw;
	const length = resolved ? resolved.length : raw.length;
	const end = resolved ? resolved.end : parseSeriesEnd(raw.end);
	if (!isQueryMetric(metric)) return refuse('metric');
	if (!isWholeNumber(length, 1, maxLength)) return refuse('length');
	if (!end) return refuse('end');
	if (appId !== null && (typeof appId !== 'string' || !isValidAppId(appId))) return refuse('appId');
	if (endpoint !== undefined && (typeof endpoint !== 'string' || endpoint.trim() === '')) return refuse('endpoint');
	if (connection !== undefined && (typeof connection !== 'string' || !isValidConnectionName(connection))) return refuse('connection');
	const comparison = compare === undefined ? undefined : parseComparison(compare, appId);
	if (comparison === null) return refuse('compare');
	return {
		ok: true,
		spec: { metric, length, end, appId, ...(connection === undefined ? {} : { connection: connection.trim() }), ...(endpoint === undefined ? {} : { endpoint }), ...(comparison ? { compare: comparison } : {}), ...(presetRaw === undefined ? {} : { preset: presetRaw }) },
	};
}

/**
 * A comparison from untrusted input, or null when it is unusable: apps must be app identifiers or null, distinct,
 * not the query's own app, at most `MAX_COMPARED_APPS`; the period "previous" or "year"; and one of them given.
 */
export function parseComparison(raw: unknown, ownAppId: string | null): QueryComparison | null {
	if (comparisonProblem(raw, ownAppId) !== undefined || !isRecord(raw)) return null;
	const apps = (raw.apps ?? []) as (string | null)[];
	return { apps: [...apps], ...(raw.period === 'previous' || raw.period === 'year' ? { period: raw.period } : {}) };
}

/** Why `raw` is not a usable comparison for a query on `ownAppId`, as a problem code each side words; undefined when it is. */
export function comparisonProblem(raw: unknown, ownAppId: string | null): ComparisonProblem | undefined {
	if (!isRecord(raw)) return 'notAnObject';
	const { apps = [], period } = raw;
	if (!Array.isArray(apps)) return 'appsNotAList';
	if (apps.length > MAX_COMPARED_APPS) return 'tooManyApps';
	const seen = new Set<string | null>([ownAppId]);
	for (const app of apps as unknown[]) {
		if (app !== null && (typeof app !== 'string' || !isValidAppId(app))) return 'badApp';
		if (seen.has(app)) return 'duplicateApp';
		seen.add(app);
	}
	if (period !== undefined && period !== 'previous' && period !== 'year') return 'badPeriod';
	return apps.length === 0 && period === undefined ? 'empty' : undefined;
}

export type ComparisonProblem = 'notAnObject' | 'appsNotAList' | 'tooManyApps' | 'badApp' | 'duplicateApp' | 'badPeriod' | 'empty';

/** A connection name as a query may hold it: 1 to 60 characters once trimmed, no control characters. */
export function isValidConnectionName(name: string): boolean {
	const trimmed = name.trim();
	return trimmed.length >= 1 && trimmed.length <= 60 && !/[\u0000-\u001f\u007f]/.test(trimmed);
}

function refuse(field: QueryField): ParsedQuerySpec {
	return { ok: false, field };
}

/** Accepts `{kind}` objects and the short string forms used in settings: "yesterday", "today", "YYYY-MM-DD". */
export function parseSeriesEnd(raw: unknown): SeriesEnd | null {
	const kind = isRecord(raw) ? raw.kind : raw;
	if (kind === 'yesterday' || kind === 'today') return { kind };
	// A date is either the string itself or the `date` of a `{kind: 'date'}` object.
	const date = !isRecord(raw) ? raw : kind === 'date' ? raw.date : undefined;
	return typeof date === 'string' && isPlainDate(date) ? { kind: 'date', date } : null;
}

/** The short string form of an end, as stored in settings. */
export function formatSeriesEnd(end: SeriesEnd): string {
	return end.kind === 'date' ? end.date : end.kind;
}

/** A stable identity for "the same query" (one chart panel per distinct query); a preset is itself, whatever days it covers today. */
export function querySpecKey(spec: KpiQuerySpec): string {
	const range = spec.preset ?? [spec.length, formatSeriesEnd(spec.end)];
	const compare = spec.compare ? [spec.compare.apps, spec.compare.period ?? null] : null;
	return JSON.stringify([spec.metric, range, spec.appId, spec.connection?.toLowerCase() ?? null, spec.endpoint ?? null, compare]);
}

/** `spec` with a preset's days resolved on `now`'s Braze day (a saved "last month" is always last month); other specs as they are. */
export function resolvePresetDays(spec: KpiQuerySpec, now: Date): KpiQuerySpec {
	if (spec.preset === undefined) return spec;
	const { length, end } = resolveRangePreset(spec.preset, brazeToday(now));
	return { ...spec, length, end };
}

/** `spec` as a custom range: its days as they are, without the preset they came from. */
export function withoutPreset(spec: KpiQuerySpec): KpiQuerySpec {
	if (spec.preset === undefined) return spec;
	const custom: { -readonly [K in keyof KpiQuerySpec]: KpiQuerySpec[K] } = { ...spec };
	delete custom.preset;
	return custom;
}

/** A `SeriesEnd` pinned to a calendar date at a given moment. */
export interface ResolvedEnd {
	/** The last calendar day of the series. */
	readonly endDate: string;
	/** What to send as `ending_at`; undefined lets Braze use the time of the request ("today"). */
	readonly endingAt: string | undefined;
}

/** Pins a relative end to today's or yesterday's date as Braze counts days (see `brazeToday`). */
export function resolveSeriesEnd(end: SeriesEnd, now: Date): ResolvedEnd {
	const today = brazeToday(now);
	if (end.kind === 'today') return { endDate: today, endingAt: undefined };
	const endDate = end.kind === 'date' ? end.date : addDays(today, -1);
	return { endDate, endingAt: endingAtForDate(endDate) };
}

/** The last second of `date` in UTC, so the series includes that whole day when Braze counts days in UTC. */
export function endingAtForDate(date: string): string {
	return `${date}T23:59:59Z`;
}

/** The user-facing sentence for a refused query field, in the user's language; `name` is the field as the user wrote it ("query.length" in a file). */
export function queryProblemText(field: QueryField, l10n: L10n, name: string = field): string {
	switch (field) {
		case 'query':
			return l10n.t('The query must be an object with metric, length and end.');
		case 'metric':
			return l10n.t('"{0}" must be one of {1}.', name, QUERY_METRICS.join(', '));
		case 'length':
			return l10n.t('"{0}" must be a whole number of days from 1 to {1}.', name, MAX_QUERY_LENGTH);
		case 'end':
			return l10n.t('"{0}" must be "yesterday", "today" or a YYYY-MM-DD date.', name);
		case 'appId':
			return l10n.t('"{0}" must be an app identifier without spaces, or left out for all apps.', name);
		case 'endpoint':
			return l10n.t('"{0}" must be an instance label such as US-01 or an https:// URL.', name);
		case 'connection':
			return l10n.t('"{0}" must be the name of a connection (1 to 60 characters), or left out for the active connection.', name);
		case 'range':
			return l10n.t('"{0}" must be one of {1}, or left out for "length" and "end".', name, RANGE_PRESETS.join(', '));
		case 'compare':
			return l10n.t('"{0}" must be {1} with up to {2} distinct app identifiers other than the query\'s own (null for all apps) and/or a period, "previous" or "year".', name, '{"apps": [...], "period": ...}', MAX_COMPARED_APPS);
	}
}

/** The sentence for a refused comparison, in the user's language; `name` is the field as the user wrote it. */
export function comparisonProblemText(problem: ComparisonProblem, l10n: L10n, name = 'compare'): string {
	switch (problem) {
		case 'notAnObject':
			return l10n.t('"{0}" must be an object such as {1}', name, '{"apps": [null], "period": "previous"}');
		case 'appsNotAList':
			return l10n.t('"{0}.apps" must be a list of app identifiers (null for all apps)', name);
		case 'tooManyApps':
			return l10n.t('"{0}.apps" may hold at most {1} apps: one chart shows {2} series at most', name, MAX_COMPARED_APPS, MAX_COMPARED_APPS + 1);
		case 'badApp':
			return l10n.t('each app in "{0}.apps" must be an app identifier without spaces, or null for all apps', name);
		case 'duplicateApp':
			return l10n.t('"{0}.apps" names an app twice, or the query\'s own app: each series is drawn once', name);
		case 'badPeriod':
			return l10n.t('"{0}.period" must be "previous" or "year"', name);
		case 'empty':
			return l10n.t('"{0}" compares with nothing: add an app to "{0}.apps" or a "period", or remove "{0}"', name);
	}
}

/**
 * `spec` with a comparison that still holds: the query's own app and repeats leave the compared apps (the
 * controls may have changed the app), and a comparison left with nothing is dropped.
 */
export function withValidComparison(spec: KpiQuerySpec): KpiQuerySpec {
	if (!spec.compare) return spec;
	const seen = new Set<string | null>([spec.appId]);
	const apps = spec.compare.apps.filter((app) => !seen.has(app) && seen.add(app));
	const { compare, ...rest } = spec;
	if (apps.length === 0 && compare.period === undefined) return rest;
	return { ...rest, compare: { apps, ...(compare.period ? { period: compare.period } : {}) } };
}
