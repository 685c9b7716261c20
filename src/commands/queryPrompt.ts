// The multi-step input that asks for a KPI query: metric (unless fixed), range (a preset, or custom days and end), app.
import * as vscode from 'vscode';
import { addDays, brazeToday } from '../shared/dates';
import { formatDay, formatDayRange } from '../shared/dayFormat';
import { RANGE_PRESETS, capitalized, rangePresetName, resolveRangePreset } from '../shared/rangePresets';
import type { RangePreset } from '../shared/rangePresets';
import { describeRange } from '../queries/model';
import { checkAppIdInput, checkEndDateInput, checkLengthInput } from '../shared/inputValidation';
import type { AppIdProblem, DateProblem, LengthProblem } from '../shared/inputValidation';
import { QUERY_METRICS } from '../shared/kpi';
import type { KpiMetric, QueryMetric } from '../shared/kpi';
import { MAX_COMPARED_APPS, MAX_QUERY_LENGTH } from '../shared/query';
import type { KpiQuerySpec, SeriesEnd } from '../shared/query';
import { metricShortName } from '../panel/chartPanel';
import { BACK, inputStep, pickStep } from './multiStepInput';
import type { PickItem } from './multiStepInput';
import { AppDirectory } from '../apps/appDirectory';
import { pickApps } from '../apps/appPicker';
import { l10n } from '../l10n';

export interface QueryPromptOptions {
	/** Skips the metric step (Show DAU asks for DAU). */
	readonly metric?: KpiMetric;
	readonly initial?: KpiQuerySpec;
	readonly recentAppIds: readonly string[];
	/** The app names that apply (`braze.apps`); none when absent. */
	readonly apps?: AppDirectory;
	readonly now: () => Date;
	readonly title: string;
}

/** One step of the prompt, told its number and the number of steps shown. */
type Step = (step: number, total: number) => Promise<StepOutcome>;

/** A step either moves on, goes back, or was dismissed (undefined). */
type StepOutcome = 'next' | typeof BACK | undefined;
type RangeChoice = RangePreset | 'custom';
/** An end picked from the list, or a date to type (`text`: what was typed in the list, if anything). */
type EndChoice = { readonly kind: 'yesterday' | 'today' } | { readonly kind: 'date'; readonly text?: string };

// One object per choice, so that the list can mark the current one as active.
const END_CHOICES = { yesterday: { kind: 'yesterday' }, today: { kind: 'today' }, date: { kind: 'date' } } as const satisfies Record<string, EndChoice>;

