// Braze: Export to JSON / Export to CSV (the active chart) and Braze: Open Exported Series, and the file flows
// behind them, which the chart panel calls too. Files go through `workspace.fs`, so remote workspaces work.
// Each command accepts `{uri}` (or a Uri, as the Explorer's context menu passes) that skips the file dialog.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { buildExportDocument, parseExportDocument, serializeExportDocument, suggestedExportFileName } from '../export/document';
import type { ParsedExport } from '../export/document';
import type { QueryRunner } from '../queries/runner';
import { resultToCsv } from '../export/resultCsv';
import { errorText, isRecord } from '../shared/guards';
import type { PanelResult } from '../shared/protocol';
import { safeForNotification } from '../shared/untrustedText';

const { window, workspace, commands } = vscode;

export function registerExportCommands(context: vscode.ExtensionContext, runner: QueryRunner): void {
	const exportActive = (format: ExportFormat) => (arg?: unknown) => {
		const target = targetUri(arg);
		if (target === null) return undefined;
		const result = activeResultOrExplain(runner);
		return result && writeExport(result, format, runner.extensionVersion, target);
	};
	const openExported = (arg?: unknown) => {
		const target = targetUri(arg);
		return target === null ? undefined : openExportedSeries(runner, target);
	};
	context.subscriptions.push(
		commands.registerCommand('braze.exportJson', exportActive('json')),
		commands.registerCommand('braze.exportCsv', exportActive('csv')),
		commands.registerCommand('braze.openExported', openExported),
	);
}

/** The result shown in the active chart panel; when there is none, says how to open one. */
export function activeResultOrExplain(runner: QueryRunner): PanelResult | undefined {
	const result = runner.activeResult();
	if (result === undefined) void window.showInformationMessage(l10n.t('There is no chart yet. Open one with Braze: Show DAU or from a saved query first.'));
	return result;
}

/**
 * A Uri, `{uri: Uri}`, or `{uri: string}`: an absolute path, a URI, or a path relative to the first workspace folder.
 * A Uri of a scheme no file system serves counts as none. Undefined asks with a dialog; null means the argument was refused, and the message saying why was shown.
 */
export function targetUri(arg: unknown): vscode.Uri | undefined | null {
	const value = isRecord(arg) && 'uri' in arg ? arg.uri : arg;
	// An editor-title action passes the active editor's resource: for a chart panel a `webview-panel:` Uri that no file
	// system serves. That is not a place to write to, so the dialog asks.
	if (value instanceof vscode.Uri) return workspace.fs.isWritableFileSystem(value.scheme) === undefined ? undefined : value;
	if (typeof value !== 'string' || value === '') return undefined;
	if (path.isAbsolute(value)) return vscode.Uri.file(value);
	if (URI_SCHEME.test(value)) {
		try {
			return vscode.Uri.parse(value, true);
		} catch (error) {
			return refuse(l10n.t('"{0}" is not a file path or URI: {1}', safeForNotification(value), safeForNotification(errorText(error))));
		}
	}
	const folder = workspace.workspaceFolders?.[0];
	if (folder === undefined) return refuse(l10n.t('The path "{0}" is relative and no workspace folder is open: give an absolute path or a URI.', safeForNotification(value)));
	return vscode.Uri.joinPath(folder.uri, ...value.split(/[\\/]+/).filter((part) => part !== ''));
}

/** Shows why a command's argument was refused; yields null, what `targetUri` returns then. */
function refuse(message: string): null {
	void window.showErrorMessage(message);
	return null;
}

/** "file:", "vscode-remote:"…: two letters at least, so that a Windows drive ("C:") reads as a path. */
const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** Larger than any series the extension writes (10,000 days is well under 1 MB); a guard against opening the wrong file. */
const MAX_EXPORT_FILE_MB = 10;

type ExportFormat = 'json' | 'csv';

/**
 * Writes `result` as JSON to `target`, or to the file chosen in a save dialog (which asks before replacing a file).
 * Resolves to the file written, or undefined when cancelled or failed (the error was shown).
 */
export function exportResultToJson(result: PanelResult, extensionVersion: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
	return writeExport(result, 'json', extensionVersion, target);
}

/**
 * Charts a previously exported file (`target`, or one chosen in an open dialog) without fetching.
 * Resolves to what was shown, or undefined when cancelled or the file is not an export (the problem was shown).
 */
