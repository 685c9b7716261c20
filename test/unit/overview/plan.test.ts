// The overview's plan: a range pinned to days, and one request per series covering the range and the one before.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { overviewCacheRequests, pinRange, windowsFor } from '../../../src/overview/plan';

const NOW = new Date('2024-03-15T12:00:00Z');

describe('overview plan', () => {
	test('a preset is pinned on the day of the fetch; custom days end where they say', () => {
		assert.deepEqual(pinRange({ kind: 'preset', preset: 'last-30-days' }, NOW), { firstDate: '2024-02-14', lastDate: '2024-03-14', length: 30 });
		assert.deepEqual(pinRange({ kind: 'preset', preset: 'last-month' }, NOW), { firstDate: '2024-02-01', lastDate: '2024-02-29', length: 29 });
		assert.deepEqual(pinRange({ kind: 'preset', preset: 'month-to-date' }, NOW), { firstDate: '2024-03-01', lastDate: '2024-03-15', length: 15 });
		assert.deepEqual(pinRange({ kind: 'custom', length: 7, end: { kind: 'date', date: '2024-01-03' } }, NOW), { firstDate: '2023-12-28', lastDate: '2024-01-03', length: 7 });
		assert.deepEqual(pinRange({ kind: 'custom', length: 1, end: { kind: 'today' } }, NOW), { firstDate: '2024-03-15', lastDate: '2024-03-15', length: 1 });
	});

	test('each of the four series asks for twice the range, ending on its last day, for the given app', () => {
		const requests = overviewCacheRequests({ range: { kind: 'preset', preset: 'last-90-days' }, appId: 'app-1' }, pinRange({ kind: 'preset', preset: 'last-90-days' }, NOW));
		assert.deepEqual(Object.keys(requests), ['dau', 'mau', 'new_users', 'uninstalls']);
		for (const [metric, request] of Object.entries(requests)) assert.deepEqual(request, { metric, length: 180, endDate: '2024-03-14', appId: 'app-1' });
		// Nothing cached: 180 days are two 100-day windows per series, eight requests in all.
		assert.equal(windowsFor(180) * 4, 8);
		assert.equal(windowsFor(60), 1);
		assert.equal(windowsFor(200), 2);
	});
});
