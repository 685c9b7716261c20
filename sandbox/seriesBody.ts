// The body of a successful KPI answer, shaped by the faults that apply to every answer (gaps, order,
// duplicates, time format, size) and by at most one body fault (truncated JSON, HTML, a bad row).
import type { KpiMetric } from '../src/shared/kpi';
import type { Answer } from './answers';
import { HTML_OK_PAGE, htmlAnswer, jsonAnswer } from './answers';
import type { BodyFault } from './faults';
import { hash32, sandboxSeries } from './data';
import type { SandboxWorkspace } from './data';
import type { KpiParams } from './params';
import type { SandboxFaults } from './server';

type Row = { time: string; value: number };

/**
 * The 200 answer for a valid query on `workspace`'s data. Days after `today` have no row yet, so a series that
 * ends in the future is shorter than `length` (rows before that are exactly `sandboxSeries`).
 */
export function seriesAnswer(
	metric: KpiMetric,
	params: KpiParams,
	today: string,
	settings: Readonly<SandboxFaults>,
	fault: BodyFault | null,
	headers: Readonly<Record<string, string>>,
	workspace: SandboxWorkspace,
): Answer {
	if (fault === 'htmlOk') return htmlAnswer(200, HTML_OK_PAGE, headers);
	const omitted = new Set(settings.omitDates ?? []);
	let rows = sandboxSeries(metric, params.appId, params.endDate, params.length, workspace).filter((r) => r.time <= today && !omitted.has(r.time));
	if (settings.duplicateDates && rows.length > 0) rows = withDuplicate(rows);
	if (settings.shuffle) rows = shuffled(rows);
	const data: Record<string, string | number>[] = rows.map((r) => ({
		time: settings.timeFormat === 'datetime' ? `${r.time}T00:00:00.000Z` : r.time,
		[metric]: r.value,
	}));
	if (fault === 'badRows') spoilOneRow(data, metric, params.endDate, settings.badRowKind ?? 'negative');
	let answer = jsonAnswer(200, { message: 'success', data }, headers);
	if (settings.oversizeBytes !== undefined) answer = { ...answer, body: padded(answer.body, settings.oversizeBytes) };
	// Cut anywhere before the closing brace: the prefix of a JSON object is never valid JSON.
	if (fault === 'malformedJson') answer = { ...answer, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))) };
	// Complete but invalid: a trailing comma before the closing bracket of `data`.
	if (fault === 'invalidJson') answer = { ...answer, body: answer.body.replace(/\]\}$/, ',]}') };
	return answer;
}

/** The middle row appears twice, one after the other. */
function withDuplicate(rows: Row[]): Row[] {
	const middle = Math.floor(rows.length / 2);
	return [...rows.slice(0, middle + 1), { ...rows[middle] }, ...rows.slice(middle + 1)];
}

/** A fixed order that is not ascending (for two rows, descending). */
function shuffled(rows: Row[]): Row[] {
	const order = [...rows].sort((a, b) => hash32(a.time) - hash32(b.time) || a.time.localeCompare(b.time));
	const ascending = order.every((r, i) => i === 0 || order[i - 1].time <= r.time);
	return ascending ? order.reverse() : order;
}

/** Makes the middle row's value negative or a string (adds a row when there is none). */
function spoilOneRow(data: Record<string, string | number>[], metric: KpiMetric, endDate: string, kind: 'negative' | 'string'): void {
	if (data.length === 0) data.push({ time: endDate, [metric]: 0 });
	const row = data[Math.floor(data.length / 2)];
	const value = Number(row[metric]);
	row[metric] = kind === 'negative' ? -Math.max(1, value) : String(value);
}

/** The same JSON with spaces after the opening brace, so that it is at least `bytes` long. */
function padded(json: string, bytes: number): string {
	const missing = bytes - Buffer.byteLength(json);
	return missing > 0 ? `{${' '.repeat(missing)}${json.slice(1)}` : json;
}
