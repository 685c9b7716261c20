// A hand-written stand-in for the few parts of `vscode` the saved query store touches: configuration with
// user and workspace values, its change event, EventEmitter and l10n. Import it before the module under test:
// it answers `require('vscode')` from then on. Values handed out are frozen copies, as VS Code's are read-only.
import Module from 'node:module';
import { englishL10n } from '../../../src/shared/l10n';

type Listener<T> = (value: T) => void;

export class EventEmitter<T> {
	private listeners: Array<Listener<T>> = [];
	readonly event = (listener: Listener<T>): { dispose(): void } => {
		this.listeners.push(listener);
		return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
	};

	fire(value: T): void {
		for (const listener of [...this.listeners]) listener(value);
	}

	dispose(): void {
		this.listeners = [];
	}
}

export class Disposable {
	constructor(private readonly onDispose: () => void) {}

	static from(...disposables: { dispose(): unknown }[]): Disposable {
		return new Disposable(() => {
			for (const d of disposables) d.dispose();
		});
	}

	dispose(): void {
		this.onDispose();
	}
}

export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;

interface ConfigurationChange {
	affectsConfiguration(section: string): boolean;
}

/** What the fake settings hold, and every write the code under test made. */
export const settings = {
	user: undefined as unknown,
	workspace: undefined as unknown,
	writes: [] as Array<{ key: string; value: unknown; target: number }>,
};

const configurationChanged = new EventEmitter<ConfigurationChange>();

/** Simulates a change from outside (settings editor, another window, git pull). */
export function changeSettingsFromOutside(scope: 'user' | 'workspace', value: unknown, key = 'braze.savedQueries'): void {
	settings[scope] = value;
	configurationChanged.fire({ affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) });
}

export const workspace = {
	workspaceFolders: [{ uri: { toString: () => 'file:///work/project' } }] as unknown[] | undefined,
	workspaceFile: undefined,
	isTrusted: true,
	onDidGrantWorkspaceTrust: new EventEmitter<void>().event,
	onDidChangeConfiguration: configurationChanged.event,
	onDidChangeWorkspaceFolders: new EventEmitter<void>().event,
	getConfiguration(section?: string) {
		// Only `braze.savedQueries` is held, under its full name or as a key of the `braze` section.
		const fullName = (key: string) => (section === undefined ? key : `${section}.${key}`);
		return {
			inspect(key: string) {
				return { key: fullName(key), globalValue: frozenCopy(settings.user), workspaceValue: frozenCopy(settings.workspace) };
			},
			async update(key: string, value: unknown, target: number): Promise<void> {
				await new Promise((resolve) => setImmediate(resolve)); // Writes are asynchronous in VS Code too.
				settings.writes.push({ key: fullName(key), value: frozenCopy(value), target });
				const scope = target === ConfigurationTarget.Global ? 'user' : 'workspace';
				changeSettingsFromOutside(scope, frozenCopy(value), fullName(key));
			},
		};
	},
};

export const l10n = englishL10n;

/** A `Memento` backed by a Map. */
export class MemoryMemento {
	readonly values = new Map<string, unknown>();

	get<T>(key: string): T | undefined {
		return this.values.get(key) as T | undefined;
	}

	keys(): readonly string[] {
		return [...this.values.keys()];
	}

	update(key: string, value: unknown): Promise<void> {
		if (value === undefined) this.values.delete(key);
		else this.values.set(key, JSON.parse(JSON.stringify(value)));
		return Promise.resolve();
	}
}

/** Starts a test from known settings. */
export function resetSettings(user: unknown, workspaceValue: unknown, hasWorkspace = true, trusted = true): void {
	workspace.isTrusted = trusted;
	settings.user = user;
	settings.workspace = workspaceValue;
	settings.writes = [];
	workspace.workspaceFolders = hasWorkspace ? [{ uri: { toString: () => 'file:///work/project' } }] : undefined;
}

function frozenCopy(value: unknown): unknown {
	if (value === undefined) return undefined;
	return deepFreeze(JSON.parse(JSON.stringify(value)));
}

function deepFreeze(value: unknown): unknown {
	if (typeof value === 'object' && value !== null) {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}

const fake = { EventEmitter, Disposable, ConfigurationTarget, workspace, l10n };
const moduleInternals = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolveFilename = moduleInternals._resolveFilename.bind(Module);
moduleInternals._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? 'vscode' : resolveFilename(request, ...rest));
require.cache.vscode = Object.assign(new Module('vscode'), { filename: 'vscode', loaded: true, exports: fake });
