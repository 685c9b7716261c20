// The planner: which days come from the cache, and the fewest ≤100-day windows that fetch the rest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitIntoWindows } from '../../../src/braze/series';
import type { CachedDay } from '../../../src/cache/cachedDay';
import { coverWithWindows, isSettled, planDays } from '../../../src/cache/planner';
import { addDays, daysBetween } from '../../../src/shared/dates';

const NOW = new Date('2026-03-15T12:00:00Z');
const TODAY = '2026-03-15';
const at = (date: string, time = '12:00:00'): number => Date.parse(`${date}T${time}Z`);

/** Every day of first..last cached with `value`, fetched at `fetchedAt`, minus `except`. */
function cacheOf(first: string, last: string, fetchedAt = NOW.getTime(), except: (date: string) => boolean = () => false, value: number | null = 7): Map<string, CachedDay> {
	const days = new Map<string, CachedDay>();
	for (let d = first; d <= last; d = addDays(d, 1)) if (!except(d)) days.set(d, { value, fetchedAt });
	return days;
}

const span = (w: { firstDate: string; lastDate: string }): [string, string] => [w.firstDate, w.lastDate];

describe('planDays', () => {
	it('fetches a cold 1,000-day range in the same ten windows as splitIntoWindows', () => {
		const plan = planDays({ firstDate: addDays(TODAY, -999), lastDate: TODAY, cached: new Map(), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows, splitIntoWindows(TODAY, 1000));
		assert.deepEqual(plan.fromCache, []);
		assert.equal(plan.afterToday, 0);
	});

	for (const [length, count] of [[1, 1], [99, 1], [100, 1], [101, 2], [200, 2], [201, 3], [3650, 37]] as const) {
		it(`covers ${length} uncached days with ${count} window(s) of at most 100 days`, () => {
			const plan = planDays({ firstDate: addDays(TODAY, -(length - 1)), lastDate: TODAY, cached: new Map(), now: NOW, refreshDays: 3 });
			assert.equal(plan.windows.length, count);
			assert.deepEqual(plan.windows, splitIntoWindows(TODAY, length));
		});
	}

	it('serves a 1,000-day range fetched today from the cache except its last 4 days (refreshDays 3)', () => {
		const first = addDays(TODAY, -999);
		const plan = planDays({ firstDate: first, lastDate: TODAY, cached: cacheOf(first, TODAY), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows.map(span), [[addDays(TODAY, -3), TODAY]]);
		assert.equal(plan.fromCache.length, 996);
		assert.equal(plan.fromCache[0], first);
		assert.equal(plan.fromCache.at(-1), addDays(TODAY, -4));
	});

	for (const [refreshDays, firstFetched] of [[0, -999], [1, -1], [2, -2], [3, -3], [4, -4], [30, -30], [999, -999], [5000, -999]] as const) {
		it(`refreshDays ${refreshDays}: fetches from today ${firstFetched} days on`, () => {
			const first = addDays(TODAY, -999);
			const plan = planDays({ firstDate: first, lastDate: TODAY, cached: cacheOf(first, TODAY), now: NOW, refreshDays });
			const fetched = plan.windows.reduce((n, w) => n + w.length, 0);
			assert.equal(fetched, -firstFetched + 1);
			assert.equal(plan.fromCache.length + fetched, 1000);
			if (fetched < 1000) assert.equal(plan.fromCache.at(-1), addDays(TODAY, firstFetched - 1));
			assert.ok(plan.windows.some((w) => w.firstDate <= addDays(TODAY, -1) && w.lastDate === TODAY), 'today and yesterday are fetched');
		});
	}

	it('fetches a day again when it was still recent at its fetch, however old it is now', () => {
		const day = addDays(TODAY, -10);
		const plan = (fetchedOn: string): string[] => planDays({ firstDate: day, lastDate: day, cached: cacheOf(day, day, at(fetchedOn)), now: NOW, refreshDays: 3 }).windows.map((w) => w.firstDate);
		assert.deepEqual(plan(addDays(day, 3)), [day], 'fetched 3 days after: still within the refresh window then');
		assert.deepEqual(plan(addDays(day, 4)), [], 'fetched 4 days after: settled');
		assert.deepEqual(plan(day), [day], 'fetched on the day itself (a partial value)');
	});

	it('reads the fetch day in UTC: 23:59 and 00:00 fall on two days', () => {
		const day = addDays(TODAY, -10);
		const settled = (time: number): boolean => isSettled(day, { value: 1, fetchedAt: time }, NOW, 3);
		assert.equal(settled(at(addDays(day, 3), '23:59:59')), false);
		assert.equal(settled(at(addDays(day, 4), '00:00:00')), true);
	});

	it('treats a fetch time in the future as now', () => {
		const cached = cacheOf(addDays(TODAY, -6), TODAY, at('2030-01-01'));
		const plan = planDays({ firstDate: addDays(TODAY, -6), lastDate: TODAY, cached, now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows.map(span), [[addDays(TODAY, -3), TODAY]]);
	});

	it('serves cached gaps like values: a day Braze did not return is not asked again', () => {
		const first = addDays(TODAY, -300);
		const plan = planDays({ firstDate: first, lastDate: TODAY, cached: cacheOf(first, TODAY, NOW.getTime(), () => false, null), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows.map(span), [[addDays(TODAY, -3), TODAY]]);
		assert.equal(plan.fromCache.length, 297);
	});

	it('fetches a missing stretch in the middle as a window of its own', () => {
		const first = addDays(TODAY, -999);
		const hole = (d: string): boolean => d >= addDays(TODAY, -500) && d <= addDays(TODAY, -451);
		const plan = planDays({ firstDate: first, lastDate: TODAY, cached: cacheOf(first, TODAY, NOW.getTime(), hole), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows.map(span), [[addDays(TODAY, -3), TODAY], [addDays(TODAY, -500), addDays(TODAY, -451)]]);
		assert.equal(plan.fromCache.length, 1000 - 4 - 50);
	});

	it('splits a 101-day hole into 100 + 1 and keeps a 100-day hole in one window', () => {
		const first = addDays(TODAY, -999);
		for (const [size, spans] of [
			[100, [[addDays(TODAY, -3), TODAY], [addDays(TODAY, -599), addDays(TODAY, -500)]]],
			[101, [[addDays(TODAY, -3), TODAY], [addDays(TODAY, -599), addDays(TODAY, -500)], [addDays(TODAY, -600), addDays(TODAY, -600)]]],
		] as const) {
			const hole = (d: string): boolean => d <= addDays(TODAY, -500) && d > addDays(TODAY, -500 - size);
			const plan = planDays({ firstDate: first, lastDate: TODAY, cached: cacheOf(first, TODAY, NOW.getTime(), hole), now: NOW, refreshDays: 3 });
			assert.deepEqual(plan.windows.map(span), spans, `hole of ${size} days`);
		}
	});

	it('lets a hole within 100 days of the refreshed days ride in the same request (fewer requests, cached days between refetched)', () => {
		const first = addDays(TODAY, -999);
		const hole = (d: string): boolean => d >= addDays(TODAY, -40) && d <= addDays(TODAY, -30);
		const plan = planDays({ firstDate: first, lastDate: TODAY, cached: cacheOf(first, TODAY, NOW.getTime(), hole), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows.map(span), [[addDays(TODAY, -40), TODAY]]);
		assert.equal(plan.fromCache.length, 1000 - 41);
	});

	it('fetches the first and last days of a range whose cache covers only its middle', () => {
		const first = addDays(TODAY, -399);
		const plan = planDays({ firstDate: first, lastDate: TODAY, cached: cacheOf(addDays(TODAY, -300), addDays(TODAY, -150)), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows.map(span), [
			[addDays(TODAY, -99), TODAY],
			[addDays(TODAY, -149), addDays(TODAY, -100)],
			[addDays(TODAY, -399), addDays(TODAY, -301)],
		]);
	});

	it('never fetches or serves days after today', () => {
		const plan = planDays({ firstDate: addDays(TODAY, -9), lastDate: addDays(TODAY, 5), cached: new Map(), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows.map(span), [[addDays(TODAY, -9), TODAY]]);
		assert.equal(plan.afterToday, 5);
		const future = planDays({ firstDate: addDays(TODAY, 2), lastDate: addDays(TODAY, 8), cached: new Map(), now: NOW, refreshDays: 3 });
		assert.deepEqual(future, { fromCache: [], windows: [], afterToday: 7 });
	});

	it('needs no request for an old range fully cached', () => {
		const plan = planDays({ firstDate: '2025-01-01', lastDate: '2025-01-31', cached: cacheOf('2024-12-01', '2025-02-28', at('2025-06-01')), now: NOW, refreshDays: 3 });
		assert.deepEqual(plan.windows, []);
		assert.equal(plan.fromCache.length, 31);
	});

	it('partitions any cache into served and fetched days, every window ≤ 100 days and needed at both ends', () => {
		let seed = 42;
		const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let round = 0; round < 200; round++) {
			const length = 1 + Math.floor(random() * 700);
			const first = addDays(TODAY, -Math.floor(random() * 800));
			const last = addDays(first, length - 1);
			const cached = new Map<string, CachedDay>();
			for (let d = addDays(first, -5); d <= last; d = addDays(d, 1)) {
				if (random() < 0.8) cached.set(d, { value: random() < 0.1 ? null : 1, fetchedAt: NOW.getTime() - Math.floor(random() * 20) * 86_400_000 });
			}
			const refreshDays = Math.floor(random() * 6);
			const plan = planDays({ firstDate: first, lastDate: last, cached, now: NOW, refreshDays });
			const fetched = new Set<string>();
			for (const w of plan.windows) {
				assert.ok(w.length >= 1 && w.length <= 100 && w.length === daysBetween(w.firstDate, w.lastDate) + 1);
				for (let d = w.firstDate; d <= w.lastDate; d = addDays(d, 1)) {
					assert.ok(!fetched.has(d), 'windows do not overlap');
					fetched.add(d);
				}
				for (const end of [w.firstDate, w.lastDate]) {
					const day = cached.get(end);
					assert.ok(!day || !isSettled(end, day, NOW, refreshDays), 'a window starts and ends on a day that needs fetching');
				}
			}
			for (const d of plan.fromCache) {
				assert.ok(!fetched.has(d));
				const day = cached.get(d);
				assert.ok(day && isSettled(d, day, NOW, refreshDays), `${d} is served only when settled`);
			}
			const upToToday = last < TODAY ? length : daysBetween(first, TODAY) + 1;
			assert.equal(plan.fromCache.length + fetched.size, Math.max(0, upToToday));
			assert.deepEqual(plan.windows.map((w) => w.index), plan.windows.map((_, i) => i));
		}
	});
});

describe('coverWithWindows', () => {
	it('puts days 99 apart in one window and days 100 apart in two', () => {
		assert.deepEqual(coverWithWindows([TODAY, addDays(TODAY, -99)]).map(span), [[addDays(TODAY, -99), TODAY]]);
		assert.deepEqual(coverWithWindows([TODAY, addDays(TODAY, -100)]).map(span), [[TODAY, TODAY], [addDays(TODAY, -100), addDays(TODAY, -100)]]);
	});

	it('uses the fewest windows: each starts at the latest day left and reaches back 100 days', () => {
		const dates = [0, -50, -99, -100, -150, -260].map((n) => addDays(TODAY, n));
		assert.deepEqual(coverWithWindows(dates).map(span), [
			[addDays(TODAY, -99), TODAY],
			[addDays(TODAY, -150), addDays(TODAY, -100)],
			[addDays(TODAY, -260), addDays(TODAY, -260)],
		]);
		assert.deepEqual(coverWithWindows([]), []);
	});
});
