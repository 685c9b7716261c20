// Where things are, computed from this file's compiled location (out/test/host/) so that any cwd works.
import * as path from 'node:path';

/** The repository root: out/test/host/ is three levels below it. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Screenshots and logs kept as artefacts (git-ignored). */
export const testResultsDir = path.join(repoRoot, 'test-results');

/** The compiled in-host test entry that the workbench loads into the extension host. */
export const integrationEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

/** code-server's offline installer; prints `code-server entry: <path>` last. */
export const codeServerInstaller = path.join(repoRoot, 'scripts', 'code-server', 'install.mjs');

/** The Braze sandbox CLI, built by `node esbuild.js --sandbox-only`. */
export const sandboxCli = path.join(repoRoot, 'out', 'sandbox-cli.js');

/** The extension's id as `publisher.name`. */
export const extensionId = 'braze-kpi-tools.braze-kpi';
