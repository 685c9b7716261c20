// The KPI line chart: one or more series over the same days, on a linear day axis whose ticks fall on
// calendar boundaries. Registers only the Chart.js parts a line chart needs (tree-shaken).
import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { ChartConfiguration, ChartDataset, Scale, ScriptableLineSegmentContext, TooltipItem } from 'chart.js';
import { calendarTicks } from '../shared/calendarTicks';
import type { CalendarTicks } from '../shared/calendarTicks';
import { fromDayNumber, toDayNumber } from '../shared/dates';
import { decimateDays } from '../shared/decimate';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { Formatters } from './format';
import { valueText } from './labels';
import type { ValueKind } from './labels';
import type { ChartPalette } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

/** One line of the chart: a value per day of `ChartModel.dates`, null for a day without data. */
export interface ChartLine {
	readonly label: string;
	readonly values: readonly (number | null)[];
	/** A comparison drawn dashed (the previous period, aligned by day). */
	readonly overlay: boolean;
	/** Which of the theme's chart colours it takes. */
	readonly colourIndex: number;
	/** The legend entry's tooltip (an app's identifier when the label is its name). */
	readonly detail?: string;
}

/** What the chart draws. */
export interface ChartModel {
	readonly dates: readonly string[];
	readonly lines: readonly ChartLine[];
	/** Index of the day still in progress, or -1. */
	readonly provisionalIndex: number;
	/** Tooltip title of the provisional day; {0}: the day. */
	readonly provisionalTitle: string;
	/** Tooltip line; {0}: the series label, {1}: the value. Templates, so that each language orders and spaces them. */
	readonly valueLine: string;
	readonly noDataText: string;
	/** The y-axis starts at zero; otherwise it fits the data. */
	readonly beginAtZero: boolean;
	/** Counts, or fractions shown as percentages (stickiness) on the axis and in tooltips. */
	readonly valueKind: ValueKind;
}

type XY = { x: number; y: number | null };
type LineChart = Chart<'line', XY[], string>;

const DASH = [5, 4];
const OVERLAY_DASH = [6, 4];
const POINT_RADIUS = 3;
// Pixels per bucket of days when a line is thinned for drawing (the table and tooltips stay exact).
const PIXELS_PER_BUCKET = 4;
// Room a tick label needs, in pixels, without and with the year.
const TICK_WIDTH = 64;
const TICK_WIDTH_WITH_YEAR = 92;

/** The name of the performance measure of each `show` (data in, chart drawn). */
export const DRAW_MEASURE = 'kpi-chart-draw';

const EMPTY_MODEL: ChartModel = { dates: [], lines: [], provisionalIndex: -1, provisionalTitle: '{0}', valueLine: '{0}: {1}', noDataText: '', beginAtZero: false, valueKind: 'count' };

/** Owns the Chart.js instance on one canvas; re-drawn in place on new data or a new theme. */
export class KpiChart {
	private readonly chart: LineChart;
	private model: ChartModel = EMPTY_MODEL;
	private firstDay = 0;
	private ticks: CalendarTicks = { unit: 'day', dates: [], spansYears: false };

	constructor(
		private readonly canvas: HTMLCanvasElement,
		private readonly format: Formatters,
		locale: string,
		private palette: ChartPalette,
	) {
		applyDefaults(palette);
		this.chart = new Chart(canvas, this.configuration(locale));
	}

	/** The colour of line `colourIndex` in the current theme. */
	colourOf(colourIndex: number): string {
		const colours = this.palette.series;
		return colours[colourIndex % colours.length] ?? this.palette.line;
	}

