// The status-bar KPI: the saved query named by `braze.statusBar.query`, as its latest complete value and change,
// refreshed in the background from the cache plus at most one request. Never asks for anything: a missing key or
// a setting that names nothing becomes a warning item; nothing is written.
import * as vscode from 'vscode';
import { describeConnection } from '../connections/model';
import { l10n } from '../l10n';
import { metricShortName } from '../panel/chartPanel';
import type { SavedQueryStore } from '../queries/store';
import type { SavedQueryItem, UsableSavedQuery } from '../queries/model';
import { nameKey } from '../shared/settingsEntries';
import { assertNever } from '../shared/protocol';
import { fetchHeadless } from '../runner/headlessFetch';
import type { HeadlessFetchDeps } from '../runner/headlessFetch';
import { statusKpiProblem, statusKpiView, statusSpec } from './statusKpiText';
import type { StatusKpiView } from './statusKpiText';
import { resolvePresetDays } from '../shared/query';

export const STATUS_QUERY_SETTING = 'braze.statusBar.query';
export const STATUS_REFRESH_SETTING = 'braze.statusBar.refreshMinutes';
const DEFAULT_REFRESH_MINUTES = 60;
const MIN_REFRESH_MINUTES = 15;

export interface StatusKpiDeps {
	readonly headless: HeadlessFetchDeps;
	readonly savedQueries: Pick<SavedQueryStore, 'read' | 'onDidChange'>;
	readonly log: vscode.LogOutputChannel;
	/** Fires when a key is set or removed: a missing key may have been fixed. */
	readonly onDidChangeKeys: vscode.Event<unknown>;
	readonly onDidChangeConnections: vscode.Event<unknown>;
}

/** What the item shows now, for the integration tests. */
export interface StatusKpiSnapshot {
	readonly visible: boolean;
	readonly text: string;
	readonly tooltip: string;
	readonly command: string | undefined;
	readonly arguments: readonly unknown[];
}

export class StatusKpi implements vscode.Disposable {
	readonly #item = vscode.window.createStatusBarItem('braze.kpi', vscode.StatusBarAlignment.Left, 9);
	readonly #deps: StatusKpiDeps;
	readonly #subscriptions: vscode.Disposable[];
	#timer: ReturnType<typeof setInterval> | undefined;
	#visible = false;
	// Refreshes are asynchronous: only the latest may write the item.
	#generation = 0;
	#lastProblem = '';
	/** What the item was last computed for: the setting and the entry it named, as JSON. */
	#shownFor: string | undefined;
	/** Settles once the first refresh has shown (or hidden) the item: the end of the start-up work, for the figures. */
	readonly firstRefresh: Promise<void>;

