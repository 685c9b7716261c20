// fetchWindows against the sandbox: explicit windows, their parameters, their rows, and the windows it refuses.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_APPS, sandboxSeries } from '../../../sandbox/data';
import { BrazeValidationError } from '../../../src/braze/errors';
import { checkWindows } from '../../../src/braze/windowList';
import { TODAY, startHarness } from './sandboxHarness';
import type { Harness } from './sandboxHarness';

describe('BrazeClient.fetchWindows against the sandbox', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness();
	});
	after(() => h.sandbox.close());
	beforeEach(() => h.reset());

	it('asks each window once, with its own length and ending_at, and returns only rows inside the windows', async () => {
		const appId = SANDBOX_APPS[1].id;
		const result = await h.client().fetchWindows({
			metric: 'mau',
			appId,
			windows: [{ firstDate: '2025-01-01', lastDate: '2025-01-05' }, { firstDate: '2026-03-01', lastDate: '2026-03-10' }],
		});
		assert.equal(result.requestCount, 2);
		assert.deepEqual(h.sandbox.requests.map((r) => r.query).sort((a, b) => a.ending_at.localeCompare(b.ending_at)), [
			{ length: '5', ending_at: '2025-01-05T23:59:59Z', app_id: appId },
			{ length: '10', ending_at: '2026-03-10T23:59:59Z', app_id: appId },
		]);
		const expected = [...sandboxSeries('mau', appId, '2025-01-05', 5), ...sandboxSeries('mau', appId, '2026-03-10', 10)].map((r) => ({ date: r.time, value: r.value }));
		assert.deepEqual([...result.rows].sort((a, b) => a.date.localeCompare(b.date)), expected);
		assert.ok(result.rateLimit?.remaining != null);
	});

	it('sends no ending_at for a window that ends today (Braze\'s default, now)', async () => {
		await h.client().fetchWindows({ metric: 'dau', windows: [{ firstDate: '2026-03-12', lastDate: TODAY }] });
		assert.deepEqual(h.sandbox.requests.map((r) => r.query), [{ length: '4' }]);
	});

	it('sends nothing for no windows', async () => {
		const result = await h.client().fetchWindows({ metric: 'dau', windows: [] });
		assert.deepEqual(result, { rows: [], rateLimit: null, requestCount: 0, droppedRows: [] });
		assert.equal(h.sandbox.requests.length, 0);
	});

	for (const [what, windows] of [
		['a 101-day window', [{ firstDate: '2025-01-01', lastDate: '2025-04-11' }]],
		['a window that ends before it starts', [{ firstDate: '2025-01-05', lastDate: '2025-01-01' }]],
		['a date that does not exist', [{ firstDate: '2025-02-27', lastDate: '2025-02-30' }]],
		['overlapping windows', [{ firstDate: '2025-01-01', lastDate: '2025-01-10' }, { firstDate: '2025-01-10', lastDate: '2025-01-12' }]],
	] as const) {
		it(`refuses ${what} before sending anything`, async () => {
			await assert.rejects(h.client().fetchWindows({ metric: 'dau', windows }), BrazeValidationError);
			assert.equal(h.sandbox.requests.length, 0);
		});
	}

	it('orders windows latest first and accepts exactly 100 days', () => {
		assert.deepEqual(checkWindows([{ firstDate: '2025-01-01', lastDate: '2025-04-10' }, { firstDate: '2025-06-01', lastDate: '2025-06-01' }]), [
			{ index: 0, firstDate: '2025-06-01', lastDate: '2025-06-01', length: 1 },
			{ index: 1, firstDate: '2025-01-01', lastDate: '2025-04-10', length: 100 },
		]);
	});
});
