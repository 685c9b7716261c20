// Resolves an endpoint setting (instance label or URL) to what a request and a stored key are bound to.
// Pure: no `vscode`, so it is unit-tested in plain Node.
import { BrazeValidationError } from '../braze/errors';
import { instanceLabelOfHost, invalidEndpointError, resolveRestEndpoint } from '../braze/instances';

/** A REST endpoint resolved from a setting or a saved query. */
export interface ResolvedEndpoint {
	/** Base URL without trailing slash, e.g. https://rest.iad-01.braze.com */
	readonly baseUrl: string;
	/** Scheme, host and port: what an API key is bound to. */
	readonly origin: string;
	/** Host name (and port) for display, e.g. rest.iad-01.braze.com */
	readonly host: string;
	/** The instance label when the host is a known one, e.g. US-01. */
	readonly label: string | null;
}

export type EndpointLookup =
	| { readonly ok: true; readonly endpoint: ResolvedEndpoint }
	| { readonly ok: false; readonly reason: 'unset' }
	| { readonly ok: false; readonly reason: 'invalid'; readonly value: string; readonly error: BrazeValidationError };

/** Resolves an instance label or URL; `reason` tells the caller whether to ask for one or to say it is broken. */
export function lookupEndpoint(value: unknown): EndpointLookup {
	if (value == null || (typeof value === 'string' && value.trim() === '')) {
		return { ok: false, reason: 'unset' };
	}
	if (typeof value !== 'string') {
		const shown = JSON.stringify(value) ?? typeof value;
		return { ok: false, reason: 'invalid', value: shown, error: invalidEndpointError(shown, 'it is not text') };
	}
	try {
		const baseUrl = resolveRestEndpoint(value);
		const url = new URL(baseUrl);
		return { ok: true, endpoint: { baseUrl, origin: url.origin, host: url.host, label: instanceLabelOfHost(url.hostname) } };
	} catch (error) {
		if (error instanceof BrazeValidationError) return { ok: false, reason: 'invalid', value, error };
		throw error;
	}
}
