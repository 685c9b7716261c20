// The summary of a comparison: one row per series with the figures a single series shows as cards. A stickiness
// comparison gives each app Home's figures from its own DAU and MAU.
import type { DailySeries } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import { rangeStickiness } from '../shared/stickiness';
import type { StickinessSources } from '../shared/stickinessResult';
import { comparePeriods, lastDays, summarizeSeries } from '../shared/summary';
import type { ValuedPoint } from '../shared/summary';
import { h } from './dom';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { Formatters } from './format';
import { appText, valueText } from './labels';
import type { ViewContext } from './labels';
import { relativeStickinessChange } from './stickinessSummaryView';

/** One row of the comparison: its app, what was fetched for it, and for stickiness the DAU and MAU it comes from. */
interface CompareRow {
	readonly appId: string | null;
	readonly fetched: DailySeries;
	readonly sources?: StickinessSources;
}

/**
 * A table: series, latest complete day, average (stickiness: Home's figure of the range), minimum, maximum and change,
 * for the query's app and each compared one.
 */
export function renderCompareSummary(result: PanelResult, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const all: CompareRow[] = [
		{ appId: result.query.appId, fetched: result.series, ...(result.sources ? { sources: result.sources } : {}) },
		...(result.compared ?? []).map((c) => ({ appId: c.appId, fetched: c.series, ...(c.sources ? { sources: c.sources } : {}) })),
	];
	const ratio = result.sources !== undefined;
	const kind = ratio ? 'ratio' : 'count';
	const point = (p: ValuedPoint | null): HTMLElement =>
		p ? h('td', { class: 'numeric', title: format.mediumDate(p.date) }, valueText(p.value, kind, format)) : h('td', { class: 'numeric no-data' }, strings.noData);
	const rows = all.map(({ appId, fetched, sources }) => {
		const label = appText({ appId }, strings, ctx.names);
		// The whole name, and the identifier behind a name, in the tooltip of a name the column may cut.
		const title = appId !== null && ctx.names?.[appId] !== undefined ? `${label}\n${fillPlaceholders(strings.appIdTooltip, appId)}` : label;
		const shown = lastDays(fetched, result.query.length);
		const summary = summarizeSeries(shown);
		const figure = sources ? rangeStickiness(sources.dau, sources.mau, shown.firstDate, shown.lastDate) : summary.average;
		return h(
			'tr',
			{},
			h('th', { scope: 'row', title }, h('span', { class: 'series-name' }, label)),
			point(summary.latestComplete),
			figure === null ? h('td', { class: 'numeric no-data' }, strings.noData) : h('td', { class: 'numeric' }, ratio ? format.ratio(figure) : format.decimal(figure)),
			point(summary.min),
			point(summary.max),
			h('td', { class: 'numeric' }, sources ? stickinessChangeText(sources, shown, format) : changeText(fetched, shown, format)),
		);
	});
	const headers = [strings.seriesColumn, strings.latestComplete, ratio ? strings.stickinessRange : strings.average, strings.minimum, strings.maximum, strings.change];
	// Its own horizontal scroll box, reachable by keyboard, so that a narrow panel scrolls the table and not the page.
	return h(
		'section',
		{ class: 'summary compare-scroll', 'aria-label': strings.summaryLabel, tabindex: '0' },
		h('table', { class: 'data-table compare-summary' }, h('thead', {}, h('tr', {}, ...headers.map((text, i) => h('th', { scope: 'col', class: i === 0 ? undefined : 'numeric' }, text)))), h('tbody', {}, ...rows)),
	);
}

/**
 * A summary row's change: the average of `shown`'s complete days against the same number of days just before them in
 * `fetched`, relative (or absolute when the previous average is 0); empty when `fetched` does not hold both periods.
 * The comparison table and the Markdown copy both use it.
 */
export function changeText(fetched: DailySeries, shown: DailySeries, format: Formatters): string {
	const summary = summarizeSeries(shown);
	const comparison = summary.completeDays > 0 ? comparePeriods(fetched, summary.completeDays) : null;
	return comparison === null ? '' : comparison.relativeChange === null ? format.signed(comparison.change) : format.percent(comparison.relativeChange);
}

/** A stickiness row's change, as the stickiness change card computes it from `sources`; empty where the card shows none. */
export function stickinessChangeText(sources: StickinessSources, shown: DailySeries, format: Formatters): string {
	const relative = relativeStickinessChange(sources, shown);
	return relative === null ? '' : format.percent(relative);
}
