// Checks what arrives from the host before the panel uses it: anything that is not exactly one of
// `HostToWebview` is dropped. Strings missing from `init` fall back to English.
import { isPlainDate } from '../shared/dates';
import { isRecord } from '../shared/guards';
import type { HostToWebview } from '../shared/protocol';
import { parsePanelResult } from '../shared/protocol';
import { parseQuerySpec } from '../shared/query';
import { WEBVIEW_STRINGS } from '../shared/webviewStrings';
import type { WebviewStringKey, WebviewStrings } from '../shared/webviewStrings';

const MAX_LENGTH_CEILING = 10_000;

/** The message as a `HostToWebview`, or null when it is not one. */
export function parseHostMessage(raw: unknown): HostToWebview | null {
	if (!isRecord(raw)) return null;
	switch (raw.type) {
		case 'init':
			return parseInit(raw);
		case 'loading': {
			const query = parseQuerySpec(raw.query);
			return query.ok ? { type: 'loading', query: query.spec } : null;
		}
		case 'result': {
			const result = parsePanelResult(raw.result);
			return result ? { type: 'result', result } : null;
		}
		case 'error':
			return typeof raw.message === 'string' ? { type: 'error', message: raw.message } : null;
		default:
			return null;
	}
}

function parseInit(raw: Record<string, unknown>): HostToWebview | null {
	const maxLength = raw.maxLength;
	if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_LENGTH_CEILING) return null;
	if (typeof raw.locale !== 'string') return null;
	if (typeof raw.today !== 'string' || !isPlainDate(raw.today)) return null;
	const query = parseQuerySpec(raw.query);
	if (!query.ok) return null;
	let result = null;
	if (raw.result !== null && raw.result !== undefined) {
		result = parsePanelResult(raw.result);
		if (!result) return null;
	}
	return { type: 'init', locale: raw.locale, strings: parseStrings(raw.strings), query: query.spec, result, maxLength, today: raw.today };
}

function parseStrings(raw: unknown): WebviewStrings {
	const given = isRecord(raw) ? raw : {};
	const strings: Record<string, string> = {};
	for (const key of Object.keys(WEBVIEW_STRINGS) as WebviewStringKey[]) {
		const value = given[key];
		strings[key] = typeof value === 'string' && value !== '' ? value : WEBVIEW_STRINGS[key];
	}
	return strings as WebviewStrings;
}
