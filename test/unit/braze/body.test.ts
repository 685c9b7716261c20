import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readBodyCapped } from '../../../src/braze/body';
import { BrazeResponseError } from '../../../src/braze/errors';

/** A response whose body arrives in `chunks`, counting how many were pulled, with no Content-Length. */
function streamedResponse(chunks: Uint8Array[], status = 200): { response: Response; pulled: () => number; cancelled: () => boolean } {
	let index = 0;
	let wasCancelled = false;
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (index < chunks.length) controller.enqueue(chunks[index++]);
			else controller.close();
		},
		cancel() {
			wasCancelled = true;
		},
	}, { highWaterMark: 0 });
	return { response: new Response(stream, { status }), pulled: () => index, cancelled: () => wasCancelled };
}

describe('readBodyCapped', () => {
	it('reads a body under the cap, decoding characters split across chunks', () => {
		const bytes = new TextEncoder().encode('{"message":"déjà vu"}');
		const split = bytes.indexOf(0xc3) + 1;
		const { response } = streamedResponse([bytes.slice(0, split), bytes.slice(split)]);
		return readBodyCapped(response, 1000).then((text) => assert.equal(text, '{"message":"déjà vu"}'));
	});

	it('stops reading as soon as the cap is passed', async () => {
		const chunk = new Uint8Array(1024).fill(0x20);
		const { response, pulled, cancelled } = streamedResponse(Array.from({ length: 100 }, () => chunk));
		await assert.rejects(readBodyCapped(response, 4096), (error: unknown) => {
			assert.ok(error instanceof BrazeResponseError);
			assert.equal(error.problem, 'oversize');
			assert.match(error.message, /4096 bytes/);
			return true;
		});
		assert.ok(pulled() <= 6, `pulled ${pulled()} chunks`);
		assert.ok(cancelled());
	});

	it('refuses a declared Content-Length over the cap without reading', async () => {
		const response = new Response('x'.repeat(100), { headers: { 'Content-Length': '5000000000' } });
		await assert.rejects(readBodyCapped(response, 1000), (e: unknown) => e instanceof BrazeResponseError && /Content-Length is 5000000000/.test(e.message));
	});

	it('reads an empty body', async () => {
		assert.equal(await readBodyCapped(new Response(null, { status: 204 }), 10), '');
	});
});
