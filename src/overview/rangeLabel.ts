// A range as the tab title and the prompt name it: a preset by its name, custom days by their count and end.
import { formatSeriesEnd } from '../shared/query';
import type { RangePreset, SavedRange } from '../shared/rangePresets';
import { l10n } from '../l10n';

/** "Last 30 days", "Month to date", "14 days to yesterday", "7 days to 2026-01-31". */
export function rangeLabel(range: SavedRange): string {
	if (range.kind === 'preset') return presetLabel(range.preset);
	const end = range.end.kind === 'yesterday' ? l10n.t('yesterday') : range.end.kind === 'today' ? l10n.t('today') : formatSeriesEnd(range.end);
	return range.length === 1 ? l10n.t('1 day to {0}', end) : l10n.t('{0} days to {1}', range.length, end);
}

export function presetLabel(preset: RangePreset): string {
	return PRESET_LABELS[preset]();
}

// Functions, not strings: each is localized when used, with a literal the l10n check can find.
const PRESET_LABELS: Readonly<Record<RangePreset, () => string>> = {
	'last-7-days': () => l10n.t('Last 7 days'),
	'last-14-days': () => l10n.t('Last 14 days'),
	'last-30-days': () => l10n.t('Last 30 days'),
	'last-90-days': () => l10n.t('Last 90 days'),
	'last-365-days': () => l10n.t('Last 365 days'),
	'month-to-date': () => l10n.t('Month to date'),
	'last-month': () => l10n.t('Last month'),
	'quarter-to-date': () => l10n.t('Quarter to date'),
	'year-to-date': () => l10n.t('Year to date'),
};
