// A5: the sandbox's control endpoints accept loopback Host names only and refuse a foreign Origin, so that a web
// page cannot change its faults and DNS rebinding cannot read the recorded requests.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { sandboxFor } from '../sandbox/helpers';

/** A raw request, so that Host and Origin are exactly as given. */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

it('refuses control requests with a foreign Host or Origin, and leaves the faults and requests untouched', async (t) => {
	const sandbox = await sandboxFor(t, { faults: { shuffle: true } });
	const port = sandbox.port;
	const faults = JSON.stringify({ serverErrors: 5 });
	const refused: Record<string, string>[] = [
		{ Host: `evil.example:${port}` },
		{ Host: `127.0.0.1.evil.example:${port}` },
		{ Host: `127.0.0.1:${port}`, Origin: 'https://evil.example' },
		{ Host: `127.0.0.1:${port}`, Origin: 'http://127.0.0.1:1' },
		{ Host: `127.0.0.1:${port}`, Origin: 'null' },
	];
	for (const headers of refused) {
		const post = await send(port, 'POST', '/__sandbox/faults', { ...headers, 'Content-Type': 'application/json' }, faults);
		assert.equal(post.status, 403, JSON.stringify(headers));
		assert.equal((await send(port, 'GET', '/__sandbox/requests', headers)).status, 403, JSON.stringify(headers));
		assert.equal((await send(port, 'DELETE', '/__sandbox/faults', headers)).status, 403, JSON.stringify(headers));
	}
	assert.deepEqual(sandbox.currentFaults(), { shuffle: true });

	const accepted: Record<string, string>[] = [{ Host: `127.0.0.1:${port}` }, { Host: `localhost:${port}` }, { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` }, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` }];
	for (const headers of accepted) {
		assert.equal((await send(port, 'GET', '/__sandbox/faults', headers)).status, 200, JSON.stringify(headers));
	}
	assert.equal((await send(port, 'POST', '/__sandbox/faults', { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' }, faults)).status, 200);
	assert.deepEqual(sandbox.currentFaults(), { serverErrors: 5 });
});
