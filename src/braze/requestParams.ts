// Checks and normalises what the caller asks for, before anything is sent, and builds request URLs.
import { brazeToday, isPlainDate } from '../shared/dates';
import { isWholeNumber } from '../shared/guards';
import { isValidAppId } from '../shared/query';
import { BrazeValidationError } from './errors';
import { quote } from './response';

/** The most days Braze serves in one request. */
export const MAX_WINDOW_LENGTH = 100;

/** The most days one series may span (100 requests); a guard against a runaway length, not a Braze limit. */
export const MAX_SERIES_LENGTH = 10_000;

/** An `ending_at` checked and rewritten with a valid offset (`Z` or `±hh:mm`). */
export interface NormalisedEndingAt {
	/** The value to send, e.g. "2024-03-10T23:59:59-05:00". */
	readonly text: string;
	/** The calendar date as written, e.g. "2024-03-10". */
	readonly date: string;
	/** "Z" or "±hh:mm". */
	readonly offset: string;
}

/** The query parameters of one request, in the order they are sent. */
export interface WindowParams {
	readonly length: number;
	readonly endingAt: string | null;
	readonly appId: string | null;
}

const ENDING_AT_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-][\d:]{1,5})?)?$/i;

/** Returns `length` when it is a whole number of days from 1 to MAX_SERIES_LENGTH; throws BrazeValidationError (field `length`) otherwise. */
export function validateLength(length: unknown): number {
	if (!isWholeNumber(length, 1, MAX_SERIES_LENGTH)) {
		throw new BrazeValidationError('length', [MAX_SERIES_LENGTH], `got ${describe(length)}`);
	}
	return length;
}

/** Returns `appId` when Braze may receive it (non-empty, no whitespace or control characters); throws BrazeValidationError (field `app_id`) otherwise. */
export function validateAppId(appId: unknown): string {
	if (typeof appId !== 'string' || !isValidAppId(appId)) {
		throw new BrazeValidationError('app_id', [], `got ${describe(appId)}`);
	}
	return appId;
}

/**
 * Checks an ISO-8601 date ("2024-03-10") or date-time ("2024-03-10T12:00:00+02:00") and rewrites it for Braze:
 * offsets such as "-5:00", "+0200" or "+02" become "-05:00", "+02:00"; a date-time without offset is taken as UTC;
 * a date alone means the end of that day (T23:59:59Z). Throws BrazeValidationError (field `ending_at`).
 */
export function normaliseEndingAt(raw: unknown): NormalisedEndingAt {
	const bad = (why: string): BrazeValidationError => new BrazeValidationError('ending_at', [], `${describe(raw)} ${why}`);
	if (typeof raw !== 'string') throw bad('is not text');
	const match = ENDING_AT_RE.exec(raw.trim());
	if (!match) throw bad('is not in that form');
	const [, date, hh, mm, ss, fraction, rawOffset] = match as unknown as [string, string, string?, string?, string?, string?, string?];
	if (!isPlainDate(date)) throw bad('is not a real calendar date');
	if (hh === undefined) return { text: endOfDay(date, 'Z'), date, offset: 'Z' };
	if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) throw bad('has an invalid time of day');
	const offset = rawOffset === undefined ? 'Z' : normaliseOffset(rawOffset);
	if (offset === null) throw bad('has an invalid time zone offset');
	const time = `${hh}:${mm}${ss !== undefined ? `:${ss}` : ''}${fraction ?? ''}`;
	return { text: `${date}T${time}${offset}`, date, offset };
}

/** "Z", "±h:mm", "±hh:mm", "±hhmm" or "±hh" as "Z" or "±hh:mm"; null when invalid. */
export function normaliseOffset(raw: string): string | null {
	if (raw === 'Z' || raw === 'z') return 'Z';
	const match = /^([+-])(?:(\d{1,2}):(\d{2})|(\d{2})(\d{2})?)$/.exec(raw);
	if (!match) return null;
	const hours = Number(match[2] ?? match[4]);
	const minutes = Number(match[3] ?? match[5] ?? '0');
	if (hours > 23 || minutes > 59) return null;
	return `${match[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The `ending_at` that makes a window end on `date`: the last second of that day, at the request's offset. */
export function endOfDay(date: string, offset: string): string {
	return `${date}T23:59:59${offset}`;
}

/**
 * The calendar date a series ends on. Undocumented by Braze (an open question): we assume the date of
 * `ending_at` as written, and today in UTC when it is absent. Change it here if a live key says otherwise.
 */
export function endDateOfRequest(endingAt: NormalisedEndingAt | null, now: Date): string {
	return endingAt ? endingAt.date : brazeToday(now);
}

/** The request URL for one window: `length`, then `ending_at` and `app_id` when present, percent-encoded. */
export function buildSeriesUrl(baseUrl: string, path: string, params: WindowParams): string {
	return `${baseUrl}${path}?${new URLSearchParams(paramsToSend(params)).toString()}`;
}

/** The query parameters as sent (for messages: a 400 quotes them). */
export function paramsToSend(params: WindowParams): Record<string, string> {
	const sent: Record<string, string> = { length: String(params.length) };
	if (params.endingAt !== null) sent.ending_at = params.endingAt;
	if (params.appId !== null) sent.app_id = params.appId;
	return sent;
}

function describe(value: unknown): string {
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
	return typeof value;
}
