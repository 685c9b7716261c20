// The few file operations the day cache needs, injected so that tests and the host choose the implementation.
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';

export interface CacheFileSystem {
	readFile(path: string, encoding: 'utf8'): Promise<string>;
	writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
	rename(from: string, to: string): Promise<void>;
	unlink(path: string): Promise<void>;
	readdir(path: string): Promise<string[]>;
	mkdir(path: string, options: { recursive: true }): Promise<unknown>;
	stat(path: string): Promise<{ size: number; mtimeMs: number }>;
}

/** Node's own `fs/promises`. */
export const nodeFileSystem: CacheFileSystem = { readFile, writeFile, rename, unlink, readdir, mkdir, stat };
