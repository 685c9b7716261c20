// The summary of a comparison: one row per series with the figures a single series shows as cards.
import type { DailySeries } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import { comparePeriods, lastDays, summarizeSeries } from '../shared/summary';
import type { ValuedPoint } from '../shared/summary';
import { h } from './dom';
import { fillPlaceholders } from '../shared/webviewStrings';
import { appText } from './labels';
import type { ViewContext } from './labels';

/** A table: series, latest complete day, average, minimum, maximum and change, for the query's app and each compared one. */
export function renderCompareSummary(result: PanelResult, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const all: { appId: string | null; fetched: DailySeries }[] = [{ appId: result.query.appId, fetched: result.series }, ...(result.compared ?? []).map((c) => ({ appId: c.appId, fetched: c.series }))];
	const point = (p: ValuedPoint | null): HTMLElement =>
		p ? h('td', { class: 'numeric', title: format.mediumDate(p.date) }, format.count(p.value)) : h('td', { class: 'numeric no-data' }, strings.noData);
	const rows = all.map(({ appId, fetched }) => {
		const label = appText({ appId }, strings, ctx.names);
		// The whole name, and the identifier behind a name, in the tooltip of a name the column may cut.
		const title = appId !== null && ctx.names?.[appId] !== undefined ? `${label}\n${fillPlaceholders(strings.appIdTooltip, appId)}` : label;
		const shown = lastDays(fetched, result.query.length);
		const summary = summarizeSeries(shown);
		const comparison = summary.completeDays > 0 ? comparePeriods(fetched, summary.completeDays) : null;
		const change = comparison === null ? '' : comparison.relativeChange === null ? format.signed(comparison.change) : format.percent(comparison.relativeChange);
		return h(
			'tr',
			{},
			h('th', { scope: 'row', title }, h('span', { class: 'series-name' }, label)),
			point(summary.latestComplete),
			summary.average === null ? h('td', { class: 'numeric no-data' }, strings.noData) : h('td', { class: 'numeric' }, format.decimal(summary.average)),
			point(summary.min),
			point(summary.max),
			h('td', { class: 'numeric' }, change),
		);
	});
	const headers = [strings.seriesColumn, strings.latestComplete, strings.average, strings.minimum, strings.maximum, strings.change];
	// Its own horizontal scroll box, reachable by keyboard, so that a narrow panel scrolls the table and not the page.
	return h(
		'section',
		{ class: 'summary compare-scroll', 'aria-label': strings.summaryLabel, tabindex: '0' },
		h('table', { class: 'data-table compare-summary' }, h('thead', {}, h('tr', {}, ...headers.map((text, i) => h('th', { scope: 'col', class: i === 0 ? undefined : 'numeric' }, text)))), h('tbody', {}, ...rows)),
	);
}
