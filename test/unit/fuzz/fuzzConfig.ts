// Seed and number of runs of every property: fixed by default so that CI is reproducible, changed with
// FUZZ_SEED and FUZZ_RUNS (e.g. `FUZZ_RUNS=5000 FUZZ_SEED=$RANDOM npm run test:unit`). Each test prints both.
import { check, stringify } from 'fast-check';
import type { IProperty, Parameters } from 'fast-check';

const DEFAULT_SEED = 20_261_202;
const DEFAULT_RUNS = 200;

function fromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not ${JSON.stringify(raw)}`);
	return value;
}

export const FUZZ_SEED = fromEnv('FUZZ_SEED', DEFAULT_SEED);
export const FUZZ_RUNS = Math.max(1, fromEnv('FUZZ_RUNS', DEFAULT_RUNS));

/**
 * fast-check's parameters for one property; `scale` shrinks the runs of a costly one (at least 10). No shrinking:
 * a counterexample of 3,650 points takes minutes to shrink; the seed and path in the report replay it.
 */
export function fuzzParameters<T>(scale = 1): Parameters<T> {
	return { seed: FUZZ_SEED, numRuns: Math.max(10, Math.round(FUZZ_RUNS * scale)), endOnFailure: true };
}

/** The line each property prints, so that a failure can be replayed: "seed 20261202, 200 runs". */
export function fuzzLine(scale = 1): string {
	return `fuzz: seed ${FUZZ_SEED}, ${fuzzParameters(scale).numRuns} runs (FUZZ_SEED, FUZZ_RUNS)`;
}

/** Runs a property; on failure, throws the property's own error with the seed and path that replay it and a cut counterexample. */
export function assertProperty<Ts>(property: IProperty<Ts>, parameters: Parameters<Ts>): void {
	const details = check(property, parameters);
	if (!details.failed) return;
	const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
	const example = stringify(details.counterexample);
	throw new Error(`${cause}\n(seed ${details.seed}, path "${details.counterexamplePath ?? ''}") counterexample: ${example.length > 600 ? `${example.slice(0, 600)}…` : example}`, { cause: details.errorInstance });
}
