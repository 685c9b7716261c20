// Paths and file walking for tests that read the repository itself.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/…). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function readJson(relativePath: string): unknown {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8')) as unknown;
}

/** Every file under `relativeDir` whose name ends with `suffix`, as repository-relative paths. */
export function listFiles(relativeDir: string, suffix: string): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
			const child = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(child);
			else if (entry.name.endsWith(suffix)) found.push(child);
		}
	};
	walk(relativeDir);
	return found.sort();
}
