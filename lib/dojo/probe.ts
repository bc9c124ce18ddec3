/**
 * What Policy Guard can see of ClassDojo's page, as plain facts for the page doctor (lib/dojo/doctor.ts):
 * each part it relies on, whether it was found, and by which kind of selector (selectors.ts `TIERS`). DOM
 * only, no extension APIs, like page.ts: runs in the content script and in happy-dom unit tests. Finding
 * composers asks for their visibility (a layout): call it on demand, not on every keystroke.
 *
 * The facts hold counts and kinds, never the page's text, with one exception the teacher already sees on
 * the page: the class's name.
 */
import type { Channel } from '../policy/schema';
import {
  EXTENSION_HOST_ATTR,
  NOT_UI,
  channelDecision,
  composerExtras,
  findAppRoot,
  findComposers,
  findStoryPosts,
  isEventPost,
  readClassNameSource,
  readStoryPost,
  sendControlNear,
  sendControlsOnPage,
  storyClassName,
  tierOf,
  uiRoots,
  type ChannelBasis,
} from './page';
import type { DojoRoute } from './routes';
import { ANY_EDITOR, anyOf, BUSY_MARKS, ERROR_PLACES, ERROR_WORDS, EXTRAS_CONTROLS, EXTRAS_LABELS, FRESH_SHAPE, LOADING_WORDS, MESSAGE_NOUN, NAVIGATION, NOT_OPENER, OPENER_QUESTION, OPENER_VERBS, PLACEHOLDER_SHAPE, PLACEHOLDER_MIN, PLACEHOLDER_TAGS, POST_LIKE, SEND_LABELS, SELECTORS, type Tier } from './selectors';

export interface ComposerFacts {
  /** The selector kind that found the box. */
  tier: Tier;
  /** In the app root, or in a dialog React rendered outside it. */
  where: 'app' | 'dialog';
  /** A textarea, a single-line text input (page.ts `messageInput`), or a rich-text (contenteditable) box. */
  editor: 'textarea' | 'input' | 'rich';
  /** The kind of selector that found its Send/Post control; undefined when none was found. */
  send?: Tier;
  /** Its container is one of ClassDojo's composers as we know them: tags and photos can be seen. */
  extrasKnown: boolean;
  /**
   * The box can carry pupils' tags and photos: a story composer we know, a box beside a tag or photo control,
   * or the story page's own box (in the app root). A welcome-message dialog cannot (probe 21e D5).
   */
  carriesExtras: boolean;
  tagged: number;
  media: number;
}

export interface PageFacts {
  route: Pick<DojoRoute, 'app' | 'view'> & { conversation: boolean; post: boolean };
  /** `verified`: #reactApplication; `generic`: the fallback to <body>. */
  appRoot: Tier;
  composers: ComposerFacts[];
  /** Send/Post controls on the page (by our guesses or by name), composer or not. */
  sendControls: number;
  channel: { channel: Channel; known: boolean; basis: ChannelBasis; participants?: number };
  threadHeader?: Tier;
  bubbles: { count: number; tier?: Tier; parents: number; staff: number };
  posts: { count: number; tier?: Tier; readable: number };
  /** With no story post found: the blocks that look like posts (POST_LIKE, with some text), a renamed feed. */
  postLike: number;
  /**
   * With no message box found: why that is no redesign, where the page says so (`noComposerReason`): still
   * loading, an error page, or a control that opens the box. Undefined where nothing explains it.
   */
  noComposer?: NoComposerReason;
  /** Text boxes inside an open shadow root or a same-origin frame, where Policy Guard does not look for composers. */
  enclosedEditors: number;
  calendarPosts: number;
  className?: { name: string; tier: Tier };
  /**
   * A class's chat: the class's name as the page shows it outside any post, by the class switcher (a guess:
   * `classSwitcher`), or undefined. Present only on a class's messaging page.
   */
  chatClassName?: { name: string; tier: Tier } | null;
  tiles: number;
}

