// The chat tool's input, checked as untrusted (a language model wrote it): a query, or one sentence saying which
// field is wrong and what to send instead. Pure.
import { QUERY_METRICS, isQueryMetric } from '../shared/kpi';
import type { L10n } from '../shared/l10n';
import { brazeToday } from '../shared/dates';
import { isRecord, isWholeNumber } from '../shared/guards';
import { MAX_QUERY_LENGTH, isValidAppId, parseSeriesEnd } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import { RANGE_PRESETS, isRangePreset, resolveRangePreset } from '../shared/rangePresets';

/** The input as the manifest's schema declares it. */
export interface KpiToolInput {
	readonly metric?: unknown;
	readonly days?: unknown;
	readonly end?: unknown;
	readonly preset?: unknown;
	readonly app?: unknown;
	readonly connection?: unknown;
}

export type CheckedToolInput = { readonly ok: true; readonly spec: KpiQuerySpec } | { readonly ok: false; readonly problem: string };

const DEFAULT_DAYS = 7;

/** Checks `raw` field by field; days default to 7 ending yesterday, the connection to the active one, the app to all apps. */
export function checkToolInput(raw: unknown, now: Date, l10n: L10n): CheckedToolInput {
	const refuse = (problem: string): CheckedToolInput => ({ ok: false, problem });
	if (!isRecord(raw)) return refuse(l10n.t('The input must be an object such as {0}.', '{"metric": "dau", "days": 7}'));
	const input = raw as KpiToolInput;
	if (!isQueryMetric(input.metric)) return refuse(l10n.t('Unknown metric {0}: use one of {1}.', shown(input.metric, l10n), QUERY_METRICS.join(', ')));
	let length: number;
	let end: KpiQuerySpec['end'];
	if (input.preset !== undefined) {
		if (!isRangePreset(input.preset)) return refuse(l10n.t('Unknown preset {0}: use one of {1}, or give "days" and "end" instead.', shown(input.preset, l10n), RANGE_PRESETS.join(', ')));
		if (input.days !== undefined || input.end !== undefined) return refuse(l10n.t('Give either "preset" or "days" and "end", not both.'));
		({ length, end } = resolveRangePreset(input.preset, brazeToday(now)));
	} else {
		const days = input.days ?? DEFAULT_DAYS;
		if (!isWholeNumber(days, 1, MAX_QUERY_LENGTH)) return refuse(l10n.t('"days" must be a whole number from 1 to {0}, not {1}.', MAX_QUERY_LENGTH, shown(days, l10n)));
		length = days;
		const parsedEnd = parseSeriesEnd(input.end ?? 'yesterday');
		if (!parsedEnd) return refuse(l10n.t('"end" must be "yesterday", "today" or a date YYYY-MM-DD, not {0}.', shown(input.end, l10n)));
		if (parsedEnd.kind === 'date' && parsedEnd.date > brazeToday(now)) return refuse(l10n.t('"end" is {0}, after today ({1}, UTC): Braze has no data for future days.', parsedEnd.date, brazeToday(now)));
		end = parsedEnd;
	}
	let appId: string | null = null;
	if (input.app !== undefined && input.app !== null) {
		if (typeof input.app !== 'string' || !isValidAppId(input.app.trim())) return refuse(l10n.t('"app" must be an app API identifier (no spaces, at most 256 characters), not {0}. Leave it out for all apps; the identifiers are in Braze under Settings > APIs and Identifiers.', shown(input.app, l10n)));
		appId = input.app.trim();
	}
	let connection: string | undefined;
	if (input.connection !== undefined && input.connection !== null) {
		if (typeof input.connection !== 'string' || input.connection.trim() === '') return refuse(l10n.t('"connection" must be the name of a Braze connection, not {0}. Leave it out for the active connection.', shown(input.connection, l10n)));
		connection = input.connection.trim();
	}
	return { ok: true, spec: { metric: input.metric, length, end, appId, ...(connection !== undefined ? { connection } : {}) } };
}

/** A value as the model sent it, quoted and cut short. */
function shown(value: unknown, l10n: L10n): string {
	const text = value === undefined ? l10n.t('(missing)') : JSON.stringify(value) ?? typeof value;
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
