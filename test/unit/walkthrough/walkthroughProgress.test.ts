// The walkthrough's steps are marked done by the workbench's id for them, once per session, and a refusal only logs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MARK_STEP_COMPLETE_COMMAND, WALKTHROUGH_ID, WalkthroughProgress, walkthroughStepId } from '../../../src/walkthrough/walkthroughProgress';
import type { WalkthroughStep } from '../../../src/walkthrough/walkthroughProgress';

const STEPS: readonly WalkthroughStep[] = ['addConnection', 'setKey', 'verify', 'showDau', 'saveQuery'];

function manifest(): { publisher: string; name: string; contributes: { walkthroughs: { id: string; steps: { id: string }[] }[] } } {
	let dir = __dirname;
	while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'src'))) dir = path.dirname(dir);
	return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as ReturnType<typeof manifest>;
}

describe('WalkthroughProgress', () => {
	it('names the steps the manifest contributes, in the workbench form publisher.name#walkthrough#step', () => {
		const { publisher, name, contributes } = manifest();
		const walkthrough = contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);
		assert.ok(walkthrough);
		assert.deepEqual(walkthrough.steps.map((s) => s.id), STEPS);
		assert.equal(walkthroughStepId(`${publisher}.${name}`, 'setKey'), `${publisher}.${name}#getStarted#setKey`);
	});

	it('runs welcome.markStepComplete with the step id, once per step and session', async () => {
		const calls: unknown[][] = [];
		const progress = new WalkthroughProgress({ executeCommand: (...args: unknown[]) => Promise.resolve(void calls.push(args)) }, 'pub.ext', { warn: () => assert.fail('no warning expected'), debug: () => assert.fail('nothing to log') });
		await progress.markDone('verify');
		await progress.markDone('verify');
		await progress.markDone('showDau');
		assert.deepEqual(calls, [[MARK_STEP_COMPLETE_COMMAND, 'pub.ext#getStarted#verify'], [MARK_STEP_COMPLETE_COMMAND, 'pub.ext#getStarted#showDau']]);
	});

	it('only logs a warning when the host refuses: no such command', async () => {
		const warnings: string[] = [];
		const progress = new WalkthroughProgress({ executeCommand: () => Promise.reject(new Error("command 'welcome.markStepComplete' not found")) }, 'pub.ext', { warn: (m) => warnings.push(m), debug: () => assert.fail('a warning expected') });
		await progress.markDone('addConnection');
		assert.deepEqual(warnings, ['Could not mark the walkthrough step "addConnection" done: command \'welcome.markStepComplete\' not found']);
	});

	it('a step the workbench has not registered yet (it saved the step first) is a debug line, not a warning at every start', async () => {
		const debug: string[] = [];
		const progress = new WalkthroughProgress({ executeCommand: () => Promise.reject(new Error('Tried to progress unknown step')) }, 'pub.ext', { warn: (m) => assert.fail(`no warning expected: ${m}`), debug: (m) => debug.push(m) });
		await progress.markDone('addConnection');
		assert.deepEqual(debug, ['Walkthrough step "addConnection" recorded before the workbench loaded the walkthrough.']);
	});
});
