import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkToolInput } from '../../../src/chat/toolInput';
import { englishL10n } from '../../../src/shared/l10n';

const NOW = new Date('2026-05-15T10:00:00Z');
const check = (raw: unknown) => checkToolInput(raw, NOW, englishL10n);
const problem = (raw: unknown) => {
	const checked = check(raw);
	assert.equal(checked.ok, false, `expected ${JSON.stringify(raw)} to be refused`);
	return checked.ok ? '' : checked.problem;
};

describe('checkToolInput', () => {
	test('defaults: 7 days to yesterday, all apps, the active connection', () => {
		assert.deepEqual(check({ metric: 'dau' }), { ok: true, spec: { metric: 'dau', length: 7, end: { kind: 'yesterday' }, appId: null } });
	});

	test('days, end, app and connection as given, trimmed', () => {
		assert.deepEqual(check({ metric: 'mau', days: 30, end: '2026-05-01', app: ' ios-app ', connection: ' Prod ' }), {
			ok: true,
			spec: { metric: 'mau', length: 30, end: { kind: 'date', date: '2026-05-01' }, appId: 'ios-app', connection: 'Prod' },
		});
	});

	test('a preset becomes its days and end', () => {
		assert.deepEqual(check({ metric: 'new_users', preset: 'last-month' }), { ok: true, spec: { metric: 'new_users', length: 30, end: { kind: 'date', date: '2026-04-30' }, appId: null } });
		assert.deepEqual(check({ metric: 'dau', preset: 'month-to-date' }), { ok: true, spec: { metric: 'dau', length: 15, end: { kind: 'today' }, appId: null } });
	});

	test('each bad field is named, with what to send instead', () => {
		assert.equal(problem('dau'), 'The input must be an object such as {"metric": "dau", "days": 7}.');
		assert.equal(problem({}), 'Unknown metric (missing): use one of dau, mau, new_users, uninstalls, stickiness.');
		assert.equal(problem({ metric: 'sessions' }), 'Unknown metric "sessions": use one of dau, mau, new_users, uninstalls, stickiness.');
		assert.equal(problem({ metric: 'dau', days: 0 }), '"days" must be a whole number from 1 to 3650, not 0.');
		assert.equal(problem({ metric: 'dau', days: '7' }), '"days" must be a whole number from 1 to 3650, not "7".');
		assert.equal(problem({ metric: 'dau', days: 3651 }), '"days" must be a whole number from 1 to 3650, not 3651.');
		assert.equal(problem({ metric: 'dau', end: '2026-02-30' }), '"end" must be "yesterday", "today" or a date YYYY-MM-DD, not "2026-02-30".');
		assert.equal(problem({ metric: 'dau', end: '2026-05-16' }), '"end" is 2026-05-16, after today (2026-05-15, UTC): Braze has no data for future days.');
		assert.match(problem({ metric: 'dau', preset: 'last-week' }), /^Unknown preset "last-week": use one of last-7-days, /);
		assert.equal(problem({ metric: 'dau', preset: 'last-7-days', days: 7 }), 'Give either "preset" or "days" and "end", not both.');
		assert.match(problem({ metric: 'dau', app: 'my app' }), /^"app" must be an app API identifier \(no spaces, at most 256 characters\), not "my app"\./);
		assert.match(problem({ metric: 'dau', app: 'x'.repeat(257) }), /^"app" must be an app API identifier.*not "x{76}\.\.\./);
		assert.match(problem({ metric: 'dau', connection: 42 }), /^"connection" must be the name of a Braze connection, not 42\./);
	});

	test('today is a Braze (UTC) day', () => {
		assert.equal(check({ metric: 'dau', end: '2026-05-15' }).ok, true);
		assert.equal(checkToolInput({ metric: 'dau', end: '2026-05-16' }, new Date('2026-05-16T00:30:00Z'), englishL10n).ok, true);
	});
});
