// The load test's sandbox parts: the seeded random-fault mode and the in-flight gauge, over real sockets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRandomFaults, RandomFaults, seededRandom } from '../../../sandbox/randomFaults';
import { GOOD_KEY, get, sandboxFor } from './helpers';

const DAU = '/kpi/dau/data_series?length=3';

test('the same seed draws the same faults; another seed draws others', () => {
	const sequence = (seed: number): string[] => {
		const faults = new RandomFaults();
		faults.configure({ rate: 0.3, seed });
		return Array.from({ length: 200 }, () => {
			const answer = faults.draw();
			return answer === null ? '-' : typeof answer === 'string' ? answer : String(answer.status);
		});
	};
	assert.deepEqual(sequence(42), sequence(42));
	assert.notDeepEqual(sequence(42), sequence(43));
	assert.ok(seededRandom(1)() >= 0 && seededRandom(1)() < 1);
});

test('a 10% rate faults about one request in ten, with every kind: 5xx, dropped connections and 429 with Retry-After', () => {
	const faults = new RandomFaults();
	faults.configure({ rate: 0.1, seed: 12 });
	const statuses = new Map<string, number>();
	for (let i = 0; i < 5000; i++) {
		const answer = faults.draw();
		if (answer === null) continue;
		const kind = typeof answer === 'string' ? answer : String(answer.status);
		statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
		if (typeof answer !== 'string' && answer.status === 429) assert.equal(answer.headers['Retry-After'], '1');
	}
	const { drawn, faulted } = faults.counts();
	const total = faulted.serverError + faulted.dropConnection + faulted.rateLimited;
	assert.equal(drawn, 5000);
	// Deterministic for this seed; the bounds only say "about 10%".
	assert.ok(total > 400 && total < 600, `${total} faults in 5000`);
	assert.deepEqual([...statuses.keys()].sort(), ['429', '500', '503', 'dropConnection']);
	faults.configure(null);
	assert.equal(faults.draw(), null, 'off draws nothing');
});

test('random-fault settings from a control request are checked field by field', () => {
	assert.deepEqual(parseRandomFaults(null), { ok: true, settings: null });
	assert.deepEqual(parseRandomFaults({}), { ok: true, settings: null });
	assert.deepEqual(parseRandomFaults({ rate: 0.1, seed: 7, kinds: ['rateLimited'] }), { ok: true, settings: { rate: 0.1, seed: 7, kinds: ['rateLimited'] } });
	const bad = parseRandomFaults({ rate: 2, seed: 'x', kinds: ['hang'], retryAfterSeconds: -1, other: 1 });
	assert.equal(bad.ok, false);
	assert.equal(bad.ok ? 0 : bad.errors.length, 5);
});

test('the control endpoint switches the random-fault mode and reports its counts', async (t) => {
	const sandbox = await sandboxFor(t);
	const post = await fetch(`${sandbox.url}/__sandbox/random-faults`, { method: 'POST', body: JSON.stringify({ rate: 1, seed: 3, kinds: ['serverError'] }) });
	assert.equal(post.status, 200);
	assert.ok([500, 503].includes((await get(sandbox, DAU)).status));
	const state = (await (await fetch(`${sandbox.url}/__sandbox/random-faults`)).json()) as { drawn: number; faulted: Record<string, number> };
	assert.equal(state.drawn, 1);
	assert.equal(state.faulted.serverError, 1);
	assert.equal((await fetch(`${sandbox.url}/__sandbox/random-faults`, { method: 'POST', body: '{"rate":5}' })).status, 400);
	assert.equal((await fetch(`${sandbox.url}/__sandbox/random-faults`, { method: 'DELETE' })).status, 200);
	assert.equal((await get(sandbox, DAU)).status, 200);
});

test('the in-flight gauge counts requests from arrival to their end and keeps the most seen at once', async (t) => {
	// Hanging requests stay in flight until the client gives up: a maximum that no timing can change.
	const sandbox = await sandboxFor(t, { faults: { hang: 5 } });
	const controllers = Array.from({ length: 5 }, () => new AbortController());
	const pending = controllers.map((c) => fetch(`${sandbox.url}${DAU}`, { headers: { Authorization: `Bearer ${GOOD_KEY}` }, signal: c.signal }).catch(() => 'aborted'));
	while (sandbox.inFlight().current < 5) await new Promise((resolve) => setImmediate(resolve));
	for (const c of controllers) c.abort();
	assert.deepEqual(await Promise.all(pending), ['aborted', 'aborted', 'aborted', 'aborted', 'aborted']);
	while (sandbox.inFlight().current > 0) await new Promise((resolve) => setImmediate(resolve));
	assert.equal((await get(sandbox, DAU)).status, 200);
	const figures = (await (await fetch(`${sandbox.url}/__sandbox/in-flight`)).json()) as { current: number; max: number; total: number };
	assert.deepEqual(figures, { current: 0, max: 5, total: 6 });
	const reset = (await (await fetch(`${sandbox.url}/__sandbox/in-flight`, { method: 'DELETE' })).json()) as { max: number; total: number };
	assert.equal(reset.max, 0);
	assert.equal(reset.total, 0);
});
