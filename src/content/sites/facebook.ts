/**
 * Facebook: posts and comments found with the ordered fallback selectors of `site-selectors.json` (roles and ARIA,
 * never the hashed class names); a post-selector match inside another post is a comment (nested role=article). A post's text excludes its comments (nested articles), buttons such as "Xem thêm",
 * the comment box and our own warning. Nothing here changes Facebook's nodes.
 */
import { extractContent, type ExtractedContent } from '../extract-text';
import { isOwnElement, type ItemKind, type SiteAdapter } from './site-adapter';
import type { SiteSelectors } from './site-selectors';

const DESCRIBED_BY = '@aria-describedby';

function matchesSafely(element: Element, selector: string): boolean {
  if (selector === '') return false;
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

function queryAllSafely(scope: ParentNode, selector: string): Element[] {
  if (selector === '') return [];
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first selector of `list` that matches something in `doc` (ordered fallback), or '' when none does. */
export function chooseSelector(doc: ParentNode, list: readonly string[]): string {
  for (const selector of list) {
    if (selector.startsWith('@')) continue;
    try {
      if (doc.querySelector(selector)) return selector;
    } catch {
      // An invalid selector from a feed: try the next one.
    }
  }
  return '';
}

export function createFacebookAdapter(selectors: SiteSelectors, doc: Document = document): SiteAdapter {
  let postSelector = '';
  let commentSelector = '';
  const skipSelector = selectors.skip.join(', ');

  const refresh = () => {
    if (postSelector === '') postSelector = chooseSelector(doc, selectors.posts);
    if (commentSelector === '') commentSelector = chooseSelector(doc, selectors.comments);
  };
  const itemSelector = () => [postSelector, commentSelector].filter(Boolean).join(', ');
  const isItem = (element: Element) => {
    const selector = itemSelector();
    return selector !== '' && matchesSafely(element, selector);
  };
  /** A post is a match of the post selector that is not inside another post (a nested match is a comment). */
  const kindOf = (item: Element): ItemKind => {
    refresh();
    if (!matchesSafely(item, postSelector)) return 'comment';
    const outer = item.parentElement?.closest(postSelector);
    return outer ? 'comment' : 'post';
  };
  const closestItem = (node: Node): Element | null => {
    refresh();
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const selector = itemSelector();
    if (!element || selector === '') return null;
    try {
      return element.closest(selector);
    } catch {
      return null;
    }
  };
  const skipInside = (item: Element) => (element: Element) =>
    isOwnElement(element) || (skipSelector !== '' && matchesSafely(element, skipSelector)) || (element !== item && isItem(element));

  const findDescribed = (item: Element): Element | null => {
    const ids = item.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    for (const id of ids) {
      const target = id ? doc.getElementById(id) : null;
      if (target && target !== item && item.contains(target) && closestItem(target) === item) return target;
    }
    return null;
  };

  /** The item's text container (the post's message or the comment's text), else the item. */
  const findBody = (item: Element): Element => {
    refresh();
    const list = kindOf(item) === 'post' ? selectors.postBody : selectors.commentBody;
    for (const selector of list) {
      if (selector === DESCRIBED_BY) {
        const described = findDescribed(item);
        if (described) return described;
        continue;
      }
      for (const candidate of queryAllSafely(item, selector)) {
        if (closestItem(candidate) === item && !(skipSelector && candidate.closest(skipSelector))) return candidate;
      }
    }
    return item;
  };

  return {
    id: 'facebook',
    findItems(scope) {
      refresh();
      const selector = itemSelector();
      if (selector === '') return [];
      const found = queryAllSafely(scope, selector);
      if (scope.nodeType === 1 && matchesSafely(scope as Element, selector)) found.unshift(scope as Element);
      return found;
    },
    closestItem,
    kindOf,
    readItem(item): ExtractedContent {
      refresh();
      // The message starts a section: no indicator may join the author's name or the time to its text.
      const body = findBody(item);
      return extractContent(item, {
        skip: skipInside(item),
        maxChars: 20_000,
        ...(body !== item ? { startsSection: (element: Element) => element === body } : {}),
      });
    },
    findAnchor(item) {
      return findBody(item);
    },
    reset() {
      postSelector = '';
      commentSelector = '';
    },
  };
}
