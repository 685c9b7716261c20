// Apps in a command's arguments may be named as in `braze.apps`: they become identifiers before the query is
// checked, and a name that is neither known nor an identifier is refused with a sentence. No `vscode` here.
import { isRecord } from '../shared/guards';
import type { L10n } from '../shared/l10n';
import type { AppDirectory } from './appDirectory';
import { resolveAppReference } from './appDirectory';

export type ResolvedArguments = { readonly ok: true; readonly raw: Record<string, unknown> } | { readonly ok: false; readonly problem: string };

/** `raw` with `appId` and `compare.apps` names replaced by identifiers; other values are left for the query's own checks. */
export function resolveAppArguments(raw: Record<string, unknown>, directory: AppDirectory, l10n: L10n): ResolvedArguments {
	let unknown: string | undefined;
	const resolve = (value: unknown): unknown => {
		if (typeof value !== 'string') return value;
		const resolved = resolveAppReference(value.trim(), directory);
		if (resolved.ok) return resolved.appId;
		unknown ??= value;
		return value;
	};
	const compare = raw.compare;
	const next: Record<string, unknown> = {
		...raw,
		...('appId' in raw ? { appId: resolve(raw.appId) } : {}),
		...(isRecord(compare) && Array.isArray(compare.apps) ? { compare: { ...compare, apps: (compare.apps as unknown[]).map(resolve) } } : {}),
	};
	if (unknown !== undefined) return { ok: false, problem: l10n.t('no app is named "{0}" in braze.apps, and it cannot be an app identifier because it has spaces', unknown) };
	return { ok: true, raw: next };
}
