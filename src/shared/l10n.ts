// The part of `vscode.l10n` that pure modules need, so they stay free of `vscode` and run in plain Node.
// The host passes `vscode.l10n`; tests pass `englishL10n`.

/** Translates an English message with `{0}`, `{1}`… placeholders (the shape of `vscode.l10n.t`). */
export interface L10n {
	t(message: string, ...args: Array<string | number | boolean>): string;
}

/** English text with placeholders filled in, as `vscode.l10n.t` behaves without a translation bundle. */
export const englishL10n: L10n = {
	t(message: string, ...args: Array<string | number | boolean>): string {
		return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
			const arg = args[Number(index)];
			return arg === undefined ? whole : String(arg);
		});
	},
};
