/**
 * Reading ClassDojo's page. DOM only, no extension APIs: runs in the content script and in
 * happy-dom unit tests. Every selector comes from selectors.ts.
 */
import type { Channel } from '../policy/schema';
import { itemIdOf } from '../spot-check/record';
import { cleanClassName } from './class-name';
import type { DojoRoute } from './routes';
import { anyOf, NOT_MESSAGE_INPUT, NOT_MESSAGE_WORDS, PARTICIPANT_COUNT_ATTR, PARTICIPANTS_TEXT, SELECTORS, SEND_LABELS, TEXT_BOXES, TIERS, type SelectorName, type Tier } from './selectors';
import { readText } from './text-model';

/** Why a field is or is not a composer Policy Guard should check. Empty means it qualifies. */
export type IneligibleReason = 'hidden' | 'disabled' | 'read-only' | 'outside-app';

/**
 * What can be read off a field. Nothing of Policy Guard's own needs ruling out: its UI lives in closed
 * shadow roots, which no query of the page's DOM enters. No fact here is one a page script can set without
 * also stopping the teacher typing (probe 14h H3: an attribute or ARIA state turned checking off).
 */
export interface FieldFacts {
  visible: boolean;
  disabled: boolean;
  readOnly: boolean;
  insideAppRoot: boolean;
}

/** Pure: the reasons a field does not qualify, from facts read off the page. */
export function ineligibleReasons(f: FieldFacts): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!f.visible) reasons.push('hidden');
  if (f.disabled) reasons.push('disabled');
  if (f.readOnly) reasons.push('read-only');
  if (!f.insideAppRoot) reasons.push('outside-app');
  return reasons;
}

/** The element all ClassDojo UI renders into; `body` if the React root has been renamed. */
export function findAppRoot(doc: Document): HTMLElement {
  for (const sel of SELECTORS.appRoot) {
    const el = doc.querySelector<HTMLElement>(sel);
    if (el) return el;
  }
  return doc.body;
}

/** Whether the app root was found by its verified selector (false means we are on a fallback). */
export function appRootIsVerified(doc: Document): boolean {
  return doc.querySelector(SELECTORS.appRoot[0]) !== null;
}

export const EXTENSION_HOST_ATTR = 'data-wxt-shadow-root';

function factsOf(el: HTMLElement, appRoot: HTMLElement): FieldFacts {
  // checkVisibility() sees display:none and visibility:hidden on ancestors too; older engines fall back
  // to layout boxes.
  const visible =
    el.isConnected &&
    (typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ visibilityProperty: true })
      : el.getClientRects().length > 0);
  const isField = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
  // What the browser lets a person type into, never what ARIA claims: aria-readonly or aria-disabled on a
  // rich-text box the teacher can still type in would otherwise leave it unchecked.
  return {
    visible,
    disabled: isField && el.disabled,
    readOnly: isField ? el.readOnly : !el.isContentEditable,
    insideAppRoot: appRoot.contains(el),
  };
}

/** Body-level elements that are never ClassDojo's UI (also read by lib/dojo/outline-html.ts). */
export const NOT_UI = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT', 'IFRAME']);

/**
 * Where ClassDojo's UI lives: the app root, then what React renders outside it: dialogs anywhere outside the
 * root, and every other body-level container (verified: older dialogs sit under a plain `body > div`; editing
 * a post after publishing, "Compose a welcome message"). Our own UI is not among them (by its hosts' names),
 * unless `every`: then no container is skipped for a name or attribute, which a page script could put on a
 * dialog of ClassDojo's own to hide its message box (probe 14h H3); searching our hosts finds nothing (closed roots).
 */
export function uiRoots(doc: Document, every?: boolean): HTMLElement[] {
  const appRoot = findAppRoot(doc);
  if (appRoot === doc.body) return [appRoot];
  const ours = (el: Element) => !every && (el.closest(`[${EXTENSION_HOST_ATTR}]`) !== null || el.localName.startsWith('policy-guard-'));
  const outside = (el: Element) => !appRoot.contains(el) && !el.contains(appRoot) && !ours(el);
  const portals = [...doc.querySelectorAll<HTMLElement>(anyOf('dialogPortal'))].filter(outside);
  const containers = [...(doc.body?.children ?? [])].filter((el): el is HTMLElement => !NOT_UI.has(el.tagName) && outside(el));
  const all = [...containers, ...portals];
  // An element inside another is searched once, through the outer one.
  return [appRoot, ...all.filter((el, i) => all.indexOf(el) === i && !all.some((other) => other !== el && other.contains(el)))];
}

