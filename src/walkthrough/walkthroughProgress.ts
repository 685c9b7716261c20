// Marks the "Get started" walkthrough's steps done when what they teach has happened. The manifest's
// `onContext:` completion events alone are not enough: the workbench creates its walkthrough service lazily
// (VS Code 1.100, code-server), and a context key already true when it registers a step never completes that
// step. The workbench's own `welcome.markStepComplete` command records the step whatever the service's state.

/** The steps of contributes.walkthroughs[getStarted] in package.json. */
export type WalkthroughStep = 'addConnection' | 'setKey' | 'verify' | 'showDau' | 'saveQuery';

export const WALKTHROUGH_ID = 'getStarted';
export const MARK_STEP_COMPLETE_COMMAND = 'welcome.markStepComplete';

/** The part of `vscode.commands` this needs, so that it runs in plain Node tests. */
export interface CommandExecutor {
	executeCommand(command: string, ...args: unknown[]): PromiseLike<unknown>;
}

/** The workbench's id of a step: `<publisher.name>#<walkthrough>#<step>`. */
export function walkthroughStepId(extensionId: string, step: WalkthroughStep): string {
	return `${extensionId}#${WALKTHROUGH_ID}#${step}`;
}

/** Where the outcome goes: the Braze log. */
export interface WalkthroughLog {
	warn(message: string): void;
	debug(message: string): void;
}

/**
 * VS Code's words when the walkthrough is not registered yet (at start-up): it has saved the step before looking it
 * up, so the step is done all the same and nothing needs the user's attention.
 */
const STEP_NOT_REGISTERED_YET = 'Tried to progress unknown step';

export class WalkthroughProgress {
	private readonly marked = new Set<WalkthroughStep>();

	constructor(
		private readonly commands: CommandExecutor,
		private readonly extensionId: string,
		private readonly log: WalkthroughLog,
	) {}

	/** Marks `step` done once per session; a host without the command (or a failure) only logs a warning. */
	async markDone(step: WalkthroughStep): Promise<void> {
		if (this.marked.has(step)) return;
		this.marked.add(step);
		try {
			await this.commands.executeCommand(MARK_STEP_COMPLETE_COMMAND, walkthroughStepId(this.extensionId, step));
		} catch (error: unknown) {
			// The step stays marked in this session: the workbench saves its progress before it looks the step up.
			const reason = error instanceof Error ? error.message : String(error);
			if (reason.includes(STEP_NOT_REGISTERED_YET)) this.log.debug(`Walkthrough step "${step}" recorded before the workbench loaded the walkthrough.`);
			else this.log.warn(`Could not mark the walkthrough step "${step}" done: ${reason}`);
		}
	}
}
