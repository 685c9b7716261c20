// The few long-lived services the commands share, built once by `activate`.
import type { QueryRunner } from './queries/runner';
import type { KpiMetric } from './shared/kpi';
import type { KpiQuerySpec } from './shared/query';
import type { AppDirectory } from './apps/appDirectory';

/** What every command may use: the saved queries and export see it through its `QueryRunner` side. */
export interface ExtensionServices extends QueryRunner {
	/** The multi-step query input; `metric` fixes the metric and skips its step. */
	promptForQuery(initial?: KpiQuerySpec, metric?: KpiMetric, title?: string): Promise<KpiQuerySpec | undefined>;
	/** The app names (`braze.apps`) that apply on a connection (by name; undefined: the active one). */
	appDirectory?(connection: string | undefined): AppDirectory;
}
