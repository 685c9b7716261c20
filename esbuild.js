// Builds the extension host bundle (node/cjs) and the webview bundle (browser/iife).
// Flags: --production (minify, no source maps), --watch, --sandbox (also bundle the local Braze sandbox CLI).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withSandbox = process.argv.includes('--sandbox');
const onlySandbox = process.argv.includes('--sandbox-only');

/** Prints errors in the format of VS Code's $esbuild-watch problem matcher. */
const problemMatcherPlugin = {
	name: 'esbuild-problem-matcher',
	setup(build) {
		build.onStart(() => {
			if (watch) console.log('[watch] build started');
		});
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
			}
			if (watch) console.log('[watch] build finished');
		});
	},
};

const common = {
	bundle: true,
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	logLevel: 'silent',
	legalComments: production ? 'none' : 'inline',
	charset: 'utf8',
	plugins: [problemMatcherPlugin],
};

const targets = [];
if (!onlySandbox) {
	targets.push(
		{
			...common,
			entryPoints: ['src/extension.ts'],
			outfile: 'dist/extension.js',
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			external: ['vscode'],
		},
		{
			...common,
			entryPoints: ['src/webview/main.ts'],
			outfile: 'dist/webview.js',
			platform: 'browser',
			format: 'iife',
			target: 'es2022',
		},
	);
}
if (withSandbox || onlySandbox) {
	targets.push({
		...common,
		minify: false,
		entryPoints: ['sandbox/cli.ts'],
		outfile: 'out/sandbox-cli.js',
		platform: 'node',
		format: 'cjs',
		target: 'node20',
	});
}

async function main() {
	// A production build leaves no stale source maps from an earlier development build.
	if (production) {
		const fs = require('node:fs');
		for (const map of ['dist/extension.js.map', 'dist/webview.js.map']) fs.rmSync(map, { force: true });
	}
	if (!onlySandbox) copyCodicons();
	const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
	if (watch) {
		await Promise.all(contexts.map((ctx) => ctx.watch()));
		return;
	}
	const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
	await Promise.all(contexts.map((ctx) => ctx.dispose()));
	if (results.some((r) => r.errors.length > 0)) process.exit(1);
}

/** The webview's icon font ships inside dist/, so the .vsix needs no node_modules. */
function copyCodicons() {
	const fs = require('node:fs');
	const path = require('node:path');
	const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
	fs.mkdirSync('dist/codicons', { recursive: true });
	for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join('dist/codicons', file));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
