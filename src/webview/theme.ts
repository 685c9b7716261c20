// Chart colours and font from the VS Code theme's CSS variables, and a watch for theme switches.

export interface ChartPalette {
	readonly line: string;
	/** Distinct colours for several lines, the first being `line`. */
	readonly series: readonly string[];
	readonly foreground: string;
	readonly grid: string;
	readonly background: string;
	readonly tooltipBackground: string;
	readonly tooltipForeground: string;
	readonly tooltipBorder: string;
	readonly fontFamily: string;
	readonly fontSize: number;
}

/** Reads the theme's chart tokens as they apply to `body`; fallbacks match VS Code's Dark Modern. */
export function readChartPalette(): ChartPalette {
	const style = getComputedStyle(document.body);
	const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
	const foreground = read('--vscode-charts-foreground', read('--vscode-foreground', '#cccccc'));
	const background = read('--vscode-editor-background', '#1f1f1f');
	const line = read('--vscode-charts-blue', '#3794ff');
	return {
		line,
		series: [
			line,
			read('--vscode-charts-orange', '#d18616'),
			read('--vscode-charts-green', '#89d185'),
			read('--vscode-charts-purple', '#b180d7'),
			read('--vscode-charts-red', '#f14c4c'),
			read('--vscode-charts-yellow', '#cca700'),
		],
		foreground,
		grid: read('--vscode-charts-lines', 'rgba(204, 204, 204, 0.5)'),
		background,
		tooltipBackground: read('--vscode-editorHoverWidget-background', background),
		tooltipForeground: read('--vscode-editorHoverWidget-foreground', foreground),
		tooltipBorder: read('--vscode-editorHoverWidget-border', read('--vscode-widget-border', 'transparent')),
		fontFamily: read('--vscode-font-family', 'system-ui, sans-serif'),
		fontSize: Number.parseFloat(read('--vscode-font-size', '13')) || 13,
	};
}

/**
 * Calls `onChange` after VS Code switches theme: it swaps body's `vscode-light`/`vscode-dark`/
 * `vscode-high-contrast…` class and rewrites the variables in html's `style`. Returns a stop function.
 */
export function observeThemeChanges(onChange: () => void): () => void {
	const observer = new MutationObserver(() => onChange());
	observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
	observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
	return () => observer.disconnect();
}
