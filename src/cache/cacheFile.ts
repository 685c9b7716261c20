// The on-disk format of one partition of the day cache: versioned JSON, checked field by field when read.
import { createHash } from 'node:crypto';
import { isPlainDate } from '../shared/dates';
import { isRecord } from '../shared/guards';
import { isKpiMetric } from '../shared/kpi';
import { isValidAppId } from '../shared/query';
import type { CachedDay, SeriesKey } from './cachedDay';

export const CACHE_FILE_FORMAT = 'braze-kpi-day-cache';
export const CACHE_FILE_VERSION = 1;

const FILE_NAME_RE = /^day-cache-[0-9a-f]{32}\.json$/;
const TEMP_NAME_RE = /^day-cache-[0-9a-f]{32}\.json\.[0-9a-z-]+\.tmp$/;

/** One series of a partition, with the time it was last read or written (for least-recently-used eviction). */
export interface CachedSeriesEntry extends SeriesKey {
	lastUsed: number;
	days: Map<string, CachedDay>;
}

export interface PartitionContent {
	readonly partitionId: string;
	readonly series: CachedSeriesEntry[];
}

/** The file name of a partition: a hash, so that any id is a safe name and the id itself never shows in the folder. */
export function partitionFileName(partitionId: string): string {
	return `day-cache-${createHash('sha256').update(partitionId, 'utf8').digest('hex').slice(0, 32)}.json`;
}

export function isPartitionFileName(name: string): boolean {
	return FILE_NAME_RE.test(name);
}

/** A temporary file left by a write that never reached its rename (a crash). */
export function isTempFileName(name: string): boolean {
	return TEMP_NAME_RE.test(name);
}

/** The JSON text of a partition. Days are `[value or null, fetchedAt epoch ms]`, to keep the file small. */
export function serialisePartition(content: PartitionContent): string {
	return JSON.stringify({
		format: CACHE_FILE_FORMAT,
		version: CACHE_FILE_VERSION,
		partition: content.partitionId,
		series: content.series.map(serialiseEntry),
	});
}

/** The JSON text of one series entry (also what eviction counts as its size). */
export function serialiseEntry(entry: CachedSeriesEntry): object {
	const days: Record<string, [number | null, number]> = {};
	for (const [date, day] of [...entry.days].sort(([a], [b]) => a.localeCompare(b))) days[date] = [day.value, day.fetchedAt];
	return { metric: entry.metric, appId: entry.appId, lastUsed: entry.lastUsed, days };
}

export type ParsedPartition = { readonly ok: true; readonly content: PartitionContent } | { readonly ok: false; readonly problem: string };

/** Reads a partition file's text; `problem` says, in English for the log, why a file is not one of ours or is damaged. */
export function parsePartition(text: string, fileName: string): ParsedPartition {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'not JSON' };
	}
	if (!isRecord(raw) || raw.format !== CACHE_FILE_FORMAT) return { ok: false, problem: 'not a day cache file' };
	if (raw.version !== CACHE_FILE_VERSION) return { ok: false, problem: `format version ${JSON.stringify(raw.version)}, expected ${CACHE_FILE_VERSION}` };
	if (typeof raw.partition !== 'string' || partitionFileName(raw.partition) !== fileName) return { ok: false, problem: 'its partition does not match its file name' };
	if (!Array.isArray(raw.series)) return { ok: false, problem: '"series" is not a list' };
	const series: CachedSeriesEntry[] = [];
	const seen = new Set<string>();
	for (const [index, item] of raw.series.entries()) {
		const entry = parseEntry(item);
		if (typeof entry === 'string') return { ok: false, problem: `series ${index}: ${entry}` };
		const key = JSON.stringify([entry.metric, entry.appId]);
		if (seen.has(key)) return { ok: false, problem: `series ${index}: a second entry for the same series` };
		seen.add(key);
		series.push(entry);
	}
	return { ok: true, content: { partitionId: raw.partition, series } };
}

function parseEntry(item: unknown): CachedSeriesEntry | string {
	if (!isRecord(item)) return 'not an object';
	if (!isKpiMetric(item.metric)) return 'unknown metric';
	if (item.appId !== null && (typeof item.appId !== 'string' || !isValidAppId(item.appId))) return 'bad appId';
	if (!isTimestamp(item.lastUsed)) return 'bad lastUsed';
	if (!isRecord(item.days)) return '"days" is not an object';
	const days = new Map<string, CachedDay>();
	for (const [date, pair] of Object.entries(item.days)) {
		if (!isPlainDate(date)) return `bad date ${JSON.stringify(date.slice(0, 20))}`;
		if (!Array.isArray(pair) || pair.length !== 2) return `day ${date} is not [value, fetchedAt]`;
		const [value, fetchedAt] = pair as unknown[];
		if (value !== null && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) return `day ${date} has a bad value`;
		if (!isTimestamp(fetchedAt)) return `day ${date} has a bad fetch time`;
		days.set(date, { value, fetchedAt });
	}
	return { metric: item.metric, appId: item.appId, lastUsed: item.lastUsed, days };
}

function isTimestamp(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
