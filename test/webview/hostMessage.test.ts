import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WEBVIEW_STRINGS } from '../../src/shared/webviewStrings';
import { parseHostMessage } from '../../src/webview/hostMessage';
import { initMessage, makeResult } from './sampleData';

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

	test('fills strings the host left out or sent wrong with English', () => {
		const parsed = parseHostMessage({ ...initMessage(result), strings: { run: 'Exécuter', cancel: 42, loading: '' } });
		assert.equal(parsed?.type, 'init');
		if (parsed?.type !== 'init') return;
		assert.equal(parsed.strings.run, 'Exécuter');
		assert.equal(parsed.strings.cancel, WEBVIEW_STRINGS.cancel);
		assert.equal(parsed.strings.loading, WEBVIEW_STRINGS.loading);
		assert.deepEqual(Object.keys(parsed.strings).sort(), Object.keys(WEBVIEW_STRINGS).sort());
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
