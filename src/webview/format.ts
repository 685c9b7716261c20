// Locale-aware text for dates and numbers. A `YYYY-MM-DD` label is a plain calendar date: it is
// formatted from its UTC parts in the UTC zone, so no viewer's time zone can move it to another day.
import type { TickUnit } from '../shared/calendarTicks';
import { isPlainDate } from '../shared/dates';
import { percentFormat } from '../shared/queryFigures';

export interface Formatters {
	/** "May 30" — axis labels. */
	shortDate(date: string): string;
	/** An axis tick: "May 30", "May 30, 2024", "May", "May 2024" or "2024", by tick unit and whether the range spans years. */
	axisDate(date: string, unit: TickUnit, withYear: boolean): string;
	/** "Thu, May 30, 2024" — tooltips and the table. */
	longDate(date: string): string;
	/** "May 30, 2024" — ranges and the summary. */
	mediumDate(date: string): string;
	/** An instant (ISO-8601) in the viewer's own zone. */
	instant(iso: string): string;
	/** Whole counts with grouping, e.g. "12,345". */
	count(value: number): string;
	/** Averages: one decimal below 100, none from 100 up. */
	decimal(value: number): string;
	/** A fraction as a percent, always one decimal, e.g. "21.4%" for 0.214 (stickiness), "28.0%" for 0.28. */
	ratio(value: number): string;
	/** Signed percent, always one decimal, e.g. "+5.2%", "+4.0%". */
	percent(ratio: number): string;
	/** Signed number, e.g. "+1,204". */
	signed(value: number): string;
}

/** Formatters for `locale`, or for English when the host sent a tag `Intl` does not know. */
export function createFormatters(locale: string): Formatters {
	const tag = supportedLocale(locale);
	const dateFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' });
	const short = dateFormat({ month: 'short', day: 'numeric' });
	const month = dateFormat({ month: 'short' });
	const monthYear = dateFormat({ month: 'short', year: 'numeric' });
	const year = dateFormat({ year: 'numeric' });
	const long = dateFormat({ weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
	const medium = dateFormat({ year: 'numeric', month: 'short', day: 'numeric' });
	const instant = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
	const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
	const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
	const percent = percentFormat(tag, true);
	const ratio = percentFormat(tag);
	const signed = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
	return {
		shortDate: (date) => formatPlainDate(short, date),
		axisDate: (date, unit, withYear) => {
			if (unit === 'year') return formatPlainDate(year, date);
			if (unit === 'month' || unit === 'quarter') return formatPlainDate(withYear ? monthYear : month, date);
			return formatPlainDate(withYear ? medium : short, date);
		},
		longDate: (date) => formatPlainDate(long, date),
		mediumDate: (date) => formatPlainDate(medium, date),
		instant: (iso) => {
			const time = Date.parse(iso);
			return Number.isNaN(time) ? iso : instant.format(time);
		},
		count: (value) => count.format(value),
		decimal: (value) => (Math.abs(value) < 100 ? decimal : count).format(value),
		ratio: (value) => ratio.format(value),
		percent: (value) => percent.format(value),
		signed: (value) => signed.format(value),
	};
}

function supportedLocale(locale: string): string {
	try {
		return Intl.DateTimeFormat.supportedLocalesOf([locale]).at(0) ?? 'en';
	} catch {
		return 'en'; // Not a well-formed language tag.
	}
}

/** The label itself when it is not a calendar date (never throws on odd input). */
function formatPlainDate(format: Intl.DateTimeFormat, date: string): string {
	if (!isPlainDate(date)) return date;
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return format.format(Date.UTC(y, m - 1, d));
}
