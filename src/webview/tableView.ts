// The table alternative to the chart: the same days and values, one row per day and one column per series.
import type { DailySeries } from '../shared/kpi';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { ShownColumn } from './chartLines';
import { h } from './dom';
import { seriesBounds, valueText } from './labels';
import type { ViewContext } from './labels';

export function renderTable(shown: DailySeries, columns: readonly ShownColumn[], ctx: ViewContext): HTMLTableElement {
	const { strings, format } = ctx;
	const [first, last] = seriesBounds(shown);
	const caption = fillPlaceholders(strings.tableCaption, columns.map((c) => c.label).join(', '), format.mediumDate(first), format.mediumDate(last));
	const rows = shown.points.map((point, index) => {
		const provisional = point.date === shown.provisionalDate;
		const dateCell = h('th', { scope: 'row' }, format.longDate(point.date));
		if (provisional) dateCell.append(' ', h('span', { class: 'badge' }, strings.provisional));
		const valueCells = columns.map((column) => {
			const value = column.values[index] ?? null;
			return value === null ? h('td', { class: 'numeric no-data' }, strings.noData) : h('td', { class: 'numeric' }, valueText(value, column.kind, format));
		});
		return h('tr', { 'data-date': point.date, class: provisional ? 'provisional' : undefined }, dateCell, ...valueCells);
	});
	return h(
		'table',
		{ class: 'data-table' },
		h('caption', {}, caption),
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, strings.dateColumn), ...columns.map((c) => h('th', { scope: 'col', class: 'numeric' }, c.label)))),
		h('tbody', {}, ...rows),
	);
}
