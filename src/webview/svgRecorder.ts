// The chart as SVG without a second chart library: Chart.js draws once more into a recorder that implements the part of
// CanvasRenderingContext2D it uses (paths, lines, arcs, rectangles, text, styles, dashes, clipping, transforms) and
// writes each drawing call as an SVG element. Text is measured by the real canvas, so the layout is the one on screen.
import { Chart } from 'chart.js';
import { IDENTITY, RecordingPath, round } from './svgPath';
import type { Matrix } from './svgPath';

/** The drawing state save() and restore() keep, as Chart.js sets it. */
const STATE_KEYS = ['matrix', 'fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'dash', 'lineDashOffset', 'globalAlpha', 'font', 'textAlign', 'textBaseline', 'clipId'] as const;
type DrawState = Pick<SvgRecorder, (typeof STATE_KEYS)[number]>;

const ANCHORS: Readonly<Record<string, string>> = { center: 'middle', right: 'end', end: 'end' };

/** Records the 2D calls Chart.js makes while drawing, as SVG elements. */
class SvgRecorder {
	matrix: Matrix = IDENTITY;
	fillStyle = '#000';
	strokeStyle = '#000';
	lineWidth = 1;
	lineCap = 'butt';
	lineJoin = 'miter';
	dash: readonly number[] = [];
	lineDashOffset = 0;
	globalAlpha = 1;
	font = '10px sans-serif';
	textAlign = 'start';
	textBaseline = 'alphabetic';
	clipId: string | null = null;
	private readonly stack: DrawState[] = [];
	private path = new RecordingPath(() => this.matrix);
	private readonly defs: string[] = [];
	private readonly body: string[] = [];

	constructor(
		readonly canvas: HTMLCanvasElement,
		private readonly measurer: CanvasRenderingContext2D,
	) {}

	save(): void {
		this.stack.push(Object.fromEntries(STATE_KEYS.map((key) => [key, this[key]])) as unknown as DrawState);
	}

	restore(): void {
		Object.assign(this, this.stack.pop());
	}

	setLineDash(dash: number[]): void {
		this.dash = [...dash];
	}

	getLineDash(): number[] {
		return [...this.dash];
	}

	private transform(m: Matrix): void {
		const [a, b, c, d, e, f] = this.matrix;
		this.matrix = [a * m[0] + c * m[1], b * m[0] + d * m[1], a * m[2] + c * m[3], b * m[2] + d * m[3], a * m[4] + c * m[5] + e, b * m[4] + d * m[5] + f];
	}

	translate(x: number, y: number): void {
		this.transform([1, 0, 0, 1, x, y]);
	}

	rotate(angle: number): void {
		this.transform([Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0]);
	}

	scale(x: number, y: number): void {
		this.transform([x, 0, 0, y, 0, 0]);
	}

	setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
		this.matrix = [a, b, c, d, e, f];
	}

	resetTransform(): void {
		this.matrix = IDENTITY;
	}

	beginPath(): void {
		this.path = new RecordingPath(() => this.matrix);
	}

	moveTo(x: number, y: number): void { this.path.moveTo(x, y); }
	lineTo(x: number, y: number): void { this.path.lineTo(x, y); }
	quadraticCurveTo(cx: number, cy: number, x: number, y: number): void { this.path.quadraticCurveTo(cx, cy, x, y); }
	bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number): void { this.path.bezierCurveTo(a, b, c, d, x, y); }
	rect(x: number, y: number, w: number, h: number): void { this.path.rect(x, y, w, h); }
	arc(x: number, y: number, r: number, s: number, e: number, ccw?: boolean): void { this.path.arc(x, y, r, s, e, ccw); }
	closePath(): void { this.path.closePath(); }

	/** A Path2D built while recording holds its commands untransformed: the current transform applies when it is drawn. */
	private pathData(path?: RecordingPath): string {
		if (!path) return this.path.d;
		return isIdentity(this.matrix) ? path.d : transformed(path, this.matrix);
	}

	fill(path?: RecordingPath | string): void {
		this.element('path', { d: this.pathData(typeof path === 'object' ? path : undefined), fill: this.fillStyle, ...(path === 'evenodd' ? { 'fill-rule': 'evenodd' } : {}) });
	}

	stroke(path?: RecordingPath): void {
		this.element('path', { d: this.pathData(path), fill: 'none', ...this.strokeAttributes() });
	}

	clip(): void {
		const id = `clip${this.defs.length}`;
		this.defs.push(`<clipPath id="${id}"${this.clipId ? ` clip-path="url(#${this.clipId})"` : ''}><path d="${this.path.d}"/></clipPath>`);
		this.clipId = id;
	}

	fillRect(x: number, y: number, w: number, h: number): void {
		const rect = new RecordingPath(() => this.matrix);
		rect.rect(x, y, w, h);
		this.element('path', { d: rect.d, fill: this.fillStyle });
	}

	strokeRect(x: number, y: number, w: number, h: number): void {
		const rect = new RecordingPath(() => this.matrix);
		rect.rect(x, y, w, h);
		this.element('path', { d: rect.d, fill: 'none', ...this.strokeAttributes() });
	}

	clearRect(): void {
		// The image starts empty on its background; Chart.js clears only before drawing.
	}

	fillText(text: string, x: number, y: number): void {
		this.text(text, x, y, { fill: this.fillStyle });
	}

	strokeText(text: string, x: number, y: number): void {
		this.text(text, x, y, { fill: 'none', ...this.strokeAttributes() });
	}

	/** Measured by the real canvas in the current font and baseline, so that the layout is the one on screen. */
	measureText(text: string): TextMetrics {
		const { measurer } = this;
		measurer.save();
		measurer.font = this.font;
		measurer.textBaseline = this.textBaseline as CanvasTextBaseline;
		const metrics = measurer.measureText(text);
		measurer.restore();
		return metrics;
	}

	private text(text: string, x: number, y: number, paint: Record<string, string>): void {
		const { matrix, textAlign, font } = this;
		// SVG has no canvas baselines: the real canvas says where the alphabetic baseline lies from the one asked for.
		const shift = this.measureText(text).alphabeticBaseline;
		this.element('text', {
			x: String(round(x)),
			y: String(round(y - shift)),
			...(isIdentity(matrix) ? {} : { transform: `matrix(${matrix.map(round).join(' ')})` }),
			...fontAttributes(font),
			'xml:space': 'preserve',
			'text-anchor': ANCHORS[textAlign] ?? 'start',
			...paint,
		}, text);
	}

	private strokeAttributes(): Record<string, string> {
		const { strokeStyle, lineWidth, lineCap, lineJoin, dash, lineDashOffset, matrix } = this;
		const scale = Math.sqrt(Math.abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]));
		return {
			stroke: strokeStyle,
			'stroke-width': String(round(lineWidth * scale)),
			'stroke-linecap': lineCap,
			'stroke-linejoin': lineJoin,
			...(dash.length > 0 ? { 'stroke-dasharray': dash.map((v) => round(v * scale)).join(' '), 'stroke-dashoffset': String(round(lineDashOffset * scale)) } : {}),
		};
	}

	private element(tag: string, attributes: Record<string, string>, text?: string): void {
		if (attributes.d === '') return;
		const own = { ...attributes, ...(this.globalAlpha < 1 ? { opacity: String(this.globalAlpha) } : {}) };
		const body = text === undefined ? `<${tag}${attributeText(own)}/>` : `<${tag}${attributeText(own)}>${escapeXml(text)}</${tag}>`;
		// A group carries the clip: on the element itself, the clip would move with the element's transform.
		this.body.push(this.clipId ? `<g clip-path="url(#${this.clipId})">${body}</g>` : body);
	}

	document(width: number, height: number, background: string): string {
		return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${this.defs.join('')}</defs><rect width="100%" height="100%" fill="${escapeXml(background)}"/>${this.body.join('')}</svg>\n`;
	}
}

/**
 * The chart as drawn now, as an SVG document at its CSS size, on `background`. Chart.js draws once into the recorder
 * (its scales, dataset controllers and line paths are pointed at it), then once more on its own canvas.
 */
export function chartSvg(canvas: HTMLCanvasElement, background: string): string | null {
	const chart = Chart.getChart(canvas);
	if (!chart) return null;
	const real = chart.ctx;
	const recorder = new SvgRecorder(chart.canvas, real);
	const fake = recorder as unknown as CanvasRenderingContext2D;
	// Every holder of the context: the chart, its scales, its dataset controllers (which cache line paths as Path2D).
	const scales = Object.values(chart.scales) as unknown as { ctx: CanvasRenderingContext2D }[];
	const metas = chart.getSortedVisibleDatasetMetas();
	const controllers = metas.map((meta) => meta.controller as unknown as { _ctx: CanvasRenderingContext2D });
	const dropPaths = () => metas.forEach((meta) => void ((meta.dataset as unknown as { _path?: unknown } | undefined) && ((meta.dataset as unknown as { _path?: unknown })._path = undefined)));
	const realPath2D = window.Path2D;
	const point = (ctx: CanvasRenderingContext2D) => {
		(chart as unknown as { ctx: CanvasRenderingContext2D }).ctx = ctx;
		for (const scale of scales) scale.ctx = ctx;
		for (const controller of controllers) controller._ctx = ctx;
	};
	try {
		window.Path2D = RecordingPath as unknown as typeof Path2D;
		dropPaths();
		point(fake);
		chart.draw();
	} finally {
		window.Path2D = realPath2D;
		point(real);
		dropPaths();
		chart.draw();
	}
	return recorder.document(chart.width, chart.height, background);
}

function transformed(path: RecordingPath, matrix: Matrix): string {
	// Rare (Chart.js strokes line paths with the identity transform): re-run the path's numbers through the matrix.
	const [a, b, c, d, e, f] = matrix;
	return path.d.replace(/(-?[\d.]+) (-?[\d.]+)/g, (_, x: string, y: string) => `${round(a * +x + c * +y + e)} ${round(b * +x + d * +y + f)}`);
}

/** Chart.js writes fonts as `[style] [weight] <size>px <family>`: SVG presentation attributes, not a style (the CSP forbids inline styles). */
function fontAttributes(font: string): Record<string, string> {
	const match = /^(.*?)([\d.]+)px (.+)$/.exec(font);
	if (!match) return { 'font-family': font };
	const words = (match[1] ?? '').split(' ').filter((w) => w !== '' && w !== 'normal');
	const style = words.find((w) => w === 'italic' || w === 'oblique');
	const weight = words.find((w) => w !== style);
	return { 'font-family': match[3] ?? '', 'font-size': match[2] ?? '', ...(style ? { 'font-style': style } : {}), ...(weight ? { 'font-weight': weight } : {}) };
}

function attributeText(attributes: Record<string, string>): string {
	return Object.entries(attributes).map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
}

function isIdentity(m: Matrix): boolean {
	return m.every((v, i) => v === IDENTITY[i]);
}

function escapeXml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
