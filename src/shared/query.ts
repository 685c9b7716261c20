// What the user asks for, independent of how it is fetched. No `vscode`, no DOM here.
import { KPI_METRICS, isKpiMetric } from './kpi';
import type { KpiMetric } from './kpi';
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
	readonly metric: KpiMetric;
	/** Days in the series, ≥ 1. */
	readonly length: number;
	readonly end: SeriesEnd;
	/** An app's API identifier, or null for all apps of the workspace. */
	readonly appId: string | null;
	/** The connection (a Braze workspace) it runs on, by name; undefined means the active connection. */
	readonly connection?: string;
	/** Before connections: an instance label (e.g. "US-01") or an https URL; it runs on a connection pointing there. */
	readonly endpoint?: string;
	/** A relative range ("last month"): `length` and `end` are its days as last resolved, and are resolved again at each run. */
	readonly preset?: RangePreset;
}

/** The longest series a query may ask for (ten years): longer than 100 days is fetched in 100-day windows. */
export const MAX_QUERY_LENGTH = 3650;

/** The field of a query that was refused. */
export type QueryField = 'query' | 'metric' | 'length' | 'end' | 'appId' | 'endpoint' | 'connection' | 'range';

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
	const { metric, appId = null, endpoint, connection } = raw;
	const length = resolved ? resolved.length : raw.length;
	const end = resolved ? resolved.end : parseSeriesEnd(raw.end);
	if (!isKpiMetric(metric)) return refuse('metric');
	if (!isWholeNumber(length, 1, maxLength)) return refuse('length');
	if (!end) return refuse('end');
	if (appId !== null && (typeof appId !== 'string' || !isValidAppId(appId))) return refuse('appId');
	if (endpoint !== undefined && (typeof endpoint !== 'string' || endpoint.trim() === '')) return refuse('endpoint');
	if (connection !== undefined && (typeof connection !== 'string' || !isValidConnectionName(connection))) return refuse('connection');
	return { ok: true, spec: { metric, length, end, appId, ...(connection === undefined ? {} : { connection: connection.trim() }), ...(endpoint === undefined ? {} : { endpoint }), ...(presetRaw === undefined ? {} : { preset: presetRaw }) } };
}

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
	return JSON.stringify([spec.metric, range, spec.appId, spec.connection?.toLowerCase() ?? null, spec.endpoint ?? null]);
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
			return l10n.t('"{0}" must be one of {1}.', name, KPI_METRICS.join(', '));
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
	}
}
