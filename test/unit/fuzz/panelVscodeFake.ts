// The few parts of `vscode` a chart panel touches, for driving the real ChartPanel in plain Node: a webview panel
// whose webview records what the host posts and delivers what the "webview" sends. Import it before the panel:
// it answers `require('vscode')` from then on.
import Module from 'node:module';
import { englishL10n } from '../../../src/shared/l10n';

type Listener<T> = (value: T) => void;

class EventEmitter<T> {
	private listeners: Listener<T>[] = [];
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

class FakeUri {
	constructor(readonly path: string) {}
	static joinPath(base: FakeUri, ...segments: string[]): FakeUri {
		return new FakeUri([base.path, ...segments].join('/'));
	}
	toString(): string {
		return `file://${this.path}`;
	}
}

export class FakeWebview {
	options: unknown;
	html = '';
	readonly cspSource = 'https://webview.fake';
	/** What the host posted, as the webview receives it (through JSON). */
	readonly posted: unknown[] = [];
	readonly #received = new EventEmitter<unknown>();
	readonly onDidReceiveMessage = this.#received.event;

	postMessage(message: unknown): Promise<boolean> {
		this.posted.push(JSON.parse(JSON.stringify(message)) as unknown);
		return Promise.resolve(true);
	}

	asWebviewUri(uri: FakeUri): { toString(): string } {
		return { toString: () => `https://webview.fake${uri.path}` };
	}

	/** The webview sends `message`, as VS Code delivers it to the extension host. */
	deliver(message: unknown): void {
		this.#received.fire(message);
	}
}

export class FakeWebviewPanel {
	readonly webview = new FakeWebview();
	title = '';
	iconPath: unknown;
	/** Always shown: the fuzzed panel never goes to a background tab. */
	readonly visible = true;
	readonly #disposed = new EventEmitter<void>();
	readonly onDidDispose = this.#disposed.event;
	readonly #viewState = new EventEmitter<{ webviewPanel: FakeWebviewPanel }>();
	readonly onDidChangeViewState = this.#viewState.event;

	reveal(): void {}

	dispose(): void {
		this.#disposed.fire();
	}
}

export const extensionUri = new FakeUri('/extension');

const fake = {
	EventEmitter,
	Uri: FakeUri,
	Disposable: { from: (...items: { dispose(): unknown }[]) => ({ dispose: () => items.forEach((i) => i.dispose()) }) },
	l10n: { ...englishL10n, bundle: undefined },
	env: { language: 'en' },
};
const moduleInternals = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolveFilename = moduleInternals._resolveFilename.bind(Module);
moduleInternals._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? 'vscode' : resolveFilename(request, ...rest));
require.cache.vscode = Object.assign(new Module('vscode'), { filename: 'vscode', loaded: true, exports: fake });
