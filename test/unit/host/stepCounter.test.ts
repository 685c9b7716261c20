// The step counter of the prompts: the total is left out while it may still change, then stays the same.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stepCounter } from '../../../src/commands/stepCounter';
import type { CountedStep } from '../../../src/commands/stepCounter';

const always: CountedStep = { shown: true, conditional: false };
const custom = (chosen: boolean): CountedStep => ({ shown: chosen, conditional: true });
/** Show KPI Series…: metric, range, days and end (for Custom… only), app. */
const kpiSeries = (customChosen: boolean) => [always, always, custom(customChosen), custom(customChosen), always];
/** The counters a walk through the steps shows, "step/total" or "step". */
const walk = (steps: readonly CountedStep[]) =>
	steps.flatMap((s, i) => (s.shown ? [stepCounter(steps, i)] : [])).map(({ step, total }) => (total === undefined ? `${step}` : `${step}/${total}`));

describe('stepCounter', () => {
	test('before the range is chosen the total is unknown; after it, it never changes', () => {
		// The metric and range steps show no total whichever range is then chosen.
		assert.deepEqual(walk(kpiSeries(true)), ['1', '2', '3/5', '4/5', '5/5']);
		assert.deepEqual(walk(kpiSeries(false)), ['1', '2', '3/3']);
	});

	test('Show DAU (no metric step) and a prompt with no conditional step', () => {
		assert.deepEqual(walk([always, custom(true), custom(true), always]), ['1', '2/4', '3/4', '4/4']);
		assert.deepEqual(walk([always, custom(false), custom(false), always]), ['1', '2/2']);
		assert.deepEqual(walk([always, always]), ['1/2', '2/2']);
	});
});
