// Braze: Save Chart as PNG / Save Chart as SVG / Copy Chart Image, for the active chart panel: the palette, the
// editor title and keybindings reach what the panel's buttons do. The webview draws; the panel writes or reports.
import * as vscode from 'vscode';
import type { PanelManager } from '../panel/panelManager';
import type { ShareAction } from '../shared/protocol';
import { l10n } from '../l10n';
import { targetUri } from './exportCommands';

const SHARE_COMMANDS: readonly (readonly [string, ShareAction])[] = [
	['braze.savePng', 'savePng'],
	['braze.saveSvg', 'saveSvg'],
	['braze.copyImage', 'copyImage'],
];

/** Each command takes `{uri}` (or a Uri) to skip the save dialog; resolves to the file, true/false for the clipboard, or undefined. */
export function registerShareCommands(context: vscode.ExtensionContext, panels: PanelManager): void {
	for (const [id, action] of SHARE_COMMANDS) {
		context.subscriptions.push(
			vscode.commands.registerCommand(id, (arg?: unknown) => {
				const target = action === 'copyImage' ? undefined : targetUri(arg);
				if (target === null) return undefined;
				const panel = panels.activePanel();
				if (!panel?.result) {
					void vscode.window.showInformationMessage(l10n.t('There is no chart yet. Open one with Braze: Show DAU or from a saved query first.'));
					return undefined;
				}
				return panel.requestShare(action, target);
			}),
		);
	}
}