export async function openExportedSeries(runner: QueryRunner, target?: vscode.Uri): Promise<PanelResult | undefined> {
	const uri = target ?? (await window.showOpenDialog({
		title: l10n.t('Open Exported Series'),
		openLabel: l10n.t('Open Series'),
		defaultUri: defaultFolder(),
		filters: { JSON: ['json'] },
	}))?.[0];
	if (uri === undefined) return undefined;
	let text: string | undefined;
	let problem: string | undefined;
	try {
		const { size, type } = await workspace.fs.stat(uri);
		// A device, a pipe or a link to one reports a size of 0 and may never end: only regular files are read.
		if ((type & vscode.FileType.File) === 0) problem = l10n.t('It is not a regular file.');
		else if (size > MAX_EXPORT_FILE_MB * 2 ** 20) problem = l10n.t('It is larger than {0} MB.', MAX_EXPORT_FILE_MB);
		else text = new TextDecoder().decode(await workspace.fs.readFile(uri));
	} catch (error) {
		return showError(l10n.t('Could not read {0}: {1}', displayPath(uri), safeForNotification(errorText(error))));
	}
	const parsed: ParsedExport = text === undefined ? { ok: false, problem: problem ?? '' } : parseExportDocument(text, l10n);
	if (!parsed.ok) return showError(l10n.t('{0} is not an exported Braze series. {1}', displayPath(uri), safeForNotification(parsed.problem)));
	const result: PanelResult = { ...parsed.result, source: { file: path.basename(uri.path), connection: parsed.result.source?.connection ?? null } };
	runner.show(result);
	return result;
}

async function writeExport(result: PanelResult, format: ExportFormat, extensionVersion: string, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
	const text = format === 'json' ? serializeExportDocument(buildExportDocument(result, extensionVersion)) : resultToCsv(result);
	const name = format.toUpperCase();
	const uri = target ?? (await window.showSaveDialog({
		title: l10n.t('Export to {0}', name),
		saveLabel: l10n.t('Export'),
		defaultUri: vscode.Uri.joinPath(defaultFolder(), suggestedExportFileName(result, format)),
		filters: { [name]: [format] },
	}));
	if (uri === undefined) return undefined;
	try {
		await workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	} catch (error) {
		return showError(l10n.t('Could not write {0}: {1}', displayPath(uri), safeForNotification(errorText(error))));
	}
	// Not awaited: the command is done once the file is written, whether or not the user answers.
	void announceExport(uri);
	return uri;
}

async function announceExport(uri: vscode.Uri): Promise<void> {
	const open = l10n.t('Open File');
	const reveal = revealAction(uri);
	const choice = await window.showInformationMessage(l10n.t('Exported to {0}.', displayPath(uri)), open, ...(reveal ? [reveal.title] : []));
	if (choice === open) await window.showTextDocument(uri);
	else if (reveal && choice === reveal.title) await commands.executeCommand(reveal.command, uri);
}

/** The Explorer view for a file in the workspace; the system's file manager for a local file elsewhere; nothing otherwise. */
function revealAction(uri: vscode.Uri): { title: string; command: string } | undefined {
	if (workspace.getWorkspaceFolder(uri) !== undefined) return { title: l10n.t('Reveal in Explorer'), command: 'revealInExplorer' };
	if (uri.scheme !== 'file' || vscode.env.remoteName !== undefined) return undefined;
	const title = process.platform === 'darwin' ? l10n.t('Reveal in Finder') : process.platform === 'win32' ? l10n.t('Reveal in File Explorer') : l10n.t('Open Containing Folder');
	return { title, command: 'revealFileInOS' };
}

/** The first workspace folder, else the user's home folder. */
function defaultFolder(): vscode.Uri {
	return workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

/** The file as the user knows it; a name is outside text, so it cannot render as a link. */
function displayPath(uri: vscode.Uri): string {
	return safeForNotification(uri.scheme === 'file' || workspace.getWorkspaceFolder(uri) !== undefined ? workspace.asRelativePath(uri, false) : uri.toString(true));
}

/** Shows `message` as an error; yields undefined, what a command returns when it could not do its job. */
export function showError(message: string): undefined {
	void window.showErrorMessage(message);
	return undefined;
}
