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

export class WalkthroughProgress {
	private readonly marked = new Set<WalkthroughStep>();

	constructor(
		private readonly commands: CommandExecutor,
		private readonly extensionId: string,
		private readonly warn: (message: string) => void,
	) {}

	/** Marks `step` done once per session; a host without the command (or a failure) only logs. */
	async markDone(step: WalkthroughStep): Promise<void> {
		if (this.marked.has(step)) return;
		this.marked.add(step);
		try {
			await this.commands.executeCommand(MARK_STEP_COMPLETE_COMMAND, walkthroughStepId(this.extensionId, step));
		} catch (error: unknown) {
			// The step stays marked in this session: the workbench saves its progress before it looks the step up.
			this.warn(`Could not mark the walkthrough step "${step}" done: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
}
