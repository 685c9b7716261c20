// What the in-host feature tests share: the extension's test API, the sandbox's control endpoints, and
// a way to wait for VS Code's asynchronous state without fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BrazeExtensionApi } from '../../src/extension';
import type { SandboxFaults } from '../../sandbox/server';
import { sandboxUrlVariable } from '../host/inHostReport';
import { extensionId } from '../host/paths';

/** The sandbox the harness started; also the `braze.restEndpoint` it configured. */
export function sandboxUrl(): string {
	const url = process.env[sandboxUrlVariable];
	assert.ok(url, `${sandboxUrlVariable} is not set: run these tests through out/test/host/runIntegration.js`);
	return url;
}

export async function extensionApi(): Promise<BrazeExtensionApi> {
	const extension = vscode.extensions.getExtension<BrazeExtensionApi>(extensionId);
	assert.ok(extension, `${extensionId} is not installed`);
	const api = await extension.activate();
	assert.ok(api, 'the extension returns its test API only when VS Code runs it under a test runner');
	await api.whenReady();
	return api;
}

export async function setFaults(faults: SandboxFaults): Promise<void> {
	const response = await fetch(`${sandboxUrl()}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
	assert.equal(response.status, 200, await response.text());
}

export async function resetFaults(): Promise<void> {
	await fetch(`${sandboxUrl()}/__sandbox/faults`, { method: 'DELETE' });
}

export interface RecordedRequest {
	readonly method: string;
	readonly path: string;
	readonly query: Record<string, string>;
	readonly hasBearer: boolean;
	readonly keyFingerprint: string | null;
	readonly status: number;
}

export async function recordedRequests(): Promise<RecordedRequest[]> {
	const response = await fetch(`${sandboxUrl()}/__sandbox/requests`);
	return (await response.json()) as RecordedRequest[];
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('braze').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function closeAllEditors(): Promise<void> {
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
