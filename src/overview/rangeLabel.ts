// A range as the tab title names it: a preset by its name, custom days by their count and end.
import * as vscode from 'vscode';
import { formatSeriesEnd } from '../shared/query';
import { capitalized, rangePresetName } from '../shared/rangePresets';
import type { SavedRange } from '../shared/rangePresets';
import { l10n } from '../l10n';

/** "Last 30 days", "Month to date", "14 days to yesterday", "7 days to 2026-01-31". */
export function rangeLabel(range: SavedRange): string {
	if (range.kind === 'preset') return capitalized(rangePresetName(range.preset, l10n), vscode.env.language);
	const end = range.end.kind === 'yesterday' ? l10n.t('yesterday') : range.end.kind === 'today' ? l10n.t('today') : formatSeriesEnd(range.end);
	return range.length === 1 ? l10n.t('1 day to {0}', end) : l10n.t('{0} days to {1}', range.length, end);
}
