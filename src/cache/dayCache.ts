// The day cache: per partition (a connection) and per series, the days Braze answered and when. One JSON file per
// partition in a folder of its own, written atomically, capped in size with least-recently-used eviction. Plain
// TypeScript: the file system, the clock and the log are injected. It holds values only, never a key.
import { join } from 'node:path';
import type { CachedDay, SeriesKey } from './cachedDay';
import { seriesKeyText } from './cachedDay';
import type { CachedSeriesEntry, PartitionContent } from './cacheFile';
import { isPartitionFileName, isTempFileName, parsePartition, partitionFileName, serialiseEntry, serialisePartition } from './cacheFile';
import { CacheClearError, errorCode } from './errors';
import type { EvictionCandidate } from './eviction';
import { chooseEvictions, megabytesToBytes } from './eviction';
import type { CacheFileSystem } from './fileSystem';
import { nodeFileSystem } from './fileSystem';

export interface DayCacheOptions {
	/** A folder of the cache's own (e.g. `<globalStorage>/day-cache`); created on the first write. */
	readonly directory: string;
	/** The size cap; default 50 MB (see `megabytesToBytes`). */
	readonly maxBytes?: number;
	readonly now?: () => Date;
	/** One English line per event worth knowing (a file dropped, a write failed, an eviction); never a value. */
	readonly log?: (line: string) => void;
	readonly fileSystem?: CacheFileSystem;
}

/**
 * Reads and writes never reject: a missing, unreadable, corrupt or foreign file reads as empty (and a damaged one is
 * deleted, with a log line); a failed write is logged and forgotten, as a cache may always be refetched.
 * Only `clear` and `dropPartition` reject (CacheClearError), because then the user asked for something that did not happen.
 */
export class DayCache {
	readonly directory: string;
	#maxBytes: number;
	readonly #now: () => Date;
	readonly #log: (line: string) => void;
	readonly #fs: CacheFileSystem;
	/** Operations run one at a time, so a read never sees half a write and two writes never interleave. */
	#queue: Promise<unknown> = Promise.resolve();
	/** Reads since the last write of each file: file name → series key → epoch ms, applied on its next write. */
	readonly #touches = new Map<string, Map<string, number>>();
	/** Counts drops and clears: a write that began before one of its partition is stale and skipped. */
	#changes = 0;
	#clearedAt = 0;
	readonly #droppedAt = new Map<string, number>();
	/** The last content read or written of each file, reused while the file's size and time are unchanged (no other window wrote it). */
	readonly #memo = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly content: PartitionContent }>();

	constructor(options: DayCacheOptions) {
		this.directory = options.directory;
		this.#maxBytes = saneMaxBytes(options.maxBytes);
		this.#now = options.now ?? ((): Date => new Date());
		this.#log = options.log ?? ((): void => undefined);
		this.#fs = options.fileSystem ?? nodeFileSystem;
	}

	get maxBytes(): number {
		return this.#maxBytes;
	}

	/** Changes the cap (the setting changed); applied on the next write. */
	setMaxBytes(maxBytes: number): void {
		this.#maxBytes = saneMaxBytes(maxBytes);
	}

