// The overview panel: header with the connection, Refresh, Home's cards, and one chart with its per-day table for the
// figure chosen in the tabs. The host words and computes everything; this lays it out (text through textContent only).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import { addDays } from '../shared/dates';
import type { OverviewModel } from '../shared/overviewProtocol';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { WebviewStrings } from '../shared/webviewStrings';
import { KpiChart } from './chart';
import { h } from './dom';
import { createFormatters } from './format';
import type { Formatters } from './format';
import { FigureTabs, OVERVIEW_TABPANEL_ID } from './overviewTabs';
import { observeThemeChanges, readChartPalette } from './theme';

export interface OverviewEvents {
	refresh(): void;
	cancel(): void;
}

export class OverviewView {
	readonly #format: Formatters;
	readonly #percent: Intl.NumberFormat;
	readonly #heading = h('div', { class: 'heading' });
	readonly #errorBox = h('div', { class: 'panel-error', hidden: true });
	readonly #noticeBox = h('div', { class: 'panel-notice', hidden: true });
	readonly #cards = h('section', { class: 'overview-cards' });
	readonly #tabs: FigureTabs;
	readonly #canvas = h('canvas', { role: 'img' });
	readonly #chartBox = h('div', { class: 'chart-box overview-chart' }, this.#canvas);
	readonly #unavailable = h('p', { class: 'empty' });
	readonly #tableBox = h('div', { class: 'table-box overview-table' });
	readonly #tabPanel = h('div', { role: 'tabpanel', id: OVERVIEW_TABPANEL_ID, tabindex: '0' }, this.#chartBox, this.#unavailable, this.#tableBox);
	readonly #body = h('div', {}, this.#cards);
	readonly #empty = h('p', { class: 'empty' });
	readonly #footer = h('footer', { class: 'meta' });
	readonly #announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
	readonly #refresh: VscodeButton;
	readonly #cancel: VscodeButton;
	readonly #stopThemeWatch: () => void;
	#chart: KpiChart | null = null;
	#model: OverviewModel;
	// What the chart's value formatter shows: counts, or percentages for stickiness.
	#valueText = (value: number): string => this.#format.count(value);

	constructor(
		private readonly root: HTMLElement,
		private readonly strings: WebviewStrings,
		private readonly locale: string,
		model: OverviewModel,
		events: OverviewEvents,
	) {
		this.#format = createFormatters(locale);
		this.#percent = percentFormat(locale);
		this.#model = model;
		this.#refresh = button(strings.refresh, 'refresh', () => events.refresh());
		this.#cancel = button(strings.cancel, 'close', () => events.cancel());
		this.#cards.setAttribute('aria-label', strings.summaryLabel);
		this.#tabs = new FigureTabs(strings.figuresLabel, () => this.#drawSelected());
		this.#body.append(this.#tabs.element, this.#tabPanel);
		this.#empty.textContent = strings.overviewEmpty;
		root.replaceChildren(
			h('header', { class: 'panel-header' }, this.#heading, h('div', { class: 'actions', role: 'group', 'aria-label': strings.actionsLabel }, this.#refresh, this.#cancel)),
			this.#errorBox,
			this.#noticeBox,
			this.#body,
			this.#empty,
			this.#footer,
			this.#announcer,
		);
		document.addEventListener('keydown', this.#onKeyDown);
		this.#stopThemeWatch = observeThemeChanges(() => this.#chart?.recolour(readChartPalette()));
		this.#busy(false);
		this.show(model);
	}

	dispose(): void {
		document.removeEventListener('keydown', this.#onKeyDown);
		this.#stopThemeWatch();
		this.#chart?.destroy();
	}

	/** A fetch started (`true`) or ended; the figures on screen stay meanwhile. */
	#busy(on: boolean): void {
		// Focus follows the button that replaces the one it was on.
		const [from, to] = on ? [this.#refresh, this.#cancel] : [this.#cancel, this.#refresh];
		const moveFocus = document.activeElement === from;
		this.#refresh.disabled = on;
		this.#cancel.hidden = !on;
		if (moveFocus) to.focus();
		this.root.setAttribute('aria-busy', String(on));
	}

	showLoading(): void {
		this.#busy(true);
		this.#status('', '');
	}

	/** A failed or cancelled fetch: the previous figures stay, with one message. */
	showStatus(kind: 'error' | 'cancelled', message: string): void {
		this.#busy(false);
		this.#status(kind === 'error' ? message : '', kind === 'cancelled' ? message : '');
		this.#announce(message);
	}

	show(model: OverviewModel): void {
		this.#busy(false);
		this.#status('', '');
		this.#model = model;
		this.#heading.replaceChildren(h('h1', {}, this.strings.overviewTitle), h('ul', { class: 'query-facts' }, ...model.facts.map((text) => h('li', { title: text }, text))));
		const empty = model.cards.length === 0;
		this.#body.hidden = empty;
		this.#empty.hidden = !empty;
		this.#cards.replaceChildren(
			...model.cards.map((card) =>
				h(
					'article',
					{ class: `overview-card ${card.status}`, 'data-figure': card.key, title: card.tooltip },
					h('h2', {}, card.label),
					h('p', { class: `card-value ${card.status === 'ok' ? '' : 'not-allowed'}` }, card.value),
					h('p', { class: 'card-detail' }, card.detail),
					h('p', { class: `card-change ${card.trend}` }, card.change),
				),
			),
		);
		this.#footer.replaceChildren(...model.footer.map((text) => h('span', {}, text)));
		this.#tabs.setTabs(model.charts);
		this.#drawSelected();
		if (!empty) this.#announce(model.facts.join(', '));
	}

	readonly #onKeyDown = (event: KeyboardEvent): void => {
		if (event.key === 'Escape' && !this.#cancel.hidden) this.#cancel.click();
	};

	#status(error: string, notice: string): void {
		this.#errorBox.textContent = error;
		this.#errorBox.hidden = error === '';
		this.#noticeBox.textContent = notice;
		this.#noticeBox.hidden = notice === '';
	}

	#announce(text: string): void {
		this.#announcer.replaceChildren(document.createTextNode(text));
	}

