// Cancellation helpers: every wait in the client ends at once when its signal fires.
import { setTimeout as delay } from 'node:timers/promises';
import { BrazeCancelledError } from './errors';

/** Waits `ms`, or rejects with BrazeCancelledError as soon as `signal` fires (clearing its timer). The default `sleep` of the client. */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	try {
		await delay(ms, undefined, { signal });
	} catch {
		// The only way the timer promise fails is the signal firing.
		throw new BrazeCancelledError();
	}
}

/** Runs `wait`, but rejects with BrazeCancelledError the moment `signal` fires, even if `wait` ignores the signal. */
export async function raceWithCancellation<T>(wait: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) {
		// The abandoned wait may still reject: that must not surface as an unhandled rejection.
		wait.catch(() => undefined);
		throw new BrazeCancelledError();
	}
	let onAbort: (() => void) | undefined;
	const cancelled = new Promise<never>((_, reject) => {
		onAbort = (): void => reject(new BrazeCancelledError());
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([wait, cancelled]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}

export function throwIfCancelled(signal: AbortSignal): void {
	if (signal.aborted) throw new BrazeCancelledError();
}

/** A controller that aborts when `parent` does (if given); `dispose` detaches it from its parent. */
export function linkedAbortController(parent?: AbortSignal): { controller: AbortController; dispose: () => void } {
	const controller = new AbortController();
	const onAbort = (): void => controller.abort();
	if (parent?.aborted) controller.abort();
	else parent?.addEventListener('abort', onAbort, { once: true });
	return { controller, dispose: () => parent?.removeEventListener('abort', onAbort) };
}
