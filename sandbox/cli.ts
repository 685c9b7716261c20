// `npm run sandbox -- --port 4010`: runs the sandbox until SIGINT/SIGTERM. The first stdout line is
// `Braze sandbox listening on <url>`, then one line per request; hints go to stderr.
import { CLI_HELP, parseCliArgs } from './cliOptions';
import { SANDBOX_APPS } from './data';
import { startSandbox } from './server';

/** Runs the CLI; resolves once the sandbox is listening (it then runs until a signal). */
export async function runSandboxCli(argv: readonly string[]): Promise<void> {
	const parsed = parseCliArgs(argv);
	if (parsed.kind === 'help') {
		process.stdout.write(CLI_HELP);
		return;
	}
	if (parsed.kind === 'error') {
		process.stderr.write(`braze sandbox: ${parsed.message}\nTry --help.\n`);
		process.exitCode = 2;
		return;
	}
	const { port, host, faults, rateLimitPerHour } = parsed.options;
	const sandbox = await startSandbox({ port, host, faults, ...(rateLimitPerHour !== undefined ? { rateLimitPerHour } : {}), log: (line) => console.log(line) }).catch((error: NodeJS.ErrnoException) => {
		const reason = error.code === 'EADDRINUSE' ? `port ${port} is in use (try --port 0)` : error.message;
		process.stderr.write(`braze sandbox: cannot start: ${reason}\n`);
		process.exitCode = 1;
		return null;
	});
	if (!sandbox) return;
	console.log(`Braze sandbox listening on ${sandbox.url}`);
	process.stderr.write(
		`Apps: ${SANDBOX_APPS.map((app) => `${app.name} ${app.id}`).join(', ')}\n` + 'Any non-empty Bearer key works (see --help for the test keys). Ctrl+C stops.\n',
	);
	const stop = (): void => {
		process.off('SIGINT', stop);
		process.off('SIGTERM', stop);
		void sandbox.close();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) void runSandboxCli(process.argv.slice(2));
