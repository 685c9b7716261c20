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
import { rateLimitHeaders } from './rateLimit';
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

export function answerKpiRequest(request: KpiRequest, faults: FaultState, limiter: HourlyRateLimiter): Answer | NonAnswer {
	const window = limiter.count(request.bucket);
	const headers = rateLimitHeaders(window);
	if (request.method !== 'GET') return statusAnswer(405, { ...headers, Allow: 'GET' });

	const retryAfter = faults.settings.retryAfterSeconds;
	const tooMany = (): Answer =>
		jsonAnswer(429, { message: 'API rate limit exceeded' }, { ...rateLimitHeaders(window, true), ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}) });
	const gatewayFault = faults.takeGatewayFault();
	switch (gatewayFault?.kind) {
		case 'dropConnection':
		case 'hang':
			return gatewayFault.kind;
		case 'rateLimited':
			return tooMany();
		case 'serverError':
			return statusAnswer(gatewayFault.status, headers);
		case 'htmlBody':
			return htmlAnswer(502, PROXY_ERROR_PAGE, headers);
		case undefined:
			break;
	}
	if (window.exceeded) return tooMany();

	const auth = authorizeKpiRequest(request.authorization, request.metric);
	if (!auth.ok) return jsonAnswer(auth.status, { message: auth.message }, headers);

	const parsed = parseKpiParams(request.query, request.today, APP_IDS);
	if (!parsed.ok) return jsonAnswer(400, parsed.body, headers);

	return seriesAnswer(request.metric, parsed.params, request.today, faults.settings, faults.takeBodyFault(), headers, auth.workspace);
}
