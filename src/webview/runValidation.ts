// Checks the panel's controls before a `run` is posted; the host checks the request again.
import { isPlainDate } from '../shared/dates';
import type { RunRequest } from '../shared/protocol';
import { isValidAppId } from '../shared/query';
import type { WebviewStringKey } from '../shared/webviewStrings';

/** The raw text of the controls. `endKind` is the value of the "Ending" select. */
export interface RunInput {
	readonly length: string;
	readonly endKind: string;
	readonly date: string;
	readonly appId: string;
}

/** Which string explains each field that is wrong. */
export interface RunInputProblems {
	readonly length?: WebviewStringKey;
	readonly date?: WebviewStringKey;
	readonly appId?: WebviewStringKey;
}

export type CheckedRunInput = { readonly ok: true; readonly request: RunRequest } | { readonly ok: false; readonly problems: RunInputProblems };

/** A valid `RunRequest`, or the fields to fix. An empty app ID means all apps. */
export function checkRunInput(input: RunInput, maxLength: number): CheckedRunInput {
	const problems: { length?: WebviewStringKey; date?: WebviewStringKey; appId?: WebviewStringKey } = {};
	const lengthText = input.length.trim();
	const length = /^\d{1,6}$/.test(lengthText) ? Number(lengthText) : Number.NaN;
	if (!(length >= 1 && length <= maxLength)) problems.length = 'lengthInvalid';
	const date = input.date.trim();
	let end: RunRequest['end'] = { kind: 'yesterday' };
	if (input.endKind === 'today') end = { kind: 'today' };
	else if (input.endKind === 'date') {
		if (isPlainDate(date)) end = { kind: 'date', date };
		else problems.date = 'dateInvalid';
	}
	const appId = input.appId.trim();
	if (appId !== '' && !isValidAppId(appId)) problems.appId = 'appIdInvalid';
	if (problems.length || problems.date || problems.appId) return { ok: false, problems };
	return { ok: true, request: { length, end, appId: appId === '' ? null : appId } };
}
