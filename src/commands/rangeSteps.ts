// The steps every query prompt shares for its days: a preset (listed with its dates) or Custom…, then the custom
// range's number of days and its end (yesterday, today or a date, typed right in the list); and the loop that runs a
// prompt's steps, where Back returns to the previous step shown with its answer kept.
import * as vscode from 'vscode';
import { addDays, brazeToday } from '../shared/dates';
import { formatDay, formatDayRange } from '../shared/dayFormat';
import { checkEndDateInput, checkLengthInput } from '../shared/inputValidation';
import type { DateProblem, LengthProblem } from '../shared/inputValidation';
import { MAX_QUERY_LENGTH } from '../shared/query';
import type { SeriesEnd } from '../shared/query';
import { RANGE_PRESETS, capitalized, rangePresetName, resolveRangePreset } from '../shared/rangePresets';
import type { RangePreset } from '../shared/rangePresets';
import { describeRange } from '../queries/model';
import { BACK, inputStep, pickStep } from './multiStepInput';
import { stepCounter } from './stepCounter';
import type { PickItem } from './multiStepInput';
import { l10n } from '../l10n';

/** A step either moves on, goes back, or was dismissed (undefined). */
export type StepOutcome = 'next' | typeof BACK | undefined;

/** One step of a prompt, told its number and the number of steps shown (undefined while it may change: see stepCounter). */
export type Step = (step: number, total: number | undefined) => Promise<StepOutcome>;

/** A step, shown only while `shown` holds (the custom range's days and end); always shown without it. */
export interface PromptStep {
	readonly run: Step;
	readonly shown?: () => boolean;
}

export type RangeChoice = RangePreset | 'custom';

/** What the range steps ask, kept across Back: a preset, or a custom number of days and their end. */
export interface RangeAnswer {
	range: RangeChoice;
	length: number;
	end: SeriesEnd;
}

export interface RangeStepsOptions {
	readonly title: string;
	readonly now: () => Date;
	/** The prompt edits a custom range: Custom… shows it. */
	readonly editsCustom?: boolean;
}

/** An end picked from the list, or a date to type (`text`: what was typed in the list, if anything). */
type EndChoice = { readonly kind: 'yesterday' | 'today' } | { readonly kind: 'date'; readonly text?: string };

// One object per choice, so that the list can mark the current one as active.
const END_CHOICES = { yesterday: { kind: 'yesterday' }, today: { kind: 'today' }, date: { kind: 'date' } } as const satisfies Record<string, EndChoice>;

/** The range step, then (for Custom…) the days and end steps; they read and write `answer`. */
export function rangeSteps(answer: RangeAnswer, options: RangeStepsOptions): PromptStep[] {
	const locale = vscode.env.language;
	const frame = (step: number, totalSteps: number | undefined) => ({ title: options.title, step, totalSteps });
	const custom = () => answer.range === 'custom';
	const range: Step = async (step, total) => {
		const today = brazeToday(options.now());
		const picked = await pickStep<RangeChoice>({
			...frame(step, total),
			placeholder: l10n.t('Which days?'),
			items: [
				...RANGE_PRESETS.map((preset): PickItem<RangeChoice> => {
					const { firstDate, lastDate } = resolveRangePreset(preset, today);
					return { label: capitalized(rangePresetName(preset, l10n), locale), detail: formatDayRange(firstDate, lastDate, locale), value: preset };
				}),
				{ label: l10n.t('Custom…'), description: l10n.t('a number of days and the day they end'), ...(options.editsCustom ? { detail: describeRange(answer.length, answer.end, l10n) } : {}), value: 'custom' },
			],
			activeValue: answer.range,
		});
		if (picked === BACK || picked === undefined) return picked;
		answer.range = picked;
		return 'next';
	};
	const days: Step = async (step, total) => {
		const text = await inputStep({
			...frame(step, total),
			value: String(answer.length),
			prompt: l10n.t('Number of days in the series (1–{0})', MAX_QUERY_LENGTH),
			validate: (t) => problemText(checkLengthInput(t, MAX_QUERY_LENGTH), LENGTH_PROBLEMS),
		});
		if (text === BACK || text === undefined) return text;
		answer.length = Number(text);
		return 'next';
	};
	const end: Step = async (step, total) => {
		const today = brazeToday(options.now());
		// Back from the date box comes back to this list, not to the step before it.
		for (;;) {
			const choice = await pickStep<EndChoice>({
				...frame(step, total),
				placeholder: l10n.t('Where does the series end? Pick one, or type a date (YYYY-MM-DD).'),
				items: [
					{ label: l10n.t('Yesterday (last complete day)'), description: formatDay(addDays(today, -1), locale), value: END_CHOICES.yesterday },
					{ label: l10n.t('Today (partial day)'), description: l10n.t('{0}, still counting', formatDay(today, locale)), value: END_CHOICES.today },
					{ label: l10n.t('A date…'), description: l10n.t('YYYY-MM-DD'), value: END_CHOICES.date },
				],
				activeValue: END_CHOICES[answer.end.kind],
				itemFromTypedText: (text) => typedEndItem(text, today, locale),
			});
			if (choice === BACK || choice === undefined) return choice;
			if (choice.kind !== 'date') {
				answer.end = { kind: choice.kind };
				return 'next';
			}
			// A date typed in the list and valid is taken as it is; anything else opens the date box, which says what is wrong.
			const typed = choice.text?.trim();
			if (typed !== undefined && checkEndDateInput(typed, today).ok) {
				answer.end = { kind: 'date', date: typed };
				return 'next';
			}
			const date = await inputStep({
				...frame(step, total),
				value: typed ?? (answer.end.kind === 'date' ? answer.end.date : addDays(today, -1)),
				prompt: l10n.t('Last day of the series, YYYY-MM-DD (today at the latest)'),
				validate: (t) => problemText(checkEndDateInput(t, today), DATE_PROBLEMS),
				// A date typed in the list says what is wrong with it before any edit.
				validateAtOnce: typed !== undefined,
			});
			if (date === undefined) return undefined;
			if (date === BACK) continue;
			answer.end = { kind: 'date', date };
			return 'next';
		}
	};
	return [{ run: range }, { run: days, shown: custom }, { run: end, shown: custom }];
}

