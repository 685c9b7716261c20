// Issue 10: the chart panel's tab icon is a light/dark pair, each drawn in one colour that stands out on the
// tab bars of VS Code's light, dark and both high-contrast default themes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repo';

// Tab backgrounds (active and inactive) of Light Modern, High Contrast Light, Dark Modern and High Contrast.
const BACKGROUNDS = { light: ['#ffffff', '#f8f8f8', '#ffffff'], dark: ['#1f1f1f', '#181818', '#000000'] } as const;

function luminance(hex: string): number {
	const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
	const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (high + 0.05) / (low + 0.05);
}

for (const kind of ['light', 'dark'] as const) {
	test(`the ${kind} tab icon is one colour with a contrast of at least 4.5:1 on every ${kind} tab bar`, () => {
		const svg = fs.readFileSync(path.join(REPO_ROOT, 'media', `chart-tab-${kind}.svg`), 'utf8');
		assert.doesNotMatch(svg, /currentColor/, 'an icon shown as an image cannot inherit a colour');
		const colours = new Set([...svg.matchAll(/(?:stroke|fill)="(#[0-9a-f]{6})"/gi)].map((m) => (m[1] ?? '').toLowerCase()));
		assert.equal(colours.size, 1, `one colour: ${[...colours].join(', ')}`);
		const [colour] = [...colours] as [string];
		for (const background of BACKGROUNDS[kind]) assert.ok(contrast(colour, background) >= 4.5, `${colour} on ${background}: ${contrast(colour, background).toFixed(2)}:1`);
	});
}

test('the panels use the pair', () => {
	const source = fs.readFileSync(path.join(REPO_ROOT, 'src', 'panel', 'panelWebview.ts'), 'utf8');
	assert.match(source, /light: vscode\.Uri\.joinPath\(extensionUri, 'media', 'chart-tab-light\.svg'\)/);
	assert.match(source, /dark: vscode\.Uri\.joinPath\(extensionUri, 'media', 'chart-tab-dark\.svg'\)/);
});
