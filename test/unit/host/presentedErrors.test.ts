// The presented errors kept for the tests: the latest 50, for charts and overviews alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PRESENTED_ERRORS, rememberPresentedError } from '../../../src/commands/presentedErrors';

test('the list keeps the latest errors, the oldest dropped beyond the maximum', () => {
	const list: number[] = [];
	for (let i = 1; i <= MAX_PRESENTED_ERRORS + 3; i++) rememberPresentedError(list, i);
	assert.equal(list.length, MAX_PRESENTED_ERRORS);
	assert.deepEqual([list[0], list.at(-1)], [4, MAX_PRESENTED_ERRORS + 3]);
	const short = [1, 2, 3];
	rememberPresentedError(short, 4, 2);
	assert.deepEqual(short, [3, 4]);
});
