// The notification and tooltip texts of a verification, in English and French, and the remembered result's validator.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrazeNetworkError, BrazeServerError } from '../../../src/braze/errors';
import type { BrazeError } from '../../../src/braze/errors';
import { parseStoredVerification } from '../../../src/connections/storedVerification';
import type { StoredVerification } from '../../../src/connections/storedVerification';
import { toStoredVerification } from '../../../src/connections/verify';
import type { MetricAccess, VerificationResult } from '../../../src/connections/verify';
import { describeVerification, verificationTooltip } from '../../../src/connections/verifyText';
import type { KpiMetric } from '../../../src/shared/kpi';
import { englishL10n } from '../../../src/shared/l10n';
import type { L10n } from '../../../src/shared/l10n';
import { readJson } from '../../support/repo';

const HOST = 'rest.iad-03.braze.com';
const allowed: MetricAccess = { kind: 'allowed' };
const denied = (metric: KpiMetric): MetricAccess => ({ kind: 'denied', permission: `kpi.${metric}.data_series` });

function result(metrics: Record<KpiMetric, MetricAccess>, verdict: VerificationResult['verdict'], figures: Partial<VerificationResult> = {}): VerificationResult {
	return {
		verdict,
		baseUrl: `https://${HOST}`,
		metrics,
		rateLimitRemaining: 249_996,
		latestCompleteDay: '2026-03-14',
		latestCompleteDau: 123_456,
		checkedAt: '2026-03-15T12:00:00.000Z',
		...figures,
	};
}

const OK = result({ dau: allowed, mau: allowed, new_users: allowed, uninstalls: allowed }, 'ok');
const PARTIAL = result({ dau: allowed, mau: allowed, new_users: denied('new_users'), uninstalls: denied('uninstalls') }, 'partial');
const MIXED = result({ dau: allowed, mau: { kind: 'forbidden' }, new_users: denied('new_users'), uninstalls: allowed }, 'partial');
const NONE = result({ dau: denied('dau'), mau: denied('mau'), new_users: denied('new_users'), uninstalls: denied('uninstalls') }, 'partial', { latestCompleteDau: null });
const UNAUTHORIZED = result(
	{ dau: { kind: 'unauthorized' }, mau: { kind: 'unauthorized' }, new_users: { kind: 'unauthorized' }, uninstalls: { kind: 'unauthorized' } },
	'unauthorized',
	{ latestCompleteDau: null },
);
const NETWORK = new BrazeNetworkError(HOST, 'ECONNRESET', 4);
const FAILED = result({ dau: allowed, mau: { kind: 'failed', status: null, error: NETWORK }, new_users: { kind: 'failed', status: 503, error: new BrazeServerError(503, 4) }, uninstalls: denied('uninstalls') }, 'failed');

