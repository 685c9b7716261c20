// The panel's Compare…: which apps to draw next to the query's own, then which period overlay, in two steps.
import { BACK, inputStep, pickStep } from '../commands/multiStepInput';
import { MAX_COMPARED_APPS } from '../shared/query';
import type { ComparePeriod, KpiQuerySpec } from '../shared/query';
import { l10n } from '../l10n';
import type { AppDirectory } from './appDirectory';
import { appIdProblem } from './appIdProblem';
import { pickApps } from './appPicker';

export interface ComparePromptOptions {
	readonly directory: AppDirectory;
	readonly recentAppIds: readonly string[];
	/** How the query's own app is called, for the placeholder. */
	readonly ownAppLabel: string;
}

type PeriodChoice = ComparePeriod | 'none';

/** `spec` with the comparison the user chose (none at all removes it); undefined when dismissed. */
export async function promptForComparison(spec: KpiQuerySpec, options: ComparePromptOptions): Promise<KpiQuerySpec | undefined> {
	const title = l10n.t('Braze: Compare');
	let apps: (string | null)[] = [...(spec.compare?.apps ?? [])];
	let period: PeriodChoice = spec.compare?.period ?? 'none';
	for (let step = 1; step <= 2; ) {
		if (step === 1) {
			const picked = await pickApps({
				title,
				step: 1,
				totalSteps: 2,
				placeholder: l10n.t('Apps to draw next to {0} (check none to compare with no other app)', options.ownAppLabel),
				directory: options.directory,
				recent: options.recentAppIds,
				checked: apps,
				excluded: [spec.appId],
				max: MAX_COMPARED_APPS,
				allowNone: true,
			});
			if (picked === undefined || picked === BACK) return undefined;
			apps = [...picked.apps];
			if (picked.typeIn) {
				const typed = await inputStep({
					title,
					step: 1,
					totalSteps: 2,
					value: '',
					prompt: l10n.t('App identifier (Settings > APIs and Identifiers in the Braze dashboard)'),
					opensFromList: true,
					validate: (t) => {
						const problem = appIdProblem(t, l10n);
						if (problem !== undefined) return problem;
						return t.trim() === spec.appId ? l10n.t('This is the chart\'s own app: enter another one.') : undefined;
					},
				});
				if (typed === undefined) return undefined;
				// Back or Escape: the app list again, with the apps checked so far.
				if (typed === BACK) continue;
				if (!apps.includes(typed)) apps.push(typed);
			}
			apps = apps.slice(0, MAX_COMPARED_APPS);
			step = 2;
			continue;
		}
		const choice = await pickStep<PeriodChoice>({
			title,
			step: 2,
			totalSteps: 2,
			placeholder: l10n.t('Draw a period dashed, aligned by day?'),
			items: [
				{ label: l10n.t('No period overlay'), value: 'none' },
				{ label: l10n.t('Previous period'), description: l10n.t('the same number of days just before'), value: 'previous' },
				{ label: l10n.t('Same period a year before'), description: l10n.t('the same days, one year earlier'), value: 'year' },
			],
			activeValue: period,
		});
		if (choice === undefined) return undefined;
		if (choice === BACK) {
			step = 1;
			continue;
		}
		period = choice;
		step = 3;
	}
	const rest: KpiQuerySpec = { ...spec };
	delete (rest as { compare?: unknown }).compare;
	if (apps.length === 0 && period === 'none') return rest;
	return { ...rest, compare: { apps, ...(period === 'none' ? {} : { period }) } };
}
