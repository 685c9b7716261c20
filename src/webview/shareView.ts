// What the panel shares: the chart as PNG bytes and the result as a GitHub-flavoured Markdown table. The host
// writes the file or the clipboard; the webview only builds the data, from what it shows.
import type { DailySeries } from '../shared/kpi';
import type { PanelResult } from '../shared/protocol';
import { summarizeSeries } from '../shared/summary';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { ShownColumn } from './chartLines';
import { appText, instanceText, metricName, rangeText } from './labels';
import type { ViewContext } from './labels';

/**
 * The chart as PNG, base64, at the canvas' own pixel size (its CSS size × devicePixelRatio), on the theme's
 * editor background: a transparent PNG would lose its lines on a background of the other brightness.
 */
export function chartPngBase64(canvas: HTMLCanvasElement, background: string): string {
	const copy = document.createElement('canvas');
	copy.width = canvas.width;
	copy.height = canvas.height;
	const context = copy.getContext('2d');
	if (!context) throw new Error('no 2D context');
	context.fillStyle = background;
	context.fillRect(0, 0, copy.width, copy.height);
	context.drawImage(canvas, 0, 0);
	return copy.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** A cell's text with the characters that would break a Markdown table escaped. */
function cell(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function row(cells: readonly string[]): string {
	return `| ${cells.map(cell).join(' | ')} |`;
}

/**
 * Title, app and range, where the data came from (the connection's name is the host's to add: `{connection}`
 * stays as a placeholder until connections exist), the summary figures, and the per-day table with one column per series.
 */
export function resultMarkdown(result: PanelResult, shown: DailySeries, columns: readonly ShownColumn[], ctx: ViewContext): string {
	const { strings, format } = ctx;
	const summary = summarizeSeries(shown);
	const figures: [string, string][] = [
		[strings.latestComplete, summary.latestComplete ? `${format.count(summary.latestComplete.value)} (${format.mediumDate(summary.latestComplete.date)})` : strings.noData],
		[strings.average, summary.average === null ? strings.noData : format.decimal(summary.average)],
		[strings.minimum, summary.min ? `${format.count(summary.min.value)} (${format.mediumDate(summary.min.date)})` : strings.noData],
		[strings.maximum, summary.max ? `${format.count(summary.max.value)} (${format.mediumDate(summary.max.date)})` : strings.noData],
	];
	const lines = [
		`## ${cell(metricName(result.query.metric, strings))} · ${cell(appText(result.query, strings))}`,
		'',
		`${cell(rangeText(shown, ctx, result.query.preset))} · ${cell(instanceText(result, strings))}`,
		'',
		row([strings.summaryLabel, '']),
		'| --- | ---: |',
		...figures.map(([label, value]) => row([label, value])),
		'',
		row([strings.dateColumn, ...columns.map((c) => c.label)]),
		`| --- |${columns.map(() => ' ---: |').join('')}`,
		...shown.points.map((p, i) => {
			const date = p.date === shown.provisionalDate ? fillPlaceholders(strings.tooltipProvisional, p.date) : p.date;
			return row([date, ...columns.map((c) => {
				const value = c.values[i] ?? null;
				return value === null ? '' : String(value);
			})]);
		}),
		'',
	];
	return lines.join('\n');
}
