// Least-recently-used eviction: which series go when the cache is over its size cap. Pure.

/** One series of one partition file, as eviction sees it. */
export interface EvictionCandidate {
	readonly fileName: string;
	readonly keyText: string;
	/** Epoch ms of its last read or write. */
	readonly lastUsed: number;
	/** Its share of its file, in bytes. */
	readonly bytes: number;
}

/** The series to drop, least recently used first, until `totalBytes` minus theirs is at most `maxBytes`. */
export function chooseEvictions(candidates: readonly EvictionCandidate[], totalBytes: number, maxBytes: number): EvictionCandidate[] {
	const chosen: EvictionCandidate[] = [];
	let total = totalBytes;
	for (const candidate of [...candidates].sort((a, b) => a.lastUsed - b.lastUsed)) {
		if (total <= maxBytes) break;
		chosen.push(candidate);
		total -= candidate.bytes;
	}
	return chosen;
}

/** The default of `braze.cache.maxMegabytes`. */
export const DEFAULT_MAX_MEGABYTES = 50;

/** A size cap in bytes from a megabytes setting that may have been hand-edited: a positive number, else the default. */
export function megabytesToBytes(megabytes: unknown): number {
	const mb = typeof megabytes === 'number' && Number.isFinite(megabytes) && megabytes > 0 ? megabytes : DEFAULT_MAX_MEGABYTES;
	return Math.floor(mb * 1024 * 1024);
}
