// Generators of valid values of the extension's types, and of near-misses: a valid value with one spot replaced
// by anything, which reaches the deep checks of a parser that pure junk never gets past.
import fc from 'fast-check';
import { BRAZE_INSTANCES } from '../../../src/braze/instances';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/shared/dates';
import type { DailyPoint, DailySeries, KpiMetric, QueryMetric, RateLimitInfo } from '../../../src/shared/kpi';
import { KPI_METRICS, QUERY_METRICS } from '../../../src/shared/kpi';
import { stickinessSeries } from '../../../src/shared/stickinessResult';
import type { StickinessSources } from '../../../src/shared/stickinessResult';
import type { HostToWebview, PanelResult, WebviewToHost } from '../../../src/shared/protocol';
import type { KpiQuerySpec, SeriesEnd } from '../../../src/shared/query';
import { isValidAppId, MAX_QUERY_LENGTH } from '../../../src/shared/query';
import { WEBVIEW_STRINGS } from '../../../src/shared/webviewStrings';

const FIRST_DAY = toDayNumber('1990-01-01');
const LAST_DAY = toDayNumber('2090-12-31');

export const plainDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber);
export const metric: fc.Arbitrary<KpiMetric> = fc.constantFrom(...KPI_METRICS);
export const queryMetric: fc.Arbitrary<QueryMetric> = fc.constantFrom(...QUERY_METRICS);
export const seriesEnd: fc.Arbitrary<SeriesEnd> = fc.oneof(
	fc.constant({ kind: 'yesterday' } as const),
	fc.constant({ kind: 'today' } as const),
	plainDate.map((date) => ({ kind: 'date', date }) as const),
);
/** App ids, including ones full of link syntax: they are valid ids, and hostile text. */
export const appId: fc.Arbitrary<string | null> = fc.oneof(
	fc.constant(null),
	fc.constantFrom('4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17', '[x](command:workbench.action.terminal.new)', 'é"<b>'),
	fc.string({ minLength: 1, maxLength: 40 }).filter(isValidAppId),
);
/** Endpoints a query may name: labels, URLs that resolve. */
export const queryEndpoint: fc.Arbitrary<string | undefined> = fc.oneof(
	fc.constant(undefined),
	fc.constantFrom(...BRAZE_INSTANCES.map((i) => i.label), 'https://rest.iad-01.braze.com', 'http://127.0.0.1:4010', 'eu-02'),
);
/** Mostly short lengths (fast), sometimes up to the longest. */
export const queryLength = (max = MAX_QUERY_LENGTH): fc.Arbitrary<number> => fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: Math.min(60, max) }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) });

export const querySpec = (maxLength = MAX_QUERY_LENGTH): fc.Arbitrary<KpiQuerySpec> =>
	fc.record({ metric: queryMetric, length: queryLength(maxLength), end: seriesEnd, appId, endpoint: queryEndpoint }, { noNullPrototype: true }).map(({ endpoint, ...rest }) => (endpoint === undefined ? rest : { ...rest, endpoint }));

const value = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 1e12 }) });

/** A series of `days` days ending on `lastDate`, gaps included, maybe with a provisional day. */
export function dailySeries(m: KpiMetric, lastDate: string, days: number): fc.Arbitrary<DailySeries> {
	const firstDate = addDays(lastDate, -(days - 1));
	return fc.record({ values: fc.array(value, { minLength: days, maxLength: days }), provisional: fc.option(fc.integer({ min: 0, max: days - 1 }), { nil: null }) }, { noNullPrototype: true }).map(({ values, provisional }) => ({
		metric: m,
		firstDate,
		lastDate,
		points: values.map((v, i): DailyPoint => ({ date: addDays(firstDate, i), value: v })),
		provisionalDate: provisional === null ? null : addDays(firstDate, provisional),
	}));
}

export const rateLimitInfo: fc.Arbitrary<RateLimitInfo | null> = fc.option(
	fc.record({ limit: fc.option(fc.nat(), { nil: null }), remaining: fc.option(fc.nat(), { nil: null }), resetEpochSeconds: fc.option(fc.integer({ min: 0, max: 4_102_444_800 }), { nil: null }) }, { noNullPrototype: true }),
	{ nil: null },
);

/** DAU and MAU over the same days (MAU's own values, the same day in progress), as a stickiness query fetches them. */
export function stickinessSources(lastDate: string, days: number): fc.Arbitrary<StickinessSources> {
	return fc.tuple(dailySeries('dau', lastDate, days), fc.array(value, { minLength: days, maxLength: days })).map(([dau, mauValues]) => ({
		dau: { ...dau, metric: 'dau' as const },
		mau: { ...dau, metric: 'mau' as const, points: dau.points.map((p, i) => ({ date: p.date, value: mauValues[i] ?? null })) },
	}));
}

