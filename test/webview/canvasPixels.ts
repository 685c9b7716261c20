// Reads the chart's canvas pixels in the page: which columns hold the line colour, and how many pixels.
import type { Page } from 'playwright-core';

/** A stretch of neighbouring canvas columns that contain the colour. */
export interface ColumnRun {
	readonly start: number;
	readonly end: number;
}

export interface ColourScan {
	/** Opaque pixels of exactly this colour (±2 per channel). */
	readonly pixels: number;
	readonly runs: readonly ColumnRun[];
}

/** Scans the panel's canvas for `hex` (#rrggbb). Anti-aliased edges are partly transparent, so only opaque pixels count. */
export async function scanColour(page: Page, hex: string): Promise<ColourScan> {
	return page.evaluate((colour) => {
		const canvas = document.querySelector('canvas');
		if (!canvas) throw new Error('no canvas');
		// Read a copy, so that the test's own readback does not make Chromium warn about the panel's canvas.
		const copy = document.createElement('canvas');
		copy.width = canvas.width;
		copy.height = canvas.height;
		const context = copy.getContext('2d', { willReadFrequently: true });
		if (!context) throw new Error('no 2d context');
		context.drawImage(canvas, 0, 0);
		const { data, width, height } = context.getImageData(0, 0, copy.width, copy.height);
		const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
		const columns = new Array<boolean>(width).fill(false);
		let pixels = 0;
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				const i = (y * width + x) * 4;
				if (data[i + 3] >= 250 && Math.abs(data[i] - r) <= 2 && Math.abs(data[i + 1] - g) <= 2 && Math.abs(data[i + 2] - b) <= 2) {
					pixels++;
					columns[x] = true;
				}
			}
		}
		const runs: { start: number; end: number }[] = [];
		columns.forEach((on, x) => {
			if (!on) return;
			const last = runs.at(-1);
			if (last && last.end === x - 1) last.end = x;
			else runs.push({ start: x, end: x });
		});
		return { pixels, runs };
	}, hex);
}
