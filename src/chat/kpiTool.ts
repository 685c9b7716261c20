// The language model tool: Copilot's agent mode (or any extension, through vscode.lm.invokeTool) asks for a KPI
// series and gets the summary figures as a small table. Same connection, key, cache and validation rules as the
// commands; it never prompts. Bad input is answered with a result that says what to change, never an exception.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { appName, metricShortName } from '../panel/chartPanel';
import { pluralForm } from '../shared/plural';
import { assertNever } from '../shared/protocol';
import { fetchHeadless, headlessConnection, headlessRequestsNeeded } from '../runner/headlessFetch';
import type { HeadlessFetchDeps } from '../runner/headlessFetch';
import { checkToolInput } from './toolInput';
import type { KpiToolInput } from './toolInput';
import { toolResultText } from './toolResultText';

/** What `prepareInvocation` decided, for the integration tests (a confirmation cannot be answered from the host). */
export interface KpiToolPreparation {
	readonly invocationMessage: string;
	readonly confirmation?: { readonly title: string; readonly message: string };
}

export class KpiTool implements vscode.LanguageModelTool<KpiToolInput> {
	readonly #deps: HeadlessFetchDeps;
	readonly #log: vscode.LogOutputChannel;

	constructor(deps: HeadlessFetchDeps, log: vscode.LogOutputChannel) {
		this.#deps = deps;
		this.#log = log;
	}

	/**
	 * Asks for confirmation when the call would send requests, naming the connection and how many: Braze's hourly
	 * quota is shared with the workspace's production traffic. A call served from the cache, or one that will only
	 * explain a problem, sends nothing and needs no confirmation.
	 */
	async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<KpiToolInput>): Promise<vscode.PreparedToolInvocation> {
		const preparation = await this.prepare(options.input);
		return { invocationMessage: preparation.invocationMessage, ...(preparation.confirmation ? { confirmationMessages: preparation.confirmation } : {}) };
	}

	async prepare(input: unknown): Promise<KpiToolPreparation> {
		const generic = { invocationMessage: l10n.t('Reading Braze KPIs') };
		try {
			const checked = checkToolInput(input, this.#deps.now(), l10n);
			if (!checked.ok) return generic;
			const { spec } = checked;
			const connection = await headlessConnection(this.#deps, spec);
			if (!connection || (await this.#deps.access.storedKey(connection)) === undefined) return generic;
			const requests = await headlessRequestsNeeded(this.#deps, connection, spec);
			const what = l10n.t('{0} for {1}', metricShortName(spec.metric), appName(spec));
			if (requests === 0) return { invocationMessage: l10n.t('Reading {0} from the cache of "{1}"', what, connection.name) };
			const instance = connection.endpoint.label ?? connection.endpoint.host;
			return {
				invocationMessage: l10n.t('Fetching {0} from "{1}"', what, connection.name),
				confirmation: {
					title: l10n.t('Fetch {0} from Braze?', what),
					message: pluralForm(requests, vscode.env.language) === 'one'
						? l10n.t('This sends {0} request to the connection "{1}" ({2}), from its workspace\'s hourly quota, which it shares with production traffic.', requests, connection.name, instance)
						: l10n.t('This sends {0} requests to the connection "{1}" ({2}), from its workspace\'s hourly quota, which it shares with production traffic.', requests, connection.name, instance),
				},
			};
		} catch {
			return generic;
		}
	}

	async invoke(options: vscode.LanguageModelToolInvocationOptions<KpiToolInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
		return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await this.answer(options.input, token))]);
	}

	/** The text of the answer: the table, or what to change. */
	async answer(input: unknown, token?: vscode.CancellationToken): Promise<string> {
		const checked = checkToolInput(input, this.#deps.now(), l10n);
		if (!checked.ok) return this.#refuse(checked.problem);
		const { spec } = checked;
		const controller = new AbortController();
		const cancelled = token?.onCancellationRequested(() => controller.abort());
		try {
			const outcome = await fetchHeadless(this.#deps, spec, { signal: controller.signal });
			switch (outcome.kind) {
				case 'ok':
					return toolResultText(outcome.result, spec.length, { metricName: metricShortName(spec.metric), appName: appName(spec), connectionName: outcome.connection.name, locale: vscode.env.language }, l10n);
				case 'noConnection':
					return this.#refuse(outcome.name === undefined
						? l10n.t('There is no Braze connection yet. The user must add one with "Braze: Add Connection".')
						: l10n.t('There is no connection named "{0}". Known connections: {1}.', outcome.name, this.#knownConnections()));
				case 'noKey':
					return this.#refuse(l10n.t('The connection "{0}" has no API key, and this tool never asks for one. The user must run "Braze: Set API Key" for it first.', outcome.connection.name));
				case 'invalid':
					return this.#refuse(outcome.message);
				case 'failed':
					return this.#refuse(l10n.t('Braze did not answer with the series: {0}', outcome.message));
				case 'cancelled':
					return this.#refuse(l10n.t('Cancelled: nothing was fetched.'));
				default:
					return assertNever(outcome);
			}
		} catch (error) {
			return this.#refuse(l10n.t('Unexpected error: {0}', String(error)));
		} finally {
			cancelled?.dispose();
		}
	}

	#knownConnections(): string {
		const names = this.#deps.connections.all().map((c) => `"${c.name}"`);
		return names.length > 0 ? names.join(', ') : l10n.t('none');
	}

	#refuse(problem: string): string {
		this.#log.warn(`Chat tool: ${problem}`);
		return l10n.t('Error: {0}', problem);
	}
}
