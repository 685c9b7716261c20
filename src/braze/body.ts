// Reads a response body as a stream and stops at a size cap, so a runaway answer cannot fill memory.
import { BrazeResponseError } from './errors';

/** Default cap: a 100-day series is a few kilobytes; anything near this is not a KPI answer. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The body as UTF-8 text; throws BrazeResponseError (`oversize`) as soon as more than `maxBytes` arrive. */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<string> {
	const declared = Number(response.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > maxBytes) {
		await response.body?.cancel().catch(() => undefined);
		throw oversize(response.status, maxBytes, `Content-Length is ${declared} bytes`);
	}
	if (!response.body) return '';
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let received = 0;
	let text = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		received += value.byteLength;
		if (received > maxBytes) {
			await reader.cancel().catch(() => undefined);
			throw oversize(response.status, maxBytes, `more than ${maxBytes} bytes arrived`);
		}
		text += decoder.decode(value, { stream: true });
	}
	return text + decoder.decode();
}

function oversize(status: number, maxBytes: number, what: string): BrazeResponseError {
	return new BrazeResponseError('oversize', `${what}; the limit is ${maxBytes} bytes`, status);
}
