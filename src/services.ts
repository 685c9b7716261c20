// The few long-lived services the commands share, built once by `activate`.
import type { KpiMetric } from './shared/kpi';
import type { KpiQuerySpec } from './shared/query';
import type { KpiQueryRunner } from './runner/queryRunner';
import type { ApiKeyStore } from './secrets/apiKeyStore';

export interface ExtensionServices {
	readonly keys: ApiKeyStore;
	readonly runner: KpiQueryRunner;
	/** The multi-step query input; `metric` fixes the metric and skips its step. */
	promptForQuery(initial?: KpiQuerySpec, metric?: KpiMetric): Promise<KpiQuerySpec | undefined>;
}
