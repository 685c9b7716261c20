// The app identifiers used lately, offered first by the app step. Kept in globalState: they are not secret.
import type * as vscode from 'vscode';
import { isValidAppId } from '../shared/query';

const STATE_KEY = 'braze.recentAppIds';
const MAX_RECENT = 8;

export class RecentAppIds {
	readonly #state: vscode.Memento;

	constructor(state: vscode.Memento) {
		this.#state = state;
	}

	list(): readonly string[] {
		const raw = this.#state.get<unknown>(STATE_KEY);
		return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string' && isValidAppId(v)) : [];
	}

	remember(appId: string): Thenable<void> {
		const next = [appId, ...this.list().filter((id) => id !== appId)].slice(0, MAX_RECENT);
		return this.#state.update(STATE_KEY, next);
	}
}