/** Asks step by step; undefined when the user dismisses any step. Back goes to the previous step with its answer kept. */
export async function promptForQuery(options: QueryPromptOptions): Promise<KpiQuerySpec | undefined> {
	const initial = options.initial;
	const locale = vscode.env.language;
	let metric: QueryMetric = options.metric ?? initial?.metric ?? 'dau';
	// A new query starts on the last 30 days, the custom range's former default.
	let range: RangeChoice = initial ? (initial.preset ?? 'custom') : 'last-30-days';
	let length = initial?.length ?? 30;
	let end: SeriesEnd = initial?.end ?? { kind: 'yesterday' };
	let appId: string | null = initial?.appId ?? null;
	let compared: (string | null)[] = [...(initial?.compare?.apps ?? [])];

	const frame = (step: number, totalSteps: number) => ({ title: options.title, step, totalSteps });
	const custom = () => range === 'custom';
	const steps: Step[] = [];
	/** Steps shown only while a condition holds: the custom range's days and end. */
	const shownWhen = new Map<Step, () => boolean>();
	const customStep = (step: Step) => {
		shownWhen.set(step, custom);
		steps.push(step);
	};
	if (!options.metric) {
		steps.push(async (step, total) => {
			const picked = await pickStep<QueryMetric>({
				...frame(step, total),
				placeholder: l10n.t('Which KPI series?'),
				items: QUERY_METRICS.map((m) => ({ label: metricShortName(m), description: METRIC_DESCRIPTIONS[m](), value: m })),
				activeValue: metric,
			});
			if (picked === BACK || picked === undefined) return picked;
			metric = picked;
			return 'next';
		});
	}
	steps.push(async (step, total) => {
		const today = brazeToday(options.now());
		const picked = await pickStep<RangeChoice>({
			...frame(step, total),
			placeholder: l10n.t('Which days?'),
			items: [
				...RANGE_PRESETS.map((preset): PickItem<RangeChoice> => {
					const { firstDate, lastDate } = resolveRangePreset(preset, today);
					return { label: capitalized(rangePresetName(preset, l10n), locale), detail: formatDayRange(firstDate, lastDate, locale), value: preset };
				}),
				{ label: l10n.t('Custom…'), description: l10n.t('a number of days and the day they end'), ...(initial && !initial.preset ? { detail: describeRange(length, end, l10n) } : {}), value: 'custom' },
			],
			activeValue: range,
		});
		if (picked === BACK || picked === undefined) return picked;
		range = picked;
		return 'next';
	});
	customStep(async (step, total) => {
		const text = await inputStep({
			...frame(step, total),
			value: String(length),
			prompt: l10n.t('Number of days in the series (1–{0})', MAX_QUERY_LENGTH),
			validate: (t) => problemText(checkLengthInput(t, MAX_QUERY_LENGTH), LENGTH_PROBLEMS),
		});
		if (text === BACK || text === undefined) return text;
		length = Number(text);
		return 'next';
	});
	customStep(async (step, total) => {
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
				activeValue: END_CHOICES[end.kind],
				itemFromTypedText: (text) => typedEndItem(text, today, locale),
			});
			if (choice === BACK || choice === undefined) return choice;
			if (choice.kind !== 'date') {
				end = { kind: choice.kind };
				return 'next';
			}
			// A date typed in the list and valid is taken as it is; anything else opens the date box, which says what is wrong.
			const typed = choice.text?.trim();
			if (typed !== undefined && checkEndDateInput(typed, today).ok) {
				end = { kind: 'date', date: typed };
				return 'next';
			}
			const date = await inputStep({
				...frame(step, total),
				value: typed ?? (end.kind === 'date' ? end.date : addDays(today, -1)),
				prompt: l10n.t('Last day of the series, YYYY-MM-DD (today at the latest)'),
				validate: (t) => problemText(checkEndDateInput(t, today), DATE_PROBLEMS),
			});
			if (date === undefined) return undefined;
			if (date === BACK) continue;
			end = { kind: 'date', date };
			return 'next';
		}
	});
	steps.push(async (step, total) => {
		const picked = await pickApps({
			...frame(step, total),
			placeholder: l10n.t('Which apps? The first checked is the main series'),
			directory: options.apps ?? new AppDirectory([], undefined),
			recent: options.recentAppIds,
			checked: compared.length > 0 ? [appId, ...compared] : [],
			active: appId,
			max: MAX_COMPARED_APPS + 1,
			allowNone: false,
		});
		if (picked === BACK || picked === undefined) return picked;
		const apps = [...picked.apps];
		if (picked.typeIn) {
			const typed = await inputStep({
				...frame(step, total),
				value: '',
				prompt: l10n.t('App identifier (Settings > APIs and Identifiers in the Braze dashboard)'),
				validate: (t) => problemText(checkAppIdInput(t), APP_ID_PROBLEMS),
			});
			if (typed === BACK || typed === undefined) return typed;
			if (!apps.includes(typed)) apps.push(typed);
		}
		if (apps.length > MAX_COMPARED_APPS + 1) apps.length = MAX_COMPARED_APPS + 1;
		[appId = null, ...compared] = apps;
		return 'next';
	});

	let index = 0;
	while (index < steps.length) {
		const isShown = (s: Step) => shownWhen.get(s)?.() !== false;
		const shown = steps.filter(isShown);
		const outcome = await steps[index](shown.indexOf(steps[index]) + 1, shown.length);
		if (outcome === undefined) return undefined;
		index = nextShown(steps.map(isShown), index, outcome === BACK ? -1 : 1);
	}
	const period = initial?.compare?.period;
	const compare = compared.length > 0 || period ? { compare: { apps: compared, ...(period ? { period } : {}) } } : {};
	const days = range === 'custom' ? { length, end } : { ...pick(resolveRangePreset(range, brazeToday(options.now())), 'length', 'end'), preset: range };
	return { metric, ...days, appId, ...(initial?.connection !== undefined ? { connection: initial.connection } : {}), ...(initial?.endpoint !== undefined ? { endpoint: initial.endpoint } : {}), ...compare };
}

/** The index of the next step shown from `index` in `direction` (`shown[i]`: step i is shown); `index` itself when going back from the first. */
function nextShown(shown: readonly boolean[], index: number, direction: 1 | -1): number {
	let next = index + direction;
	while (next >= 0 && next < shown.length && !shown[next]) next += direction;
	return next < 0 ? index : next;
}

function pick<T, K extends keyof T>(value: T, ...keys: K[]): Pick<T, K> {
	return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

/**
 * The end list's item for typed text: a date that can end the series is offered as it is; other text that looks
 * like a date is offered with what is wrong, and opens the date box (a list would otherwise say "0 results").
 */
function typedEndItem(text: string, today: string, locale: string): PickItem<EndChoice> | undefined {
	const typed = text.trim();
	if (!/^\d/.test(typed)) return undefined;
	const checked = checkEndDateInput(typed, today);
	return checked.ok
		? { label: l10n.t('End on {0}', checked.value), description: formatDay(checked.value, locale), value: { kind: 'date', text: typed }, alwaysShow: true }
		: { label: l10n.t('End on {0}…', typed), description: DATE_PROBLEMS[checked.problem](), value: { kind: 'date', text: typed }, alwaysShow: true };
}

const METRIC_DESCRIPTIONS: Record<QueryMetric, () => string> = {
	dau: () => l10n.t('unique active users per day'),
	mau: () => l10n.t('unique users over a rolling 30 days'),
	new_users: () => l10n.t('users with their first session that day'),
	uninstalls: () => l10n.t('app uninstalls per day'),
	stickiness: () => l10n.t('DAU ÷ MAU'),
};

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

const APP_ID_PROBLEMS: Record<AppIdProblem, () => string> = {
	empty: () => l10n.t('Enter an app identifier, or go back and pick "All apps".'),
	whitespace: () => l10n.t('An app identifier cannot contain spaces or control characters: remove them, or go back and pick "All apps".'),
	tooLong: () => l10n.t('This is too long to be an app identifier: it has 256 characters at most.'),
};

/** Why a query's fixed end cannot be used (it is after today as Braze counts days), or undefined. */
export function futureEndProblem(spec: KpiQuerySpec, now = new Date()): string | undefined {
	if (spec.end.kind !== 'date') return undefined;
	const checked = checkEndDateInput(spec.end.date, brazeToday(now));
	return problemText(checked, DATE_PROBLEMS);
}
