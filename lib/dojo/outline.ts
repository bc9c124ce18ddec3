/**
 * A page outline for support: the structure of ClassDojo's page around the composers, the feed and the
 * conversation (tag names, roles, `data-name` values, attribute names, counts and nesting) with every text,
 * id, URL, image source and other attribute value replaced by a placeholder. A school sends it when Policy
 * Guard cannot see a part of a real ClassDojo page; `guard outline to-fixture` turns it into a fixture page
 * for the end-to-end tests (lib/dojo/outline-fixture.ts).
 *
 * One builder, two homes: the content script runs it on the live page ("Copy a page outline for support"),
 * and `guard outline from-html` on a page saved with the browser's "Save page as", parsed by linkedom. So it
 * uses only the DOM's core (nodeType, attributes, children, matches): no layout, no `instanceof HTMLElement`,
 * no extension API.
 *
 * What is kept verbatim, and why (everything else becomes a placeholder):
 * - tag names, attribute names, `data-name` values (ClassDojo's component names: what a redesign changes),
 *   ARIA roles and enumerated states (`aria-modal="true"`, `contenteditable`, `type`);
 * - an attribute value, id or class that Policy Guard's own selectors name (selectors.ts): ClassDojo's markup
 *   words such as `reactApplication`, `Story post`, `nessie-text`, a bubble's `data-sender-type="parent"`.
 * Text is `$text`, except ClassDojo's own words the adapter reads, kept as a class of word: a Send/Post label is
 * `$sendLabel`, a thread header's "29 participants" is `$participants:many`. Numbers are bucketed (0, 1, 2,
 * many); times are `$time`; URLs `$url`; ids `$id`; anything else `$value`.
 */
import { EXTENSION_HOST_ATTR, findAppRoot, tierOf, uiRoots } from './page';
import { hashSegments, parseDojoLocation, type DojoApp, type DojoView } from './routes';
import { PARTICIPANTS_TEXT, SELECTORS, SEND_LABELS, type SelectorName } from './selectors';

export const OUTLINE_FORMAT = 'policy-guard-outline';
export const OUTLINE_VERSION = 1;
/** An outline is kept under this many bytes of JSON (the bound is 50 KB): lists and depth are cut to fit. */
export const OUTLINE_MAX_BYTES = 48 * 1024;

export interface OutlineNode {
  /** Lower-case tag name. */
  tag: string;
  /** Attribute name → kept value or placeholder (`$text`, `$url`, `$id`, `$time`, `$number:2`, `$value`…). */
  attrs?: Record<string, string>;
  /** The element's own text, as a placeholder (`$text`, `$sendLabel`, `$participants:many`). */
  text?: string;
  children?: OutlineNode[];
  /** This node stands for this many siblings of the same shape (more than one). */
  count?: number;
  /** What Policy Guard's selectors find here, as `name:tier` (`composer:guess`, `storyPost:verified`). */
  seen?: string[];
  /** Elements below this one left out to keep the outline small. */
  more?: number;
}

export interface OutlineRegion {
  /** The app root, or a container React rendered outside it (a dialog). */
  kind: 'app-root' | 'outside';
  node: OutlineNode;
}

export interface Outline {
  format: typeof OUTLINE_FORMAT;
  version: typeof OUTLINE_VERSION;
  /** The Policy Guard version that made it. */
  guard: string;
  app: DojoApp;
  view: DojoView;
  /** The address's route with every id replaced: `#/classes/{id}/story`. */
  route: string;
  source: 'extension' | 'saved-page';
  regions: OutlineRegion[];
  /** Elements walked on the page. */
  elements: number;
  /** Lists were grouped or depth was cut to keep the outline under OUTLINE_MAX_BYTES. */
  truncated: boolean;
}

/** The words of ClassDojo's verified routes (lib/dojo/routes.ts): any other segment of a route is an id. */
const ROUTE_WORDS = new Set(['classes', 'story', 'schools', 'messaging', 'portfolio', 'points', 'messages', 'reports', 'events', 'launchpad', 'group-chat-launch', 'login', 'class', 'school']);

/** `#/classes/5f3a…/story/77` → `#/classes/{id}/story/{id}`. */
export function routePattern(href: string): string {
  let hash = '';
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
    hash = url.hash;
  } catch {
    return '';
  }
  const segments = hashSegments(hash).map((s) => (ROUTE_WORDS.has(s) ? s : '{id}'));
  return `#/${segments.join('/')}`;
}

/** Elements that are never part of the outline (not ClassDojo's UI, or content with no structure to show). */
const SKIP = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'head', 'base', 'title']);
/** Elements shown as a tag only: their inside is drawing or another document. */
const LEAF = new Set(['svg', 'iframe', 'canvas', 'video', 'audio', 'object', 'embed', 'picture', 'math']);

