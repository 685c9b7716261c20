// Where each KPI series lives, which permission it needs, and which field holds its value.
import type { KpiMetric } from '../shared/kpi';

export interface MetricEndpoint {
	/** Path below the REST host, e.g. "/kpi/dau/data_series". */
	readonly path: string;
	/** The REST API key permission the endpoint requires. */
	readonly permission: string;
	/** The value field of each row in `data`. */
	readonly valueField: string;
}

/** The endpoint of a metric: Braze names the four series alike, so one code path serves them all. */
export function endpointOf(metric: KpiMetric): MetricEndpoint {
	return { path: `/kpi/${metric}/data_series`, permission: `kpi.${metric}.data_series`, valueField: metric };
}
