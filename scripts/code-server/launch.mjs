// Starting and stopping long-running children (code-server, the sandbox) for the plain-JS scripts (the demo).
// Each child leads its own process group, so one signal to -pid stops its whole tree.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spawns `command` detached and resolves once a stdout/stderr line matches `ready` (rejects if it exits first).
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ label: string, ready: RegExp, env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs?: number, onLine?: (line: string) => void }} options
 */
export async function startGroup(command, args, options) {
	const child = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const group = {
		label: options.label,
		pid: child.pid,
		output: '',
		exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
		stop: (graceMs = 5_000) => stopGroup(child.pid, graceMs),
	};
	let pending = '';
	let onReadyLine = () => {};
	const onData = (chunk) => {
		const text = chunk.toString('utf8');
		group.output = (group.output + text).slice(-64 * 1024);
		pending += text;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			options.onLine?.(line);
			onReadyLine(line);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const timeoutMs = options.timeoutMs ?? 60_000;
	try {
		const match = await new Promise((resolve, reject) => {
			child.once('error', reject);
			const timer = setTimeout(() => reject(new Error(`${options.label}: not ready after ${timeoutMs} ms`)), timeoutMs);
			onReadyLine = (line) => {
				const found = line.match(options.ready);
				if (found) {
					clearTimeout(timer);
					resolve(found);
				}
			};
			void group.exited.then((code) => {
				clearTimeout(timer);
				reject(new Error(`${options.label}: exited with code ${code} before it was ready`));
			});
		});
		onReadyLine = () => {};
		return { group, match };
	} catch (error) {
		if (child.pid !== undefined) await stopGroup(child.pid, 1_000);
		throw new Error(`${error.message}\n--- last output of ${options.label} ---\n${group.output.split('\n').slice(-30).join('\n')}`);
	}
}

/** SIGTERM to the group, SIGKILL after `graceMs` if anything in it is still alive. */
export async function stopGroup(pid, graceMs = 5_000) {
	if (!signalGroup(pid, 'SIGTERM')) return;
	const deadline = Date.now() + graceMs;
	while (signalGroup(pid, 0) && Date.now() < deadline) await sleep(100);
	if (signalGroup(pid, 'SIGKILL')) {
		const killDeadline = Date.now() + 5_000;
		while (signalGroup(pid, 0) && Date.now() < killDeadline) await sleep(50);
	}
}

/** Sends `signal` to group `pid`; false when the group is gone. */
export function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch (error) {
		if (error.code === 'ESRCH') return false;
		throw error;
	}
}
