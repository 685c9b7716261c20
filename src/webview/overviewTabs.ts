// Tabs choosing the overview's charted figure: native buttons in a role="tablist"; arrows, Home and End move and select.
import { h } from './dom';

export const OVERVIEW_TABPANEL_ID = 'overview-tabpanel';

export class FigureTabs {
	readonly element: HTMLElement;
	#buttons: HTMLButtonElement[] = [];
	#selected = 0;

	constructor(
		label: string,
		private readonly onSelect: (index: number) => void,
	) {
		this.element = h('div', { class: 'overview-tabs', role: 'tablist', 'aria-label': label });
		this.element.addEventListener('keydown', (event) => {
			const count = this.#buttons.length;
			const to = { ArrowRight: this.#selected + 1, ArrowLeft: this.#selected - 1, Home: 0, End: count - 1 }[event.key];
			if (to === undefined || count === 0) return;
			event.preventDefault();
			this.#choose((to + count) % count);
			this.#buttons[this.#selected]?.focus();
		});
	}

	get selected(): number {
		return this.#selected;
	}

	/** One tab per label; the selection stays on the same position. */
	setTabs(tabs: readonly { readonly key: string; readonly label: string }[]): void {
		this.#buttons = tabs.map(({ key, label }, index) => {
			const button = h('button', { type: 'button', role: 'tab', id: `overview-tab-${key}`, 'aria-controls': OVERVIEW_TABPANEL_ID }, label);
			button.addEventListener('click', () => this.#choose(index));
			return button;
		});
		this.element.replaceChildren(...this.#buttons);
		this.#mark(Math.min(this.#selected, Math.max(0, tabs.length - 1)));
	}

	#choose(index: number): void {
		this.#mark(index);
		this.onSelect(index);
	}

	/** Only the selected tab is in the Tab order. */
	#mark(index: number): void {
		this.#selected = index;
		this.#buttons.forEach((button, i) => {
			button.setAttribute('aria-selected', String(i === index));
			button.tabIndex = i === index ? 0 : -1;
		});
	}
}
