// The overview's prompt: a range (a preset, or custom days and end) then one app or all apps. Back returns to the
// previous step with its answer kept. Several apps are not offered: their DAU cannot be added up (users would count twice).
import { BACK, inputStep, pickStep } from '../commands/multiStepInput';
import type { PickItem } from '../commands/multiStepInput';
import { addDays, brazeToday } from '../shared/dates';
import { checkAppIdInput, checkEndDateInput, checkLengthInput } from '../shared/inputValidation';
import type { OverviewRequest } from '../shared/overviewProtocol';
import { MAX_QUERY_LENGTH } from '../shared/query';
import type { SeriesEnd } from '../shared/query';
import { RANGE_PRESETS, resolveRangePreset } from '../shared/rangePresets';
import type { RangePreset, SavedRange } from '../shared/rangePresets';
import { l10n } from '../l10n';
import { presetLabel } from './rangeLabel';

export interface OverviewPromptOptions {
	readonly initial?: OverviewRequest;
	readonly recentAppIds: readonly string[];
	readonly now: () => Date;
}

type Step = 'range' | 'days' | 'end' | 'date' | 'app' | 'typeApp';
type AppChoice = { readonly kind: 'all' } | { readonly kind: 'id'; readonly id: string } | { readonly kind: 'type' };

/** Asks for the range and the app; undefined when the user dismisses a step. */
export async function promptForOverview(options: OverviewPromptOptions): Promise<OverviewRequest | undefined> {
	let range: SavedRange = options.initial?.range ?? { kind: 'preset', preset: 'last-30-days' };
	let length = range.kind === 'custom' ? range.length : 30;
	let end: SeriesEnd = range.kind === 'custom' ? range.end : { kind: 'yesterday' };
	let appId = options.initial?.appId ?? null;
	const today = brazeToday(options.now());
	const title = l10n.t('Braze: Show Overview');
	const history: Step[] = [];
	let step: Step | undefined = 'range';
	while (step) {
		// Custom adds the days and end steps (and the date box); typing an app id adds one at the end.
		const total: number = (range.kind === 'custom' ? (end.kind === 'date' ? 5 : 4) : 2) + (step === 'typeApp' ? 1 : 0);
		const frame: { title: string; step: number; totalSteps: number } = { title, step: history.length + 1, totalSteps: Math.max(total, history.length + 1) };
		let next: Step | 'done' | typeof BACK | undefined;
		switch (step) {
			case 'range': {
				const items: PickItem<RangePreset | 'custom'>[] = [
					...RANGE_PRESETS.map((preset) => {
						const days = resolveRangePreset(preset, today);
						return { label: presetLabel(preset), description: days.firstDate === days.lastDate ? days.firstDate : l10n.t('{0} to {1}', days.firstDate, days.lastDate), value: preset };
					}),
					{ label: l10n.t('Custom…'), description: l10n.t('a number of days and an end'), value: 'custom' },
				];
				const picked: RangePreset | 'custom' | typeof BACK | undefined = await pickStep({ ...frame, placeholder: l10n.t('Which range?'), items, activeValue: range.kind === 'preset' ? range.preset : 'custom' });
				if (picked === 'custom') {
					range = { kind: 'custom', length, end };
					next = 'days';
				} else next = picked === undefined || picked === BACK ? picked : ((range = { kind: 'preset', preset: picked }), 'app');
				break;
			}
			case 'days': {
				const text = await inputStep({ ...frame, value: String(length), prompt: l10n.t('Number of days in the series (1–{0})', MAX_QUERY_LENGTH), validate: (t) => lengthProblem(t) });
				if (typeof text === 'string') length = Number(text);
				next = typeof text === 'string' ? 'end' : text;
				break;
			}
			case 'end': {
				const picked = await pickStep<SeriesEnd['kind']>({
					...frame,
					placeholder: l10n.t('Where does the series end?'),
					items: [
						{ label: l10n.t('Yesterday (last complete day)'), value: 'yesterday' },
						{ label: l10n.t('Today (partial day)'), description: l10n.t('the last day is still counting'), value: 'today' },
						{ label: l10n.t('A date…'), description: l10n.t('YYYY-MM-DD'), value: 'date' },
					],
					activeValue: end.kind,
				});
				if (picked === 'yesterday' || picked === 'today') end = { kind: picked };
				next = picked === 'date' ? 'date' : picked === 'yesterday' || picked === 'today' ? 'app' : picked;
				break;
			}
			case 'date': {
				const text = await inputStep({ ...frame, value: end.kind === 'date' ? end.date : addDays(today, -1), prompt: l10n.t('Last day of the series, YYYY-MM-DD (today at the latest)'), validate: (t) => dateProblem(t, today) });
				if (typeof text === 'string') end = { kind: 'date', date: text };
				next = typeof text === 'string' ? 'app' : text;
				break;
			}
			case 'app': {
				if (range.kind === 'custom') range = { kind: 'custom', length, end };
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
				if (picked && picked !== BACK && picked.kind !== 'type') appId = picked.kind === 'all' ? null : picked.id;
				next = picked === undefined || picked === BACK ? picked : picked.kind === 'type' ? 'typeApp' : 'done';
				break;
			}
			case 'typeApp': {
				const text = await inputStep({ ...frame, value: appId ?? '', prompt: l10n.t('App identifier (Settings > APIs and Identifiers in the Braze dashboard)'), validate: (t) => appIdProblem(t) });
				if (typeof text === 'string') appId = text;
				next = typeof text === 'string' ? 'done' : text;
				break;
			}
		}
		if (next === undefined) return undefined;
		if (next === 'done') break;
		if (next === BACK) step = history.pop() ?? 'range';
		else {
			history.push(step);
			step = next;
		}
	}
	return { range, appId, ...(options.initial?.connection !== undefined ? { connection: options.initial.connection } : {}) };
}

function lengthProblem(text: string): string | undefined {
	const checked = checkLengthInput(text, MAX_QUERY_LENGTH);
	if (checked.ok) return undefined;
	if (checked.problem === 'tooSmall') return l10n.t('The series needs at least 1 day.');
	return checked.problem === 'tooLarge' ? l10n.t('A series can cover at most {0} days: enter a smaller number.', MAX_QUERY_LENGTH) : l10n.t('Enter a whole number of days, from 1 to {0}.', MAX_QUERY_LENGTH);
}

function dateProblem(text: string, today: string): string | undefined {
	const checked = checkEndDateInput(text, today);
	if (checked.ok) return undefined;
	if (checked.problem === 'future') return l10n.t('The series cannot end in the future.');
	return checked.problem === 'notADate' ? l10n.t('This day does not exist in the calendar.') : l10n.t('Write the date as YYYY-MM-DD, e.g. 2026-01-31.');
}

function appIdProblem(text: string): string | undefined {
	const checked = checkAppIdInput(text);
	if (checked.ok) return undefined;
	if (checked.problem === 'empty') return l10n.t('Enter an app identifier, or go back and pick "All apps".');
	return checked.problem === 'tooLong' ? l10n.t('This is too long to be an app identifier: it has 256 characters at most.') : l10n.t('An app identifier cannot contain spaces or control characters: remove them, or go back and pick "All apps".');
}
