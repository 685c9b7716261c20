import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { suggestedExportFileName } from '../../../src/export/document';
import { seriesToCsv } from '../../../src/shared/csv';
import type { PanelResult } from '../../../src/shared/protocol';

// Export to CSV writes `seriesToCsv(result.series)` to the file named by `suggestedExportFileName(result, 'csv')`.
const result: PanelResult = {
	query: { metric: 'uninstalls', length: 4, end: { kind: 'date', date: '2024-03-02' }, appId: 'android' },
	instance: { label: null, host: 'rest.example.com' },
	series: {
		metric: 'uninstalls',
		firstDate: '2024-02-28',
		lastDate: '2024-03-02',
		points: [
			{ date: '2024-02-28', value: 3 },
			{ date: '2024-02-29', value: null },
			{ date: '2024-03-01', value: 0 },
			{ date: '2024-03-02', value: 12 },
		],
		provisionalDate: null,
	},
	fetchedAt: '2024-03-03T10:00:00.000Z',
	rateLimit: null,
};

describe('CSV export', () => {
	it('has a date,<metric> header, one row per day, gaps as empty cells (never 0) and a final newline', () => {
		assert.equal(seriesToCsv(result.series), 'date,uninstalls\n2024-02-28,3\n2024-02-29,\n2024-03-01,0\n2024-03-02,12\n');
	});

	it('is suggested a .csv name built like the JSON one', () => {
		assert.equal(suggestedExportFileName(result, 'csv'), 'braze-uninstalls-android-2024-03-02.csv');
	});
});
