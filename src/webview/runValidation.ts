// Checks the panel's controls before a `run` is posted, with the same checks as the host's prompts
// (src/shared/inputValidation.ts); here only their problem codes become the webview's strings. The host checks the request again.
import { checkAppIdInput, checkEndDateInput, checkLengthInput } from '../shared/inputValidation';
import type { AppIdProblem, DateProblem, LengthProblem } from '../shared/inputValidation';
import type { RunRequest } from '../shared/protocol';
import { isRangePreset, resolveRangePreset } from '../shared/rangePresets';
import type { WebviewStringKey } from '../shared/webviewStrings';

/** The raw text of the controls. `range` is a preset's name or "custom"; `endKind` is the value of the "Ending" select. */
export interface RunInput {
	readonly range: string;
	readonly length: string;
	readonly endKind: string;
	readonly date: string;
	readonly appId: string;
}

/** What the controls accept: the longest length, and the newest end date (today as Braze counts days). */
export interface RunLimits {
	readonly maxLength: number;
	readonly today: string;
}

/** Which string explains each field that is wrong. */
export interface RunInputProblems {
	readonly length?: WebviewStringKey;
	readonly date?: WebviewStringKey;
	readonly appId?: WebviewStringKey;
}

export type CheckedRunInput = { readonly ok: true; readonly request: RunRequest } | { readonly ok: false; readonly problems: RunInputProblems };

const LENGTH_PROBLEM_TEXT: Readonly<Record<LengthProblem, WebviewStringKey>> = { notWholeNumber: 'lengthInvalid', tooSmall: 'lengthInvalid', tooLarge: 'lengthInvalid' };
const DATE_PROBLEM_TEXT: Readonly<Record<DateProblem, WebviewStringKey>> = { format: 'dateInvalid', notADate: 'dateInvalid', future: 'dateInFuture' };
const APP_ID_PROBLEM_TEXT: Readonly<Record<AppIdProblem, WebviewStringKey>> = { empty: 'appIdInvalid', whitespace: 'appIdInvalid', tooLong: 'appIdInvalid' };

/**
 * A valid `RunRequest`, or the fields to fix. An empty app ID means all apps; a preset stands for days and end, which
 * are checked only for a custom range; the date matters only for an end on a date.
 */
export function checkRunInput(input: RunInput, limits: RunLimits): CheckedRunInput {
	const preset = isRangePreset(input.range) ? input.range : null;
	const appId = input.appId.trim() === '' ? null : checkAppIdInput(input.appId);
	if (preset) {
		if (appId && !appId.ok) return { ok: false, problems: { appId: APP_ID_PROBLEM_TEXT[appId.problem] } };
		const { length, end } = resolveRangePreset(preset, limits.today);
		return { ok: true, request: { length, end, appId: appId ? appId.value : null, preset } };
	}
	const length = checkLengthInput(input.length, limits.maxLength);
	const date = input.endKind === 'date' ? checkEndDateInput(input.date, limits.today) : null;
	if (!length.ok || (date && !date.ok) || (appId && !appId.ok)) {
		return {
			ok: false,
			problems: {
				...(length.ok ? {} : { length: LENGTH_PROBLEM_TEXT[length.problem] }),
				...(date && !date.ok ? { date: DATE_PROBLEM_TEXT[date.problem] } : {}),
				...(appId && !appId.ok ? { appId: APP_ID_PROBLEM_TEXT[appId.problem] } : {}),
			},
		};
	}
	const end: RunRequest['end'] = date ? { kind: 'date', date: date.value } : input.endKind === 'today' ? { kind: 'today' } : { kind: 'yesterday' };
	return { ok: true, request: { length: length.value, end, appId: appId ? appId.value : null } };
}
