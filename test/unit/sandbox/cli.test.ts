import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { DEFAULT_CLI_PORT, parseCliArgs } from '../../../sandbox/cliOptions';

test('parseCliArgs: defaults, port 0, latency and faults', () => {
	assert.deepEqual(parseCliArgs([]), { kind: 'run', options: { port: DEFAULT_CLI_PORT, host: '127.0.0.1', faults: {}, rateLimitPerHour: undefined } });
	assert.equal(DEFAULT_CLI_PORT, 4010);
	assert.deepEqual(parseCliArgs(['--port', '0', '--host', '::1', '--latency', '250', '--faults', '{"serverErrors":2,"latencyMs":5}', '--rate-limit', '100']), {
		kind: 'run',
		options: { port: 0, host: '::1', faults: { serverErrors: 2, latencyMs: 250 }, rateLimitPerHour: 100 },
	});
	assert.deepEqual(parseCliArgs(['--help']), { kind: 'help' });
});

test('parseCliArgs: bad arguments are errors that name the option', () => {
	const cases: [string[], RegExp][] = [
		[['--port', 'abc'], /--port/],
		[['--port', '70000'], /--port/],
		[['--host', '0.0.0.0'], /loopback only/],
		[['--latency', '-5'], /--latency/],
		[['--faults', '{nope'], /--faults/],
		[['--faults', '{"hangs":1}'], /unknown fault "hangs"/],
		[['--rate-limit', '0'], /--rate-limit/],
		[['--verbose'], /verbose/],
		[['extra'], /extra/],
	];
	for (const [argv, message] of cases) {
		const parsed = parseCliArgs(argv);
		assert.equal(parsed.kind, 'error', argv.join(' '));
		assert.match((parsed as { message: string }).message, message);
	}
});

test('the CLI prints its URL first, one line per request without the key, and exits 0 on SIGTERM', { timeout: 30_000 }, async () => {
	const cli = spawn(process.execPath, [resolve(__dirname, '../../../sandbox/cli.js'), '--port', '0', '--faults', '{"serverErrors":1}'], { stdio: ['ignore', 'pipe', 'pipe'] });
	const lines = createInterface({ input: cli.stdout })[Symbol.asyncIterator]();
	try {
		const first = (await lines.next()).value as string;
		const match = /^Braze sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
		assert.ok(match, first);
		const key = 'cli-test-key-8812';
		const response = await fetch(`${match[1]}/kpi/uninstalls/data_series?length=2`, { headers: { Authorization: `Bearer ${key}` } });
		assert.equal(response.status, 500);
		await response.text();
		const line = (await lines.next()).value as string;
		assert.match(line, /^GET \/kpi\/uninstalls\/data_series\?length=2 500 \d+ms$/);
		assert.ok(!line.includes(key));
	} finally {
		cli.kill('SIGTERM');
	}
	const [code, signal] = (await once(cli, 'exit')) as [number | null, NodeJS.Signals | null];
	assert.deepEqual([code, signal], [0, null]);
});