	constructor(deps: StatusKpiDeps) {
		this.#deps = deps;
		this.#item.name = l10n.t('Braze KPI');
		const refresh = () => void this.refresh();
		this.#subscriptions = [
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(STATUS_REFRESH_SETTING)) this.#schedule();
				if (e.affectsConfiguration(STATUS_QUERY_SETTING)) refresh();
			}),
			// The store, not the setting: it re-reads the saved queries before it fires. It also fires when any query
			// runs (its last run time): only a change to the entry shown is worth a refresh, and maybe a request.
			deps.savedQueries.onDidChange(() => {
				if (this.#target() !== this.#shownFor) refresh();
			}),
			deps.onDidChangeKeys(refresh),
			deps.onDidChangeConnections(refresh),
		];
		this.#schedule();
		// Not during activation: the first refresh reads the disk and may send a request.
		this.firstRefresh = new Promise((resolve) => {
			const first = setTimeout(() => void this.refresh().finally(resolve), 0);
			this.#subscriptions.push({ dispose: () => (clearTimeout(first), resolve()) });
		});
	}

	/** Reads the settings, fetches the query headlessly and shows it; never throws. */
	async refresh(): Promise<void> {
		const generation = ++this.#generation;
		this.#shownFor = this.#target();
		const view = await this.#compute().catch((error: unknown) => this.#problem(l10n.t('Braze KPI'), l10n.t('The status bar KPI could not be refreshed: {0}', String(error)), '', undefined));
		if (generation !== this.#generation) return;
		if (view === undefined) {
			this.#visible = false;
			this.#item.hide();
			return;
		}
		this.#item.text = view.view.text;
		this.#item.tooltip = view.view.tooltip;
		this.#item.backgroundColor = view.view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
		this.#item.command = view.command;
		this.#visible = true;
		this.#item.show();
	}

	snapshot(): StatusKpiSnapshot {
		const command = this.#item.command;
		const tooltip = this.#item.tooltip;
		return {
			visible: this.#visible,
			text: this.#item.text,
			tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '',
			command: typeof command === 'string' ? command : command?.command,
			arguments: typeof command === 'object' ? command.arguments ?? [] : [],
		};
	}

	async #compute(): Promise<{ view: StatusKpiView; command: vscode.Command | undefined } | undefined> {
		const raw = vscode.workspace.getConfiguration().get<unknown>(STATUS_QUERY_SETTING);
		if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
		const openSetting: vscode.Command = { title: l10n.t('Open Settings'), command: 'workbench.action.openSettings', arguments: [STATUS_QUERY_SETTING] };
		if (typeof raw !== 'string') return this.#problem(l10n.t('Braze KPI'), l10n.t('braze.statusBar.query must be the name of a saved query.'), l10n.t('Click to open the setting.'), openSetting);
		const name = raw.trim();
		const item = this.#find(name);
		if (!item) return this.#problem(l10n.t('Braze KPI'), l10n.t('braze.statusBar.query names "{0}", but there is no saved query with that name.', name), l10n.t('Save a query with that name, or click to change the setting.'), openSetting);
		if (item.kind === 'broken') return this.#problem(l10n.t('Braze KPI'), l10n.t('The saved query "{0}" cannot be run. {1}', name, item.problem), l10n.t('Fix its entry in braze.savedQueries; it is never rewritten for you.'), openSetting);
		const metricName = metricShortName(item.spec.metric);
		const openChart: vscode.Command = { title: l10n.t('Open Chart'), command: 'braze.savedQueries.run', arguments: [{ scope: item.scope, name: item.name }] };
		// A preset's days as of now: a saved "last month" is always last month.
		const spec = resolvePresetDays(item.spec, this.#deps.headless.now());
		const outcome = await fetchHeadless(this.#deps.headless, statusSpec(spec), { from: item.scope });
		switch (outcome.kind) {
			case 'ok':
				this.#lastProblem = '';
				return { view: statusKpiView(item.name, metricName, spec.length, outcome.result, describeConnection(outcome.connection), l10n, vscode.env.language), command: openChart };
			case 'noKey':
				return this.#problem(metricName, l10n.t('The connection "{0}" has no API key, so the status bar KPI was not fetched.', outcome.connection.name), l10n.t('Click to set its API key.'), { title: l10n.t('Set API Key'), command: 'braze.setApiKey', arguments: [{ scope: outcome.connection.scope, connection: outcome.connection.name }] });
			case 'noConnection':
				return this.#problem(metricName, outcome.name === undefined ? l10n.t('There is no Braze connection to fetch the status bar KPI from.') : l10n.t('There is no connection named "{0}".', outcome.name), l10n.t('Add the connection, or edit the saved query.'), { title: l10n.t('Add Connection'), command: 'braze.addConnection' });
			case 'invalid':
			case 'failed':
				return this.#problem(metricName, outcome.message, l10n.t('Click to run the query and see the details.'), openChart);
			case 'cancelled':
				return undefined;
			default:
				return assertNever(outcome);
		}
	}

	/** The setting's value and the entry it names now, as one string to compare. */
	#target(): string {
		const raw = vscode.workspace.getConfiguration().get<unknown>(STATUS_QUERY_SETTING);
		const item = typeof raw === 'string' && raw.trim() !== '' ? this.#find(raw.trim()) : undefined;
		return JSON.stringify([raw, item?.scope, item?.raw]);
	}

	/** The saved query named `name`: the workspace's first (it is the more specific), then the user's; a broken entry counts. */
	#find(name: string): SavedQueryItem | undefined {
		const key = nameKey(name);
		const levels = [...this.#deps.savedQueries.read()].sort((a, b) => Number(b.scope === 'workspace') - Number(a.scope === 'workspace'));
		const all = levels.flatMap((level) => level.items.filter((item) => item.name !== null && nameKey(item.name) === key));
		return all.find((item): item is UsableSavedQuery => item.kind === 'query') ?? all[0];
	}

	/** A warning item, logged once per distinct problem (a refresh every hour need not repeat it). */
	#problem(label: string, reason: string, action: string, command: vscode.Command | undefined): { view: StatusKpiView; command: vscode.Command | undefined } {
		if (reason !== this.#lastProblem) this.#deps.log.warn(`Status bar KPI: ${reason}`);
		this.#lastProblem = reason;
		return { view: statusKpiProblem(label, reason, action), command };
	}

	#schedule(): void {
		if (this.#timer !== undefined) clearInterval(this.#timer);
		this.#timer = setInterval(() => void this.refresh(), refreshMinutes() * 60_000);
	}

	dispose(): void {
		if (this.#timer !== undefined) clearInterval(this.#timer);
		this.#generation++;
		for (const s of this.#subscriptions) s.dispose();
		this.#item.dispose();
	}
}

/** `braze.statusBar.refreshMinutes`: at least 15, default 60. */
export function refreshMinutes(): number {
	const raw = vscode.workspace.getConfiguration().get<unknown>(STATUS_REFRESH_SETTING);
	if (typeof raw !== 'number' || !Number.isFinite(raw)) return DEFAULT_REFRESH_MINUTES;
	return Math.max(MIN_REFRESH_MINUTES, raw);
}
