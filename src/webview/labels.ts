// Texts built from strings and data, shared by the header, the summary, the chart and the table.
import type { DailySeries, KpiMetric } from '../shared/kpi';
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
}

export function metricName(metric: KpiMetric, strings: WebviewStrings): string {
	switch (metric) {
		case 'dau':
			return strings.metricDau;
		case 'mau':
			return strings.metricMau;
		case 'new_users':
			return strings.metricNewUsers;
		case 'uninstalls':
			return strings.metricUninstalls;
		default:
			return assertNever(metric);
	}
}

export function appText(query: Pick<KpiQuerySpec, 'appId'>, strings: WebviewStrings): string {
	return query.appId === null ? strings.allApps : fillPlaceholders(strings.appLabel, query.appId);
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
