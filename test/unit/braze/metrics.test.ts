import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointOf } from '../../../src/braze/metrics';
import { KPI_METRICS } from '../../../src/shared/kpi';

describe('KPI metric endpoints', () => {
	it('gives the fact sheet path, permission and value field of each of the four series', () => {
		assert.deepEqual(
			KPI_METRICS.map((m) => endpointOf(m)),
			[
				{ path: '/kpi/dau/data_series', permission: 'kpi.dau.data_series', valueField: 'dau' },
				{ path: '/kpi/mau/data_series', permission: 'kpi.mau.data_series', valueField: 'mau' },
				{ path: '/kpi/new_users/data_series', permission: 'kpi.new_users.data_series', valueField: 'new_users' },
				{ path: '/kpi/uninstalls/data_series', permission: 'kpi.uninstalls.data_series', valueField: 'uninstalls' },
			],
		);
	});
});