const en = { locale: 'en', timeZone: 'UTC' };
/** Intl puts narrow or plain no-break spaces in numbers and times, depending on the ICU version: compare with plain spaces. */
const spaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('describeVerification (English)', () => {
	it('ok: one paragraph with the connection, the host, yesterday\'s DAU and the quota left', () => {
		const text = describeVerification(OK, englishL10n, { ...en, connectionName: 'Prod US-03' });
		assert.equal(
			text.notification,
			'Prod US-03: The key can read all four KPI series on rest.iad-03.braze.com. DAU on 2026-03-14, the latest complete day: 123,456. Requests left this hour: 249,996.',
		);
		assert.equal(
			spaces(text.tooltip),
			[
				'Verified: every KPI series is readable',
				'DAU: readable',
				'MAU: readable',
				'New users: readable',
				'Uninstalls: readable',
				'Latest complete DAU (2026-03-14): 123,456',
				'Requests left this hour: 249,996',
				'Checked Mar 15, 2026, 12:00 PM on rest.iad-03.braze.com',
			].join('\n'),
		);
		assert.ok(!describeVerification(OK, englishL10n, en).notification.startsWith(':'), 'without a name the paragraph starts with the sentence');
	});

	it('partial: names what the key can read, what it cannot, and every missing permission', () => {
		const text = describeVerification(PARTIAL, englishL10n, en);
		assert.equal(
			text.notification,
			'The key can read DAU and MAU on rest.iad-03.braze.com, but not New users and Uninstalls. ' +
				'Missing permissions: kpi.new_users.data_series and kpi.uninstalls.data_series. ' +
				'Braze cannot add permissions to an existing key: create a new REST API key that has every permission you need. ' +
				'DAU on 2026-03-14, the latest complete day: 123,456. Requests left this hour: 249,996.',
		);
		assert.deepEqual(text.tooltip.split('\n').slice(0, 5), [
			'Verified: 2 of 4 KPI series readable',
			'DAU: readable',
			'MAU: readable',
			'New users: missing kpi.new_users.data_series',
			'Uninstalls: missing kpi.uninstalls.data_series',
		]);
	});

	it('partial with a 403 Forbidden: one missing permission, and the plan refusal sent to the administrator', () => {
		const text = describeVerification(MIXED, englishL10n, en);
		assert.equal(
			text.notification,
			'The key can read DAU and Uninstalls on rest.iad-03.braze.com, but not MAU and New users. ' +
				'Missing permission: kpi.new_users.data_series. ' +
				'Braze cannot add permissions to an existing key: create a new REST API key that has every permission you need. ' +
				'Braze answered 403 Forbidden for MAU, which your plan or account does not allow: ask your Braze administrator. ' +
				'DAU on 2026-03-14, the latest complete day: 123,456. Requests left this hour: 249,996.',
		);
		assert.match(text.tooltip, /\nMAU: 403 Forbidden\n/);
	});

	it('a key that reads nothing: no DAU figure, all four permissions', () => {
		const text = describeVerification(NONE, englishL10n, en);
		assert.equal(
			text.notification,
			'The key works on rest.iad-03.braze.com but can read none of the four KPI series. ' +
				'Missing permissions: kpi.dau.data_series, kpi.mau.data_series, kpi.new_users.data_series, and kpi.uninstalls.data_series. ' +
				'Braze cannot add permissions to an existing key: create a new REST API key that has every permission you need. ' +
				'Requests left this hour: 249,996.',
		);
		assert.ok(text.tooltip.startsWith('Verified: 0 of 4 KPI series readable\n'));
		assert.ok(!text.tooltip.includes('Latest complete DAU'));
	});

	it('unauthorized: the 401 sentence alone, pointing at the key and the instance', () => {
		const text = describeVerification(UNAUTHORIZED, englishL10n, { ...en, connectionName: 'Dev' });
		assert.equal(text.notification, 'Dev: Braze refused the key on rest.iad-03.braze.com (401): check that the key is right, has no quotes, and was created on this instance.');
		assert.deepEqual(text.tooltip.split('\n').slice(0, 2), ['Braze refused the key (401)', 'DAU: key refused (401)']);
	});

	it('failed: the series that failed and the first failure\'s own sentence (the host\'s localized one when given)', () => {
		const plain = describeVerification(FAILED, englishL10n, en);
		assert.equal(plain.notification, `Checking MAU and New users on rest.iad-03.braze.com did not finish: ${NETWORK.message}`);
		const localized = describeVerification(FAILED, englishL10n, { ...en, failureText: (error: BrazeError) => `<${error.name}>` });
		assert.equal(localized.notification, 'Checking MAU and New users on rest.iad-03.braze.com did not finish: <BrazeNetworkError>');
		assert.deepEqual(plain.tooltip.split('\n').slice(0, 5), [
			'The last check did not finish',
			'DAU: readable',
			'MAU: no answer',
			'New users: failed (HTTP 503)',
			'Uninstalls: missing kpi.uninstalls.data_series',
		]);
	});

	it('an unknown or malformed locale falls back to English formatting instead of throwing', () => {
		const text = describeVerification(OK, englishL10n, { locale: 'not_a locale', timeZone: 'UTC' });
		assert.match(text.notification, /123,456/);
	});
});

describe('describeVerification (French bundle)', () => {
	const french = readJson('l10n/bundle.l10n.fr.json') as Record<string, string>;
	// Like vscode.l10n.t with the French bundle, but a missing translation fails the test instead of falling back.
	const fr: L10n = {
		t: (message, ...args) => {
			const translated = french[message];
			assert.equal(typeof translated, 'string', `no French for ${JSON.stringify(message)}`);
			return englishL10n.t(translated, ...args);
		},
	};
	const frOptions = { locale: 'fr', timeZone: 'UTC' };

	it('every text of every verdict is translated, with French numbers and lists', () => {
		for (const each of [OK, PARTIAL, MIXED, NONE, UNAUTHORIZED, FAILED]) describeVerification(each, fr, { ...frOptions, connectionName: 'Prod' });
		const partial = describeVerification(PARTIAL, fr, { ...frOptions, connectionName: 'Prod' });
		assert.equal(
			spaces(partial.notification),
			'Prod : La clé peut lire DAU et MAU sur rest.iad-03.braze.com, mais pas Nouveaux utilisateurs et Désinstallations. ' +
				'Autorisations manquantes : kpi.new_users.data_series et kpi.uninstalls.data_series. ' +
				"Braze ne peut pas ajouter d'autorisations à une clé existante : créez une nouvelle clé API REST qui a toutes les autorisations nécessaires. " +
				'DAU du 2026-03-14, le dernier jour complet : 123 456. Requêtes restantes pour cette heure : 249 996.',
		);
		assert.match(spaces(partial.tooltip), /^Vérification : 2 séries KPI sur 4 lisibles\nDAU : lisible\n/);
		assert.match(spaces(partial.tooltip), /\nVérifié le 15 mars 2026(,| à) 12:00 sur rest\.iad-03\.braze\.com$/);
	});
});

