/**
 * The page doctor: "What Policy Guard can see here". From the facts read off the page (lib/dojo/probe.ts),
 * each part Policy Guard relies on, found or not, how it was found, and what that means for the teacher's
 * checks. Pure: the same report is drawn in the panel and in the popup (components/DoctorReport.tsx), which
 * turn the message keys into words in the browser's language.
 *
 * It also says when the page no longer matches what Policy Guard expects (`mismatch`): no message box on a
 * page that should have one, a Post/Send control with no message box beside it, or a message box with no
 * Post/Send control Policy Guard can find (checked as the teacher types, never held at Send).
 */
import type { MessageKey } from '../ext/i18n';
import type { NoComposerReason, PageFacts } from './probe';
import type { Tier } from './selectors';

export type PartId =
  | 'app-root'
  | 'composer'
  | 'send-control'
  | 'channel'
  | 'audience'
  | 'tagged-pupils'
  | 'attachments'
  | 'story-posts'
  | 'calendar-posts'
  | 'class-name'
  | 'thread-header'
  | 'message-bubbles'
  | 'message-senders'
  | 'pupil-tiles';

/** How a part was found: by a kind of selector, from the address, or not at all (assumed, or missing). */
export type How = Tier | 'address' | 'participants' | 'assumed' | 'none';

/** A message key and its substitutions, turned into words where the report is drawn. */
export interface Words {
  key: MessageKey;
  args?: string[];
}

export interface DoctorPart {
  id: PartId;
  /** Which composer (1-based) a composer, send-control, tag or attachment part is about. */
  composer?: number;
  found: boolean;
  how: How;
  /** How many were found, where a count means something (posts, messages, tags). */
  count?: number;
  /** What was found, in words (the channel, the audience, the class's name). */
  detail?: Words;
  /** What it means for the teacher, where it matters: said for what is missing or degraded. */
  meaning?: Words;
  /** Policy Guard needs this part on this page: missing, it leaves a check off. */
  needed: boolean;
}

export type Mismatch = 'no-composer' | 'send-without-composer' | 'no-send';

export interface DoctorReport {
  app: PageFacts['route']['app'];
  view: PageFacts['route']['view'];
  parts: DoctorPart[];
  /** The page no longer matches what Policy Guard expects here (see the module comment). */
  mismatch?: Mismatch;
}

/**
 * Views where a Post/Send control without a composer means the page has changed: the teachers' app, and the
 * parents' messages. (A parent's story feed may have share buttons of its own, and no composer.)
 */
export function watchesSendControls(route: PageFacts['route']): boolean {
  return route.app === 'teach' || (route.app === 'home' && route.view === 'parent-messages');
}

/** Views where a composer is part of the page (a story feed, or an open conversation). */
export function expectsComposer(route: PageFacts['route']): boolean {
  if (route.app === 'teach') return ((route.view === 'class-story' || route.view === 'school-story') && !route.post) || (route.view === 'messaging' && route.conversation);
  if (route.app === 'home') return route.view === 'parent-messages' && route.conversation;
  return false;
}

/** What a missing box means where the page says why (lib/dojo/probe.ts `noComposerReason`). */
const NO_COMPOSER_MEANING: Record<NoComposerReason, MessageKey> = {
  loading: 'doctorMeanComposerLoading',
  error: 'doctorMeanComposerError',
  opener: 'doctorMeanComposerOpener',
};

const STORY_VIEWS = new Set(['class-story', 'school-story', 'parent-story']);
const CHAT_VIEWS = new Set(['messaging', 'parent-messages']);

function audience(facts: PageFacts): Words {
  const { channel, known, participants } = facts.channel;
  if (channel === 'class-story') return { key: 'audienceShared' };
  if (channel === 'school-story') return { key: 'audienceSchool' };
  if (channel === 'points') return { key: 'audiencePoints' };
  if (channel === 'private-chat') return { key: 'audiencePrivate' };
  if (channel === 'class-chat' && known && participants) return { key: 'doctorAudienceChat', args: [String(participants)] };
  if (channel === 'class-chat') return { key: 'audienceChatUnknown' };
  return { key: 'audienceShared' };
}

