// Installs code-server (a real VS Code host) offline from the npm registry into .cache/code-server-<version>/,
// reusing it when its completion marker is present. Usage: node scripts/code-server/install.mjs [--force]
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireInstallLock } from './installLock.mjs';

/** code-server 4.100.x is the last line that bundles VS Code 1.100 and runs on Node 20. */
export const codeServerVersion = '4.100.3';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where this version lives; the folder name is keyed by version so an upgrade never reuses a stale install. */
export function codeServerHome(root = repoRoot) {
	return join(root, '.cache', `code-server-${codeServerVersion}`);
}

/** The file code-server's own `bin` points at. */
export function codeServerEntry(root = repoRoot) {
	return join(codeServerHome(root), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Written last, so a half install (killed, failed) is redone from scratch. */
export function codeServerMarker(root = repoRoot) {
	return join(codeServerHome(root), '.install-complete.json');
}

/** Native modules we never build: kerberos needs libkrb5-dev, and nothing we run needs it. */
const skippedNativeModules = new Set(['kerberos']);

/**
 * Makes sure code-server is installed; returns the path of its entry script.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 */
export async function ensureCodeServer(options = {}) {
	const log = options.log ?? ((line) => console.log(line));
	if (!options.force && isInstalled()) {
		log(`code-server ${codeServerVersion}: reusing ${codeServerHome()}`);
		return codeServerEntry();
	}
	mkdirSync(dirname(codeServerHome()), { recursive: true });
	const release = await acquireInstallLock(`${codeServerHome()}.lock`, log);
	try {
		// Another process may have finished the install while we waited for the lock.
		if (!options.force && isInstalled()) {
			log(`code-server ${codeServerVersion}: reusing ${codeServerHome()}`);
			return codeServerEntry();
		}
		await install(log);
		return codeServerEntry();
	} finally {
		release();
	}
}

function isInstalled() {
	return existsSync(codeServerMarker()) && existsSync(codeServerEntry());
}

async function install(log) {
	const home = codeServerHome();
	const pkg = join(home, 'node_modules', 'code-server');
	const vscodeDir = join(pkg, 'lib', 'vscode');
	const logPath = join(dirname(home), `code-server-${codeServerVersion}-install.log`);
	rmSync(home, { recursive: true, force: true });
	mkdirSync(home, { recursive: true });
	writeFileSync(join(home, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, '\t'));
	const logStream = createWriteStream(logPath);
	const env = installEnv(log);
	const started = Date.now();
	log(`code-server ${codeServerVersion}: installing into ${home} (npm output: ${logPath})`);
	const step = async (title, cwd, args, extraEnv = {}) => {
		const t0 = Date.now();
		await runNpm(args, cwd, { ...env, ...extraEnv }, logStream, logPath);
		log(`  ${title}: ${seconds(Date.now() - t0)}`);
	};
	try {
		await step('fetch code-server (no scripts)', home, ['install', `code-server@${codeServerVersion}`, '--ignore-scripts', '--no-audit', '--no-fund']);
		await step('fetch VS Code dependencies (no scripts)', vscodeDir, ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
		prepareRipgrep(vscodeDir, log);
		const natives = nativeModules(join(vscodeDir, 'node_modules'));
		log(`  native modules to build: ${natives.join(', ')} (skipped: ${[...skippedNativeModules].join(', ')})`);
		// node-pty's install script calls `npx node-gyp`, which must not stop to ask.
		await step('build VS Code native modules', vscodeDir, ['rebuild', ...natives], { npm_config_yes: 'true' });
		// argon2 would first try to download a prebuilt binary from outside npm.
		await step('build argon2', home, ['rebuild', 'argon2'], { npm_config_build_from_source: 'true' });
		await step('install built-in extensions dependencies', join(vscodeDir, 'extensions'), ['install', '--omit=dev', '--no-audit', '--no-fund']);
		linkLikePostinstall(vscodeDir);
		checkVersion();
	} finally {
		await new Promise((done) => logStream.end(done));
	}
	const total = Date.now() - started;
	writeFileSync(codeServerMarker(), JSON.stringify({ version: codeServerVersion, node: process.version, installedAt: new Date().toISOString(), seconds: total / 1000 }, null, '\t'));
	log(`code-server ${codeServerVersion}: installed in ${seconds(total)}`);
}

/** Node headers come from the local Node install, never from a download. */
function installEnv(log) {
	const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
	const prefix = dirname(dirname(process.execPath));
	if (existsSync(join(prefix, 'include', 'node', 'node.h'))) {
		env.npm_config_nodedir = prefix;
	} else {
		log(`  warning: no Node headers under ${prefix}/include/node; node-gyp may try to download them`);
	}
	return env;
}

function runNpm(args, cwd, env, logStream, logPath) {
	logStream.write(`\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
	return new Promise((done, fail) => {
		const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout.pipe(logStream, { end: false });
		child.stderr.pipe(logStream, { end: false });
		child.on('error', fail);
		child.on('close', (code) => {
			if (code === 0) {
				done();
				return;
			}
			const tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
			fail(new Error(`npm ${args.join(' ')} failed with exit code ${code} in ${cwd}\n${tail}`));
		});
	});
}

/** @vscode/ripgrep skips its download when bin/ exists; we link a system rg when there is one. */
function prepareRipgrep(vscodeDir, log) {
	const bin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
	mkdirSync(bin, { recursive: true });
	const systemRg = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'rg')).find((candidate) => existsSync(candidate));
	if (systemRg) {
		symlinkSync(systemRg, join(bin, 'rg'));
		log(`  ripgrep: linked ${systemRg}`);
	} else {
		log('  ripgrep: none on this machine; text search in the workbench is unavailable (not needed by tests)');
	}
}

/** Top-level packages that build or fetch something at install time, minus the ones we skip. */
function nativeModules(nodeModules) {
	const names = [];
	for (const entry of readdirSync(nodeModules)) {
		const scoped = entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`) : [entry];
		for (const name of scoped) {
			const dir = join(nodeModules, name);
			const manifestPath = join(dir, 'package.json');
			if (!existsSync(manifestPath) || skippedNativeModules.has(name)) continue;
			const scripts = JSON.parse(readFileSync(manifestPath, 'utf8')).scripts ?? {};
			if (existsSync(join(dir, 'binding.gyp')) || scripts.preinstall || scripts.install || scripts.postinstall) names.push(name);
		}
	}
	return names.sort();
}

/** What code-server's postinstall.sh does after its npm installs. */
function linkLikePostinstall(vscodeDir) {
	const link = (target, path) => {
		rmSync(path, { recursive: true, force: true });
		symlinkSync(target, path);
	};
	link('node_modules', join(vscodeDir, 'node_modules.asar'));
	link('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
	link('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
}

/** Runs `code-server --version` with throwaway config and data folders, so nothing lands in the user's home. */
function checkVersion() {
	const scratch = mkdtempSync(join(tmpdir(), 'code-server-version-'));
	try {
		const result = spawnSync(process.execPath, [codeServerEntry(), '--config', join(scratch, 'config.yaml'), '--version'], {
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch },
		});
		if (result.status !== 0 || !result.stdout.split('\n').some((line) => line.startsWith(`${codeServerVersion} `))) {
			throw new Error(`code-server --version failed: ${result.stdout}${result.stderr}`);
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	ensureCodeServer({ force: process.argv.includes('--force') }).then(
		(entry) => console.log(`code-server entry: ${entry}`),
		(error) => {
			console.error(error instanceof Error ? error.message : error);
			process.exit(1);
		},
	);
}
