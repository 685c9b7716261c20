// The KPI line chart. Registers only the Chart.js parts a line on a category axis needs (tree-shaken).
import { CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { ChartConfiguration, ScriptableContext, ScriptableLineSegmentContext, TooltipItem } from 'chart.js';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { Formatters } from './format';
import type { ChartPalette } from './theme';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/** What the chart draws: one value per calendar day, null for a day without data. */
export interface ChartModel {
	readonly seriesLabel: string;
	readonly dates: readonly string[];
	readonly values: readonly (number | null)[];
	/** Index of the day still in progress, or -1. */
	readonly provisionalIndex: number;
	/** Tooltip title of the provisional day; {0}: the day. */
	readonly provisionalTitle: string;
	/** Tooltip line; {0}: the series label, {1}: the value. Templates, so that each language orders and spaces them. */
	readonly valueLine: string;
	readonly noDataText: string;
}

type LineChart = Chart<'line', (number | null)[], string>;

const DASH = [5, 4];
const POINT_RADIUS = 3;

/** Owns the Chart.js instance on one canvas; re-drawn in place on new data or a new theme. */
export class KpiChart {
	private readonly chart: LineChart;
	private model: ChartModel = { seriesLabel: '', dates: [], values: [], provisionalIndex: -1, provisionalTitle: '{0}', valueLine: '{0}: {1}', noDataText: '' };

	constructor(
		private readonly canvas: HTMLCanvasElement,
		private readonly format: Formatters,
		locale: string,
		private palette: ChartPalette,
	) {
		applyDefaults(palette);
		this.chart = new Chart(canvas, this.configuration(locale));
	}

	show(model: ChartModel): void {
		this.model = model;
		this.chart.data.labels = model.dates.map((d) => this.format.shortDate(d));
		const dataset = this.chart.data.datasets[0];
		dataset.label = model.seriesLabel;
		dataset.data = [...model.values];
		this.redraw();
	}

	/** Re-reads colours and font after a theme switch. */
	recolour(palette: ChartPalette): void {
		this.palette = palette;
		applyDefaults(palette);
		const dataset = this.chart.data.datasets[0];
		dataset.borderColor = palette.line;
		dataset.backgroundColor = palette.line;
		dataset.pointBackgroundColor = this.pointFill;
		const { x, y } = this.chart.options.scales ?? {};
		for (const scale of [x, y]) {
			if (!scale) continue;
			scale.ticks = { ...scale.ticks, color: palette.foreground };
			scale.grid = { ...scale.grid, color: palette.grid };
			scale.border = { ...scale.border, color: palette.grid };
		}
		const tooltip = this.chart.options.plugins?.tooltip;
		if (tooltip) Object.assign(tooltip, tooltipColours(palette));
		this.redraw();
	}

	destroy(): void {
		this.chart.destroy();
	}

	private redraw(): void {
		this.chart.update('none');
		// Read back from the drawn chart, for assistive checks and tests; nothing global is exposed.
		const drawn = this.chart.data.datasets[0];
		const values = drawn.data;
		this.canvas.dataset.dayCount = String(values.length);
		this.canvas.dataset.pointCount = String(values.filter((v) => v !== null).length);
		this.canvas.dataset.gapCount = String(values.filter((v) => v === null).length);
		this.canvas.dataset.provisionalIndex = String(this.model.provisionalIndex);
		this.canvas.dataset.lineColour = typeof drawn.borderColor === 'string' ? drawn.borderColor : '';
	}

	private readonly pointFill = (ctx: ScriptableContext<'line'>): string =>
		ctx.dataIndex === this.model.provisionalIndex ? this.palette.background : this.palette.line;

	private configuration(locale: string): ChartConfiguration<'line', (number | null)[], string> {
		const palette = this.palette;
		return {
			type: 'line',
			data: {
				labels: [],
				datasets: [
					{
						label: '',
						data: [],
						borderColor: palette.line,
						backgroundColor: palette.line,
						borderWidth: 2,
						tension: 0,
						spanGaps: false, // A day without data is a gap, never an interpolated value.
						pointRadius: (ctx) => (this.isIsolated(ctx.dataIndex) || ctx.dataIndex === this.model.provisionalIndex ? POINT_RADIUS : 0),
						pointHoverRadius: 4,
						pointHitRadius: 8,
						pointBorderWidth: 2,
						pointBackgroundColor: this.pointFill,
						segment: {
							borderDash: (ctx: ScriptableLineSegmentContext) => (ctx.p1DataIndex === this.model.provisionalIndex ? DASH : undefined),
						},
					},
				],
			},
			options: {
				locale,
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				interaction: { mode: 'index', intersect: false },
				scales: {
					x: {
						type: 'category',
						grid: { display: false, color: palette.grid },
						border: { color: palette.grid },
						ticks: { color: palette.foreground, maxRotation: 0, autoSkip: true, autoSkipPadding: 16 },
					},
					y: {
						type: 'linear',
						beginAtZero: true,
						grid: { color: palette.grid },
						border: { display: false, color: palette.grid },
						ticks: { color: palette.foreground, precision: 0, callback: (value) => this.format.count(Number(value)) },
					},
				},
				plugins: {
					tooltip: {
						...tooltipColours(palette),
						borderWidth: 1,
						cornerRadius: 4,
						displayColors: false,
						callbacks: {
							title: (items) => this.tooltipTitle(items),
							label: (item) => this.tooltipLabel(item),
						},
					},
				},
			},
		};
	}

	private isIsolated(index: number): boolean {
		const values = this.model.values;
		if (values[index] === null || values[index] === undefined) return false;
		return (values[index - 1] ?? null) === null && (values[index + 1] ?? null) === null;
	}

	private tooltipTitle(items: readonly TooltipItem<'line'>[]): string {
		const index = items[0]?.dataIndex;
		if (index === undefined) return '';
		const date = this.format.longDate(this.model.dates[index] ?? '');
		return index === this.model.provisionalIndex ? fillPlaceholders(this.model.provisionalTitle, date) : date;
	}

	private tooltipLabel(item: TooltipItem<'line'>): string {
		const value = this.model.values[item.dataIndex];
		const text = value === null || value === undefined ? this.model.noDataText : this.format.count(value);
		return fillPlaceholders(this.model.valueLine, this.model.seriesLabel, text);
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
