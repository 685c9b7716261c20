// Small DOM builders. Text always goes in through `textContent`, never through HTML parsing.

type Attributes = Readonly<Record<string, string | boolean | undefined>>;

/** A new element with attributes (true → present, false/undefined → absent) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Attributes, ...children: ReadonlyArray<Node | string>): HTMLElementTagNameMap[K];
export function h(tag: string, attributes?: Attributes, ...children: ReadonlyArray<Node | string>): HTMLElement;
export function h(tag: string, attributes: Attributes = {}, ...children: ReadonlyArray<Node | string>): HTMLElement {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === true) element.setAttribute(name, '');
		else if (typeof value === 'string') element.setAttribute(name, value);
	}
	element.append(...children);
	return element;
}

