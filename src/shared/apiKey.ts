// The one rule for what can be a Braze REST API key, used where a key is typed and where it is sent.

export type ApiKeyProblem = 'empty' | 'quoted' | 'badCharacters' | 'tooLong';

/** Why `key` cannot be a REST API key (checked as typed, surrounding spaces forgiven), or undefined. */
export function apiKeyProblem(key: string): ApiKeyProblem | undefined {
	const trimmed = key.trim();
	if (trimmed === '') return 'empty';
	if (/^["']|["']$/.test(trimmed)) return 'quoted';
	// Keys are printable ASCII: a space, a control character or a pasted zero-width character is a copy mistake.
	if (/[^\x21-\x7e]/.test(trimmed)) return 'badCharacters';
	if (trimmed.length > 512) return 'tooLong';
	return undefined;
}
