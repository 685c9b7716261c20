import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seriesToCsv } from '../../../src/shared/csv';
import { series } from './seriesFixtures';

describe('seriesToCsv', () => {
	test('a header, one row per day, a final newline', () => {
		assert.equal(seriesToCsv(series('2024-05-02', [8352, 9001])), 'date,dau\n2024-05-01,8352\n2024-05-02,9001\n');
	});

	test('a gap is an empty cell, a zero stays 0', () => {
		assert.equal(seriesToCsv(series('2024-05-03', [0, null, 4], false, 'new_users')), 'date,new_users\n2024-05-01,0\n2024-05-02,\n2024-05-03,4\n');
	});

	test('a provisional day is a row like the others', () => {
		assert.equal(seriesToCsv(series('2024-05-01', [12], true, 'uninstalls')), 'date,uninstalls\n2024-05-01,12\n');
	});

	test('an empty series is just the header', () => {
		assert.equal(seriesToCsv({ ...series('2024-05-01', []), points: [] }), 'date,dau\n');
	});

	test('no carriage returns, no separators in values', () => {
		const csv = seriesToCsv(series('2024-05-03', [1_000_000, null, 7]));
		assert.ok(!csv.includes('\r'));
		for (const line of csv.trimEnd().split('\n')) assert.equal(line.split(',').length, 2);
	});
});
