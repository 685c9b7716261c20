// `npm run demo [-- --port <n>]`: builds and packages the extension, installs code-server if needed, starts the Braze
// sandbox and code-server (the extension installed, `braze.restEndpoint` pointing at the sandbox), prints the URL to
// open, and runs until Ctrl-C, which stops everything. Opens no browser by itself. Nothing outside 127.0.0.1.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { ensureCodeServer } from './code-server/install.mjs';
import { startGroup } from './code-server/launch.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vsixPath = join(repoRoot, 'dist-vsix', 'braze-kpi.vsix');
const demoKey = 'demo-key';
const demoDevKey = 'sandbox-dev-only-dau+mau';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
	console.log('Usage: npm run demo [-- --port <n>]\n  --port  code-server port on 127.0.0.1 (default 0: a free port)');
	process.exit(0);
}
if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) {
	console.error('--port must be a whole number from 0 to 65535');
	process.exit(2);
}

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'braze-demo-'));
const groups = [];
let stopping = false;

/** Stops every child group (code-server first), removes the scratch folder, exits. */
async function shutdown(code, reason) {
	if (stopping) return;
	stopping = true;
	if (reason) console.log(`\n${reason}`);
	for (const group of groups.reverse()) await group.stop();
	rmSync(scratch, { recursive: true, force: true });
	console.log('Stopped code-server and the sandbox.');
	process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		if (stopping) process.exit(130);
		void shutdown(0, `${signal}: stopping…`);
	});
}

function step(title) {
	const t0 = Date.now();
	process.stdout.write(`${title}… `);
	return () => console.log(`done (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** Runs a command to completion, its output shown only when it fails. */
function run(command, args, options = {}) {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', fail);
		child.on('close', (code) => (code === 0 ? done(output) : fail(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`))));
	});
}

/** Our environment minus what would tie code-server to another VS Code, with its XDG folders in the scratch folder. */
function hostEnv() {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VSCODE_') && !key.startsWith('npm_') && key !== 'ELECTRON_RUN_AS_NODE'));
	return { ...env, XDG_CONFIG_HOME: join(scratch, 'xdg-config'), XDG_DATA_HOME: join(scratch, 'xdg-data'), EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }) };
}

/** "Braze: Set API Key" and friends, as the palette shows them (from the manifest and its English strings). */
function paletteTitle(commandId, fallback) {
	try {
		const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
		const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
		const command = manifest.contributes?.commands?.find((c) => c.command === commandId);
		if (!command) return fallback;
		const localize = (text) => text.replace(/^%(.+)%$/, (_, key) => nls[key] ?? text);
		return command.category ? `${localize(command.category)}: ${localize(command.title)}` : localize(command.title);
	} catch {
		return fallback;
	}
}

async function main() {
	console.log('Braze KPI demo');
	const entry = await ensureCodeServer({ log: (line) => console.log(`  ${line}`) });

	let done = step('Building and packaging the extension (npm run package)');
	await run('npm', ['run', '--silent', 'package']);
	done();
	done = step('Building the Braze sandbox');
	await run(process.execPath, ['esbuild.js', '--sandbox-only']);
	done();

	const hints = [];
	const apps = [];
	let appsListed;
	const appsSeen = new Promise((resolve) => (appsListed = resolve));
	const sandbox = await startGroup(process.execPath, [join(repoRoot, 'out', 'sandbox-cli.js'), '--port', '0'], {
		label: 'sandbox',
		cwd: repoRoot,
		ready: /^Braze sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/,
		onLine: (line) => {
			// The sandbox's own "Ctrl+C stops." is left out: the demo says it once, at the end.
			if (/^(Apps|Any non-empty)/.test(line)) hints.push(line.replace(/\s*Ctrl\+C stops\.?\s*$/, ''));
			if (line.startsWith('Apps: ')) {
				apps.push(...sandboxApps(line));
				appsListed();
			}
		},
	});
	groups.push(sandbox.group);
	const sandboxUrl = sandbox.match[1];
	// The apps line comes on stderr, the URL on stdout: wait a moment for it (without it the prompts show identifiers).
	await Promise.race([appsSeen, new Promise((resolve) => setTimeout(resolve, 5000))]);

	const userData = join(scratch, 'user-data');
	const extensions = join(scratch, 'extensions');
	const workspace = join(scratch, 'workspace');
	for (const dir of [join(userData, 'User'), extensions, workspace]) mkdirSync(dir, { recursive: true });
	// Two Braze workspaces on one host, as a company has Production and Development: the sandbox tells them apart by key.
	const connections = [
		{ name: 'Sandbox', endpoint: sandboxUrl },
		{ name: 'Sandbox dev', endpoint: sandboxUrl },
	];
	// The sandbox's apps by name, so that prompts, tabs and legends read "Sandbox Shop (iOS)" rather than an identifier.
	const settings = { 'braze.connections': connections, 'braze.apps': apps, 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false };
	writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, '\t'));
	const common = ['--config', join(scratch, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];
	const env = hostEnv();

	done = step('Installing the .vsix into a throwaway code-server profile');
	await promisify(execFile)(process.execPath, [entry, ...common, '--install-extension', vsixPath], { env });
	done();

	const server = await startGroup(
		process.execPath,
		[entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${values.port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace],
		{ label: 'code-server', env, cwd: scratch, ready: /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\// },
	);
	groups.push(server.group);
	const url = `${server.match[1]}/?${new URLSearchParams({ folder: workspace })}`;
	for (const group of groups) void group.exited.then((code) => shutdown(1, `${group.label} exited unexpectedly (code ${code}).`));

	console.log(`
Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.

  Open      ${url}
  Then      F1 → "${paletteTitle('braze.setApiKey', 'Braze: Set API Key')}" and type the key: ${demoKey}
            F1 → "${paletteTitle('braze.showDau', 'Braze: Show DAU')}"
            The status bar's "Sandbox" switches to "Sandbox dev"; its key: ${demoDevKey} (a tenth of the users,
            and only DAU and MAU: Verify Connection shows it)
  Sandbox   ${sandboxUrl}  (both connections point here; any non-empty key works)
${hints.map((line) => `            ${line}`).join('\n')}

Ctrl-C stops everything.`);
}

main().catch((error) => {
	console.error(`\n${error instanceof Error ? error.message : error}`);
	void shutdown(1);
});

/** The sandbox's "Apps: <name> <id>, <name> <id>…" line as `braze.apps` entries. */
function sandboxApps(line) {
	return [...line.slice('Apps: '.length).matchAll(/\s*(.+?) ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:,|$)/g)].map(([, name, appId]) => ({ name, appId }));
}
