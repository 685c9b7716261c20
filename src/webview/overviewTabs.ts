// Tabs choosing the overview's charted figure: native buttons in a role="tablist"; arrows, Home and End move and select.
import { h } from './dom';

export const OVERVIEW_TABPANEL_ID = 'overview-tabpanel';

export interface FigureTabs {
	readonly element: HTMLElement;
	/** The selected tab's position. */
	selected(): number;
	/** One tab per figure; the selection stays on the same position. */
	setTabs(tabs: readonly { readonly key: string; readonly label: string }[]): void;
}

export function createFigureTabs(label: string, onSelect: () => void): FigureTabs {
	const element = h('div', { class: 'overview-tabs', role: 'tablist', 'aria-label': label });
	let buttons: HTMLButtonElement[] = [];
	let selected = 0;
	// Only the selected tab is in the Tab order.
	const mark = (index: number): void => {
		selected = index;
		buttons.forEach((b, i) => {
			b.setAttribute('aria-selected', String(i === index));
			b.tabIndex = i === index ? 0 : -1;
		});
	};
	const choose = (index: number): void => {
		mark(index);
		onSelect();
	};
	element.addEventListener('keydown', (event) => {
		const count = buttons.length;
		const to = { ArrowRight: selected + 1, ArrowLeft: selected - 1, Home: 0, End: count - 1 }[event.key];
		if (to === undefined || count === 0) return;
		event.preventDefault();
		choose((to + count) % count);
		buttons[selected]?.focus();
	});
	return {
		element,
		selected: () => selected,
		setTabs: (tabs) => {
			buttons = tabs.map((tab, index) => {
				const b = h('button', { type: 'button', role: 'tab', id: `overview-tab-${tab.key}`, 'aria-controls': OVERVIEW_TABPANEL_ID }, tab.label);
				b.addEventListener('click', () => choose(index));
				return b;
			});
			element.replaceChildren(...buttons);
			mark(Math.min(selected, Math.max(0, tabs.length - 1)));
		},
	};
}
