// The header (what was asked, from where) and the summary figures above the chart.
import { addDays, daysBetween } from '../shared/dates';
import type { DailySeries } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';
import { comparePeriods, gapBreakdown, summarizeSeries } from '../shared/summary';
import type { PeriodComparison, SeriesSummary, ValuedPoint } from '../shared/summary';
import { fillPlaceholders } from '../shared/webviewStrings';
import { h } from './dom';
import { appsText, appsTooltip, instanceText, metricName, rangeText } from './labels';
import type { ViewContext } from './labels';

/** The heading and the facts line: apps (and the comparison's period overlay, as the tab says it), range, instance. */
export function renderHeading(query: KpiQuerySpec, result: PanelResult | null, shown: DailySeries | null, ctx: ViewContext): HTMLElement[] {
	const period = query.compare?.period;
	const appsOnly = appsText(query, ctx);
	const apps = period === undefined ? appsOnly : fillPlaceholders(period === 'year' ? ctx.strings.appsWithYearBefore : ctx.strings.appsWithPreviousPeriod, appsOnly);
	const facts: [string, string][] = [[apps, appsTooltip(query, ctx) ?? apps]];
	if (result && shown) facts.push(...[rangeText(shown, ctx, result.query.preset), instanceText(result, ctx.strings)].map((t): [string, string] => [t, t]));
	return [
		h('h1', { id: 'panel-title' }, metricName(query.metric, ctx.strings)),
		// A fact too long for the line wraps; an app shown by its name has its identifier in the tooltip.
		h('ul', { class: 'query-facts' }, ...facts.map(([text, title]) => h('li', { title }, text))),
	];
}

/**
 * Summary of the days shown; `fetched` is the whole series the host sent, whose earlier days (if it
 * fetched more) give the previous period for the change. Without them, the change card says why.
 */
export function renderSummary(shown: DailySeries, fetched: DailySeries, ctx: ViewContext, result?: PanelResult): HTMLElement {
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
	else if (summary.completeDays > 0) items.push(missingChangeFigure(summary.completeDays, fetched, result, ctx));
	return h('section', { class: 'summary', 'aria-label': strings.summaryLabel }, h('dl', {}, ...items), ...summaryNotes(shown, summary, ctx));
}

/** The notes under the cards: the day in progress, days before the first data, and missing days. */
export function summaryNotes(shown: DailySeries, summary: SeriesSummary, ctx: ViewContext): HTMLElement[] {
	const { strings, format } = ctx;
	const notes: HTMLElement[] = [];
	if (summary.provisional) notes.push(h('p', { class: 'note' }, fillPlaceholders(strings.provisionalNote, format.longDate(summary.provisional.date))));
	const gaps = gapBreakdown(shown);
	if (gaps.firstDataDate !== null && gaps.beforeFirstData > 0) {
		const template = gaps.beforeFirstData === 1 ? strings.firstDataNoteOne : strings.firstDataNoteMany;
		notes.push(h('p', { class: 'note', 'data-note': 'before-first-data' }, fillPlaceholders(template, format.mediumDate(gaps.firstDataDate), format.count(gaps.beforeFirstData))));
	}
	if (gaps.missing === 1) notes.push(h('p', { class: 'note', 'data-note': 'missing' }, strings.gapNoteOne));
	if (gaps.missing > 1) notes.push(h('p', { class: 'note', 'data-note': 'missing' }, fillPlaceholders(strings.gapNoteMany, format.count(gaps.missing))));
	return notes;
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

/** The change card without a change: never an unexplained hole, it says why there is no figure. */
function missingChangeFigure(days: number, fetched: DailySeries, result: PanelResult | undefined, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const count = format.count(days);
	const missing = result?.previousMissing;
	const lastComplete = fetched.provisionalDate === fetched.lastDate ? addDays(fetched.lastDate, -1) : fetched.lastDate;
	const covered = fetched.firstDate <= addDays(lastComplete, -(2 * days - 1));
	let why: string;
	if (missing?.reason === 'requests') why = fillPlaceholders(strings.changeNeedsRequests, count, format.count(missing.requests));
	else if (missing?.reason === 'failed') why = fillPlaceholders(strings.changeFetchFailed, count);
	else if (result?.source) why = strings.changeNotInFile;
	else if (covered) why = strings.changeNoData;
	else why = fillPlaceholders(strings.changeNotFetched, count);
	const box = figureBox('change', strings.change, strings.changeUnavailable, why);
	box.classList.add('figure-missing');
	return box;
}

/** One card; `title`, when given, explains how its figure is computed (a tooltip). */
export function figureBox(name: string, label: string, value: string, detail: string, title?: string): HTMLElement {
	// The tooltip is for the mouse; the same text, hidden, is read by screen readers.
	const explained = title === undefined ? [] : [h('dd', { class: 'visually-hidden' }, title)];
	return h('div', { class: 'figure', 'data-figure': name, title }, h('dt', {}, label), h('dd', { class: 'figure-value' }, value), h('dd', { class: 'figure-detail' }, detail), ...explained);
}
