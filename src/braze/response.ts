// Turns a response body into checked rows, and reads what Braze says in error bodies.
import { isPlainDate } from '../shared/dates';
import { isRecord } from '../shared/guards';
import { BrazeResponseError, clip } from './errors';

/** One day as Braze sent it, after checking. */
export interface SeriesRow {
	readonly date: string;
	readonly value: number;
}

const ROW_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const QUOTE_MAX = 120;

/** No KPI of one workspace reaches a trillion a day: a larger number is a wrong answer, not data. */
export const MAX_PLAUSIBLE_VALUE = 1e12;

/**
 * Parses a 200 body `{ data: [{ time, <valueField> }, …] }` into rows in the order received.
 * Throws BrazeResponseError quoting the first thing that is wrong (never the whole body).
 */
export function parseSeriesBody(text: string, valueField: string, status: number): SeriesRow[] {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new BrazeResponseError(looksLikeHtml(text) ? 'html' : 'not-json', `it starts with ${quote(text.trimStart())}`, status);
	}
	if (!isRecord(body)) {
		throw new BrazeResponseError('shape', `expected an object with "data", got ${quote(JSON.stringify(body))}`, status);
	}
	const data = body.data;
	if (!Array.isArray(data)) {
		throw new BrazeResponseError('shape', data === undefined ? '"data" is missing' : `"data" is not an array: ${quote(JSON.stringify(data))}`, status);
	}
	return data.map((row: unknown, index) => parseRow(row, index, valueField, status));
}

function parseRow(row: unknown, index: number, valueField: string, status: number): SeriesRow {
	const bad = (why: string): BrazeResponseError =>
		new BrazeResponseError('shape', `row ${index + 1} ${quote(JSON.stringify(row) ?? String(row))} ${why}`, status);
	if (!isRecord(row)) throw bad('is not an object');
	const date = typeof row.time === 'string' ? calendarDateOfTime(row.time) : null;
	if (date === null) throw bad('has no valid "time" (expected YYYY-MM-DD or an ISO date-time)');
	const value = row[valueField];
	if (typeof value !== 'number') throw bad(`has no valid "${valueField}" (expected a whole number, 0 or more)`);
	if (!Number.isInteger(value) || value < 0 || value > MAX_PLAUSIBLE_VALUE) {
		throw new BrazeResponseError('values', `row ${index + 1} ${quote(JSON.stringify(row))} has "${valueField}" ${value}, which cannot be a count (a whole number from 0 to 10^12)`, status);
	}
	return { date, value };
}

/**
 * The calendar date of a row's `time`: "2024-03-10" or a date-time such as "2024-03-10T00:00:00-08:00" -> "2024-03-10".
 * The date as written is kept; it never goes through a time zone. Null when it is not a date.
 */
export function calendarDateOfTime(time: string): string | null {
	const match = ROW_TIME_RE.exec(time);
	return match && isPlainDate(match[1]) ? match[1] : null;
}

/** Braze's `message` from an error body (or its `errors` when there is no message), briefly; null when there is none. */
export function brazeMessageOf(text: string): string | null {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return null;
	}
	if (!isRecord(body)) return null;
	const { message, errors } = body;
	const said = (typeof message === 'string' ? message.trim() : '')
		|| (Array.isArray(errors) ? errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ') : '');
	return said ? clip(said, 300) : null;
}

/**
 * Whether a 403 means "the key lacks the permission" (Access Denied) rather than "the account may not" (Forbidden).
 * Braze's exact bodies are undocumented: anything but an explicit "Forbidden" counts as Access Denied, the common case.
 */
export function isAccessDenied(brazeMessage: string | null): boolean {
	return brazeMessage === null || /access denied|permission/i.test(brazeMessage) || !/forbidden/i.test(brazeMessage);
}

/** True when a body is evidently an HTML page (a proxy's or an outage page). */
export function looksLikeHtml(text: string): boolean {
	return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<h1|<title)/i.test(text);
}

/** A short, printable quotation of `text`. */
export function quote(text: string): string {
	return JSON.stringify(clip(text, QUOTE_MAX));
}
