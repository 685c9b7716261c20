// Every command of the manifest answers from the first moment, but its code loads on first use: a stub per id
// loads the features bundle (which registers the real handlers) and runs the command again with the same arguments.
import * as vscode from 'vscode';

/** The command ids `contributes.commands` declares. */
export function contributedCommandIds(packageJson: unknown): string[] {
	const commands = (packageJson as { contributes?: { commands?: unknown } } | undefined)?.contributes?.commands;
	if (!Array.isArray(commands)) return [];
	return commands.flatMap((c: unknown) => {
		const id = (c as { command?: unknown } | null)?.command;
		return typeof id === 'string' ? [id] : [];
	});
}

/**
 * Registers a stub for each id not registered yet. `load` must resolve once the real handlers are registered, and
 * must dispose the returned stubs before it registers them (an id can be registered only once).
 */
export function registerCommandStubs(ids: readonly string[], load: () => Promise<unknown>): vscode.Disposable {
	const registrations: vscode.Disposable[] = [];
	for (const id of ids) {
		try {
			registrations.push(
				vscode.commands.registerCommand(id, async (...args: unknown[]): Promise<unknown> => {
					await load();
					return vscode.commands.executeCommand<unknown>(id, ...args);
				}),
			);
		} catch {
			// Registered eagerly by activate itself: no stub needed.
		}
	}
	return {
		dispose: () => {
			for (const registration of registrations.splice(0)) registration.dispose();
		},
	};
}
