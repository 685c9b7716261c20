// The answers the sandbox sends, as plain values: the server writes them, the route code builds them.
import { STATUS_CODES } from 'node:http';

export interface Answer {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
}

/** What a request gets instead of an answer: its socket destroyed, or nothing at all until it gives up. */
export type NonAnswer = 'dropConnection' | 'hang';

export function jsonAnswer(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Answer {
	return { status, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** A JSON answer whose body is `{"message": <the status's reason phrase>}`. */
export function statusAnswer(status: number, headers: Readonly<Record<string, string>> = {}): Answer {
	return jsonAnswer(status, { message: STATUS_CODES[status] ?? 'Error' }, headers);
}

export function htmlAnswer(status: number, html: string, headers: Readonly<Record<string, string>> = {}): Answer {
	return { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' }, body: html };
}

/** What a reverse proxy answers when the service behind it is down. */
export const PROXY_ERROR_PAGE = /* html */ `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/** A 200 HTML page where JSON was expected (a captive portal, a login wall, a wrong host). */
export const HTML_OK_PAGE = /* html */ `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in</title></head>
<body><h1>Sign in to continue</h1><form method="post" action="/login"><input name="user"><button>Sign in</button></form></body>
</html>
`;
