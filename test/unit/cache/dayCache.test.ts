// The day cache on a real temporary folder: round trips, atomic writes, damaged and foreign files, partitions, LRU cap.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CachedDay, SeriesKey } from '../../../src/cache/cachedDay';
import { partitionFileName } from '../../../src/cache/cacheFile';
import { DayCache } from '../../../src/cache/dayCache';
import type { DayCacheOptions } from '../../../src/cache/dayCache';
import { CacheClearError } from '../../../src/cache/errors';
import { DEFAULT_MAX_MEGABYTES, megabytesToBytes } from '../../../src/cache/eviction';
import { nodeFileSystem } from '../../../src/cache/fileSystem';
import type { CacheFileSystem } from '../../../src/cache/fileSystem';
import { DEFAULT_REFRESH_DAYS, normaliseRefreshDays } from '../../../src/cache/refreshDays';
import { addDays } from '../../../src/shared/dates';

const DAU: SeriesKey = { metric: 'dau', appId: null };
const IOS_DAU: SeriesKey = { metric: 'dau', appId: '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17' };
const MAU: SeriesKey = { metric: 'mau', appId: null };
const T0 = Date.parse('2026-03-15T12:00:00Z');

/** `count` days ending 2026-03-10, value = day index (every 7th a gap), fetched at `fetchedAt`. */
function days(count: number, fetchedAt = T0, last = '2026-03-10'): [string, CachedDay][] {
	return Array.from({ length: count }, (_, i) => [addDays(last, -i), { value: i % 7 === 3 ? null : 1000 + i, fetchedAt }]);
}

