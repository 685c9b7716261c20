// The fault matrix's expectations, asserted: the same scenarios `npm run faults` runs and writes to docs/fault-matrix.md.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FAULT_SCENARIOS } from './scenarios';
import { requestsAsExpected, runFaultScenario } from './runScenario';

/** Waits between retries are skipped here (the script waits for real): the outcome and the requests are the same. */
const noWait = (): Promise<void> => Promise.resolve();

describe('fault matrix', () => {
	it('has at least 24 scenarios, each named once', () => {
		assert.ok(FAULT_SCENARIOS.length >= 24, `${FAULT_SCENARIOS.length} scenarios`);
		assert.equal(new Set(FAULT_SCENARIOS.map((s) => s.name)).size, FAULT_SCENARIOS.length);
	});

	for (const scenario of FAULT_SCENARIOS) {
		it(scenario.name, async () => {
			const { outcome, requests } = await runFaultScenario(scenario, noWait);
			assert.equal(outcome, scenario.expected.outcome);
			assert.ok(requestsAsExpected(scenario.expected.requests, requests), `requests: ${requests}, expected ${JSON.stringify(scenario.expected.requests)}`);
		});
	}
});
