// What to tell the user when the webview could not put the chart image on the clipboard. The webview sends the
// browser's own text (an exception's message, or its own sentence when the API is missing): that text goes to the
// log, and the notification says in words what happened, from the failures the browsers are known to give.
import type { L10n } from '../shared/l10n';

/** The webview's reason when the page has no clipboard API for images (src/webview/clipboardImage.ts). */
const NO_IMAGE_CLIPBOARD = 'this webview has no clipboard for images';

/** The notification's sentence for a failed image copy, from the webview's `reason`; it always offers Save as PNG. */
export function imageCopyFailureText(reason: string, l10n: L10n): string {
	const text = reason.toLowerCase();
	if (text === NO_IMAGE_CLIPBOARD || text.includes('clipboarditem') || text.includes('not supported')) {
		return l10n.t('The chart image could not be copied to the clipboard: this VS Code does not let a panel put images there. Save it as a PNG file instead.');
	}
	if (text.includes('not focused') || text.includes('focus')) {
		return l10n.t('The chart image could not be copied to the clipboard: the chart panel lost the focus. Click the chart and copy again, or save it as a PNG file.');
	}
	if (text.includes('permission') || text.includes('not allowed') || text.includes('notallowederror') || text.includes('denied')) {
		return l10n.t('The chart image could not be copied to the clipboard: the browser did not allow it. Save it as a PNG file instead.');
	}
	return l10n.t('The chart image could not be copied to the clipboard. Save it as a PNG file instead.');
}
