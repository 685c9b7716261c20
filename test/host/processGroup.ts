// Child processes in their own process groups, so that a whole tree (code-server, its extension host, the sandbox)
// is stopped by one signal to -pid, including when a test fails or the runner is interrupted.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface StartOptions {
	/** Names the process in errors and echoed lines. */
	readonly label: string;
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	/** Resolve only once a line of stdout or stderr matches. */
	readonly ready?: RegExp;
	readonly readyTimeoutMs?: number;
	/** Print each output line to our stdout, prefixed by the label. */
	readonly echo?: boolean;
}

export interface GroupProcess {
	readonly label: string;
	readonly pid: number;
	/** The output so far (stdout and stderr interleaved), capped to its last 256 KiB. */
	output(): string;
	/** Settles when the group leader exits, with its exit code (null when killed by a signal). */
	readonly exited: Promise<number | null>;
	/** SIGTERM to the group, then SIGKILL after `graceMs` if anything in it is still alive. */
	stop(graceMs?: number): Promise<void>;
}

export interface StartedGroup {
	readonly process: GroupProcess;
	/** The `ready` match, when `ready` was given. */
	readonly match: RegExpMatchArray | undefined;
}

const outputCap = 256 * 1024;
const liveGroups = new Map<number, GroupProcess>();
const exitCleanups = new Set<() => void>();
const interruptHooks = new Set<() => Promise<void>>();
let handlersInstalled = false;

/** Env var naming a folder where each live group leaves a `<pid>` file, so a runner can reap what a killed test left. */
export const pidDirVariable = 'BRAZE_HOST_PID_DIR';

/** Starts `command` detached (pid = process group id) and waits for its `ready` line, failing if it exits first. */
export async function startProcessGroup(command: string, args: readonly string[], options: StartOptions): Promise<StartedGroup> {
	installCleanupHandlers();
	const child = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const pid = child.pid;
	if (pid === undefined) {
		const error = await new Promise<Error>((resolve) => child.once('error', resolve));
		throw new Error(`${options.label}: cannot start ${command}: ${error.message}`);
	}
	let output = '';
	let pending = '';
	const lineListeners = new Set<(line: string) => void>();
	const onData = (chunk: Buffer): void => {
		const text = chunk.toString('utf8');
		output = (output + text).slice(-outputCap);
		pending += text;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			if (options.echo) process.stdout.write(`[${options.label}] ${line}\n`);
			for (const listener of lineListeners) listener(line);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const group: GroupProcess = {
		label: options.label,
		pid,
		output: () => output,
		exited,
		stop: (graceMs = 5_000) => stopGroup(pid, graceMs),
	};
	liveGroups.set(pid, group);
	writePidFile(pid);

	if (!options.ready) return { process: group, match: undefined };
	const ready = options.ready;
	const timeoutMs = options.readyTimeoutMs ?? 60_000;
	try {
		const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${options.label}: not ready after ${timeoutMs} ms`)), timeoutMs);
			const listener = (line: string): void => {
				const found = line.match(ready);
				if (!found) return;
				clearTimeout(timer);
				resolve(found);
			};
			lineListeners.add(listener);
			void exited.then((code) => {
				clearTimeout(timer);
				reject(new Error(`${options.label}: exited with code ${code} before it was ready`));
			});
		});
		lineListeners.clear();
		return { process: group, match };
	} catch (error) {
		await group.stop(1_000);
		const tail = output.split('\n').slice(-30).join('\n');
		throw new Error(`${(error as Error).message}\n--- last output of ${options.label} ---\n${tail}`);
	}
}

/**
 * Runs `cleanup` (synchronous: say, removing a temporary folder) if this process exits, or is interrupted, before
 * the returned function is called; call it once the normal teardown has done the job.
 */
export function onExitCleanup(cleanup: () => void): () => void {
	installCleanupHandlers();
	exitCleanups.add(cleanup);
	return () => void exitCleanups.delete(cleanup);
}

/** Runs `hook` when this process is interrupted (SIGINT/SIGTERM/SIGHUP), alongside stopping the groups, before it exits. */
export function onInterrupt(hook: () => Promise<void>): () => void {
	installCleanupHandlers();
	interruptHooks.add(hook);
	return () => void interruptHooks.delete(hook);
}

/** Stops every group this process started (tests call it from their `after` hook as a safety net). */
export async function stopAllGroups(): Promise<void> {
	await Promise.all([...liveGroups.values()].map((group) => group.stop()));
}

async function stopGroup(pid: number, graceMs: number): Promise<void> {
	signalGroup(pid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
	if (groupAlive(pid)) {
		signalGroup(pid, 'SIGKILL');
		const killDeadline = Date.now() + 5_000;
		while (groupAlive(pid) && Date.now() < killDeadline) await sleep(50);
	}
	liveGroups.delete(pid);
	removePidFile(pid);
}

/** Sends `signal` to the group `pid`; false when no such group is left. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
	try {
		process.kill(-pid, signal);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
		throw error;
	}
}

/** Whether any process of group `pid` is still alive (a zombie leader counts until we reap it). */
export function groupAlive(pid: number): boolean {
	return signalGroup(pid, 0 as unknown as NodeJS.Signals);
}

/** On exit, kill what is left; on SIGINT/SIGTERM/SIGHUP, stop everything gracefully, then exit (a second signal kills at once). */
function installCleanupHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.once('exit', () => {
		for (const pid of liveGroups.keys()) {
			signalGroup(pid, 'SIGKILL');
			removePidFile(pid);
		}
		for (const cleanup of exitCleanups) {
			try {
				cleanup();
			} catch {
				// Exiting anyway: one failed cleanup must not stop the others.
			}
		}
	});
	let stopping = false;
	const onSignal = (signal: NodeJS.Signals): void => {
		if (stopping) process.exit(130);
		stopping = true;
		process.stderr.write(`\n${signal}: stopping ${liveGroups.size} process group(s) and cleaning up…\n`);
		void Promise.allSettled([stopAllGroups(), ...[...interruptHooks].map((hook) => hook())]).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
}

function writePidFile(pid: number): void {
	const dir = process.env[pidDirVariable];
	if (dir) fs.writeFileSync(path.join(dir, String(pid)), '');
}

function removePidFile(pid: number): void {
	const dir = process.env[pidDirVariable];
	if (dir) fs.rmSync(path.join(dir, String(pid)), { force: true });
}

/** Kills the groups that processes started with `pidDir` left behind (say, a test file killed by a timeout). */
export function reapLeftoverGroups(pidDir: string): number[] {
	const reaped: number[] = [];
	for (const name of fs.existsSync(pidDir) ? fs.readdirSync(pidDir) : []) {
		const pid = Number(name);
		if (Number.isInteger(pid) && pid > 1 && signalGroup(pid, 'SIGKILL')) reaped.push(pid);
		fs.rmSync(path.join(pidDir, name), { force: true });
	}
	return reaped;
}
