// One sentence for text that cannot be an app identifier, wherever one is typed: the app list of every prompt
// (shown in its title) and the identifier boxes of Show DAU, Show KPI Series…, Show Overview and Compare….
import { checkAppIdInput } from '../shared/inputValidation';
import type { AppIdProblem } from '../shared/inputValidation';
import type { L10n } from '../shared/l10n';

/** Why `text` cannot be an app identifier and what to type instead, short enough for a quick input's title; undefined when it can be one. */
export function appIdProblem(text: string, l10n: L10n): string | undefined {
	const checked = checkAppIdInput(text);
	return checked.ok ? undefined : APP_ID_PROBLEMS[checked.problem](l10n);
}

// Functions, not strings: each is localized when used, with a literal that the l10n check can find.
const APP_ID_PROBLEMS: Readonly<Record<AppIdProblem, (l10n: L10n) => string>> = {
	empty: (l10n) => l10n.t('Type an app identifier, or go back and pick an app.'),
	whitespace: (l10n) => l10n.t('Type an app identifier (no spaces), or pick a named app.'),
	tooLong: (l10n) => l10n.t('Type an app identifier of 256 characters at most, or pick a named app.'),
};