/** A text input the page names a search, a filter or a form's field (selectors.ts NOT_MESSAGE_INPUT, NOT_MESSAGE_WORDS). */
function notMessage(el: Element): boolean {
  return el.matches(NOT_MESSAGE_INPUT) || NOT_MESSAGE_WORDS.test(['name', 'id', 'placeholder', 'aria-label', 'title'].map((a) => el.getAttribute(a)).join(' '));
}

/**
 * Whether a single-line text input is a message box, by what is around it: the nearest part of the page
 * (up to 6 levels up) that holds a Send/Post control holds no other text box but ones named a search or a
 * filter, and nothing names the input itself one (`notMessage`). A search box, a name field, a sign-in form
 * or the tag picker's filter is none; a chat's one-line box beside its Send button is.
 */
export function messageInput(el: HTMLInputElement): boolean {
  if (notMessage(el)) return false;
  for (let up = el.parentElement, depth = 0; up && depth < 6; up = up.parentElement, depth++) {
    if (!sendControlIn(up)) continue;
    return [...up.querySelectorAll(TEXT_BOXES)].every((box) => box === el || notMessage(box));
  }
  return false;
}

/**
 * The composers on the page in document order (the app root first, then body-level dialogs), the focused
 * one first. A contenteditable nested in another is one composer, counted once at its outermost element;
 * a single-line input only where it is a message box (`messageInput`).
 */
export function findComposers(doc: Document): HTMLElement[] {
  const seen = new Set<HTMLElement>();
  const found: HTMLElement[] = [];
  for (const root of uiRoots(doc, true)) {
    for (const el of root.querySelectorAll<HTMLElement>(`${anyOf('composer')}, ${anyOf('messageInput')}`)) {
      if (seen.has(el)) continue;
      seen.add(el);
      if (el.parentElement?.isContentEditable || (el instanceof HTMLInputElement && !messageInput(el))) continue;
      if (ineligibleReasons(factsOf(el, root)).length === 0) found.push(el);
    }
  }
  const active = doc.activeElement;
  const focused = found.findIndex((el) => el === active || el.contains(active));
  if (focused > 0) found.unshift(...found.splice(focused, 1));
  return found;
}

/** The text a composer holds: a textarea's value, or a rich-text box's lines (lib/dojo/text-model.ts). */
export function composerText(el: HTMLElement): string {
  return readText(el);
}

/** The newest parent's message bubble in the open conversation, or undefined where none can be found. */
function latestParentBubble(doc: Document): HTMLElement | undefined {
  const bubbles = findAppRoot(doc).querySelectorAll<HTMLElement>(anyOf('parentBubble'));
  return bubbles[bubbles.length - 1];
}

function bubbleText(bubble: HTMLElement): string | undefined {
  const body = bubble.querySelector<HTMLElement>(anyOf('messageText'));
  return (body ?? bubble).textContent?.trim() || undefined;
}

/** The newest message from a parent in the open conversation, or undefined where none can be found. */
export function latestParentMessage(doc: Document): string | undefined {
  const last = latestParentBubble(doc);
  return last ? bubbleText(last) : undefined;
}

/** Why the conversation's own message box could not be told: see `conversationComposer`. */
export type ConversationBoxRefusal = 'moved' | 'no-box' | 'several-boxes';

/**
 * The open conversation's own message box, for a reply to the parent's message `message` (the text the
 * reply was suggested for): the one composer in the smallest part of the page that holds both that message
 * and a composer, below the message, outside every bubble. Never simply the first composer on the page: a
 * page script (or a second composer ClassDojo shows, a Class Story box in a side panel) may come first
 * (probe 14d #5: a prepended "Share with the whole class" box got a reply naming a child's absence).
 *
 * Refuses, and the caller inserts nothing, when the newest parent's message is no longer `message` (the
 * conversation changed: `moved`), when no composer shares a part of the page with it (`no-box`), or when
 * two or more do at the nearest level (`several-boxes`: it cannot tell which is the conversation's).
 */
