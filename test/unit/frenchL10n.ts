// vscode.l10n.t with the French bundle, for unit tests: a missing translation fails the test instead of falling back.
import assert from 'node:assert/strict';
import { englishL10n } from '../../src/shared/l10n';
import type { L10n } from '../../src/shared/l10n';
import { readJson } from '../support/repo';

const frenchBundle = readJson('l10n/bundle.l10n.fr.json') as Record<string, string>;

export const frenchL10n: L10n = {
	t: (message, ...args) => {
		const translated = frenchBundle[message];
		assert.equal(typeof translated, 'string', `no French for ${JSON.stringify(message)}`);
		return englishL10n.t(translated ?? message, ...args);
	},
};
