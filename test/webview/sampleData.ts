// Panel data for the webview tests.
import { addDays } from '../../src/shared/dates';
import type { DailyPoint, DailySeries, KpiMetric } from '../../src/shared/kpi';
import { stickinessSeries } from '../../src/shared/stickinessResult';
import type { HostToWebview, PanelResult } from '../../src/shared/protocol';
import type { KpiQuerySpec } from '../../src/shared/query';
import type { L10nBundle } from '../../src/shared/webviewStrings';
import { readJson } from '../support/repo';

export interface ResultOptions {
	readonly metric?: KpiMetric;
	readonly lastDate: string;
	readonly values: readonly (number | null)[];
	readonly provisional?: boolean;
	readonly appId?: string | null;
	/** Days the query asked for; the series may hold more (the previous period). */
	readonly length?: number;
	readonly instance?: { readonly label: string | null; readonly host: string };
}

export function makeResult(options: ResultOptions): PanelResult {
	const { values, lastDate } = options;
	const firstDate = addDays(lastDate, -(values.length - 1));
	const points: DailyPoint[] = values.map((value, i) => ({ date: addDays(firstDate, i), value }));
	const query: KpiQuerySpec = {
		metric: options.metric ?? 'dau',
		length: options.length ?? values.length,
		end: options.provisional ? { kind: 'today' } : { kind: 'date', date: lastDate },
		appId: options.appId ?? null,
	};
	return {
		query,
		instance: options.instance ?? { label: 'US-01', host: 'rest.iad-01.braze.com' },
		series: { metric: query.metric, firstDate, lastDate, points, provisionalDate: options.provisional ? lastDate : null },
		fetchedAt: '2024-05-30T09:15:00.000Z',
		rateLimit: { limit: 250000, remaining: 249990, resetEpochSeconds: 1717063200 },
	};
}

/** What `vscode.l10n.bundle` holds in a French VS Code: the extension's shipped French translations. */
export function frenchBundle(): L10nBundle {
	return readJson('l10n/bundle.l10n.fr.json') as L10nBundle;
}

/** Today as the host says Braze counts it in these tests: the sample results end on it. */
export const TODAY = '2024-05-30';

export interface InitOverrides {
	readonly locale: string;
	readonly maxLength: number;
	readonly query: KpiQuerySpec;
	readonly today: string;
	/** Translations, English → translated, as `vscode.l10n.bundle` holds them. */
	readonly l10nBundle: L10nBundle | null;
}

export function initMessage(result: PanelResult | null, overrides: Partial<InitOverrides> = {}): HostToWebview {
	return {
		type: 'init',
		l10nBundle: overrides.l10nBundle ?? null,
		locale: overrides.locale ?? 'en',
		query: overrides.query ?? result?.query ?? { metric: 'dau', length: 30, end: { kind: 'yesterday' }, appId: null },
		result,
		maxLength: overrides.maxLength ?? 100,
		today: overrides.today ?? TODAY,
	};
}

/** Ten days ending on a provisional day, with a gap on the third: drawn as run, gap, run, dashed end. */
export const GAPPY_VALUES: readonly (number | null)[] = [1200, 1320, null, 1380, 1350, 1440, 1410, 1500, 1560, 1530];

/** A stickiness result: DAU and MAU ending on `lastDate`, the ratio derived from them; `length` days shown. */
export function makeStickinessResult(lastDate: string, dau: readonly (number | null)[], mau: readonly (number | null)[], length = dau.length): PanelResult {
	const firstDate = addDays(lastDate, -(dau.length - 1));
	const source = <M extends 'dau' | 'mau'>(metric: M, values: readonly (number | null)[]): DailySeries<M> => ({
		metric,
		firstDate,
		lastDate,
		points: values.map((value, i) => ({ date: addDays(firstDate, i), value })),
		provisionalDate: null,
	});
	const sources = { dau: source('dau', dau), mau: source('mau', mau) };
	return {
		query: { metric: 'stickiness', length, end: { kind: 'date', date: lastDate }, appId: null },
		instance: { label: 'US-01', host: 'rest.iad-01.braze.com' },
		series: stickinessSeries(sources),
		sources,
		fetchedAt: '2024-05-30T09:15:00.000Z',
		rateLimit: null,
	};
}
