// One request to /kpi/{metric}/data_series, in Braze's order: the rate-limit pool, then whatever a
// gateway would do (injected faults), then auth, then parameters, then the data of the key's workspace.
import type { KpiMetric } from '../src/shared/kpi';
import type { Answer, NonAnswer } from './answers';
import { PROXY_ERROR_PAGE, htmlAnswer, jsonAnswer, statusAnswer } from './answers';
import { SANDBOX_APPS } from './data';
import type { FaultState } from './faults';
import { authorizeKpiRequest } from './keys';
import { parseKpiParams } from './params';
import type { HourlyRateLimiter } from './rateLimit';
import { rateLimitHeaders, withRemainingAtMost } from './rateLimit';
import { seriesAnswer } from './seriesBody';

export interface KpiRequest {
	readonly method: string;
	readonly metric: KpiMetric;
	readonly query: URLSearchParams;
	readonly authorization: string | undefined;
	/** The rate-limit bucket: the key's fingerprint, or '' without a key. */
	readonly bucket: string;
	/** Today's date (YYYY-MM-DD, UTC) per the sandbox clock. */
	readonly today: string;
}

const APP_IDS = SANDBOX_APPS.map((app) => app.id);

/** Where the `redirects` fault sends the client: another host, as a login wall or a moved API would. */
export const REDIRECT_LOCATION = 'https://login.example.com/sso?next=%2Fkpi';

/** The calendar date a request's series ends on, as written in `ending_at` (today without it); for `windowServerErrors`. */
function seriesEndDate(request: KpiRequest): string {
	return request.query.get('ending_at')?.slice(0, 10) ?? request.today;
}

export function answerKpiRequest(request: KpiRequest, faults: FaultState, limiter: HourlyRateLimiter): Answer | NonAnswer {
	const window = withRemainingAtMost(limiter.count(request.bucket), faults.settings.rateLimitRemaining);
	const headers = rateLimitHeaders(window);
	if (request.method !== 'GET') return statusAnswer(405, { ...headers, Allow: 'GET' });

	const { retryAfterSeconds, retryAfter = retryAfterSeconds === undefined ? undefined : String(retryAfterSeconds), rateLimitReset } = faults.settings;
	const tooMany = (injected: boolean): Answer =>
		jsonAnswer(429, { message: 'API rate limit exceeded' }, {
			...rateLimitHeaders(window, true),
			...(injected && rateLimitReset !== undefined ? { 'X-RateLimit-Reset': rateLimitReset } : {}),
			...(retryAfter !== undefined ? { 'Retry-After': retryAfter } : {}),
		});
	const gatewayFault = faults.takeWindowFault(seriesEndDate(request)) ?? faults.takeGatewayFault();
	switch (gatewayFault?.kind) {
		case 'dropConnection':
		case 'hang':
			return gatewayFault.kind;
		case 'rateLimited':
			return tooMany(true);
		case 'redirect':
			return jsonAnswer(302, { message: 'Found' }, { ...headers, Location: REDIRECT_LOCATION });
		case 'serverError':
			return statusAnswer(gatewayFault.status, headers);
		case 'htmlBody':
			return htmlAnswer(502, PROXY_ERROR_PAGE, headers);
		case undefined:
			break;
	}
	if (window.exceeded) return tooMany(false);

	const auth = authorizeKpiRequest(request.authorization, request.metric);
	if (!auth.ok) return jsonAnswer(auth.status, { message: auth.message }, headers);

	const parsed = parseKpiParams(request.query, request.today, APP_IDS);
	if (!parsed.ok) return jsonAnswer(400, parsed.body, headers);

	return seriesAnswer(request.metric, parsed.params, request.today, faults.settings, faults.takeBodyFault(), headers, auth.workspace);
}
