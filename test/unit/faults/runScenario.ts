// Runs one fault scenario: a fresh sandbox, the real client over loopback, the presenter's English wording.
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../../../sandbox/server';
import { createBrazeClient } from '../../../src/braze/client';
import type { SeriesResponse } from '../../../src/braze/client';
import { BrazeCancelledError, BrazeError } from '../../../src/braze/errors';
import { brazeFailureWording } from '../../../src/commands/errorWording';
import { englishL10n } from '../../../src/shared/l10n';
import type { FaultScenario } from './scenarios';
import { MATRIX_NOW, MATRIX_TIMEOUT_MS } from './scenarios';

export interface ScenarioOutcome {
	readonly outcome: string;
	readonly requests: number;
	readonly ms: number;
}

/** The presenter shows moments in local time; the matrix in UTC, so that it reads the same on every machine. */
const utcTime = (moment: Date): string => moment.toLocaleTimeString('en-US', { timeZone: 'UTC' });

/** `sleep` replaces the client's waits between retries (the unit test skips them; the outcome is the same). */
export async function runFaultScenario(scenario: FaultScenario, sleep?: (ms: number, signal?: AbortSignal) => Promise<void>): Promise<ScenarioOutcome> {
	const sandbox = await startSandbox({ now: () => MATRIX_NOW, faults: scenario.faults });
	const host = new URL(sandbox.url).host;
	const controller = new AbortController();
	let answers = 0;
	try {
		const client = createBrazeClient({
			baseUrl: `${sandbox.url}${scenario.pathSuffix ?? ''}`,
			apiKey: scenario.apiKey ?? 'fault-matrix-key-3e9c',
			now: () => MATRIX_NOW,
			random: () => 0.5,
			timeoutMs: MATRIX_TIMEOUT_MS,
			...(sleep ? { sleep } : {}),
			onRequest: (entry) => {
				if (entry.status !== null && ++answers === scenario.cancelAfterAnswers) controller.abort();
			},
		});
		const started = performance.now();
		let outcome: string;
		try {
			outcome = describeResult(await client.fetchSeries(scenario.request, controller.signal));
		} catch (error) {
			// As the presenter: nothing for a cancel, the client error's wording, and anything else is a bug of the client.
			outcome = error instanceof BrazeCancelledError ? 'cancelled: no message, as the user asked' : error instanceof BrazeError ? brazeFailureWording(error, englishL10n, utcTime).message : `unexpected: ${String(error)}`;
		}
		const ms = performance.now() - started;
		return { outcome: outcome.replaceAll(host, '{host}'), requests: sandbox.requests.length, ms };
	} finally {
		await sandbox.close();
	}
}

function describeResult(response: SeriesResponse): string {
	const points = response.series.points;
	const values = points.filter((p) => p.value !== null).length;
	const gaps = points.length - values;
	const dropped = response.droppedRows.length;
	return `result: ${points.length} days, ${values} values${gaps ? `, ${gaps} gaps` : ''}${dropped ? `, ${dropped} row${dropped > 1 ? 's' : ''} left out, reported for the log` : ''}`;
}

/** Whether `requests` meets the scenario's expectation. */
export function requestsAsExpected(expected: number | readonly [number, number], requests: number): boolean {
	return typeof expected === 'number' ? requests === expected : requests >= expected[0] && requests <= expected[1];
}
