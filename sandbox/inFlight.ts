// How many KPI requests the sandbox is answering at once, and the most it has seen: the load test's proof that
// the extension never exceeds its concurrency limit. Counted from arrival to the end of the socket's answer.
import type { ServerResponse } from 'node:http';

export interface InFlightFigures {
	/** KPI requests received and not yet answered, dropped or given up by the client. */
	readonly current: number;
	/** The largest `current` since the start or the last reset. */
	readonly max: number;
	/** KPI requests counted since the start or the last reset. */
	readonly total: number;
}

export class InFlightGauge {
	#current = 0;
	#max = 0;
	#total = 0;

	/** Counts a request until its response closes (answered, dropped, or closed by the client). */
	track(res: ServerResponse): void {
		this.#current++;
		this.#total++;
		this.#max = Math.max(this.#max, this.#current);
		// 'close' fires once for every outcome: a sent answer, a destroyed socket, a client that gave up.
		res.once('close', () => {
			this.#current--;
		});
	}

	figures(): InFlightFigures {
		return { current: this.#current, max: this.#max, total: this.#total };
	}

	/** Starts a new measurement: the maximum restarts from the requests still in flight. */
	reset(): void {
		this.#max = this.#current;
		this.#total = 0;
	}
}
