// The share actions in headless Chromium: the chart image on the clipboard (and what the panel says when the webview
// may not write it), the SVG recorded from Chart.js' own drawing compared pixel by pixel with the canvas, the share
// commands sent by the host, the saved query's name kept in the state, and the change card's reasons.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePersistedPanelState, parseWebviewMessage } from '../../src/shared/protocol';
import type { PanelResult, WebviewToHost } from '../../src/shared/protocol';
import { usePanelSuite } from './harness';
import type { PanelPage } from './harness';
import { frenchBundle, initMessage, makeResult } from './sampleData';

function ramp(days: number, base: number): number[] {
	return Array.from({ length: days }, (_, i) => base + 10 * i + (i % 7) * 25);
}

const RESULT = makeResult({ lastDate: '2024-05-29', values: ramp(28, 1000), length: 14, appId: 'ios-app' });

async function drawn(panel: PanelPage, days: number): Promise<void> {
	await panel.page.locator(`canvas[data-day-count="${days}"]`).waitFor();
}

/** Waits for the webview's next message of `type` after the `count` already posted. */
async function nextPosted<T extends WebviewToHost['type']>(panel: PanelPage, type: T, count: number): Promise<Extract<WebviewToHost, { type: T }>> {
	await panel.page.waitForFunction(([n, t]) => window.__fakeVsCode.posted.slice(Number(n)).some((m) => m.type === t), [count, type] as const);
	const message = (await panel.posted()).slice(count).find((m) => m.type === type);
	assert.ok(message && message.type === type);
	return message as Extract<WebviewToHost, { type: T }>;
}

function pngSize(png: Buffer): { width: number; height: number } {
	assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('chart webview: image to the clipboard', () => {
	const suite = usePanelSuite();

	test('Copy Chart Image (a command from the host) puts a PNG of the chart at its pixel size on the clipboard and tells the host', async () => {
		const panel = await suite.open({ deviceScaleFactor: 2, viewport: { width: 900, height: 700 } });
		await panel.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(panel.page.url()).origin });
		await panel.send(initMessage(RESULT));
		await drawn(panel, 14);
		const before = (await panel.posted()).length;
		await panel.send({ type: 'share', action: 'copyImage' });
		const message = await nextPosted(panel, 'imageCopied', before);
		assert.ok(parseWebviewMessage(message, 3650), 'the host accepts it');
		const clipboard = await panel.page.evaluate(async () => {
			const [item] = await navigator.clipboard.read();
			if (!item) return null;
			const blob = await item.getType('image/png');
			return { types: item.types, bytes: [...new Uint8Array(await blob.arrayBuffer())] };
		});
		assert.ok(clipboard, 'the clipboard holds an item');
		assert.deepEqual(clipboard.types, ['image/png']);
		const size = await panel.page.locator('canvas').evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
		assert.deepEqual(pngSize(Buffer.from(clipboard.bytes)), { width: size.width * 2, height: size.height * 2 });
	});

	test('when the webview may not write the clipboard, the host hears why (it offers Save as PNG); nothing is silent', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(RESULT));
		await drawn(panel, 14);
		// What Chromium answers a webview that lacks the permission or the focus.
		await panel.page.evaluate(() => {
			navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
		});
		const before = (await panel.posted()).length;
		await panel.send({ type: 'share', action: 'copyImage' });
		const message = await nextPosted(panel, 'copyImageFailed', before);
		assert.deepEqual(message, { type: 'copyImageFailed', reason: 'Write permission denied.' });
		assert.deepEqual(parseWebviewMessage(message, 3650), message, 'the host accepts it');
	});

	test('without any clipboard API the failure is reported too', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(RESULT));
		await drawn(panel, 14);
		await panel.page.evaluate(() => Object.defineProperty(window, 'ClipboardItem', { value: undefined }));
		const before = (await panel.posted()).length;
		await panel.send({ type: 'share', action: 'copyImage' });
		assert.deepEqual(await nextPosted(panel, 'copyImageFailed', before), { type: 'copyImageFailed', reason: 'this webview has no clipboard for images' });
	});
});

