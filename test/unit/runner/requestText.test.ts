// Request counts in the progress notification and the overview's footer, in the form each number takes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/shared/l10n';
import { rateLimitText, requestProgressText } from '../../../src/runner/requestText';
import { frenchL10n } from '../frenchL10n';

describe('requestText', () => {
	test('progress: "1 of 1 request", "2 of 4 requests", in English and French', () => {
		assert.equal(requestProgressText(1, 1, 'en', englishL10n), '1 of 1 request');
		assert.equal(requestProgressText(2, 4, 'en', englishL10n), '2 of 4 requests');
		assert.equal(requestProgressText(1, 1, 'fr', frenchL10n), '1 requête sur 1');
		assert.equal(requestProgressText(2, 4, 'fr', frenchL10n), '2 requêtes sur 4');
	});

	test('the rate limit takes the form of its limit', () => {
		assert.equal(rateLimitText('0', '1', 1, 'en', englishL10n), 'API rate limit: 0 of 1 request left');
		assert.equal(rateLimitText('40', '50', 50, 'en', englishL10n), 'API rate limit: 40 of 50 requests left');
		assert.equal(rateLimitText('1', '1', 1, 'fr', frenchL10n), 'Limite de débit de l\'API : 1 requête restante sur 1');
		assert.equal(rateLimitText('40', '50', 50, 'fr', frenchL10n), 'Limite de débit de l\'API : 40 requêtes restantes sur 50');
	});
});
