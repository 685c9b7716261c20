// Braze instances and their REST hosts, and the rule for custom endpoints.
import { BrazeValidationError } from './errors';

export interface BrazeInstance {
	/** Dashboard label, e.g. "US-01". */
	readonly label: string;
	/** REST host, e.g. "rest.iad-01.braze.com". */
	readonly host: string;
}

/** The known instances, in the order a picker shows them. Braze adds instances: custom URLs stay accepted. */
export const BRAZE_INSTANCES: readonly BrazeInstance[] = [
	{ label: 'US-01', host: 'rest.iad-01.braze.com' },
	{ label: 'US-02', host: 'rest.iad-02.braze.com' },
	{ label: 'US-03', host: 'rest.iad-03.braze.com' },
	{ label: 'US-04', host: 'rest.iad-04.braze.com' },
	{ label: 'US-05', host: 'rest.iad-05.braze.com' },
	{ label: 'US-06', host: 'rest.iad-06.braze.com' },
	{ label: 'US-07', host: 'rest.iad-07.braze.com' },
	{ label: 'US-08', host: 'rest.iad-08.braze.com' },
	{ label: 'US-10', host: 'rest.us-10.braze.com' },
	{ label: 'EU-01', host: 'rest.fra-01.braze.eu' },
	{ label: 'EU-02', host: 'rest.fra-02.braze.eu' },
	{ label: 'AU-01', host: 'rest.au-01.braze.com' },
	{ label: 'ID-01', host: 'rest.id-01.braze.com' },
	{ label: 'JP-01', host: 'rest.jp-01.braze.com' },
	{ label: 'KR-01', host: 'rest.kr-01.braze.com' },
];

const LOOPBACK_HOSTNAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** The instance whose label is `label` (case-insensitive), or undefined. */
export function instanceByLabel(label: string): BrazeInstance | undefined {
	const wanted = label.trim().toUpperCase();
	return BRAZE_INSTANCES.find((i) => i.label === wanted);
}

/** The instance label of a REST host or URL ("rest.iad-01.braze.com" or "https://rest.iad-01.braze.com/" -> "US-01"), or null. */
export function instanceLabelOfHost(hostOrUrl: string): string | null {
	let host = hostOrUrl.trim().toLowerCase();
	try {
		if (host.includes('://')) host = new URL(host).hostname;
	} catch {
		return null;
	}
	host = host.replace(/\/+$/, '');
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
	if (raw === '') throw new BrazeValidationError('endpoint', 'The REST endpoint is empty. Choose an instance such as US-01, or enter your REST endpoint URL (https://…).');
	const instance = instanceByLabel(raw);
	if (instance) return `https://${instance.host}`;
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw invalidEndpoint(raw, 'it is not a URL or a known instance label');
	}
	if (url.protocol === 'http:') {
		if (!isLoopbackHost(url.hostname)) throw invalidEndpoint(raw, 'only https:// is allowed (http:// only for 127.0.0.1, localhost and [::1])');
	} else if (url.protocol !== 'https:') {
		throw invalidEndpoint(raw, 'only https:// is allowed');
	}
	if (url.username || url.password) throw invalidEndpoint(raw, 'it must not contain a user name or password');
	if (url.search || url.hash) throw invalidEndpoint(raw, 'it must not contain a query (?…) or fragment (#…)');
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}`;
}

function invalidEndpoint(raw: string, why: string): BrazeValidationError {
	// Quote only the start: a user may paste something long by mistake.
	const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
	return new BrazeValidationError('endpoint', `The REST endpoint "${shown}" is not usable: ${why}. Use an instance label such as US-01 or your REST endpoint URL from Settings > APIs and Identifiers.`);
}
