import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAppIdInput, checkEndDateInput, checkLengthInput } from '../../../src/shared/inputValidation';

test('length: a whole number from 1 to the maximum, spaces forgiven', () => {
	assert.deepEqual(checkLengthInput('30', 100), { ok: true, value: 30 });
	assert.deepEqual(checkLengthInput(' 100 ', 100), { ok: true, value: 100 });
	assert.deepEqual(checkLengthInput('1', 100), { ok: true, value: 1 });
	assert.deepEqual(checkLengthInput('101', 100), { ok: false, problem: 'tooLarge' });
	assert.deepEqual(checkLengthInput('0', 100), { ok: false, problem: 'tooSmall' });
	for (const bad of ['', 'abc', '1.5', '-3', '1e2', '３０']) assert.deepEqual(checkLengthInput(bad, 100), { ok: false, problem: 'notWholeNumber' }, bad);
});

test('end date: YYYY-MM-DD, a real day, not after today', () => {
	assert.deepEqual(checkEndDateInput('2026-11-28', '2026-11-29'), { ok: true, value: '2026-11-28' });
	assert.deepEqual(checkEndDateInput('2026-11-29', '2026-11-29'), { ok: true, value: '2026-11-29' });
	assert.deepEqual(checkEndDateInput('2026-11-30', '2026-11-29'), { ok: false, problem: 'future' });
	assert.deepEqual(checkEndDateInput('2023-02-29', '2026-11-29'), { ok: false, problem: 'notADate' });
	assert.deepEqual(checkEndDateInput('2024-02-29', '2026-11-29'), { ok: true, value: '2024-02-29' });
	for (const bad of ['28/11/2026', '2026-1-5', 'yesterday', '2026-11-28T00:00:00Z']) assert.deepEqual(checkEndDateInput(bad, '2026-11-29'), { ok: false, problem: 'format' }, bad);
});

test('app id: trimmed, non-empty, no inner whitespace or control characters', () => {
	assert.deepEqual(checkAppIdInput(' 3f2a9c1e-ios '), { ok: true, value: '3f2a9c1e-ios' });
	assert.deepEqual(checkAppIdInput(''), { ok: false, problem: 'empty' });
	assert.deepEqual(checkAppIdInput('a b'), { ok: false, problem: 'whitespace' });
	assert.deepEqual(checkAppIdInput('a\u0007b'), { ok: false, problem: 'whitespace' });
	assert.deepEqual(checkAppIdInput('x'.repeat(300)), { ok: false, problem: 'tooLong' });
});