describe('chart webview: share commands from the host, and the saved query name', () => {
	const suite = usePanelSuite();

	test('a share command from the host does what its button does; an unknown action does nothing but is reported', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(RESULT));
		await drawn(panel, 14);
		await panel.page.getByRole('button', { name: 'Table' }).click();
		const before = (await panel.posted()).length;
		await panel.send({ type: 'share', action: 'print' });
		await panel.send({ type: 'share', action: 'savePng' });
		const message = await nextPosted(panel, 'savePng', before);
		assert.ok(parseWebviewMessage(message, 3650));
		// The unknown action is never run: the host is told the panel could not read it (for its log), and the panel says so.
		assert.deepEqual((await panel.posted()).slice(before), [{ type: 'messageUnreadable', messageType: 'share' }, message], 'one share message, for the known action');
		assert.equal(await panel.page.locator('.panel-error').isVisible(), true);
		assert.equal(await panel.page.locator('.chart-box').isHidden(), false, 'the chart is shown again to be drawn');
	});

	test('the host\'s name for the panel is kept in the state (restored after a reload) and dropped when it ends', async () => {
		const panel = await suite.open();
		await panel.send(initMessage(RESULT));
		await drawn(panel, 14);
		await panel.send({ type: 'name', name: 'iOS, last two weeks' });
		await panel.page.waitForFunction(() => window.__fakeVsCode.state?.name !== undefined);
		const state = await panel.state();
		assert.equal(state?.name, 'iOS, last two weeks');
		assert.equal(parsePersistedPanelState(state)?.name, 'iOS, last two weeks', 'the host restores it');
		await panel.send({ type: 'name', name: '\u0007bell' });
		await panel.send({ type: 'name', name: null });
		await panel.page.waitForFunction(() => window.__fakeVsCode.state?.name === undefined);
	});
});

describe('chart webview: Save as SVG', () => {
	const suite = usePanelSuite();

	test('the SVG is the chart as drawn: valid, same size, same texts, and within a few percent of the canvas pixels', async () => {
		const panel = await suite.open({ viewport: { width: 900, height: 700 } });
		const result = { ...RESULT, compared: [{ appId: 'web-app', series: makeResult({ lastDate: '2024-05-29', values: ramp(14, 1800) }).series }] };
		await panel.send(initMessage(result));
		await drawn(panel, 14);
		const before = (await panel.posted()).length;
		const textsBefore = (await panel.canvasText()).length;
		await panel.send({ type: 'share', action: 'saveSvg' });
		const message = await nextPosted(panel, 'saveSvg', before);
		assert.ok(parseWebviewMessage(message, 3650), 'the host accepts it');
		const report = await panel.page.evaluate(async (svg) => {
			const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
			const root = doc.documentElement;
			const canvas = document.querySelector('canvas');
			if (!canvas) throw new Error('no canvas');
			const image = new Image();
			image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
			await image.decode();
			const width = canvas.width;
			const height = canvas.height;
			const read = (source: CanvasImageSource): Uint8ClampedArray => {
				const copy = document.createElement('canvas');
				copy.width = width;
				copy.height = height;
				const context = copy.getContext('2d', { willReadFrequently: true });
				if (!context) throw new Error('no 2d context');
				context.fillStyle = '#1f1f1f';
				context.fillRect(0, 0, width, height);
				context.drawImage(source, 0, 0, width, height);
				return context.getImageData(0, 0, width, height).data;
			};
			const a = read(canvas);
			const b = read(image);
			let differing = 0;
			let inked = 0;
			for (let i = 0; i < a.length; i += 4) {
				const delta = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]));
				if (delta > 96) differing++;
				if (Math.max(Math.abs(a[i] - 0x1f), Math.abs(a[i + 1] - 0x1f), Math.abs(a[i + 2] - 0x1f)) > 40) inked++;
			}
			return {
				parseError: doc.querySelector('parsererror')?.textContent ?? null,
				tag: root.tagName,
				size: [root.getAttribute('width'), root.getAttribute('height')],
				canvasSize: [canvas.clientWidth, canvas.clientHeight],
				texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent),
				strokes: Array.from(doc.querySelectorAll('path[stroke]')).map((p) => p.getAttribute('stroke')),
				dashed: doc.querySelectorAll('path[stroke-dasharray]').length,
				clipped: doc.querySelectorAll('[clip-path]').length,
				differing,
				inked,
				pixels: width * height,
			};
		}, message.svg);
		assert.equal(report.parseError, null);
		assert.equal(report.tag, 'svg');
		assert.deepEqual(report.size, report.canvasSize.map(String));
		// The canvas is drawn again right after the recording: the same texts, in the same order.
		const redrawn = (await panel.canvasText()).slice(textsBefore);
		assert.ok(redrawn.length >= 6, `texts drawn: ${redrawn.join(' | ')}`);
		assert.deepEqual(report.texts, redrawn);
		assert.ok(report.strokes.includes('#3794ff') && report.strokes.includes('#d18616'), `both series' lines: ${report.strokes.join(' ')}`);
		assert.ok(report.clipped > 0, 'the lines are clipped to the chart area, as on the canvas');
		// Anti-aliasing and text rasterisation differ at the edges only: the drawing is the same.
		assert.ok(report.inked > report.pixels * 0.01, `the chart has ink: ${report.inked}`);
		assert.ok(report.differing < report.inked * 0.02, `${report.differing} pixels differ clearly, of ${report.inked} inked`);
		assert.ok(await panel.page.locator('canvas').evaluate((c) => c.dataset.lineCount === '2'), 'the canvas chart is intact');
	});

	test('the dashed in-progress day and the previous period come out dashed', async () => {
		const panel = await suite.open();
		const result = makeResult({ lastDate: '2024-05-30', values: ramp(20, 1000), length: 10, provisional: true });
		await panel.send(initMessage(result));
		await drawn(panel, 10);
		await panel.page.locator('#previous-period').click();
		await panel.page.locator('canvas[data-line-count="2"]').waitFor();
		const before = (await panel.posted()).length;
		await panel.send({ type: 'share', action: 'saveSvg' });
		const { svg } = await nextPosted(panel, 'saveSvg', before);
		assert.ok((svg.match(/stroke-dasharray="5 4"/g) ?? []).length >= 1, 'the provisional segment');
		assert.ok((svg.match(/stroke-dasharray="6 4"/g) ?? []).length >= 1, 'the previous period');
	});
});

