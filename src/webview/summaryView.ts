// The header (what was asked, from where) and the summary figures above the chart.
import { daysBetween } from '../shared/dates';
import type { DailySeries } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';
import { comparePeriods, gapBreakdown, summarizeSeries } from '../shared/summary';
import type { PeriodComparison, ValuedPoint } from '../shared/summary';
import { fillPlaceholders } from '../shared/webviewStrings';
import { h } from './dom';
import { appText, instanceText, metricName, rangeText } from './labels';
import type { ViewContext } from './labels';

/** The heading and the facts line: app, range, instance. */
export function renderHeading(query: KpiQuerySpec, result: PanelResult | null, shown: DailySeries | null, ctx: ViewContext): HTMLElement[] {
	const facts = [appText(query, ctx.strings)];
	if (result && shown) facts.push(rangeText(shown, ctx, result.query.preset), instanceText(result, ctx.strings));
	return [
		h('h1', { id: 'panel-title' }, metricName(query.metric, ctx.strings)),
		// Each fact keeps to one line; a long app ID is cut with an ellipsis and shown whole in its tooltip.
		h('ul', { class: 'query-facts' }, ...facts.map((text) => h('li', { title: text }, text))),
	];
}

/**
 * Summary of the days shown; `fetched` is the whole series the host sent, whose earlier days (if it
 * fetched more) give the previous period for the change.
 */
export function renderSummary(shown: DailySeries, fetched: DailySeries, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const summary = summarizeSeries(shown);
	const comparison = summary.completeDays > 0 ? comparePeriods(fetched, summary.completeDays) : null;
	const items = [
		figure('latest', strings.latestComplete, summary.latestComplete, ctx),
		figure('average', strings.average, summary.average === null ? null : format.decimal(summary.average), ctx),
		figure('minimum', strings.minimum, summary.min, ctx),
		figure('maximum', strings.maximum, summary.max, ctx),
	];
	if (comparison) items.push(changeFigure(comparison, ctx));
	const notes: HTMLElement[] = [];
	if (summary.provisional) notes.push(h('p', { class: 'note' }, fillPlaceholders(strings.provisionalNote, format.longDate(summary.provisional.date))));
	const gaps = gapBreakdown(shown);
	if (gaps.firstDataDate !== null && gaps.beforeFirstData > 0) {
		const template = gaps.beforeFirstData === 1 ? strings.firstDataNoteOne : strings.firstDataNoteMany;
		notes.push(h('p', { class: 'note', 'data-note': 'before-first-data' }, fillPlaceholders(template, format.mediumDate(gaps.firstDataDate), format.count(gaps.beforeFirstData))));
	}
	if (gaps.missing === 1) notes.push(h('p', { class: 'note', 'data-note': 'missing' }, strings.gapNoteOne));
	if (gaps.missing > 1) notes.push(h('p', { class: 'note', 'data-note': 'missing' }, fillPlaceholders(strings.gapNoteMany, format.count(gaps.missing))));
	return h('section', { class: 'summary', 'aria-label': strings.summaryLabel }, h('dl', {}, ...items), ...notes);
}

function figure(name: string, label: string, value: ValuedPoint | string | null, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const valueText = value === null ? strings.noData : typeof value === 'string' ? value : format.count(value.value);
	const detail = value !== null && typeof value !== 'string' ? format.mediumDate(value.date) : '';
	return figureBox(name, label, valueText, detail);
}

function changeFigure(comparison: PeriodComparison, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const days = daysBetween(comparison.current.firstDate, comparison.current.lastDate) + 1;
	const detail = days === 1 ? strings.changeDetailOne : fillPlaceholders(strings.changeDetailMany, format.count(days));
	const value = comparison.relativeChange === null ? format.signed(comparison.change) : format.percent(comparison.relativeChange);
	return figureBox('change', strings.change, value, detail);
}

function figureBox(name: string, label: string, value: string, detail: string): HTMLElement {
	return h('div', { class: 'figure', 'data-figure': name }, h('dt', {}, label), h('dd', { class: 'figure-value' }, value), h('dd', { class: 'figure-detail' }, detail));
}