describe('DayCache', () => {
	let dir: string;
	let clock: number;
	let logs: string[];
	const cache = (options: Partial<DayCacheOptions> = {}): DayCache =>
		new DayCache({ directory: dir, now: () => new Date(clock), log: (line) => logs.push(line), ...options });
	const fileOf = (partition: string): string => join(dir, partitionFileName(partition));

	beforeEach(async () => {
		dir = join(await mkdtemp(join(tmpdir(), 'braze-day-cache-')), 'day-cache');
		clock = T0;
		logs = [];
	});
	afterEach(() => rm(join(dir, '..'), { recursive: true, force: true }));

	it('reads nothing from a folder that does not exist yet, and logs nothing', async () => {
		assert.deepEqual([...(await cache().read('conn-1', DAU))], []);
		assert.deepEqual(logs, []);
	});

	it('keeps values, gaps and fetch times per partition and per series, across instances', async () => {
		const a = cache();
		await a.write('conn-1', DAU, days(10));
		await a.write('conn-1', IOS_DAU, days(3, T0 + 1));
		await a.write('conn-2', DAU, days(2, T0 + 2));
		const b = cache();
		assert.deepEqual([...(await b.read('conn-1', DAU))].sort(), days(10).sort());
		assert.deepEqual([...(await b.read('conn-1', IOS_DAU))].sort(), days(3, T0 + 1).sort());
		assert.deepEqual([...(await b.read('conn-2', DAU))].sort(), days(2, T0 + 2).sort());
		assert.deepEqual([...(await b.read('conn-2', MAU))], []);
		assert.equal((await b.read('conn-1', DAU)).get('2026-03-07')?.value, null, 'a gap stays a gap, not a zero');
	});

	it('writes one versioned file per partition, named by a hash, holding no more than the series', async () => {
		await cache().write('connection id with / and ..', DAU, days(2));
		const names = await readdir(dir);
		assert.deepEqual(names, [partitionFileName('connection id with / and ..')]);
		assert.match(names[0], /^day-cache-[0-9a-f]{32}\.json$/);
		const file = JSON.parse(await readFile(join(dir, names[0]), 'utf8')) as Record<string, unknown>;
		assert.deepEqual(Object.keys(file), ['format', 'version', 'partition', 'series']);
		assert.equal(file.format, 'braze-kpi-day-cache');
		assert.equal(file.version, 1);
		assert.deepEqual(file.series, [{ metric: 'dau', appId: null, lastUsed: T0, days: { '2026-03-09': [1001, T0], '2026-03-10': [1000, T0] } }]);
	});

	it('replaces a day with a newer fetch, never with an older one', async () => {
		const c = cache();
		await c.write('p', DAU, [['2026-03-10', { value: 5, fetchedAt: T0 }]]);
		await c.write('p', DAU, [['2026-03-10', { value: 6, fetchedAt: T0 + 1000 }], ['2026-03-09', { value: 1, fetchedAt: T0 }]]);
		await c.write('p', DAU, [['2026-03-10', { value: 4, fetchedAt: T0 - 1000 }]]);
		assert.deepEqual(Object.fromEntries(await c.read('p', DAU)), { '2026-03-10': { value: 6, fetchedAt: T0 + 1000 }, '2026-03-09': { value: 1, fetchedAt: T0 } });
	});

	it('sees what another window wrote to the same file, and merges with it instead of overwriting it', async () => {
		const windowA = cache();
		const windowB = cache();
		await windowA.write('p', DAU, days(3));
		assert.equal((await windowB.read('p', DAU)).size, 3);
		await windowA.write('p', DAU, days(5, T0, '2026-01-10'));
		assert.equal((await windowB.read('p', DAU)).size, 8, 'B reads the file again once it changed');
		await windowB.write('p', MAU, days(2));
		assert.equal((await windowA.read('p', DAU)).size, 8);
		assert.equal((await windowA.read('p', MAU)).size, 2);
	});

	it('flush() waits for writes started without waiting', async () => {
		const c = cache();
		void c.write('p', DAU, days(30));
		await c.flush();
		assert.equal((await cache().read('p', DAU)).size, 30);
	});

	it('runs concurrent writes one at a time: none is lost', async () => {
		const c = cache();
		await Promise.all(Array.from({ length: 20 }, (_, i) => c.write('p', DAU, [[addDays('2026-01-01', i), { value: i, fetchedAt: T0 }]])));
		assert.equal((await c.read('p', DAU)).size, 20);
		assert.deepEqual(await readdir(dir), [partitionFileName('p')], 'no temporary file is left behind');
	});

	for (const [what, text, problem] of [
		['text that is not JSON', '{"format": "braze-kpi-day-cache", "vers', /not JSON/],
		['a foreign JSON file', '{"hello": "world"}', /not a day cache file/],
		['a file of another format version', JSON.stringify({ format: 'braze-kpi-day-cache', version: 2, partition: 'p', series: [] }), /format version 2, expected 1/],
		['a file copied from another partition', JSON.stringify({ format: 'braze-kpi-day-cache', version: 1, partition: 'other', series: [] }), /partition does not match/],
		['a hand-edited negative value', JSON.stringify({ format: 'braze-kpi-day-cache', version: 1, partition: 'p', series: [{ metric: 'dau', appId: null, lastUsed: 1, days: { '2026-03-10': [-5, 1] } }] }), /bad value/],
		['a bad date', JSON.stringify({ format: 'braze-kpi-day-cache', version: 1, partition: 'p', series: [{ metric: 'dau', appId: null, lastUsed: 1, days: { '2026-02-30': [5, 1] } }] }), /bad date/],
		['an unknown metric', JSON.stringify({ format: 'braze-kpi-day-cache', version: 1, partition: 'p', series: [{ metric: 'sessions', appId: null, lastUsed: 1, days: {} }] }), /unknown metric/],
		['the same series twice', JSON.stringify({ format: 'braze-kpi-day-cache', version: 1, partition: 'p', series: [{ metric: 'dau', appId: null, lastUsed: 1, days: {} }, { metric: 'dau', appId: null, lastUsed: 1, days: {} }] }), /second entry/],
	] as const) {
		it(`drops ${what} with a log line, reads it as empty, and writes afresh`, async () => {
			await cache().write('p', DAU, days(1));
			await writeFile(fileOf('p'), text);
			const c = cache();
			assert.deepEqual([...(await c.read('p', DAU))], []);
			assert.equal(logs.length, 1);
			assert.match(logs[0], new RegExp(`^Day cache: dropped ${partitionFileName('p')}: `));
			assert.match(logs[0], problem);
			await assert.rejects(stat(fileOf('p')), { code: 'ENOENT' });
			await c.write('p', DAU, days(2));
			assert.equal((await c.read('p', DAU)).size, 2);
		});
	}

	it('leaves other files of the folder alone, even on clear()', async () => {
		const c = cache();
		await c.write('p', DAU, days(1));
		await writeFile(join(dir, 'notes.txt'), 'mine');
		await writeFile(join(dir, 'day-cache-backup.json'), '{}');
		await c.clear();
		assert.deepEqual((await readdir(dir)).sort(), ['day-cache-backup.json', 'notes.txt']);
		assert.equal(await readFile(join(dir, 'notes.txt'), 'utf8'), 'mine');
	});

	it('drops one partition and keeps the others; clear() drops them all, stray temporary files included', async () => {
		const c = cache();
		await c.write('conn-1', DAU, days(5));
		await c.write('conn-2', DAU, days(5));
		await c.dropPartition('conn-1');
		await c.dropPartition('never-written');
		assert.equal((await c.read('conn-1', DAU)).size, 0);
		assert.equal((await c.read('conn-2', DAU)).size, 5);
		await writeFile(`${fileOf('conn-2')}.123-abc.tmp`, '{"half":');
		await c.clear();
		assert.deepEqual(await readdir(dir), []);
		assert.equal(await c.sizeBytes(), 0);
		assert.deepEqual(logs, []);
	});

	it('skips a write whose generation was taken before its partition was dropped or the cache cleared', async () => {
		const c = cache();
		const before = c.generation('p');
		assert.equal(c.generation('q'), before);
		await c.write('p', DAU, days(2), before);
		assert.equal((await c.read('p', DAU)).size, 2, 'a current generation writes');
		void c.dropPartition('p');
		assert.notEqual(c.generation('p'), before, 'changed at the call');
		assert.equal(c.generation('q'), before, 'other partitions keep theirs');
		await c.write('p', DAU, days(5), before);
		assert.equal((await c.read('p', DAU)).size, 0);
		assert.deepEqual(logs, ['Day cache: skipped the days of a fetch that began before its connection was dropped or the cache cleared']);
		const q = c.generation('q');
		void c.clear();
		await c.write('q', DAU, days(5), q);
		assert.equal((await c.read('q', DAU)).size, 0, 'clear() makes every earlier generation stale');
		await c.write('q', DAU, days(5), c.generation('q'));
		assert.equal((await c.read('q', DAU)).size, 5);
	});

	it('keeps the old file and logs when a write fails half-way (the rename), leaving no temporary file', async () => {
		await cache().write('p', DAU, days(3));
		const before = await readFile(fileOf('p'), 'utf8');
		const failingRename: CacheFileSystem = { ...nodeFileSystem, rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) };
		const c = cache({ fileSystem: failingRename });
		await c.write('p', DAU, days(30));
		assert.equal(await readFile(fileOf('p'), 'utf8'), before);
		assert.deepEqual(await readdir(dir), [partitionFileName('p')]);
		assert.deepEqual(logs, [`Day cache: could not write ${partitionFileName('p')} (ENOSPC); the data stays uncached`]);
	});

	it('reads as empty, without deleting, a file it may not read', async () => {
		await cache().write('p', DAU, days(3));
		const denied: CacheFileSystem = { ...nodeFileSystem, readFile: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })) };
		assert.equal((await cache({ fileSystem: denied }).read('p', DAU)).size, 0);
		assert.match(logs[0], /could not read .* \(EACCES\)/);
		assert.equal((await cache().read('p', DAU)).size, 3);
	});

	it('rejects clear() and dropPartition() with CacheClearError when a file cannot be deleted', async () => {
		await cache().write('p', DAU, days(3));
		const locked: CacheFileSystem = { ...nodeFileSystem, unlink: () => Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' })) };
		const c = cache({ fileSystem: locked });
		for (const attempt of [() => c.clear(), () => c.dropPartition('p')]) {
			await assert.rejects(attempt(), (error: unknown) => {
				assert.ok(error instanceof CacheClearError);
				assert.equal(error.code, 'EBUSY');
				assert.equal(error.path, fileOf('p'));
				return true;
			});
		}
		assert.equal((await cache().read('p', DAU)).size, 3, 'the cache still works after a failed clear');
	});

	describe('size cap', () => {
		it('evicts the least recently used series across partitions, reads counting as use', async () => {
			await cache().write('probe', DAU, days(100));
			const oneSeries = (await stat(fileOf('probe'))).size;
			await cache().clear();
			const c = cache({ maxBytes: Math.floor(oneSeries * 2.5) });
			clock = T0 + 1;
			await c.write('conn-1', DAU, days(100));
			clock = T0 + 2;
			await c.write('conn-2', DAU, days(100));
			clock = T0 + 3;
			assert.equal((await c.read('conn-1', DAU)).size, 100);
			clock = T0 + 4;
			await c.write('conn-2', MAU, days(100));
			assert.equal((await c.read('conn-1', DAU)).size, 100, 'read last at T0+3: kept');
			assert.equal((await c.read('conn-2', DAU)).size, 0, 'written at T0+2, never read: evicted');
			assert.equal((await c.read('conn-2', MAU)).size, 100, 'just written: kept');
			assert.ok((await c.sizeBytes()) <= c.maxBytes);
			assert.equal(logs.length, 1);
			assert.match(logs[0], /over the cap of \d+: dropped the 1 least recently used series$/);
		});

		it('remembers use across instances through the file (lastUsed)', async () => {
			await cache().write('probe', DAU, days(50));
			const oneSeries = (await stat(fileOf('probe'))).size;
			await cache().clear();
			clock = T0 + 1;
			await cache().write('a', DAU, days(50));
			clock = T0 + 2;
			await cache().write('b', DAU, days(50));
			clock = T0 + 3;
			await cache().write('a', DAU, days(1, T0 + 3));
			clock = T0 + 4;
			await cache({ maxBytes: Math.floor(oneSeries * 2.5) }).write('c', DAU, days(50));
			assert.equal((await cache().read('b', DAU)).size, 0);
			assert.equal((await cache().read('a', DAU)).size, 50);
		});

		it('does not keep a single series larger than the cap', async () => {
			const c = cache({ maxBytes: 500 });
			await c.write('p', DAU, days(100));
			assert.equal((await c.read('p', DAU)).size, 0);
			assert.deepEqual(await readdir(dir), []);
		});

		it('drops, unread, a file larger than the cap (a hand-made one)', async () => {
			await cache().write('p', DAU, days(100));
			const c = cache({ maxBytes: 1000 });
			assert.equal((await c.read('p', DAU)).size, 0);
			assert.match(logs[0], /dropped .*: \d+ bytes, larger than the cap of 1000/);
		});

		it('turns the megabytes setting into bytes, with the default for nonsense', () => {
			assert.equal(megabytesToBytes(50), 52_428_800);
			assert.equal(megabytesToBytes(0.5), 524_288);
			for (const bad of [0, -1, Number.NaN, '50', undefined]) assert.equal(megabytesToBytes(bad), DEFAULT_MAX_MEGABYTES * 1024 * 1024);
			assert.equal(cache().maxBytes, 52_428_800);
			for (const bad of [0, -5, Number.NaN]) assert.equal(cache({ maxBytes: bad }).maxBytes, 52_428_800, `cap ${bad}`);
			const c = cache({ maxBytes: 1000 });
			c.setMaxBytes(2000.7);
			assert.equal(c.maxBytes, 2000);
		});
	});
});

describe('normaliseRefreshDays', () => {
	it('keeps whole days ≥ 0 and replaces nonsense with the default', () => {
		assert.deepEqual([0, 1, 3, 7.9, 400].map(normaliseRefreshDays), [0, 1, 3, 7, 400]);
		for (const bad of [-1, Number.NaN, Infinity, '3', null]) assert.equal(normaliseRefreshDays(bad), DEFAULT_REFRESH_DAYS);
	});
});
