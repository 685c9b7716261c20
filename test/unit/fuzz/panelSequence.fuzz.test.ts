// "No random sequence of webview messages leaves the host in a state that breaks the next valid message" (issue 12, B).
// The host's side of a chart panel is ChartPanel: the real class, driven in plain Node through a fake webview panel
// (panelVscodeFake.ts). After any sequence of junk, near-misses and valid messages, a `ready` must replay exactly
// the state the valid messages led to, and a valid `run` must ask for exactly the query it means.
import { FakeWebviewPanel, extensionUri } from './panelVscodeFake';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type * as vscode from 'vscode';
import { ChartPanel } from '../../../src/panel/chartPanel';
import type { ChartPanelHandlers } from '../../../src/panel/chartPanel';
import { parseWebviewMessage } from '../../../src/shared/protocol';
import type { KpiQuerySpec } from '../../../src/shared/query';
import { MAX_QUERY_LENGTH } from '../../../src/shared/query';
import { parseHostMessage } from '../../../src/webview/hostMessage';
import { inputsLike, querySpec, webviewMessage } from './arbitraries';
import { assertProperty, fuzzLine, fuzzParameters } from './fuzzConfig';

interface Recorded {
	readonly runs: KpiQuerySpec[];
	readonly others: string[];
}

/** A panel whose handlers do what the query runner does to it: a run shows loading, a cancel shows an error. */
function openPanel(query: KpiQuerySpec): { panel: ChartPanel; fake: FakeWebviewPanel; recorded: Recorded } {
	const fake = new FakeWebviewPanel();
	const recorded: Recorded = { runs: [], others: [] };
	const handlers: ChartPanelHandlers = {
		run: (panel, spec) => {
			recorded.runs.push(spec);
			panel.showLoading(spec);
		},
		cancel: (panel) => {
			recorded.others.push('cancel');
			panel.showError('Cancelled.');
		},
		copyCsv: () => void recorded.others.push('copyCsv'),
		exportJson: () => void recorded.others.push('exportJson'),
		saveQuery: () => void recorded.others.push('saveQuery'),
		compare: () => void recorded.others.push('compare'),
		messageUnreadable: () => void recorded.others.push('messageUnreadable'),
		log: () => undefined,
	};
	const panel = new ChartPanel(fake as unknown as vscode.WebviewPanel, extensionUri as unknown as vscode.Uri, query, null, handlers);
	return { panel, fake, recorded };
}

const anyMessage = inputsLike(webviewMessage(MAX_QUERY_LENGTH));
const validRun = webviewMessage(MAX_QUERY_LENGTH).filter((m) => m.type === 'run');

describe('chart panel under random webview messages', () => {
	it('after any sequence, ready replays the state the valid messages made, and a valid run asks for exactly its query', (t) => {
		t.diagnostic(fuzzLine(0.5));
		assertProperty(
			fc.property(querySpec(), fc.boolean(), fc.array(anyMessage, { maxLength: 30 }), validRun, (initial, startsReady, junkAndValid, finalRun) => {
				const { panel, fake, recorded } = openPanel(initial);
				// The webview usually says `ready` first; the sequence may also hold more of them, or none.
				const sequence = startsReady ? [{ type: 'ready' }, ...junkAndValid] : junkAndValid;
				// The model: what the valid messages alone should have done to the panel.
				let expected = initial;
				let ready = false;
				for (const raw of sequence) {
					fake.webview.deliver(raw);
					const message = parseWebviewMessage(raw, MAX_QUERY_LENGTH);
					if (message?.type === 'run') expected = { ...expected, ...message.request };
					else if (message?.type === 'ready') ready = true;
				}
				assert.deepEqual(panel.query, expected);

				// The next valid run asks for exactly its query, and a ready webview is told at once.
				if (finalRun.type !== 'run') throw new Error('unreachable');
				const before = fake.webview.posted.length;
				fake.webview.deliver(finalRun);
				const asked = { ...expected, ...finalRun.request };
				assert.deepEqual(recorded.runs.at(-1), asked);
				assert.deepEqual(fake.webview.posted.slice(before), ready ? [{ type: 'loading', query: asked }] : []);

				// A (re)loaded webview gets exactly that state again.
				const beforeReady = fake.webview.posted.length;
				fake.webview.deliver({ type: 'ready' });
				const replay = fake.webview.posted.slice(beforeReady);
				assert.deepEqual(replay[0], parseHostMessage(replay[0]), 'the webview accepts the init');
				assert.deepEqual((replay[0] as { type: string; query: unknown }).query, asked);
				assert.deepEqual(replay.slice(1), [{ type: 'loading', query: asked }]);
				// Everything the host ever posted is something the webview accepts.
				for (const posted of fake.webview.posted) assert.ok(parseHostMessage(posted), JSON.stringify(posted).slice(0, 200));
				panel.dispose();
			}),
			fuzzParameters(0.5),
		);
	});
});
