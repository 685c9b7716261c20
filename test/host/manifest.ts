// What the extension's manifest says the palette should show, with `%key%` titles resolved from package.nls.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

interface ManifestCommand {
	readonly command: string;
	readonly title: string;
	readonly category?: string;
}

interface Manifest {
	readonly contributes?: {
		readonly commands?: readonly ManifestCommand[];
		readonly menus?: { readonly commandPalette?: readonly { readonly command: string; readonly when?: string }[] };
	};
}

function readJson<T>(file: string): T {
	return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;
}

/** The English palette title of `command`, as `Category: Title`; undefined when the manifest has no such command. */
export function paletteTitle(commandId: string): string | undefined {
	const manifest = readJson<Manifest>('package.json');
	const command = manifest.contributes?.commands?.find((candidate) => candidate.command === commandId);
	return command ? titleOf(command, readJson<Record<string, string>>('package.nls.json')) : undefined;
}

/** The titles of the commands the palette always lists: contributed, and not hidden or made conditional by a `when`. */
export function alwaysListedCommandTitles(): string[] {
	const manifest = readJson<Manifest>('package.json');
	const nls = readJson<Record<string, string>>('package.nls.json');
	const conditional = new Set((manifest.contributes?.menus?.commandPalette ?? []).filter((entry) => entry.when !== undefined).map((entry) => entry.command));
	return (manifest.contributes?.commands ?? []).filter((command) => !conditional.has(command.command)).map((command) => titleOf(command, nls));
}

function titleOf(command: ManifestCommand, nls: Readonly<Record<string, string>>): string {
	const localize = (text: string): string => text.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);
	return command.category ? `${localize(command.category)}: ${localize(command.title)}` : localize(command.title);
}
