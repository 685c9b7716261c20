// The host's translator. Host modules import `l10n` from here rather than reading `vscode.l10n` each time:
// the same object under one module-level name, which keeps each of the many calls short in the bundle.
import * as vscode from 'vscode';
import type { L10n } from './shared/l10n';

/** `vscode.l10n`: English text as the key, French from l10n/bundle.l10n.fr.json. */
export const l10n: L10n = vscode.l10n;
