/**
 * Reads what a person sees in a part of the page: the text of visible text nodes (no script, style, form fields,
 * editable areas or hidden elements), image alt text, and link targets (unwrapped from redirectors such as
 * `l.facebook.com/l.php?u=`). Keeps, for every piece of the joined text, the Text node it came from so that an
 * indicator's offsets can be turned back into DOM Ranges for highlighting, without touching the page's nodes.
 */
import { SECTION_BREAK } from '@/src/engine/scan-item';
import { unwrapRedirect } from '@/src/engine/urls';

export { SECTION_BREAK };

export interface TextPiece {
  /** The Text node this piece is from, or null for separators and alt text (not highlightable). */
  node: Text | null;
  /** Image alt text (breaks a highlight run; separators do not). */
  alt?: boolean;
  /** Offset of the piece in the joined text. */
  start: number;
  length: number;
}

export interface ExtractedContent {
  text: string;
  pieces: TextPiece[];
  /** Link targets (absolute, unwrapped), deduplicated, in document order. */
  links: string[];
}

export interface ExtractOptions {
  /** Elements left out with their subtree (nested items, our own hosts, buttons…), besides the built-in ones. */
  skip?: (element: Element) => boolean;
  /** Stop reading after this many characters. */
  maxChars?: number;
  maxLinks?: number;
  /** Whether to ask the browser about CSS visibility (display:none, visibility:hidden). Default true. */
  checkVisibility?: boolean;
  /**
   * The element where the item's own text starts (a post's message, after its author's name and time): a
   * SECTION_BREAK is put before it, and the engine drops any match that spans a SECTION_BREAK, so no indicator joins
   * the header to the message.
   */
  startsSection?: (element: Element) => boolean;
}


const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'svg', 'CANVAS',
  'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'LINK', 'META',
]);
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BODY', 'BUTTON', 'LABEL',
]);

/** Whether an element is editable or explicitly hidden (cheap checks, no style computation). */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (element.getAttribute('role') === 'textbox') return true;
  return false;
}

type VisibilityCheck = (element: Element) => boolean;

function createVisibilityCheck(enabled: boolean): VisibilityCheck {
  if (!enabled) return () => true;
  return (element) => {
    const check = (element as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    if (typeof check !== 'function') return true;
    return check.call(element, { visibilityProperty: true, contentVisibilityAuto: false });
  };
}

/** The page's own U+2029 becomes a space (same length, offsets unchanged): only the adapter's break is a fence —
 *  otherwise a post could put one between every two words and no indicator would survive. */
function withoutSectionBreaks(value: string): string {
  return value.includes(SECTION_BREAK) ? value.replaceAll(SECTION_BREAK, ' ') : value;
}

/** Reads the visible text, alt text and links under `root` (the root itself is read even if `skip` matches it). */
export function extractContent(root: Element, options: ExtractOptions = {}): ExtractedContent {
  const { skip, maxChars = 20_000, maxLinks = 100 } = options;
  const isVisible = createVisibilityCheck(options.checkVisibility ?? true);
  const parts: string[] = [];
  const pieces: TextPiece[] = [];
  const links: string[] = [];
  const seenLinks = new Set<string>();
  let length = 0;
  let lastWasSpace = true;

  const push = (value: string, node: Text | null, alt = false) => {
    pieces.push(alt ? { node, start: length, length: value.length, alt } : { node, start: length, length: value.length });
    parts.push(value);
    length += value.length;
    lastWasSpace = /\s$/.test(value);
  };
  const separate = () => {
    if (!lastWasSpace) push('\n', null);
  };
  const addLink = (raw: string | null) => {
    if (!raw || links.length >= maxLinks) return;
    if (!/^https?:/i.test(raw)) return;
    let target = raw;
    try {
      target = unwrapRedirect(raw);
    } catch {
      // keep the raw link
    }
    if (seenLinks.has(target)) return;
    seenLinks.add(target);
    links.push(target);
  };

  const visit = (element: Element, isRoot: boolean) => {
    if (!isRoot && (isSkippedElement(element) || skip?.(element))) return;
    const block = BLOCK_TAGS.has(element.tagName);
    if (!isRoot && options.startsSection?.(element) === true) push(SECTION_BREAK, null);
    else if (block) separate();
    if (element.tagName === 'A') addLink((element as HTMLAnchorElement).href || element.getAttribute('href'));
    else if (element.tagName === 'FORM') addLink((element as HTMLFormElement).action || element.getAttribute('action'));
    else if (element.tagName === 'IMG') {
      const alt = element.getAttribute('alt')?.trim();
      if (alt) {
        separate();
        push(withoutSectionBreaks(alt), null, true);
        separate();
      }
    }
    let visibilityKnown: boolean | null = null;
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (length >= maxChars) return;
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.trim() === '') {
          if (data.length > 0 && !lastWasSpace) push(' ', null);
          continue;
        }
        visibilityKnown ??= isVisible(element);
        if (!visibilityKnown) return;
        push(withoutSectionBreaks(data), child as Text);
      } else if (child.nodeType === 1) {
        visit(child as Element, false);
      }
    }
    if (block) separate();
  };

  visit(root, true);
  let text = parts.join('');
  if (text.length > maxChars) text = text.slice(0, maxChars);
  return { text, pieces, links };
}

/** The index of the piece containing offset `at` (binary search). */
function findPiece(pieces: readonly TextPiece[], at: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = pieces[mid]!;
    if (at < piece.start) hi = mid - 1;
    else if (at >= piece.start + piece.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * DOM Ranges covering `[start, end)` of the extracted text (several when the span crosses alt text or separators;
 * none when it lies only in alt text). Ranges follow later DOM edits on their own; they never change the nodes.
 */
export function createRanges(content: Pick<ExtractedContent, 'pieces'>, start: number, end: number, doc: Document = document): Range[] {
  const ranges: Range[] = [];
  if (end <= start) return ranges;
  let index = findPiece(content.pieces, start);
  if (index < 0) return ranges;
  let runStart: { node: Text; offset: number } | null = null;
  let runEnd: { node: Text; offset: number } | null = null;
  const close = () => {
    if (runStart && runEnd) {
      const range = doc.createRange();
      range.setStart(runStart.node, runStart.offset);
      range.setEnd(runEnd.node, runEnd.offset);
      ranges.push(range);
    }
    runStart = runEnd = null;
  };
  for (; index < content.pieces.length; index++) {
    const piece = content.pieces[index]!;
    if (piece.start >= end) break;
    if (piece.node === null) {
      // Separators between text nodes do not break a run; alt text does.
      if (piece.alt) close();
      continue;
    }
    const from = Math.max(start, piece.start) - piece.start;
    const to = Math.min(end, piece.start + piece.length) - piece.start;
    if (from > piece.node.data.length || to > piece.node.data.length) break; // the node changed since extraction
    runStart ??= { node: piece.node, offset: from };
    runEnd = { node: piece.node, offset: to };
  }
  close();
  return ranges;
}
