// What the overview webview draws, built on the host in the user's language: the webview bundle has a hard size
// limit, so Home's arithmetic and the cards' words live here and the webview only lays them out.
import { figureDays, overviewFigures } from '../shared/overviewFigures';
import { percentFormat } from '../shared/queryFigures';
import type { OverviewFigure, OverviewFigureKey } from '../shared/overviewFigures';
import type { OverviewCard, OverviewChart, OverviewModel, OverviewRequest, OverviewResult } from '../shared/overviewProtocol';
import { metricShortName } from '../panel/chartPanel';
import { l10n } from '../l10n';
import { rangeLabel } from './rangeLabel';
import { rateLimitText } from '../runner/requestText';

/** The cards, per-day values and texts of `result` (only the header's facts without one), for `locale` (`vscode.env.language`). */
export function overviewModel(request: OverviewRequest, result: OverviewResult | null, locale: string): OverviewModel {
	const app = request.appId === null ? l10n.t('All apps') : l10n.t('App {0}', request.appId);
	if (!result) return { facts: [app, rangeLabel(request.range)], cards: [], charts: [], footer: [] };
	const format = formatters(locale);
	const figures = overviewFigures(result);
	const { label, host } = result.instance;
	const instance = label === null ? host : l10n.t('{0} ({1})', label, host);
	const limit = result.rateLimit;
	return {
		facts: [
			app,
			l10n.t('{0} – {1}', format.date(result.firstDate), format.date(result.lastDate)),
			result.request.connection === undefined ? instance : l10n.t('Connection {0} on {1}', result.request.connection, instance),
		],
		cards: figures.map((figure) => card(figure, format)),
		charts: figures.map((figure) => chart(result, figure)),
		footer: [
			l10n.t('Fetched {0}', format.instant(result.fetchedAt)),
			l10n.t('Requests sent: {0}', format.count(result.requests.sent)),
			...(limit?.limit != null && limit.remaining != null ? [rateLimitText(format.count(limit.remaining), format.count(limit.limit), limit.limit, locale, l10n)] : []),
		],
	};
}

export function figureName(key: OverviewFigureKey): string {
	return key === 'stickiness' ? l10n.t('Stickiness') : metricShortName(key);
}

function card(figure: OverviewFigure, format: Formatters): OverviewCard {
	const base = { key: figure.key, label: figureName(figure.key), tooltip: TOOLTIPS[figure.key]() };
	if (figure.status === 'denied') return { ...base, status: 'denied', value: l10n.t('Not allowed by this key'), detail: deniedText(figure.permissions), change: '', trend: 'none' };
	if (figure.status === 'failed') return { ...base, status: 'failed', value: l10n.t('Not fetched'), detail: figure.message, change: '', trend: 'none' };
	const { value, latest, change, basis } = figure;
	const valueText = value === null ? l10n.t('No data') : figure.key === 'stickiness' ? format.percent(value) : figure.key === 'dau' ? format.decimal(value) : format.count(value);
	const detail =
		figure.key === 'dau' ? (latest ? l10n.t('Average per day; {0}: {1}', format.date(latest.date), format.count(latest.value)) : l10n.t('Average per day'))
		: figure.key === 'mau' ? (latest ? l10n.t('On {0}, the latest complete day', format.date(latest.date)) : '')
		: figure.key === 'stickiness' ? l10n.t('Average DAU ÷ average MAU')
		: l10n.t('Total over the range');
	const relative = change?.relative ?? null;
	if (relative === null) return { ...base, status: 'ok', value: valueText, detail, change: l10n.t('No change: the days it compares with have no data.'), trend: 'none' };
	const signed = format.signedPercent(relative);
	const changeText = basis.kind === 'dayBefore' ? l10n.t('{0} vs. {1}', signed, format.date(basis.date)) : basis.days === 1 ? l10n.t('{0} vs. the previous day', signed) : l10n.t('{0} vs. the previous {1} days', signed, basis.days);
	return { ...base, status: 'ok', value: valueText, detail, change: changeText, trend: relative > 0 ? 'up' : relative < 0 ? 'down' : 'flat' };
}

function chart(result: OverviewResult, figure: OverviewFigure): OverviewChart {
	const days = figureDays(result, figure.key);
	const base = { key: figure.key, label: figureName(figure.key), percent: figure.key === 'stickiness' };
	if (!days || figure.status !== 'ok') {
		const why = figure.status === 'denied' ? `${l10n.t('Not allowed by this key')}. ${deniedText(figure.permissions)}` : figure.status === 'failed' ? figure.message : '';
		return { ...base, firstDate: result.firstDate, values: [], provisionalDate: null, unavailable: why };
	}
	// One value per day of the range, from its first day (the webview counts the dates itself).
	return { ...base, firstDate: days.firstDate, values: days.points.map((p) => p.value), provisionalDate: days.provisionalDate, unavailable: null };
}

function deniedText(permissions: readonly string[]): string {
	return l10n.t('The key lacks {0}. Permissions cannot be edited: create a key that has it.', permissions.join(', '));
}

// Functions, not strings: each is localized when used, with a literal the l10n check can find.
const TOOLTIPS: Readonly<Record<OverviewFigureKey, () => string>> = {
	dau: () => l10n.t('The average of the daily active users over the range\'s complete days, and the latest complete day. Change: (this − last) ÷ last, against the previous range of the same length.'),
	mau: () => l10n.t('Monthly active users (a rolling 30 days) on the range\'s latest complete day. Change: (this − last) ÷ last, against the day before the range starts.'),
	new_users: () => l10n.t('The total of new users over the range\'s complete days (a range with a missing day has none). Change: (this − last) ÷ last, against the previous range of the same length.'),
	uninstalls: () => l10n.t('The total of uninstalls over the range\'s complete days (a range with a missing day has none). Change: (this − last) ÷ last, against the previous range of the same length.'),
	stickiness: () => l10n.t('As Braze\'s Home defines it: the range\'s average DAU ÷ its average MAU. Change: (this − last) ÷ last, against the previous range (Braze prints it with the opposite sign).'),
};

interface Formatters {
	date(date: string): string;
	instant(iso: string): string;
	count(value: number): string;
	decimal(value: number): string;
	percent(ratio: number): string;
	signedPercent(ratio: number): string;
}

/** Dates are plain days, formatted in UTC so that no zone moves them; `locale` falls back to English when Intl refuses it. */
function formatters(locale: string): Formatters {
	let tag = 'en';
	try {
		tag = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en';
	} catch {
		// Not a well-formed tag: English.
	}
	const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
	const instant = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
	const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
	const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
	const percent = percentFormat(tag);
	const signed = percentFormat(tag, true);
	return {
		date: (d) => date.format(Date.parse(`${d}T00:00:00Z`)),
		instant: (iso) => instant.format(Date.parse(iso)),
		count: (v) => count.format(v),
		decimal: (v) => (Math.abs(v) < 100 ? decimal : count).format(v),
		percent: (v) => percent.format(v),
		signedPercent: (v) => signed.format(v),
	};
}
