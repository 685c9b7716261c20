// Contrast of small coloured text, measured in headless Chromium from the computed colours: the overview's change
// lines and the panel's field messages must reach 4.5:1 (WCAG AA for text) on their own background in every theme.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OverviewModel } from '../../src/shared/overviewProtocol';
import { usePanelSuite } from './harness';
import type { PanelPage, ThemeKind } from './harness';
import { initMessage, makeResult } from './sampleData';

const THEMES: readonly ThemeKind[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];

/** The contrast ratio of each element's text colour on the background actually behind it (ancestors' colours composited). */
function contrastOf(panel: PanelPage, selector: string): Promise<{ ratio: number; text: string }[]> {
	return panel.page.locator(selector).evaluateAll((els) => {
		const rgba = (css: string): [number, number, number, number] => {
			const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
			return [r, g, b, css.startsWith('rgba') ? a : 1];
		};
		const over = (top: [number, number, number, number], below: [number, number, number]): [number, number, number] => [0, 1, 2].map((i) => top[3] * top[i] + (1 - top[3]) * below[i]) as [number, number, number];
		const luminance = (c: [number, number, number]): number => {
			const [r, g, b] = c.map((v) => {
				const s = v / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			}) as [number, number, number];
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		return els.map((el) => {
			const layers: string[] = [];
			for (let node: Element | null = el; node; node = node.parentElement) layers.push(getComputedStyle(node).backgroundColor);
			const background = layers.reverse().reduce<[number, number, number]>((below, css) => over(rgba(css), below), [255, 255, 255]);
			const text = over(rgba(getComputedStyle(el).color), background);
			const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
			return { ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100, text: el.textContent ?? '' };
		});
	});
}

function overviewModel(): OverviewModel {
	const card = (key: string, label: string, change: string, trend: 'up' | 'down') => ({ key, label, status: 'ok' as const, value: '1,000', detail: 'Total over the range', change, trend, tooltip: label });
	const chart = (key: string, label: string) => ({ key, label, percent: false, firstDate: '2024-05-01', values: [1, 2, 3], provisionalDate: null, unavailable: null });
	return {
		facts: ['All apps', 'May 1, 2024 – May 3, 2024'],
		cards: [card('dau', 'DAU', '+3.0% vs. the previous 3 days', 'up'), card('mau', 'MAU', '-0.2% vs. Apr 30, 2024', 'down'), card('uninstalls', 'Uninstalls', '+7.5% vs. the previous 3 days', 'up'), card('stickiness', 'Stickiness', '-2.6% vs. the previous 3 days', 'down')],
		charts: [chart('dau', 'DAU'), chart('mau', 'MAU'), chart('uninstalls', 'Uninstalls'), chart('stickiness', 'Stickiness')],
		footer: [],
	};
}

describe('contrast of small text', () => {
	const suite = usePanelSuite();

	for (const theme of THEMES) test(`${theme}: the overview's change lines and the panel's field message reach 4.5:1`, async () => {
		const overview = await suite.open({ theme });
		await overview.send({ type: 'overviewInit', l10nBundle: null, locale: 'en', model: overviewModel(), state: { overview: { range: { kind: 'preset', preset: 'last-7-days' }, appId: null }, result: null } });
		await overview.page.locator('.overview-card').first().waitFor();
		const changes = await contrastOf(overview, '.card-change');
		assert.equal(changes.length, 4);
		for (const { ratio, text } of changes) assert.ok(ratio >= 4.5, `"${text}": ${ratio}:1`);
		// The arrows are shapes, not text: 3:1 is enough for them (WCAG non-text contrast).
		for (const { ratio, text } of await contrastOf(overview, '.trend-arrow')) assert.ok(ratio >= 3, `arrow ${text}: ${ratio}:1`);

		const panel = await suite.open({ theme });
		await panel.send(initMessage(makeResult({ lastDate: '2024-05-29', values: [1, 2, 3, 4, 5, 6, 7] })));
		await panel.page.locator('canvas[data-day-count="7"]').waitFor();
		await panel.page.locator('#length input').fill('0');
		await panel.page.locator('#length input').press('Enter');
		await panel.page.locator('.field-problem:not([hidden])').waitFor();
		const [problem] = await contrastOf(panel, '.field-problem:not([hidden])');
		assert.ok(problem && problem.text.length > 0);
		assert.ok(problem.ratio >= 4.5, `"${problem.text}": ${problem.ratio}:1`);
	});
});
