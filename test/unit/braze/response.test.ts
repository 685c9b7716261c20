import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brazeMessageOf, calendarDateOfTime, isAccessDenied, looksLikeHtml, parseSeriesBody } from '../../../src/braze/response';
import { BrazeResponseError } from '../../../src/braze/errors';

function assertResponseError(fn: () => unknown, problem: string, includes: string[], excludes: string[] = []): void {
	assert.throws(fn, (error: unknown) => {
		assert.ok(error instanceof BrazeResponseError, String(error));
		assert.equal(error.problem, problem);
		for (const text of includes) assert.ok(error.message.includes(text), `${JSON.stringify(text)} in ${error.message}`);
		for (const text of excludes) assert.ok(!error.message.includes(text), `${JSON.stringify(text)} not in ${error.message}`);
		return true;
	});
}

describe('parseSeriesBody', () => {
	it('reads rows in the order received', () => {
		const body = JSON.stringify({ message: 'success', data: [{ time: '2024-03-02', dau: 5 }, { time: '2024-03-01', dau: 0 }] });
		assert.deepEqual(parseSeriesBody(body, 'dau', 200), [{ date: '2024-03-02', value: 5 }, { date: '2024-03-01', value: 0 }]);
	});

	it('keeps the calendar date of date-time values, never shifting it by time zone', () => {
		const body = JSON.stringify({ data: [
			{ time: '2024-03-10T00:00:00.000Z', mau: 1 },
			{ time: '2024-03-11T00:00:00-08:00', mau: 2 },
			{ time: '2024-03-12T23:30:00+14:00', mau: 3 },
			{ time: '2024-03-13 00:00:00', mau: 4 },
		] });
		assert.deepEqual(parseSeriesBody(body, 'mau', 200).map((r) => r.date), ['2024-03-10', '2024-03-11', '2024-03-12', '2024-03-13']);
	});

	it('accepts an empty series', () => {
		assert.deepEqual(parseSeriesBody('{"data":[]}', 'dau', 200), []);
	});

	it('refuses a body that is not JSON, quoting only its start', () => {
		const body = `{"data":[${'{"time":"2024-01-01","dau":1},'.repeat(50)}`;
		assertResponseError(() => parseSeriesBody(body, 'dau', 200), 'not-json', ['{\\"data\\":[']);
		assert.throws(() => parseSeriesBody(body, 'dau', 200), (e: unknown) => e instanceof BrazeResponseError && e.message.length < 400 && e.status === 200);
	});

	it('recognises an HTML page', () => {
		assertResponseError(() => parseSeriesBody('<!DOCTYPE html><html><body>Sign in</body></html>', 'dau', 200), 'html', ['HTML', '<!DOCTYPE html>']);
		assert.ok(looksLikeHtml('\n  <html>'));
		assert.ok(!looksLikeHtml('Service unavailable'));
	});

	it('refuses a body without a data array', () => {
		assertResponseError(() => parseSeriesBody('{"message":"success"}', 'dau', 200), 'shape', ['"data" is missing']);
		assertResponseError(() => parseSeriesBody('{"data":{"time":"2024-01-01"}}', 'dau', 200), 'shape', ['not an array']);
		assertResponseError(() => parseSeriesBody('[1,2]', 'dau', 200), 'shape', ['[1,2]']);
		assertResponseError(() => parseSeriesBody('null', 'dau', 200), 'shape', ['null']);
	});

	it('refuses a bad row, quoting that row and not the rest of the body', () => {
		const good = Array.from({ length: 40 }, (_, i) => ({ time: `2024-01-${String(i % 28 + 1).padStart(2, '0')}`, dau: 1000 + i }));
		const cases: [unknown, string, ('shape' | 'values')?][] = [
			[{ time: '2024-02-10', dau: -3 }, '"dau" -3, which cannot be a count', 'values'],
			[{ time: '2024-02-10', dau: '17' }, '"dau"'],
			[{ time: '2024-02-10', dau: 1.5 }, '"dau" 1.5, which cannot be a count', 'values'],
			[{ time: '2024-02-10', dau: 4e13 }, '"dau" 40000000000000, which cannot be a count', 'values'],
			[{ time: '2024-02-10', dau: null }, '"dau"'],
			[{ time: '2024-02-10' }, '"dau"'],
			[{ time: '2024-02-10', mau: 5 }, '"dau"'],
			[{ time: '2024-02-30', dau: 5 }, '"time"'],
			[{ time: 20240210, dau: 5 }, '"time"'],
			[{ dau: 5 }, '"time"'],
			[{ time: '10/02/2024', dau: 5 }, '"time"'],
			['2024-02-10', 'not an object'],
			[null, 'not an object'],
		];
		for (const [bad, what, problem = 'shape'] of cases) {
			const body = JSON.stringify({ data: [...good.slice(0, 20), bad, ...good.slice(20)] });
			assertResponseError(() => parseSeriesBody(body, 'dau', 200), problem, ['row 21', JSON.stringify(JSON.stringify(bad)).slice(1, -1), what], ['1039', '1000']);
		}
	});

	it('cuts a long bad row short', () => {
		const body = JSON.stringify({ data: [{ time: '2024-01-01', dau: -1, note: 'x'.repeat(5000) }] });
		assert.throws(() => parseSeriesBody(body, 'dau', 200), (e: unknown) => e instanceof BrazeResponseError && e.message.length < 500);
	});
});

describe('calendarDateOfTime', () => {
	it('answers null for what is not a date', () => {
		assert.equal(calendarDateOfTime('2024-03-10'), '2024-03-10');
		assert.equal(calendarDateOfTime('2024-03-10T05'), null);
		assert.equal(calendarDateOfTime('2024-03-10Tnoon'), null);
		assert.equal(calendarDateOfTime(''), null);
	});
});

describe('error bodies', () => {
	it('brazeMessageOf reads message, else errors, else null', () => {
		assert.equal(brazeMessageOf('{"message":"Invalid parameter: length","errors":["x"]}'), 'Invalid parameter: length');
		assert.equal(brazeMessageOf('{"errors":["a",{"b":1}]}'), 'a; {"b":1}');
		assert.equal(brazeMessageOf('<html>'), null);
		assert.equal(brazeMessageOf('{}'), null);
		assert.equal(brazeMessageOf(JSON.stringify({ message: 'm'.repeat(1000) }))!.length, 301);
	});

	it('isAccessDenied tells "Access Denied" from "Forbidden"', () => {
		assert.equal(isAccessDenied('Access Denied'), true);
		assert.equal(isAccessDenied('access denied: missing permission'), true);
		assert.equal(isAccessDenied(null), true);
		assert.equal(isAccessDenied('Forbidden'), false);
		assert.equal(isAccessDenied('403 Forbidden by plan'), false);
	});
});
