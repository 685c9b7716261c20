// Command-line options of the sandbox CLI, parsed without side effects so that they can be tested.
import { parseArgs } from 'node:util';
import { parseFaults } from './faults';
import { loopbackHost } from './server';
import type { SandboxFaults } from './server';

export const DEFAULT_CLI_PORT = 4010;

export interface CliOptions {
	readonly port: number;
	readonly host: string;
	readonly faults: SandboxFaults;
	readonly rateLimitPerHour: number | undefined;
}

export type ParsedCli = { readonly kind: 'run'; readonly options: CliOptions } | { readonly kind: 'help' } | { readonly kind: 'error'; readonly message: string };

export const CLI_HELP = `Usage: npm run sandbox -- [options]

A local Braze-compatible KPI API (GET /kpi/{dau,mau,new_users,uninstalls}/data_series) for tests and demos.
Any non-empty Bearer key reads the "prod" workspace, except the test keys sandbox-invalid-key and any
sandbox-invalid-* key (401, the key echoed in the message),
sandbox-no-kpi-permission (403 Access Denied), sandbox-forbidden (403 Forbidden), sandbox-dev-key and any
sandbox-dev-* key (the "dev" workspace, a tenth of prod's numbers), and sandbox-[dev-]only-<metric>[+<metric>…]
(those series only, e.g. sandbox-only-dau+mau or sandbox-dev-only-dau+new_users).

Options:
  --port <n>          port on 127.0.0.1 (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host <address>    loopback address to listen on: 127.0.0.1 (default), ::1 or localhost
  --latency <ms>      delay every answer by this many milliseconds
  --faults <json>     initial faults, a JSON SandboxFaults object, e.g. '{"serverErrors":2,"serverErrorStatus":503}'
  --rate-limit <n>    requests per key per hour before 429 (default 250000)
  --help              show this help

Control endpoints (no key needed, sandbox-only): GET|POST|DELETE /__sandbox/faults,
GET|DELETE /__sandbox/requests, GET /__sandbox/apps.
`;

/** Parses the CLI's arguments (without `node` and the script). */
export function parseCliArgs(argv: readonly string[]): ParsedCli {
	let values: Record<string, string | boolean | undefined>;
	try {
		values = parseArgs({
			args: [...argv],
			options: {
				port: { type: 'string' },
				host: { type: 'string' },
				latency: { type: 'string' },
				faults: { type: 'string' },
				'rate-limit': { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
			strict: true,
			allowPositionals: false,
		}).values;
	} catch (error) {
		return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
	}
	if (values.help) return { kind: 'help' };

	const port = wholeNumber(values.port, DEFAULT_CLI_PORT, 65535);
	if (port === null) return { kind: 'error', message: '--port must be a whole number from 0 to 65535' };
	let host: string;
	try {
		host = loopbackHost(typeof values.host === 'string' ? values.host : '127.0.0.1');
	} catch (error) {
		return { kind: 'error', message: (error as Error).message };
	}
	let faults: SandboxFaults = {};
	if (typeof values.faults === 'string') {
		let raw: unknown;
		try {
			raw = JSON.parse(values.faults);
		} catch {
			return { kind: 'error', message: '--faults must be a JSON object, e.g. \'{"latencyMs":500}\'' };
		}
		const parsed = parseFaults(raw);
		if (!parsed.ok) return { kind: 'error', message: `--faults: ${parsed.errors.join('; ')}` };
		faults = parsed.faults;
	}
	if (values.latency !== undefined) {
		const latency = wholeNumber(values.latency, 0, 600_000);
		if (latency === null) return { kind: 'error', message: '--latency must be a whole number of milliseconds from 0 to 600000' };
		faults = { ...faults, latencyMs: latency };
	}
	const rateLimit = values['rate-limit'] === undefined ? undefined : wholeNumber(values['rate-limit'], 0, Number.MAX_SAFE_INTEGER);
	if (rateLimit === null || rateLimit === 0) return { kind: 'error', message: '--rate-limit must be a whole number of requests, at least 1' };
	return { kind: 'run', options: { port, host, faults, rateLimitPerHour: rateLimit } };
}

/** The option's value as an integer in 0..max, `fallback` when absent, null when invalid. */
function wholeNumber(raw: string | boolean | undefined, fallback: number, max: number): number | null {
	if (raw === undefined) return fallback;
	if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null;
	const value = Number(raw);
	return value <= max ? value : null;
}
