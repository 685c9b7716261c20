// What every accepted value must satisfy, whatever the input was: the invariants of the extension's types,
// written once and checked on whatever a parser lets through.
import assert from 'node:assert/strict';
import { BRAZE_INSTANCES, isLoopbackHost, resolveRestEndpoint } from '../../../src/braze/instances';
import { MAX_PLAUSIBLE_VALUE } from '../../../src/braze/response';
import type { SeriesRow } from '../../../src/braze/response';
import { MAX_RESET_HORIZON_MS } from '../../../src/braze/rateLimit';
import { addDays, daysBetween, isPlainDate } from '../../../src/shared/dates';
import type { DailySeries, RateLimitInfo } from '../../../src/shared/kpi';
import { isKpiMetric, isQueryMetric } from '../../../src/shared/kpi';
import { stickinessSeries } from '../../../src/shared/stickinessResult';
import type { HostToWebview, PanelResult, PersistedPanelState, WebviewToHost } from '../../../src/shared/protocol';
import type { KpiQuerySpec, SeriesEnd } from '../../../src/shared/query';
import { isValidAppId, MAX_QUERY_LENGTH } from '../../../src/shared/query';
import type { CheckedEntry } from '../../../src/queries/model';
import { MAX_QUERY_NAME_LENGTH } from '../../../src/queries/model';
import { WEBVIEW_STRINGS } from '../../../src/shared/webviewStrings';

/** Whether an endpoint a query names can be used as it is. */
function resolves(endpoint: string): boolean {
	try {
		resolveRestEndpoint(endpoint);
		return true;
	} catch {
		return false;
	}
}

const isWhole = (n: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean => Number.isSafeInteger(n) && (n as number) >= min && (n as number) <= max;

export function assertSeriesEnd(end: SeriesEnd): void {
	assert.ok(end.kind === 'yesterday' || end.kind === 'today' || (end.kind === 'date' && isPlainDate(end.date)), JSON.stringify(end));
	assert.deepEqual(Object.keys(end).sort(), end.kind === 'date' ? ['date', 'kind'] : ['kind']);
}

export function assertQuerySpec(spec: KpiQuerySpec, maxLength = MAX_QUERY_LENGTH): void {
	assert.ok(isQueryMetric(spec.metric));
	assert.ok(isWhole(spec.length, 1, maxLength), `length ${spec.length}`);
	assertSeriesEnd(spec.end);
	assert.ok(spec.appId === null || (typeof spec.appId === 'string' && isValidAppId(spec.appId)), `appId ${JSON.stringify(spec.appId)}`);
	assert.ok(spec.endpoint === undefined || (typeof spec.endpoint === 'string' && spec.endpoint.trim() !== ''));
}

/** One point per day from firstDate to lastDate, ascending, values whole and not negative (or null for a gap). */
export function assertDailySeries(series: DailySeries, maxDays = 2 * MAX_QUERY_LENGTH): void {
	assert.ok(isKpiMetric(series.metric));
	assert.ok(isPlainDate(series.firstDate) && isPlainDate(series.lastDate));
	const days = daysBetween(series.firstDate, series.lastDate) + 1;
	assert.ok(days >= 1 && days <= maxDays, `${days} days`);
	assert.equal(series.points.length, days);
	series.points.forEach((p, i) => {
		assert.equal(p.date, addDays(series.firstDate, i));
		assert.ok(p.value === null || isWhole(p.value, 0), `value ${p.value}`);
	});
	const provisional = series.provisionalDate;
	assert.ok(provisional === null || (isPlainDate(provisional) && provisional >= series.firstDate && provisional <= series.lastDate), `provisional day ${provisional} outside ${series.firstDate}..${series.lastDate}`);
}

export function assertRateLimitInfo(info: RateLimitInfo | null): void {
	if (info === null) return;
	for (const v of [info.limit, info.remaining, info.resetEpochSeconds]) assert.ok(v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0), String(v));
}

