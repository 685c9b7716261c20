// The chat tool's answer: a compact Markdown table of the summary figures and where they come from. Pure.
import type { HomeChange } from '../shared/homeChange';
import type { L10n } from '../shared/l10n';
import { pluralForm } from '../shared/plural';
import type { PanelResult } from '../shared/protocol';
import { formatChange, formatCount, formatRatio, queryFigures } from '../shared/queryFigures';
import { lastDaysStickiness, lastDaysStickinessChange } from '../shared/stickinessResult';

/** What the answer names besides the figures. */
export interface ToolResultContext {
	readonly metricName: string;
	readonly appName: string;
	readonly connectionName: string;
	readonly locale: string;
}

/** The table for `result` of a query of `length` days; every figure the chart panel's header shows. */
export function toolResultText(result: PanelResult, length: number, context: ToolResultContext, l10n: L10n): string {
	const { shown, summary, comparison } = queryFigures(result.series, length);
	const { sources } = result;
	// Stickiness reads as percentages, with Home's range figure and change (average DAU ÷ average MAU).
	const count = (value: number) => (sources ? formatRatio(value, context.locale) : formatCount(value, context.locale));
	const none = '—';
	const sticky = sources ? { range: lastDaysStickiness(sources, length) } : null;
	// One shape for both: Home's stickiness change, or the change of the average.
	const change: HomeChange | null = sources
		? lastDaysStickinessChange(sources, length)
		: comparison && { relative: comparison.relativeChange, previous: comparison.previous.average, current: comparison.current.average };
	const rows: [string, string, string][] = [
		[l10n.t('latest complete day'), summary.latestComplete ? count(summary.latestComplete.value) : none, summary.latestComplete?.date ?? ''],
		sticky
			? [l10n.t('stickiness of the range'), sticky.range === null ? none : count(sticky.range), l10n.t('average DAU ÷ average MAU')]
			: [l10n.t('average'), summary.average === null ? none : count(summary.average), ''],
		[l10n.t('min'), summary.min ? count(summary.min.value) : none, summary.min?.date ?? ''],
		[l10n.t('max'), summary.max ? count(summary.max.value) : none, summary.max?.date ?? ''],
		[
			changeLabel(sticky ? length : summary.completeDays, context.locale, l10n),
			change ? (change.relative === null ? none : formatChange(change.relative, context.locale)) : l10n.t('not available'),
			change
				? sticky
					? l10n.t('stickiness {0} → {1}; (this − last) ÷ last, the opposite sign of Braze\'s Home page', count(change.previous), count(change.current))
					: l10n.t('average {0} → {1}', count(change.previous), count(change.current))
				: l10n.t('previous period not fetched (ranges over 50 days)'),
		],
	];
	if (summary.gapDays > 0) rows.push([l10n.t('days without data'), String(summary.gapDays), '']);
	if (summary.provisional?.value != null) rows.push([l10n.t('today so far (incomplete)'), count(summary.provisional.value), summary.provisional.date]);
	const provenance = result.provenance;
	const source = provenance?.offline
		? l10n.t('offline: Braze could not be reached, cached days only')
		: provenance && provenance.requestsSent > 0
			? l10n.t('fetched from Braze ({0}), {1} from the cache', requestCount(provenance.requestsSent, context.locale, l10n), dayCount(provenance.daysFromCache, context.locale, l10n))
			: l10n.t('from the cache, no request sent');
	const instance = result.instance.label ? `${result.instance.label} (${result.instance.host})` : result.instance.host;
	return [
		l10n.t('{0} · {1} · {2} to {3} (UTC days)', context.metricName, context.appName, shown.firstDate, shown.lastDate),
		'',
		`| ${l10n.t('figure')} | ${l10n.t('value')} | ${l10n.t('day / detail')} |`,
		'| --- | ---: | --- |',
		...rows.map((cells) => `| ${cells.join(' | ')} |`),
		'',
		l10n.t('Source: connection "{0}", instance {1}, {2}.', context.connectionName, instance, source),
	].join('\n');
}

/** "1 request", "4 requests". */
export function requestCount(count: number, locale: string, l10n: L10n): string {
	return pluralForm(count, locale) === 'one' ? l10n.t('{0} request', count) : l10n.t('{0} requests', count);
}

/** "1 day", "4 days". */
export function dayCount(count: number, locale: string, l10n: L10n): string {
	return pluralForm(count, locale) === 'one' ? l10n.t('{0} day', count) : l10n.t('{0} days', count);
}

/** "change vs previous 30 days", "change vs previous day". */
function changeLabel(days: number, locale: string, l10n: L10n): string {
	return pluralForm(days, locale) === 'one' ? l10n.t('change vs previous day') : l10n.t('change vs previous {0} days', days);
}