/** The doctor's report for the page's facts. */
export function doctorReport(facts: PageFacts): DoctorReport {
  const { route } = facts;
  const parts: DoctorPart[] = [];
  const teach = route.app === 'teach';
  const story = STORY_VIEWS.has(route.view);
  const chat = CHAT_VIEWS.has(route.view) && route.conversation;
  const composerNeeded = expectsComposer(route);

  // No app root we know and nothing of ClassDojo's on the page at all: an error, sign-in or half-loaded page
  // more likely than a redesign; said so, so IT reloads before reporting a change.
  const nothing = facts.appRoot !== 'verified' && facts.composers.length === 0 && facts.sendControls === 0 && facts.posts.count === 0 && facts.postLike === 0 && facts.bubbles.count === 0 && facts.tiles === 0;
  parts.push({
    id: 'app-root',
    found: !nothing,
    how: nothing ? 'none' : facts.appRoot,
    needed: true,
    ...(nothing ? { meaning: { key: 'doctorMeanAppNotLoaded' } } : facts.appRoot === 'verified' ? {} : { meaning: { key: 'degradedAppRoot' } }),
  });

  // No box, and the page says why (still loading, an error page, a button that opens the box): not a part
  // missing, and no mismatch said (probe 21e D2).
  const why = facts.composers.length === 0 && composerNeeded ? facts.noComposer : undefined;
  if (facts.composers.length === 0) {
    parts.push({
      id: 'composer',
      found: false,
      how: 'none',
      needed: composerNeeded && !why,
      ...(composerNeeded ? { meaning: { key: why ? NO_COMPOSER_MEANING[why] : facts.enclosedEditors > 0 ? 'doctorMeanComposerEnclosed' : 'doctorMeanNoComposer' } } : {}),
    });
  }
  const storyComposer = teach && (route.view === 'class-story' || route.view === 'school-story' || route.view === 'student-story');
  facts.composers.forEach((c, i) => {
    const n = i + 1;
    parts.push({
      id: 'composer',
      composer: n,
      found: true,
      how: c.tier,
      needed: composerNeeded,
      detail: { key: c.where === 'dialog' ? 'doctorComposerDialog' : c.editor === 'textarea' ? 'doctorComposerTextarea' : c.editor === 'input' ? 'doctorComposerInput' : 'doctorComposerRich' },
    });
    parts.push({
      id: 'send-control',
      composer: n,
      found: c.send !== undefined,
      how: c.send ?? 'none',
      needed: true,
      ...(c.send ? {} : { meaning: { key: 'doctorMeanNoSend' } }),
    });
    // Tags and photos only for a box that can carry them (a story composer, a box beside a tag or photo
    // control): a welcome message has neither, and saying they are not checked there misleads (probe 21e D5).
    if (storyComposer && c.carriesExtras) {
      parts.push({
        id: 'tagged-pupils',
        composer: n,
        found: c.extrasKnown,
        how: c.extrasKnown ? 'guess' : 'none',
        needed: true,
        ...(c.extrasKnown ? { count: c.tagged } : { meaning: { key: 'doctorMeanNoTags' } }),
      });
      parts.push({
        id: 'attachments',
        composer: n,
        found: c.extrasKnown,
        how: c.extrasKnown ? 'guess' : 'none',
        needed: true,
        ...(c.extrasKnown ? { count: c.media } : { meaning: { key: 'doctorMeanNoPhotos' } }),
      });
    }
  });

  if (teach && facts.composers.length > 0) {
    const { channel, known, basis } = facts.channel;
    parts.push({
      id: 'channel',
      found: known,
      how: basis === 'address' ? 'address' : basis === 'assumed' ? 'assumed' : 'participants',
      needed: true,
      detail: { key: `channel_${channel.replace('-', '_')}` as MessageKey },
      ...(known ? {} : { meaning: { key: 'doctorMeanChannelAssumed' } }),
    });
    parts.push({ id: 'audience', found: known, how: known ? (basis === 'address' ? 'address' : 'participants') : 'assumed', needed: true, detail: audience(facts) });
  }

  if (chat) {
    const header = facts.threadHeader;
    parts.push({ id: 'thread-header', found: header !== undefined, how: header ?? 'none', needed: teach, ...(header || !teach ? {} : { meaning: { key: 'doctorMeanNoHeader' } }) });
    const b = facts.bubbles;
    parts.push({ id: 'message-bubbles', found: b.count > 0, how: b.tier ?? 'none', count: b.count, needed: teach, ...(b.count > 0 || !teach ? {} : { meaning: { key: 'doctorMeanNoBubbles' } }) });
    if (b.count > 0) {
      const told = b.parents + b.staff;
      parts.push({
        id: 'message-senders',
        found: told > 0,
        how: told > 0 ? 'guess' : 'none',
        count: told,
        needed: teach,
        detail: { key: 'doctorSenders', args: [String(b.parents), String(b.staff)] },
        ...(told > 0 || !teach ? {} : { meaning: { key: 'doctorMeanNoSenders' } }),
      });
    }
    // A class's chat: what held sends here are recorded under. The name is found by a guess at markup nobody
    // has published; without it, said plainly (the class's id until its Class Story is opened), never guessed.
    if (facts.chatClassName !== undefined) {
      const cls = facts.chatClassName;
      parts.push({ id: 'class-name', found: !!cls, how: cls?.tier ?? 'none', needed: false, ...(cls ? { detail: { key: 'doctorClassName', args: [cls.name] } } : { meaning: { key: 'doctorMeanNoClassNameChat' } }) });
    }
  }

  if (story) {
    const p = facts.posts;
    // No post found, but blocks that look like posts: the feed was renamed, not emptied (needed: the spot-check reads nothing).
    const renamed = p.count === 0 && facts.postLike > 0;
    // Counted apart from the calendar events, which the next row counts (probe 21e D9).
    const stories = p.count - facts.calendarPosts;
    parts.push({
      id: 'story-posts',
      found: stories > 0,
      how: stories > 0 ? (p.tier ?? 'none') : 'none',
      count: stories,
      needed: renamed,
      ...(renamed
        ? { meaning: { key: facts.postLike === 1 ? 'doctorMeanPostsRenamed_one' : 'doctorMeanPostsRenamed', args: [String(facts.postLike)] } }
        : p.count > p.readable
          ? { meaning: { key: p.count - p.readable === 1 ? 'doctorMeanUnreadablePosts_one' : 'doctorMeanUnreadablePosts', args: [String(p.count - p.readable)] } }
          : {}),
    });
    parts.push({ id: 'calendar-posts', found: facts.calendarPosts > 0, how: facts.calendarPosts > 0 ? 'verified' : 'none', count: facts.calendarPosts, needed: false });
    const cls = facts.className;
    parts.push({
      id: 'class-name',
      found: cls !== undefined,
      how: cls?.tier ?? 'none',
      // With posts on the page (found or renamed), a class name not found is a part missing, not an empty page.
      needed: !cls && (p.count > 0 || renamed),
      ...(cls ? { detail: { key: 'doctorClassName', args: [cls.name] } } : p.count > 0 || renamed ? { meaning: { key: 'doctorMeanNoClassName' } } : {}),
    });
  }

  if (teach && route.view === 'points') {
    parts.push({ id: 'pupil-tiles', found: facts.tiles > 0, how: facts.tiles > 0 ? 'verified' : 'none', count: facts.tiles, needed: false });
  }

  const mismatch: Mismatch | undefined =
    facts.composers.length > 0
      ? watchesSendControls(route) && facts.composers.some((c) => c.send === undefined)
        ? 'no-send'
        : undefined
      : composerNeeded ? (why ? undefined : 'no-composer') : facts.sendControls > 0 && watchesSendControls(route) ? 'send-without-composer' : undefined;
  return { app: route.app, view: route.view, parts, ...(mismatch ? { mismatch } : {}) };
}

/** The parts Policy Guard needs on this page that it cannot see. */
export function missingParts(report: DoctorReport): DoctorPart[] {
  return report.parts.filter((p) => p.needed && !p.found);
}
