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

// Spelled out rather than derived, so that each line can be checked against Braze's docs.
const METRIC_ENDPOINTS: Readonly<Record<KpiMetric, MetricEndpoint>> = {
	dau: { path: '/kpi/dau/data_series', permission: 'kpi.dau.data_series', valueField: 'dau' },
	mau: { path: '/kpi/mau/data_series', permission: 'kpi.mau.data_series', valueField: 'mau' },
	new_users: { path: '/kpi/new_users/data_series', permission: 'kpi.new_users.data_series', valueField: 'new_users' },
	uninstalls: { path: '/kpi/uninstalls/data_series', permission: 'kpi.uninstalls.data_series', valueField: 'uninstalls' },
};

/** The endpoint of a metric: one code path serves all four series. */
export function endpointOf(metric: KpiMetric): MetricEndpoint {
	return METRIC_ENDPOINTS[metric];
}
