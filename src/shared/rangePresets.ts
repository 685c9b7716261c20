// Range presets as the Braze dashboard offers them, as plain date arithmetic on UTC Braze days (see
// `brazeToday`). A preset is stored by its name, so a saved "last month" is always last month.
import { addDays, daysBetween, isPlainDate } from './dates';
import type { L10n } from './l10n';
import type { SeriesEnd } from './query';

/** The presets, in the order a list shows them; each is also its stored name. */
export const RANGE_PRESETS = ['last-7-days', 'last-14-days', 'last-30-days', 'last-90-days', 'last-365-days', 'month-to-date', 'last-month', 'quarter-to-date', 'year-to-date'] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number];

export function isRangePreset(value: unknown): value is RangePreset {
	return typeof value === 'string' && (RANGE_PRESETS as readonly string[]).includes(value);
}

/** A preset pinned to days: what a query asks for, and the days it covers. */
export interface ResolvedRange {
	readonly length: number;
	/** Relative where the preset is ("yesterday", "today"); a date for last month, which ends on a fixed day. */
	readonly end: SeriesEnd;
	readonly firstDate: string;
	readonly lastDate: string;
}

const LAST_DAYS: Readonly<Partial<Record<RangePreset, number>>> = {
	'last-7-days': 7,
	'last-14-days': 14,
	'last-30-days': 30,
	'last-90-days': 90,
	'last-365-days': 365,
};

/**
 * The days of `preset` on `today` (a Braze day, `YYYY-MM-DD`). "Last N days" are the N complete days ending
 * yesterday; "… to date" run from the first day of the month, quarter or year through today (in progress, so
 * never empty); "last month" is the whole previous calendar month.
 */
export function resolveRangePreset(preset: RangePreset, today: string): ResolvedRange {
	if (!isPlainDate(today)) throw new RangeError(`Not a calendar date: ${JSON.stringify(today)}`);
	const days = LAST_DAYS[preset];
	if (days !== undefined) {
		const lastDate = addDays(today, -1);
		return { length: days, end: { kind: 'yesterday' }, firstDate: addDays(lastDate, -(days - 1)), lastDate };
	}
	const [year, month] = today.split('-').map(Number) as [number, number];
	switch (preset) {
		case 'month-to-date':
			return toDate(plainDate(year, month, 1), today);
		case 'quarter-to-date':
			return toDate(plainDate(year, month - ((month - 1) % 3), 1), today);
		case 'year-to-date':
			return toDate(plainDate(year, 1, 1), today);
		case 'last-month': {
			const lastDate = addDays(plainDate(year, month, 1), -1);
			const firstDate = `${lastDate.slice(0, 8)}01`;
			return { length: daysBetween(firstDate, lastDate) + 1, end: { kind: 'date', date: lastDate }, firstDate, lastDate };
		}
		default:
			throw new RangeError(`Unknown preset ${preset}`);
	}
}

function toDate(firstDate: string, today: string): ResolvedRange {
	return { length: daysBetween(firstDate, today) + 1, end: { kind: 'today' }, firstDate, lastDate: today };
}

function plainDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A range as saved: a preset by name, or custom days and end. */
export type SavedRange = { readonly kind: 'preset'; readonly preset: RangePreset } | { readonly kind: 'custom'; readonly length: number; readonly end: SeriesEnd };

/** The stored form of a preset: its name, never its dates (so that it stays relative). */
export function formatRangePreset(preset: RangePreset): string {
	return preset;
}

/** The preset a saved query names in its `range` field; null when it names none (see `rangePresetProblemText`). */
export function parseRangePreset(raw: unknown): RangePreset | null {
	return isRangePreset(raw) ? raw : null;
}

/** What to tell the user about a `range` field that is not a preset, in their language. */
export function rangePresetProblemText(raw: unknown, l10n: L10n, name = 'range'): string {
	const shown = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
	return l10n.t('"{0}" is "{1}", which is not a range preset. Use one of {2}, or give "length" and "end" instead.', name, shown, RANGE_PRESETS.join(', '));
}

/** A preset's name as it reads inside a phrase ("DAU · all apps · last month"); lists capitalize it (`capitalized`). */
export function rangePresetName(preset: RangePreset, l10n: L10n): string {
	switch (preset) {
		case 'last-7-days':
			return l10n.t('last 7 days');
		case 'last-14-days':
			return l10n.t('last 14 days');
		case 'last-30-days':
			return l10n.t('last 30 days');
		case 'last-90-days':
			return l10n.t('last 90 days');
		case 'last-365-days':
			return l10n.t('last 365 days');
		case 'month-to-date':
			return l10n.t('month to date');
		case 'last-month':
			return l10n.t('last month');
		case 'quarter-to-date':
			return l10n.t('quarter to date');
		case 'year-to-date':
			return l10n.t('year to date');
		default:
			throw new RangeError(`Unknown preset ${String(preset)}`);
	}
}

/** `text` with its first letter upper-cased in `locale`, for a name that starts a label. */
export function capitalized(text: string, locale?: string): string {
	return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
