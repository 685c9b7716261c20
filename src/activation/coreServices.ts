// What activation builds and hands to the features bundle when it loads: one instance of each, shared by both.
import type * as vscode from 'vscode';
import type { AppNames } from '../apps/appNames';
import type { PresentedError } from '../commands/errorPresenter';
import type { ConnectionKeyStore } from '../connections/keyStore';
import type { ConnectionStore } from '../connections/store';
import type { ConnectionNode } from '../connections/tree';
import type { SavedQueryStore } from '../queries/store';
import type { SavedQueryNode } from '../queries/tree';
import type { WalkthroughProgress } from '../walkthrough/walkthroughProgress';

export interface CoreServices {
	readonly context: vscode.ExtensionContext;
	readonly log: vscode.LogOutputChannel;
	readonly connections: ConnectionStore;
	readonly keys: ConnectionKeyStore;
	readonly connectionsView: vscode.TreeView<ConnectionNode>;
	readonly savedQueries: SavedQueryStore;
	readonly savedQueriesView: vscode.TreeView<SavedQueryNode>;
	readonly walkthrough: WalkthroughProgress;
	/** App names (`braze.apps`): the Saved Queries view shows them from the start. */
	readonly apps: AppNames;
	/** Every error message shown since activation, newest last (the integration tests read it). */
	readonly presentedErrors: PresentedError[];
	readonly extensionVersion: string;
	/** `braze.restEndpoint` and the saved queries' endpoints: where an earlier version may have kept keys. */
	readonly legacySettingValues: () => unknown[];
}
