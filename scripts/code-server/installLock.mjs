// A lock folder so that two runners started together (integration and e2e) never install into the same folder at once.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const waitLimitMs = 15 * 60_000;

/**
 * Takes the lock at `lockDir`, waiting while a live process holds it and taking over from a dead one.
 * @param {string} lockDir
 * @param {(line: string) => void} log
 * @returns {Promise<() => void>} releases the lock
 */
export async function acquireInstallLock(lockDir, log) {
	const started = Date.now();
	let announced = false;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(join(lockDir, 'pid'), String(process.pid));
			return () => rmSync(lockDir, { recursive: true, force: true });
		} catch (error) {
			if (!(error instanceof Error) || /** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		const holder = readHolder(lockDir);
		if (holder === undefined || !isAlive(holder)) {
			// The holder died mid-install (or has not written its pid yet: give it one more round).
			if (holder !== undefined || Date.now() - started > 5_000) rmSync(lockDir, { recursive: true, force: true });
		} else if (!announced) {
			log(`waiting for process ${holder}, which is installing code-server`);
			announced = true;
		}
		if (Date.now() - started > waitLimitMs) throw new Error(`timed out waiting for the install lock ${lockDir}`);
		await sleep(1_000);
	}
}

function readHolder(lockDir) {
	try {
		const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}
