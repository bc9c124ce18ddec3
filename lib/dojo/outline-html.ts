/**
 * A saved page's HTML as the page elements the outline reads (lib/dojo/outline.ts `PageTree`), without a
 * DOM: htmlparser2's tokenizer (the one linkedom is built on, so the same tolerance of broken markup) feeds a
 * plain tree, and css-select matches Policy Guard's selectors on it. One pass over the text, one compiled
 * function per selector: a 10 MB page of 120,000 elements takes well under 2 s (`npm run bench`), where a
 * full DOM took 13 s.
 *
 * The regions are found as `uiRoots` finds them on the live page (lib/dojo/page.ts): the app root, then each
 * body-level container and each dialog outside it. tests/unit/dojo/outline-html.test.ts checks this gives
 * the same outline as the DOM path on the saved fixture pages and on broken markup.
 *
 * CLI only (`guard outline from-html`): the content script never imports this file, so neither library is
 * in its bundle.
 */
import { compile } from 'css-select';
import type { Options } from 'css-select';
import { Parser } from 'htmlparser2';
import { EXTENSION_HOST_ATTR, NOT_UI } from './page';
import { genericSend, LEAF, MAX_CHILDREN, MAX_READ, READ_DEPTH, SEEN_NAMES, SHADOW_ROOT, SKIP, type PageElement, type PageTree } from './outline';
import { NOT_MESSAGE_INPUT, NOT_MESSAGE_WORDS, SELECTORS, TEXT_BOXES, TIERS, type SelectorName } from './selectors';

interface Node extends PageElement {
  parent: Node | null;
  children: Node[];
  /** For a button-like element: its whole text, to see a Send/Post label (the DOM's textContent). */
  label?: string;
  /** Inside a declarative shadow root: not in the document's tree, so no region or dialog is looked for there. */
  shadowed?: boolean;
}

const attr = (el: Node, name: string) => {
  for (const [n, v] of el.attrs) if (n === name) return v;
  return undefined;
};

const adapter: NonNullable<Options<Node, Node>['adapter']> = {
  isTag: (node): node is Node => true,
  getAttributeValue: attr,
  getChildren: (node) => node.children,
  getName: (el) => el.tag,
  // Element.matches does not cross a shadow root's boundary: neither does a selector here.
  getParent: (el) => (el.parent && el.parent.tag !== SHADOW_ROOT ? el.parent : null),
  getSiblings: (node) => (node.parent ? node.parent.children : [node]),
  getText: (node) => node.text,
  hasAttrib: (el, name) => attr(el, name) !== undefined,
  removeSubsets: (nodes) => nodes.filter((n, i) => nodes.indexOf(n) === i && !nodes.some((o) => o !== n && contains(o, n))),
};

function contains(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = n.parent) if (n === outer) return true;
  return false;
}

/** The empty lists elements share until they have a child or a selector of ours matches (never written to). */
const NONE: Node[] = [];
const NONE_SEEN: string[] = [];

type Match = (el: Node) => boolean;
let compiled: { names: [SelectorName, Match[]][]; appRoot: Match[]; portal: Match[]; input: Match[]; send: Match[]; notMessage: Match; textBox: Match } | undefined;

/**
 * What an element must be for a selector to have a chance: the tag and `data-name` its last compound names
 * (`[data-name="storyPostHeader"] span[title]` → a span). Checked before css-select's function, which is
 * what keeps 45 selectors on 120,000 elements fast: most of ours name a data-name.
 */
export function lastCompound(selector: string): { tag?: string; dataName?: string } {
  let start = 0;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~' || c === ',')) {
      // A list of selectors has no one last compound: nothing is required.
      if (c === ',') return {};
      start = i + 1;
    }
  }
  const last = selector.slice(start);
  let end = 0;
  while (end < last.length && /[a-z0-9]/i.test(last[end]!)) end++;
  const need: { tag?: string; dataName?: string } = {};
  if (end > 0) need.tag = last.slice(0, end).toLowerCase();
  for (const q of ['"', "'"]) {
    const at = last.indexOf(`[data-name=${q}`);
    const close = last.indexOf(q, at + 12);
    // Not with the case-insensitive flag (`[data-name="x" i]`): the value may then be written otherwise.
    if (at >= 0 && close > 0 && last[close + 1] === ']') need.dataName = last.slice(at + 12, close);
  }
  return need;
}

