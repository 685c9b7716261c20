import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pluralForm } from '../../../src/shared/plural';

test('English: one for 1 only; French: one for 0 and 1', () => {
	assert.deepEqual([0, 1, 2, 21].map((n) => pluralForm(n, 'en')), ['other', 'one', 'other', 'other']);
	assert.deepEqual([0, 1, 2, 21].map((n) => pluralForm(n, 'fr')), ['one', 'one', 'other', 'other']);
	assert.equal(pluralForm(1, 'en-US'), 'one');
});

test('a display language Intl does not know falls back to English', () => {
	assert.equal(pluralForm(0, 'not a language tag!'), 'other');
	assert.equal(pluralForm(1, 'not a language tag!'), 'one');
});
