// Round trips (issue 12, B): what the extension writes, it reads back as it was. Export → parse gives back the
// exported result; messages and persisted state survive the JSON they travel as; a resolved endpoint resolves to itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readRateLimit } from '../../../src/braze/rateLimit';
import { buildExportDocument, parseExportDocument, serializeExportDocument } from '../../../src/export/document';
import { checkSavedQueryEntry, toSettingsEntry } from '../../../src/queries/model';
import { englishL10n } from '../../../src/shared/l10n';
import { parsePersistedPanelState, parseWebviewMessage } from '../../../src/shared/protocol';
import { parseHostMessage } from '../../../src/webview/hostMessage';
import { hostMessage, panelResult, querySpec, rateLimitInfo, webviewMessage } from './arbitraries';
import { assertProperty, fuzzLine, fuzzParameters } from './fuzzConfig';

/** As it arrives on the other side of postMessage, setState or a file: through JSON. */
const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('round trips under fuzz', () => {
	it('export → parse gives back the exported result (rate limit aside, which is not exported)', (t) => {
		t.diagnostic(fuzzLine(0.5));
		assertProperty(
			fc.property(panelResult, (result) => {
				const text = serializeExportDocument(buildExportDocument(result, '0.1.0'));
				const parsed = parseExportDocument(text, englishL10n);
				assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
				// The connection comes back as a label of the file's (the command that opens it adds the file name).
				const { connection, ...query } = result.query;
				assert.deepEqual(parsed.result, { ...result, query, rateLimit: null, source: { file: '', connection: connection ?? null } });
				assert.equal(serializeExportDocument(buildExportDocument(parsed.result, '0.1.0')), text, 'and exports to the same bytes');
			}),
			fuzzParameters(0.5),
		);
	});

	it('persisted panel state survives setState', (t) => {
		t.diagnostic(fuzzLine(0.5));
		assertProperty(
			fc.property(querySpec(), fc.option(panelResult, { nil: null }), (query, result) => {
				assert.deepEqual(parsePersistedPanelState(viaJson({ query, result })), { query, result });
			}),
			fuzzParameters(0.5),
		);
	});

	it('webview → host messages survive postMessage', (t) => {
		t.diagnostic(fuzzLine());
		assertProperty(fc.property(fc.integer({ min: 1, max: 3650 }).chain((max) => fc.tuple(fc.constant(max), webviewMessage(max))), ([max, message]) => {
			assert.deepEqual(parseWebviewMessage(viaJson(message), max), message);
		}), fuzzParameters());
	});

	it('host → webview messages survive postMessage', (t) => {
		t.diagnostic(fuzzLine(0.5));
		assertProperty(fc.property(hostMessage, (message) => {
			assert.deepEqual(parseHostMessage(viaJson(message)), message);
		}), fuzzParameters(0.5));
	});

	it('a saved query written by the extension is read back as the same query', (t) => {
		t.diagnostic(fuzzLine());
		const name = fc.string({ minLength: 1, maxLength: 100 }).filter((n) => n.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(n));
		assertProperty(fc.property(name, querySpec(), (n, spec) => {
			assert.deepEqual(checkSavedQueryEntry(viaJson(toSettingsEntry(n, spec)), englishL10n), { kind: 'query', name: n.trim(), spec });
		}), fuzzParameters());
	});

	it('rate-limit headers are read back as sent', (t) => {
		t.diagnostic(fuzzLine());
		assertProperty(fc.property(rateLimitInfo.filter((i) => i !== null && (i.limit !== null || i.remaining !== null || i.resetEpochSeconds !== null)), (info) => {
			const headers = new Headers();
			if (info?.limit != null) headers.set('X-RateLimit-Limit', String(info.limit));
			if (info?.remaining != null) headers.set('x-ratelimit-remaining', String(info.remaining));
			if (info?.resetEpochSeconds != null) headers.set('X-RATELIMIT-RESET', String(info.resetEpochSeconds));
			assert.deepEqual(readRateLimit(headers), info);
		}), fuzzParameters());
	});
});