/** The best (first) tier among elements found for a selector name. */
function bestTier(els: Element[], name: keyof typeof SELECTORS): Tier | undefined {
  const order: Tier[] = ['verified', 'guess', 'generic'];
  let best: Tier | undefined;
  for (const el of els) {
    const tier = tierOf(el, name);
    if (tier && (!best || order.indexOf(tier) < order.indexOf(best))) best = tier;
  }
  return best;
}

/** The class's name where the page shows it outside posts (`readClassNameSource`), with how it was found; else null. */
function switcherName(doc: Document): { name: string; tier: Tier } | null {
  const source = readClassNameSource(doc);
  return source ? { name: source.name, tier: tierOf(source.el, 'classSwitcher') ?? tierOf(source.el, 'storyPostClassName') ?? 'generic' } : null;
}

/** Views whose own message box (in the app root) is a story composer, with tags and photos. */
const STORY_BOX_VIEWS = new Set(['class-story', 'school-story', 'student-story']);

/** An element is drawn (not display:none or visibility:hidden, itself or an ancestor). */
function shown(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0;
}

/** An element's accessible name as a page's control gives it (label, text, title). */
function nameOf(el: Element): string {
  return (el.getAttribute('aria-label') ?? (el.textContent?.trim() || el.getAttribute('title') || el.getAttribute('placeholder')) ?? '').trim();
}

/**
 * A tag or photo control near a box (selectors.ts EXTRAS_CONTROLS, or a control named like one): looked for
 * in the box's surroundings, up to 6 levels up, never past the app root or a dialog's own root.
 */
function extrasControlNear(box: HTMLElement): boolean {
  let up: HTMLElement | null = box.parentElement;
  for (let depth = 0; up && depth < 6 && up !== box.ownerDocument.body; up = up.parentElement, depth++) {
    if (up.querySelector(EXTRAS_CONTROLS)) return true;
    if ([...up.querySelectorAll('button, [role="button"], label')].some((c) => EXTRAS_LABELS.test(nameOf(c)))) return true;
    if (up.id === 'reactApplication' || up.matches(anyOf('dialogPortal'))) break;
  }
  return false;
}

export type NoComposerReason = 'loading' | 'error' | 'opener';

/**
 * How long a page may say it is loading before its missing box is said anyway, in ms after the doctor first
 * asked on that address: a page that "loads" for longer (a "Loading more…" line under a redesigned feed, grey
 * blocks that are a redesign's decoration) is not loading (probe 21f N1, N2).
 */
export const LOADING_LIMIT_MS = 20_000;

/** Boxes a person types a message in: Policy Guard checks some of these shapes only (lib/dojo/page.ts findComposers). */
const UNCHECKED_BOXES = 'textarea, input:not([type]), input[type="text"], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]';

/**
 * Why a name is never an opener's: empty or long, a page's "Loading…" (an ellipsis too), a verb whose object is
 * people or settings, or a box's own short tool.
 */
function ruledOut(n: string): boolean {
  return !n || n.length > 80 || LOADING_WORDS.test(n) || NOT_OPENER.test(n) || (EXTRAS_LABELS.test(n) && n.replace(/^[+\uFF0B]\s*/, '').split(' ').length <= 2);
}

/**
 * A name labelled like a control that opens the message box, by its shape: a placeholder's ellipsis ("Write a
 * post…", "Ysgrifennwch neges…"), a name of something new ("New post", "+ Story"), or, a weak sign, a verb of
 * making or sharing or a question inviting a post (selectors.ts OPENER_VERBS, OPENER_QUESTION). Not a Send/Post
 * name ("Share", "Post to Class Story": SEND_LABELS), not a verb whose object is people or settings ("Add student":
 * NOT_OPENER), and not a box's own short tool ("Add photo", "Tag students"). Pure: the outline classes names with
 * it (lib/dojo/outline.ts); whether a control on the page is an opener is `isOpener`'s, with its structure.
 */