	show(model: ChartModel): void {
		const started = performance.now();
		this.model = model;
		this.firstDay = model.dates[0] ? toDayNumber(model.dates[0]) : 0;
		this.chart.data.datasets = model.lines.map((line) => this.dataset(line));
		const x = this.chart.options.scales?.x;
		if (x) {
			// Half a day of room at each end: the first and last points are never clipped.
			x.min = this.firstDay - 0.5;
			x.max = this.firstDay + Math.max(0, model.dates.length - 1) + 0.5;
		}
		const y = this.chart.options.scales?.y;
		// Fitting the data: the axis starts near the lowest value, with 5 % room, so a flat band (MAU) shows its shape.
		if (y?.type === 'linear') Object.assign(y, { beginAtZero: model.beginAtZero, grace: model.beginAtZero ? 0 : '5%' });
		// Whole steps for counts; steps of 0.1 % for a ratio (whole steps of a fraction would leave only 0 and 1).
		if (y) y.ticks = { ...y.ticks, precision: model.valueKind === 'ratio' ? 3 : 0 };
		this.redraw();
		// A User Timing entry: `npm run bench` reads it, and it shows in the webview's developer tools.
		performance.clearMeasures(DRAW_MEASURE);
		performance.measure(DRAW_MEASURE, { start: started });
	}

	/** Re-reads colours and font after a theme switch. */
	recolour(palette: ChartPalette): void {
		this.palette = palette;
		applyDefaults(palette);
		const { x, y } = this.chart.options.scales ?? {};
		for (const scale of [x, y]) {
			if (!scale) continue;
			scale.ticks = { ...scale.ticks, color: palette.foreground };
			scale.grid = { ...scale.grid, color: palette.grid };
			scale.border = { ...scale.border, color: palette.grid };
		}
		const tooltip = this.chart.options.plugins?.tooltip;
		if (tooltip) Object.assign(tooltip, tooltipColours(palette));
		this.chart.data.datasets = this.model.lines.map((line) => this.dataset(line));
		this.redraw();
	}

	destroy(): void {
		this.chart.destroy();
	}

	private dataset(line: ChartLine): ChartDataset<'line', XY[]> {
		const colour = this.colourOf(line.colourIndex);
		const buckets = Math.max(1, (this.canvas.clientWidth || 800) / PIXELS_PER_BUCKET);
		const drawn = decimateDays(line.values, buckets);
		const data = drawn.map((p) => ({ x: this.firstDay + p.index, y: p.value }));
		const provisional = line.overlay ? -1 : drawn.findIndex((p) => p.index === this.model.provisionalIndex);
		// Constant options unless a point must show: Chart.js then resolves them once per line, not per point.
		const marked = data.map((p, i) => p.y !== null && (i === provisional || ((data[i - 1]?.y ?? null) === null && (data[i + 1]?.y ?? null) === null)));
		const anyMarked = marked.includes(true);
		return {
			label: line.label,
			data,
			parsing: false,
			normalized: true,
			borderColor: colour,
			backgroundColor: colour,
			borderWidth: line.overlay ? 1.5 : 2,
			borderDash: line.overlay ? OVERLAY_DASH : [],
			tension: 0,
			spanGaps: false, // A day without data is a gap, never an interpolated value.
			pointRadius: anyMarked ? marked.map((m) => (m ? POINT_RADIUS : 0)) : 0,
			pointHoverRadius: 4,
			pointHitRadius: 8,
			pointBorderWidth: 2,
			pointBackgroundColor: provisional >= 0 ? data.map((_, i) => (i === provisional ? this.palette.background : colour)) : colour,
			...(provisional >= 0 ? { segment: { borderDash: (ctx: ScriptableLineSegmentContext) => (ctx.p1DataIndex === provisional ? DASH : undefined) } } : {}),
		};
	}

	private redraw(): void {
		this.chart.update('none');
		// Read back from the drawn chart, for assistive checks and tests; nothing global is exposed.
		const values = this.model.lines[0]?.values ?? [];
		const set = this.canvas.dataset;
		set.dayCount = String(this.model.dates.length);
		set.pointCount = String(values.filter((v) => v !== null).length);
		set.gapCount = String(values.filter((v) => v === null).length);
		set.provisionalIndex = String(this.model.provisionalIndex);
		set.lineCount = String(this.model.lines.length);
		set.lineColour = this.model.lines[0] ? this.colourOf(this.model.lines[0].colourIndex) : '';
		set.lineColours = this.model.lines.map((l) => this.colourOf(l.colourIndex)).join(' ');
		set.drawnPoints = this.chart.data.datasets.map((d) => d.data.length).join(' ');
		set.tickUnit = this.ticks.unit;
		set.ticks = this.ticks.dates.join(' ');
		const y = this.chart.scales.y;
		set.yMin = y ? String(y.min) : '';
		set.yMax = y ? String(y.max) : '';
		set.xMax = String(this.chart.scales.x?.max ?? '');
	}

