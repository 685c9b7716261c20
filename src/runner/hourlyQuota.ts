// What Braze last said remains of each key's hourly quota, whichever fetch heard it (a chart, an overview), and the
// warning before a fetch that needs more requests than that: the quota is shared with the workspace's production traffic.
import * as vscode from 'vscode';
import type { RateLimitInfo } from '../shared/kpi';
import { pluralForm } from '../shared/plural';
import { l10n } from '../l10n';

/** What a fetch is for: the warning names it. */
export type QuotaSubject = 'query' | 'overview';

export class HourlyQuota {
	/** Requests left this hour, as Braze last said, per connection's key (its cache partition). */
	readonly #remaining = new Map<string, number>();
	#testAnswer: boolean | null = null;
	readonly #warnings: string[] = [];

	/** Keeps what an answer said remains for the key of `partition`; an answer that said nothing changes nothing. */
	note(partition: string, rateLimit: RateLimitInfo | null | undefined): void {
		if (rateLimit?.remaining != null) this.#remaining.set(partition, rateLimit.remaining);
	}

	/**
	 * Whether to send the requests of a fetch: when Braze last said fewer remain this hour for the key of `partition`
	 * than `needed` counts, a modal warning asks. `needed` is only counted when something is known of the quota.
	 */
	async allows(subject: QuotaSubject, partition: string, connectionName: string, needed: () => Promise<number>): Promise<boolean> {
		const remaining = this.#remaining.get(partition);
		if (remaining === undefined) return true;
		const count = await needed().catch(() => 0);
		if (count <= remaining) return true;
		const message = quotaWarning(subject, count, remaining, connectionName, vscode.env.language);
		this.#warnings.push(message);
		if (this.#testAnswer !== null) return this.#testAnswer;
		const fetch = l10n.t('Fetch Anyway');
		const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: l10n.t('The hourly quota is shared with your workspace\'s other API traffic. Shorten the range, or fetch anyway.') }, fetch);
		return choice === fetch;
	}

	/**
	 * For the in-host tests only, which cannot answer a modal dialog: from now on the warnings are answered `answer`
	 * (true: Fetch Anyway) instead of shown, or shown again (null). Returns the warnings given so far.
	 */
	answerForTests(answer: boolean | null): readonly string[] {
		this.#testAnswer = answer;
		return [...this.#warnings];
	}
}

/** "This overview needs 4 requests; Braze said the hourly quota of "Production" has 1 left." */
function quotaWarning(subject: QuotaSubject, needed: number, remaining: number, connectionName: string, locale: string): string {
	const one = pluralForm(needed, locale) === 'one';
	if (subject === 'overview') {
		return one
			? l10n.t('This overview needs {0} request; Braze said the hourly quota of "{2}" has {1} left.', needed, remaining, connectionName)
			: l10n.t('This overview needs {0} requests; Braze said the hourly quota of "{2}" has {1} left.', needed, remaining, connectionName);
	}
	return one
		? l10n.t('This query needs {0} request; Braze said the hourly quota of "{2}" has {1} left.', needed, remaining, connectionName)
		: l10n.t('This query needs {0} requests; Braze said the hourly quota of "{2}" has {1} left.', needed, remaining, connectionName);
}
