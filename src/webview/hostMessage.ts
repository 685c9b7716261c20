// Checks what arrives from the host before the panel uses it: anything that is not exactly one of
// `HostToWebview` is dropped. Of the translations in `init`, only usable ones of the webview's own strings are kept.
import { isPlainDate } from '../shared/dates';
import { isRecord } from '../shared/guards';
import type { HostToWebview } from '../shared/protocol';
import { parsePanelName, parsePanelResult } from '../shared/protocol';
import { parseQuerySpec } from '../shared/query';
import { WEBVIEW_STRINGS } from '../shared/webviewStrings';
import type { L10nBundle } from '../shared/webviewStrings';

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
		case 'cancelled':
			return typeof raw.message === 'string' ? { type: raw.type, message: raw.message } : null;
		case 'share':
			return raw.action === 'savePng' || raw.action === 'copyImage' || raw.action === 'saveSvg' ? { type: 'share', action: raw.action } : null;
		case 'name': {
			const name = parsePanelName(raw.name);
			return name !== null || raw.name === null ? { type: 'name', name } : null;
		}
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
	const bundle = raw.l10nBundle ?? null;
	if (bundle !== null && !isRecord(bundle)) return null;
	let result = null;
	if (raw.result !== null && raw.result !== undefined) {
		result = parsePanelResult(raw.result);
		if (!result) return null;
	}
	return { type: 'init', l10nBundle: bundle && webviewTranslations(bundle), locale: raw.locale, query: query.spec, result, maxLength, today: raw.today };
}

/** The translations of the webview's strings that are non-empty strings; the rest of the host's bundle is not ours. */
export function webviewTranslations(bundle: Record<string, unknown>): L10nBundle {
	const kept: Record<string, string> = {};
	for (const english of Object.values(WEBVIEW_STRINGS)) {
		const translated = Object.hasOwn(bundle, english) ? bundle[english] : undefined;
		if (typeof translated === 'string' && translated !== '') kept[english] = translated;
	}
	return kept;
}
