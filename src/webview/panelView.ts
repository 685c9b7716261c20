// The whole panel: header with actions, query controls, inline error, summary, chart or table, and a
// live region that tells screen readers when a fetch ends.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { DailySeries } from '../shared/kpi';
import type { ChartViewOptions, HostToWebview, PanelResult, ShareAction } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';
import { lastDays, summarizeSeries } from '../shared/summary';
import { fillPlaceholders, localizeWebviewStrings } from '../shared/webviewStrings';
import { KpiChart } from './chart';
import { chartLines, chartOverlays, overlayColumns, previousPeriodValues, shownColumns, sourceColumns } from './chartLines';
import type { ShownColumn } from './chartLines';
import { ChartOptionsBar } from './chartOptionsView';
import { renderCompareSummary } from './compareSummaryView';
import { QueryControls } from './controls';
import type { ControlsEvents } from './controls';
import { h } from './dom';
import { createFormatters } from './format';
import { seriesBounds, valueKindOf, valueText } from './labels';
import type { ViewContext } from './labels';
import { renderHeading, renderSummary } from './summaryView';
import { renderStickinessSummary } from './stickinessSummaryView';
import { copyChartImage } from './clipboardImage';
import { chartPngBase64, resultMarkdown } from './shareView';
import { chartSvg } from './svgRecorder';
import { renderTable } from './tableView';
import { observeThemeChanges, readChartPalette } from './theme';

export type InitMessage = Extract<HostToWebview, { type: 'init' }>;

export interface PanelViewEvents extends ControlsEvents {
	copyCsv(): void;
	exportJson(): void;
	saveQuery(): void;
	exportCsv(): void;
	copyMarkdown(markdown: string): void;
	savePng(base64: string): void;
	/** The user asks to change the comparison (the host asks which apps and overlay). */
	compare(): void;
	saveSvg(svg: string): void;
	/** The chart image went to the clipboard (`failure` null) or could not (the browser's reason). */
	imageCopied(failure: string | null): void;
	/** The user changed how the chart is drawn (kept with the panel's state). */
	viewChanged(options: ChartViewOptions): void;
}

export class PanelView {
	private ctx: ViewContext;
	private readonly locale: string;
	private readonly heading = h('div', { class: 'heading' });
	private readonly controls: QueryControls;
	// Not a live region itself: `announcer` speaks the error, once.
	private readonly errorBox = h('div', { class: 'panel-error', hidden: true });
	// A cancelled fetch: neutral, not an error.
	private readonly noticeBox = h('div', { class: 'panel-notice', hidden: true });
	private readonly optionsBar: ChartOptionsBar;
	// Always in the page, so that a change of its text is announced (a region shown at the same time often is not).
	private readonly announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
	private readonly summaryBox = h('div', { class: 'summary-box' });
	private readonly canvas = h('canvas', { role: 'img' });
	private readonly chartBox = h('div', { class: 'chart-box' }, this.canvas);
	private readonly tableBox = h('div', { class: 'table-box', hidden: true });
	private readonly emptyBox = h('p', { class: 'empty', hidden: true });
	private readonly footer = h('footer', { class: 'meta' });
	private readonly toggleButton: VscodeButton;
	private readonly resultButtons: VscodeButton[];
	private chart: KpiChart | null = null;
	private readonly stopThemeWatch: () => void;
	private showingTable = false;
	private query: KpiQuerySpec;
	private result: PanelResult | null = null;
	private readonly events: PanelViewEvents;

