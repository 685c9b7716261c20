// Makes text that came from outside (Braze's words, a setting, a file) safe to put in a notification:
// VS Code turns `[label](command:…)`, `[label](https://…)` and `[label](file:…)` in message text into links.

/** Link syntax and command URIs, the characters and scheme that would let untrusted text become a clickable link. */
const LINK_SYNTAX = /[[\]()]|command:/gi;

/**
 * `text` with `[`, `]`, `(` and `)` escaped by a backslash and every `command:` written `command\:`, so that no part
 * of it can render as a link (VS Code needs `](` side by side) or run a command. Show the raw text in logs only.
 */
export function neutralizeLinks(text: string): string {
	return text.replace(LINK_SYNTAX, (found) => (found.length === 1 ? `\\${found}` : `${found.slice(0, -1)}\\:`));
}

/** True when `text` could render as a link in a notification (what `neutralizeLinks` prevents). */
export function hasLinkSyntax(text: string): boolean {
	return /\[[^\]]*\]\(/.test(text) || /command:/i.test(text);
}

/** `text` as it is when it cannot render as a link, else neutralized: for sentences that mix our words with outside text. */
export function safeForNotification(text: string): string {
	return hasLinkSyntax(text) ? neutralizeLinks(text) : text;
}