export function conversationComposer(doc: Document, message: string): { composer: HTMLElement } | { refused: ConversationBoxRefusal } {
  const bubble = latestParentBubble(doc);
  if (!bubble || bubbleText(bubble) !== message) return { refused: 'moved' };
  const bubbles = anyOf('messageBubble');
  // A composer inside a message bubble is never the conversation's box; one above the message is not either
  // (ClassDojo's box is under the messages).
  const all = findComposers(doc);
  const candidates = all.filter((c) => !c.closest(bubbles) && (bubble.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  const others = all.filter((c) => !candidates.includes(c));
  for (let part = bubble.parentElement; part; part = part.parentElement) {
    const inside = candidates.filter((c) => part!.contains(c));
    // A composer the message's part holds that is not a candidate (above the message, in a bubble) makes
    // the part ambiguous too: the page put a box where the conversation's would be.
    const strays = others.filter((c) => part!.contains(c));
    if (inside.length + strays.length > 1) return { refused: 'several-boxes' };
    if (inside.length === 1) return { composer: inside[0]! };
    if (strays.length === 1) return { refused: 'no-box' };
  }
  return { refused: 'no-box' };
}

const SEND_NAMES = SEND_LABELS;

/** How the channel was decided: the address, the thread header's participant count, or assumed. */
export type ChannelBasis = 'address' | 'participant-attribute' | 'participant-text' | 'assumed';

/**
 * Which channel a composer posts to, and how that was decided. The URL says the view; for messaging only the
 * page can say whether it is a group or a one-to-one chat (`participants` is the count it read), and when it
 * cannot, the wider audience is assumed.
 */
export function channelDecision(route: DojoRoute, doc: Document): { channel: Channel; known: boolean; basis: ChannelBasis; participants?: number } {
  switch (route.view) {
    case 'class-story':
    case 'school-story':
    case 'student-story':
    case 'points':
      return { channel: route.view, known: true, basis: 'address' };
    case 'messaging': {
      const header = doc.querySelector<HTMLElement>(anyOf('threadHeader'));
      const fromAttr = Number(header?.getAttribute(PARTICIPANT_COUNT_ATTR));
      // (?<!\d): a number is read from its first digit only, so a long run of digits is not quadratic.
      const fromText = Number(PARTICIPANTS_TEXT.exec(header?.textContent ?? '')?.[1]);
      const byAttr = Number.isFinite(fromAttr) && fromAttr > 0;
      const count = byAttr ? fromAttr : fromText;
      if (Number.isFinite(count) && count > 0) {
        return { channel: count > 2 ? 'class-chat' : 'private-chat', known: true, basis: byAttr ? 'participant-attribute' : 'participant-text', participants: count };
      }
      return { channel: 'class-chat', known: false, basis: 'assumed' };
    }
    default:
      return { channel: 'class-chat', known: false, basis: 'assumed' };
  }
}

/**
 * Which channel a composer posts to. The URL says the view; for messaging only the page can say whether
 * it is a group or a one-to-one chat, and when it cannot, the wider audience is assumed.
 */
export function channelOf(route: DojoRoute, doc: Document): { channel: Channel; known: boolean } {
  const { channel, known } = channelDecision(route, doc);
  return { channel, known };
}

function containerOf(composer: HTMLElement): HTMLElement | null {
  for (const sel of SELECTORS.composerContainer) {
    const c = composer.closest<HTMLElement>(sel);
    if (c) return c;
  }
  return null;
}

/**
 * The composer's container (ClassDojo's composer card: box, toolbar, Send/Post), or undefined where it has
 * none we know. The panel keeps clear of it (components/usePlacement.ts).
 */
export function composerContainer(composer: HTMLElement): HTMLElement | undefined {
  return containerOf(composer) ?? undefined;
}

/**
 * Pupils tagged and media attached in the composer's own container. `known` is false when the container
 * is not one of ClassDojo's composers as we know them (a redesign): tags and photos cannot be seen then,
 * and the panel says so rather than reporting "no photo".
 */
export function composerExtras(composer: HTMLElement): { tagged: string[]; media: number; known: boolean } {
  const container = containerOf(composer);
  const known = SELECTORS.composerContainer.filter((sel) => sel.includes('data-name')).some((sel) => composer.closest(sel) !== null);
  if (!container) return { tagged: [], media: 0, known };
  const tagged = [...container.querySelectorAll<HTMLElement>(anyOf('taggedStudent'))].map((t) => t.textContent?.trim() ?? '').filter(Boolean);
  return { tagged, media: container.querySelectorAll(anyOf('attachment')).length, known };
}

function accessibleName(el: HTMLElement): string {
  // An icon-only button may be named by its title alone.
  return (el.getAttribute('aria-label') ?? (el.textContent?.trim() || el.getAttribute('title')) ?? '').trim();
}

/** Whether an element is (inside) a Send/Post control: by our guesses, then by role and accessible name. */
export function sendControlOf(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const guess = target.closest<HTMLElement>(anyOf('sendButton'));
  if (guess) return guess;
  const button = target.closest<HTMLElement>('button, [role="button"], input[type="submit"]');
  return button && SEND_NAMES.test(accessibleName(button)) ? button : undefined;
}

/** The composer a send control belongs to: in its container, else the focused or only composer. */
export function composerForControl(control: HTMLElement, doc: Document): HTMLElement | undefined {
  const container = containerOf(control);
  const composers = findComposers(doc);
  return composers.find((c) => container?.contains(c)) ?? composers[0];
}

/** A point award button, with its weight and skill name. */
export function pointAwardOf(target: EventTarget | null): { button: HTMLElement; weight: number; skill: string } | undefined {
  if (!(target instanceof Element)) return undefined;
  const button = target.closest<HTMLElement>(anyOf('pointButton'));
  const li = button?.closest('li');
  const weight = Number(/point_weight_(-?\d+)/.exec(li?.getAttribute('data-name') ?? '')?.[1]);
  if (!button || !Number.isFinite(weight)) return undefined;
  return { button, weight, skill: accessibleName(button).replace(/^[+-]?\d+\s*/, '') };
}

/** The pupil tiles of the points page: "Amelia Hughes 12 points" -> Amelia Hughes. Offered to save as a roster. */
export function studentTileNames(doc: Document): { first: string; last: string }[] {
  return [...findAppRoot(doc).querySelectorAll<HTMLElement>(anyOf('studentTile'))]
    // (?<!\s): tried from the start of a run of spaces only, so a label of spaces is not quadratic.
    .map((tile) => (tile.getAttribute('aria-label') ?? '').replace(/(?<!\s)\s+\d+\s+points?$/i, '').trim())
    .filter(Boolean)
    .map((name) => {
      const [first = '', ...rest] = name.split(/\s+/);
      return { first, last: rest.join(' ') };
    });
}

export interface StoryPostElements {
  post: HTMLElement;
  body?: HTMLElement;
  time?: HTMLElement;
  media: HTMLElement[];
  input: { id: string; text: string; time?: string; author?: string; media: number };
}

/** What a spot-check reviews: story posts, or the staff's bubbles in an open conversation. */
export type FeedKind = 'story' | 'messages';

/**
 * The story post elements on the page, calendar-event posts included. Posts are one query; an event post
 * (not wrapped in storyPost) is found by its sign-up link or formatted date and walked up to its card: the
 * outermost ancestor that holds this one event and no other post or event. Document order.
 */
export function findStoryPosts(doc: Document): HTMLElement[] {
  const root = findAppRoot(doc);
  const posts = [...root.querySelectorAll<HTMLElement>(anyOf('storyPost'))];
  const marks = [...root.querySelectorAll<HTMLElement>(anyOf('eventPostMark'))].filter((m) => !posts.some((p) => p.contains(m)));
  if (marks.length === 0) return posts;
  const events = new Set<HTMLElement>();
  for (const mark of marks) {
    const card = eventCardOf(mark, root);
    if (card) events.add(card);
  }
  const all = [...posts, ...events];
  return all.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Whether an element holds one event card at most: one of each mark, one header, one title, no story post. */
function holdsOneEvent(el: HTMLElement): boolean {
  // Never past a post, nor up to the page around a lone event (its composer, its header bar).
  if (el.querySelector(anyOf('storyPost')) || el.querySelector(anyOf('composer'))) return false;
  if (el.querySelectorAll(anyOf('storyPostHeader')).length > 1) return false;
  if (SELECTORS.eventPostMark.some((sel) => el.querySelectorAll(sel).length > 1)) return false;
  return el.querySelectorAll(anyOf('eventPostTitle')).length <= 1;
}

function eventCardOf(mark: HTMLElement, root: HTMLElement): HTMLElement | undefined {
  let card: HTMLElement | undefined;
  for (let el = mark.parentElement; el && el !== root && root.contains(el); el = el.parentElement) {
    if (!holdsOneEvent(el)) break;
    card = el;
  }
  return card;
}

/** Whether a post element is a calendar-event post (not a storyPost). */
export function isEventPost(post: HTMLElement): boolean {
  return !post.matches(anyOf('storyPost')) && post.querySelector(anyOf('eventPostMark')) !== null;
}

/** The items a spot-check reviews on this kind of page. */
export function findFeedItems(doc: Document, kind: FeedKind): HTMLElement[] {
  return kind === 'story' ? findStoryPosts(doc) : [...findAppRoot(doc).querySelectorAll<HTMLElement>(anyOf('staffBubble'))];
}

/**
 * A post's or message's time stamp as ISO, or undefined. ClassDojo's title starts with the date in the
 * account's locale ("09/11/2026, 09:00:00" for en-GB: 9 November, not 11 September as Date.parse reads
 * it): a numeric date is read day first unless the page says it is in US English, in the browser's own
 * time zone (the teacher's); anything else Date.parse can read (ISO) is read as it says.
 */
export function stampToIso(stamp: string | null | undefined, lang = ''): string | undefined {
  if (!stamp) return undefined;
  const m = /^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?/i.exec(stamp);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = /^en-us\b/i.test(lang) ? [b, a] : [a, b];
    let hour = Number(m[4]);
    if (m[7]) hour = (hour % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    const at = new Date(Number(m[3]), month - 1, day, hour, Number(m[5]), Number(m[6] ?? 0));
    return at.getMonth() === month - 1 && at.getDate() === day ? at.toISOString() : undefined;
  }
  return !Number.isNaN(Date.parse(stamp)) ? new Date(stamp).toISOString() : undefined;
}

function isoOrUndefined(stamp: string | null | undefined): string | undefined {
  return stampToIso(stamp, document.documentElement.lang);
}

/**
 * The parts of one post a spot-check reads and marks. The id is ClassDojo's where the page shows one,
 * else a hash of the author and the header's time stamp (the text only when there is no time stamp), so a
 * post keeps its id (and the leader's outcome) on reload and when it is edited.
 * A calendar-event post's text is its title and description together: the nearest element holding both
 * (never its header, so the author's name is not read as a pupil's).
 */
export function readStoryPost(post: HTMLElement): StoryPostElements {
  const body = (isEventPost(post) ? eventBody(post) : undefined) ?? post.querySelector<HTMLElement>(anyOf('storyPostBody')) ?? undefined;
  const time = post.querySelector<HTMLElement>(anyOf('storyPostTime')) ?? undefined;
  const media = [...post.querySelectorAll<HTMLElement>(anyOf('storyPostMedia'))];
  const text = body ? readText(body) : '';
  const at = isoOrUndefined(time?.getAttribute('title'));
  const author = post.querySelector(anyOf('storyPostAuthor'))?.textContent?.trim() || undefined;
  // Identity: who and when as the header shows them (the raw title, readable or not), never the text, so an
  // edited post is the same post (lib/spot-check/record.ts itemIdOf).
  const stamp = time?.getAttribute('title')?.trim() || at;
  return { post, body, time, media, input: { id: post.getAttribute('data-post-id') ?? itemIdOf({ author, time: stamp, text }), text, time: at, author, media: media.length } };
}

/** An event post's title and description: the smallest element holding both, outside its header. */
function eventBody(post: HTMLElement): HTMLElement | undefined {
  const title = post.querySelector<HTMLElement>(anyOf('eventPostTitle')) ?? undefined;
  const description = post.querySelector<HTMLElement>(anyOf('storyPostBody')) ?? undefined;
  if (!title || !description) return description ?? title;
  let el: HTMLElement | null = title;
  while (el && !el.contains(description)) el = el.parentElement;
  if (!el || el.querySelector(anyOf('storyPostHeader'))) return description;
  return el;
}

/**
 * The open class's name as the page shows it: the class switcher (a guess), else the class span in a
 * post's header (verified). Undefined when neither is there or neither holds a usable name.
 */
export function readClassName(doc: Document): string | undefined {
  return readClassNameSource(doc)?.name;
}

/**
 * The open class's name with the element it was read from (`readClassName`): the caller can tell a name
 * still shown by the previous class's page, after a class switch in the same tab, from the new class's
 * (lib/spot-check/scope.ts `Ownership`).
 */
export function readClassNameSource(doc: Document): { el: HTMLElement; name: string } | undefined {
  const root = findAppRoot(doc);
  for (const sel of [...SELECTORS.classSwitcher, ...SELECTORS.storyPostClassName]) {
    for (const el of root.querySelectorAll<HTMLElement>(sel)) {
      const name = cleanClassName(el.textContent);
      if (name) return { el, name };
    }
  }
  return undefined;
}

/** How many pupil tiles the points page shows (0 elsewhere): the class's size, as ClassDojo counts it. */
export function pupilTileCount(doc: Document): number {
  return findAppRoot(doc).querySelectorAll(anyOf('studentTile')).length;
}

/** The open conversation's participant count, as its header says, or undefined. */
export function participantCount(doc: Document): number | undefined {
  return channelDecision({ app: 'teach', view: 'messaging' }, doc).participants;
}

/** The parts of one staff bubble: its text, time stamp and sender. Chat messages carry no photos we can see. */
export function readMessageBubble(bubble: HTMLElement): StoryPostElements {
  const body = bubble.querySelector<HTMLElement>(anyOf('messageText')) ?? undefined;
  const time = bubble.querySelector<HTMLElement>(anyOf('messageTime')) ?? undefined;
  const text = body ? readText(body) : '';
  const at = isoOrUndefined(time?.getAttribute('datetime') ?? time?.getAttribute('title'));
  const author = bubble.querySelector(anyOf('messageSender'))?.textContent?.trim() || undefined;
  const stamp = (time?.getAttribute('datetime') ?? time?.getAttribute('title'))?.trim() || at;
  return { post: bubble, body, time, media: [], input: { id: bubble.getAttribute('data-message-id') ?? itemIdOf({ author, time: stamp, text }), text, time: at, author, media: 0 } };
}

/**
 * What a post or message says, cheaply (its text's textContent and its number of photos: no text-model walk,
 * no layout), to tell a post edited after publishing from one already scanned.
 */
export function feedItemSignature(el: HTMLElement, kind: FeedKind): string {
  if (kind === 'messages') return `${el.querySelector(anyOf('messageText'))?.textContent ?? ''}\u0000`;
  const body = (isEventPost(el) ? eventBody(el) : undefined) ?? el.querySelector<HTMLElement>(anyOf('storyPostBody')) ?? undefined;
  return `${body?.textContent ?? ''}\u0000${el.querySelectorAll(anyOf('storyPostMedia')).length}`;
}

export function readFeedItem(el: HTMLElement, kind: FeedKind): StoryPostElements {
  return kind === 'story' ? readStoryPost(el) : readMessageBubble(el);
}

/** A rectangle in viewport CSS px (getBoundingClientRect's four fields). */
export interface ViewRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * What a person reads on screen, as viewport rectangles (CSS px, getBoundingClientRect), so that Policy
 * Guard's panel and spot-check summary keep clear of it (lib/ui/placement.ts, lib/ui/spot-dock.ts): each
 * story post's parts (its children: header, text, photos, footer; a card's own padding is not read and may be
 * covered), every message bubble (parents' too), the conversation's header and (unless `sides` is false) the
 * page's side columns (`sideColumnRects`). Items wholly above or below
 * the viewport (`viewportHeight`, CSS px) are left out. Posts are walked in document order (one column), so
 * the walk stops at the first post below the viewport.
 */
export function readingRects(doc: Document, viewportHeight: number, sides = true): ViewRect[] {
  const out: ViewRect[] = [];
  const add = (r: ViewRect) => {
    if (r.width > 0 && r.top + r.height > 0 && r.top < viewportHeight) out.push(r);
  };
  const posts = findStoryPosts(doc);
  for (const post of posts) {
    const r = post.getBoundingClientRect();
    if (r.top >= viewportHeight) break;
    if (r.bottom > 0) for (const c of post.children) add(c.getBoundingClientRect());
  }
  const bubbles = findAppRoot(doc).querySelectorAll<HTMLElement>(`${anyOf('messageBubble')}, ${anyOf('threadHeader')}`);
  bubbles.forEach((b) => add(b.getBoundingClientRect()));
  // `sides` false: the feed's own column only (the spot-check's summary takes the side columns apart).
  if (sides) sideColumnRects(posts[0] ?? bubbles[0]).forEach(add);
  return out;
}

/** The page's side columns beside its feed or conversation (`sideColumnRects` of its first post or message). */
export function pageSideColumns(doc: Document): ViewRect[] {
  return sideColumnRects(findStoryPosts(doc)[0] ?? findAppRoot(doc).querySelector<HTMLElement>(anyOf('messageBubble')) ?? undefined);
}

/**
 * The page's side columns (CSS px, viewport, whole: not cut to the window): ClassDojo's three-column pages put
 * class info and upcoming events beside the feed, and that is page content too, never a free margin. Found
 * by layout, not by markup: walking up from `item` (a post or message) to the app root, every sibling of an
 * ancestor that has text and sits beside that ancestor (no horizontal overlap, some vertical overlap) is a
 * side column. Empty without `item`.
 */
export function sideColumnRects(item: HTMLElement | undefined): ViewRect[] {
  const out: ViewRect[] = [];
  const root = item && findAppRoot(item.ownerDocument);
  for (let el = item; el && el !== root && el.parentElement; el = el.parentElement) {
    const a = el.getBoundingClientRect();
    for (const sib of el.parentElement.children) {
      if (sib === el || !sib.textContent?.trim()) continue;
      const r = sib.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (r.right <= a.left || r.left >= a.right) && r.top < a.bottom && a.top < r.bottom) out.push(r);
    }
  }
  return out;
}

/** Every story post with its parts. */
export function readStoryPosts(doc: Document): StoryPostElements[] {
  return findStoryPosts(doc).map((p) => readStoryPost(p));
}

/** The Send/Post control beside a composer (in its container), for when the one clicked has been re-rendered. */
export function sendControlFor(composer: HTMLElement): HTMLElement | undefined {
  const container = containerOf(composer);
  return container ? sendControlIn(container) : undefined;
}

/** The first Send/Post control inside a part of the page: by our guesses, then by role and name. */
function sendControlIn(part: Element): HTMLElement | undefined {
  return part.querySelector<HTMLElement>(anyOf('sendButton')) ?? [...part.querySelectorAll<HTMLElement>('button, [role="button"], input[type="submit"]')].find((b) => SEND_NAMES.test(accessibleName(b)));
}

/** The kind of selector (selectors.ts `TIERS`) that finds this element as `name`, or undefined if none does. */
export function tierOf(el: Element, name: SelectorName): Tier | undefined {
  const i = SELECTORS[name].findIndex((sel) => el.matches(sel));
  return i < 0 ? undefined : TIERS[name][i];
}

/** Whether an element is a Send/Post control by its accessible name alone (the generic way). */
function namedSend(el: Element): boolean {
  return SEND_NAMES.test(accessibleName(el as HTMLElement));
}

/** Every Send/Post control in ClassDojo's UI (the app root and body-level dialogs), by our guesses or by name. */
export function sendControlsOnPage(doc: Document): HTMLElement[] {
  return uiRoots(doc).flatMap((root) =>
    [...root.querySelectorAll<HTMLElement>(`${anyOf('sendButton')}, button, [role="button"], input[type="submit"]`)].filter(
      (el) => el.matches(anyOf('sendButton')) || namedSend(el),
    ),
  );
}

/**
 * The Send/Post control that goes with a composer: in the composer's container by our guess or by name, else
 * the nearest send control in the composer's surroundings (a redesign with no container we know: the send
 * gate holds a click on any send control, so this is the one it would hold). How it was found is the page
 * doctor's to ask (`tierOf(control, 'sendButton')`, lib/dojo/probe.ts): the content script does not carry the
 * selectors' tiers.
 */
export function sendControlNear(composer: HTMLElement, doc: Document): HTMLElement | undefined {
  const inContainer = sendControlFor(composer);
  if (inContainer) return inContainer;
  const all = sendControlsOnPage(doc);
  for (let up: HTMLElement | null = composer.parentElement, depth = 0; up && depth < 8; up = up.parentElement, depth++) {
    const near = all.find((c) => up!.contains(c));
    if (near) return near;
  }
  return undefined;
}

/** The class's name as the feed's post headers show it, and how it was found (undefined where none shows). */
export function storyClassName(doc: Document): { name: string; tier: Tier } | undefined {
  for (const post of findStoryPosts(doc)) {
    const span = post.querySelector(anyOf('storyPostClassName'));
    const name = span?.textContent?.trim();
    if (span && name) return { name, tier: tierOf(span, 'storyPostClassName') ?? 'generic' };
  }
  return undefined;
}

