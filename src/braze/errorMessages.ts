// The one actionable sentence of each client error, as an English template: {0}, {1}… stand for the error's
// `args`. The client fills them in for `error.message`; the VS Code layer passes these very strings to
// `vscode.l10n.t` (French in l10n/bundle.l10n.fr.json), so every wording lives here and nowhere else.
export const BRAZE_ERROR_MESSAGES = {
	// {0}: Braze's message; {1}: the query parameters sent.
	badRequest: 'Braze rejected the request (400): "{0}". Parameters sent: {1}. Check these values.',
	// {0}: the query parameters sent.
	badRequestSilent: 'Braze rejected the request (400). Parameters sent: {0}. Check these values.',
	// {0}: the REST host.
	auth: 'Braze refused the API key for {0} (401). Check that the key is right, has no quotes and was created on this instance.',
	// {0}: the REST host; {1}: a permission such as kpi.dau.data_series.
	permission: 'The API key for {0} lacks the permission {1}, which Braze cannot add to a key: create a new REST API key with it (Settings > APIs and Identifiers).',
	forbidden: 'Braze refused access (403 Forbidden): your plan or account does not allow this endpoint. Contact your Braze administrator.',
	// {0}: the URL requested, without its query.
	notFound: 'Braze answered 404 Not Found for {0}. Check the REST endpoint setting: use the REST host shown in Settings > APIs and Identifiers.',
	rateLimit: 'Braze rate limit reached (429) for this workspace\'s hourly quota. Try again later.',
	// {0}: the time the limit resets.
	rateLimitReset: 'Braze rate limit reached (429) for this workspace\'s hourly quota. Try again after {0}.',
	// {0}: the HTTP status; {1}: the attempts made (2 or more).
	server: 'Braze still had a server error ({0}) after {1} attempts. Try again later; check status.braze.com if it persists.',
	// {0}: the HTTP status. Only one attempt was made (the retry budget allowed no other).
	serverOnce: 'Braze had a server error ({0}) on the only attempt made. Try again later; check status.braze.com if it persists.',
	// {0}: seconds. The client serves this extension only, so it names the setting that sets the timeout.
	timeout: 'Braze did not answer within {0} s. Try again, check your network and proxy, or raise the braze.requestTimeoutSeconds setting.',
	// {0}: the REST host, with the system error code when known, e.g. "rest.iad-01.braze.com (ECONNRESET)"; {1}: the attempts made (2 or more).
	network: 'Could not reach Braze at {0} after {1} attempts. Check your network, proxy and the REST endpoint setting.',
	// {0}: the REST host, as for `network`. Only one attempt was made.
	networkOnce: 'Could not reach Braze at {0} on the only attempt made. Check your network, proxy and the REST endpoint setting.',
	cancelled: 'The Braze request was cancelled.',
	// BrazeResponseError, by problem; its detail (what arrived) goes to the log.
	'not-json': 'Braze\'s answer is not valid JSON. Try again later; check the REST endpoint setting if it persists.',
	html: 'Braze\'s answer is an HTML page, not JSON (often a proxy or outage page). Check the REST endpoint setting and any proxy.',
	oversize: 'Braze\'s answer is too large. Check the REST endpoint setting.',
	shape: 'Braze\'s answer does not have the expected shape. The extension may need an update if Braze changed its API.',
	values: 'Braze\'s answer holds values that cannot be counts (negative, fractional or over a trillion), so nothing was charted. Try again later; report it to Braze if it persists.',
	// {0}: the HTTP status.
	'unexpected-status': 'Braze gave an unexpected answer (HTTP {0}). Check the REST endpoint setting.',
	// BrazeValidationError, by field. {0}: the setting as written, cut short when long.
	endpoint: 'The REST endpoint "{0}" is not usable: choose an instance such as US-01, or enter an https:// URL (http:// only for localhost).',
	// {0}: the REST host.
	apiKey: 'The API key for {0} is not a valid Braze REST API key (empty, quoted or with invalid characters). Set it again.',
	// {0}: the longest series, in days.
	length: 'length must be a whole number of days from 1 to {0}.',
	ending_at: 'ending_at must be an ISO-8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ss±hh:mm).',
	app_id: 'app_id must be an app identifier without spaces or control characters (Settings > APIs and Identifiers).',
	// {0}: the metrics, comma-separated.
	metric: 'metric must be one of {0}.',
} as const;

export type BrazeErrorMessageKey = keyof typeof BRAZE_ERROR_MESSAGES;
