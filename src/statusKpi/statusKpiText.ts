// What the status-bar KPI item says for each outcome of its refresh. Pure: the host passes its translator and locale.
import type { L10n } from '../shared/l10n';
import { pluralForm } from '../shared/plural';
import { formatChange, formatCount, formatRatio, queryFigures } from '../shared/queryFigures';
import { lastDaysStickinessChange } from '../shared/stickinessResult';
import type { PanelResult } from '../shared/protocol';
import { withoutPreset } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';

/** The item's words: `text` on the bar, `tooltip` lines below. */
export interface StatusKpiView {
	readonly text: string;
	readonly tooltip: string;
	/** True when the item should look like a warning (it needs the user). */
	readonly warning: boolean;
}

/** The longest query whose previous period is fetched with it in one request: longer ones show no change. */
export const MAX_COMPARED_LENGTH = 50;

/**
 * "DAU 133,543 ▲ 8.6%" for a fetched result of the query `name` (`length` days): the latest complete day and the
 * change of its period's average against the period before, as the chart panel's header computes them.
 */
export function statusKpiView(name: string, metricName: string, length: number, result: PanelResult, connectionLabel: string, l10n: L10n, locale: string): StatusKpiView {
	const compared = length <= MAX_COMPARED_LENGTH;
	const figures = queryFigures(result.series, compared ? length : Math.min(length, result.series.points.length));
	const { summary } = figures;
	const comparison = compared ? figures.comparison : null;
	const latest = summary.latestComplete;
	const sources = result.sources;
	const value = latest ? (sources ? formatRatio(latest.value, locale) : formatCount(latest.value, locale)) : '—';
	// Stickiness changes as Home computes it: the range's average DAU ÷ average MAU against the previous range's.
	const relative = sources ? (compared ? lastDaysStickinessChange(sources, length)?.relative : null) : comparison?.relativeChange;
	const change = relative != null ? ` ${formatChange(relative, locale)}` : '';
	const provenance = result.provenance;
	const source = provenance?.offline
		? l10n.t('Offline: cached days only, Braze could not be reached')
		: provenance && provenance.requestsSent > 0
			? pluralForm(provenance.requestsSent, locale) === 'one'
				? l10n.t('Fetched from Braze ({0} request), older days from the cache', provenance.requestsSent)
				: l10n.t('Fetched from Braze ({0} requests), older days from the cache', provenance.requestsSent)
			: l10n.t('From the cache, no request sent');
	const lines = [
		l10n.t('Braze saved query "{0}"', name),
		l10n.t('Connection: {0}', connectionLabel),
		latest ? l10n.t('Latest complete day: {0}', latest.date) : l10n.t('No complete day with data in the range'),
		sources && relative != null
			? pluralForm(length, locale) === 'one'
				? l10n.t('Change: stickiness (DAU ÷ MAU) of the last day against the day before, as (this − last) ÷ last; Braze\'s Home page prints it with the opposite sign')
				: l10n.t('Change: stickiness (average DAU ÷ average MAU) of the last {0} days against the {0} days before, as (this − last) ÷ last; Braze\'s Home page prints it with the opposite sign', length)
			: !sources && comparison
				? pluralForm(summary.completeDays, locale) === 'one'
					? l10n.t('Change: the last day against the day before')
					: l10n.t('Change: average of the last {0} days against the {0} days before', summary.completeDays)
				: l10n.t('No change shown: it needs the previous period, fetched for ranges up to {0} days', MAX_COMPARED_LENGTH),
		source,
		l10n.t('Click to open the chart.'),
	];
	return { text: `${metricName} ${value}${change}`, tooltip: lines.join('\n'), warning: false };
}

/** The item when it cannot show a figure: a warning with the reason and what to do. */
export function statusKpiProblem(label: string, reason: string, action: string): StatusKpiView {
	return { text: `$(warning) ${label}`, tooltip: `${reason}\n${action}`, warning: true };
}

/**
 * What the item fetches: the query itself when it and its previous period fit one request; for a longer query
 * only its last two days (the latest complete day), so that a cold refresh still sends one small request.
 */
export function statusSpec(spec: KpiQuerySpec): KpiQuerySpec {
	// A shortened query is a custom range: a preset would be resolved back to its full length.
	return spec.length <= MAX_COMPARED_LENGTH ? spec : { ...withoutPreset(spec), length: 2 };
}
