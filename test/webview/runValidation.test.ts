import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkRunInput } from '../../src/webview/runValidation';

const good = { length: '30', endKind: 'yesterday', date: '', appId: '' };

describe('checkRunInput', () => {
	test('builds a RunRequest; an empty app ID means all apps', () => {
		assert.deepEqual(checkRunInput(good, 100), { ok: true, request: { length: 30, end: { kind: 'yesterday' }, appId: null } });
		assert.deepEqual(checkRunInput({ ...good, endKind: 'today', appId: ' web ' }, 100), { ok: true, request: { length: 30, end: { kind: 'today' }, appId: 'web' } });
		assert.deepEqual(checkRunInput({ ...good, length: ' 7 ', endKind: 'date', date: '2024-02-29' }, 7), {
			ok: true,
			request: { length: 7, end: { kind: 'date', date: '2024-02-29' }, appId: null },
		});
	});

	test('the date matters only when the end is a date', () => {
		assert.equal(checkRunInput({ ...good, date: 'garbage' }, 100).ok, true);
	});

	test('names every field to fix', () => {
		for (const length of ['0', '101', '', '1.5', '-3', '1e2', 'ten', '99999999']) {
			assert.deepEqual(checkRunInput({ ...good, length }, 100), { ok: false, problems: { length: 'lengthInvalid' } }, length);
		}
		assert.deepEqual(checkRunInput({ length: '0', endKind: 'date', date: '2023-02-29', appId: 'a b' }, 100), {
			ok: false,
			problems: { length: 'lengthInvalid', date: 'dateInvalid', appId: 'appIdInvalid' },
		});
	});
});
