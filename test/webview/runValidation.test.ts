import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkRunInput } from '../../src/webview/runValidation';

const good = { range: 'custom', length: '30', endKind: 'yesterday', date: '', appId: '' };
const limits = { maxLength: 100, today: '2024-05-30' };

describe('checkRunInput', () => {
	test('builds a RunRequest; an empty app ID means all apps', () => {
		assert.deepEqual(checkRunInput(good, limits), { ok: true, request: { length: 30, end: { kind: 'yesterday' }, appId: null } });
		assert.deepEqual(checkRunInput({ ...good, endKind: 'today', appId: ' web ' }, limits), { ok: true, request: { length: 30, end: { kind: 'today' }, appId: 'web' } });
		assert.deepEqual(checkRunInput({ ...good, length: ' 7 ', endKind: 'date', date: '2024-02-29' }, { ...limits, maxLength: 7 }), {
			ok: true,
			request: { length: 7, end: { kind: 'date', date: '2024-02-29' }, appId: null },
		});
	});

	test('the date matters only when the end is a date', () => {
		assert.equal(checkRunInput({ ...good, date: 'garbage' }, limits).ok, true);
		assert.equal(checkRunInput({ ...good, endKind: 'today', date: '2099-01-01' }, limits).ok, true);
	});

	test('an end date may be today but not after it', () => {
		assert.deepEqual(checkRunInput({ ...good, endKind: 'date', date: '2024-05-30' }, limits), {
			ok: true,
			request: { length: 30, end: { kind: 'date', date: '2024-05-30' }, appId: null },
		});
		for (const date of ['2024-05-31', '2025-01-01']) {
			assert.deepEqual(checkRunInput({ ...good, endKind: 'date', date }, limits), { ok: false, problems: { date: 'dateInFuture' } }, date);
		}
	});

	test('names every field to fix', () => {
		for (const length of ['0', '101', '', '1.5', '-3', '1e2', 'ten', '99999999', '9'.repeat(400)]) {
			assert.deepEqual(checkRunInput({ ...good, length }, limits), { ok: false, problems: { length: 'lengthInvalid' } }, length);
		}
		for (const date of ['', '2024-5-01', '30/05/2024', '2023-02-29']) {
			assert.deepEqual(checkRunInput({ ...good, endKind: 'date', date }, limits), { ok: false, problems: { date: 'dateInvalid' } }, date);
		}
		for (const appId of ['a b', 'a\tb', 'x'.repeat(257)]) {
			assert.deepEqual(checkRunInput({ ...good, appId }, limits), { ok: false, problems: { appId: 'appIdInvalid' } }, appId);
		}
		assert.equal(checkRunInput({ ...good, length: '3650' }, { ...limits, maxLength: 3650 }).ok, true);
		assert.deepEqual(checkRunInput({ ...good, length: '3651' }, { ...limits, maxLength: 3650 }), { ok: false, problems: { length: 'lengthInvalid' } });
		assert.deepEqual(checkRunInput({ range: 'custom', length: '0', endKind: 'date', date: '2023-02-29', appId: 'a b' }, limits), {
			ok: false,
			problems: { length: 'lengthInvalid', date: 'dateInvalid', appId: 'appIdInvalid' },
		});
	});

	test('a preset stands for its days, resolved on the webview\'s today; days and end are not checked', () => {
		assert.deepEqual(checkRunInput({ ...good, range: 'last-month', length: 'garbage', endKind: 'date', date: 'nonsense' }, limits), {
			ok: true,
			request: { length: 30, end: { kind: 'date', date: '2024-04-30' }, appId: null, preset: 'last-month' },
		});
		assert.deepEqual(checkRunInput({ ...good, range: 'month-to-date', appId: 'ios' }, limits), { ok: true, request: { length: 30, end: { kind: 'today' }, appId: 'ios', preset: 'month-to-date' } });
		assert.deepEqual(checkRunInput({ ...good, range: 'last-7-days' }, limits), { ok: true, request: { length: 7, end: { kind: 'yesterday' }, appId: null, preset: 'last-7-days' } });
		assert.deepEqual(checkRunInput({ ...good, range: 'year-to-date', appId: 'a b' }, limits), { ok: false, problems: { appId: 'appIdInvalid' } });
		// Anything that is not a preset is a custom range, checked as one.
		assert.deepEqual(checkRunInput({ ...good, range: 'last-week', length: '0' }, limits), { ok: false, problems: { length: 'lengthInvalid' } });
	});
});
