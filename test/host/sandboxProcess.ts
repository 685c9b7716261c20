// The Braze sandbox as a separate process (out/sandbox-cli.js), driven through its /__sandbox/ control endpoints.
import * as fs from 'node:fs';
import type { RecordedRequest, SandboxFaults } from '../../sandbox/server';
import { repoRoot, sandboxCli } from './paths';
import type { GroupProcess } from './processGroup';
import { startProcessGroup } from './processGroup';

export interface SandboxProcess {
	/** `http://127.0.0.1:PORT` (no trailing slash): the value for `braze.restEndpoint`. */
	readonly url: string;
	readonly port: number;
	readonly process: GroupProcess;
	/** Replaces the faults in force (POST /__sandbox/faults). */
	setFaults(faults: SandboxFaults): Promise<void>;
	/** DELETE /__sandbox/faults. */
	clearFaults(): Promise<void>;
	/** The KPI requests received so far, oldest first (GET /__sandbox/requests). */
	requests(): Promise<RecordedRequest[]>;
	/** DELETE /__sandbox/requests. */
	clearRequests(): Promise<void>;
	stop(): Promise<void>;
}

/** Starts `node out/sandbox-cli.js --port 0 …` (build it first with `buildSandbox()`); `args` are extra CLI options. */
export async function startSandboxProcess(options: { readonly args?: readonly string[]; readonly echo?: boolean } = {}): Promise<SandboxProcess> {
	if (!fs.existsSync(sandboxCli)) throw new Error(`${sandboxCli} is missing: run \`node esbuild.js --sandbox-only\` first`);
	const { process: sandbox, match } = await startProcessGroup(process.execPath, [sandboxCli, '--port', '0', ...(options.args ?? [])], {
		label: 'sandbox',
		cwd: repoRoot,
		ready: /^Braze sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))/,
		readyTimeoutMs: 30_000,
		echo: options.echo ?? false,
	});
	const url = match?.[1] ?? '';
	const control = async (method: string, name: string, body?: unknown): Promise<unknown> => {
		const response = await fetch(`${url}/__sandbox/${name}`, {
			method,
			...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox ${method} /__sandbox/${name} answered ${response.status}: ${text}`);
		return JSON.parse(text) as unknown;
	};
	return {
		url,
		port: Number(match?.[2]),
		process: sandbox,
		setFaults: async (faults) => void (await control('POST', 'faults', faults)),
		clearFaults: async () => void (await control('DELETE', 'faults')),
		requests: async () => (await control('GET', 'requests')) as RecordedRequest[],
		clearRequests: async () => void (await control('DELETE', 'requests')),
		stop: () => sandbox.stop(),
	};
}
