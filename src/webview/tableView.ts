// The table alternative to the chart: the same days and values, one row per day.
import type { DailySeries } from '../shared/kpi';
import { fillPlaceholders } from '../shared/webviewStrings';
import { h } from './dom';
import { seriesBounds } from './labels';
import type { ViewContext } from './labels';

export function renderTable(shown: DailySeries, seriesLabel: string, ctx: ViewContext): HTMLTableElement {
	const { strings, format } = ctx;
	const [first, last] = seriesBounds(shown);
	const caption = fillPlaceholders(strings.tableCaption, seriesLabel, format.mediumDate(first), format.mediumDate(last));
	const rows = shown.points.map((point) => {
		const provisional = point.date === shown.provisionalDate;
		const dateCell = h('th', { scope: 'row' }, format.longDate(point.date));
		if (provisional) dateCell.append(' ', h('span', { class: 'badge' }, strings.provisional));
		const valueCell = point.value === null ? h('td', { class: 'numeric no-data' }, strings.noData) : h('td', { class: 'numeric' }, format.count(point.value));
		return h('tr', { 'data-date': point.date, class: provisional ? 'provisional' : undefined }, dateCell, valueCell);
	});
	return h(
		'table',
		{ class: 'data-table' },
		h('caption', {}, caption),
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, strings.dateColumn), h('th', { scope: 'col', class: 'numeric' }, seriesLabel))),
		h('tbody', {}, ...rows),
	);
}