/** Every selector compiled once (css-select), in SELECTORS' order, behind the quick check of `lastCompound`. */
function matchers() {
  const one = (sel: string): Match => {
    const test = compile<Node, Node>(sel, { adapter }) as Match;
    const { tag, dataName } = lastCompound(sel);
    if (tag === undefined && dataName === undefined) return test;
    return (el) => (tag === undefined || el.tag === tag) && (dataName === undefined || attr(el, 'data-name') === dataName) && test(el);
  };
  compiled ??= {
    names: SEEN_NAMES.map((n) => [n, SELECTORS[n].map(one)]),
    appRoot: SELECTORS.appRoot.map(one),
    portal: SELECTORS.dialogPortal.map(one),
    input: SELECTORS.messageInput.map(one),
    send: SELECTORS.sendButton.map(one),
    notMessage: compile<Node, Node>(NOT_MESSAGE_INPUT, { adapter }) as Match,
    textBox: compile<Node, Node>(TEXT_BOXES, { adapter }) as Match,
  };
  return compiled;
}

/** A Send/Post control, as page.ts `sendControlIn` finds one: by our guesses, then a button named Send/Post. */
function isSend(el: Node, send: Match[]): boolean {
  return send.some((m) => m(el)) || (el.label !== undefined && genericSend(el.tag, attr(el, 'role') ?? null, attr(el, 'type') ?? null, attr(el, 'aria-label') ?? (el.label.trim() || attr(el, 'title') || '')));
}

/**
 * Whether a one-line text input is a message box, by page.ts `messageInput`'s rules on the saved tree (no DOM,
 * no layout): nothing names it a search, a filter or a form's field, and the nearest part of the page up to 6
 * levels up that holds a Send/Post control holds no other text box but ones so named. As there, a part's
 * elements are its own tree's (not a shadow root's), and the walk up stops at a shadow root.
 */
function isMessageInput(el: Node, m: NonNullable<typeof compiled>): boolean {
  const notMessage = (box: Node) => m.notMessage(box) || NOT_MESSAGE_WORDS.test(['name', 'id', 'placeholder', 'aria-label', 'title'].map((a) => attr(box, a) ?? '').join(' '));
  if (notMessage(el)) return false;
  for (let up = el.parent, depth = 0; up && up.tag !== SHADOW_ROOT && depth < 6; up = up.parent, depth++) {
    let send = false;
    let other = false;
    const stack = [...up.children];
    while (stack.length && !(send && other)) {
      const n = stack.pop()!;
      if (n.tag === SHADOW_ROOT) continue;
      send ||= isSend(n, m.send);
      other ||= n !== el && m.textBox(n) && !notMessage(n);
      for (const c of n.children) stack.push(c);
    }
    if (send) return !other;
  }
  return false;
}

/** What a saved page's HTML holds: its elements as page elements, and whether it looks like a web page. */
export interface ParsedPage {
  tree: PageTree;
  /** The file has a doctype, an <html>, <head> or <body>, or ClassDojo's app root (a copied fragment). */
  isPage: boolean;
  /** Elements counted but not read, past the reading bounds (outline.ts MAX_CHILDREN, MAX_READ). */
  unread: number;
}

/**
 * Parses a saved page's HTML into the regions the outline reads. Never throws on broken markup (unclosed
 * tags and quotes, odd attribute names, 20,000-deep nesting); linear in the length of the text.
 */