	private configuration(locale: string): ChartConfiguration<'line', XY[], string> {
		const palette = this.palette;
		return {
			type: 'line',
			data: { datasets: [] },
			options: {
				locale,
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				interaction: { mode: 'nearest', axis: 'x', intersect: false },
				scales: {
					x: {
						type: 'linear',
						grid: { display: false, color: palette.grid },
						border: { color: palette.grid },
						afterBuildTicks: (scale) => this.buildTicks(scale),
						ticks: { color: palette.foreground, maxRotation: 0, autoSkip: false, callback: (value) => this.tickLabel(Number(value)) },
					},
					y: {
						type: 'linear',
						beginAtZero: false,
						grace: '5%',
						grid: { color: palette.grid },
						border: { display: false, color: palette.grid },
						ticks: { color: palette.foreground, precision: 0, callback: (value) => valueText(Number(value), this.model.valueKind, this.format) },
					},
				},
				plugins: {
					tooltip: {
						...tooltipColours(palette),
						borderWidth: 1,
						cornerRadius: 4,
						displayColors: false,
						// Several lines can be nearest at once: one item is enough, it lists every line's value.
						filter: (_item, index) => index === 0,
						callbacks: {
							title: (items) => this.tooltipTitle(items),
							label: (item) => this.tooltipLines(item),
						},
					},
				},
			},
		};
	}

	/** Calendar ticks as many as the axis width holds; the year is in every label when the range spans years. */
	private buildTicks(scale: Scale): void {
		const dates = this.model.dates;
		const first = dates[0];
		const last = dates.at(-1);
		if (!first || !last) {
			scale.ticks = [];
			return;
		}
		const spansYears = first.slice(0, 4) !== last.slice(0, 4);
		const width = scale.width || this.canvas.clientWidth || 800;
		this.ticks = calendarTicks(first, last, width / (spansYears ? TICK_WIDTH_WITH_YEAR : TICK_WIDTH));
		scale.ticks = this.ticks.dates.map((d) => ({ value: toDayNumber(d) }));
	}

	private tickLabel(day: number): string {
		return this.format.axisDate(fromDayNumber(day), this.ticks.unit, this.ticks.spansYears);
	}

	private dayIndex(item: TooltipItem<'line'> | undefined): number {
		return item && item.parsed.x !== null ? Math.round(item.parsed.x - this.firstDay) : -1;
	}

	private tooltipTitle(items: readonly TooltipItem<'line'>[]): string {
		const index = this.dayIndex(items[0]);
		const date = this.model.dates[index];
		if (date === undefined) return '';
		const text = this.format.longDate(date);
		return index === this.model.provisionalIndex ? fillPlaceholders(this.model.provisionalTitle, text) : text;
	}

	/** Every line's exact value on the hovered day (drawn points may be thinned; these never are). */
	private tooltipLines(item: TooltipItem<'line'>): string[] {
		const index = this.dayIndex(item);
		return this.model.lines.map((line) => {
			const value = line.values[index];
			const text = value === null || value === undefined ? this.model.noDataText : valueText(value, this.model.valueKind, this.format);
			return fillPlaceholders(this.model.valueLine, line.label, text);
		});
	}
}

function applyDefaults(palette: ChartPalette): void {
	Chart.defaults.color = palette.foreground;
	Chart.defaults.font.family = palette.fontFamily;
	Chart.defaults.font.size = palette.fontSize;
}

function tooltipColours(palette: ChartPalette): { backgroundColor: string; titleColor: string; bodyColor: string; borderColor: string } {
	return {
		backgroundColor: palette.tooltipBackground,
		titleColor: palette.tooltipForeground,
		bodyColor: palette.tooltipForeground,
		borderColor: palette.tooltipBorder,
	};
}
