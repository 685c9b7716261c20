// A real VS Code 1.100 host: code-server on 127.0.0.1 with throwaway user-data, extensions and workspace folders.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { codeServerInstaller, repoRoot } from './paths';
import type { GroupProcess } from './processGroup';
import { onExitCleanup, startProcessGroup } from './processGroup';

const execFileAsync = promisify(execFile);

export interface CodeServerOptions {
	/** Packaged extensions installed (in order) before the server starts. */
	readonly vsixPaths?: readonly string[];
	/** User settings, merged over quiet defaults (no welcome page, no update checks). */
	readonly settings?: Readonly<Record<string, unknown>>;
	/** User keybindings (keybindings.json entries), e.g. a command with arguments on a key. */
	readonly keybindings?: readonly Readonly<Record<string, unknown>>[];
	/** Files created in the throwaway workspace: relative path → content. */
	readonly workspaceFiles?: Readonly<Record<string, string>>;
	/** Extra environment for code-server and so for its extension host. */
	readonly env?: Readonly<Record<string, string>>;
	/** Print code-server's output lines as they come. */
	readonly echo?: boolean;
}

export interface CodeServerHost {
	/** `http://127.0.0.1:PORT` (no trailing slash). */
	readonly origin: string;
	readonly port: number;
	readonly workspaceDir: string;
	readonly userDataDir: string;
	readonly extensionsDir: string;
	/** The temporary folder holding all of the above; removed by `stop()`. */
	readonly scratchDir: string;
	readonly process: GroupProcess;
	/** The workbench URL with the workspace open, plus extra query parameters. */
	workbenchUrl(query?: Readonly<Record<string, string>>): string;
	/** Stops code-server's process group and removes the scratch folder. */
	stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and deterministic in tests. */
export const quietSettings: Readonly<Record<string, unknown>> = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'security.workspace.trust.enabled': false,
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'git.enabled': false,
};

/** Installs code-server into the versioned cache when missing (minutes, progress logged as it goes), then returns its entry script. */
export async function ensureCodeServer(log: (line: string) => void = (line) => console.log(line)): Promise<string> {
	const child = spawn(process.execPath, [codeServerInstaller], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
	let entry: string | undefined;
	let errors = '';
	child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
	const lines = createInterface({ input: child.stdout });
	lines.on('line', (line) => {
		const found = /^code-server entry: (.+)$/.exec(line);
		if (found) entry = found[1];
		else log(line);
	});
	const [code] = (await once(child, 'close')) as [number | null];
	if (code !== 0 || entry === undefined) throw new Error(`code-server install failed (exit ${code}):\n${errors}`);
	return entry;
}

/** Starts code-server with throwaway folders; the caller must `stop()` it (a `finally` or `after` hook). */
export async function startCodeServer(entry: string, options: CodeServerOptions = {}): Promise<CodeServerHost> {
	const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-code-server-'));
	const removeScratch = (): void => fs.rmSync(scratchDir, { recursive: true, force: true });
	const forgetScratch = onExitCleanup(removeScratch);
	const userDataDir = path.join(scratchDir, 'user-data');
	const extensionsDir = path.join(scratchDir, 'extensions');
	const workspaceDir = path.join(scratchDir, 'workspace');
	for (const dir of [userDataDir, extensionsDir, workspaceDir, path.join(userDataDir, 'User')]) fs.mkdirSync(dir, { recursive: true });
	for (const [relative, content] of Object.entries(options.workspaceFiles ?? {})) {
		const file = path.join(workspaceDir, relative);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, content);
	}
	fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...options.settings }, null, '\t'));
	if (options.keybindings) fs.writeFileSync(path.join(userDataDir, 'User', 'keybindings.json'), JSON.stringify(options.keybindings, null, '\t'));
	const env = hostEnv(scratchDir, options.env);
	const common = ['--config', path.join(scratchDir, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
	try {
		for (const vsix of options.vsixPaths ?? []) await installExtension(entry, vsix, common, env);
		const { process: server, match } = await startProcessGroup(
			process.execPath,
			[entry, ...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspaceDir],
			{ label: 'code-server', env, cwd: scratchDir, ready: /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//, readyTimeoutMs: 60_000, echo: options.echo ?? false },
		);
		const port = Number(match?.[1]);
		const origin = `http://127.0.0.1:${port}`;
		return {
			origin,
			port,
			workspaceDir,
			userDataDir,
			extensionsDir,
			scratchDir,
			process: server,
			workbenchUrl: (query = {}) => `${origin}/?${new URLSearchParams({ folder: workspaceDir, ...query }).toString()}`,
			stop: async () => {
				await server.stop();
				removeScratch();
				forgetScratch();
			},
		};
	} catch (error) {
		removeScratch();
		forgetScratch();
		throw error;
	}
}

/** A folder copied into the extensions dir is not picked up: code-server must install the .vsix itself. */
async function installExtension(entry: string, vsix: string, common: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
	const result = await execFileAsync(process.execPath, [entry, ...common, '--install-extension', vsix], { env, timeout: 120_000 }).catch(
		(error: Error & { stdout?: string; stderr?: string }) => {
			throw new Error(`installing ${vsix} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
		},
	);
	if (!/successfully installed/i.test(result.stdout)) throw new Error(`installing ${vsix} did not report success:\n${result.stdout}${result.stderr}`);
}

/** Our environment minus what would tie the host to another VS Code, with XDG folders inside the scratch folder. */
function hostEnv(scratchDir: string, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE' && !key.startsWith('npm_')) env[key] = value;
	}
	return {
		...env,
		XDG_CONFIG_HOME: path.join(scratchDir, 'xdg-config'),
		XDG_DATA_HOME: path.join(scratchDir, 'xdg-data'),
		// No extension gallery: the workbench would otherwise query open-vsx.org, unreachable offline.
		EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
		...extra,
	};
}
