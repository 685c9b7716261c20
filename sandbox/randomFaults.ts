// A seeded random-fault mode for load tests: each KPI request, with probability `rate`, gets one of the faults a
// busy gateway produces (a 5xx, a dropped connection, a 429). Same seed, same arrival order: same faults.
import type { Answer, NonAnswer } from './answers';
import { jsonAnswer, statusAnswer } from './answers';

export const RANDOM_FAULT_KINDS = ['serverError', 'dropConnection', 'rateLimited'] as const;
export type RandomFaultKind = (typeof RANDOM_FAULT_KINDS)[number];

export interface RandomFaultSettings {
	/** Probability in 0..1 that a KPI request is faulted. */
	readonly rate: number;
	/** Any 32-bit integer; the sequence of faults follows from it. */
	readonly seed: number;
	/** The faults drawn from, evenly (default all three). */
	readonly kinds?: readonly RandomFaultKind[];
	/** Retry-After sent with a random 429, in seconds (default 1: the load test must not wait for the hour). */
	readonly retryAfterSeconds?: number;
}

export interface RandomFaultCounts {
	readonly drawn: number;
	readonly faulted: Readonly<Record<RandomFaultKind, number>>;
}

export type ParsedRandomFaults = { readonly ok: true; readonly settings: RandomFaultSettings | null } | { readonly ok: false; readonly errors: string[] };

/** Checks untrusted settings (a control request body): `null` or `{}` switches the mode off. */
export function parseRandomFaults(raw: unknown): ParsedRandomFaults {
	if (raw === null) return { ok: true, settings: null };
	if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: ['random faults must be a JSON object or null'] };
	const fields = raw as Record<string, unknown>;
	if (Object.keys(fields).length === 0) return { ok: true, settings: null };
	const errors: string[] = [];
	for (const field of Object.keys(fields)) if (!['rate', 'seed', 'kinds', 'retryAfterSeconds'].includes(field)) errors.push(`unknown field ${JSON.stringify(field)}`);
	const { rate, seed, kinds, retryAfterSeconds } = fields;
	if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) errors.push('rate must be a number from 0 to 1');
	if (typeof seed !== 'number' || !Number.isInteger(seed) || Math.abs(seed) > 0xffff_ffff) errors.push('seed must be an integer');
	if (kinds !== undefined && !(Array.isArray(kinds) && kinds.length > 0 && kinds.every((k) => (RANDOM_FAULT_KINDS as readonly unknown[]).includes(k)))) {
		errors.push(`kinds must be a non-empty array of ${RANDOM_FAULT_KINDS.join(', ')}`);
	}
	if (retryAfterSeconds !== undefined && !(typeof retryAfterSeconds === 'number' && Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0 && retryAfterSeconds <= 3600)) {
		errors.push('retryAfterSeconds must be an integer from 0 to 3600');
	}
	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		settings: {
			rate: rate as number,
			seed: seed as number,
			...(kinds === undefined ? {} : { kinds: [...(kinds as RandomFaultKind[])] }),
			...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds: retryAfterSeconds as number }),
		},
	};
}

/** mulberry32: small, fast, and good enough to spread faults; never for anything secret. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** The random-fault mode of one sandbox: off until `configure` gets settings. */
export class RandomFaults {
	#settings: RandomFaultSettings | null = null;
	#random: () => number = seededRandom(0);
	#drawn = 0;
	#faulted: Record<RandomFaultKind, number> = { serverError: 0, dropConnection: 0, rateLimited: 0 };

	/** Switches the mode on (settings) or off (null), restarting the sequence and the counts. */
	configure(settings: RandomFaultSettings | null): void {
		this.#settings = settings;
		this.#random = seededRandom(settings?.seed ?? 0);
		this.#drawn = 0;
		this.#faulted = { serverError: 0, dropConnection: 0, rateLimited: 0 };
	}

	get settings(): RandomFaultSettings | null {
		return this.#settings;
	}

	counts(): RandomFaultCounts {
		return { drawn: this.#drawn, faulted: { ...this.#faulted } };
	}

	/** Draws for one KPI request: the answer that replaces the real one (no rate-limit headers, as from a gateway), or null. */
	draw(): Answer | NonAnswer | null {
		const settings = this.#settings;
		if (!settings) return null;
		this.#drawn++;
		if (this.#random() >= settings.rate) return null;
		const kinds = settings.kinds ?? RANDOM_FAULT_KINDS;
		const kind = kinds[Math.min(kinds.length - 1, Math.floor(this.#random() * kinds.length))] ?? 'serverError';
		this.#faulted[kind]++;
		switch (kind) {
			case 'dropConnection':
				return 'dropConnection';
			case 'rateLimited':
				return jsonAnswer(429, { message: 'API rate limit exceeded' }, { 'Retry-After': String(settings.retryAfterSeconds ?? 1) });
			case 'serverError':
				return statusAnswer(this.#random() < 0.5 ? 500 : 503);
		}
	}
}
