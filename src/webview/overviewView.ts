// The overview panel: header with the connection, Refresh, Home's cards, and one chart with its per-day table for the
// figure chosen in the tabs. The host words and computes everything; this lays it out (text through textContent only).
// Closures rather than a class: their names minify, and the webview bundle has a hard size limit.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import { addDays } from '../shared/dates';
import type { OverviewModel } from '../shared/overviewProtocol';
import { fillPlaceholders } from '../shared/webviewStrings';
import type { WebviewStrings } from '../shared/webviewStrings';
import { KpiChart } from './chart';
import { h } from './dom';
import { createFormatters } from './format';
import { createFigureTabs, OVERVIEW_TABPANEL_ID } from './overviewTabs';
import { observeThemeChanges, readChartPalette } from './theme';

export interface OverviewEvents {
	refresh(): void;
	cancel(): void;
}

export interface OverviewView {
	show(model: OverviewModel): void;
	/** A fetch started; the figures on screen stay meanwhile. */
	showLoading(): void;
	/** A failed or cancelled fetch: the previous figures stay, with one message. */
	showStatus(kind: 'error' | 'cancelled', message: string): void;
	dispose(): void;
}

export function createOverviewView(root: HTMLElement, strings: WebviewStrings, locale: string, first: OverviewModel, events: OverviewEvents): OverviewView {
	const format = createFormatters(locale);
	const heading = h('div', { class: 'heading' });
	const errorBox = h('div', { class: 'panel-error' });
	const noticeBox = h('div', { class: 'panel-notice' });
	const cards = h('section', { class: 'overview-cards', 'aria-label': strings.summaryLabel });
	const canvas = h('canvas', { role: 'img' });
	const chartBox = h('div', { class: 'chart-box overview-chart' }, canvas);
	const unavailable = h('p', { class: 'empty' });
	const tableBox = h('div', { class: 'table-box overview-table' });
	const tabPanel = h('div', { role: 'tabpanel', id: OVERVIEW_TABPANEL_ID, tabindex: '0' }, chartBox, unavailable, tableBox);
	const tabs = createFigureTabs(strings.figuresLabel, () => drawSelected());
	const body = h('div', {}, cards, tabs.element, tabPanel);
	const empty = h('p', { class: 'empty' }, strings.overviewEmpty);
	const footer = h('footer', { class: 'meta' });
	const announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
	const refresh = button(strings.refresh, 'refresh', () => events.refresh());
	const cancel = button(strings.cancel, 'close', () => events.cancel());
	let chart: KpiChart | null = null;
	let model = first;
	// What the chart's value formatter shows: counts, or percentages for stickiness.
	let valueText = (value: number): string => format.count(value);

	const busy = (on: boolean): void => {
		// Focus follows the button that replaces the one it was on.
		const moveFocus = document.activeElement === (on ? refresh : cancel);
		refresh.disabled = on;
		cancel.hidden = !on;
		if (moveFocus) (on ? cancel : refresh).focus();
		root.setAttribute('aria-busy', String(on));
	};
	const status = (error: string, notice: string): void => {
		errorBox.textContent = error;
		errorBox.hidden = error === '';
		noticeBox.textContent = notice;
		noticeBox.hidden = notice === '';
	};
	const announce = (text: string): void => announcer.replaceChildren(document.createTextNode(text));
	const onKeyDown = (event: KeyboardEvent): void => {
		if (event.key === 'Escape' && !cancel.hidden) cancel.click();
	};

	/** The selected figure's chart and per-day table (oldest day first, as the chart panel's table), or why it cannot be shown. */
	function drawSelected(): void {
		const figure = model.charts[tabs.selected()];
		if (!figure) return;
		tabPanel.setAttribute('aria-labelledby', `overview-tab-${figure.key}`);
		chartBox.hidden = figure.unavailable !== null;
		unavailable.hidden = figure.unavailable === null;
		unavailable.textContent = figure.unavailable;
		tableBox.replaceChildren();
		if (figure.unavailable !== null) return;
		// Stickiness is charted in percentage points, so that the chart's whole-number ticks read as percents.
		const scale = figure.percent ? 100 : 1;
		const text = (value: number): string => (figure.percent ? format.ratio(value / scale) : format.count(value));
		valueText = text;
		chart ??= new KpiChart(canvas, { ...format, count: (value) => valueText(value) }, locale, readChartPalette());
		const dates = figure.values.map((_, i) => addDays(figure.firstDate, i));
		const values = figure.values.map((v) => (v === null ? null : v * scale));
		chart.show({ dates, lines: [{ label: figure.label, values, overlay: false, colourIndex: 0 }], provisionalIndex: dates.indexOf(figure.provisionalDate ?? ''), provisionalTitle: strings.tooltipProvisional, valueLine: strings.tooltipValue, noDataText: strings.noData, beginAtZero: false, valueKind: 'count' });
		const caption = fillPlaceholders(strings.tableCaption, figure.label, format.mediumDate(dates[0] ?? figure.firstDate), format.mediumDate(dates.at(-1) ?? figure.firstDate));
		canvas.setAttribute('aria-label', caption);
		const rows = dates.map((date, i) => {
			const value = values[i] ?? null;
			return h('tr', {}, h('th', { scope: 'row' }, format.longDate(date)), h('td', { class: value === null ? 'numeric no-data' : 'numeric' }, value === null ? strings.noData : text(value)));
		});
		tableBox.append(h('table', { class: 'data-table' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, strings.dateColumn), h('th', { scope: 'col', class: 'numeric' }, figure.label))), h('tbody', {}, ...rows)));
	}

	function show(next: OverviewModel): void {
		busy(false);
		status('', '');
		model = next;
		heading.replaceChildren(h('h1', {}, strings.overviewTitle), h('ul', { class: 'query-facts' }, ...next.facts.map((text) => h('li', { title: text }, text))));
		body.hidden = next.cards.length === 0;
		empty.hidden = !body.hidden;
		cards.replaceChildren(
			...next.cards.map((card) =>
				h(
					'article',
					{ class: `overview-card ${card.status}`, 'data-figure': card.key, title: card.tooltip },
					h('h2', {}, card.label),
					h('p', { class: `card-value ${card.status === 'ok' ? '' : 'not-allowed'}` }, card.value),
					h('p', { class: 'card-detail' }, card.detail),
					h('p', { class: `card-change ${card.trend}` }, ...trendArrow(card.trend), card.change),
				),
			),
		);
		footer.replaceChildren(...next.footer.map((text) => h('span', {}, text)));
		tabs.setTabs(next.charts);
		drawSelected();
		if (!body.hidden) announce(next.facts.join(', '));
	}

	root.replaceChildren(h('header', { class: 'panel-header' }, heading, h('div', { class: 'actions', role: 'group', 'aria-label': strings.actionsLabel }, refresh, cancel)), errorBox, noticeBox, body, empty, footer, announcer);
	document.addEventListener('keydown', onKeyDown);
	const stopThemeWatch = observeThemeChanges(() => chart?.recolour(readChartPalette()));
	show(first);
	return {
		show,
		showLoading: () => {
			busy(true);
			status('', '');
		},
		showStatus: (kind, message) => {
			busy(false);
			status(kind === 'error' ? message : '', kind === 'cancelled' ? message : '');
			announce(message);
		},
		dispose: () => {
			document.removeEventListener('keydown', onKeyDown);
			stopThemeWatch();
			chart?.destroy();
		},
	};
}

/** The direction of a change as an arrow in the good/bad colour; the text beside it stays in the foreground colour, readable, and says the sign. */
function trendArrow(trend: OverviewModel['cards'][number]['trend']): HTMLElement[] {
	if (trend !== 'up' && trend !== 'down') return [];
	return [h('span', { class: 'trend-arrow', 'aria-hidden': 'true' }, trend === 'up' ? '▲' : '▼')];
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
