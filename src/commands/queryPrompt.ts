// The multi-step input that asks for a KPI query: metric (unless fixed), range (a preset, or custom days and end), app.
import { brazeToday } from '../shared/dates';
import { QUERY_METRICS } from '../shared/kpi';
import type { KpiMetric, QueryMetric } from '../shared/kpi';
import { MAX_COMPARED_APPS } from '../shared/query';
import type { KpiQuerySpec } from '../shared/query';
import { resolveRangePreset } from '../shared/rangePresets';
import { metricShortName } from '../panel/chartPanel';
import { BACK, inputStep, pickStep } from './multiStepInput';
import { endDateProblem, rangeSteps, runSteps } from './rangeSteps';
import type { PromptStep, RangeAnswer } from './rangeSteps';
import { AppDirectory } from '../apps/appDirectory';
import { pickApps } from '../apps/appPicker';
import { l10n } from '../l10n';
import { appIdProblem } from '../apps/appIdProblem';

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

/** Asks step by step; undefined when the user dismisses any step. Back goes to the previous step with its answer kept. */
export async function promptForQuery(options: QueryPromptOptions): Promise<KpiQuerySpec | undefined> {
	const initial = options.initial;
	let metric: QueryMetric = options.metric ?? initial?.metric ?? 'dau';
	// A new query starts on the last 30 days, the custom range's former default.
	const days: RangeAnswer = { range: initial ? (initial.preset ?? 'custom') : 'last-30-days', length: initial?.length ?? 30, end: initial?.end ?? { kind: 'yesterday' } };
	let appId: string | null = initial?.appId ?? null;
	let compared: (string | null)[] = [...(initial?.compare?.apps ?? [])];

	const frame = (step: number, totalSteps: number | undefined) => ({ title: options.title, step, totalSteps });
	const steps: PromptStep[] = [];
	if (!options.metric) {
		steps.push({
			run: async (step, total) => {
				const picked = await pickStep<QueryMetric>({
					...frame(step, total),
					placeholder: l10n.t('Which KPI series?'),
					items: QUERY_METRICS.map((m) => ({ label: metricShortName(m), description: METRIC_DESCRIPTIONS[m](), value: m })),
					activeValue: metric,
				});
				if (picked === BACK || picked === undefined) return picked;
				metric = picked;
				return 'next';
			},
		});
	}
	steps.push(...rangeSteps(days, { title: options.title, now: options.now, editsCustom: initial !== undefined && !initial.preset }));
	steps.push({
		run: async (step, total) => {
			let checked: (string | null)[] = compared.length > 0 ? [appId, ...compared] : [];
			// Back or Escape in the identifier box comes back to this list, with its checks kept.
			for (;;) {
				const picked = await pickApps({
					...frame(step, total),
					placeholder: l10n.t('Which apps? The first checked is the main series'),
					directory: options.apps ?? new AppDirectory([], undefined),
					recent: options.recentAppIds,
					checked,
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
						validate: (t) => appIdProblem(t, l10n),
						opensFromList: true,
					});
					if (typed === undefined) return undefined;
					if (typed === BACK) {
						checked = apps;
						continue;
					}
					if (!apps.includes(typed)) apps.push(typed);
				}
				if (apps.length > MAX_COMPARED_APPS + 1) apps.length = MAX_COMPARED_APPS + 1;
				[appId = null, ...compared] = apps;
				return 'next';
			}
		},
	});

	if (!(await runSteps(steps))) return undefined;
	const period = initial?.compare?.period;
	const compare = compared.length > 0 || period ? { compare: { apps: compared, ...(period ? { period } : {}) } } : {};
	const range = days.range === 'custom' ? { length: days.length, end: days.end } : { ...pick(resolveRangePreset(days.range, brazeToday(options.now())), 'length', 'end'), preset: days.range };
	return { metric, ...range, appId, ...(initial?.connection !== undefined ? { connection: initial.connection } : {}), ...(initial?.endpoint !== undefined ? { endpoint: initial.endpoint } : {}), ...compare };
}

function pick<T, K extends keyof T>(value: T, ...keys: K[]): Pick<T, K> {
	return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

const METRIC_DESCRIPTIONS: Record<QueryMetric, () => string> = {
	dau: () => l10n.t('unique active users per day'),
	mau: () => l10n.t('unique users over a rolling 30 days'),
	new_users: () => l10n.t('users with their first session that day'),
	uninstalls: () => l10n.t('app uninstalls per day'),
	stickiness: () => l10n.t('DAU ÷ MAU'),
};

/** Why a query's fixed end cannot be used (it is after today as Braze counts days), or undefined. */
export function futureEndProblem(spec: KpiQuerySpec, now = new Date()): string | undefined {
	if (spec.end.kind !== 'date') return undefined;
	return endDateProblem(spec.end.date, brazeToday(now));
}
