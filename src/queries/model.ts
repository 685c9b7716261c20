// Saved queries as they live in the `braze.savedQueries` setting: checking hand-edited entries, naming,
// describing, and locating one element of the raw array to edit it. No `vscode` here.
import { lookupEndpoint } from '../connections/endpoint';
import type { SettingsScope } from '../config/settingsArray';
import { isRecord } from '../shared/guards';
import { describeValue, entryNameProblem, nameKey, newNameProblem, takenEntryNames, uniqueEntryName } from '../shared/settingsEntries';
import { comparisonProblem, comparisonProblemText, formatSeriesEnd, parseQuerySpec, queryProblemText } from '../shared/query';
import type { KpiQuerySpec, ParsedQuerySpec, QueryField, SeriesEnd } from '../shared/query';
import type { L10n } from '../shared/l10n';
import { formatRangePreset, parseRangePreset, rangePresetName, rangePresetProblemText } from '../shared/rangePresets';
import type { RangePreset } from '../shared/rangePresets';

/** Where an entry is stored: user settings, or the workspace's settings (shareable through `.vscode/settings.json`). */
export type SavedQueryScope = SettingsScope;

export const MAX_QUERY_NAME_LENGTH = 100;

/** A usable element of a scope's array. `raw` is the element exactly as read: its identity when editing. */
export interface UsableSavedQuery {
	readonly kind: 'query';
	readonly scope: SavedQueryScope;
	readonly index: number;
	readonly raw: unknown;
	readonly name: string;
	readonly spec: KpiQuerySpec;
}

/** An element that cannot be run (hand-edited, wrong types…): shown with its problem, never dropped or rewritten. */
export interface BrokenSavedQuery {
	readonly kind: 'broken';
	readonly scope: SavedQueryScope;
	readonly index: number;
	readonly raw: unknown;
	readonly name: string | null;
	/** What is wrong, in a few words. */
	readonly problem: string;
}

export type SavedQueryItem = UsableSavedQuery | BrokenSavedQuery;

/** A scope's setting as read. */
export interface ScopeQueries {
	readonly scope: SavedQueryScope;
	readonly items: readonly SavedQueryItem[];
	/** Set when the value as a whole is not an array: nothing in it is shown, and the scope is never written. */
	readonly problem: string | null;
}

/** An entry checked on its own: the item it makes, less its place in the array. */
export type CheckedEntry =
	| { readonly kind: 'query'; readonly name: string; readonly spec: KpiQuerySpec }
	| { readonly kind: 'broken'; readonly name: string | null; readonly problem: string };

/** Reads one scope's raw setting value; a later entry whose name repeats an earlier one is broken. */
export function readScopeQueries(scope: SavedQueryScope, value: unknown, l10n: L10n): ScopeQueries {
	const list = value ?? [];
	if (!Array.isArray(list)) return { scope, items: [], problem: l10n.t('The braze.savedQueries setting must be a list of queries, not {0}.', describeValue(list)) };
	const namesAbove = new Set<string>();
	const items = (list as readonly unknown[]).map((raw, index): SavedQueryItem => {
		let checked = checkSavedQueryEntry(raw, l10n);
		if (checked.kind === 'query') {
			const key = nameKey(checked.name);
			if (namesAbove.has(key)) checked = { kind: 'broken', name: checked.name, problem: l10n.t('Another query above is already named "{0}": rename one of them.', checked.name) };
			namesAbove.add(key);
		}
		return { ...checked, scope, index, raw };
	});
	return { scope, items, problem: null };
}

