import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WEBVIEW_STRINGS } from '../../src/shared/webviewStrings';
import { parseHostMessage } from '../../src/webview/hostMessage';
import { frenchBundle, initMessage, makeResult } from './sampleData';

const result = makeResult({ lastDate: '2024-05-30', values: [1, null, 3], provisional: true });

describe('parseHostMessage', () => {
	test('accepts the four host messages', () => {
		const init = initMessage(result);
		assert.deepEqual(parseHostMessage(init), init);
		assert.deepEqual(parseHostMessage({ type: 'loading', query: result.query }), { type: 'loading', query: result.query });
		assert.deepEqual(parseHostMessage({ type: 'result', result }), { type: 'result', result });
		assert.deepEqual(parseHostMessage({ type: 'error', message: 'x' }), { type: 'error', message: 'x' });
		assert.deepEqual(parseHostMessage(initMessage(null)), initMessage(null));
	});

	test('init carries today as the newest end date allowed', () => {
		const parsed = parseHostMessage(initMessage(result, { today: '2024-02-29' }));
		assert.equal(parsed?.type === 'init' ? parsed.today : null, '2024-02-29');
	});

	test('keeps only usable translations of the webview\'s own strings from the bundle', () => {
		const bundle = { Run: 'Exécuter', Cancel: 42, 'Loading…': '', 'Set API Key': 'Définir la clé API' };
		const parsed = parseHostMessage({ ...initMessage(result), l10nBundle: bundle });
		assert.deepEqual(parsed?.type === 'init' ? parsed.l10nBundle : undefined, { Run: 'Exécuter' });
		const french = parseHostMessage(initMessage(result, { l10nBundle: frenchBundle() }));
		const kept = french?.type === 'init' ? french.l10nBundle : null;
		assert.deepEqual(Object.keys(kept ?? {}).sort(), [...new Set(Object.values(WEBVIEW_STRINGS))].sort(), 'every webview string, from the shipped French bundle');
	});

	test('an init without a bundle (English) keeps it null', () => {
		const withoutBundle: Record<string, unknown> = { ...initMessage(result) };
		delete withoutBundle.l10nBundle;
		const parsed = parseHostMessage(withoutBundle);
		assert.equal(parsed?.type === 'init' ? parsed.l10nBundle : undefined, null);
	});

	test('rejects what is not one of them', () => {
		const bad: unknown[] = [
			null,
			'init',
			{ type: 'ready' },
			{ type: 'run' },
			{ type: 'error', message: 3 },
			{ type: 'loading', query: {} },
			{ type: 'result', result: { ...result, fetchedAt: 3 } },
			{ ...initMessage(result), maxLength: 0 },
			{ ...initMessage(result), maxLength: 1.5 },
			{ ...initMessage(result), locale: null },
			{ ...initMessage(result), l10nBundle: 'fr' },
			{ ...initMessage(result), l10nBundle: [['Run', 'Exécuter']] },
			{ ...initMessage(result), query: null },
			{ ...initMessage(result), result: { bogus: true } },
			{ ...initMessage(result), today: undefined },
			{ ...initMessage(result), today: 20240530 },
			{ ...initMessage(result), today: '2024-5-30' },
			{ ...initMessage(result), today: '2023-02-29' },
			{ ...initMessage(result), today: '2024-05-30T00:00:00Z' },
		];
		for (const raw of bad) assert.equal(parseHostMessage(raw), null, JSON.stringify(raw));
	});
});
