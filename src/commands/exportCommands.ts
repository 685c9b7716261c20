// Braze: Export to JSON / Export to CSV (the active chart) and Braze: Open Exported Series, and the file flows
// behind them, which the chart panel calls too. Files go through `vscode.workspace.fs`, so remote workspaces work.
// Each command accepts `{uri}` (or a Uri, as the Explorer's context menu passes) that skips the file dialog.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildExportDocument, parseExportDocument, serializeExportDocument, suggestedExportFileName } from '../export/document';
import type { QueryRunner } from '../queries/runner';
import { seriesToCsv } from '../shared/csv';
import type { PanelResult } from '../shared/protocol';

export function registerExportCommands(context: vscode.ExtensionContext, runner: QueryRunner): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('braze.exportJson', (arg?: unknown) =>
			withActiveResult(runner, (result) => exportResultToJson(result, runner.extensionVersion, targetUri(arg)))),
		vscode.commands.registerCommand('braze.exportCsv', (arg?: unknown) =>
			withActiveResult(runner, (result) => exportResultToCsv(result, targetUri(arg)))),
		vscode.commands.registerCommand('braze.openExported', (arg?: unknown) => openExportedSeries(runner, targetUri(arg))),
	);
}

async function withActiveResult<T>(runner: QueryRunner, work: (result: PanelResult) => Promise<T>): Promise<T | undefined> {
	const result = runner.activeResult();
	if (result === undefined) {
		void vscode.window.showInformationMessage(vscode.l10n.t('There is no chart to export yet. Open one with Braze: Show DAU or from a saved query, then export it.'));
		return undefined;
	}
	return work(result);
}

/** A Uri, `{uri: Uri}`, or `{uri: string}` (an absolute path or a URI); undefined asks with a dialog. */
export function targetUri(arg: unknown): vscode.Uri | undefined {
	const value = typeof arg === 'object' && arg !== null && 'uri' in arg ? arg.uri : arg;
	if (value instanceof vscode.Uri) return value;
	if (typeof value === 'string' && value !== '') return path.isAbsolute(value) ? vscode.Uri.file(value) : vscode.Uri.parse(value, true);
	return undefined;
}

/** Larger than any series the extension writes (10,000 days is well under 1 MB); a guard against opening the wrong file. */
const MAX_EXPORT_FILE_BYTES = 10 * 1024 * 1024;

type ExportFormat = 'json' | 'csv';

/**
 * Writes `result` as JSON to `target`, or to the file chosen in a save dialog (which asks before replacing a file).
 * Resolves to the file written, or undefined when cancelled or failed (the error was shown).
 */
export function exportResultToJson(result: PanelResult, extensionVersion: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
	return writeExport(result, 'json', serializeExportDocument(buildExportDocument(result, extensionVersion)), target);
}

/** Like `exportResultToJson`, as `date,<metric>` CSV with one row per day and gaps as empty cells. */
export function exportResultToCsv(result: PanelResult, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
	return writeExport(result, 'csv', seriesToCsv(result.series), target);
}

/**
 * Charts a previously exported file (`target`, or one chosen in an open dialog) without fetching.
 * Resolves to what was shown, or undefined when cancelled or the file is not an export (the problem was shown).
 */
export async function openExportedSeries(runner: QueryRunner, target?: vscode.Uri): Promise<PanelResult | undefined> {
	const uri = target ?? (await vscode.window.showOpenDialog({
		title: vscode.l10n.t('Open Exported Series'),
		openLabel: vscode.l10n.t('Open Series'),
		defaultUri: defaultFolder(),
		canSelectMany: false,
		filters: { [vscode.l10n.t('JSON')]: ['json'] },
	}))?.[0];
	if (uri === undefined) return undefined;
	let text: string;
	try {
		const stat = await vscode.workspace.fs.stat(uri);
		if (stat.size > MAX_EXPORT_FILE_BYTES) {
			void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not an exported Braze series: it is larger than {1} MB.', displayPath(uri), MAX_EXPORT_FILE_BYTES / 1024 / 1024));
			return undefined;
		}
		text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
	} catch (error) {
		void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', displayPath(uri), errorText(error)));
		return undefined;
	}
	const parsed = parseExportDocument(text, vscode.l10n);
	if (!parsed.ok) {
		void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not an exported Braze series: {1}.', displayPath(uri), parsed.problem));
		return undefined;
	}
	runner.show(parsed.result);
	return parsed.result;
}

async function writeExport(result: PanelResult, format: ExportFormat, text: string, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
	const uri = target ?? (await vscode.window.showSaveDialog({
		title: format === 'json' ? vscode.l10n.t('Export to JSON') : vscode.l10n.t('Export to CSV'),
		saveLabel: vscode.l10n.t('Export'),
		defaultUri: vscode.Uri.joinPath(defaultFolder(), suggestedExportFileName(result, format)),
		filters: format === 'json' ? { [vscode.l10n.t('JSON')]: ['json'] } : { [vscode.l10n.t('CSV')]: ['csv'] },
	}));
	if (uri === undefined) return undefined;
	try {
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	} catch (error) {
		void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', displayPath(uri), errorText(error)));
		return undefined;
	}
	// Not awaited: the command is done once the file is written, whether or not the user answers.
	void announceExport(uri);
	return uri;
}

async function announceExport(uri: vscode.Uri): Promise<void> {
	const open = vscode.l10n.t('Open File');
	const reveal = revealAction(uri);
	const actions = reveal === undefined ? [open] : [open, reveal.title];
	const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', displayPath(uri)), ...actions);
	if (choice === open) await vscode.window.showTextDocument(uri);
	else if (reveal !== undefined && choice === reveal.title) await vscode.commands.executeCommand(reveal.command, uri);
}

/** The Explorer view for a file in the workspace; the system's file manager for a local file elsewhere; nothing otherwise. */
function revealAction(uri: vscode.Uri): { title: string; command: string } | undefined {
	if (vscode.workspace.getWorkspaceFolder(uri) !== undefined) return { title: vscode.l10n.t('Reveal in Explorer'), command: 'revealInExplorer' };
	if (uri.scheme !== 'file' || vscode.env.remoteName !== undefined) return undefined;
	const title = process.platform === 'darwin' ? vscode.l10n.t('Reveal in Finder') : process.platform === 'win32' ? vscode.l10n.t('Reveal in File Explorer') : vscode.l10n.t('Open Containing Folder');
	return { title, command: 'revealFileInOS' };
}

/** The first workspace folder, else the user's home folder. */
function defaultFolder(): vscode.Uri {
	return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

function displayPath(uri: vscode.Uri): string {
	return uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(uri) !== undefined ? vscode.workspace.asRelativePath(uri, false) : uri.toString(true);
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
