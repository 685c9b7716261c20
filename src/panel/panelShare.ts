// The panel's share actions on the host side: the webview builds the PNG and the Markdown, the host puts them
// in a file (through a save dialog, like the exports) or on the clipboard.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { errorText } from '../shared/guards';
import type { PanelResult } from '../shared/protocol';
import { imageCopyFailureText } from './imageCopyText';

/** Puts `markdown` on the clipboard and says so in the status bar. */
export async function copyMarkdown(markdown: string): Promise<void> {
	await vscode.env.clipboard.writeText(markdown);
	vscode.window.setStatusBarMessage(l10n.t('Braze: Markdown copied to the clipboard.'), 3000);
}

/** A chart image the webview drew: PNG bytes as base64, or an SVG document. */
export type ChartImage = { readonly kind: 'png'; readonly data: string } | { readonly kind: 'svg'; readonly data: string };

/**
 * Writes the image to `target`, or asks where (a save dialog, which asks before replacing a file); resolves to the
 * file, or undefined when cancelled or failed (shown).
 */
export async function saveChartImage(image: ChartImage, result: PanelResult | null, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
	const name = result ? `braze-${result.query.metric}-${result.series.lastDate}.${image.kind}` : `braze-chart.${image.kind}`;
	const uri = target ?? (await vscode.window.showSaveDialog({
		title: image.kind === 'png' ? l10n.t('Save Chart as PNG') : l10n.t('Save Chart as SVG'),
		saveLabel: l10n.t('Save'),
		defaultUri: vscode.Uri.joinPath(folder, name),
		filters: image.kind === 'png' ? { PNG: ['png'] } : { SVG: ['svg'] },
	}));
	if (uri === undefined) return undefined;
	try {
		await vscode.workspace.fs.writeFile(uri, image.kind === 'png' ? Buffer.from(image.data, 'base64') : new TextEncoder().encode(image.data));
	} catch (error) {
		void vscode.window.showErrorMessage(l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), errorText(error)));
		return undefined;
	}
	vscode.window.setStatusBarMessage(l10n.t('Braze: chart saved to {0}.', vscode.workspace.asRelativePath(uri)), 5000);
	return uri;
}

/**
 * Says whether the chart image reached the clipboard; when the webview could not, why in words (the browser's own
 * text goes to `log` only), with Save as PNG instead.
 */
export function reportImageCopy(failure: string | null, saveInstead: () => void, log: (line: string) => void): void {
	if (failure === null) {
		vscode.window.setStatusBarMessage(l10n.t('Braze: chart image copied to the clipboard.'), 3000);
		return;
	}
	log(`Copy Chart Image failed in the webview: ${failure}`);
	const save = l10n.t('Save as PNG');
	const message = imageCopyFailureText(failure, l10n);
	void vscode.window.showWarningMessage(message, save).then((choice) => {
		if (choice === save) saveInstead();
	});
}
