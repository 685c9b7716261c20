// The query controls: range (a preset, or custom days and end) and app, with Run (Enter in any field) and Cancel while loading.
// What the user types is theirs: only `init`, or a result while nothing was edited since the last Run, replaces it.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { RunRequest } from '../shared/protocol';
import type { KpiQuerySpec } from '../shared/query';
import { RANGE_PRESETS, isRangePreset, resolveRangePreset } from '../shared/rangePresets';
import { fillPlaceholders } from '../shared/webviewStrings';
import { h } from './dom';
import { datesText, presetName } from './labels';
import type { ViewContext } from './labels';
import { checkRunInput } from './runValidation';
import type { RunInput, RunInputProblems, RunLimits } from './runValidation';

export interface ControlsEvents {
	run(request: RunRequest): void;
	cancel(): void;
}

interface Field<T extends HTMLElement> {
	readonly box: HTMLDivElement;
	readonly control: T;
	readonly problem: HTMLDivElement;
}

/** The `<form>` with the controls; Enter in a text field submits it. */
export class QueryControls {
	readonly element: HTMLFormElement;
	private readonly range: Field<HTMLSelectElement>;
	/** The days the selected preset covers, under the range control. */
	private readonly rangeDates: HTMLDivElement;
	private readonly length: Field<VscodeTextfield>;
	private readonly endKind: Field<HTMLSelectElement>;
	private readonly date: Field<VscodeTextfield>;
	private readonly appId: Field<VscodeTextfield>;
	private readonly runButton: VscodeButton;
	private readonly cancelButton: VscodeButton;
	private readonly progress: HTMLDivElement;
	private busy = false;
	/** What the controls held at the last Run or the last `setQuery`: anything else is the user's edit. */
	private committed = '';

	constructor(
		private readonly ctx: ViewContext,
		private readonly limits: RunLimits,
		private readonly events: ControlsEvents,
	) {
		const strings = ctx.strings;
		// A native <select>: the webview bundle has no room for another component, and it is keyboard-accessible as it is.
		const rangeSelect = h('select', { class: 'native-select' }, ...RANGE_PRESETS.map((p) => h('option', { value: p }, presetName(p, strings))), h('option', { value: 'custom' }, strings.rangeCustom));
		this.range = field('range', strings.rangeLabel, rangeSelect);
		rangeSelect.setAttribute('aria-labelledby', 'range-label');
		this.rangeDates = h('div', { class: 'range-dates', id: 'range-dates' });
		rangeSelect.setAttribute('aria-describedby', 'range-dates');
		this.range.box.insertBefore(this.rangeDates, this.range.problem);
		this.length = field('length', strings.lengthLabel, textfield({ type: 'number', min: '1', max: String(limits.maxLength), step: '1' }));
		this.length.box.classList.add('field-length');
		// Native too, like the range: keyboard-accessible as it is, and no component to ship.
		const select = h('select', { class: 'native-select' }, ...([['yesterday', strings.endYesterday], ['today', strings.endToday], ['date', strings.endDate]] as const).map(([value, text]) => h('option', { value }, text)));
		this.endKind = field('end-kind', strings.endLabel, select);
		select.setAttribute('aria-labelledby', 'end-kind-label');
		this.date = field('end-date', strings.dateLabel, textfield({ type: 'date' }));
		this.appId = field('app-id', strings.appIdLabel, textfield({ type: 'text', placeholder: strings.allApps, spellcheck: 'false', autocomplete: 'off' }));
		this.runButton = button(strings.run, 'submit');
		this.cancelButton = button(strings.cancel, 'button');
		this.cancelButton.secondary = true;
		this.cancelButton.hidden = true;
		const ring = document.createElement('vscode-progress-ring');
		ring.ariaLabel = strings.loading;
		this.progress = h('div', { class: 'loading-status', hidden: true }, ring, h('span', { 'aria-hidden': 'true' }, strings.loading)); // The ring itself is announced.
		this.element = h(
			'form',
			{ class: 'controls', novalidate: true, 'aria-label': strings.queryLabel },
			this.range.box,
			this.length.box,
			this.endKind.box,
			this.date.box,
			this.appId.box,
			h('div', { class: 'control-buttons' }, this.runButton, this.cancelButton, this.progress),
		);
		this.element.addEventListener('submit', (event) => {
			event.preventDefault(); // Never let the form navigate the webview.
			this.submit();
		});
		select.addEventListener('change', () => this.showDateField());
		rangeSelect.addEventListener('change', () => this.showRangeFields());
		this.cancelButton.addEventListener('click', () => this.cancelRunning());
	}

