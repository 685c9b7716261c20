// A1: untrusted text (Braze's 400 message, an app id, an endpoint value) never becomes a clickable link or command
// in a notification; the raw text stays in the log only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BrazeBadRequestError, BrazeNotFoundError, BrazeResponseError, BrazeValidationError } from '../../../src/braze/errors';
import type { BrazeError } from '../../../src/braze/errors';
import { invalidEndpointError } from '../../../src/braze/instances';
import { brazeFailureWording } from '../../../src/commands/errorWording';
import { englishL10n } from '../../../src/shared/l10n';
import { hasLinkSyntax, neutralizeLinks } from '../../../src/shared/untrustedText';

/** VS Code's own pattern for links in notification text (vs/base/common/linkedText.ts, 1.100). */
const VSCODE_LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const links = (text: string): string[] => [...text.matchAll(VSCODE_LINKED_TEXT)].map((m) => m[2]);
const utc = (moment: Date): string => moment.toISOString();

const HOSTILE = '[Click to fix](command:workbench.action.terminal.new)';

describe('neutralizeLinks', () => {
	it('leaves VS Code nothing to turn into a link, and says so through hasLinkSyntax', () => {
		for (const text of [HOSTILE, '[a](https://evil.example)', '[f](file:///etc/passwd)', 'see [x] (y) and command:foo', '[[a]](command:b)']) {
			assert.ok(links(text).length > 0 || hasLinkSyntax(text), text);
			const safe = neutralizeLinks(text);
			assert.deepEqual(links(safe), [], safe);
			assert.equal(hasLinkSyntax(safe), false, safe);
		}
	});

	it('leaves ordinary text alone', () => {
		assert.equal(neutralizeLinks('Invalid parameter: app_id'), 'Invalid parameter: app_id');
		assert.equal(neutralizeLinks('commander: ok'), 'commander: ok');
	});
});

describe('brazeFailureWording with untrusted arguments', () => {
	const cases: [string, BrazeError][] = [
		['Braze\'s 400 message', new BrazeBadRequestError(HOSTILE, { length: '7' })],
		['an app id sent in a 400', new BrazeBadRequestError(null, { length: '7', app_id: HOSTILE })],
		['an unusable endpoint value', invalidEndpointError(HOSTILE, 'it is not a URL')],
		['a 404 URL made from the endpoint', new BrazeNotFoundError(`https://rest.example.com/${HOSTILE}/kpi/dau/data_series?length=7`)],
	];
	for (const [what, error] of cases) {
		it(`shows ${what} without a link, and keeps the raw text for the log`, () => {
			assert.ok(links(HOSTILE).length === 1, 'the hostile text is a link as it is');
			const presented = brazeFailureWording(error, englishL10n, utc);
			assert.deepEqual(links(presented.message), [], presented.message);
			assert.equal(hasLinkSyntax(presented.message), false, presented.message);
			assert.ok(presented.detail?.includes(HOSTILE), 'the log keeps the raw text');
		});
	}

	it('does not touch trusted text such as the REST host or a response problem', () => {
		const presented = brazeFailureWording(new BrazeResponseError('html', 'it starts with "<html>"', 200), englishL10n, utc);
		assert.match(presented.message, /HTML page/);
		const validation = brazeFailureWording(new BrazeValidationError('length', [3650], 'got 0'), englishL10n, utc);
		assert.equal(validation.message, 'length must be a whole number of days from 1 to 3650.');
	});
});
