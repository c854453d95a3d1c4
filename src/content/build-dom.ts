/**
 * A tiny element builder for our shadow-root UI. Every string child becomes a Text node (never parsed as HTML), so
 * text from the page or the database cannot inject markup; attributes are set one by one.
 */
type Child = Node | string | null | undefined | false;

export interface ElementProps {
  [attribute: string]: string | boolean | undefined | ((event: Event) => void);
}

export function createElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new Error(`not an event: ${name}`);
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  appendChildren(element, children);
  return element;
}

export function appendChildren(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? parent.ownerDocument!.createTextNode(child) : child);
  }
}

/**
 * Our host element with a shadow root holding one stylesheet and one "card" that each render replaces; both the inline
 * warning and the page banner are built on it.
 */
export interface ShadowCard {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Shows `next` in place of the current card (adding the stylesheet the first time). */
  mount(next: HTMLElement): void;
  setTheme(theme: string): void;
}

export function createShadowCard(doc: Document, tag: string, css: string, mode: ShadowRootMode): ShadowCard {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode });
  shadow.appendChild(createElement(doc, 'style', {}, css));
  let card: HTMLElement | null = null;
  return {
    host,
    shadow,
    mount(next) {
      if (card) card.replaceWith(next);
      else shadow.appendChild(next);
      card = next;
    },
    setTheme(theme) {
      card?.setAttribute('data-theme', theme);
    },
  };
}

/**
 * Wraps a button's action: on success shows `done` (if any) in the live `status` element, on failure the
 * `failMessage` for the error, so every outcome is announced to screen readers.
 */
export function withStatus(status: HTMLElement, failMessage: (error: string) => string) {
  return (action: () => Promise<void>, done: string | null) => async () => {
    try {
      await action();
      if (done) status.textContent = done;
    } catch (error) {
      status.textContent = failMessage(error instanceof Error ? error.message : String(error));
    }
  };
}
