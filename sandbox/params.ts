// Validation of the KPI query string (length, ending_at, app_id), with Braze-like 400 bodies.
import { isPlainDate } from '../src/shared/dates';

export const MAX_SERIES_LENGTH = 100;

/** A valid KPI query: the series is the `length` days ending on `endDate`. */
export interface KpiParams {
	readonly length: number;
	readonly endDate: string;
	readonly appId: string | null;
}

/** The body of a 400 answer: `message` names the bad parameters, `errors` says what is wrong with each. */
export interface BadRequestBody {
	readonly message: string;
	readonly errors: string[];
}

export type ParsedKpiParams = { readonly ok: true; readonly params: KpiParams } | { readonly ok: false; readonly body: BadRequestBody };

// YYYY-MM-DD, optionally Thh:mm[:ss[.fff]] and a zone that is Z or ±hh:mm.
const ENDING_AT_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * Checks the query of a KPI request. `today` (YYYY-MM-DD) is the last day when `ending_at` is absent;
 * otherwise the last day is the calendar date written in `ending_at`, whatever its time and offset.
 * An `app_id` that is not in `knownAppIds` is a 400 (Braze leaves this undocumented; we chose the loud answer).
 */
export function parseKpiParams(query: URLSearchParams, today: string, knownAppIds: readonly string[]): ParsedKpiParams {
	const errors: { param: string; error: string }[] = [];
	const single = (param: string): string | undefined => {
		const values = query.getAll(param);
		if (values.length > 1) errors.push({ param, error: `${param} must be given once, got ${values.length} values` });
		return values[0];
	};

	const rawLength = single('length');
	let length = 0;
	if (rawLength === undefined) {
		errors.push({ param: 'length', error: `length is required: an integer from 1 to ${MAX_SERIES_LENGTH}` });
	} else {
		length = /^\d{1,6}$/.test(rawLength) ? Number(rawLength) : Number.NaN;
		if (!(length >= 1 && length <= MAX_SERIES_LENGTH)) {
			errors.push({ param: 'length', error: `length must be an integer from 1 to ${MAX_SERIES_LENGTH}, got ${quote(rawLength)}` });
		}
	}

	const rawEndingAt = single('ending_at');
	let endDate = today;
	if (rawEndingAt !== undefined) {
		const date = endDateOf(rawEndingAt);
		if (date === null) errors.push({ param: 'ending_at', error: endingAtError(rawEndingAt) });
		else endDate = date;
	}

	const appId = single('app_id') ?? null;
	if (appId !== null && !knownAppIds.includes(appId)) {
		errors.push({ param: 'app_id', error: appId === '' ? 'app_id must not be empty: leave it out for all apps' : `app_id ${quote(appId)} is not an app of this workspace` });
	}

	if (errors.length > 0) {
		const params = [...new Set(errors.map((e) => e.param))];
		return { ok: false, body: { message: `Invalid ${params.length > 1 ? 'parameters' : 'parameter'}: ${params.join(', ')}`, errors: errors.map((e) => e.error) } };
	}
	return { ok: true, params: { length, endDate, appId } };
}

/** The calendar date written in an ISO-8601 `ending_at`, or null when it is not one we accept. */
export function endDateOf(endingAt: string): string | null {
	const match = ENDING_AT_RE.exec(endingAt);
	if (!match) return null;
	const [, date, hh, mm, ss, offH, offM] = match;
	if (!isPlainDate(date)) return null;
	if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59))) return null;
	if (offH !== undefined && (Number(offH) > 23 || Number(offM) > 59)) return null;
	return date;
}

function endingAtError(raw: string): string {
	const base = `ending_at must be an ISO-8601 date or date-time such as 2018-06-28T23:59:59-05:00, got ${quote(raw)}`;
	// A raw `+` in a query string decodes to a space: say so, it is the usual cause.
	return raw.includes(' ') ? `${base} (percent-encode "+" as %2B)` : base;
}

/** The value as JSON, cut short so that a huge parameter does not make a huge body. */
function quote(value: string): string {
	return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