/** A query's series and, for stickiness, the sources it is derived from. */
function resultSeries(m: QueryMetric, lastDate: string, days: number): fc.Arbitrary<Pick<PanelResult, 'series' | 'sources'>> {
	if (m !== 'stickiness') return dailySeries(m, lastDate, days).map((series) => ({ series }));
	return stickinessSources(lastDate, days).map((sources) => ({ series: stickinessSeries(sources), sources }));
}

/** A result as a panel shows it: the query's own days (what exports hold). */
export const panelResult: fc.Arbitrary<PanelResult> = querySpec()
	.chain((query) => fc.record({
		query: fc.constant(query),
		days: plainDate.chain((lastDate) => resultSeries(query.metric, lastDate, query.length)),
		instance: fc.oneof(
			fc.constantFrom(...BRAZE_INSTANCES).map((i) => ({ label: i.label, host: i.host })),
			fc.record({ label: fc.constant(null), host: fc.constantFrom('127.0.0.1:4010', 'rest.example.com', '[::1]:1234') }, { noNullPrototype: true }),
		),
		fetchedAt: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
		rateLimit: rateLimitInfo,
	}, { noNullPrototype: true }))
	.map(({ days, ...rest }) => ({ ...rest, ...days }));

export const webviewMessage = (maxLength: number): fc.Arbitrary<WebviewToHost> => fc.oneof(
	fc.constantFrom<WebviewToHost>({ type: 'ready' }, { type: 'cancel' }, { type: 'copyCsv' }, { type: 'exportJson' }, { type: 'saveQuery' }),
	fc.record({ length: queryLength(maxLength), end: seriesEnd, appId }, { noNullPrototype: true }).map((request): WebviewToHost => ({ type: 'run', request })),
);

const webviewBundle = fc.option(fc.subarray(Object.values(WEBVIEW_STRINGS)).map((keys) => Object.fromEntries(keys.map((k) => [k, `fr: ${k}`]))), { nil: null });

export const hostMessage: fc.Arbitrary<HostToWebview> = fc.oneof(
	fc.record({
		type: fc.constant('init' as const),
		l10nBundle: webviewBundle,
		locale: fc.constantFrom('en', 'fr', 'de-CH'),
		query: querySpec(),
		result: fc.option(panelResult, { nil: null }),
		maxLength: fc.integer({ min: 1, max: 10_000 }),
		today: plainDate,
	}, { noNullPrototype: true }),
	querySpec().map((query): HostToWebview => ({ type: 'loading', query })),
	panelResult.map((result): HostToWebview => ({ type: 'result', result })),
	fc.string().map((message): HostToWebview => ({ type: 'error', message })),
);

/** Every path to a value inside `value` (object keys and array indexes), the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
	const entries: [string | number, unknown][] = Array.isArray(value) ? Array.from(value as unknown[], (v, i): [number, unknown] => [i, v]) : typeof value === 'object' && value !== null ? Object.entries(value) : [];
	for (const [key, child] of entries) {
		out.push([...prefix, key]);
		pathsOf(child, [...prefix, key], out);
	}
	return out;
}

/** A deep copy of `value` with the value at `path` replaced by `replacement` (or deleted when it is the DELETE token). */
function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
	const copy: unknown = structuredClone(value);
	let node = copy as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	const last = path[path.length - 1];
	if (replacement === DELETE) delete node[last];
	else node[last] = replacement;
	return copy;
}

const DELETE = Symbol('delete');

/** Junk of every JSON-ish kind, and numbers and strings at the edges. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
	fc.anything(),
	plainDate,
	fc.integer({ min: -5, max: 5000 }),
	fc.constantFrom(null, undefined, NaN, Infinity, -1, 0, 1.5, 1e300, '', ' ', '2024-02-30', '[a](command:x)', [], {}, '__proto__', { __proto__: null }),
	fc.string(),
);

/** `valid` values with one spot (a key, an element) replaced by junk or removed. */
export function nearMiss<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
	return fc.tuple(valid, fc.nat(), fc.oneof({ weight: 1, arbitrary: fc.constant<unknown>(DELETE) }, { weight: 4, arbitrary: junk })).map(([v, pick, replacement]) => {
		const paths = pathsOf(v);
		return paths.length === 0 ? replacement : replaced(v, paths[pick % paths.length], replacement);
	});
}

/** Any input for a parser of `valid`-shaped values: junk, valid values, near-misses. */
export function inputsLike<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
	return fc.oneof(junk, valid, nearMiss(valid), nearMiss(valid));
}

/** The same, as JSON text, plus cut-off text (a truncated file or body). */
export function textsLike<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<string> {
	const asText = inputsLike(valid).map((v) => JSON.stringify(v) ?? String(v));
	return fc.oneof(fc.string(), fc.json(), asText, fc.tuple(asText, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))));
}
