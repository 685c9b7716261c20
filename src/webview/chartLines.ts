// Which lines a result draws: the query's series, each compared app's series, and, when asked for and
// fetched, the previous period dashed and aligned by day. The table takes the same series, one column each.
import type { DailySeries } from '../shared/kpi';
import type { ChartViewOptions, PanelResult } from '../shared/protocol';
import { lastDays } from '../shared/summary';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { ChartLine } from './chart';
import { appText, metricName, valueKindOf } from './labels';
import type { ValueKind, ViewContext } from './labels';
import type { ComparePeriod } from '../shared/query';
import { yearBeforeValues } from '../shared/yearBefore';
import { overlaySeries, previousPeriodSeries } from '../shared/overlays';

/** A series shown as one line and one table column. */
export interface ShownColumn {
	readonly label: string;
	/** One value per day of the shown series, null for a gap. */
	readonly values: readonly (number | null)[];
	readonly kind: ValueKind;
	/** The app it shows, when the chart compares apps (its identifier goes in the legend's tooltip). */
	readonly appId?: string | null;
}

/** The query's series first, then the compared ones, each cut to the days shown and aligned on them. */
export function shownColumns(result: PanelResult, shown: DailySeries, ctx: ViewContext): ShownColumn[] {
	const compared = result.compared ?? [];
	const dates = shown.points.map((p) => p.date);
	const kind = valueKindOf(result.query.metric);
	// One line: named after the metric; several: after their apps, so that the legend tells them apart.
	const first: ShownColumn = {
		label: compared.length === 0 ? metricName(result.query.metric, ctx.strings) : appText(result.query, ctx.strings, ctx.names),
		values: shown.points.map((p) => p.value),
		kind,
		...(compared.length === 0 ? {} : { appId: result.query.appId }),
	};
	const others = compared.map((c) => {
		const byDate = new Map(lastDays(c.series, result.query.length).points.map((p) => [p.date, p.value]));
		return { label: appText({ appId: c.appId }, ctx.strings, ctx.names), values: dates.map((d) => byDate.get(d) ?? null), kind, appId: c.appId };
	});
	return [first, ...others];
}

/**
 * The DAU and MAU a stickiness chart is made from, as table columns (not drawn: their scale is not a ratio's); [] otherwise.
 * A comparison has both for each app, in the order of its lines, each column naming its app.
 */
export function sourceColumns(result: PanelResult, shown: DailySeries, ctx: ViewContext): ShownColumn[] {
	const sources = result.sources;
	if (!sources) return [];
	const column = (label: string, series: DailySeries): ShownColumn => {
		const byDate = new Map(series.points.map((p) => [p.date, p.value]));
		return { label, values: shown.points.map((p) => byDate.get(p.date) ?? null), kind: 'count' };
	};
	const compared = result.compared ?? [];
	if (compared.length === 0) return [column(ctx.strings.dauColumn, sources.dau), column(ctx.strings.mauColumn, sources.mau)];
	const apps = [{ appId: result.query.appId, sources }, ...compared.flatMap((c) => (c.sources ? [{ appId: c.appId, sources: c.sources }] : []))];
	return apps.flatMap(({ appId, sources: held }) => {
		const app = appText({ appId }, ctx.strings, ctx.names);
		return [column(fillPlaceholders(ctx.strings.appSourceColumn, ctx.strings.dauColumn, app), held.dau), column(fillPlaceholders(ctx.strings.appSourceColumn, ctx.strings.mauColumn, app), held.mau)];
	});
}

/** The previous period's values aligned on the shown days, or null when the result does not hold all of it. */
export function previousPeriodValues(result: PanelResult, shown: DailySeries): (number | null)[] | null {
	return previousPeriodSeries(result.series, shown, result.query.length)?.points.map((p) => p.value) ?? null;
}

/** The columns of the query's period overlays (as `overlaySeries`), labelled as their chart lines, after the main column's label. */
export function overlayColumns(result: PanelResult, shown: DailySeries, ctx: ViewContext, mainLabel: string): ShownColumn[] {
	const kind = valueKindOf(result.query.metric);
	return overlaySeries(result, shown).map((o) => ({
		label: fillPlaceholders(o.period === 'previous' ? ctx.strings.previousPeriodLine : ctx.strings.yearBeforeLine, mainLabel),
		values: o.series.points.map((p) => p.value),
		kind,
	}));
}

/**
 * The chart's lines for `columns`, plus the dashed previous period when the query's comparison asks for it, or `view`
 * does and the comparison has no period overlay, and it is there; and the dashed year before when the result holds it.
 */
export function chartLines(columns: readonly ShownColumn[], previous: readonly (number | null)[] | null, view: ChartViewOptions, ctx: ViewContext, overlays: ChartOverlays = {}): ChartLine[] {
	const detail = (c: ShownColumn) => (typeof c.appId === 'string' && ctx.names?.[c.appId] !== undefined ? { detail: fillPlaceholders(ctx.strings.appIdTooltip, c.appId) } : {});
	const lines: ChartLine[] = columns.map((c, i) => ({ label: c.label, values: c.values, overlay: false, colourIndex: i, ...detail(c) }));
	const main = columns[0];
	// The toggle counts only without a period overlay: a year-before comparison never gets a second dashed line of the same look.
	if ((overlays.period === 'previous' || (view.previousPeriod && overlays.period === undefined)) && previous && main) {
		lines.push({ label: fillPlaceholders(ctx.strings.previousPeriodLine, main.label), values: previous, overlay: true, colourIndex: 0 });
	}
	if (overlays.yearBefore && main) {
		lines.push({ label: fillPlaceholders(ctx.strings.yearBeforeLine, main.label), values: overlays.yearBefore, overlay: true, colourIndex: 0 });
	}
	return lines;
}

/** What the query's comparison adds to the chart: the period it asks for, and the year-before values when the result holds them. */
export interface ChartOverlays {
	readonly period?: ComparePeriod;
	readonly yearBefore?: readonly (number | null)[];
}

/** The overlays of `result` lined up on `shown`. */
export function chartOverlays(result: PanelResult, shown: DailySeries): ChartOverlays {
	const period = result.query.compare?.period;
	return { ...(period ? { period } : {}), ...(result.yearBefore ? { yearBefore: yearBeforeValues(result.yearBefore, shown) } : {}) };
}
