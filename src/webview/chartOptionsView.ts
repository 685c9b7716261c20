// The bar above the chart: the legend (when there are several lines) and the display toggles, kept per panel.
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { ChartViewOptions } from '../shared/protocol';
import type { WebviewStrings } from '../shared/webviewStrings';
import type { ChartLine } from './chart';
import { h } from './dom';

export class ChartOptionsBar {
	readonly element: HTMLDivElement;
	private readonly legend: HTMLUListElement;
	private readonly startAtZero: VscodeCheckbox;
	private readonly previousPeriod: VscodeCheckbox;
	private options: ChartViewOptions;

	constructor(strings: WebviewStrings, initial: ChartViewOptions, onChange: (options: ChartViewOptions) => void) {
		this.options = initial;
		this.legend = h('ul', { class: 'legend', 'aria-label': strings.legendLabel, hidden: true });
		this.startAtZero = checkbox('start-at-zero', strings.startAtZero, initial.startAtZero);
		this.previousPeriod = checkbox('previous-period', strings.previousPeriod, initial.previousPeriod);
		const toggles = h('div', { class: 'chart-toggles', role: 'group', 'aria-label': strings.chartOptionsLabel }, this.startAtZero, this.previousPeriod);
		this.element = h('div', { class: 'chart-options' }, this.legend, toggles);
		const changed = (): void => {
			this.options = { startAtZero: this.startAtZero.checked, previousPeriod: this.previousPeriod.checked };
			onChange(this.options);
		};
		this.startAtZero.addEventListener('change', changed);
		this.previousPeriod.addEventListener('change', changed);
	}

	get current(): ChartViewOptions {
		return this.options;
	}

	/** The previous-period toggle is offered only when the result holds that period. */
	setPreviousPeriodAvailable(available: boolean): void {
		this.previousPeriod.hidden = !available;
	}

	/** A legend entry per line, in the line's colour (dashed for an overlay); none for a single line. */
	showLegend(lines: readonly ChartLine[], colourOf: (colourIndex: number) => string): void {
		this.legend.hidden = lines.length < 2;
		this.legend.replaceChildren(
			...lines.map((line) => {
				const colour = colourOf(line.colourIndex);
				const swatch = h('span', { class: line.overlay ? 'swatch dashed' : 'swatch', 'aria-hidden': 'true' });
				// Through CSSOM, which the CSP allows (no inline style attribute).
				swatch.style.borderTopColor = colour;
				return h('li', { 'data-colour': colour, 'data-overlay': String(line.overlay), title: line.detail }, swatch, h('span', {}, line.label));
			}),
		);
	}
}

function checkbox(id: string, label: string, checked: boolean): VscodeCheckbox {
	const box = document.createElement('vscode-checkbox');
	box.id = id;
	box.label = label;
	box.checked = checked;
	return box;
}
