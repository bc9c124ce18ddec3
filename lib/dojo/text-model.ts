/**
 * One text model for every composer and every post Policy Guard reads: the text a person sees (and the
 * app sends), with a map from each offset in that text back to a position in the DOM. Checking, fixes and
 * the spot-check's outlines all go through it, so an offset the checker reports is exactly where a fix
 * edits and an outline is drawn, however the editor lays out its lines.
 *
 * Why not `innerText`: it is right about line breaks but says nothing about where its characters live, and
 * applying its offsets to text nodes shifts every span by one character per line break before it (issue
 * #13: "Well done AAmeliatoday"). Why not `textContent`: it loses line breaks altogether.
 *
 * DOM only, no extension APIs and no layout (no getComputedStyle, no innerText): runs in the content
 * script and in happy-dom unit tests, and costs one tree walk.
 *
 * The text:
 * - a textarea or input: its value, offsets as they are;
 * - a rich-text box (Draft.js, Lexical, ProseMirror, Slate, a plain contenteditable): its text nodes in
 *   document order; a `<br>` is a line break unless it is the last thing in its block (the placeholder
 *   browsers and editors put in an empty line); each block element (p, div, li, h1…) starts a new line;
 *   U+00A0 reads as a space; zero-width characters editors use as caret anchors (U+FEFF, U+200B) are not
 *   text; placeholders and hidden parts (`aria-hidden="true"`, Slate's placeholder) are skipped.
 */

/** A run of the model's text that comes from one text node, or a line break that comes from the layout. */
type Segment =
  | { kind: 'text'; node: Text; /** Offset in the node's data of the segment's first character. */ nodeStart: number; start: number; end: number }
  | { kind: 'break'; start: number; end: number };

/** A position in the DOM, as `Range.setStart` takes it. */
export interface DomPosition {
  node: Node;
  offset: number;
}

export interface TextModel {
  /** The text, as the teacher sees it. */
  text: string;
  /** The element it was read from. */
  root: HTMLElement;
  /** True for a textarea or input: offsets are the value's own, and ranges are selection offsets. */
  plain: boolean;
  /**
   * The DOM position of an offset in the text. `side` says which character the position belongs to when an
   * offset falls between two text nodes: 'start' (of a span: the next character's node) or 'end' (of a
   * span: the previous character's node). Undefined for a plain field or an offset outside the text.
   */
  position(offset: number, side: 'start' | 'end'): DomPosition | undefined;
  /** A DOM range over [start, end) of the text (rich text only), or undefined if the offsets do not map. */
  range(start: number, end: number): Range | undefined;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
/** Elements whose content is never text a person reads as part of the message. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function skipped(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName) || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('data-slate-placeholder') || el.hasAttribute('hidden');
}

type Token = { kind: 'text'; node: Text } | { kind: 'br' } | { kind: 'block' };

/** Flattens the tree into text nodes, `<br>`s and block boundaries, in document order. */
function tokens(root: Node, out: Token[]): void {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.push({ kind: 'text', node: child as Text });
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (skipped(el)) continue;
    if (el.tagName === 'BR') {
      out.push({ kind: 'br' });
      continue;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) out.push({ kind: 'block' });
    tokens(el, out);
    if (block) out.push({ kind: 'block' });
  }
}

/**
 * Caret anchors and other invisible characters editors put into the DOM (Slate, Lexical, some browsers): U+FEFF
 * and U+200B, told by code unit (every character of a draft is read on every check: no one-character strings).
 */
const isZeroWidth = (code: number): boolean => code === 0xfeff || code === 0x200b;

/** Whether a text node holds anything but zero-width characters. */
function visibleText(node: Text): boolean {
  const data = node.data;
  for (let j = 0; j < data.length; j++) if (!isZeroWidth(data.charCodeAt(j))) return true;
  return false;
}

/**
 * Reads the text of a composer or a post body, with its map back to the DOM.
 * Cost: one walk of the element's subtree, O(characters).
 */
export function readTextModel(root: HTMLElement): TextModel {
  if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) {
    return { text: root.value, root, plain: true, position: () => undefined, range: () => undefined };
  }
  const list: Token[] = [];
  tokens(root, list);
  const segments: Segment[] = [];
  let text = '';
  /** A line break is owed before the next character (a block ended or began after some text). */
  let owed = false;
  /** Whether anything (a character or an empty line) has been written since the last break. */
  let lineHasContent = false;
  const breakIfOwed = () => {
    if (owed && text.length > 0) {
      segments.push({ kind: 'break', start: text.length, end: text.length + 1 });
      text += '\n';
    }
    owed = false;
  };
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (token.kind === 'block') {
      if (lineHasContent) owed = true;
      lineHasContent = false;
      continue;
    }
    if (token.kind === 'br') {
      // A <br> with nothing after it in its block only holds an empty line open: it is not a line break.
      let next = i + 1;
      const isBlank = (t: Token | undefined) => t?.kind === 'text' && !visibleText(t.node);
      while (next < list.length && isBlank(list[next])) next++;
      const trailing = next >= list.length || list[next]!.kind === 'block';
      breakIfOwed();
      if (!trailing) {
        segments.push({ kind: 'break', start: text.length, end: text.length + 1 });
        text += '\n';
      }
      // Either way the line exists: an empty block holding only its placeholder <br> is still a line.
      lineHasContent = true;
      continue;
    }
    const data = token.node.data;
    let runStart = -1;
    const flush = (endInNode: number) => {
      if (runStart < 0) return;
      const piece = data.slice(runStart, endInNode).replace(/\u00A0/g, ' ');
      segments.push({ kind: 'text', node: token.node, nodeStart: runStart, start: text.length, end: text.length + piece.length });
      text += piece;
      runStart = -1;
    };
    for (let j = 0; j < data.length; j++) {
      if (isZeroWidth(data.charCodeAt(j))) {
        flush(j);
        continue;
      }
      if (runStart < 0) {
        breakIfOwed();
        runStart = j;
        lineHasContent = true;
      }
    }
    flush(data.length);
  }

  const position = (offset: number, side: 'start' | 'end'): DomPosition | undefined => {
    if (offset < 0 || offset > text.length) return undefined;
    let fallback: DomPosition | undefined;
    for (const s of segments) {
      if (s.kind !== 'text') continue;
      if (side === 'start' ? offset >= s.start && offset < s.end : offset > s.start && offset <= s.end) {
        return { node: s.node, offset: s.nodeStart + (offset - s.start) };
      }
      // An empty span at a segment's edge (an insertion point): the nearest text position.
      if (offset === s.end) fallback = { node: s.node, offset: s.nodeStart + (s.end - s.start) };
      if (offset === s.start && !fallback) fallback = { node: s.node, offset: s.nodeStart };
    }
    return fallback;
  };

  return {
    text,
    root,
    plain: false,
    position,
    range(start, end) {
      if (start > end) return undefined;
      const from = position(start, 'start');
      const to = start === end ? from : position(end, 'end');
      if (!from || !to) return undefined;
      const range = root.ownerDocument.createRange();
      try {
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
      } catch {
        return undefined;
      }
      return range;
    },
  };
}

/** The text of a composer or a post body (see readTextModel). */
export function readText(root: HTMLElement): string {
  return readTextModel(root).text;
}
