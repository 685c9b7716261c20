// What the panel shares: the chart as PNG bytes and the result as a GitHub-flavoured Markdown table. The host
// writes the file or the clipboard; the webview only builds the data, from what it shows.
import type { DailySeries } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import { overlaySeries } from '../shared/overlays';
import { rangeStickiness } from '../shared/stickiness';
import type { StickinessSources } from '../shared/stickinessResult';
import { lastDays, summarizeSeries } from '../shared/summary';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { ShownColumn } from './chartLines';
import { changeText, stickinessChangeText } from './compareSummaryView';
import { appText, appsText, instanceText, metricName, rangeText, valueKindOf, valueText } from './labels';
import { shownRangeStickiness, shownStickinessChange } from './stickinessSummaryView';
import type { ViewContext } from './labels';

/**
 * The chart as PNG, base64, at the canvas' own pixel size (its CSS size × devicePixelRatio), on the theme's
 * editor background: a transparent PNG would lose its lines on a background of the other brightness.
 */
export function chartPngBase64(canvas: HTMLCanvasElement, background: string): string {
	return chartOnBackground(canvas, background).toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** A copy of the chart canvas, same pixel size, drawn over `background`. */
export function chartOnBackground(canvas: HTMLCanvasElement, background: string): HTMLCanvasElement {
	const copy = document.createElement('canvas');
	copy.width = canvas.width;
	copy.height = canvas.height;
	const context = copy.getContext('2d');
	if (!context) throw new Error('no 2D context');
	context.fillStyle = background;
	context.fillRect(0, 0, copy.width, copy.height);
	context.drawImage(canvas, 0, 0);
	return copy;
}

/** A cell's text with the characters that would break a Markdown table escaped. */
function cell(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function row(cells: readonly string[]): string {
	return `| ${cells.map(cell).join(' | ')} |`;
}

/**
 * The series a summary row is given for: the query's, each compared app's and each period overlay's, over their own
 * days (`days`), with what was fetched for them (`fetched`, which may reach back a previous period for the change).
 */
function summarySeries(result: PanelResult, shown: DailySeries, columns: readonly ShownColumn[], ctx: ViewContext): { label: string; days: DailySeries; fetched: DailySeries; sources?: StickinessSources }[] {
	const main = columns[0]?.label ?? metricName(result.query.metric, ctx.strings);
	return [
		{ label: main, days: shown, fetched: result.series },
		// A compared app's stickiness row takes its figures from its own DAU and MAU.
		...(result.compared ?? []).map((c) => ({ label: appText({ appId: c.appId }, ctx.strings, ctx.names), days: lastDays(c.series, result.query.length), fetched: c.series, ...(c.sources ? { sources: c.sources } : {}) })),
		...overlaySeries(result, shown).map((o) => ({ label: fillPlaceholders(o.period === 'previous' ? ctx.strings.previousPeriodLine : ctx.strings.yearBeforeLine, main), days: o.series, fetched: o.series })),
	];
}

/**
 * Title, app and range, where the data came from (the connection's name is the host's to add: `{connection}`
 * stays as a placeholder until connections exist), the summary figures (a row per series when there are several),
 * and the per-day table with one column per series, period overlays included (the caller's `columns`).
 */
export function resultMarkdown(result: PanelResult, shown: DailySeries, columns: readonly ShownColumn[], ctx: ViewContext): string {
	const { strings, format } = ctx;
	const summary = summarizeSeries(shown);
	const kind = valueKindOf(result.query.metric);
	const dated = (p: { date: string; value: number } | null): string => (p ? `${valueText(p.value, kind, format)} (${format.mediumDate(p.date)})` : strings.noData);
	// A ratio's figure for the range is Home's stickiness (average DAU ÷ average MAU), not an average of daily ratios.
	const range = kind === 'ratio' ? shownRangeStickiness(result, shown) : summary.average;
	const figures: [string, string][] = [
		[strings.latestComplete, dated(summary.latestComplete)],
		[kind === 'ratio' ? strings.stickinessRange : strings.average, range === null ? strings.noData : kind === 'ratio' ? format.ratio(range) : format.decimal(range)],
		[strings.minimum, dated(summary.min)],
		[strings.maximum, dated(summary.max)],
	];
	const series = summarySeries(result, shown, columns, ctx);
	// Several series: one row each, as the comparison's summary table, with its change (an empty cell, as there, when it cannot be computed).
	const change = (fetched: DailySeries, days: DailySeries, sources: StickinessSources | undefined): string => {
		if (kind !== 'ratio') return changeText(fetched, days, format);
		if (sources) return stickinessChangeText(sources, days, format);
		const relative = shownStickinessChange(result, days);
		return relative === null ? '' : format.percent(relative);
	};
	const summaryRows =
		series.length > 1
			? [
					row([strings.seriesColumn, strings.latestComplete, kind === 'ratio' ? strings.stickinessRange : strings.average, strings.minimum, strings.maximum, strings.change]),
					'| --- | ---: | ---: | ---: | ---: | ---: |',
					...series.map(({ label, days, fetched, sources }) => {
						const s = summarizeSeries(days);
						// As the single series' figure: a ratio's is Home's stickiness over the row's own days.
						const average = kind !== 'ratio' ? s.average : sources ? rangeStickiness(sources.dau, sources.mau, days.firstDate, days.lastDate) : shownRangeStickiness(result, days);
						return row([label, dated(s.latestComplete), average === null ? strings.noData : kind === 'ratio' ? format.ratio(average) : format.decimal(average), dated(s.min), dated(s.max), change(fetched, days, sources)]);
					}),
				]
			: [row([strings.summaryLabel, '']), '| --- | ---: |', ...figures.map(([label, value]) => row([label, value]))];
	const lines = [
		`## ${cell(metricName(result.query.metric, strings))} · ${cell(appsText(result.query, ctx))}`,
		'',
		`${cell(rangeText(shown, ctx, result.query.preset))} · ${cell(instanceText(result, strings))}`,
		'',
		...summaryRows,
		'',
		row([strings.dateColumn, ...columns.map((c) => c.label)]),
		`| --- |${columns.map(() => ' ---: |').join('')}`,
		...shown.points.map((p, i) => {
			const date = p.date === shown.provisionalDate ? fillPlaceholders(strings.tooltipProvisional, p.date) : p.date;
			return row([date, ...columns.map((c) => {
				const value = c.values[i] ?? null;
				// Counts stay exact and plain; ratios read as percentages.
				return value === null ? '' : c.kind === 'ratio' ? format.ratio(value) : String(value);
			})]);
		}),
		'',
	];
	return lines.join('\n');
}
