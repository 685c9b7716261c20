// `npm run faults`: the fault matrix. Runs every scenario of test/unit/faults/scenarios.ts through the real BrazeClient
// against a fresh sandbox on loopback, with real waits between retries, prints a table (scenario, outcome, requests
// sent, time to the outcome) and writes it to docs/fault-matrix.md. Exits 1 when an outcome differs from the one
// the scenario expects (the unit layer asserts the same expectations, without the waits).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
const { FAULT_SCENARIOS, MATRIX_NOW, MATRIX_TIMEOUT_MS } = require('../out/test/unit/faults/scenarios.js');
const { runFaultScenario, requestsAsExpected } = require('../out/test/unit/faults/runScenario.js');

const rows = [];
const started = performance.now();
for (const scenario of FAULT_SCENARIOS) {
	const { outcome, requests, ms } = await runFaultScenario(scenario);
	const ok = outcome === scenario.expected.outcome && requestsAsExpected(scenario.expected.requests, requests);
	rows.push({ name: scenario.name, outcome, requests, ms, ok, expected: scenario.expected });
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${scenario.name.padEnd(56)} ${String(requests).padStart(3)} req ${(ms / 1000).toFixed(2).padStart(6)} s  ${outcome}`);
	if (!ok) console.log(`     expected ${JSON.stringify(scenario.expected.requests)} req: ${scenario.expected.outcome}`);
}
const failed = rows.filter((r) => !r.ok);
const totalRequests = rows.reduce((n, r) => n + r.requests, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const summary = `${rows.length} scenarios, ${rows.length - failed.length} as expected, ${failed.length} not; ${totalRequests} requests; ${seconds} s`;
console.log(`\n${summary}`);

const cell = (text) => String(text).replaceAll('|', '\\|');
const markdown = `# Fault matrix

What the Braze client does, and what the user reads, when Braze (here the local sandbox) misbehaves. Each row is one
scenario of [test/unit/faults/scenarios.ts](../test/unit/faults/scenarios.ts), run by \`npm run faults\` through the real
\`BrazeClient\` over loopback against a fresh sandbox, with the default retry policy (4 attempts, backoff from 500 ms,
jitter fixed at the middle) and real waits. The outcome is the result, or the message exactly as the error presenter
words it in English (the extension adds its buttons: Retry, Open Log…); \`{host}\` is the sandbox's host and port.
Both clocks are fixed at ${MATRIX_NOW.toISOString()}, so reset times read the same on every run (shown in UTC here,
in local time in VS Code). The per-request timeout is ${MATRIX_TIMEOUT_MS / 1000} s here (30 s by default in the
extension). The unit layer (\`test/unit/faults/faultMatrix.test.ts\`) asserts the same outcomes and request counts,
without the waits. Times depend on the machine; the outcomes and request counts do not.

Last run: ${summary}.

| scenario | outcome | requests sent | time to outcome |
| --- | --- | --: | --: |
${rows.map((r) => `| ${cell(r.name)} | ${cell(r.outcome)}${r.ok ? '' : ' **(not as expected)**'} | ${r.requests} | ${(r.ms / 1000).toFixed(2)} s |`).join('\n')}
`;
writeFileSync('docs/fault-matrix.md', markdown);
console.log('wrote docs/fault-matrix.md');
process.exit(failed.length > 0 ? 1 : 0);