	/** The cached days of one series, empty when there are none. */
	read(partitionId: string, key: SeriesKey): Promise<Map<string, CachedDay>> {
		return this.#serial(async () => {
			const fileName = partitionFileName(partitionId);
			const content = await this.#load(fileName);
			const entry = content ? findEntry(content, key) : undefined;
			if (!entry) return new Map<string, CachedDay>();
			this.#touch(fileName, seriesKeyText(key));
			return new Map(entry.days);
		});
	}

	/**
	 * A number that changes when the partition is dropped or the cache cleared. Take it before fetching and pass it to
	 * `write`: days fetched with a key that has since been replaced are then not written into the new key's partition.
	 */
	generation(partitionId: string): number {
		return Math.max(this.#clearedAt, this.#droppedAt.get(partitionId) ?? 0);
	}

	/**
	 * Adds days to one series; a day already cached is replaced unless the cached fetch is newer. Then enforces the cap.
	 * Skipped when `generation` is given and the partition was dropped or the cache cleared since it was taken.
	 */
	write(partitionId: string, key: SeriesKey, days: Iterable<readonly [string, CachedDay]>, generation?: number): Promise<void> {
		return this.#serial(async () => {
			if (generation !== undefined && generation !== this.generation(partitionId)) {
				this.#log('Day cache: skipped the days of a fetch that began before its connection was dropped or the cache cleared');
				return;
			}
			const fileName = partitionFileName(partitionId);
			const content = (await this.#load(fileName)) ?? { partitionId, series: [] };
			let entry = findEntry(content, key);
			if (!entry) {
				entry = { metric: key.metric, appId: key.appId, lastUsed: 0, days: new Map() };
				content.series.push(entry);
			}
			for (const [date, day] of days) {
				const held = entry.days.get(date);
				if (!held || held.fetchedAt <= day.fetchedAt) entry.days.set(date, day);
			}
			this.#touch(fileName, seriesKeyText(key));
			await this.#save(fileName, content);
			await this.#enforceCap();
		});
	}

	/** Forgets one partition (its connection's key changed, or it was removed). Rejects with CacheClearError. */
	dropPartition(partitionId: string): Promise<void> {
		// Counted at the call, not when the queue reaches it: a write queued before it but begun earlier is already stale.
		this.#droppedAt.set(partitionId, ++this.#changes);
		return this.#serial(async () => {
			const fileName = partitionFileName(partitionId);
			this.#touches.delete(fileName);
			await this.#delete(fileName);
		});
	}

	/** Forgets every partition; only the cache's own files are touched. Rejects with CacheClearError naming the first file left. */
	clear(): Promise<void> {
		this.#clearedAt = ++this.#changes;
		return this.#serial(async () => {
			this.#touches.clear();
			let firstFailure: CacheClearError | null = null;
			for (const name of await this.#list()) {
				if (!isPartitionFileName(name) && !isTempFileName(name)) continue;
				try {
					await this.#delete(name);
				} catch (error) {
					firstFailure ??= error instanceof CacheClearError ? error : new CacheClearError(join(this.directory, name), errorCode(error), { cause: error });
				}
			}
			if (firstFailure) throw firstFailure;
		});
	}

	/** Resolves once every operation asked for so far is done (before the extension stops, or to measure). */
	async flush(): Promise<void> {
		await this.#serial(() => Promise.resolve());
	}

	/** Bytes on disk of every partition file. */
	sizeBytes(): Promise<number> {
		return this.#serial(async () => (await this.#sizes()).reduce((sum, s) => sum + s.bytes, 0));
	}

	#serial<T>(operation: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(operation, operation);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	#touch(fileName: string, keyText: string): void {
		let byKey = this.#touches.get(fileName);
		if (!byKey) this.#touches.set(fileName, (byKey = new Map<string, number>()));
		byKey.set(keyText, this.#now().getTime());
	}

	#lastUsed(fileName: string, entry: CachedSeriesEntry): number {
		return Math.max(entry.lastUsed, this.#touches.get(fileName)?.get(seriesKeyText(entry)) ?? 0);
	}

	/** The partition in `fileName`, or null when there is none or it cannot be used (a damaged or foreign one is deleted). */
	async #load(fileName: string): Promise<PartitionContent | null> {
		const path = join(this.directory, fileName);
		let text: string;
		let size: number;
		let mtimeMs: number;
		try {
			({ size, mtimeMs } = await this.#fs.stat(path));
			const memo = this.#memo.get(fileName);
			if (memo && memo.size === size && memo.mtimeMs === mtimeMs) return memo.content;
			if (size > this.#maxBytes) return await this.#drop(fileName, `${size} bytes, larger than the cap of ${this.#maxBytes}`);
			text = await this.#fs.readFile(path, 'utf8');
		} catch (error) {
			this.#memo.delete(fileName);
			if (errorCode(error) !== 'ENOENT') this.#log(`Day cache: could not read ${fileName} (${errorCode(error) ?? String(error)}); using the network instead`);
			return null;
		}
		const parsed = parsePartition(text, fileName);
		if (!parsed.ok) return this.#drop(fileName, parsed.problem);
		this.#memo.set(fileName, { size, mtimeMs, content: parsed.content });
		return parsed.content;
	}

	async #drop(fileName: string, problem: string): Promise<null> {
		this.#log(`Day cache: dropped ${fileName}: ${problem}`);
		this.#touches.delete(fileName);
		this.#memo.delete(fileName);
		try {
			await this.#fs.unlink(join(this.directory, fileName));
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') this.#log(`Day cache: could not delete ${fileName} (${errorCode(error) ?? String(error)})`);
		}
		return null;
	}

	/** Writes a temporary file, then renames it over the partition: a crash leaves the old file or the new one, never half. */
	async #save(fileName: string, content: PartitionContent): Promise<void> {
		const touches = this.#touches.get(fileName);
		for (const entry of content.series) entry.lastUsed = this.#lastUsed(fileName, entry);
		if (content.series.length === 0) {
			await this.#delete(fileName).catch((error: unknown) => this.#log(`Day cache: could not delete ${fileName} (${String(error)})`));
			return;
		}
		const path = join(this.directory, fileName);
		const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
		try {
			await this.#fs.mkdir(this.directory, { recursive: true });
			await this.#fs.writeFile(temp, serialisePartition(content), 'utf8');
			await this.#fs.rename(temp, path);
			touches?.clear();
			const { size, mtimeMs } = await this.#fs.stat(path);
			this.#memo.set(fileName, { size, mtimeMs, content });
		} catch (error) {
			// The content in hand was changed but not written: never reuse it.
			this.#memo.delete(fileName);
			this.#log(`Day cache: could not write ${fileName} (${errorCode(error) ?? String(error)}); the data stays uncached`);
			await this.#fs.unlink(temp).catch(() => undefined);
		}
	}

	async #delete(fileName: string): Promise<void> {
		const path = join(this.directory, fileName);
		this.#memo.delete(fileName);
		try {
			await this.#fs.unlink(path);
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') throw new CacheClearError(path, errorCode(error), { cause: error });
		}
	}

	async #list(): Promise<string[]> {
		try {
			return await this.#fs.readdir(this.directory);
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') this.#log(`Day cache: could not list ${this.directory} (${errorCode(error) ?? String(error)})`);
			return [];
		}
	}

	async #sizes(): Promise<{ fileName: string; bytes: number }[]> {
		const sizes: { fileName: string; bytes: number }[] = [];
		for (const fileName of (await this.#list()).filter(isPartitionFileName)) {
			try {
				sizes.push({ fileName, bytes: (await this.#fs.stat(join(this.directory, fileName))).size });
			} catch {
				// Deleted meanwhile (another window): nothing to count.
			}
		}
		return sizes;
	}

	/** Drops the least recently used series, across partitions, until the files fit the cap. */
	async #enforceCap(): Promise<void> {
		const sizes = await this.#sizes();
		const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
		if (total <= this.#maxBytes) return;
		const contents = new Map<string, PartitionContent>();
		const candidates: EvictionCandidate[] = [];
		for (const { fileName } of sizes) {
			const content = await this.#load(fileName);
			if (!content) continue;
			contents.set(fileName, content);
			for (const entry of content.series) {
				const bytes = Buffer.byteLength(JSON.stringify(serialiseEntry(entry)), 'utf8') + 1;
				candidates.push({ fileName, keyText: seriesKeyText(entry), lastUsed: this.#lastUsed(fileName, entry), bytes });
			}
		}
		const evicted = chooseEvictions(candidates, total, this.#maxBytes);
		for (const fileName of new Set(evicted.map((e) => e.fileName))) {
			const content = contents.get(fileName);
			if (!content) continue;
			const gone = new Set(evicted.filter((e) => e.fileName === fileName).map((e) => e.keyText));
			const kept = { partitionId: content.partitionId, series: content.series.filter((e) => !gone.has(seriesKeyText(e))) };
			for (const keyText of gone) this.#touches.get(fileName)?.delete(keyText);
			await this.#save(fileName, kept);
		}
		this.#log(`Day cache: ${total} bytes, over the cap of ${this.#maxBytes}: dropped the ${evicted.length} least recently used series`);
	}
}

/** A positive byte count, else the default cap: a cap of 0 or NaN would silently empty the cache on every write. */
function saneMaxBytes(maxBytes: number | undefined): number {
	return maxBytes !== undefined && Number.isFinite(maxBytes) && maxBytes > 0 ? Math.floor(maxBytes) : megabytesToBytes(undefined);
}

function findEntry(content: PartitionContent, key: SeriesKey): CachedSeriesEntry | undefined {
	return content.series.find((e) => e.metric === key.metric && e.appId === key.appId);
}