	constructor(
		private readonly root: HTMLElement,
		init: InitMessage,
		events: PanelViewEvents,
		view: ChartViewOptions,
	) {
		this.locale = init.locale;
		const strings = localizeWebviewStrings(init.l10nBundle);
		this.ctx = { strings, format: createFormatters(init.locale) };
		this.query = init.query;
		this.controls = new QueryControls(this.ctx, { maxLength: init.maxLength, today: init.today }, events);
		// A toggle keeps its name; aria-pressed says which view is on.
		this.toggleButton = actionButton(strings.showTable, 'table', () => this.toggleTable());
		const copy = actionButton(strings.copyCsv, 'copy', () => events.copyCsv());
		const exportJson = actionButton(strings.exportJson, 'json', () => events.exportJson());
		const save = actionButton(strings.saveQuery, 'save', () => events.saveQuery());
		// Share actions: icons with names and tooltips, so that the header keeps one line.
		const exportCsv = actionButton(strings.exportCsv, 'export', () => events.exportCsv(), true);
		const markdown = actionButton(strings.copyMarkdown, 'markdown', () => this.shareMarkdown(events), true);
		const png = actionButton(strings.savePng, 'file-media', () => this.share('savePng'), true);
		// A native button (the webview bundle has no room for another component), styled like the others.
		// An icon with its name kept as the accessible name, like the share actions, so that the header keeps one line.
		const compare = h('button', { type: 'button', class: 'compare-button icon-only', title: strings.compare }, h('span', { class: 'codicon codicon-git-compare', 'aria-hidden': 'true' }), h('span', { class: 'action-text' }, strings.compare));
		compare.addEventListener('click', () => events.compare());
		// Copy Chart Image and Save as SVG are in the editor title and the palette: the header keeps one line.
		this.resultButtons = [this.toggleButton, copy, exportJson, exportCsv, markdown, png];
		this.events = events;
		this.emptyBox.textContent = strings.noResult;
		this.optionsBar = new ChartOptionsBar(strings, view, (options) => {
			events.viewChanged(options);
			this.render(this.result);
		});
		const actions = h('div', { class: 'actions', role: 'group', 'aria-label': strings.actionsLabel }, compare, this.toggleButton, copy, exportJson, save, exportCsv, markdown, png);
		root.replaceChildren(
			h('header', { class: 'panel-header' }, this.heading, actions),
			this.controls.element,
			this.errorBox,
			this.noticeBox,
			this.summaryBox,
			h('div', { class: 'view' }, this.optionsBar.element, this.chartBox, this.tableBox),
			this.emptyBox,
			this.footer,
			this.announcer,
		);
		document.addEventListener('keydown', this.onKeyDown);
		this.stopThemeWatch = observeThemeChanges(() => {
			if (!this.chart) return;
			this.chart.recolour(readChartPalette());
			this.render(this.result); // The legend's swatches follow the new colours.
		});
		this.controls.setQuery(init.query);
		this.render(init.result);
		root.setAttribute('aria-busy', 'false');
	}

	/** Stops watching the theme and frees the chart (before a new `init` replaces this view). */
	dispose(): void {
		document.removeEventListener('keydown', this.onKeyDown);
		this.stopThemeWatch();
		this.chart?.destroy();
		this.chart = null;
	}

	/** A fetch for `query` started: progress on, previous chart kept, the controls left as the user has them. */
	showLoading(query: KpiQuerySpec): void {
		this.query = query;
		this.controls.setBusy(true);
		this.showError(null);
		this.showNotice(null);
		this.announce('');
		this.root.setAttribute('aria-busy', 'true');
	}

	showResult(result: PanelResult): void {
		this.query = result.query;
		this.controls.showResultQuery(result.query);
		this.controls.setBusy(false);
		this.showError(null);
		this.showNotice(null);
		this.root.setAttribute('aria-busy', 'false');
		this.render(result);
		const days = lastDays(result.series, result.query.length).points.length;
		const { strings, format } = this.ctx;
		this.announce(days === 1 ? strings.loadedOneDay : fillPlaceholders(strings.loadedDays, format.count(days)));
	}

	/** Shows `message` inline and announces it; the previous result stays on screen, and the controls show its query again. */
	showFailure(message: string): void {
		this.settle();
		this.showError(message);
		this.announce(message);
	}

	/** A message from the host failed the webview's checks: said as an error, with what to do; the previous result stays. */
	showUnreadable(): void {
		this.showFailure(this.ctx.strings.messageUnreadable);
	}

	/** The fetch was cancelled: a neutral note; the previous result stays, and the controls show its query again. */
	showCancelled(message: string): void {
		this.settle();
		this.showNotice(message);
		this.announce(message);
	}

