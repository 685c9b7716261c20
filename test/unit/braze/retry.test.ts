import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, resolveRetryPolicy, retryDelayMs } from '../../../src/braze/retry';
import type { RetryPolicy } from '../../../src/braze/retry';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000, maxTotalWaitMs: 20_000 };

describe('backoffDelayMs', () => {
	it('doubles per attempt, is capped, and jitters between half and all of the step', () => {
		assert.deepEqual([1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, policy, () => 0)), [500, 1000, 2000, 4000, 4000]);
		assert.deepEqual([1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, policy, () => 1)), [1000, 2000, 4000, 8000, 8000]);
		assert.equal(backoffDelayMs(2, policy, () => 0.5), 1500);
		assert.equal(backoffDelayMs(1, policy, () => Number.NaN), 750);
	});
});

describe('retryDelayMs', () => {
	const half = (): number => 0.5;

	it('retries server and network errors with backoff until the attempts run out', () => {
		assert.equal(retryDelayMs({ kind: 'server-error' }, 1, 0, policy, half), 750);
		assert.equal(retryDelayMs({ kind: 'network-error' }, 3, 0, policy, half), 3000);
		assert.equal(retryDelayMs({ kind: 'server-error' }, 5, 0, policy, half), null);
	});

	it('honours a rate-limit hint, and backs off without one', () => {
		assert.equal(retryDelayMs({ kind: 'rate-limited', waitHintMs: 3000 }, 1, 0, policy, half), 3000);
		// A reset already past still waits the base delay: never a burst of instant retries.
		assert.equal(retryDelayMs({ kind: 'rate-limited', waitHintMs: 0 }, 1, 0, policy, half), policy.baseDelayMs);
		assert.equal(retryDelayMs({ kind: 'rate-limited', waitHintMs: null }, 2, 0, policy, half), 1500);
	});

	it('gives up when the hinted wait is longer than one delay may be', () => {
		assert.equal(retryDelayMs({ kind: 'rate-limited', waitHintMs: 8001 }, 1, 0, policy, half), null);
	});

	it('gives up when the total wait would pass its cap', () => {
		assert.equal(retryDelayMs({ kind: 'server-error' }, 4, 14_000, policy, half), 6000);
		assert.equal(retryDelayMs({ kind: 'server-error' }, 4, 14_001, policy, half), null);
	});
});

describe('resolveRetryPolicy', () => {
	it('fills defaults and keeps figures sane', () => {
		assert.deepEqual(resolveRetryPolicy(undefined), DEFAULT_RETRY_POLICY);
		assert.deepEqual(resolveRetryPolicy({ maxAttempts: 0, baseDelayMs: -5 }), { ...DEFAULT_RETRY_POLICY, maxAttempts: 1, baseDelayMs: 0 });
		assert.ok(DEFAULT_RETRY_POLICY.maxAttempts >= 3 && DEFAULT_RETRY_POLICY.maxAttempts <= 5);
	});
});
