// What the in-host load test needs besides support.ts: the sandbox's load-control endpoints, the extension host's
// heap after a full garbage collection, an unhandled-rejection counter, and the figures file the bench prints.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { InFlightFigures } from '../../sandbox/inFlight';
import type { RandomFaultCounts, RandomFaultSettings } from '../../sandbox/randomFaults';
import { testResultsDir } from '../host/paths';
import { sandboxUrl } from './support';

/** Where the load test writes its figures (read and printed by `npm run bench`). */
export const loadFiguresFile = path.join(testResultsDir, 'load-figures.json');

export async function setRandomFaults(settings: RandomFaultSettings | null): Promise<RandomFaultCounts> {
	const response = await fetch(`${sandboxUrl()}/__sandbox/random-faults`, { method: settings ? 'POST' : 'DELETE', ...(settings ? { body: JSON.stringify(settings) } : {}) });
	const text = await response.text();
	assert.equal(response.status, 200, text);
	return JSON.parse(text) as RandomFaultCounts;
}

export async function randomFaultCounts(): Promise<RandomFaultCounts> {
	return (await (await fetch(`${sandboxUrl()}/__sandbox/random-faults`)).json()) as RandomFaultCounts;
}

export async function inFlightFigures(reset = false): Promise<InFlightFigures> {
	const response = await fetch(`${sandboxUrl()}/__sandbox/in-flight`, { method: reset ? 'DELETE' : 'GET' });
	assert.equal(response.status, 200);
	return (await response.json()) as InFlightFigures;
}

/** A full GC, when it can be had: the extension host runs without --expose-gc, so the flag is set at run time. */
function garbageCollector(): (() => void) | null {
	const exposed = (globalThis as { gc?: () => void }).gc;
	if (typeof exposed === 'function') return exposed;
	try {
		v8.setFlagsFromString('--expose-gc');
		const gc = vm.runInNewContext('gc') as unknown;
		return typeof gc === 'function' ? (gc as () => void) : null;
	} catch {
		return null;
	}
}

export interface HeapReading {
	readonly bytes: number;
	/** How it was settled: 'gc' (full collections) or 'settle' (waiting until the figure stops falling). */
	readonly method: 'gc' | 'settle';
}

/** heapUsed once garbage is gone: full GCs with turns of the event loop between them, the lowest of 5 readings. */
export async function settledHeap(): Promise<HeapReading> {
	const gc = garbageCollector();
	const readings: number[] = [];
	for (let i = 0; i < (gc ? 5 : 20); i++) {
		await new Promise((resolve) => setTimeout(resolve, gc ? 100 : 250));
		gc?.();
		readings.push(process.memoryUsage().heapUsed);
	}
	return { bytes: Math.min(...readings), method: gc ? 'gc' : 'settle' };
}

/** Counts the extension host's unhandled promise rejections from now until `stop()`. */
export function countUnhandledRejections(): { readonly reasons: string[]; stop(): void } {
	const reasons: string[] = [];
	const listener = (reason: unknown): void => void reasons.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason));
	process.on('unhandledRejection', listener);
	return { reasons, stop: () => void process.off('unhandledRejection', listener) };
}

export function writeLoadFigures(figures: Readonly<Record<string, unknown>>): void {
	fs.mkdirSync(testResultsDir, { recursive: true });
	fs.writeFileSync(loadFiguresFile, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, '\t')}\n`);
}