export function parseSavedHtml(html: string): ParsedPage {
  const top: Node[] = [];
  const stack: Node[] = [];
  // Open elements being passed over (inside a script, a template, Policy Guard's own UI, or below a leaf
  // such as an SVG, whose own tag and text are kept): how many.
  let skip = 0;
  // Past the reading bounds (outline.ts MAX_CHILDREN, MAX_READ): the element whose `more` counts what is passed over.
  let counting: Node | null = null;
  let read = 0;
  let unread = 0;
  // Open button-like elements collecting their text (the DOM's textContent, for a Send/Post label).
  const labels: Node[] = [];
  let pending: [string, string][] = [];
  let marks = false;
  const all: Node[] = [];
  // Elements counted as the DOM's body would hold them: every tag opened inside <body>, skipped ones too;
  // without a <body>, every tag outside <head>.
  let depth = 0;
  let bodyAt = -1;
  let headAt = -1;
  let inBody = 0;
  let outsideHead = 0;

  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '!doctype') marks = true;
      },
      onattribute(name, value) {
        // The first of two same-named attributes wins, as in browsers. (Plain loops here and below: these
        // run for every tag of a page that may have 140,000.)
        for (const [n] of pending) if (n === name) return;
        pending.push([name, value]);
      },
      onopentag(name) {
        const attrs = pending;
        pending = [];
        depth++;
        const parent = stack[stack.length - 1] ?? null;
        // A declarative shadow root (`<template shadowrootmode="open">`, and Chrome's MHTML `shadowmode`): the
        // browser attaches it to its parent and the template leaves the tree; the live outline reads an open
        // one as a "shadow-root" child of its host (lib/dojo/outline.ts pageElementOf), and so is it read here.
        // A closed one cannot be read on the live page, by anyone: passed over, as any template.
        const mode = name === 'template' && !skip ? (attr({ attrs } as Node, 'shadowrootmode') ?? attr({ attrs } as Node, 'shadowmode'))?.trim().toLowerCase() : undefined;
        const shadowed = mode !== undefined || !!parent?.shadowed;
        if (name === 'html' || name === 'head' || name === 'body') marks = true;
        if (name === 'body' && bodyAt === -1) bodyAt = depth;
        else if (name === 'head' && headAt === -1 && bodyAt === -1) headAt = depth;
        // What is in a shadow root is not among the body's elements (querySelectorAll does not look there).
        else if (shadowed) void 0;
        else if (bodyAt >= 0) inBody++;
        else if (headAt < 0 && name !== 'html') outsideHead++;
        if (skip) {
          skip++;
          if (counting && (!shadowed || counting.shadowed)) {
            counting.more! += 1;
            unread++;
          }
          return;
        }
        if (parent && parent.tag !== 'body' && parent.tag !== 'html' && !SKIP.has(name) && (parent.children.length >= MAX_CHILDREN || read >= MAX_READ)) {
          skip = 1;
          counting = parent;
          parent.more = (parent.more ?? 0) + 1;
          unread++;
          return;
        }
        if (mode === 'open' && parent && !LEAF.has(parent.tag) && parent.tag !== SHADOW_ROOT && !parent.children.some((c) => c.tag === SHADOW_ROOT)) {
          const root: Node = { tag: SHADOW_ROOT, attrs: [], text: '', children: NONE, seen: NONE_SEEN, parent, shadowed: true };
          // First among its host's children, as the live outline writes it.
          parent.children = [root, ...parent.children];
          stack.push(root);
          return;
        }
        if (SKIP.has(name) || name.startsWith('policy-guard-') || attr({ attrs } as Node, EXTENSION_HOST_ATTR) !== undefined || (parent && LEAF.has(parent.tag))) {
          skip = 1;
          return;
        }
        // Most elements have no children and no selector of ours: they share one empty list until they do.
        const el: Node = { tag: name, attrs, text: '', children: NONE, seen: NONE_SEEN, parent, ...(shadowed ? { shadowed } : {}) };
        if (parent) (parent.children === NONE ? (parent.children = []) : parent.children).push(el);
        else top.push(el);
        if (!shadowed) all.push(el);
        // Counted as the live page counts what it reads: from the regions' roots down (html and body are not read).
        if (name !== 'html' && name !== 'body') read++;
        stack.push(el);
        if (name === 'button' || attr(el, 'role') === 'button' || (name === 'input' && attr(el, 'type') === 'submit')) {
          el.label = '';
          labels.push(el);
        }
      },
      ontext(text) {
        if (skip) return;
        const el = stack[stack.length - 1];
        // A shadow root has no text of its own (the live outline's has none).
        if (!el || el.tag === SHADOW_ROOT) return;
        el.text += text;
        for (const l of labels) l.label += text;
      },
      onclosetag() {
        if (depth === headAt) headAt = -2;
        if (depth === bodyAt) bodyAt = -2;
        depth--;
        if (skip) {
          if (--skip === 0) counting = null;
          return;
        }
        const el = stack.pop();
        if (el && labels[labels.length - 1] === el) labels.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);

  const bodyEl = all.find((el) => el.tag === 'body');
  // No <body> (a copied fragment): the top-level elements, <html> unwrapped and <head> left out.
  const body: Node = bodyEl ?? { tag: 'body', attrs: [], text: '', children: top.flatMap((el) => (el.tag === 'html' ? el.children : [el])).filter((el) => el.tag !== 'head'), seen: [], parent: null };
  const m = matchers();
  const { names, appRoot: appRootMatchers, portal } = m;
  // As findAppRoot: the first element its first selector finds, then its second…, else the body.
  let appRoot = body;
  for (const m of appRootMatchers) {
    const el = all.find(m);
    if (el) {
      appRoot = el;
      break;
    }
  }
  marks ||= appRoot !== body;

  const regions: PageTree['regions'] = [{ kind: 'app-root', root: appRoot }];
  if (appRoot !== body) {
    // As uiRoots: body-level containers and dialogs outside the app root, each searched once.
    const outside = (el: Node) => !contains(appRoot, el) && !contains(el, appRoot);
    const containers = body.children.filter((el) => !NOT_UI.has(el.tag.toUpperCase()) && outside(el));
    const portals = all.filter((el) => portal.some((m) => m(el)) && outside(el));
    // Each searched once, through the outermost: a Set and a walk up the ancestors, not every pair (a page
    // may have thousands of body-level elements).
    const candidates = new Set([...containers, ...portals]);
    const inside = (el: Node) => {
      for (let p = el.parent; p; p = p.parent) if (candidates.has(p)) return true;
      return false;
    };
    for (const root of candidates) if (!inside(root)) regions.push({ kind: 'outside', root });
  }

  // What Policy Guard's selectors see, for every element of every region (they do not overlap) down to
  // READ_DEPTH, as pageTreeOfDom reads the live page.
  const walk: [Node, number][] = regions.map((r) => [r.root as Node, 0]);
  while (walk.length) {
    const [el, depth] = walk.pop()!;
    if (depth > READ_DEPTH) continue;
    if (el.tag === SHADOW_ROOT) {
      for (const c of el.children) walk.push([c, depth + 1]);
      continue;
    }
    // Plain loops: this runs for every element and selector (120,000 × 45 on a 10 MB page).
    for (const [name, list] of names) {
      for (let i = 0; i < list.length; i++) {
        if (list[i]!(el)) {
          (el.seen === NONE_SEEN ? (el.seen = []) : el.seen).push(`${name}:${TIERS[name][i]}`);
          break;
        }
      }
    }
    // A one-line input the page makes a message box is seen as a composer, as lib/dojo/outline.ts `seenAt` sees it.
    if (el.tag === 'input') {
      const i = m.input.findIndex((match) => match(el));
      if (i >= 0 && isMessageInput(el, m)) (el.seen === NONE_SEEN ? (el.seen = []) : el.seen).push(`composer:${TIERS.messageInput[i]}`);
    }
    if (el.label !== undefined && !el.seen.some((s) => s.startsWith('sendButton:')) && genericSend(el.tag, attr(el, 'role') ?? null, attr(el, 'type') ?? null, attr(el, 'aria-label') ?? (el.label.trim() || attr(el, 'title') || ''))) {
      (el.seen === NONE_SEEN ? (el.seen = []) : el.seen).push('sendButton:generic');
    }
    for (const c of el.children) walk.push([c, depth + 1]);
  }
  return { tree: { regions, elements: bodyEl ? inBody : outsideHead }, isPage: marks, unread };
}

/**
 * Whether a saved page is ClassDojo's app shell, as "Webpage, HTML only" saves it (probe 21e D1, 21f N5):
 * Chromium's "HTML only" writes the bytes the server sent, not the page as drawn (content/browser/download/docs/
 * save-page-as.md), and for a single-page app that is the page before its scripts draw it, whatever its root is
 * called (`#reactApplication`, `#root`) and whatever it shows meanwhile (a spinner and a logo, empty portal
 * containers). By its shape, not its ids: the page loads a script from a file (`<script src>`), none of Policy
 * Guard's selectors see anything in it, and its body holds fewer than 60 elements and under 40 characters of
 * text (a `<noscript>` message is not read). `tree` is `parseSavedHtml(html).tree`.
 */
export function isAppShell(html: string, tree: PageTree): boolean {
  if (!/<script\b[^>]*\bsrc\s*=/i.test(html)) return false;
  let elements = 0;
  let text = 0;
  const stack: PageElement[] = tree.regions.map((r) => r.root);
  while (stack.length) {
    const el = stack.pop()!;
    elements += 1 + (el.more ?? 0);
    text += el.text.trim().length;
    if (elements >= 60 || text >= 40 || el.seen.length) return false;
    stack.push(...el.children);
  }
  return true;
}
