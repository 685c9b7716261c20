// Builds the extension host bundles (node/cjs) and the webview bundle (browser/iife).
// Flags: --production (minify, no source maps), --watch, --sandbox (also bundle the local Braze sandbox CLI),
// The host is split: dist/extension.js is what activation loads; everything src/extension.ts reaches only through
// `import()` (src/lazy/features.ts) becomes dist/features.js, loaded on first use; code both need goes to a shared
// dist/chunk-*.js, so nothing ships twice. esbuild splits only ESM, so each output is then turned into CommonJS,
// which every VS Code extension host loads with `require` ('vscode' included). dist/host-meta.json (not shipped) says
// what each source file costs in which host file: the static layer and `npm run bench` read it.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

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

/**
 * Turns the split ESM host build into CommonJS files (`import()` of the features bundle becomes a `require` in a
 * promise) and writes them, removing the chunks of earlier builds.
 */
const hostCommonJsPlugin = {
	name: 'host-commonjs',
	setup(build) {
		build.onEnd(async (result) => {
			if (result.errors.length > 0 || !result.outputFiles) return;
			fs.mkdirSync('dist', { recursive: true });
			for (const stale of fs.readdirSync('dist').filter((f) => /^(chunk|features)-\w+\.js(\.map)?$/.test(f))) fs.rmSync(path.join('dist', stale));
			for (const file of result.outputFiles) {
				const name = path.basename(file.path);
				const { code, map } = await esbuild.transform(file.text, {
					format: 'cjs',
					platform: 'node',
					target: 'node20',
					minify: production,
					charset: 'utf8',
					legalComments: production ? 'none' : 'inline',
					supported: { 'dynamic-import': false },
					sourcemap: production ? false : 'external',
					sourcesContent: false,
					sourcefile: file.path,
				});
				fs.writeFileSync(file.path, production ? code : `${code}//# sourceMappingURL=${name}.map\n`);
				if (!production) fs.writeFileSync(`${file.path}.map`, map);
			}
			fs.writeFileSync('dist/host-meta.json', JSON.stringify(result.metafile));
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
			// Source maps are made by the CommonJS step, from the inline ones of the ESM step.
			sourcemap: production ? false : 'inline',
			plugins: [problemMatcherPlugin, hostCommonJsPlugin],
			entryPoints: ['src/extension.ts'],
			outdir: 'dist',
			entryNames: '[name]',
			chunkNames: '[name]-[hash]',
			splitting: true,
			write: false,
			metafile: true,
			platform: 'node',
			format: 'esm',
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
		for (const map of fs.existsSync('dist') ? fs.readdirSync('dist').filter((f) => f.endsWith('.js.map')) : []) fs.rmSync(path.join('dist', map), { force: true });
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
	const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
	fs.mkdirSync('dist/codicons', { recursive: true });
	for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join('dist/codicons', file));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