export function openerName(name: string): boolean {
  const n = name.replace(/\s+/g, ' ').trim();
  return !ruledOut(n) && !SEND_LABELS.test(n) && (PLACEHOLDER_SHAPE.test(n) || FRESH_SHAPE.test(n) || OPENER_VERBS.test(n) || OPENER_QUESTION.test(n));
}

/** What the page shows of a control, beside its name, that says it opens the message box (`isOpener`). */
export interface OpenerStructure {
  /** It says it opens something: `aria-haspopup` (not "false"), `aria-expanded="false"` or `aria-controls`. */
  popup: boolean;
  /** It is in the feed's head: before the page's first post or message, outside the app's navigation. */
  head: boolean;
}

/**
 * Whether a control opens the message box, by role and structure first (probe 21g): the page doctor looks only
 * at shown, enabled buttons and clickable placeholders (`opensComposer`), and weighs what they show. Strong (2):
 * the control says it opens something (`popup`), or its name is a placeholder's ("Ysgrifennwch neges…"). Weak (1
 * each): it is in the feed's head; its name is of something new ("New post", "+"); it names a kind of message
 * ("post", "neges"); it starts with a verb of making or sharing, or is a question inviting a post (the verb list,
 * OPENER_VERBS, OPENER_QUESTION). An opener has at least 2, and a sign in its name that it makes something: a
 * placeholder's, something new, the verb, or a kind of message on a control that opens something (not a "Class
 * Story" tab beside the feed, nor a "Filters" or class menu that opens a list). A name that is a Send/Post name ("Post to Class
 * Story") or a bare "+" opens the box only where the control says it opens something: elsewhere a Send control
 * (with no box on the page) or a "+" of any kind. Pure.
 */
export function isOpener(name: string, s: OpenerStructure): boolean {
  const n = name.replace(/\s+/g, ' ').trim();
  if (/^[+\uFF0B]?$/.test(n) || SEND_LABELS.test(n)) return s.popup && !(n && ruledOut(n));
  if (ruledOut(n)) return false;
  const placeholder = PLACEHOLDER_SHAPE.test(n);
  const fresh = FRESH_SHAPE.test(n);
  const verb = OPENER_VERBS.test(n) || OPENER_QUESTION.test(n);
  const score = (s.popup ? 2 : 0) + (placeholder ? 2 : 0) + (s.head ? 1 : 0) + (fresh ? 1 : 0) + (MESSAGE_NOUN.test(n) ? 1 : 0) + (verb ? 1 : 0);
  return score >= 2 && (placeholder || fresh || verb || (s.popup && MESSAGE_NOUN.test(n)));
}

/**
 * A shown, enabled control (a button, a link, or one by role) that opens the message box (`isOpener`), with
 * `first` the page's first post or message (the feed's head is before it). One inside a post or a message (a
 * post's "Add comment") opens no box for the page.
 */
