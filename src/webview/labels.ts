// Texts built from strings and data, shared by the header, the summary, the chart and the table.
import type { DailySeries, QueryMetric } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';
import { capitalized } from '../shared/rangePresets';
import type { RangePreset } from '../shared/rangePresets';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { WebviewStringKey, WebviewStrings } from '../shared/webviewStrings';
import type { Formatters } from './format';

/** What every view needs to turn data into text. */
export interface ViewContext {
	readonly strings: WebviewStrings;
	readonly format: Formatters;
	/** App names (`braze.apps`) by identifier, as the results so far gave them. */
	readonly names?: Readonly<Record<string, string>>;
}

export function metricName(metric: QueryMetric, strings: WebviewStrings): string {
	switch (metric) {
		case 'dau':
			return strings.metricDau;
		case 'mau':
			return strings.metricMau;
		case 'new_users':
			return strings.metricNewUsers;
		case 'uninstalls':
			return strings.metricUninstalls;
		case 'stickiness':
			return strings.metricStickiness;
		default:
			return assertNever(metric);
	}
}

/** How a series' values read: counts, or fractions shown as percentages (stickiness). */
export type ValueKind = 'count' | 'ratio';

export function valueKindOf(metric: QueryMetric): ValueKind {
	return metric === 'stickiness' ? 'ratio' : 'count';
}

/** A value as the chart, the table and the cards show it: "12,345" or "21.4%". */
export function valueText(value: number, kind: ValueKind, format: Formatters): string {
	return kind === 'ratio' ? format.ratio(value) : format.count(value);
}

/** "All apps", the app's name, or "App <id>" when it has none. */
export function appText(query: Pick<KpiQuerySpec, 'appId'>, strings: WebviewStrings, names?: Readonly<Record<string, string>>): string {
	if (query.appId === null) return strings.allApps;
	return names?.[query.appId] ?? fillPlaceholders(strings.appLabel, query.appId);
}

/** "iOS vs Android": every app of the query, its own first. */
export function appsText(query: Pick<KpiQuerySpec, 'appId' | 'compare'>, ctx: ViewContext): string {
	return [query.appId, ...(query.compare?.apps ?? [])].map((appId) => appText({ appId }, ctx.strings, ctx.names)).reduce((joined, app) => fillPlaceholders(ctx.strings.appsJoined, joined, app));
}

/** The identifiers behind `appsText`, for its tooltip, when some app is shown by its name; else undefined. */
export function appsTooltip(query: Pick<KpiQuerySpec, 'appId' | 'compare'>, ctx: ViewContext): string | undefined {
	const ids = [query.appId, ...(query.compare?.apps ?? [])].filter((id): id is string => id !== null && ctx.names?.[id] !== undefined);
	return ids.length === 0 ? undefined : ids.map((id) => `${ctx.names?.[id] ?? id}: ${fillPlaceholders(ctx.strings.appIdTooltip, id)}`).join('\n');
}

/** "May 1, 2024 – May 30, 2024" for the days shown; after the preset's name when the query has one ("Last month (Nov 1, 2026 – Nov 30, 2026)"). */
export function rangeText(series: DailySeries, ctx: ViewContext, preset?: RangePreset): string {
	const [first, last] = seriesBounds(series);
	const days = datesText(first, last, ctx);
	return preset === undefined ? days : fillPlaceholders(ctx.strings.presetWithDates, presetName(preset, ctx.strings), days);
}

/** "May 1, 2024 – May 30, 2024". */
export function datesText(first: string, last: string, ctx: ViewContext): string {
	return fillPlaceholders(ctx.strings.dateRange, ctx.format.mediumDate(first), ctx.format.mediumDate(last));
}

const PRESET_NAMES: Readonly<Record<RangePreset, WebviewStringKey>> = {
	'last-7-days': 'presetLast7Days',
	'last-14-days': 'presetLast14Days',
	'last-30-days': 'presetLast30Days',
	'last-90-days': 'presetLast90Days',
	'last-365-days': 'presetLast365Days',
	'month-to-date': 'presetMonthToDate',
	'last-month': 'presetLastMonth',
	'quarter-to-date': 'presetQuarterToDate',
	'year-to-date': 'presetYearToDate',
};

/** A preset's name as a label starts with it: "Last month". */
export function presetName(preset: RangePreset, strings: WebviewStrings): string {
	return capitalized(strings[PRESET_NAMES[preset]], document.documentElement.lang || undefined);
}

export function instanceText(result: PanelResult, strings: WebviewStrings): string {
	const { label, host } = result.instance;
	const instance = label === null ? host : fillPlaceholders(strings.instanceWithHost, label, host);
	if (result.source) return fillPlaceholders(strings.fromFile, result.source.file, result.source.connection ?? instance);
	const connection = result.query.connection;
	return connection === undefined ? instance : fillPlaceholders(strings.connectionOnInstance, connection, instance);
}

/** First and last day actually present (the declared bounds when there are no points). */
export function seriesBounds(series: DailySeries): [string, string] {
	return [series.points[0]?.date ?? series.firstDate, series.points.at(-1)?.date ?? series.lastDate];
}
