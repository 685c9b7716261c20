// Every parser of untrusted input, as the fuzz tests drive it. Adding a parser is one entry in FUZZ_PARSERS:
// its inputs, how to call it, its typed error (if it has one) and the invariant of what it accepts.
import fc from 'fast-check';
import { parseFaults } from '../../../sandbox/faults';
import { BrazeResponseError, BrazeValidationError } from '../../../src/braze/errors';
import { resolveRestEndpoint } from '../../../src/braze/instances';
import { rateLimitResetAt, readRateLimit, retryAfterMs, msUntilReset } from '../../../src/braze/rateLimit';
import { brazeMessageOf, parseSeriesBody } from '../../../src/braze/response';
import { lookupEndpoint } from '../../../src/connections/endpoint';
import { parseExportDocument, buildExportDocument } from '../../../src/export/document';
import { checkConnectionEntry } from '../../../src/connections/model';
import { checkSavedQueryEntry, toSettingsEntry } from '../../../src/queries/model';
import { englishL10n } from '../../../src/shared/l10n';
import { parsePersistedPanelState, parseWebviewMessage } from '../../../src/shared/protocol';
import { parseQuerySpec } from '../../../src/shared/query';
import { parseHostMessage } from '../../../src/webview/hostMessage';
import assert from 'node:assert/strict';
import { dailySeries, hostMessage, inputsLike, panelResult, plainDate, querySpec, textsLike, webviewMessage } from './arbitraries';
import {
	assertBaseUrl,
	assertCheckedEntry,
	assertExportedResult,
	assertHostMessage,
	assertKnownLabel,
	assertPersistedState,
	assertQuerySpec,
	assertRateLimitInfo,
	assertSeriesRows,
	assertWait,
	assertWebviewMessage,
} from './invariants';

/** A parser under fuzz: `parse` returns what it accepted, or REFUSED; it may throw only errors that `typedError` recognises. */
export interface FuzzedParser {
	readonly name: string;
	readonly inputs: fc.Arbitrary<unknown>;
	readonly parse: (input: unknown) => unknown;
	readonly typedError?: (error: unknown) => boolean;
	/** Throws (an assertion) when an accepted value breaks the type's invariants. */
	readonly invariant: (accepted: never) => void;
	/** Fewer runs for a costly parser (share of FUZZ_RUNS). */
	readonly scale?: number;
}

export const REFUSED = Symbol('refused');

const NOW = new Date('2026-03-15T12:00:00Z');
const MAX_LENGTH = 3650;

/** `name: value` headers with values at the edges of what a number, a date or garbage looks like. */
const headerValue = fc.oneof(
	fc.string(),
	fc.nat().map(String),
	fc.bigInt({ min: 0n, max: 10n ** 420n }).map(String),
	fc.double({ noNaN: false }).map(String),
	fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toUTCString())),
	fc.constantFrom('', ' 12 ', '1e3', '-5', '0x10', 'Infinity', '9'.repeat(400), '1773576000000', 'Sun, 10 Mar 2024 12:00:30 GMT'),
);
const headers = fc.dictionary(fc.constantFrom('x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'), headerValue).map((entries) => new Headers(entries));

/** A DAU body as Braze sends it (the parser is called for `dau`). */
const seriesBody = fc.tuple(plainDate, fc.integer({ min: 1, max: 100 })).chain(([last, days]) =>
	dailySeries('dau', last, days).map((s) => ({ message: 'success', data: s.points.flatMap((p) => (p.value === null ? [] : [{ time: p.date, dau: p.value }])) })),
);

const endpointText = fc.oneof(
	fc.string(),
	fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['https', 'http', 'ftp', 'javascript', 'file'] }),
	fc.constantFrom('US-01', 'us-10', 'EU-02', 'XX-99', 'http://127.0.0.1:4010/', 'http://localhost', 'http://[::1]:80/a/', 'https://user:pw@rest.iad-01.braze.com', 'rest.iad-01.braze.com', 'https://a(b).com/[x](command:y)', ' https://rest.fra-01.braze.eu// '),
);

const connectionEntry = fc.record({ name: fc.string({ maxLength: 70 }), endpoint: fc.oneof(endpointText, fc.constantFrom('US-03', 'http://127.0.0.1:4010', 'https://rest.example.org')) }, { noNullPrototype: true });
const savedEntry = fc.record({ name: fc.string({ minLength: 1, maxLength: 110 }), spec: querySpec() }, { noNullPrototype: true }).map(({ name, spec }) => toSettingsEntry(name, spec));
const exportText = panelResult.map((result) => buildExportDocument(result, '0.1.0'));

