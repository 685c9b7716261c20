// Counts of requests in progress notifications and footers, each in the form its number takes in the display
// language ("1 of 1 request", "2 of 4 requests"). Pure: the host passes its translator and locale.
import type { L10n } from '../shared/l10n';
import { pluralForm } from '../shared/plural';

/** "3 of 4 requests", "1 of 1 request": requests answered out of those planned, for a progress notification. */
export function requestProgressText(answered: number, planned: number, locale: string, l10n: L10n): string {
	return pluralForm(planned, locale) === 'one' ? l10n.t('{0} of {1} request', answered, planned) : l10n.t('{0} of {1} requests', answered, planned);
}

/** "API rate limit: 40 of 50 requests left" (`remaining` and `limit` formatted by the caller; `limitCount` chooses the form). */
export function rateLimitText(remaining: string, limit: string, limitCount: number, locale: string, l10n: L10n): string {
	return pluralForm(limitCount, locale) === 'one' ? l10n.t('API rate limit: {0} of {1} request left', remaining, limit) : l10n.t('API rate limit: {0} of {1} requests left', remaining, limit);
}