describe('chart webview: the change card always says something', () => {
	const suite = usePanelSuite();

	async function changeCard(result: PanelResult, french = false): Promise<{ value: string; detail: string }> {
		const panel = await suite.open();
		await panel.send(initMessage(result, { maxLength: 3650, ...(french ? { l10nBundle: frenchBundle(), locale: 'fr' } : {}) }));
		await drawn(panel, result.query.length);
		const card = panel.page.locator('[data-figure="change"]');
		return { value: (await card.locator('.figure-value').textContent()) ?? '', detail: (await card.locator('.figure-detail').textContent()) ?? '' };
	}

	const long = (values: readonly (number | null)[], length: number) => makeResult({ lastDate: '2024-05-29', values, length });

	test('with the previous period (one request or a second fetch): the change', async () => {
		assert.deepEqual(await changeCard(long([...ramp(60, 1000).map(() => 1000), ...ramp(60, 1000).map(() => 1100)], 60)), { value: '+10.0%', detail: 'vs. the previous 60 days' });
	});

	test('too many requests: says how many, and why they were not sent', async () => {
		const result = { ...long(ramp(400, 1000), 400), previousMissing: { reason: 'requests' as const, requests: 4 } };
		assert.deepEqual(await changeCard(result), { value: 'Not shown', detail: 'Needs the previous 400 days, 4 more requests to Braze, not sent to spare the hourly quota.' });
		assert.deepEqual(await changeCard(result, true), { value: 'Non affiché', detail: 'Il faut les 400 jours précédents, soit 4 requêtes de plus à Braze, non envoyées pour épargner le quota horaire.' });
	});

	test('a failed second fetch, a file, a period without data, and a result without it each say why', async () => {
		assert.match((await changeCard({ ...long(ramp(60, 1000), 60), previousMissing: { reason: 'failed', requests: 1 } })).detail, /^The previous 60 days could not be fetched\. Fetch Again/);
		assert.match((await changeCard({ ...long(ramp(60, 1000), 60), source: { file: 'dau.json', connection: null } })).detail, /^The file holds only the range shown/);
		assert.match((await changeCard(long([...new Array<number | null>(60).fill(null), ...ramp(60, 1000)], 60))).detail, /^One of the two periods has no data/);
		assert.match((await changeCard(long(ramp(60, 1000), 60))).detail, /^The previous 60 days were not fetched with this chart\. Fetch Again to include them\.$/);
	});
});
