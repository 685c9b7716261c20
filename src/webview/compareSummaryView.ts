// The summary of a comparison: one row per series with the figures a single series shows as cards.
import type { DailySeries } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import { comparePeriods, lastDays, summarizeSeries } from '../shared/summary';
import type { ValuedPoint } from '../shared/summary';
import { h } from './dom';
import type { Formatters } from './format';
import { appText } from './labels';
import type { ViewContext } from './labels';

/** A table: series, latest complete day, average, minimum, maximum and change, for the query's app and each compared one. */
export function renderCompareSummary(result: PanelResult, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const all: { label: string; fetched: DailySeries }[] = [
		{ label: appText(result.query, strings, ctx.names), fetched: result.series },
		...(result.compared ?? []).map((c) => ({ label: appText({ appId: c.appId }, strings, ctx.names), fetched: c.series })),
	];
	const point = (p: ValuedPoint | null): HTMLElement =>
		p ? h('td', { class: 'numeric', title: format.mediumDate(p.date) }, format.count(p.value)) : h('td', { class: 'numeric no-data' }, strings.noData);
	const rows = all.map(({ label, fetched }) => {
		const shown = lastDays(fetched, result.query.length);
		const summary = summarizeSeries(shown);
		return h(
			'tr',
			{},
			h('th', { scope: 'row' }, label),
			point(summary.latestComplete),
			summary.average === null ? h('td', { class: 'numeric no-data' }, strings.noData) : h('td', { class: 'numeric' }, format.decimal(summary.average)),
			point(summary.min),
			point(summary.max),
			h('td', { class: 'numeric' }, changeText(fetched, shown, format)),
		);
	});
	const headers = [strings.seriesColumn, strings.latestComplete, strings.average, strings.minimum, strings.maximum, strings.change];
	return h(
		'section',
		{ class: 'summary', 'aria-label': strings.summaryLabel },
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