const BOOLEAN_ATTRS = new Set(['hidden', 'disabled', 'readonly', 'checked', 'multiple', 'required', 'open', 'inert', 'selected', 'autofocus']);
const ENUM_ATTRS = new Set([
  'contenteditable', 'aria-modal', 'aria-multiline', 'aria-expanded', 'aria-hidden', 'aria-disabled', 'aria-readonly', 'aria-pressed',
  'aria-checked', 'aria-selected', 'aria-haspopup', 'aria-current', 'aria-live', 'aria-busy', 'dir', 'type', 'spellcheck', 'draggable',
  'translate', 'autocomplete', 'inputmode', 'enterkeyhint', 'aria-orientation', 'aria-sort', 'aria-autocomplete',
]);
const ENUM_VALUE = /^[a-z][a-z-]{0,24}$|^$/;
const TOKEN = /^[A-Za-z_][\w:.-]{0,80}$/;

/**
 * A `data-name` value kept as written only when it is one our selectors name, or shaped like a component
 * name (lower camelCase of at least two words: "storyPost", "messageComposerInput"; or a lower-case name
 * with an id: "post-5f2b3c4d…"), which is what a redesign's new parts look like. Anything else ("Priya", "LeoWright", "amelia-hughes", "leo_wright") may
 * be a person's name: `$value`. Long hex or digit runs inside a kept one become `#`.
 */
function componentName(value: string): string {
  literals ??= selectorLiterals();
  if ((literals.attrs.get('data-name') ?? []).some((l) => l.op === '=' && l.value === value)) return value;
  const camel = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(value);
  // Case-sensitive on purpose: with /i, [a-z]+ and [A-Z] would overlap and backtrack exponentially.
  const withId = /^[a-z]+(?:[A-Z][a-z0-9]*)*[-_:](?:[0-9a-fA-F]{8,}|\d{4,})$/.test(value);
  if (!TOKEN.test(value) || !(camel || withId)) return '$value';
  return value.replace(/[0-9a-f]{8,}|\d{4,}/gi, '#');
}

/** WAI-ARIA 1.2's roles: a `role` value is kept only when every token is one of them. */
const ARIA_ROLES = new Set(
  ('alert alertdialog application article banner blockquote button caption cell checkbox code columnheader combobox complementary ' +
    'contentinfo definition deletion dialog directory document emphasis feed figure form generic grid gridcell group heading img ' +
    'insertion link list listbox listitem log main marquee math menu menubar menuitem menuitemcheckbox menuitemradio meter navigation ' +
    'none note option paragraph presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox ' +
    'separator slider spinbutton status strong subscript superscript switch tab table tablist tabpanel term textbox time timer ' +
    'toolbar tooltip tree treegrid treeitem').split(' '),
);
const TEXT_ATTRS = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'placeholder', 'alt', 'title', 'value', 'label']);
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'data', 'xlink:href', 'background', 'ping']);
const TIME_ATTRS = new Set(['datetime']);

interface Literal {
  op: '=' | '^=' | '*=' | '$=' | '~=' | '|=';
  value: string;
  insensitive: boolean;
}

