import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toolResultText } from '../../../src/chat/toolResultText';
import { englishL10n } from '../../../src/shared/l10n';
import type { L10n } from '../../../src/shared/l10n';
import { readJson } from '../../support/repo';
import type { PanelResult } from '../../../src/shared/protocol';
import { statusKpiProblem, statusKpiView, statusSpec } from '../../../src/statusKpi/statusKpiText';
import { series } from '../shared/seriesFixtures';
import { stickinessSeries } from '../../../src/shared/stickinessResult';

function result(values: readonly (number | null)[], provenance: PanelResult['provenance'], provisional = false): PanelResult {
	return {
		query: { metric: 'dau', length: 3, end: { kind: 'yesterday' }, appId: null, connection: 'Prod' },
		instance: { label: 'US-03', host: 'rest.iad-03.braze.com' },
		series: series('2026-05-14', values, provisional),
		fetchedAt: '2026-05-15T10:00:00.000Z',
		rateLimit: null,
		...(provenance ? { provenance } : {}),
	};
}
const context = { metricName: 'DAU', appName: 'All apps', connectionName: 'Prod', locale: 'en-US' };
const frenchBundle = readJson('l10n/bundle.l10n.fr.json') as Record<string, string>;
// Like vscode.l10n.t with the French bundle, but a missing translation fails the test instead of falling back.
const french: L10n = {
	t: (message, ...args) => {
		const translated = frenchBundle[message];
		assert.equal(typeof translated, 'string', `no French for ${JSON.stringify(message)}`);
		return englishL10n.t(translated ?? message, ...args);
	},
};

describe('toolResultText', () => {
	test('a table of the figures, the change against the previous period, and the source', () => {
		const text = toolResultText(result([1000, 1000, 1000, 1000, 1100, 1200], { daysFromCache: 4, oldestCachedFetch: null, requestsSent: 1, offline: false }), 3, context, englishL10n);
		assert.equal(text, [
			'DAU · All apps · 2026-05-12 to 2026-05-14 (UTC days)',
			'',
			'| figure | value | day / detail |',
			'| --- | ---: | --- |',
			'| latest complete day | 1,200 | 2026-05-14 |',
			'| average | 1,100 |  |',
			'| min | 1,000 | 2026-05-12 |',
			'| max | 1,200 | 2026-05-14 |',
			'| change vs previous 3 days | ▲ 10.0% | average 1,000 → 1,100 |',
			'',
			'Source: connection "Prod", instance US-03 (rest.iad-03.braze.com), fetched from Braze (1 request), 4 days from the cache.',
		].join('\n'));
	});

	test('one request, several days, none: each count in its own form, in English and in French (where 0 is singular)', () => {
		const provenance = (requestsSent: number, daysFromCache: number) => ({ daysFromCache, oldestCachedFetch: null, requestsSent, offline: false });
		const source = (text: string) => text.split('\n').at(-1);
		assert.match(source(toolResultText(result([1, 2, 3], provenance(2, 1)), 3, context, englishL10n)) ?? '', /fetched from Braze \(2 requests\), 1 day from the cache\.$/);
		assert.match(source(toolResultText(result([1, 2, 3], provenance(1, 0)), 3, context, englishL10n)) ?? '', /fetched from Braze \(1 request\), 0 days from the cache\.$/);
		assert.match(source(toolResultText(result([1, 2, 3], provenance(3, 0)), 3, { ...context, locale: 'fr' }, french)) ?? '', /récupéré depuis Braze \(3 requêtes\), 0 jour depuis le cache\.$/);
		assert.match(source(toolResultText(result([1, 2, 3], provenance(1, 5)), 3, { ...context, locale: 'fr' }, french)) ?? '', /récupéré depuis Braze \(1 requête\), 5 jours depuis le cache\.$/);
	});

	test('without the previous period, gaps, an in-progress day, offline', () => {
		const text = toolResultText(result([5, null, 7], { daysFromCache: 2, oldestCachedFetch: null, requestsSent: 0, offline: true }, true), 3, context, englishL10n);
		assert.match(text, /\| change vs previous 2 days \| not available \| previous period not fetched/);
		assert.match(text, /\| days without data \| 1 \|  \|/);
		assert.match(text, /\| today so far \(incomplete\) \| 7 \| 2026-05-14 \|/);
		assert.match(text, /offline: Braze could not be reached, cached days only\.$/);
	});

	test('a one-day range compares with "the previous day", in English and French', () => {
		const oneDay = result([1000, 1100], undefined);
		assert.match(toolResultText(oneDay, 1, context, englishL10n), /\| change vs previous day \| ▲ 10.0% \|/);
		assert.match(toolResultText(oneDay, 1, { ...context, locale: 'fr' }, french), /\| évolution par rapport au jour précédent \|/);
	});
});

