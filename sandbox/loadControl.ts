// The load-test control endpoints: GET|DELETE /__sandbox/in-flight (the in-flight figures; reset them) and
// GET|POST|DELETE /__sandbox/random-faults (the seeded random-fault mode and its counts; set it; switch it off).
import type { Answer } from './answers';
import { jsonAnswer, statusAnswer } from './answers';
import type { InFlightGauge } from './inFlight';
import type { RandomFaults } from './randomFaults';
import { parseRandomFaults } from './randomFaults';

export const IN_FLIGHT_PATH = '/__sandbox/in-flight';
export const RANDOM_FAULTS_PATH = '/__sandbox/random-faults';

export interface LoadControlTarget {
	readonly inFlight: InFlightGauge;
	readonly randomFaults: RandomFaults;
}

/** The answer to a load-control request, or null when the path is not one of them. */
export function answerLoadControlRequest(method: string, path: string, body: string, target: LoadControlTarget): Answer | null {
	if (path === IN_FLIGHT_PATH) {
		if (method === 'GET') return jsonAnswer(200, target.inFlight.figures());
		if (method === 'DELETE') {
			target.inFlight.reset();
			return jsonAnswer(200, { message: 'success', ...target.inFlight.figures() });
		}
		return statusAnswer(405, { Allow: 'GET, DELETE' });
	}
	if (path !== RANDOM_FAULTS_PATH) return null;
	const state = (): unknown => ({ settings: target.randomFaults.settings, ...target.randomFaults.counts() });
	if (method === 'GET') return jsonAnswer(200, state());
	if (method === 'DELETE') {
		target.randomFaults.configure(null);
		return jsonAnswer(200, { message: 'success', ...(state() as object) });
	}
	if (method !== 'POST') return statusAnswer(405, { Allow: 'GET, POST, DELETE' });
	let raw: unknown;
	try {
		raw = JSON.parse(body);
	} catch {
		return jsonAnswer(400, { message: 'Invalid random faults', errors: ['the body must be JSON: {"rate", "seed", "kinds"?, "retryAfterSeconds"?} or null'] });
	}
	const parsed = parseRandomFaults(raw);
	if (!parsed.ok) return jsonAnswer(400, { message: 'Invalid random faults', errors: parsed.errors });
	target.randomFaults.configure(parsed.settings);
	return jsonAnswer(200, { message: 'success', ...(state() as object) });
}