function opensComposer(c: Element, first: Element | undefined): boolean {
  const expanded = c.getAttribute('aria-expanded');
  const popup = (c.hasAttribute('aria-haspopup') && c.getAttribute('aria-haspopup') !== 'false') || expanded === 'false' || c.hasAttribute('aria-controls');
  const head = !c.closest(NAVIGATION) && (!first || (c.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  return (
    isOpener(nameOf(c), { popup, head }) &&
    !c.closest(`${anyOf('storyPost')}, ${anyOf('messageBubble')}, article, [role="article"]`) &&
    shown(c) &&
    c.getAttribute('aria-disabled') !== 'true' &&
    !(c as HTMLButtonElement).disabled
  );
}

/**
 * A skeleton screen: at least 3 shown, empty placeholder blocks (selectors.ts PLACEHOLDER_TAGS, PLACEHOLDER_MIN)
 * in the app root, drawn before the feed, with little text about them (under 300 characters: the navigation
 * and a heading). Asks for layout.
 */
function skeleton(own: Element[], text: number): boolean {
  if (text >= 300) return false;
  let blocks = 0;
  for (const el of own) {
    if (el.childElementCount || !PLACEHOLDER_TAGS.has(el.localName) || (el.textContent ?? '').trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.width >= PLACEHOLDER_MIN.width && r.height >= PLACEHOLDER_MIN.height && ++blocks >= 3) return true;
  }
  return false;
}

/**
 * Why a page that should have a message box shows none, when that is not ClassDojo having changed (probe
 * 21e D2), or undefined when nothing explains it (then the doctor says so). Evidence of a box Policy Guard
 * cannot read (a text box inside a component or a frame, or a shown text box it does not check) always wins:
 * undefined. Then, in order:
 * - `loading`: the app root holds almost nothing yet (fewer than 4 elements, or under 40 characters and nothing
 *   to press), or shows a busy or progress indicator, says "Loading…", or shows a skeleton screen's placeholder
 *   blocks, with no post or message drawn yet; only for `LOADING_LIMIT_MS` after `waitedMs` starts (0: now);
 * - `error`: no post or message, and an alert, heading or paragraph says something went wrong (ERROR_WORDS);
 * - `opener`: a shown control that opens the message box (`opensComposer`: "Share a photo or video", "+"
 *   named "Create", "New post"), as where the box is drawn in a dialog when pressed.
 * `waitedMs`: how long the doctor has been asking on this address, in ms. Reads the DOM and asks for layout:
 * on demand, not on every keystroke.
 */
export function noComposerReason(doc: Document, waitedMs = 0): NoComposerReason | undefined {
  if (enclosedEditors(doc) > 0) return undefined;
  const root = findAppRoot(doc);
  const roots = uiRoots(doc);
  // A text box the person can see and type in, which Policy Guard does not check (a single-line `<input>`, or
  // one a redesign put where no selector looks): the box is there, so no loading, error or opener explains its
  // absence, whatever words the page shows ("Loading more…", "try again" in a post, "New message": probe 21f N1).
  const typedIn = (el: Element) =>
    shown(el) && !(el as HTMLInputElement).disabled && !(el as HTMLInputElement).readOnly && !el.closest('[role="search"]') && !/search/i.test(`${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('aria-label') ?? ''}`);
  if (roots.some((r) => [...r.querySelectorAll(UNCHECKED_BOXES)].some(typedIn))) return undefined;
  const own = [...root.querySelectorAll('*')].filter((el) => !NOT_UI.has(el.tagName) && !el.closest(`[${EXTENSION_HOST_ATTR}], policy-guard-panel`) && !el.localName.startsWith('policy-guard-'));
  const text = own.reduce((n, el) => n + [...el.childNodes].reduce((m, c) => m + (c.nodeType === 3 ? (c.nodeValue ?? '').trim().length : 0), 0), 0);
  const content = findStoryPosts(doc).length > 0 || roots.some((r) => r.querySelector(anyOf('messageBubble')) !== null);
  if (waitedMs <= LOADING_LIMIT_MS) {
    const busy =
      root.getAttribute('aria-busy') === 'true' ||
      roots.some((r) => [...r.querySelectorAll(BUSY_MARKS)].some(shown)) ||
      own.some((el) => el.childElementCount === 0 && LOADING_WORDS.test((el.textContent ?? '').slice(0, 80)) && shown(el));
    // Nothing drawn yet: hardly any elements, or no words and nothing to press (a spinner's drawing).
    const bare = own.length < 4 || (text < 40 && !root.querySelector('button, a[href], input, [role="button"]'));
    if (bare || (!content && (busy || skeleton(own, text)))) return 'loading';
  }
  if (!content && roots.some((r) => [...r.querySelectorAll(ERROR_PLACES)].some((el) => shown(el) && ERROR_WORDS.test((el.textContent ?? '').slice(0, 300))))) return 'error';
  const controls = roots.flatMap((r) => [...r.querySelectorAll('button, [role="button"], a, [tabindex="0"]')]);
  const first = [findStoryPosts(doc)[0], root.querySelector(anyOf('messageBubble'))].filter((e): e is HTMLElement => !!e).sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  return controls.some((c) => opensComposer(c, first)) ? 'opener' : undefined;
}

/**
 * Reads the facts of the page as it is now. `route` is the parsed address (lib/dojo/routes.ts); `waitedMs` how
 * long the doctor has been asking on this address, in ms (`noComposerReason`).
 */
export function probePage(doc: Document, route: DojoRoute, waitedMs = 0): PageFacts {
  const appRoot = findAppRoot(doc);
  const roots = uiRoots(doc);
  const composers = findComposers(doc).map((el): ComposerFacts => {
    const extras = composerExtras(el);
    const control = sendControlNear(el, doc);
    const send = control && { tier: tierOf(control, 'sendButton') ?? 'generic' };
    const where = appRoot.contains(el) ? 'app' : 'dialog';
    return {
      tier: tierOf(el, 'composer') ?? tierOf(el, 'messageInput') ?? 'generic',
      where,
      editor: el.localName === 'textarea' ? 'textarea' : el.localName === 'input' ? 'input' : 'rich',
      send: send?.tier,
      extrasKnown: extras.known,
      carriesExtras: extras.known || (where === 'app' && STORY_BOX_VIEWS.has(route.view)) || extrasControlNear(el),
      tagged: extras.tagged.length,
      media: extras.media,
    };
  });
  const header = doc.querySelector(anyOf('threadHeader'));
  const bubbles = roots.flatMap((r) => [...r.querySelectorAll(anyOf('messageBubble'))]);
  const posts = findStoryPosts(doc);
  return {
    route: { app: route.app, view: route.view, conversation: route.conversationId !== undefined, post: route.postId !== undefined },
    appRoot: appRoot.matches(SELECTORS.appRoot[0]) ? 'verified' : 'generic',
    composers,
    sendControls: sendControlsOnPage(doc).length,
    channel: channelDecision(route, doc),
    threadHeader: header ? tierOf(header, 'threadHeader') : undefined,
    bubbles: {
      count: bubbles.length,
      tier: bestTier(bubbles, 'messageBubble'),
      parents: bubbles.filter((b) => b.matches(anyOf('parentBubble'))).length,
      staff: bubbles.filter((b) => b.matches(anyOf('staffBubble'))).length,
    },
    posts: { count: posts.length, tier: bestTier(posts, 'storyPost'), readable: posts.filter((p) => readStoryPost(p).body !== undefined).length },
    postLike: posts.length ? 0 : [...appRoot.querySelectorAll(POST_LIKE)].filter((el) => (el.textContent ?? '').trim().length >= 20 && !el.parentElement?.closest(POST_LIKE)).length,
    enclosedEditors: enclosedEditors(doc),
    ...(composers.length ? {} : { noComposer: noComposerReason(doc, waitedMs) }),
    calendarPosts: findStoryPosts(doc).filter(isEventPost).length,
    className: storyClassName(doc),
    ...(route.app === 'teach' && route.view === 'messaging' && route.classId ? { chatClassName: switcherName(doc) } : {}),
    tiles: appRoot.querySelectorAll(anyOf('studentTile')).length,
  };
}

/**
 * Text boxes inside open shadow roots and same-origin frames (a closed root or another origin's frame cannot
 * be read by anyone): at most the first 2,000 elements with a shadow root and 20 frames are looked in.
 */
function enclosedEditors(doc: Document): number {
  let n = 0;
  let hosts = 0;
  const walk = doc.createTreeWalker(doc.body ?? doc.documentElement, 1);
  for (let el = walk.nextNode() as Element | null; el && hosts < 2000; el = walk.nextNode() as Element | null) {
    const root = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (root && !el.localName.startsWith('policy-guard-')) {
      hosts++;
      n += root.querySelectorAll(ANY_EDITOR).length;
    }
  }
  for (const frame of [...doc.querySelectorAll('iframe')].slice(0, 20)) {
    try {
      n += (frame as HTMLIFrameElement).contentDocument?.querySelectorAll(ANY_EDITOR).length ?? 0;
    } catch {
      // Another origin's frame: nothing to count.
    }
  }
  return n;
}
