// What the saved queries and the export commands need from the rest of the extension. The lead implements it
// in the wiring; the tree and commands only call it.
import type { SettingsScope } from '../config/settingsArray';
import type { PanelResult } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';

export interface QueryRunner {
	/** Runs under a cancellable progress notification and opens or reveals the query's chart panel; undefined when it failed or was cancelled (the error was already shown). */
	run(spec: KpiQuerySpec, title?: string, from?: SettingsScope): Promise<PanelResult | undefined>;
	/** The name of the active connection, if any: a saved query on another connection says so. */
	activeConnectionName(): string | undefined;
	/** The multi-step quick input (metric/length/end/app), pre-filled from `initial`; undefined when the user cancelled. */
	promptForQuery(initial?: KpiQuerySpec, metric?: undefined, title?: string): Promise<KpiQuerySpec | undefined>;
	/** The result shown in the active (or most recently active) chart panel. */
	activeResult(): PanelResult | undefined;
	/** Opens or reveals a chart panel showing `result` without fetching (an exported file reopened). */
	show(result: PanelResult): void;
	/** The extension version, for exported files. */
	readonly extensionVersion: string;
}
