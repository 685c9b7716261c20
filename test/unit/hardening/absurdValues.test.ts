// A9: absurd values are refused as a bad response with a clear message; rows the series leaves out
// (repeated dates, days outside the window) are reported for the log, never dropped silently.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BrazeResponseError } from '../../../src/braze/errors';
import { droppedRowsLogLine } from '../../../src/braze/series';
import { brazeFailureWording } from '../../../src/commands/errorWording';
import { englishL10n } from '../../../src/shared/l10n';
import { fakeBrazeClient, jsonResponse, rowsFor } from './fakeBraze';

const request = { metric: 'dau', length: 7, endingAt: '2026-03-10' } as const;

describe('absurd values', () => {
	for (const [what, bad] of [['negative', -5], ['fractional', 12.5], ['over a trillion', 1e12 + 1], ['9e15', 9e15]] as const) {
		it(`refuses the ${what} value as a bad response, saying it cannot be a count`, async () => {
			const { client } = fakeBrazeClient((url) => jsonResponse(200, { message: 'success', data: rowsFor(url, (_, i) => (i === 3 ? bad : 1000 + i)) }));
			await assert.rejects(client.fetchSeries(request), (error: unknown) => {
				assert.ok(error instanceof BrazeResponseError, String(error));
				assert.equal(error.problem, 'values');
				assert.match(error.detail, /row 4 .* cannot be a count/);
				const message = brazeFailureWording(error, englishL10n, (d) => d.toISOString()).message;
				assert.match(message, /cannot be counts \(negative, fractional or over a trillion\)/);
				return true;
			});
		});
	}

	it('accepts a trillion exactly', async () => {
		const { client } = fakeBrazeClient((url) => jsonResponse(200, { message: 'success', data: rowsFor(url, () => 1e12) }));
		const { series } = await client.fetchSeries(request);
		assert.ok(series.points.every((p) => p.value === 1e12));
	});
});

describe('rows left out', () => {
	it('reports a repeated date (the first value kept) and a day outside the window', async () => {
		const { client } = fakeBrazeClient((url) => {
			const rows = rowsFor(url, (_, i) => 1000 + i);
			return jsonResponse(200, { message: 'success', data: [...rows, { time: rows[2].time, dau: 1 }, { time: '2026-03-11', dau: 7 }] });
		});
		const response = await client.fetchSeries(request);
		assert.equal(response.series.points[2].value, 1002, 'the first value of a repeated date is kept');
		assert.equal(response.series.points.length, 7);
		assert.deepEqual(response.droppedRows, [
			{ date: '2026-03-06', value: 1, reason: 'duplicate' },
			{ date: '2026-03-11', value: 7, reason: 'outside-window' },
		]);
		assert.equal(
			droppedRowsLogLine(response.droppedRows),
			'Braze sent 2 rows the series does not use: 2026-03-06=1 (a repeated date; the first value is kept), 2026-03-11=7 (outside the days asked for).',
		);
	});

	it('reports nothing when every row is used', async () => {
		const { client } = fakeBrazeClient((url) => jsonResponse(200, { message: 'success', data: rowsFor(url, () => 5) }));
		const response = await client.fetchSeries(request);
		assert.deepEqual(response.droppedRows, []);
		assert.equal(droppedRowsLogLine(response.droppedRows), null);
	});
});