	/** After a fetch that brought nothing: the panel describes its last result (or its query) everywhere. */
	private settle(): void {
		this.controls.setBusy(false);
		this.root.setAttribute('aria-busy', 'false');
		this.query = this.result?.query ?? this.query;
		// Controls left as last Run show the result's query again; an edit made since is the user's and stays.
		this.controls.showResultQuery(this.query);
		this.heading.replaceChildren(...renderHeading(this.query, this.result, this.result ? lastDays(this.result.series, this.result.query.length) : null, this.ctx));
	}

	/** Escape anywhere in the panel cancels a running fetch (an open list takes the key first and stops it). */
	private readonly onKeyDown = (event: KeyboardEvent): void => {
		if (event.key !== 'Escape' || event.defaultPrevented) return;
		if (this.controls.cancelRunning()) event.preventDefault();
	};

	/** A new text node each time, so that the same message twice is still announced twice. */
	private announce(text: string): void {
		this.announcer.replaceChildren(...(text === '' ? [] : [document.createTextNode(text)]));
	}

	private showError(message: string | null): void {
		this.errorBox.textContent = message ?? '';
		this.errorBox.hidden = message === null;
	}

	private showNotice(message: string | null): void {
		this.noticeBox.textContent = message ?? '';
		this.noticeBox.hidden = message === null;
	}

	private render(result: PanelResult | null): void {
		this.result = result;
		// Names seen so far stay: a query shown while its result loads keeps its apps' names.
		if (result?.appNames) this.ctx = { ...this.ctx, names: { ...this.ctx.names, ...result.appNames } };
		const shown = result ? lastDays(result.series, result.query.length) : null;
		this.heading.replaceChildren(...renderHeading(result?.query ?? this.query, result, shown, this.ctx));
		for (const button of this.resultButtons) button.disabled = result === null;
		this.emptyBox.hidden = result !== null;
		this.summaryBox.replaceChildren();
		this.footer.replaceChildren();
		if (!result || !shown) {
			this.chartBox.hidden = true;
			this.tableBox.hidden = true;
			this.updateToggle();
			return;
		}
		const columns = shownColumns(result, shown, this.ctx);
		this.summaryBox.append(
			(result.compared ?? []).length > 0
				? renderCompareSummary(result, this.ctx)
				: result.sources
					? renderStickinessSummary(result.sources, shown, result.query.length, this.ctx)
					: renderSummary(shown, result.series, this.ctx, result),
		);
		// A stickiness table also lists the DAU and MAU each day's ratio is made from.
		this.tableBox.replaceChildren(renderTable(shown, [...columns, ...sourceColumns(result, shown, this.ctx)], this.ctx));
		this.updateToggle(); // Before drawing, so that Chart.js measures a visible box.
		this.drawChart(result, shown, columns);
		this.footer.append(...this.footerItems(result));
	}

	private drawChart(result: PanelResult, shown: DailySeries, columns: readonly ShownColumn[]): void {
		const { strings, format } = this.ctx;
		const chart = (this.chart ??= new KpiChart(this.canvas, format, this.locale, readChartPalette()));
		const previous = previousPeriodValues(result, shown);
		const overlays = chartOverlays(result, shown);
		// A comparison with a period overlay has its own dashed line: the toggle would do nothing, or draw a second, identical-looking one.
		this.optionsBar.setPreviousPeriodAvailable(previous !== null && overlays.period === undefined);
		const lines = chartLines(columns, previous, this.optionsBar.current, this.ctx, overlays);
		const valueKind = valueKindOf(result.query.metric);
		chart.show({
			dates: shown.points.map((p) => p.date),
			lines,
			provisionalIndex: shown.points.findIndex((p) => p.date === shown.provisionalDate),
			provisionalTitle: strings.tooltipProvisional,
			valueLine: strings.tooltipValue,
			noDataText: strings.noData,
			beginAtZero: this.optionsBar.current.startAtZero,
			valueKind,
		});
		this.optionsBar.showLegend(lines, (i) => chart.colourOf(i));
		const seriesLabel = columns[0]?.label ?? '';
		const [first, last] = seriesBounds(shown).map((d) => format.mediumDate(d)) as [string, string];
		const summary = summarizeSeries(shown);
		const label =
			summary.average === null || !summary.min || !summary.max
				? fillPlaceholders(strings.chartLabelEmpty, seriesLabel, first, last)
				: fillPlaceholders(
						strings.chartLabel,
						seriesLabel,
						first,
						last,
						valueKind === 'ratio' ? format.ratio(summary.average) : format.decimal(summary.average),
						valueText(summary.min.value, valueKind, format),
						valueText(summary.max.value, valueKind, format),
					);
		this.canvas.setAttribute('aria-label', label);
	}

