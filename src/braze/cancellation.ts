// Cancellation helpers: every wait in the client ends at once when its signal fires.
import { BrazeCancelledError } from './errors';

/** Waits `ms`, or rejects with BrazeCancelledError as soon as `signal` fires. The default `sleep` of the client. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(new BrazeCancelledError());
			return;
		}
		const onAbort = (): void => {
			clearTimeout(timer);
			reject(new BrazeCancelledError());
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
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

/** A controller that aborts when any of `parents` does; `dispose` detaches it from them. */
export function linkedAbortController(...parents: (AbortSignal | undefined)[]): { controller: AbortController; dispose: () => void } {
	const controller = new AbortController();
	const detach: (() => void)[] = [];
	for (const parent of parents) {
		if (!parent) continue;
		if (parent.aborted) {
			controller.abort();
			continue;
		}
		const onAbort = (): void => controller.abort();
		parent.addEventListener('abort', onAbort, { once: true });
		detach.push(() => parent.removeEventListener('abort', onAbort));
	}
	return { controller, dispose: () => detach.forEach((d) => d()) };
}
