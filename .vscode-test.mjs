// Optional desktop runner for people with internet access: `npx @vscode/test-cli` (it downloads VS Code 1.100.3
// through @vscode/test-electron, which is why our offline default is code-server: `node out/test/host/runIntegration.js`).
// It runs the same compiled in-host tests (out/test/integration/**/*.test.js, mocha TDD interface) against a Braze
// sandbox started here, with `braze.restEndpoint` set in a throwaway workspace. Build first:
// `npx tsc -p tsconfig.test.json && node esbuild.js --sandbox`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = dirname(fileURLToPath(import.meta.url));

/** Starts out/sandbox-cli.js on a free loopback port; resolves with its URL. Killed when this process exits. */
function startSandbox() {
	const sandbox = spawn(process.execPath, [join(repoRoot, 'out', 'sandbox-cli.js'), '--port', '0'], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
	process.once('exit', () => {
		try {
			process.kill(-sandbox.pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	});
	return new Promise((resolve, reject) => {
		let output = '';
		sandbox.once('exit', (code) => reject(new Error(`the Braze sandbox exited (code ${code}); run \`node esbuild.js --sandbox-only\` first`)));
		sandbox.stdout.on('data', (chunk) => {
			output += chunk;
			const match = /Braze sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) resolve(match[1]);
		});
	});
}

const sandboxUrl = await startSandbox();
const workspaceFolder = mkdtempSync(join(tmpdir(), 'braze-desktop-tests-'));
process.once('exit', () => rmSync(workspaceFolder, { recursive: true, force: true }));
mkdirSync(join(workspaceFolder, '.vscode'));
writeFileSync(join(workspaceFolder, '.vscode', 'settings.json'), JSON.stringify({ 'braze.restEndpoint': sandboxUrl }, null, '\t'));

// @vscode/test-cli reads this file's default export (the tool's convention, hence the exception to our no-default-exports rule).
export default {
	label: 'in-host (desktop VS Code)',
	files: 'out/test/integration/**/*.test.js',
	version: '1.100.3',
	workspaceFolder,
	extensionDevelopmentPath: repoRoot,
	launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
	env: { BRAZE_SANDBOX_URL: sandboxUrl },
	mocha: { ui: 'tdd', timeout: 30_000, color: true },
};
