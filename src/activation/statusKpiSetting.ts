// Whether the status-bar KPI has anything to show: only then does activation load the code that fetches it.
import * as vscode from 'vscode';

/** True when `braze.statusBar.query` holds something (a name, or a wrong value the item reports as a warning). */
export function statusKpiWanted(): boolean {
	// The same setting as STATUS_QUERY_SETTING in src/statusKpi/statusKpi.ts, which activation does not load.
	const raw = vscode.workspace.getConfiguration().get<unknown>('braze.statusBar.query');
	return raw !== undefined && raw !== null && !(typeof raw === 'string' && raw.trim() === '');
}
