// The "(2/5)" of a multi-step prompt. Some steps show only for some answers (a custom range's days and end): until
// the prompt reaches the first of them, their number is unknown, so the counter shows the step alone ("2"); from
// there on it shows the total, which then stays the same to the last step.

/** One step of a prompt as the counter sees it: shown now, and whether it is shown only for some answers. */
export interface CountedStep {
	readonly shown: boolean;
	readonly conditional: boolean;
}

/** The number of step `index` among those shown, and the total once it can no longer change (undefined before). */
export function stepCounter(steps: readonly CountedStep[], index: number): { readonly step: number; readonly total: number | undefined } {
	const step = steps.slice(0, index + 1).filter((s) => s.shown).length;
	const undecided = steps.slice(index + 1).some((s) => s.conditional) && !steps.slice(0, index + 1).some((s) => s.conditional);
	return { step, total: undecided ? undefined : steps.filter((s) => s.shown).length };
}
