// SVG path data from the canvas path calls (moveTo, lineTo, curves, rect, arc), in device units: the recorder's current
// path, and the Path2D objects Chart.js builds for its lines while it draws into the recorder.
export type Matrix = readonly [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** Path commands in device units, e.g. `M 1 2`, `L 3 4`, `A …`, `Z`. */
export class RecordingPath {
	parts: string[] = [];
	/** Where the path is now, for arcs that continue it. */
	private pen: [number, number] | null = null;

	constructor(protected matrix: () => Matrix = () => IDENTITY) {}

	private point(x: number, y: number): string {
		const [a, b, c, d, e, f] = this.matrix();
		const px = a * x + c * y + e;
		const py = b * x + d * y + f;
		this.pen = [px, py];
		return `${round(px)} ${round(py)}`;
	}

	moveTo(x: number, y: number): void {
		this.parts.push(`M${this.point(x, y)}`);
	}

	lineTo(x: number, y: number): void {
		this.parts.push(`${this.pen ? 'L' : 'M'}${this.point(x, y)}`);
	}

	quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
		this.parts.push(`Q${this.point(cx, cy)} ${this.point(x, y)}`);
	}

	bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
		this.parts.push(`C${this.point(c1x, c1y)} ${this.point(c2x, c2y)} ${this.point(x, y)}`);
	}

	rect(x: number, y: number, w: number, h: number): void {
		this.parts.push(`M${this.point(x, y)}L${this.point(x + w, y)}L${this.point(x + w, y + h)}L${this.point(x, y + h)}Z`);
		this.pen = null;
	}

	arc(x: number, y: number, r: number, start: number, end: number, anticlockwise = false): void {
		const [a, b, c, d] = this.matrix();
		const radius = round(r * Math.sqrt(Math.abs(a * d - b * c)));
		let sweep = anticlockwise ? start - end : end - start;
		if (sweep < 0 || sweep > 2 * Math.PI) sweep = Math.abs(sweep) >= 2 * Math.PI ? 2 * Math.PI : sweep + 2 * Math.PI;
		const at = (angle: number) => this.point(x + r * Math.cos(angle), y + r * Math.sin(angle));
		this.parts.push(`${this.pen ? 'L' : 'M'}${at(start)}`);
		// A full circle is two half arcs: one SVG arc cannot end where it starts.
		const steps = sweep > Math.PI ? 2 : 1;
		for (let i = 1; i <= steps; i++) {
			const angle = start + ((anticlockwise ? -sweep : sweep) * i) / steps;
			this.parts.push(`A${radius} ${radius} 0 0 ${anticlockwise ? 0 : 1} ${at(angle)}`);
		}
	}

	closePath(): void {
		this.parts.push('Z');
	}

	get d(): string {
		return this.parts.join('');
	}
}

/** Two decimals: enough for a pixel-exact drawing, short enough for a small file. */
export function round(value: number): number {
	return Math.round(value * 100) / 100;
}