	/** Shows `query` in the controls and clears any problem and any edit. */
	setQuery(query: KpiQuerySpec): void {
		this.range.control.value = query.preset ?? 'custom';
		this.length.control.value = String(query.length);
		this.endKind.control.value = query.end.kind;
		this.date.control.value = query.end.kind === 'date' ? query.end.date : '';
		this.appId.control.value = query.appId ?? '';
		this.committed = this.snapshot();
		this.showProblems({});
		this.showRangeFields(query.end.kind);
	}

	/** Shows the query of a result that arrived, unless the user has changed the controls since their last Run. */
	showResultQuery(query: KpiQuerySpec): void {
		if (this.snapshot() === this.committed) this.setQuery(query);
	}

	/**
	 * While a fetch runs: Run is off, Cancel and the progress ring are on. Keyboard focus follows: from Run
	 * to Cancel, and back to Run when Cancel had it (a disabled or hidden button would drop it on <body>).
	 */
	setBusy(busy: boolean): void {
		if (busy === this.busy) return;
		this.busy = busy;
		const focused = document.activeElement;
		this.progress.hidden = !busy;
		if (busy) {
			this.cancelButton.hidden = false;
			setDisabled(this.runButton, true);
			if (focused === this.runButton) this.cancelButton.focus();
		} else {
			setDisabled(this.runButton, false);
			if (focused === this.cancelButton) this.runButton.focus();
			this.cancelButton.hidden = true;
		}
	}

	/** Asks the host to cancel the running fetch; false when none runs. */
	cancelRunning(): boolean {
		if (!this.busy) return false;
		this.events.cancel();
		return true;
	}

	private submit(): void {
		if (this.busy) return;
		const checked = checkRunInput(this.input(), this.limits);
		if (!checked.ok) {
			this.showProblems(checked.problems);
			return;
		}
		this.showProblems({});
		this.committed = this.snapshot();
		// Busy at once, not on the host's `loading`: a second Enter or click meanwhile must not post another run.
		this.setBusy(true);
		this.events.run(checked.request);
	}

	private input(): RunInput {
		return { range: this.range.control.value, length: this.length.control.value, endKind: this.endKind.control.value, date: this.date.control.value, appId: this.appId.control.value };
	}

	private snapshot(): string {
		return JSON.stringify(this.input());
	}

	private showProblems(problems: RunInputProblems): void {
		const show = (target: Field<VscodeTextfield>, key: RunInputProblems['length']): void => {
			const text = key ? fillPlaceholders(this.ctx.strings[key], String(this.limits.maxLength)) : '';
			target.problem.textContent = text;
			target.problem.hidden = text === '';
			target.control.invalid = text !== '';
		};
		show(this.length, problems.length);
		show(this.date, problems.date);
		show(this.appId, problems.appId);
		const first = [this.length, this.date, this.appId].find((f) => f.control.invalid);
		first?.control.focus();
	}

	private showDateField(kind: string = this.endKind.control.value): void {
		this.date.box.hidden = kind !== 'date' || this.range.control.value !== 'custom';
	}

	/** A preset shows its days under the control; Custom shows the days and end fields instead. */
	private showRangeFields(endKind: string = this.endKind.control.value): void {
		const preset = this.range.control.value;
		const custom = !isRangePreset(preset);
		this.length.box.hidden = !custom;
		this.endKind.box.hidden = !custom;
		this.showDateField(endKind);
		if (custom) {
			this.rangeDates.textContent = '';
			return;
		}
		const { firstDate, lastDate } = resolveRangePreset(preset, this.limits.today);
		this.rangeDates.textContent = datesText(firstDate, lastDate, this.ctx);
	}
}

function field<T extends HTMLElement>(id: string, labelText: string, control: T): Field<T> {
	control.id = id;
	const label = document.createElement('vscode-label');
	label.setAttribute('id', `${id}-label`); // The attribute: the property alone never reaches the DOM.
	label.htmlFor = id;
	label.textContent = labelText;
	const problem = h('div', { class: 'field-problem', role: 'alert', hidden: true });
	return { box: h('div', { class: 'field' }, label, control, problem), control, problem };
}

function textfield(attributes: Readonly<Record<string, string>>): VscodeTextfield {
	const control = document.createElement('vscode-textfield');
	for (const [name, value] of Object.entries(attributes)) control.setAttribute(name, value);
	return control;
}

/**
 * Through the attribute, not the property: the property reaches the attribute only on the element's next
 * update, and until then a form-associated element that still says `disabled` cannot take focus.
 */
function setDisabled(control: VscodeButton, disabled: boolean): void {
	control.toggleAttribute('disabled', disabled);
}

function button(text: string, type: 'submit' | 'button'): VscodeButton {
	const control = document.createElement('vscode-button');
	control.type = type;
	control.textContent = text;
	return control;
}
