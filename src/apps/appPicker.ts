// The multi-select of apps: all apps, named apps (`braze.apps`), recent identifiers, and an identifier typed
// in. The order in which apps are checked is kept: the prompt makes the first one the query's own app.
import * as vscode from 'vscode';
import { checkAppIdInput } from '../shared/inputValidation';
import { appIdProblem } from './appIdProblem';
import { l10n } from '../l10n';
import { BACK } from '../commands/multiStepInput';
import type { StepResult } from '../commands/multiStepInput';
import type { AppDirectory } from './appDirectory';
import { MAX_CHART_SERIES } from '../shared/protocol';

type AppValue = string | null;

interface AppItem extends vscode.QuickPickItem {
	/** The app, or undefined for the item that asks for one to be typed. */
	readonly app: AppValue | undefined;
	/** "Enter an app identifier…": an input box follows. */
	readonly typeIn?: true;
}

/** The apps checked, in order, and whether an identifier is to be typed in an input box next. */
export interface PickedApps {
	readonly apps: AppValue[];
	readonly typeIn: boolean;
}

export interface AppPickOptions {
	readonly title: string;
	readonly step?: number;
	readonly totalSteps?: number | undefined;
	readonly placeholder: string;
	readonly directory: AppDirectory;
	readonly recent: readonly string[];
	/** Apps checked at the start, in order. */
	readonly checked: readonly AppValue[];
	/** The app the list starts on (Enter with nothing checked takes it). */
	readonly active?: AppValue;
	/** Apps not offered (the query's own app, when choosing what to compare it with). */
	readonly excluded?: readonly AppValue[];
	/** The most apps that may be checked. */
	readonly max: number;
	/** Accepting with nothing checked and nothing active yields [] (the panel's Compare…); otherwise it is refused. */
	readonly allowNone: boolean;
}

/** The apps chosen, in the order they were checked; BACK, or undefined when dismissed. */
export function pickApps(options: AppPickOptions): Promise<StepResult<PickedApps>> {
	const { directory } = options;
	const excluded = new Set(options.excluded ?? []);
	const named = directory.list();
	const base: AppItem[] = [
		{ label: l10n.t('All apps'), description: l10n.t('every app of the workspace'), app: null },
		...named.map((a) => ({ label: a.name, detail: a.appId, app: a.appId })),
		...[...new Set([...options.checked.filter((a): a is string => a !== null), ...options.recent])]
			.filter((id) => directory.nameOf(id) === undefined)
			.map((id) => ({ label: id, description: options.recent.includes(id) ? l10n.t('recently used') : undefined, app: id })),
	].filter((item) => !excluded.has(item.app ?? null));
	base.push({ label: l10n.t('Enter an app identifier…'), app: undefined, typeIn: true });
	const pick = vscode.window.createQuickPick<AppItem>();
	pick.title = options.title;
	if (options.step !== undefined) pick.step = options.step;
	if (options.totalSteps !== undefined) pick.totalSteps = options.totalSteps;
	pick.placeholder = options.placeholder;
	pick.canSelectMany = true;
	pick.matchOnDescription = true;
	pick.matchOnDetail = true;
	pick.ignoreFocusOut = true;
	pick.buttons = (options.step ?? 1) > 1 ? [vscode.QuickInputButtons.Back] : [];
	pick.items = base;
	// Checked order: what was checked before stays first, new checks go last.
	let order: AppValue[] = options.checked.filter((a) => !excluded.has(a));
	const itemOf = (app: AppValue) => pick.items.find((i) => i.app === app);
	pick.selectedItems = order.map(itemOf).filter((i): i is AppItem => i !== undefined);
	const active = options.active === undefined ? undefined : itemOf(options.active);
	if (active) pick.activeItems = [active];

	return new Promise((resolve) => {
		let settled = false;
		const finish = (value: StepResult<PickedApps>) => {
			if (settled) return;
			settled = true;
			for (const d of subscriptions) d.dispose();
			pick.dispose();
			resolve(value);
		};
		const subscriptions = [
			pick.onDidChangeValue((text) => {
				const typed = typedItem(text, base, excluded);
				// Text that is no app and cannot be an identifier: the title says what to type, where no row can be checked.
				pick.title = refusedText(text, base) ?? options.title;
				const selected = pick.selectedItems;
				pick.items = typed ? [typed, ...base] : base;
				// Setting the items drops the checks: put them back.
				pick.selectedItems = pick.items.filter((i) => selected.some((s) => s.app === i.app && s.app !== undefined));
			}),
			pick.onDidChangeSelection((selected) => {
				// An identifier typed in and checked stays in the list once the text that offered it is gone.
				for (const item of selected) if (typeof item.app === 'string' && !base.some((b) => b.app === item.app)) base.splice(base.length - 1, 0, { label: item.app, app: item.app });
				const now = selected.filter((i) => i.app !== undefined).map((i) => i.app as AppValue);
				order = [...order.filter((a) => now.includes(a)), ...now.filter((a) => !order.includes(a))];
			}),
			pick.onDidAccept(() => {
				const chosen = [...order];
				// Enter with nothing checked takes the active row (an identifier typed in, say), as a single pick would.
				const extra = chosen.length === 0 ? pick.activeItems[0] : undefined;
				if (extra?.app !== undefined && !chosen.includes(extra.app)) chosen.push(extra.app);
				const typeIn = pick.selectedItems.some((i) => i.typeIn) || (extra?.typeIn ?? false);
				if (chosen.length === 0 && !typeIn && !options.allowNone) return;
				if (chosen.length > options.max) {
					pick.placeholder = l10n.t('Pick at most {0} apps: one chart shows {1} series at most.', options.max, MAX_CHART_SERIES);
					return;
				}
				finish({ apps: chosen, typeIn });
			}),
			pick.onDidTriggerButton((button) => {
				if (button === vscode.QuickInputButtons.Back) finish(BACK);
			}),
			pick.onDidHide(() => finish(undefined)),
		];
		pick.show();
	});
}

/** What typed text adds: an identifier to use, or nothing (it filters the list, or `refusedText` says why it cannot be one). */
function typedItem(text: string, base: readonly AppItem[], excluded: ReadonlySet<AppValue>): AppItem | undefined {
	const checked = checkAppIdInput(text);
	if (!checked.ok || excluded.has(checked.value) || base.some((i) => i.app === checked.value)) return undefined;
	return { label: l10n.t('Use app identifier “{0}”', checked.value), app: checked.value, alwaysShow: true };
}

/** What to type instead, when typed text matches no app of the list and cannot be an app identifier; undefined otherwise. */
function refusedText(text: string, base: readonly AppItem[]): string | undefined {
	const needle = text.trim().toLowerCase();
	if (needle === '') return undefined;
	const matches = base.some((i) => !i.typeIn && [i.label, i.detail ?? '', i.description ?? ''].some((t) => t.toLowerCase().includes(needle)));
	return matches ? undefined : appIdProblem(text, l10n);
}
