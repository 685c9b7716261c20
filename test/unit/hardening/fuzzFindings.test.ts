// What the fuzz tests found, pinned as plain examples: each was accepted before its fix.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFaults } from '../../../sandbox/faults';
import { buildExportDocument, parseExportDocument, serializeExportDocument } from '../../../src/export/document';
import { englishL10n } from '../../../src/shared/l10n';
import { parsePanelResult } from '../../../src/shared/protocol';
import type { PanelResult } from '../../../src/shared/protocol';

const result: PanelResult = {
	query: { metric: 'dau', length: 2, end: { kind: 'date', date: '2024-05-02' }, appId: null },
	instance: { label: 'US-01', host: 'rest.iad-01.braze.com' },
	series: { metric: 'dau', firstDate: '2024-05-01', lastDate: '2024-05-02', points: [{ date: '2024-05-01', value: 5 }, { date: '2024-05-02', value: 6 }], provisionalDate: null },
	fetchedAt: '2024-05-03T10:00:00.000Z',
	rateLimit: { limit: 250000, remaining: 10, resetEpochSeconds: 1714734000 },
};

it('a panel result is refused when its day in progress lies outside the series', () => {
	assert.ok(parsePanelResult(result));
	assert.equal(parsePanelResult({ ...result, series: { ...result.series, provisionalDate: '2023-01-01' } }), null);
	assert.ok(parsePanelResult({ ...result, series: { ...result.series, provisionalDate: '2024-05-02' } }));
});

it('a panel result is refused with a value beyond exact integers; rate-limit figures must be whole and not negative', () => {
	assert.equal(parsePanelResult({ ...result, series: { ...result.series, points: [{ date: '2024-05-01', value: 1e200 }, result.series.points[1]] } }), null);
	assert.deepEqual(parsePanelResult({ ...result, rateLimit: { limit: -1, remaining: 2.5, resetEpochSeconds: 1714734000 } })?.rateLimit, { limit: null, remaining: null, resetEpochSeconds: 1714734000 });
});

it('an exported file with a value beyond exact integers is refused', () => {
	const text = serializeExportDocument(buildExportDocument(result, '0.1.0')).replace('"dau": 5', '"dau": 1e300');
	assert.ok(text.includes('1e300'));
	const parsed = parseExportDocument(text, englishL10n);
	assert.equal(parsed.ok, false);
});

it('sandbox faults refuse a sparse omitDates (its hole reads as undefined)', () => {
	assert.equal(parseFaults({ omitDates: ['2024-01-01', , '2024-01-03'] }).ok, false);
});