/** Runs `steps` in order, numbered among those shown; Back goes to the previous one shown. False when the user dismissed one. */
export async function runSteps(steps: readonly PromptStep[]): Promise<boolean> {
	let index = 0;
	while (index < steps.length) {
		const current = steps[index];
		if (!current) break;
		const { step, total } = stepCounter(steps.map((s) => ({ shown: s.shown?.() !== false, conditional: s.shown !== undefined })), index);
		const outcome = await current.run(step, total);
		if (outcome === undefined) return false;
		index = nextShown(steps.map((s) => s.shown?.() !== false), index, outcome === BACK ? -1 : 1);
	}
	return true;
}

/** The index of the next step shown from `index` in `direction` (`shown[i]`: step i is shown); `index` itself when going back from the first. */
function nextShown(shown: readonly boolean[], index: number, direction: 1 | -1): number {
	let next = index + direction;
	while (next >= 0 && next < shown.length && !shown[next]) next += direction;
	return next < 0 ? index : next;
}

/**
 * The end list's item for typed text: a date that can end the series is offered as "End on …"; other text that looks
 * like a date is offered to correct, with what is wrong, and opens the date box showing it (a list would otherwise
 * say "0 results").
 */
function typedEndItem(text: string, today: string, locale: string): PickItem<EndChoice> | undefined {
	const typed = text.trim();
	if (!/^\d/.test(typed)) return undefined;
	const checked = checkEndDateInput(typed, today);
	return checked.ok
		? { label: l10n.t('End on {0}', checked.value), description: formatDay(checked.value, locale), value: { kind: 'date', text: typed }, alwaysShow: true }
		: { label: l10n.t('Correct {0}…', typed), description: DATE_PROBLEMS[checked.problem](), value: { kind: 'date', text: typed }, alwaysShow: true };
}

/** Why a fixed end cannot end a series (it is after `today` as Braze counts days), or undefined. */
export function endDateProblem(date: string, today: string): string | undefined {
	return problemText(checkEndDateInput(date, today), DATE_PROBLEMS);
}

/** The sentence for a refused input, from a table of sentences by problem; undefined when the input is accepted. */
function problemText<P extends string>(checked: { ok: true } | { ok: false; problem: P }, sentences: Record<P, () => string>): string | undefined {
	return checked.ok ? undefined : sentences[checked.problem]();
}

const LENGTH_PROBLEMS: Record<LengthProblem, () => string> = {
	notWholeNumber: () => l10n.t('Enter a whole number of days, from 1 to {0}.', MAX_QUERY_LENGTH),
	tooSmall: () => l10n.t('The series needs at least 1 day.'),
	tooLarge: () => l10n.t('A series can cover at most {0} days: enter a smaller number.', MAX_QUERY_LENGTH),
};

const DATE_PROBLEMS: Record<DateProblem, () => string> = {
	format: () => l10n.t('Write the date as YYYY-MM-DD, e.g. 2026-01-31.'),
	notADate: () => l10n.t('This day does not exist in the calendar.'),
	future: () => l10n.t('The series cannot end in the future.'),
};
