// The `braze.apps` setting, read again whenever it changes. Problems with entries go to the log and, once per
// distinct set of problems, to a notification; the setting is never rewritten.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../config/settings';
import { l10n } from '../l10n';
import { AppDirectory, readAppsSetting } from './appDirectory';
import type { AppsReading } from './appDirectory';

export class AppNames implements vscode.Disposable {
	readonly #changed = new vscode.EventEmitter<void>();
	/** Fires when the names may have changed. */
	readonly onDidChange = this.#changed.event;
	readonly #log: vscode.LogOutputChannel;
	readonly #subscription: vscode.Disposable;
	#reading: AppsReading | undefined;
	#shownProblems = '';

	constructor(log: vscode.LogOutputChannel) {
		this.#log = log;
		this.#subscription = vscode.workspace.onDidChangeConfiguration((e) => {
			if (!e.affectsConfiguration(`${SETTINGS_SECTION}.apps`)) return;
			this.#reading = undefined;
			this.#changed.fire();
		});
	}

	/** The names that apply on `connection` (by name; undefined: names for every connection only). */
	directory(connection: string | undefined): AppDirectory {
		return new AppDirectory(this.#read().entries, connection);
	}

	/** "iOS", or the identifier when the app has no name; "All apps" for null. */
	label(appId: string | null, connection: string | undefined): string {
		return appId === null ? l10n.t('All apps') : this.directory(connection).nameOf(appId) ?? appId;
	}

	#read(): AppsReading {
		if (this.#reading) return this.#reading;
		// In a restricted workspace, VS Code gives the user's value only: `braze.apps` is a restricted setting.
		const reading = readAppsSetting(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('apps'), l10n);
		this.#reading = reading;
		const problems = reading.problems.join('\n');
		if (problems !== '' && problems !== this.#shownProblems) {
			for (const problem of reading.problems) this.#log.warn(problem);
			void vscode.window.showWarningMessage(
				reading.problems.length === 1 ? reading.problems[0] : l10n.t('{0} entries of braze.apps are left out; the Braze log says why. Fix them in your settings.', reading.problems.length),
			);
		}
		this.#shownProblems = problems;
		return reading;
	}

	dispose(): void {
		this.#subscription.dispose();
		this.#changed.dispose();
	}
}