export function assertPanelResult(result: PanelResult): void {
	assertQuerySpec(result.query);
	// Stickiness holds its DAU and MAU, and its ratio is exactly theirs; a KPI result holds no sources.
	assert.equal(result.sources !== undefined, result.query.metric === 'stickiness');
	if (result.sources) {
		assertDailySeries(result.sources.dau);
		assertDailySeries(result.sources.mau);
		assert.deepEqual(result.series, stickinessSeries(result.sources));
		for (const p of result.series.points) assert.ok(p.value === null || (Number.isFinite(p.value) && p.value >= 0), `ratio ${p.value}`);
	} else {
		assertDailySeries(result.series);
	}
	assert.equal(result.series.metric, result.query.metric);
	assert.ok(typeof result.instance.host === 'string');
	assert.ok(result.instance.label === null || typeof result.instance.label === 'string');
	assert.ok(!Number.isNaN(Date.parse(result.fetchedAt)));
	assertRateLimitInfo(result.rateLimit);
}

export function assertPersistedState(state: PersistedPanelState): void {
	assertQuerySpec(state.query);
	if (state.result !== null) assertPanelResult(state.result);
}

/** A parsed export: the result a file describes never spans more days than its query asks for. */
export function assertExportedResult(result: PanelResult): void {
	assertPanelResult(result);
	assert.ok(result.series.points.length <= result.query.length);
	assert.ok(result.instance.host !== '');
	assert.equal(result.rateLimit, null);
	if (result.query.endpoint !== undefined) assert.ok(resolves(result.query.endpoint));
}

export function assertSeriesRows(rows: readonly SeriesRow[]): void {
	for (const row of rows) {
		assert.ok(isPlainDate(row.date), row.date);
		assert.ok(isWhole(row.value, 0, MAX_PLAUSIBLE_VALUE), String(row.value));
	}
}

/** A base URL the key may be sent to: https (http only on loopback), no credentials, query, fragment or trailing slash. */
export function assertBaseUrl(baseUrl: string): void {
	const url = new URL(baseUrl);
	assert.ok(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)), baseUrl);
	assert.equal(url.username + url.password + url.search + url.hash, '');
	assert.ok(!baseUrl.endsWith('/'), baseUrl);
	assert.equal(`${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`, baseUrl);
}

export function assertKnownLabel(label: string | null, host: string): void {
	assert.equal(label, BRAZE_INSTANCES.find((i) => i.host === host.toLowerCase())?.label ?? null);
}

/** A wait from a rate-limit header: a real, bounded duration. */
export function assertWait(ms: number | null): void {
	assert.ok(ms === null || (Number.isFinite(ms) && ms >= 0 && ms <= MAX_RESET_HORIZON_MS), String(ms));
}

export function assertWebviewMessage(message: WebviewToHost, maxLength: number): void {
	if (message.type === 'run') {
		assert.deepEqual(Object.keys(message).sort(), ['request', 'type']);
		assert.deepEqual(Object.keys(message.request).sort(), ['appId', 'end', 'length']);
		assertQuerySpec({ metric: 'dau', ...message.request }, maxLength);
	} else {
		assert.ok(['ready', 'cancel', 'copyCsv', 'exportJson', 'saveQuery'].includes(message.type));
		assert.deepEqual(Object.keys(message), ['type']);
	}
}

export function assertHostMessage(message: HostToWebview): void {
	switch (message.type) {
		case 'init': {
			assertQuerySpec(message.query);
			if (message.result !== null) assertPanelResult(message.result);
			assert.ok(isWhole(message.maxLength, 1, 10_000));
			assert.ok(isPlainDate(message.today));
			assert.equal(typeof message.locale, 'string');
			const ours = new Set<string>(Object.values(WEBVIEW_STRINGS));
			for (const [k, v] of Object.entries(message.l10nBundle ?? {})) assert.ok(ours.has(k) && typeof v === 'string' && v !== '', k);
			return;
		}
		case 'loading':
			return assertQuerySpec(message.query);
		case 'result':
			return assertPanelResult(message.result);
		case 'error':
			assert.equal(typeof message.message, 'string');
	}
}

export function assertCheckedEntry(entry: CheckedEntry): void {
	if (entry.kind === 'broken') {
		assert.ok(typeof entry.problem === 'string' && entry.problem !== '');
		assert.ok(entry.name === null || typeof entry.name === 'string');
		return;
	}
	assert.equal(entry.name, entry.name.trim());
	assert.ok(entry.name.length >= 1 && entry.name.length <= MAX_QUERY_NAME_LENGTH && !/[\u0000-\u001f\u007f]/.test(entry.name));
	assertQuerySpec(entry.spec);
	if (entry.spec.endpoint !== undefined) assert.ok(resolves(entry.spec.endpoint), 'a saved query runs as it is: its endpoint resolves');
}
