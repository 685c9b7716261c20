// The sandbox's switchable misbehaviour: counters that are used up one KPI request at a time, and
// settings that shape every successful answer. Input from the control endpoint is checked here.
import { isPlainDate } from '../src/shared/dates';
import type { SandboxFaults } from './server';

/** A fault that replaces the answer before auth and validation run (a gateway, a proxy, the network). */
export type GatewayFault =
	| { readonly kind: 'dropConnection' }
	| { readonly kind: 'hang' }
	| { readonly kind: 'rateLimited' }
	| { readonly kind: 'serverError'; readonly status: number }
	| { readonly kind: 'htmlBody' }
	| { readonly kind: 'redirect' };

/** A fault that spoils an answer that would otherwise be a 200. */
export type BodyFault = 'malformedJson' | 'htmlOk' | 'badRows' | 'invalidJson';

type CounterName = 'dropConnection' | 'hang' | 'rateLimited' | 'serverErrors' | 'htmlBody' | 'redirects' | BodyFault;

// Order of precedence when several counters are set: one fault per request.
const GATEWAY_COUNTERS = ['dropConnection', 'hang', 'rateLimited', 'serverErrors', 'htmlBody', 'redirects'] as const;
const BODY_COUNTERS = ['malformedJson', 'htmlOk', 'badRows', 'invalidJson'] as const;

const COUNT_FIELDS: readonly (keyof SandboxFaults)[] = [...GATEWAY_COUNTERS, ...BODY_COUNTERS, 'latencyMs', 'retryAfterSeconds', 'oversizeBytes', 'slowBodyMs', 'rateLimitRemaining'];
const MAX_HEADER_TEXT = 1000;
const MAX_OVERSIZE_BYTES = 64 * 1024 * 1024;
const MAX_LATENCY_MS = 10 * 60 * 1000;

export type ParsedFaults = { readonly ok: true; readonly faults: SandboxFaults } | { readonly ok: false; readonly errors: string[] };

/** Checks untrusted faults (a control request body, or a caller's object) field by field; unknown fields are errors. */
export function parseFaults(raw: unknown): ParsedFaults {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: ['faults must be a JSON object'] };
	const errors: string[] = [];
	const faults: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(raw)) {
		if (value === undefined) continue;
		const problem = fieldProblem(field, value);
		if (problem) errors.push(problem);
		else faults[field] = Array.isArray(value) ? [...(value as string[])] : typeof value === 'object' ? { ...value } : value;
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, faults };
}

function fieldProblem(field: string, value: unknown): string | null {
	if ((COUNT_FIELDS as readonly string[]).includes(field)) {
		const max = field === 'oversizeBytes' ? MAX_OVERSIZE_BYTES : field === 'latencyMs' || field === 'slowBodyMs' ? MAX_LATENCY_MS : Number.MAX_SAFE_INTEGER;
		return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? null : `${field} must be an integer from 0 to ${max}`;
	}
	switch (field) {
		case 'serverErrorStatus':
			return typeof value === 'number' && Number.isInteger(value) && value >= 500 && value <= 599 ? null : 'serverErrorStatus must be an integer from 500 to 599';
		case 'omitDates':
			// Spread, so that a hole in a sparse array counts as the undefined it reads as.
			return Array.isArray(value) && [...(value as unknown[])].every((d) => typeof d === 'string' && isPlainDate(d)) ? null : 'omitDates must be an array of YYYY-MM-DD dates';
		case 'shuffle':
		case 'duplicateDates':
			return typeof value === 'boolean' ? null : `${field} must be true or false`;
		case 'timeFormat':
			return value === 'date' || value === 'datetime' ? null : 'timeFormat must be "date" or "datetime"';
		case 'badRowKind':
			return value === 'negative' || value === 'string' ? null : 'badRowKind must be "negative" or "string"';
		case 'retryAfter':
		case 'rateLimitReset':
			// Any text a header can carry: the point is to send what a real server should not.
			return typeof value === 'string' && value.length <= MAX_HEADER_TEXT && /^[\x20-\x7e]*$/.test(value) ? null : `${field} must be printable ASCII text of at most ${MAX_HEADER_TEXT} characters`;
		case 'windowServerErrors': {
			const ok = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => k === 'endingOn' || k === 'count');
			const { endingOn, count } = (ok ? value : {}) as { endingOn?: unknown; count?: unknown };
			return ok && typeof endingOn === 'string' && isPlainDate(endingOn) && typeof count === 'number' && Number.isInteger(count) && count >= 0
				? null
				: 'windowServerErrors must be {"endingOn": "YYYY-MM-DD", "count": <integer, 0 or more>}';
		}
		default:
			return `unknown fault ${JSON.stringify(field)}`;
	}
}

/** The live faults of one sandbox. Counters are taken synchronously, in the order requests arrive. */
export class FaultState {
	private faults: SandboxFaults = {};

	constructor(initial: SandboxFaults = {}) {
		this.replace(initial);
	}

	/** Replaces every fault; throws a TypeError naming the bad fields. */
	replace(faults: SandboxFaults): void {
		const parsed = parseFaults(faults);
		if (!parsed.ok) throw new TypeError(`Invalid sandbox faults: ${parsed.errors.join('; ')}`);
		this.faults = parsed.faults;
	}

	reset(): void {
		this.faults = {};
	}

	/** A copy of the faults still in force (counters show what is left). */
	current(): SandboxFaults {
		const { omitDates, windowServerErrors } = this.faults;
		return { ...this.faults, ...(omitDates ? { omitDates: [...omitDates] } : {}), ...(windowServerErrors ? { windowServerErrors: { ...windowServerErrors } } : {}) };
	}

	/** The settings that apply to every answer; counters are not read through this. */
	get settings(): Readonly<SandboxFaults> {
		return this.faults;
	}

	/** Uses up one gateway counter, if any is set. */
	takeGatewayFault(): GatewayFault | null {
		const name = this.take(GATEWAY_COUNTERS);
		switch (name) {
			case null:
				return null;
			case 'serverErrors':
				return { kind: 'serverError', status: this.faults.serverErrorStatus ?? 500 };
			case 'redirects':
				return { kind: 'redirect' };
			default:
				return { kind: name };
		}
	}

	/** Uses up one of `windowServerErrors` when the request's series ends on its date; before the other gateway faults. */
	takeWindowFault(endDate: string): GatewayFault | null {
		const target = this.faults.windowServerErrors;
		if (!target || target.count <= 0 || target.endingOn !== endDate) return null;
		this.faults = { ...this.faults, windowServerErrors: { ...target, count: target.count - 1 } };
		return { kind: 'serverError', status: this.faults.serverErrorStatus ?? 500 };
	}

	/** Uses up one body counter, if any is set; called only for answers that would be a 200. */
	takeBodyFault(): BodyFault | null {
		return this.take(BODY_COUNTERS);
	}

	private take<N extends CounterName>(names: readonly N[]): N | null {
		for (const name of names) {
			const left = this.faults[name] ?? 0;
			if (left > 0) {
				this.faults = { ...this.faults, [name]: left - 1 };
				return name;
			}
		}
		return null;
	}
}
