// Builds small `DailySeries` values for the shared-code tests.
import { addDays } from '../../../src/shared/dates';
import type { DailySeries, KpiMetric } from '../../../src/shared/kpi';

/** One point per day ending on `lastDate`; `provisional` marks the last day as in progress. */
export function series(lastDate: string, values: readonly (number | null)[], provisional = false, metric: KpiMetric = 'dau'): DailySeries {
	const firstDate = addDays(lastDate, -(values.length - 1));
	return {
		metric,
		firstDate,
		lastDate,
		points: values.map((value, i) => ({ date: addDays(firstDate, i), value })),
		provisionalDate: provisional ? lastDate : null,
	};
}
