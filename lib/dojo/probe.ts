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
import { ANY_EDITOR, anyOf, POST_LIKE, SELECTORS, type Tier } from './selectors';

export interface ComposerFacts {
  /** The selector kind that found the box. */
  tier: Tier;
  /** In the app root, or in a dialog React rendered outside it. */
  where: 'app' | 'dialog';
  /** A textarea, or a rich-text (contenteditable) box. */
  editor: 'textarea' | 'rich';
  /** The kind of selector that found its Send/Post control; undefined when none was found. */
  send?: Tier;
  /** Its container is one of ClassDojo's composers as we know them: tags and photos can be seen. */
  extrasKnown: boolean;
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

/** Reads the facts of the page as it is now. `route` is the parsed address (lib/dojo/routes.ts). */
export function probePage(doc: Document, route: DojoRoute): PageFacts {
  const appRoot = findAppRoot(doc);
  const roots = uiRoots(doc);
  const composers = findComposers(doc).map((el): ComposerFacts => {
    const extras = composerExtras(el);
    const send = sendControlNear(el, doc);
    return {
      tier: tierOf(el, 'composer') ?? 'generic',
      where: appRoot.contains(el) ? 'app' : 'dialog',
      editor: el.localName === 'textarea' ? 'textarea' : 'rich',
      send: send?.tier,
      extrasKnown: extras.known,
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
