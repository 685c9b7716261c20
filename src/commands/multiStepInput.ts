// A small multi-step quick input: each step can go back, validates inline, and resolves to a value,
// BACK, or undefined when the user dismisses it.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

interface StepFrame {
	readonly title: string;
	readonly step: number;
	/** Undefined while the number of steps may still change: the counter shows the step alone. */
	readonly totalSteps: number | undefined;
}

export interface InputStepOptions extends StepFrame {
	readonly value: string;
	readonly prompt: string;
	readonly placeholder?: string;
	readonly password?: boolean;
	/** Localized problem, or undefined when the text is acceptable. */
	readonly validate: (text: string) => string | undefined;
	/** The starting value is checked at once (a date typed in a list), not only once edited; a starter such as "https://" is not. */
	readonly validateAtOnce?: boolean;
	/** A box opened from a list (an identifier to type): Back and Escape return to that list, as BACK. */
	readonly opensFromList?: boolean;
}

export function inputStep(options: InputStepOptions): Promise<StepResult<string>> {
	const box = vscode.window.createInputBox();
	box.title = options.title;
	box.step = options.step;
	box.totalSteps = options.totalSteps;
	box.value = options.value;
	box.valueSelection = [0, options.value.length];
	box.prompt = options.prompt;
	box.placeholder = options.placeholder;
	box.password = options.password ?? false;
	box.ignoreFocusOut = true;
	box.buttons = options.step > 1 || options.opensFromList ? [vscode.QuickInputButtons.Back] : [];
	const revalidate = () => {
		const problem = box.value === '' && options.value === '' ? undefined : options.validate(box.value);
		box.validationMessage = problem ? { message: problem, severity: vscode.InputBoxValidationSeverity.Error } : undefined;
		return problem;
	};
	if (options.validateAtOnce) revalidate();
	return runStep(box, (resolve) => [
		box.onDidChangeValue(revalidate),
		box.onDidAccept(() => {
			if (options.validate(box.value) === undefined) resolve(box.value.trim());
			else revalidate();
		}),
	], options.opensFromList ? BACK : undefined);
}

export interface PickItem<T> extends vscode.QuickPickItem {
	readonly value: T;
}

export interface PickStepOptions<T> extends StepFrame {
	readonly placeholder: string;
	readonly items: readonly PickItem<T>[];
	readonly activeValue?: T;
	/** Offers an extra first item built from what the user types, e.g. "Use app id “abc”". */
	readonly itemFromTypedText?: (text: string) => PickItem<T> | undefined;
}

export function pickStep<T>(options: PickStepOptions<T>): Promise<StepResult<T>> {
	const pick = vscode.window.createQuickPick<PickItem<T>>();
	pick.title = options.title;
	pick.step = options.step;
	pick.totalSteps = options.totalSteps;
	pick.placeholder = options.placeholder;
	pick.ignoreFocusOut = true;
	pick.matchOnDescription = true;
	pick.items = options.items;
	const active = options.items.find((i) => i.value === options.activeValue);
	if (active) pick.activeItems = [active];
	pick.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
	return runStep(pick, (resolve) => [
		pick.onDidChangeValue((text) => {
			const typed = options.itemFromTypedText?.(text);
			pick.items = typed ? [typed, ...options.items] : options.items;
		}),
		pick.onDidAccept(() => {
			const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
			if (chosen) resolve(chosen.value);
		}),
	]);
}

/** Shows `input` until `listen` resolves it, Back (BACK) or a hide (`hidden`: Escape dismisses the prompt unless told otherwise). */
function runStep<T>(input: vscode.InputBox | vscode.QuickPick<PickItem<unknown>>, listen: (resolve: (value: T) => void) => vscode.Disposable[], hidden: typeof BACK | undefined = undefined): Promise<StepResult<T>> {
	return new Promise<StepResult<T>>((resolvePromise) => {
		let settled = false;
		const finish = (value: StepResult<T>) => {
			if (settled) return;
			settled = true;
			for (const d of disposables) d.dispose();
			input.dispose();
			resolvePromise(value);
		};
		const disposables: vscode.Disposable[] = [
			...listen((value) => finish(value)),
			input.onDidTriggerButton((button) => {
				if (button === vscode.QuickInputButtons.Back) finish(BACK);
			}),
			input.onDidHide(() => finish(hidden)),
		];
		input.show();
	});
}
