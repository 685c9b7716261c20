// The multi-step input that asks for a KPI query: metric (unless fixed), length, end, app.
import { addDays, brazeToday } from '../shared/dates';
import { checkAppIdInput, checkEndDateInput, checkLengthInput } from '../shared/inputValidation';
import type { AppIdProblem, DateProblem, LengthProblem } from '../shared/inputValidation';
import { QUERY_METRICS } from '../shared/kpi';
import type { KpiMetric, QueryMetric } from '../shared/kpi';
import { MAX_COMPARED_APPS, MAX_QUERY_LENGTH } from '../shared/query';
import type { KpiQuerySpec, SeriesEnd } from '../shared/query';
import { metricShortName } from '../panel/chartPanel';
import { BACK, inputStep, pickStep } from './multiStepInput';
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

type EndChoice = 'yesterday' | 'today' | 'date';
/** A step either moves on, goes back, or was dismissed (undefined). */
type StepOutcome = 'next' | typeof BACK | undefined;

/** Asks step by step; undefined when the user dismisses any step. Back goes to the previous step with its answer kept. */
export async function promptForQuery(options: QueryPromptOptions): Promise<KpiQuerySpec | undefined> {
	const initial = options.initial;
	let metric: QueryMetric = options.metric ?? initial?.metric ?? 'dau';
	let length = initial?.length ?? 30;
	let end: SeriesEnd = initial?.end ?? { kind: 'yesterday' };
	let appId: string | null = initial?.appId ?? null;
	let compared: (string | null)[] = [...(initial?.compare?.apps ?? [])];

	const frame = (step: number, totalSteps: number) => ({ title: options.title, step, totalSteps });
	const steps: Array<(step: number, total: number) => Promise<StepOutcome>> = [];
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
	steps.push(async (step, total) => {
		const choice = await pickStep<EndChoice>({
			...frame(step, total),
			placeholder: l10n.t('Where does the series end?'),
			items: [
				{ label: l10n.t('Yesterday (last complete day)'), value: 'yesterday' },
				{ label: l10n.t('Today (partial day)'), description: l10n.t('the last day is still counting'), value: 'today' },
				{ label: l10n.t('A date…'), description: l10n.t('YYYY-MM-DD'), value: 'date' },
			],
			activeValue: end.kind,
		});
		if (choice === BACK || choice === undefined) return choice;
		if (choice !== 'date') {
			end = { kind: choice };
			return 'next';
		}
		const today = brazeToday(options.now());
		const date = await inputStep({
			...frame(step, total),
			value: end.kind === 'date' ? end.date : addDays(today, -1),
			prompt: l10n.t('Last day of the series, YYYY-MM-DD (today at the latest)'),
			validate: (t) => problemText(checkEndDateInput(t, today), DATE_PROBLEMS),
		});
		if (date === BACK || date === undefined) return date;
		end = { kind: 'date', date };
		return 'next';
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
		const outcome = await steps[index](index + 1, steps.length);
		if (outcome === undefined) return undefined;
		index = outcome === BACK ? Math.max(0, index - 1) : index + 1;
	}
	const period = initial?.compare?.period;
	const compare = compared.length > 0 || period ? { compare: { apps: compared, ...(period ? { period } : {}) } } : {};
	return { metric, length, end, appId, ...(initial?.connection !== undefined ? { connection: initial.connection } : {}), ...(initial?.endpoint !== undefined ? { endpoint: initial.endpoint } : {}), ...compare };
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