describe('the remembered result', () => {
	const roundTrip = (r: VerificationResult): unknown => JSON.parse(JSON.stringify(toStoredVerification(r))) as unknown;

	it('survives JSON with its tooltip unchanged; failures keep only their status', () => {
		for (const each of [OK, PARTIAL, MIXED, NONE, UNAUTHORIZED, FAILED]) {
			const parsed = parseStoredVerification(roundTrip(each));
			assert.ok(parsed, each.verdict);
			assert.deepEqual(parsed, toStoredVerification(each));
			assert.equal(verificationTooltip(parsed, englishL10n, en), describeVerification(each, englishL10n, en).tooltip);
		}
		assert.deepEqual(toStoredVerification(FAILED).metrics.mau, { kind: 'failed', status: null });
		assert.ok(!JSON.stringify(toStoredVerification(FAILED)).includes('BrazeNetworkError'));
	});

	it('keeps only the known fields: an extra field such as a key is dropped', () => {
		const raw = { ...(roundTrip(OK) as { metrics: Record<string, unknown> }), apiKey: 'secret-key-value', extra: 1 };
		raw.metrics.sessions = { kind: 'allowed' };
		const parsed = parseStoredVerification(raw);
		assert.ok(parsed);
		assert.ok(!JSON.stringify(parsed).includes('secret-key-value') && !('extra' in parsed));
		assert.deepEqual(Object.keys(parsed.metrics).sort(), ['dau', 'mau', 'new_users', 'uninstalls']);
	});

	it('refuses anything missing, malformed or inconsistent', () => {
		const good = roundTrip(PARTIAL) as StoredVerification & Record<string, unknown>;
		type Loose = { [field: string]: unknown; metrics: Record<string, unknown> };
		const spoil = (change: (copy: Loose) => void): unknown => {
			const copy = structuredClone(good) as unknown as Loose;
			change(copy);
			return copy;
		};
		const spoilt: [string, unknown][] = [
			['null', null],
			['an array', [good]],
			['a string', JSON.stringify(good)],
			['no metrics', spoil((c) => Reflect.deleteProperty(c, 'metrics'))],
			['a metric missing', spoil((c) => delete c.metrics.uninstalls)],
			['an unknown kind', spoil((c) => (c.metrics.dau = { kind: 'maybe' }))],
			['a permission of another series', spoil((c) => (c.metrics.new_users = { kind: 'denied', permission: 'kpi.dau.data_series' }))],
			['a permission with markup', spoil((c) => (c.metrics.new_users = { kind: 'denied', permission: '[click](command:x)' }))],
			['a failure status out of range', spoil((c) => (c.metrics.mau = { kind: 'failed', status: 42 }))],
			['a verdict that does not follow from the grid', spoil((c) => (c.verdict = 'ok'))],
			['an unknown verdict', spoil((c) => (c.verdict = 'great'))],
			['a base URL that is not https', spoil((c) => (c.baseUrl = 'http://rest.iad-03.braze.com'))],
			['a base URL with credentials', spoil((c) => (c.baseUrl = 'https://user:pw@rest.iad-03.braze.com'))],
			['a base URL that is not canonical', spoil((c) => (c.baseUrl = 'https://rest.iad-03.braze.com/'))],
			['a negative quota', spoil((c) => (c.rateLimitRemaining = -1))],
			['a fractional quota', spoil((c) => (c.rateLimitRemaining = 2.5))],
			['a quota as text', spoil((c) => (c.rateLimitRemaining = '5'))],
			['no quota field', spoil((c) => delete c.rateLimitRemaining)],
			['a bad day', spoil((c) => (c.latestCompleteDay = '2026-02-30'))],
			['a DAU as text', spoil((c) => (c.latestCompleteDau = '123456'))],
			['a DAU while DAU is not readable', spoil((c) => (c.metrics.dau = { kind: 'denied', permission: 'kpi.dau.data_series' }))],
			['a time that is not ISO', spoil((c) => (c.checkedAt = 'yesterday'))],
			['a time that is not canonical', spoil((c) => (c.checkedAt = '2026-03-15T12:00:00Z'))],
		];
		for (const [what, raw] of spoilt) assert.equal(parseStoredVerification(raw), null, what);
		assert.ok(parseStoredVerification(good), 'the unspoilt copy parses');
		assert.ok(parseStoredVerification({ ...good, rateLimitRemaining: null, latestCompleteDau: null }), 'null figures are fine');
	});
});
