import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	MAX_SERIES_LENGTH,
	buildSeriesUrl,
	endDateOfRequest,
	endOfDay,
	normaliseEndingAt,
	normaliseOffset,
	paramsToSend,
	validateAppId,
	validateLength,
} from '../../../src/braze/requestParams';
import { BrazeValidationError } from '../../../src/braze/errors';
import { brazeToday } from '../../../src/shared/dates';

function assertInvalid(fn: () => unknown, field: string): void {
	assert.throws(fn, (error: unknown) => {
		assert.ok(error instanceof BrazeValidationError, String(error));
		assert.equal(error.field, field);
		assert.ok(error.message.includes(field), `message names ${field}: ${error.message}`);
		return true;
	});
}

describe('validateLength', () => {
	it('accepts whole numbers from 1', () => {
		assert.equal(validateLength(1), 1);
		assert.equal(validateLength(100), 100);
		assert.equal(validateLength(1000), 1000);
		assert.equal(validateLength(MAX_SERIES_LENGTH), MAX_SERIES_LENGTH);
	});

	it('rejects anything else, naming length', () => {
		for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined, MAX_SERIES_LENGTH + 1]) {
			assertInvalid(() => validateLength(bad), 'length');
		}
	});
});

describe('validateAppId', () => {
	it('accepts an app identifier', () => {
		assert.equal(validateAppId('4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17'), '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17');
	});

	it('rejects empty text, whitespace and control characters, naming app_id', () => {
		for (const bad of ['', ' ', 'abc def', ' abc', 'abc\t', 'a\u0000b', 'a\u007fb', 'a\nb', 42]) {
			assertInvalid(() => validateAppId(bad), 'app_id');
		}
	});
});

describe('normaliseEndingAt', () => {
	it('rewrites the docs\' invalid "-5:00" offset as "-05:00"', () => {
		assert.deepEqual(normaliseEndingAt('2018-06-28T23:59:59-5:00'), { text: '2018-06-28T23:59:59-05:00', date: '2018-06-28', offset: '-05:00' });
	});

	it('keeps valid offsets and normalises the compact forms', () => {
		assert.equal(normaliseEndingAt('2024-03-10T12:00:00+02:00').text, '2024-03-10T12:00:00+02:00');
		assert.equal(normaliseEndingAt('2024-03-10T12:00:00+0200').text, '2024-03-10T12:00:00+02:00');
		assert.equal(normaliseEndingAt('2024-03-10T12:00:00+02').text, '2024-03-10T12:00:00+02:00');
		assert.equal(normaliseEndingAt('2024-03-10T12:00:00+5:30').text, '2024-03-10T12:00:00+05:30');
		assert.equal(normaliseEndingAt('2024-03-10T12:00:00z').text, '2024-03-10T12:00:00Z');
		assert.equal(normaliseEndingAt('2024-03-10T12:00:00.250Z').text, '2024-03-10T12:00:00.250Z');
		assert.equal(normaliseEndingAt('2024-03-10T12:00').text, '2024-03-10T12:00Z');
	});

	it('reads a date-time without offset as UTC, and a date alone as the end of that day', () => {
		assert.deepEqual(normaliseEndingAt('2024-03-10T08:30:00'), { text: '2024-03-10T08:30:00Z', date: '2024-03-10', offset: 'Z' });
		assert.deepEqual(normaliseEndingAt('2024-03-10'), { text: '2024-03-10T23:59:59Z', date: '2024-03-10', offset: 'Z' });
	});

	it('rejects what is not an ISO-8601 date or date-time, naming ending_at', () => {
		for (const bad of ['', 'yesterday', '2023-02-29', '2024-13-01', '2024-1-5', '2024-01-01T24:00:00Z', '2024-01-01T12:60:00Z', '2024-01-01T12:00:61Z',
			'2024-01-01T12:00:00+25:00', '2024-01-01T12:00:00+02:60', '2024-01-01T12:00:00+123', '2024-01-01 12:00:00', '2024-01-01T12:00:00 02:00', 20240101, null]) {
			assertInvalid(() => normaliseEndingAt(bad), 'ending_at');
		}
	});

	it('quotes the bad value briefly', () => {
		assert.throws(() => normaliseEndingAt(`x${'9'.repeat(300)}`), (e: unknown) => e instanceof BrazeValidationError && e.message.length < 300 && e.message.includes('"x999'));
	});
});

describe('normaliseOffset and endOfDay', () => {
	it('normalise offsets or refuse them', () => {
		assert.equal(normaliseOffset('Z'), 'Z');
		assert.equal(normaliseOffset('-5:00'), '-05:00');
		assert.equal(normaliseOffset('+1400'), '+14:00');
		assert.equal(normaliseOffset('+1:5'), null);
		assert.equal(normaliseOffset('02:00'), null);
		assert.equal(endOfDay('2024-03-10', '-05:00'), '2024-03-10T23:59:59-05:00');
	});
});

describe('endDateOfRequest', () => {
	it('is the date written in ending_at, whatever its offset', () => {
		const now = new Date('2030-01-01T00:00:00Z');
		assert.equal(endDateOfRequest(normaliseEndingAt('2024-03-10T23:00:00-05:00'), now), '2024-03-10');
		assert.equal(endDateOfRequest(normaliseEndingAt('2024-03-10T01:00:00+09:00'), now), '2024-03-10');
	});

	it('is today in UTC per the clock when ending_at is absent', () => {
		const now = new Date('2024-03-10T23:30:00-05:00');
		assert.equal(endDateOfRequest(null, now), '2024-03-11');
		assert.equal(brazeToday(now), '2024-03-11');
	});
});

describe('buildSeriesUrl', () => {
	it('sends length, then ending_at and app_id when present, percent-encoded', () => {
		const url = buildSeriesUrl('https://rest.iad-01.braze.com', '/kpi/dau/data_series', { length: 30, endingAt: '2024-03-10T12:00:00+02:00', appId: 'app 1&x=y' });
		assert.equal(url, 'https://rest.iad-01.braze.com/kpi/dau/data_series?length=30&ending_at=2024-03-10T12%3A00%3A00%2B02%3A00&app_id=app+1%26x%3Dy');
		const parsed = new URL(url);
		assert.equal(parsed.searchParams.get('ending_at'), '2024-03-10T12:00:00+02:00');
		assert.equal(parsed.searchParams.get('app_id'), 'app 1&x=y');
	});

	it('leaves out what is absent', () => {
		assert.equal(buildSeriesUrl('http://127.0.0.1:1', '/kpi/mau/data_series', { length: 1, endingAt: null, appId: null }), 'http://127.0.0.1:1/kpi/mau/data_series?length=1');
		assert.deepEqual(paramsToSend({ length: 7, endingAt: null, appId: 'a' }), { length: '7', app_id: 'a' });
	});
});
