// Builds what the hosted layers load: the extension bundle, the sandbox CLI, and a packaged .vsix.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';
import { onExitCleanup } from './processGroup';

const execFileAsync = promisify(execFile);

async function runNode(args: readonly string[], what: string): Promise<void> {
	await execFileAsync(process.execPath, [...args], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 }).catch(
		(error: Error & { stdout?: string; stderr?: string }) => {
			throw new Error(`${what} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
		},
	);
}

/** `node esbuild.js` (development: source maps, so in-host stack traces point at src/). */
export async function buildExtension(): Promise<void> {
	await runNode(['esbuild.js'], 'building the extension');
}

/** `node esbuild.js --sandbox-only`: writes out/sandbox-cli.js. */
export async function buildSandbox(): Promise<void> {
	await runNode(['esbuild.js', '--sandbox-only'], 'building the sandbox');
}

export interface PackagedExtension {
	readonly vsixPath: string;
	/** Removes the temporary folder holding the .vsix. */
	dispose(): void;
}

/**
 * What `npm run package` does, into a temporary folder so parallel runs never share a file:
 * a production build, then `vsce package --no-dependencies`.
 */
export async function packageExtension(): Promise<PackagedExtension> {
	await runNode(['esbuild.js', '--production'], 'the production build');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-vsix-'));
	const vsixPath = path.join(dir, 'braze-kpi.vsix');
	const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
	const forget = onExitCleanup(remove);
	const dispose = (): void => {
		remove();
		forget();
	};
	try {
		await runNode([path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsixPath], 'vsce package');
	} catch (error) {
		dispose();
		throw error;
	}
	return { vsixPath, dispose };
}
