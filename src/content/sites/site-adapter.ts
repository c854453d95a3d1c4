import type { ExtractedContent } from '../extract-text';

export type ItemKind = 'post' | 'comment';

/** How the scanner finds and reads the items (posts, comments) of a site with a feed. */
export interface SiteAdapter {
  readonly id: string;
  /** Items inside `scope` (and `scope` itself when it is one), outermost first. */
  findItems(scope: ParentNode): Element[];
  /** The innermost item containing `node`, or null. */
  closestItem(node: Node): Element | null;
  kindOf(item: Element): ItemKind;
  /** The item's own text (not its nested comments'), alt text and links. */
  readItem(item: Element): ExtractedContent;
  /** The element of the item the inline warning is appended to (the item's text container, else the item). */
  findAnchor(item: Element): Element;
  /** Forget cached selector choices (after a big page change or a new selectors file). */
  reset(): void;
}

/** Our own elements (warning and banner hosts): never read, never treated as page content. */
export function isOwnElement(element: Element): boolean {
  return element.localName === 'canhgiac-warning' || element.localName === 'canhgiac-banner';
}