/** The attribute values, ids and classes Policy Guard's selectors name (selectors.ts), read from the selectors themselves. */
function selectorLiterals(): { attrs: Map<string, Literal[]>; ids: Set<string>; classes: Set<string> } {
  const attrs = new Map<string, Literal[]>();
  const ids = new Set<string>();
  const classes = new Set<string>();
  for (const list of Object.values(SELECTORS)) {
    for (const sel of list) {
      for (const m of sel.matchAll(/\[([\w:-]+)\s*([\^*$~|]?=)\s*(["'])(.*?)\3\s*(i)?\s*\]/g)) {
        const name = m[1]!.toLowerCase();
        const entry = { op: m[2] as Literal['op'], value: m[4]!, insensitive: m[5] === 'i' };
        attrs.set(name, [...(attrs.get(name) ?? []), entry]);
      }
      // Ids and classes outside attribute tests.
      const bare = sel.replace(/\[[^\][]*\]/g, '');
      for (const m of bare.matchAll(/#([\w-]+)/g)) ids.add(m[1]!);
      for (const m of bare.matchAll(/\.([\w-]+)/g)) classes.add(m[1]!);
    }
  }
  return { attrs, ids, classes };
}

let literals: ReturnType<typeof selectorLiterals> | undefined;

/** A number as a bucket: enough to tell a one-to-one chat from a class's, nothing more. */
function bucket(n: number): string {
  return n <= 2 ? String(n) : 'many';
}

function looksLikeTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(value);
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:|\/|\.\.?\/|#|data:|blob:|mailto:|tel:|\w[\w.-]*\.(jpe?g|png|gif|webp|svg|mp4|pdf)\b)/i.test(value.trim());
}

/** A text as the adapter would read it: a Send/Post label, a participant count, or just text. */
export function textPlaceholder(text: string): string {
  const t = text.trim();
  if (SEND_LABELS.test(t)) return '$sendLabel';
  const people = PARTICIPANTS_TEXT.exec(t);
  if (people) return `$participants:${bucket(Number(people[1]))}`;
  return '$text';
}

/** An attribute's value as the outline keeps it (see the module comment). */
export function attributePlaceholder(name: string, value: string): string {
  literals ??= selectorLiterals();
  const n = name.toLowerCase();
  if (BOOLEAN_ATTRS.has(n)) return '';
  if (n === 'data-name') return componentName(value);
  if (n === 'role') return value.split(/\s+/).every((r) => ARIA_ROLES.has(r)) && value.trim() ? value.trim() : '$value';
  if (ENUM_ATTRS.has(n)) return ENUM_VALUE.test(value) ? value : '$value';
  if (n === 'id') return literals.ids.has(value) ? value : '$id';
  if (n === 'class') {
    const tokens = value.split(/\s+/).filter(Boolean);
    const kept = tokens.filter((c) => literals!.classes.has(c));
    return [...kept, ...(kept.length < tokens.length ? ['$class'] : [])].join(' ');
  }
  for (const lit of literals.attrs.get(n) ?? []) {
    const v = lit.insensitive ? value.toLowerCase() : value;
    const l = lit.insensitive ? lit.value.toLowerCase() : lit.value;
    if (lit.op === '=' && v === l) return value;
    if (lit.op === '^=' && v.startsWith(l)) return `$prefix:${lit.value}`;
    if (lit.op === '*=' && v.includes(l)) return `$contains:${lit.value}`;
  }
  if (n === 'aria-label' && SEND_LABELS.test(value.trim())) return '$sendLabel';
  if (TIME_ATTRS.has(n) || (n === 'title' && looksLikeTime(value))) return '$time';
  if (URL_ATTRS.has(n) || looksLikeUrl(value)) return '$url';
  if (/^\d+$/.test(value.trim())) return `$number:${bucket(Number(value))}`;
  if (TEXT_ATTRS.has(n)) return textPlaceholder(value);
  if (value === '') return '';
  return '$value';
}

/** Tags and attribute names as the outline writes them: only names that are names. */
const NAME = /^[a-z][a-z0-9._:-]{0,60}$/;

interface Limits {
  maxDepth: number;
  /** Past this many runs of siblings, siblings are grouped by shape. */
  maxRuns: number;
}

interface Built {
  node: OutlineNode;
  /** The node's shape, to tell siblings of the same shape. */
  shape: string;
}

function isOurs(el: Element): boolean {
  return el.localName.startsWith('policy-guard-') || el.hasAttribute(EXTENSION_HOST_ATTR);
}

const SEEN_NAMES = Object.keys(SELECTORS).filter((n) => n !== 'appRoot' && n !== 'dialogPortal') as SelectorName[];

function seenAt(el: Element): string[] {
  const seen: string[] = [];
  for (const name of SEEN_NAMES) {
    const tier = tierOf(el, name);
    if (tier) seen.push(`${name}:${tier}`);
  }
  const tag = el.localName;
  if (!seen.some((s) => s.startsWith('sendButton:')) && (tag === 'button' || el.getAttribute('role') === 'button' || (tag === 'input' && el.getAttribute('type') === 'submit'))) {
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    if (SEND_LABELS.test(name)) seen.push('sendButton:generic');
  }
  return seen;
}

/** Collapses runs of same-shaped siblings into one node with a count; past `maxRuns`, groups them by shape. */
function collapse(children: Built[], maxRuns: number): { nodes: OutlineNode[]; grouped: boolean } {
  const runs: { built: Built; count: number }[] = [];
  for (const c of children) {
    const last = runs[runs.length - 1];
    if (last && last.built.shape === c.shape) last.count++;
    else runs.push({ built: c, count: 1 });
  }
  let grouped = false;
  let list = runs;
  if (runs.length > maxRuns) {
    grouped = true;
    const byShape = new Map<string, { built: Built; count: number }>();
    for (const r of runs) {
      const g = byShape.get(r.built.shape);
      if (g) g.count += r.count;
      else byShape.set(r.built.shape, { ...r });
    }
    list = [...byShape.values()];
  }
  return { nodes: list.map((r) => (r.count > 1 ? { ...r.built.node, count: r.count } : r.built.node)), grouped };
}

/** Elements below `el` (iterative: a hostile page may nest thousands deep). */
function countElements(el: Element): number {
  let n = 0;
  const stack: Element[] = Array.from(el.children);
  while (stack.length) {
    const next = stack.pop()!;
    n++;
    for (const child of Array.from(next.children)) stack.push(child);
  }
  return n;
}

/** An element's own part of its node (tag, attributes, text, what our selectors see), whatever the limits. */
function ownPart(el: Element): OutlineNode {
  const node: OutlineNode = { tag: NAME.test(el.localName) ? el.localName : 'unknown' };
  const attrs: Record<string, string> = {};
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (!NAME.test(name) || name.startsWith('on')) continue;
    attrs[name] = attributePlaceholder(name, attr.value);
  }
  if (Object.keys(attrs).length) node.attrs = attrs;
  let own = '';
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) own += child.nodeValue ?? '';
  if (own.trim()) node.text = textPlaceholder(own);
  const seen = seenAt(el);
  if (seen.length) node.seen = seen;
  return node;
}

function build(el: Element, depth: number, limits: Limits, state: { truncated: boolean; own: Map<Element, OutlineNode> }): Built {
  let own = state.own.get(el);
  if (!own) state.own.set(el, (own = ownPart(el)));
  const node: OutlineNode = { ...own };
  const tag = node.tag;

  const kids = LEAF.has(tag) ? [] : Array.from(el.children).filter((c) => !SKIP.has(c.localName) && !isOurs(c));
  if (kids.length && depth >= limits.maxDepth) {
    node.more = kids.reduce((n, k) => n + 1 + countElements(k), 0);
    state.truncated = true;
  } else if (kids.length) {
    const { nodes, grouped } = collapse(kids.map((k) => build(k, depth + 1, limits, state)), limits.maxRuns);
    if (grouped) state.truncated = true;
    node.children = nodes;
  }
  const shape = JSON.stringify([node.tag, node.attrs, node.text, node.children?.map((c) => [c.count ?? 1, c]), node.more]);
  return { node, shape };
}

/** Where the outline is made: the live page, or a page saved with "Save page as". */
export interface OutlineSource {
  /** The page's address (for a saved page, the one it was saved from, if known). */
  href: string;
  source: Outline['source'];
  /** Policy Guard's version (lib/meta.ts; the content script reads it from its manifest, to keep package.json out of its bundle). */
  guard: string;
}

/**
 * The outline of a page. `doc` is the live document or a parsed saved page. Never throws on odd markup;
 * the result is under OUTLINE_MAX_BYTES of JSON (lists are grouped and depth is cut to fit, `truncated`).
 */
export function buildOutline(doc: Document, from: OutlineSource): Outline {
  const route = parseDojoLocation(from.href);
  const appRoot = findAppRoot(doc);
  const roots = uiRoots(doc);
  const elements = doc.body ? countElements(doc.body) : 0;
  const attempts: Limits[] = [
    { maxDepth: 60, maxRuns: 40 },
    { maxDepth: 60, maxRuns: 16 },
    { maxDepth: 40, maxRuns: 8 },
    { maxDepth: 24, maxRuns: 6 },
    { maxDepth: 14, maxRuns: 4 },
    { maxDepth: 8, maxRuns: 3 },
    { maxDepth: 4, maxRuns: 2 },
  ];
  let outline: Outline | undefined;
  // Each element's own part is read once, however many times the tree is cut to fit.
  const own = new Map<Element, OutlineNode>();
  for (const limits of attempts) {
    const state = { truncated: false, own };
    const regions = roots.map((root): OutlineRegion => ({ kind: root === appRoot ? 'app-root' : 'outside', node: build(root, 0, limits, state).node }));
    outline = {
      format: OUTLINE_FORMAT,
      version: OUTLINE_VERSION,
      guard: from.guard,
      app: route.app,
      view: route.view,
      route: routePattern(from.href),
      source: from.source,
      regions,
      elements,
      truncated: state.truncated || limits !== attempts[0],
    };
    if (new TextEncoder().encode(JSON.stringify(outline)).length <= OUTLINE_MAX_BYTES) return outline;
  }
  // Still too big at the smallest limits (thousands of body-level containers): keep the app root only.
  return { ...outline!, regions: outline!.regions.slice(0, 1), truncated: true };
}

/** The outline as the text the teacher copies or the CLI prints. */
export function outlineJson(outline: Outline): string {
  return JSON.stringify(outline);
}
