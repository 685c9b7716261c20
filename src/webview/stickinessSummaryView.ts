// The cards of a stickiness chart, with Home's figures: the range's stickiness (average DAU ÷ average MAU) and its
// change against the previous range, each with its formula in a tooltip; then the days' own ratios.
import type { DailySeries } from '../shared/kpi';
import { stickinessChange } from '../shared/homeChange';
import type { PanelResult } from '../shared/protocol';
import { rangeStickiness } from '../shared/stickiness';
import type { StickinessSources } from '../shared/stickinessResult';
import { summarizeSeries } from '../shared/summary';
import type { ValuedPoint } from '../shared/summary';
import { fillPlaceholders } from '../shared/webviewStrings';
import { h } from './dom';
import type { ViewContext } from './labels';
import { figureBox, summaryNotes } from './summaryView';

/** The summary of the days shown (`shown`, the ratio) from the result's sources, which may reach back a previous range. */
export function renderStickinessSummary(sources: StickinessSources, shown: DailySeries, length: number, ctx: ViewContext): HTMLElement {
	const { strings, format } = ctx;
	const summary = summarizeSeries(shown);
	const range = rangeStickiness(sources.dau, sources.mau, shown.firstDate, shown.lastDate);
	const change = relativeStickinessChange(sources, shown);
	const day = (name: string, label: string, point: ValuedPoint | null): HTMLElement =>
		figureBox(name, label, point ? format.ratio(point.value) : strings.noData, point ? format.mediumDate(point.date) : '');
	const items = [
		figureBox('stickiness', strings.stickinessRange, range === null ? strings.noData : format.ratio(range), strings.stickinessRangeDetail, strings.stickinessFormula),
		day('latest', strings.latestComplete, summary.latestComplete),
		day('minimum', strings.minimum, summary.min),
		day('maximum', strings.maximum, summary.max),
	];
	if (change !== null) {
		const detail = length === 1 ? strings.changeDetailOne : fillPlaceholders(strings.changeDetailMany, format.count(length));
		items.push(figureBox('change', strings.change, format.percent(change), detail, strings.stickinessChangeFormula));
	}
	return h('section', { class: 'summary', 'aria-label': strings.summaryLabel }, h('dl', {}, ...items), ...summaryNotes(shown, summary, ctx));
}

/** The range's stickiness as Home defines it, for the Markdown copy (a year before's from its own sources); null when no day has both series. */
export function shownRangeStickiness(result: PanelResult, shown: DailySeries): number | null {
	const { sources, yearBeforeSources } = result;
	const held = sources && yearBeforeSources && shown.lastDate < sources.dau.firstDate ? yearBeforeSources : sources;
	return held ? rangeStickiness(held.dau, held.mau, shown.firstDate, shown.lastDate) : null;
}

/** Home's change of the stickiness of `shown`'s days against as many days just before, for the Markdown copy; null as the card's. */
export function shownStickinessChange(result: PanelResult, shown: DailySeries): number | null {
	return result.sources ? relativeStickinessChange(result.sources, shown) : null;
}

/** The change card's figure: null unless the sources cover both ranges and the previous one's stickiness is not 0. */
export function relativeStickinessChange(sources: StickinessSources, shown: DailySeries): number | null {
	return stickinessChange(sources.dau, sources.mau, shown.firstDate, shown.lastDate)?.relative ?? null;
}