/** Checks one untrusted settings entry on its own; `problem` names the first bad field. */
export function checkSavedQueryEntry(raw: unknown, l10n: L10n): CheckedEntry {
	const broken = (name: string | null, problem: string): CheckedEntry => ({ kind: 'broken', name, problem });
	if (!isRecord(raw)) return broken(null, l10n.t('The entry must be an object such as {0}, not {1}.', ENTRY_EXAMPLE, describeValue(raw)));
	if (typeof raw.name !== 'string') return broken(null, raw.name === undefined ? l10n.t('The entry has no "name": add one.') : l10n.t('The name must be text, not {0}.', describeValue(raw.name)));
	const name = raw.name.trim();
	const nameProblem = queryNameProblem(name, l10n);
	if (nameProblem !== undefined) return broken(name || null, nameProblem);
	if (raw.range !== undefined) {
		if (parseRangePreset(raw.range) === null) return broken(name, rangePresetProblemText(raw.range, l10n));
		if (raw.length !== undefined || raw.end !== undefined) return broken(name, l10n.t('Give either "range" or "length" and "end", not both.'));
	}
	const parsed = parseWrittenQuery(raw);
	if (!parsed.ok) return broken(name, writtenQueryProblem(raw, parsed.field, l10n));
	return { kind: 'query', name, spec: parsed.spec };
}

/** The sentence for a refused field of a written query; a comparison says exactly what is wrong with it. */
export function writtenQueryProblem(raw: Record<string, unknown>, field: QueryField, l10n: L10n, prefix = ''): string {
	const problem = field === 'compare' ? comparisonProblem(raw.compare, typeof raw.appId === 'string' ? raw.appId : null) : undefined;
	return problem ? comparisonProblemText(problem, l10n, `${prefix}compare`) : queryProblemText(field, l10n, `${prefix}${field}`);
}

const ENTRY_EXAMPLE = '{"name": "DAU", "metric": "dau", "length": 30, "end": "yesterday"}';

/**
 * A query someone wrote down (a settings entry, an exported file): the rules of `parseQuerySpec`, and an
 * endpoint that resolves, since it may be run as it is.
 */
export function parseWrittenQuery(raw: unknown): ParsedQuerySpec {
	const parsed = parseQuerySpec(raw);
	return parsed.ok && parsed.spec.endpoint !== undefined && !lookupEndpoint(parsed.spec.endpoint).ok ? { ok: false, field: 'endpoint' } : parsed;
}

/** Why `name` (already trimmed) cannot name a query, or undefined. Uniqueness is checked separately. */
export function queryNameProblem(name: string, l10n: L10n): string | undefined {
	return entryNameProblem(name, MAX_QUERY_NAME_LENGTH, l10n);
}

/** For an input box: why `input` cannot be the new name among `taken` (names in the same scope), or undefined. `current` is the name being renamed, which may keep its own name. */
export function validateNewQueryName(input: string, taken: readonly string[], l10n: L10n, current?: string): string | undefined {
	return newNameProblem(input, taken, (name) => queryNameProblem(name, l10n), (name) => l10n.t('A query named "{0}" already exists here: choose another name.', name), current);
}


/** The names in use in a scope, broken entries included (so that fixing one by hand never creates a clash). */
export function takenNames(scope: ScopeQueries): string[] {
	return takenEntryNames(scope.items);
}

/** `base`, or `base (2)`, `base (3)`… whichever is free among `taken`. */
export function uniqueQueryName(base: string, taken: readonly string[]): string {
	return uniqueEntryName(base, taken);
}

/**
 * The settings entry for a query. Built on `previous` when editing, so that keys the extension does not
 * know (a `$comment`, say) keep their place and value.
 */
export function toSettingsEntry(name: string, spec: KpiQuerySpec, previous?: unknown): Record<string, unknown> {
	// A preset is stored by its name, never its days, so that it stays relative; custom days replace it.
	const range = spec.preset === undefined ? { length: spec.length, end: formatSeriesEnd(spec.end) } : { range: formatRangePreset(spec.preset) };
	const entry: Record<string, unknown> = { ...(isRecord(previous) ? previous : {}), name: name.trim(), metric: spec.metric, ...range };
	if (spec.preset === undefined) delete entry.range;
	else {
		delete entry.length;
		delete entry.end;
	}
	// The optional keys come back (last) only when the query names them.
	delete entry.appId;
	delete entry.connection;
	delete entry.endpoint;
	delete entry.compare;
	if (spec.appId !== null) entry.appId = spec.appId;
	if (spec.connection !== undefined) entry.connection = spec.connection;
	if (spec.endpoint !== undefined) entry.endpoint = spec.endpoint;
	if (spec.compare) entry.compare = { apps: [...spec.compare.apps], ...(spec.compare.period ? { period: spec.compare.period } : {}) };
	return entry;
}



