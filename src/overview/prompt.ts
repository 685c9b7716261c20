// The overview's prompt: the query prompt's range steps (a preset, or custom days and end), then one app or all apps.
// Back returns to the previous step with its answer kept. Several apps are not offered: their DAU cannot be added up
// (users would count twice).
import { BACK, inputStep, pickStep } from '../commands/multiStepInput';
import type { PickItem } from '../commands/multiStepInput';
import { rangeSteps, runSteps } from '../commands/rangeSteps';
import type { RangeAnswer } from '../commands/rangeSteps';
import { checkAppIdInput } from '../shared/inputValidation';
import type { OverviewRequest } from '../shared/overviewProtocol';
import type { SavedRange } from '../shared/rangePresets';
import { l10n } from '../l10n';
import { appIdProblem } from '../apps/appIdProblem';

export interface OverviewPromptOptions {
	readonly initial?: OverviewRequest;
	readonly recentAppIds: readonly string[];
	readonly now: () => Date;
}

type AppChoice = { readonly kind: 'all' } | { readonly kind: 'id'; readonly id: string } | { readonly kind: 'type' };

/** Asks for the range and the app; undefined when the user dismisses a step. */
export async function promptForOverview(options: OverviewPromptOptions): Promise<OverviewRequest | undefined> {
	const initial = options.initial?.range ?? { kind: 'preset', preset: 'last-30-days' };
	const days: RangeAnswer = initial.kind === 'custom' ? { range: 'custom', length: initial.length, end: initial.end } : { range: initial.preset, length: 30, end: { kind: 'yesterday' } };
	let appId = options.initial?.appId ?? null;
	const title = l10n.t('Braze: Show Overview');
	const app = async (step: number, totalSteps: number | undefined) => {
		const frame = { title, step, totalSteps };
		// Back from the identifier box comes back to this list.
		for (;;) {
			const appItem = (id: string, description: string): PickItem<AppChoice> => ({ label: id, description, value: { kind: 'id', id } });
			const items: PickItem<AppChoice>[] = [
				{ label: l10n.t('All apps'), description: l10n.t('every app of the workspace'), value: { kind: 'all' } },
				...(appId ? [appItem(appId, l10n.t('current'))] : []),
				...options.recentAppIds.filter((id) => id !== appId).map((id) => appItem(id, l10n.t('recently used'))),
				{ label: l10n.t('Enter an app identifier…'), value: { kind: 'type' } },
			];
			const picked = await pickStep<AppChoice>({
				...frame,
				placeholder: l10n.t('Which app? One app or all apps: the figures of several apps cannot be added up.'),
				items,
				activeValue: items.find((i) => (i.value.kind === 'id' ? i.value.id === appId : appId === null && i.value.kind === 'all'))?.value,
				itemFromTypedText: (text) => {
					const checked = checkAppIdInput(text);
					return checked.ok ? { label: l10n.t('Use app identifier “{0}”', checked.value), value: { kind: 'id', id: checked.value }, alwaysShow: true } : undefined;
				},
			});
			if (picked === undefined || picked === BACK) return picked;
			if (picked.kind !== 'type') {
				appId = picked.kind === 'all' ? null : picked.id;
				return 'next';
			}
			const typed = await inputStep({ ...frame, value: appId ?? '', prompt: l10n.t('App identifier (Settings > APIs and Identifiers in the Braze dashboard)'), validate: (t) => appIdProblem(t, l10n), opensFromList: true });
			if (typed === undefined) return undefined;
			if (typed === BACK) continue;
			appId = typed;
			return 'next';
		}
	};
	if (!(await runSteps([...rangeSteps(days, { title, now: options.now, editsCustom: initial.kind === 'custom' }), { run: app }]))) return undefined;
	const range: SavedRange = days.range === 'custom' ? { kind: 'custom', length: days.length, end: days.end } : { kind: 'preset', preset: days.range };
	return { range, appId, ...(options.initial?.connection !== undefined ? { connection: options.initial.connection } : {}) };
}
