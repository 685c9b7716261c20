// The words of a verification: a one-paragraph notification and a multi-line tooltip, in the user's language.
// Pure: the host passes vscode.l10n (French in l10n/bundle.l10n.fr.json) and its language; tests pass englishL10n.
import type { BrazeError } from '../braze/errors';
import { KPI_METRICS } from '../shared/kpi';
import type { KpiMetric } from '../shared/kpi';
import type { L10n } from '../shared/l10n';
import type { StoredMetricAccess, StoredVerification } from './storedVerification';
import type { VerificationResult } from './verify';

export interface VerificationTextOptions {
	/** The connection's name: the notification starts with it. */
	readonly connectionName?: string;
	/** A BCP 47 tag for numbers, lists and times (the host passes vscode.env.language); default "en". */
	readonly locale?: string;
	/** The time zone of the time checked; default the machine's. */
	readonly timeZone?: string;
	/** A failure's sentence in the user's language; default its English `message`. The host passes the error presenter's. */
	readonly failureText?: (error: BrazeError) => string;
}

export interface VerificationText {
	/** One paragraph for the notification. */
	readonly notification: string;
	/** Lines joined by "\n" for the connection's tooltip (the same text `verificationTooltip` makes from the stored result). */
	readonly tooltip: string;
}

/** The notification and tooltip texts of a verification that has just run. */
export function describeVerification(result: VerificationResult, l10n: L10n, options: VerificationTextOptions = {}): VerificationText {
	return { notification: notificationText(result, l10n, options), tooltip: verificationTooltip(result, l10n, options) };
}

function notificationText(result: VerificationResult, l10n: L10n, options: VerificationTextOptions): string {
	const format = formatters(options);
	const host = hostOf(result.baseUrl);
	const names = (accesses: readonly Kind[]): string => format.list(metricsWith(result, accesses).map((metric) => metricName(metric, l10n)));
	const sentences: string[] = [];
	switch (result.verdict) {
		case 'unauthorized':
			sentences.push(l10n.t('Braze refused the key on {0} (401): check that the key is right, has no quotes, and was created on this instance.', host));
			break;
		case 'failed': {
			const failure = KPI_METRICS.map((metric) => result.metrics[metric]).find((access) => access.kind === 'failed');
			const reason = failure?.kind === 'failed' ? (options.failureText ?? ((error: BrazeError) => error.message))(failure.error) : '';
			sentences.push(l10n.t('Checking {0} on {1} did not finish: {2}', names(['failed']), host, reason));
			break;
		}
		case 'ok':
			sentences.push(l10n.t('The key can read all four KPI series on {0}.', host));
			break;
		case 'partial':
			sentences.push(
				metricsWith(result, ['allowed']).length === 0
					? l10n.t('The key works on {0} but can read none of the four KPI series.', host)
					: l10n.t('The key can read {0} on {1}, but not {2}.', names(['allowed']), host, names(['denied', 'forbidden'])),
			);
			sentences.push(...refusalSentences(result, l10n, format));
			break;
	}
	if (result.verdict === 'ok' || result.verdict === 'partial') {
		if (result.latestCompleteDau !== null) sentences.push(l10n.t('DAU on {0}, the latest complete day: {1}.', result.latestCompleteDay, format.number(result.latestCompleteDau)));
		if (result.rateLimitRemaining !== null) sentences.push(l10n.t('Requests left this hour: {0}.', format.number(result.rateLimitRemaining)));
	}
	const paragraph = sentences.join(' ');
	return options.connectionName ? l10n.t('{0}: {1}', options.connectionName, paragraph) : paragraph;
}

