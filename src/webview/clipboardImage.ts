// The chart image on the system clipboard, from the webview: VS Code's clipboard API takes text only.
import { chartOnBackground } from './shareView';

/**
 * Writes the chart as a PNG to the clipboard. Resolves to null when it is there, else to the browser's reason
 * (no clipboard API, permission denied, the page not focused…), so that the caller can say so and offer a file.
 */
export async function copyChartImage(canvas: HTMLCanvasElement, background: string): Promise<string | null> {
	try {
		if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return 'this webview has no clipboard for images';
		// From the palette or the editor title the host focuses the panel first: the clipboard wants a focused page.
		if (!document.hasFocus()) await focused(FOCUS_WAIT_MS);
		const copy = chartOnBackground(canvas, background);
		// A promise of the blob, so that the write starts within the click's user activation.
		const png = new Promise<Blob>((resolve, reject) => copy.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
		await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
		return null;
	} catch (error) {
		return error instanceof Error ? error.message || error.name : String(error);
	}
}

/** How long a share command waits for the panel to take the focus the host gave it. */
const FOCUS_WAIT_MS = 1500;

function focused(timeoutMs: number): Promise<void> {
	return new Promise((resolve) => {
		const done = (): void => {
			window.removeEventListener('focus', done);
			resolve();
		};
		window.addEventListener('focus', done);
		setTimeout(done, timeoutMs);
	});
}
