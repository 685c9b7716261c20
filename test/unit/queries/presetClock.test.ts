// The runner's clock decides a preset's days: the headless fetch (status bar, chat) asks the cache and Braze for the
// days of "today" as its clock says, so a saved "last month" moves with the calendar. Plain Node, with the vscode fake.
import '../fuzz/panelVscodeFake';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { headlessCacheRequest } from '../../../src/runner/headlessFetch';
import type { KpiQuerySpec } from '../../../src/shared/query';

const lastMonth: KpiQuerySpec = { metric: 'dau', length: 31, end: { kind: 'date', date: '2026-10-31' }, appId: 'ios', preset: 'last-month' };

describe('a preset and the runner\'s clock', () => {
	it('asks for last month as of the clock: October on Nov 15, November on Dec 2, with the month before for the change', () => {
		assert.deepEqual(headlessCacheRequest(lastMonth, new Date('2026-11-15T12:00:00Z')), { metric: 'dau', length: 62, endDate: '2026-10-31', appId: 'ios' });
		assert.deepEqual(headlessCacheRequest(lastMonth, new Date('2026-12-02T00:00:01Z')), { metric: 'dau', length: 60, endDate: '2026-11-30', appId: 'ios' });
	});

	it('moves "year to date" through the first of January, and leaves a custom range as it is', () => {
		const ytd: KpiQuerySpec = { ...lastMonth, preset: 'year-to-date' };
		assert.deepEqual(headlessCacheRequest(ytd, new Date('2026-12-31T23:59:59Z')), { metric: 'dau', length: 365, endDate: '2026-12-31', appId: 'ios' });
		assert.deepEqual(headlessCacheRequest(ytd, new Date('2027-01-01T00:00:00Z')), { metric: 'dau', length: 2, endDate: '2027-01-01', appId: 'ios' });
		const custom: KpiQuerySpec = { metric: 'dau', length: 31, end: { kind: 'date', date: '2026-10-31' }, appId: 'ios' };
		assert.deepEqual(headlessCacheRequest(custom, new Date('2027-01-01T00:00:00Z')), { metric: 'dau', length: 62, endDate: '2026-10-31', appId: 'ios' });
	});
});
