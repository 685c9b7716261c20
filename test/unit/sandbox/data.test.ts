import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, isPlainDate, toDayNumber } from '../../../src/shared/dates';
import { KPI_METRICS } from '../../../src/shared/kpi';
import type { KpiMetric } from '../../../src/shared/kpi';
import { SANDBOX_APPS, sandboxSeries, sandboxValue } from '../../../sandbox/data';

const [IOS, ANDROID, WEB] = SANDBOX_APPS as [(typeof SANDBOX_APPS)[number], (typeof SANDBOX_APPS)[number], (typeof SANDBOX_APPS)[number]];

function days(from: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
	return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

function mean(values: number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

function value(metric: KpiMetric, appId: string | null, date: string): number {
	const v = sandboxValue(metric, appId, date);
	assert.notEqual(v, null, `${metric} ${appId} ${date} has a row`);
	return v!;
}

test('three apps with distinct UUID-like ids and valid first days, one of them recent', () => {
	assert.equal(SANDBOX_APPS.length, 3);
	assert.equal(new Set(SANDBOX_APPS.map((a) => a.id)).size, 3);
	for (const app of SANDBOX_APPS) {
		assert.match(app.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		assert.ok(isPlainDate(app.firstDay), app.firstDay);
		assert.ok(app.name.length > 0);
	}
	assert.ok(toDayNumber(WEB.firstDay) - toDayNumber(IOS.firstDay) > 365 * 5);
});

test('every value is a non-negative integer and the same on every call', () => {
	for (const metric of KPI_METRICS) {
		for (const appId of [null, ...SANDBOX_APPS.map((a) => a.id)]) {
			for (const date of days('2026-09-01', 60)) {
				const v = sandboxValue(metric, appId, date);
				if (v === null) continue;
				assert.ok(Number.isInteger(v) && v >= 0, `${metric} ${appId} ${date}: ${v}`);
				assert.equal(sandboxValue(metric, appId, date), v);
			}
		}
	}
});

test('weekends are lower for the two shop apps and higher for the web arcade', () => {
	const eightWeeks = days('2025-04-07', 56);
	const weekend = eightWeeks.filter((d) => weekday(d) === 0 || weekday(d) === 6);
	const weekdays = eightWeeks.filter((d) => weekday(d) >= 1 && weekday(d) <= 5);
	for (const app of [IOS, ANDROID]) {
		assert.ok(mean(weekend.map((d) => value('dau', app.id, d))) < 0.9 * mean(weekdays.map((d) => value('dau', app.id, d))), app.name);
	}
	const webWeeks = days('2027-02-01', 56);
	const webWeekend = webWeeks.filter((d) => weekday(d) === 0 || weekday(d) === 6);
	const webWeekdays = webWeeks.filter((d) => weekday(d) >= 1 && weekday(d) <= 5);
	assert.ok(mean(webWeekend.map((d) => value('dau', WEB.id, d))) > 1.2 * mean(webWeekdays.map((d) => value('dau', WEB.id, d))));
});

test('DAU grows slowly over time', () => {
	for (const app of [IOS, ANDROID]) {
		const before = mean(days('2024-06-01', 28).map((d) => value('dau', app.id, d)));
		const after = mean(days('2025-06-01', 28).map((d) => value('dau', app.id, d)));
		assert.ok(after > before * 1.05 && after < before * 1.5, `${app.name}: ${before} -> ${after}`);
	}
});

test('MAU is at least DAU; new users are a few % of DAU; uninstalls are smaller still (none on web)', () => {
	for (const date of days('2025-01-01', 90)) {
		for (const app of [IOS, ANDROID]) {
			const dau = value('dau', app.id, date);
			assert.ok(value('mau', app.id, date) > 2 * dau);
			const newUsers = value('new_users', app.id, date);
			assert.ok(newUsers > 0.01 * dau && newUsers < 0.1 * dau, `${date} new_users ${newUsers} dau ${dau}`);
			assert.ok(value('uninstalls', app.id, date) < newUsers);
		}
	}
	for (const date of days(WEB.firstDay, 60)) {
		assert.ok(value('mau', WEB.id, date) >= value('dau', WEB.id, date));
		assert.ok(value('new_users', WEB.id, date) <= value('dau', WEB.id, date));
		assert.equal(value('uninstalls', WEB.id, date), 0);
	}
});

test('all apps is the sum of the apps that have a row; no row before an app first day', () => {
	const beforeWeb = addDays(WEB.firstDay, -1);
	assert.equal(sandboxValue('dau', WEB.id, beforeWeb), null);
	assert.equal(value('dau', null, beforeWeb), value('dau', IOS.id, beforeWeb) + value('dau', ANDROID.id, beforeWeb));
	for (const metric of KPI_METRICS) {
		const date = addDays(WEB.firstDay, 10);
		assert.equal(value(metric, null, date), SANDBOX_APPS.reduce((sum, app) => sum + value(metric, app.id, date), 0));
	}
	assert.equal(sandboxValue('dau', null, addDays(IOS.firstDay, -1)), null);
	assert.equal(sandboxValue('dau', 'not-an-app', '2025-01-01'), null);
	assert.throws(() => sandboxValue('dau', null, '2025-02-30'), RangeError);
});

test('sandboxSeries: ascending, ends on endDate, leaves out days without a row', () => {
	const full = sandboxSeries('mau', null, '2025-03-31', 100);
	assert.equal(full.length, 100);
	assert.equal(full[0].time, '2024-12-22');
	assert.equal(full[99].time, '2025-03-31');
	for (const row of full) assert.equal(row.value, sandboxValue('mau', null, row.time));

	const webStart = sandboxSeries('dau', WEB.id, addDays(WEB.firstDay, 4), 10);
	assert.deepEqual(
		webStart.map((r) => r.time),
		days(WEB.firstDay, 5),
	);
	assert.ok(webStart[0].value < webStart[4].value, 'a new app ramps up');
});