describe('statusKpiView', () => {
	test('"DAU 1,200 ▲ 9.1%": the latest complete day and the change of the period\'s average', () => {
		const view = statusKpiView('Daily', 'DAU', 2, result([1000, 1200, 1000, 1200], { daysFromCache: 4, oldestCachedFetch: null, requestsSent: 0, offline: false }), 'Prod (US-03)', englishL10n, 'en-US');
		assert.equal(view.text, 'DAU 1,200 = 0.0%');
		const up = statusKpiView('Daily', 'DAU', 2, result([1000, 1000, 1000, 1200], undefined), 'Prod (US-03)', englishL10n, 'en-US');
		assert.equal(up.text, 'DAU 1,200 ▲ 10.0%');
		assert.equal(up.warning, false);
		assert.match(up.tooltip, /^Braze saved query "Daily"\nConnection: Prod \(US-03\)\nLatest complete day: 2026-05-14\nChange: average of the last 2 days against the 2 days before\n/);
		const oneDay = statusKpiView('Daily', 'DAU', 1, result([1000, 1100], undefined), 'Prod', englishL10n, 'en-US');
		assert.match(oneDay.tooltip, /\nChange: the last day against the day before\n/);
		assert.match(statusKpiView('Daily', 'DAU', 1, result([1000, 1100], undefined), 'Prod', french, 'fr').tooltip, /\nÉvolution : le dernier jour par rapport à la veille\n/);
		const down = statusKpiView('Daily', 'DAU', 2, result([2000, 2000, 1000, 1000], undefined), 'Prod', englishL10n, 'fr-FR');
		assert.equal(down.text, 'DAU 1\u202f000 ▼ 50,0\u00a0%');
	});

	test('a query longer than 50 days shows no change (its previous period is not fetched with it)', () => {
		const view = statusKpiView('Year', 'DAU', 365, result([1000, 2000, 3000, 4000], undefined), 'Prod', englishL10n, 'en-US');
		assert.equal(view.text, 'DAU 4,000');
		assert.match(view.tooltip, /No change shown: it needs the previous period, fetched for ranges up to 50 days/);
	});

	test('the tooltip counts the requests sent: one request, several requests', () => {
		const sent = (requestsSent: number, locale: string, l10n: L10n) => statusKpiView('Daily', 'DAU', 2, result([1000, 1200, 1000, 1200], { daysFromCache: 2, oldestCachedFetch: null, requestsSent, offline: false }), 'Prod', l10n, locale).tooltip;
		assert.match(sent(1, 'en-US', englishL10n), /\nFetched from Braze \(1 request\), older days from the cache\n/);
		assert.match(sent(3, 'en-US', englishL10n), /\nFetched from Braze \(3 requests\), older days from the cache\n/);
		assert.match(sent(1, 'fr', french), /\nRécupéré depuis Braze \(1 requête\), jours plus anciens depuis le cache\n/);
		assert.match(sent(2, 'fr', french), /\nRécupéré depuis Braze \(2 requêtes\), jours plus anciens depuis le cache\n/);
	});

	test('a problem is a warning item', () => {
		assert.deepEqual(statusKpiProblem('DAU', 'No key.', 'Click.'), { text: '$(warning) DAU', tooltip: 'No key.\nClick.', warning: true });
	});
});

describe('statusSpec', () => {
	test('up to 50 days: the query itself (with its previous period, 100 days at most: one request)', () => {
		const spec = { metric: 'dau', length: 50, end: { kind: 'yesterday' }, appId: null } as const;
		assert.equal(statusSpec(spec), spec);
	});

	test('longer: only its last two days, so that even a cold refresh sends one small request', () => {
		assert.deepEqual(statusSpec({ metric: 'mau', length: 365, end: { kind: 'today' }, appId: 'ios', connection: 'Prod' }), { metric: 'mau', length: 2, end: { kind: 'today' }, appId: 'ios', connection: 'Prod' });
	});
});

describe('stickiness in the status bar and the chat tool', () => {
	// Previous 3 days: 10 % each; these 3 days: DAU 20, 30, 40 on MAU 200 → 15 % for the range, the latest day 20 %.
	const dau = { ...series('2026-05-14', [10, 10, 10, 20, 30, 40]), metric: 'dau' as const };
	const mau = { ...series('2026-05-14', [100, 100, 100, 200, 200, 200], false, 'mau'), metric: 'mau' as const };
	const sticky: PanelResult = {
		query: { metric: 'stickiness', length: 3, end: { kind: 'yesterday' }, appId: null, connection: 'Prod' },
		instance: { label: 'US-03', host: 'rest.iad-03.braze.com' },
		series: stickinessSeries({ dau, mau }),
		sources: { dau, mau },
		fetchedAt: '2026-05-15T10:00:00.000Z',
		rateLimit: null,
		provenance: { daysFromCache: 0, oldestCachedFetch: null, requestsSent: 2, offline: false },
	};

	test('the status bar shows the latest day as a percent and Home\'s relative change, explained in the tooltip', () => {
		const view = statusKpiView('Sticky', 'Stickiness', 3, sticky, 'Prod', englishL10n, 'en-US');
		assert.equal(view.text, 'Stickiness 20.0% ▲ 50.0%');
		assert.match(view.tooltip, /Change: stickiness \(average DAU ÷ average MAU\) of the last 3 days against the 3 days before, as \(this − last\) ÷ last; Braze's Home page prints it with the opposite sign/);
	});

	test('the chat answer gives percentages, the range\'s stickiness and the change with its convention', () => {
		const text = toolResultText(sticky, 3, { ...context, metricName: 'Stickiness' }, englishL10n);
		assert.match(text, /\| latest complete day \| 20.0% \| 2026-05-14 \|/);
		assert.match(text, /\| stickiness of the range \| 15.0% \| average DAU ÷ average MAU \|/);
		assert.match(text, /\| min \| 10.0% \| 2026-05-12 \|/);
		assert.match(text, /\| change vs previous 3 days \| ▲ 50.0% \| stickiness 10.0% → 15.0%; \(this − last\) ÷ last, the opposite sign of Braze's Home page \|/);
	});
});
