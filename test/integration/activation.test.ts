// Activation in the real host: VS Code's own marks around loading and activating the extension, the extension's own
// figures, and the split that keeps activation small (the features load on a command's first use, and every
// contributed command then runs its real handler). Figures are written for `npm run bench`; nothing here is timed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, repoRoot, testResultsDir } from '../host/paths';
import { extensionApi } from './support';

/** Where this test writes the activation figures (read and printed by `npm run bench`). */
export const activationFiguresFile = path.join(testResultsDir, 'activation-figures.json');

interface PerformanceMark {
	readonly name: string;
	readonly startTime: number;
}

/** The extension host's performance marks (VS Code's `perf.mark`, kept on globalThis, Date.now() resolution). */
function hostMarks(): readonly PerformanceMark[] {
	const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): PerformanceMark[] } }).MonacoPerformanceMarks;
	assert.ok(marks, 'the extension host keeps no performance marks');
	return marks.getMarks();
}

function markTime(marks: readonly PerformanceMark[], name: string): number {
	const found = marks.find((m) => m.name === `code/extHost/${name}/${extensionId}`);
	assert.ok(found, `no ${name} mark for ${extensionId}: ${marks.map((m) => m.name).join(', ')}`);
	return found.startTime;
}

/** The host files Node has loaded from the extension's dist/ folder so far. */
function loadedHostFiles(): string[] {
	const dist = path.join(repoRoot, 'dist') + path.sep;
	return Object.keys(require.cache).filter((file) => file.startsWith(dist)).map((file) => path.relative(repoRoot, file)).sort();
}

suite('activation: the extension host loads little at start-up', () => {
	test('VS Code\'s marks and the start-up figures; no feature code loaded yet', async () => {
		const api = await extensionApi();
		const times = await api.startupTimes();
		const marks = hostMarks();
		const willLoad = markTime(marks, 'willLoadExtensionCode');
		const didLoad = markTime(marks, 'didLoadExtensionCode');
		const willActivate = markTime(marks, 'willActivateExtension');
		const didActivate = markTime(marks, 'didActivateExtension');
		assert.ok(willLoad <= didLoad && didLoad <= willActivate && willActivate <= didActivate, JSON.stringify({ willLoad, didLoad, willActivate, didActivate }));
		assert.ok(times.activateMs > 0 && times.settledMs >= times.activateMs, JSON.stringify(times));
		// No status-bar KPI is configured here, so nothing at start-up needed the features.
		assert.equal(times.featuresLoadedAtStartup, false);
		const loaded = loadedHostFiles();
		assert.ok(loaded.includes(path.join('dist', 'extension.js')), loaded.join(', '));
		assert.deepEqual(loaded.filter((file) => /features-/.test(file)), [], 'activation loaded the features bundle');
		assert.equal(api.featuresLoaded(), false);
		const figures = {
			codeLoadingMs: didLoad - willLoad,
			activateCallMs: didActivate - willActivate,
			activateMs: times.activateMs,
			settledMs: times.settledMs,
			loadedAtActivation: loaded,
		};
		fs.mkdirSync(testResultsDir, { recursive: true });
		fs.writeFileSync(activationFiguresFile, JSON.stringify(figures, null, 2));
	});

	test('a command loads the features on first use, and every contributed command then has its real handler', async () => {
		const api = await extensionApi();
		const contributed = (vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
		// Through the stub: it loads the features, which register the real handler, and runs it with the argument.
		const firstStarted = performance.now();
		const cleared = await vscode.commands.executeCommand<unknown>('braze.clearCache', { all: true });
		const firstCommandMs = performance.now() - firstStarted;
		assert.equal(cleared, true);
		assert.equal(api.featuresLoaded(), true);
		assert.equal(loadedHostFiles().filter((file) => /features-/.test(file)).length, 1);
		const registered = new Set(await vscode.commands.getCommands(true));
		assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
		// A second call goes straight to the real handler: the difference is what loading the features cost.
		const secondStarted = performance.now();
		assert.equal(await vscode.commands.executeCommand<unknown>('braze.clearCache', { all: true }), true);
		const secondCommandMs = performance.now() - secondStarted;
		if (fs.existsSync(activationFiguresFile)) {
			const figures = JSON.parse(fs.readFileSync(activationFiguresFile, 'utf8')) as Record<string, unknown>;
			fs.writeFileSync(activationFiguresFile, JSON.stringify({ ...figures, firstCommandMs, secondCommandMs }, null, 2));
		}
	});
});