/** What to do about each kind of 403: a missing permission needs a new key, a plan refusal needs an administrator. */
function refusalSentences(result: VerificationResult, l10n: L10n, format: Formatters): string[] {
	const sentences: string[] = [];
	const permissions = KPI_METRICS.flatMap((metric) => {
		const access = result.metrics[metric];
		return access.kind === 'denied' ? [access.permission] : [];
	});
	if (permissions.length > 0) {
		sentences.push(
			permissions.length === 1 ? l10n.t('Missing permission: {0}.', permissions[0]) : l10n.t('Missing permissions: {0}.', format.list(permissions)),
			l10n.t('Braze cannot add permissions to an existing key: create a new REST API key that has every permission you need.'),
		);
	}
	const forbidden = metricsWith(result, ['forbidden']);
	if (forbidden.length > 0) {
		const names = format.list(forbidden.map((metric) => metricName(metric, l10n)));
		sentences.push(l10n.t('Braze answered 403 Forbidden for {0}, which your plan or account does not allow: ask your Braze administrator.', names));
	}
	return sentences;
}

/** The tooltip of a connection from its remembered verification: a headline, one line per series, the figures, and when it was checked. */
export function verificationTooltip(stored: StoredVerification, l10n: L10n, options: Omit<VerificationTextOptions, 'connectionName' | 'failureText'> = {}): string {
	const format = formatters(options);
	const readable = metricsWith(stored, ['allowed']).length;
	const headline = {
		ok: () => l10n.t('Verified: every KPI series is readable'),
		partial: () => l10n.t('Verified: {0} of 4 KPI series readable', readable),
		unauthorized: () => l10n.t('Braze refused the key (401)'),
		failed: () => l10n.t('The last check did not finish'),
	}[stored.verdict]();
	const lines = [headline, ...KPI_METRICS.map((metric) => accessLine(metricName(metric, l10n), stored.metrics[metric], l10n))];
	if (stored.latestCompleteDau !== null) lines.push(l10n.t('Latest complete DAU ({0}): {1}', stored.latestCompleteDay, format.number(stored.latestCompleteDau)));
	if (stored.rateLimitRemaining !== null) lines.push(l10n.t('Requests left this hour: {0}', format.number(stored.rateLimitRemaining)));
	lines.push(l10n.t('Checked {0} on {1}', format.time(stored.checkedAt), hostOf(stored.baseUrl)));
	return lines.join('\n');
}

function accessLine(name: string, access: StoredMetricAccess, l10n: L10n): string {
	switch (access.kind) {
		case 'allowed':
			return l10n.t('{0}: readable', name);
		case 'denied':
			return l10n.t('{0}: missing {1}', name, access.permission);
		case 'forbidden':
			return l10n.t('{0}: 403 Forbidden', name);
		case 'unauthorized':
			return l10n.t('{0}: key refused (401)', name);
		case 'failed':
			return access.status === null ? l10n.t('{0}: no answer', name) : l10n.t('{0}: failed (HTTP {1})', name, access.status);
	}
}

type Kind = StoredMetricAccess['kind'];

function metricsWith(result: StoredVerification, kinds: readonly Kind[]): KpiMetric[] {
	return KPI_METRICS.filter((metric) => kinds.includes(result.metrics[metric].kind));
}

/** The short name of a series, as the Braze dashboard and the chart panel name it. */
function metricName(metric: KpiMetric, l10n: L10n): string {
	switch (metric) {
		case 'dau':
			return l10n.t('DAU');
		case 'mau':
			return l10n.t('MAU');
		case 'new_users':
			return l10n.t('New users');
		case 'uninstalls':
			return l10n.t('Uninstalls');
	}
}

function hostOf(baseUrl: string): string {
	return new URL(baseUrl).host;
}

interface Formatters {
	number(value: number): string;
	list(items: readonly string[]): string;
	/** An ISO instant as a local date and time. */
	time(iso: string): string;
}

function formatters(options: Pick<VerificationTextOptions, 'locale' | 'timeZone'>): Formatters {
	const locale = usableLocale(options.locale);
	return {
		number: (value) => new Intl.NumberFormat(locale).format(value),
		list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
		time: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(new Date(iso)),
	};
}

/** The locale if Intl accepts it ("fr", "pt-br"), else English: a display setting must not break the text. */
function usableLocale(locale: string | undefined): string {
	try {
		return Intl.getCanonicalLocales(locale ?? 'en')[0] ?? 'en';
	} catch {
		return 'en';
	}
}
