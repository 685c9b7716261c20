// Braze instances and their REST hosts, and the rule for custom endpoints.
import { BrazeValidationError, clip } from './errors';

export interface BrazeInstance {
	/** Dashboard label, e.g. "US-01". */
	readonly label: string;
	/** REST host, e.g. "rest.iad-01.braze.com". */
	readonly host: string;
}

/** The known instances' labels, in the order a picker shows them. Braze adds instances: custom URLs stay accepted. */
const INSTANCE_LABELS = ['US-01', 'US-02', 'US-03', 'US-04', 'US-05', 'US-06', 'US-07', 'US-08', 'US-10', 'EU-01', 'EU-02', 'AU-01', 'ID-01', 'JP-01', 'KR-01'];

/**
 * Braze names REST hosts after data centres: US-01…US-08 are rest.iad-0n.braze.com, EU-0n is rest.fra-0n.braze.eu,
 * and the others keep their label (US-10 is rest.us-10.braze.com).
 */
function restHostOf(label: string): string {
	const [region, number] = label.toLowerCase().split('-');
	const site = region === 'eu' ? 'fra' : region === 'us' && Number(number) < 10 ? 'iad' : region;
	return `rest.${site}-${number}.braze.${region === 'eu' ? 'eu' : 'com'}`;
}

/** The known instances with their REST hosts. */
export const BRAZE_INSTANCES: readonly BrazeInstance[] = INSTANCE_LABELS.map((label) => ({ label, host: restHostOf(label) }));

const LOOPBACK_HOSTNAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** The instance whose label is `label` (case-insensitive), or undefined. */
export function instanceByLabel(label: string): BrazeInstance | undefined {
	const wanted = label.trim().toUpperCase();
	return BRAZE_INSTANCES.find((i) => i.label === wanted);
}

/** The instance label of a REST host name ("rest.iad-01.braze.com" -> "US-01"), or null. */
export function instanceLabelOfHost(hostname: string): string | null {
	const host = hostname.toLowerCase();
	return BRAZE_INSTANCES.find((i) => i.host === host)?.label ?? null;
}

/** True for the hosts that may use plain http (the local sandbox and tests). */
export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTNAMES.includes(hostname.toLowerCase());
}

/**
 * The base URL (no trailing slash) for an instance label ("US-01"), a bare REST host, or a URL.
 * Only https, except http on loopback hosts; no credentials, query or fragment.
 * Throws BrazeValidationError (field `endpoint`) otherwise.
 */
export function resolveRestEndpoint(labelOrUrl: string): string {
	const raw = labelOrUrl.trim();
	if (raw === '') throw invalidEndpointError(raw, 'it is empty');
	const instance = instanceByLabel(raw);
	if (instance) return `https://${instance.host}`;
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw invalidEndpointError(raw, 'it is not a URL or a known instance label');
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
		throw invalidEndpointError(raw, 'only https:// is allowed (http:// only for 127.0.0.1, localhost and [::1])');
	}
	if (url.username || url.password || url.search || url.hash) {
		throw invalidEndpointError(raw, 'it must not contain a user name or password, a query (?…) or a fragment (#…)');
	}
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}`;
}

/** The error for an endpoint setting that cannot be used; `why` (English) says what exactly is wrong. */
export function invalidEndpointError(value: string, why?: string): BrazeValidationError {
	// Quote only the start: a user may paste something long by mistake.
	return new BrazeValidationError('endpoint', [clip(value, 80)], why);
}