/** Every parser of untrusted input the extension has. Connection entries get one line here when they exist. */
export const FUZZ_PARSERS: readonly FuzzedParser[] = [
	{
		name: 'Braze response body (parseSeriesBody)',
		inputs: textsLike(seriesBody),
		parse: (text) => parseSeriesBody(text as string, 'dau', 200),
		typedError: (e) => e instanceof BrazeResponseError,
		invariant: assertSeriesRows,
	},
	{
		name: 'Braze error body (brazeMessageOf)',
		inputs: textsLike(fc.record({ message: fc.string(), errors: fc.array(fc.anything()) }, { noNullPrototype: true })),
		parse: (text) => brazeMessageOf(text as string) ?? REFUSED,
		invariant: (said: string) => assert.ok(said.length > 0 && said.length <= 301),
	},
	{
		name: 'rate-limit headers (readRateLimit, msUntilReset, rateLimitResetAt)',
		inputs: headers,
		parse: (h) => {
			const info = readRateLimit(h as Headers);
			return { info, untilReset: msUntilReset(info, NOW), resetAt: rateLimitResetAt(info, retryAfterMs(h as Headers, NOW), NOW) };
		},
		invariant: ({ info, untilReset, resetAt }: { info: ReturnType<typeof readRateLimit>; untilReset: number | null; resetAt: Date | null }) => {
			assertRateLimitInfo(info);
			assertWait(untilReset);
			// The moment a message names is always a real date (its sentence formats it).
			assert.ok(resetAt === null || Number.isFinite(resetAt.getTime()));
			if (resetAt) resetAt.toISOString();
		},
	},
	{
		name: 'Retry-After header (retryAfterMs)',
		inputs: headers,
		parse: (h) => retryAfterMs(h as Headers, NOW),
		invariant: assertWait,
	},
	{
		name: 'endpoint string (resolveRestEndpoint)',
		inputs: endpointText,
		parse: (text) => resolveRestEndpoint(text as string),
		typedError: (e) => e instanceof BrazeValidationError && e.field === 'endpoint',
		invariant: (baseUrl: string) => {
			assertBaseUrl(baseUrl);
			assert.equal(resolveRestEndpoint(baseUrl), baseUrl, 'resolving is idempotent');
		},
	},
	{
		name: 'endpoint setting (lookupEndpoint)',
		inputs: fc.oneof(endpointText, inputsLike(endpointText)),
		parse: (value) => {
			const lookup = lookupEndpoint(value);
			return lookup.ok ? lookup.endpoint : REFUSED;
		},
		invariant: (endpoint: { baseUrl: string; origin: string; host: string; label: string | null }) => {
			assertBaseUrl(endpoint.baseUrl);
			assert.equal(endpoint.origin, new URL(endpoint.baseUrl).origin);
			assertKnownLabel(endpoint.label, new URL(endpoint.baseUrl).hostname);
		},
	},
	{
		name: 'webview → host message (parseWebviewMessage)',
		inputs: inputsLike(webviewMessage(MAX_LENGTH)),
		parse: (raw) => parseWebviewMessage(raw, MAX_LENGTH) ?? REFUSED,
		invariant: (message: Parameters<typeof assertWebviewMessage>[0]) => assertWebviewMessage(message, MAX_LENGTH),
	},
	{
		name: 'host → webview message (parseHostMessage)',
		inputs: inputsLike(hostMessage),
		parse: (raw) => parseHostMessage(raw) ?? REFUSED,
		invariant: assertHostMessage,
		scale: 0.5,
	},
	{
		name: 'persisted panel state (parsePersistedPanelState)',
		inputs: inputsLike(fc.record({ query: querySpec(), result: fc.option(panelResult, { nil: null }) }, { noNullPrototype: true })),
		parse: (raw) => parsePersistedPanelState(raw) ?? REFUSED,
		invariant: assertPersistedState,
		scale: 0.5,
	},
	{
		name: 'query spec (parseQuerySpec)',
		inputs: inputsLike(querySpec()),
		parse: (raw) => {
			const parsed = parseQuerySpec(raw);
			return parsed.ok ? parsed.spec : REFUSED;
		},
		invariant: (spec: Parameters<typeof assertQuerySpec>[0]) => assertQuerySpec(spec),
	},
	{
		name: 'saved-query entry (checkSavedQueryEntry)',
		inputs: inputsLike(savedEntry),
		parse: (raw) => checkSavedQueryEntry(raw, englishL10n),
		invariant: assertCheckedEntry,
	},
	{
		name: 'connection entry (checkConnectionEntry)',
		inputs: inputsLike(connectionEntry),
		parse: (raw) => checkConnectionEntry(raw, englishL10n),
		invariant: (checked: ReturnType<typeof checkConnectionEntry>) => {
			if (checked.kind === 'broken') {
				assert.ok(checked.problem !== '');
				return;
			}
			assert.equal(checked.name, checked.name.trim());
			assert.ok(checked.name.length >= 1 && checked.name.length <= 60 && !/[\u0000-\u001f\u007f]/.test(checked.name));
			assert.equal(checked.endpoint.baseUrl, resolveRestEndpoint(checked.endpointValue), 'a usable connection resolves to what its endpoint says');
		},
	},
	{
		name: 'exported file (parseExportDocument)',
		inputs: textsLike(exportText),
		parse: (text) => {
			const parsed = parseExportDocument(text as string, englishL10n);
			return parsed.ok ? parsed.result : REFUSED;
		},
		invariant: assertExportedResult,
		scale: 0.5,
	},
	{
		name: 'sandbox faults (parseFaults, the control endpoint\'s input)',
		inputs: inputsLike(fc.record({ serverErrors: fc.nat(), latencyMs: fc.nat(1000), omitDates: fc.array(plainDate), retryAfter: fc.string(), windowServerErrors: fc.record({ endingOn: plainDate, count: fc.nat() }) }, { requiredKeys: [], noNullPrototype: true })),
		parse: (raw) => {
			const parsed = parseFaults(raw);
			return parsed.ok ? parsed.faults : REFUSED;
		},
		invariant: (faults: Record<string, unknown>) => assert.deepEqual(parseFaults(faults), { ok: true, faults }, 'accepted faults are accepted again unchanged'),
	},
];