/** "last 30 days to yesterday", "last 7 days to today", "30 days to 2024-05-01" (one day: "yesterday", "today", the date); a preset by its name ("last month"). */
export function describeRange(length: number, end: SeriesEnd, l10n: L10n, preset?: RangePreset): string {
	if (preset !== undefined) return rangePresetName(preset, l10n);
	if (end.kind === 'date') return length === 1 ? end.date : l10n.t('{0} days to {1}', length, end.date);
	const day = end.kind === 'today' ? l10n.t('today') : l10n.t('yesterday');
	return length === 1 ? day : l10n.t('last {0} days to {1}', length, day);
}

/**
 * A tree item's description: "DAU · all apps · last 30 days to yesterday", plus the query's connection when it is
 * not the active one (`active`), or the legacy endpoint it names.
 */
export function describeQuery(spec: KpiQuerySpec, metricName: string, l10n: L10n, active?: string, appLabel: AppLabel = (id) => id): string {
	const parts = [metricName, describeApps(spec, l10n, appLabel), describeRange(spec.length, spec.end, l10n, spec.preset)];
	if (spec.connection !== undefined && spec.connection.toLowerCase() !== active?.toLowerCase()) parts.push(spec.connection);
	else if (spec.connection === undefined && spec.endpoint !== undefined) parts.push(spec.endpoint);
	return parts.join(' · ');
}

/** How an app is called for people: its name from `braze.apps`, else its identifier. */
export type AppLabel = (appId: string) => string;

/** "iOS", "all apps", "iOS vs Android", "iOS vs all apps, and the previous period": the apps and overlay of a query. */
export function describeApps(spec: Pick<KpiQuerySpec, 'appId' | 'compare'>, l10n: L10n, appLabel: AppLabel = (id) => id, allApps?: string): string {
	const label = (id: string | null) => (id === null ? allApps ?? l10n.t('all apps') : appLabel(id));
	const apps = [spec.appId, ...(spec.compare?.apps ?? [])].map(label).reduce((joined, app) => l10n.t('{0} vs {1}', joined, app));
	const period = spec.compare?.period;
	if (period === 'previous') return l10n.t('{0}, with the previous period', apps);
	if (period === 'year') return l10n.t('{0}, with the year before', apps);
	return apps;
}

/**
 * A name to offer when saving: "DAU, last 30 days to yesterday", "DAU for <app>, …", or for a comparison its apps and
 * overlay ("DAU, ios vs android, last 30 days to yesterday, with the year before"); cut to the longest name allowed.
 */
export function suggestQueryName(spec: KpiQuerySpec, metricName: string, l10n: L10n, appLabel: AppLabel = (id) => id): string {
	const range = describeRange(spec.length, spec.end, l10n, spec.preset);
	let name: string;
	if (spec.compare) {
		const apps = describeApps({ appId: spec.appId, compare: { apps: spec.compare.apps } }, l10n, appLabel);
		const base = l10n.t('{0}, {1}, {2}', metricName, apps, range);
		name = spec.compare.period === 'previous' ? l10n.t('{0}, with the previous period', base) : spec.compare.period === 'year' ? l10n.t('{0}, with the year before', base) : base;
	} else {
		name = spec.appId === null ? l10n.t('{0}, {1}', metricName, range) : l10n.t('{0} for {1}, {2}', metricName, appLabel(spec.appId), range);
	}
	return name.slice(0, MAX_QUERY_NAME_LENGTH).trim();
}