	private footerItems(result: PanelResult): HTMLElement[] {
		const { strings, format } = this.ctx;
		const items = [h('span', {}, fillPlaceholders(strings.fetchedAt, format.instant(result.fetchedAt)))];
		// What came from the day cache is said, with its age: nothing cached pretends to be fresh.
		const from = result.provenance;
		if (from?.offline) items.push(h('span', { class: 'cache-note offline' }, fillPlaceholders(strings.offlineCached, format.instant(from.oldestCachedFetch ?? result.fetchedAt))));
		else if (from?.pending) items.push(h('span', { class: 'cache-note' }, fillPlaceholders(strings.cachedPending, format.instant(from.oldestCachedFetch ?? result.fetchedAt))));
		else if (from && from.daysFromCache > 0 && from.oldestCachedFetch) items.push(h('span', { class: 'cache-note' }, fillPlaceholders(strings.fromCache, format.count(from.daysFromCache), format.instant(from.oldestCachedFetch), format.count(from.requestsSent))));
		const limit = result.rateLimit;
		if (limit && limit.limit !== null && limit.remaining !== null) {
			items.push(h('span', {}, fillPlaceholders(strings.rateLimit, format.count(limit.remaining), format.count(limit.limit))));
		}
		return items;
	}

	private shareMarkdown(events: PanelViewEvents): void {
		const result = this.result;
		if (!result) return;
		const shown = lastDays(result.series, result.query.length);
		const columns = shownColumns(result, shown, this.ctx);
		const overlays = overlayColumns(result, shown, this.ctx, columns[0]?.label ?? '');
		events.copyMarkdown(resultMarkdown(result, shown, [...columns, ...overlays, ...sourceColumns(result, shown, this.ctx)], this.ctx));
	}

	/** A share action, from its button or the host's command; nothing without a result (the host checks first). */
	share(action: ShareAction): void {
		if (!this.result) return;
		// The chart as drawn: the table view shows it first (Chart.js needs a visible box to draw into).
		if (this.showingTable) this.toggleTable();
		const background = readChartPalette().background;
		if (action === 'savePng') this.events.savePng(chartPngBase64(this.canvas, background));
		else if (action === 'copyImage') void copyChartImage(this.canvas, background).then((failure) => this.events.imageCopied(failure));
		else {
			const svg = chartSvg(this.canvas, background);
			if (svg) this.events.saveSvg(svg);
		}
	}

	private toggleTable(): void {
		this.showingTable = !this.showingTable;
		this.updateToggle();
	}

	private updateToggle(): void {
		const hasResult = this.result !== null;
		this.chartBox.hidden = !hasResult || this.showingTable;
		this.optionsBar.element.hidden = this.chartBox.hidden;
		this.tableBox.hidden = !hasResult || !this.showingTable;
		this.toggleButton.setAttribute('aria-pressed', String(hasResult && this.showingTable));
	}
}

function actionButton(text: string, icon: string, onClick: () => void, iconOnly = false): VscodeButton {
	const button = document.createElement('vscode-button');
	button.secondary = true;
	button.icon = icon;
	// A span, so that a narrow panel can hide the text and keep it as the button's accessible name.
	button.append(h('span', { class: 'action-text' }, text));
	button.title = text;
	if (iconOnly) button.classList.add('icon-only');
	button.addEventListener('click', () => {
		if (!button.disabled) onClick();
	});
	return button;
}
