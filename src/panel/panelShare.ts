// The panel's share actions on the host side: the webview builds the PNG and the Markdown, the host puts them
// in a file (through a save dialog, like the exports) or on the clipboard.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { errorText } from '../shared/guards';
import type { PanelResult } from '../shared/protocol';

/** Puts `markdown` on the clipboard and says so in the status bar. */
export async function copyMarkdown(markdown: string): Promise<void> {
	await vscode.env.clipboard.writeText(markdown);
	vscode.window.setStatusBarMessage(l10n.t('Braze: Markdown copied to the clipboard.'), 3000);
}

/** Asks where to save the chart and writes the PNG there; resolves to the file, or undefined when cancelled or failed (shown). */
export async function saveChartPng(base64: string, result: PanelResult | null): Promise<vscode.Uri | undefined> {
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
	const name = result ? `braze-${result.query.metric}-${result.series.lastDate}.png` : 'braze-chart.png';
	const uri = await vscode.window.showSaveDialog({
		title: l10n.t('Save Chart as PNG'),
		saveLabel: l10n.t('Save'),
		defaultUri: vscode.Uri.joinPath(folder, name),
		filters: { PNG: ['png'] },
	});
	if (uri === undefined) return undefined;
	try {
		await vscode.workspace.fs.writeFile(uri, Buffer.from(base64, 'base64'));
	} catch (error) {
		void vscode.window.showErrorMessage(l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), errorText(error)));
		return undefined;
	}
	vscode.window.setStatusBarMessage(l10n.t('Braze: chart saved to {0}.', vscode.workspace.asRelativePath(uri)), 5000);
	return uri;
}
