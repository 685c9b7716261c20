import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { abortableSleep, linkedAbortController, raceWithCancellation } from '../../../src/braze/cancellation';
import { mapWithConcurrency } from '../../../src/braze/concurrency';
import { BrazeCancelledError } from '../../../src/braze/errors';

describe('abortableSleep', () => {
	it('resolves after the wait', async () => {
		await abortableSleep(1);
		await abortableSleep(1, new AbortController().signal);
	});

	it('rejects at once when cancelled during a long wait, leaving no timer behind', async () => {
		const controller = new AbortController();
		const sleeping = abortableSleep(3_600_000, controller.signal);
		controller.abort();
		await assert.rejects(sleeping, BrazeCancelledError);
	});

	it('rejects when already cancelled', async () => {
		await assert.rejects(abortableSleep(10, AbortSignal.abort()), BrazeCancelledError);
	});
});

describe('raceWithCancellation', () => {
	it('abandons a wait that ignores the signal', async () => {
		const controller = new AbortController();
		const never = new Promise<void>(() => undefined);
		const racing = raceWithCancellation(never, controller.signal);
		controller.abort();
		await assert.rejects(racing, BrazeCancelledError);
	});

	it('passes results through', async () => {
		assert.equal(await raceWithCancellation(Promise.resolve(7), new AbortController().signal), 7);
	});
});

describe('linkedAbortController', () => {
	it('aborts with its parent, and detaches on dispose', () => {
		const a = new AbortController();
		const b = new AbortController();
		const linked = linkedAbortController(b.signal);
		b.abort();
		assert.ok(linked.controller.signal.aborted);
		assert.ok(!linkedAbortController().controller.signal.aborted);
		const again = linkedAbortController(a.signal);
		again.dispose();
		a.abort();
		assert.ok(!again.controller.signal.aborted);
		assert.ok(linkedAbortController(AbortSignal.abort()).controller.signal.aborted);
	});
});

describe('mapWithConcurrency', () => {
	it('keeps at most `limit` jobs in flight and the results in order', async () => {
		let inFlight = 0;
		let peak = 0;
		const results = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise((r) => setImmediate(r));
			inFlight--;
			return n * 10;
		}, () => assert.fail('no failure'));
		assert.deepEqual(results, [10, 20, 30, 40, 50, 60, 70]);
		assert.equal(peak, 3);
	});

	it('rejects with the first failure, signals it once, and starts nothing after it', async () => {
		const started: number[] = [];
		let signalled = 0;
		await assert.rejects(mapWithConcurrency([1, 2, 3, 4, 5], 2, async (n) => {
			started.push(n);
			await new Promise((r) => setImmediate(r));
			if (n === 1) throw new Error('first');
			if (n === 2) throw new Error('second');
			return n;
		}, () => signalled++), /first/);
		assert.equal(signalled, 1);
		assert.deepEqual(started, [1, 2]);
	});
});