	/** The selected figure's chart and per-day table, or why it cannot be shown. */
	#drawSelected(): void {
		const figure = this.#model.charts[this.#tabs.selected];
		if (!figure) return;
		const { strings } = this;
		const format = this.#format;
		this.#tabPanel.setAttribute('aria-labelledby', `overview-tab-${figure.key}`);
		this.#chartBox.hidden = figure.unavailable !== null;
		this.#unavailable.hidden = figure.unavailable === null;
		this.#unavailable.textContent = figure.unavailable;
		this.#tableBox.replaceChildren();
		if (figure.unavailable !== null) return;
		// Stickiness is charted in percentage points, so that the chart's whole-number ticks read as percents.
		const scale = figure.percent ? 100 : 1;
		const text = (value: number): string => (figure.percent ? this.#percent.format(value / scale) : format.count(value));
		this.#valueText = text;
		this.#chart ??= new KpiChart(this.#canvas, { ...format, count: (value) => this.#valueText(value) }, this.locale, readChartPalette());
		const dates = figure.values.map((_, i) => addDays(figure.firstDate, i));
		const values = figure.values.map((v) => (v === null ? null : v * scale));
		this.#chart.show({ dates, lines: [{ label: figure.label, values, overlay: false, colourIndex: 0 }], provisionalIndex: dates.indexOf(figure.provisionalDate ?? ''), provisionalTitle: strings.tooltipProvisional, valueLine: strings.tooltipValue, noDataText: strings.noData, beginAtZero: false });
		const caption = fillPlaceholders(strings.tableCaption, figure.label, format.mediumDate(dates[0] ?? figure.firstDate), format.mediumDate(dates.at(-1) ?? figure.firstDate));
		this.#canvas.setAttribute('aria-label', caption);
		// Newest day first, as Home's breakdown lists them.
		const rows = dates.map((date, i) => {
			const value = values[i] ?? null;
			return h('tr', {}, h('th', { scope: 'row' }, format.longDate(date)), h('td', { class: value === null ? 'numeric no-data' : 'numeric' }, value === null ? strings.noData : text(value)));
		});
		this.#tableBox.append(h('table', { class: 'data-table' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, strings.dateColumn), h('th', { scope: 'col', class: 'numeric' }, figure.label))), h('tbody', {}, ...rows.reverse())));
	}
}

function button(text: string, icon: string, onClick: () => void): VscodeButton {
	const control = document.createElement('vscode-button');
	control.secondary = true;
	control.icon = icon;
	control.append(h('span', { class: 'action-text' }, text));
	control.title = text;
	control.addEventListener('click', () => {
		if (!control.disabled) onClick();
	});
	return control;
}

/** Percentages with one decimal in `locale`, or in English when Intl refuses the tag. */
function percentFormat(locale: string): Intl.NumberFormat {
	try {
		return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
	} catch {
		return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
	}
}
