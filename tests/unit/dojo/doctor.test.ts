// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { doctorReport, expectsComposer, missingParts, type DoctorReport } from '../../../lib/dojo/doctor';
import { channelDecision, findComposers, findStoryPosts, isEventPost, sendControlNear, storyClassName, tierOf, uiRoots } from '../../../lib/dojo/page';
import { LOADING_LIMIT_MS, noComposerReason, openerName, probePage, type PageFacts } from '../../../lib/dojo/probe';
import { parseDojoLocation } from '../../../lib/dojo/routes';
import { SELECTORS, TIERS } from '../../../lib/dojo/selectors';

const at = (hash: string, host = 'teach') => parseDojoLocation(`https://${host}.classdojo.com/${hash}`);
const part = (r: DoctorReport, id: string, composer?: number) => r.parts.find((p) => p.id === id && p.composer === composer);

describe('selectors.ts', () => {
  it('gives every selector a tier (verified, guess or generic), in the same order', () => {
    for (const name of Object.keys(SELECTORS) as (keyof typeof SELECTORS)[]) expect(TIERS[name], name).toHaveLength(SELECTORS[name].length);
  });
});

describe('the adapter, after the facts verified since', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('searches body-level containers outside the app root, with or without a dialog role', () => {
    document.body.innerHTML = `<div id="reactApplication"><textarea id="a"></textarea></div>
      <div class="portal"><div><h2>Compose a welcome message</h2><textarea id="welcome"></textarea><button>Send</button></div></div>
      <div role="dialog" aria-modal="true"><textarea id="edit"></textarea></div>
      <script></script><policy-guard-ui></policy-guard-ui>`;
    expect(uiRoots(document).length).toBe(3);
    expect(findComposers(document).map((c) => c.id)).toEqual(['a', 'welcome', 'edit']);
    const send = sendControlNear(document.getElementById('welcome')!, document);
    expect(send && tierOf(send, 'sendButton')).toBeUndefined();
    expect(send?.textContent).toBe('Send');
  });

  it('reads the class name from the post header’s span without a title, and calendar posts outside storyPost', () => {
    document.body.innerHTML = `<div id="reactApplication">
      <div data-name="storyPost"><div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text">Class 3 Oak</span>
        <span class="nessie-text" title="20/11/2026, 15:02">Fri</span></div></div>
      <div><h2>Parents' evening</h2><span data-name="formattedDate">Thu 3 Dec</span><a data-name="eventSignupCTA" href="#">Sign up</a></div>
      <div data-name="storyPost"><a data-name="eventSignupCTA" href="#">inside a post: not a calendar post</a></div></div>`;
    expect(storyClassName(document)).toEqual({ name: 'Class 3 Oak', tier: 'verified' });
    expect(findStoryPosts(document).filter(isEventPost)).toHaveLength(1);
  });

  it('says how the channel was decided', () => {
    document.body.innerHTML = '<div id="reactApplication"><div data-name="messageThreadHeader">Class 3 Oak <small>29 participants</small></div></div>';
    expect(channelDecision(at('#/classes/c1/messaging/g1'), document)).toEqual({ channel: 'class-chat', known: true, basis: 'participant-text', participants: 29 });
    expect(channelDecision(at('#/classes/c1/story'), document)).toMatchObject({ basis: 'address' });
    document.body.innerHTML = '<div id="reactApplication"></div>';
    expect(channelDecision(at('#/classes/c1/messaging/g1'), document)).toMatchObject({ known: false, basis: 'assumed' });
  });
});

describe('probePage', () => {
  it('reads a standard Class Story composer and feed', () => {
    document.body.innerHTML = `<div id="reactApplication">
      <div data-name="storyComposer"><textarea></textarea><span data-name="taggedStudent">Harry Davies</span><button data-name="storyComposerPostButton">Post</button></div>
      <div data-name="storyPost"><div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text">Class 3 Oak</span></div>
        <div data-name="storyPostContents"><span data-name="richText">Line one<br>Line two</span></div></div></div>`;
    const facts = probePage(document, at('#/classes/c1/story'));
    expect(facts.appRoot).toBe('verified');
    expect(facts.composers).toEqual([{ tier: 'guess', where: 'app', editor: 'textarea', send: 'guess', extrasKnown: true, carriesExtras: true, tagged: 1, media: 0 }]);
    expect(facts.posts).toEqual({ count: 1, tier: 'verified', readable: 1 });
    expect(facts.className).toEqual({ name: 'Class 3 Oak', tier: 'verified' });
  });

  it('reads a redesign: no data-name, the root renamed, a Welsh button, a contenteditable box', () => {
    document.body.innerHTML = `<div id="app-shell"><div><div contenteditable="true" role="textbox"></div><div><button>Postio</button></div></div>
      <div role="article" aria-label="Story post"><span>no header we know</span></div></div>`;
    const facts = probePage(document, at('#/classes/c1/story'));
    expect(facts.appRoot).toBe('generic');
    expect(facts.composers).toEqual([{ tier: 'generic', where: 'app', editor: 'rich', send: 'generic', extrasKnown: false, carriesExtras: true, tagged: 0, media: 0 }]);
    expect(facts.posts).toEqual({ count: 1, tier: 'verified', readable: 0 });
    expect(facts.className).toBeUndefined();
  });
});

const FACTS: PageFacts = {
  route: { app: 'teach', view: 'class-story', conversation: false, post: false },
  appRoot: 'verified',
  composers: [{ tier: 'guess', where: 'app', editor: 'textarea', send: 'guess', extrasKnown: true, carriesExtras: true, tagged: 0, media: 0 }],
  sendControls: 1,
  channel: { channel: 'class-story', known: true, basis: 'address' },
  bubbles: { count: 0, parents: 0, staff: 0 },
  posts: { count: 9, tier: 'verified', readable: 9 },
  postLike: 0,
  enclosedEditors: 0,
  calendarPosts: 0,
  className: { name: 'Class 3 Oak', tier: 'verified' },
  tiles: 0,
};

describe('a renamed feed and an enclosed text box (a third support probe)', () => {
  it('probePage counts blocks that look like posts when no story post is found, and text boxes inside open shadow roots', () => {
    document.body.innerHTML = `<div id="reactApplication"><section data-name="storyFeedList"><div data-name="storyEntry"><h3>Mrs Jones</h3><p>We had a lovely trip to the museum today.</p></div><div data-name="storyEntry"><p>Spelling test on Friday, please practise.</p></div></section><div id="host"></div></div>`;
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<div contenteditable="true"></div>';
    const facts = probePage(document, at('#/classes/c1/story'));
    expect(facts.posts.count).toBe(0);
    expect(facts.postLike).toBe(2);
    expect(facts.enclosedEditors).toBe(1);
  });

  it('a renamed feed is a missing part, with the class name; an empty feed is not', () => {
    const renamed = doctorReport({ ...FACTS, posts: { count: 0, readable: 0 }, postLike: 3, className: undefined });
    expect(part(renamed, 'story-posts')).toMatchObject({ found: false, needed: true, meaning: { key: 'doctorMeanPostsRenamed', args: ['3'] } });
    expect(part(renamed, 'class-name')).toMatchObject({ found: false, needed: true });
    expect(missingParts(renamed).map((p) => p.id)).toEqual(['story-posts', 'class-name']);
    const empty = doctorReport({ ...FACTS, posts: { count: 0, readable: 0 }, postLike: 0, className: undefined });
    expect(missingParts(empty)).toEqual([]);
  });

  it('says one block, or one unreadable post, in the singular (probe 21 L4)', () => {
    const one = doctorReport({ ...FACTS, posts: { count: 0, readable: 0 }, postLike: 1 });
    expect(part(one, 'story-posts')).toMatchObject({ meaning: { key: 'doctorMeanPostsRenamed_one', args: ['1'] } });
    const unreadable = (n: number) => part(doctorReport({ ...FACTS, posts: { count: 5, readable: 5 - n } }), 'story-posts')?.meaning?.key;
    expect(unreadable(1)).toBe('doctorMeanUnreadablePosts_one');
    expect(unreadable(2)).toBe('doctorMeanUnreadablePosts');
    for (const loc of ['en', 'cy']) {
      const messages = JSON.parse(readFileSync(join('public/_locales', loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages.doctorMeanPostsRenamed_one?.message, loc).toMatch(/\$COUNT\$ (block|bloc) /);
      if (loc === 'en') expect(messages.doctorMeanPostsRenamed_one?.message).not.toMatch(/blocks|look like posts/);
    }
  });

  it('a message box with no Send/Post control found is a mismatch of its own', () => {
    const r = doctorReport({ ...FACTS, composers: [{ ...FACTS.composers[0]!, send: undefined }] });
    expect(r.mismatch).toBe('no-send');
    expect(doctorReport(FACTS).mismatch).toBeUndefined();
  });

  it('an icon-only Send button, named "Send message" or titled "Send", is the composer’s Send control (probe 21d D8)', () => {
    for (const button of ['<button aria-label="Send message"><svg></svg></button>', '<button title="Send"><svg></svg></button>', '<div role="button" aria-label="Anfon neges"></div>']) {
      document.body.innerHTML = `<div id="reactApplication"><div class="chat"><div contenteditable="true" role="textbox"></div>${button}</div></div>`;
      const r = doctorReport(probePage(document, at('#/classes/c1/messaging/g1')));
      expect(part(r, 'send-control', 1), button).toMatchObject({ found: true, how: 'generic' });
      expect(r.mismatch, button).toBeUndefined();
    }
    // A button that only mentions a message is not one.
    document.body.innerHTML = `<div id="reactApplication"><div class="chat"><div contenteditable="true" role="textbox"></div><button aria-label="Message settings"><svg></svg></button></div></div>`;
    expect(doctorReport(probePage(document, at('#/classes/c1/messaging/g1'))).mismatch).toBe('no-send');
  });

  it('an error or half-loaded page (no app root, nothing of ClassDojo’s) is not reported as a redesign', () => {
    const r = doctorReport({ ...FACTS, appRoot: 'generic', composers: [], sendControls: 0, posts: { count: 0, readable: 0 }, className: undefined });
    expect(part(r, 'app-root')).toMatchObject({ found: false, needed: true, meaning: { key: 'doctorMeanAppNotLoaded' } });
    // With the app root renamed but the page's parts there, it is a redesign, found by general detection.
    expect(part(doctorReport({ ...FACTS, appRoot: 'generic' }), 'app-root')).toMatchObject({ found: true, meaning: { key: 'degradedAppRoot' } });
  });

  it('no composer, but a text box inside a component: says so', () => {
    const r = doctorReport({ ...FACTS, composers: [], enclosedEditors: 1 });
    expect(part(r, 'composer')).toMatchObject({ found: false, needed: true, meaning: { key: 'doctorMeanComposerEnclosed' } });
  });
});

describe('doctorReport', () => {
  it('on a page that matches: every needed part found, nothing to say', () => {
    const r = doctorReport(FACTS);
    expect(r.mismatch).toBeUndefined();
    expect(missingParts(r)).toEqual([]);
    expect(r.parts.map((p) => p.id)).toEqual(['app-root', 'composer', 'send-control', 'tagged-pupils', 'attachments', 'channel', 'audience', 'story-posts', 'calendar-posts', 'class-name']);
    expect(part(r, 'class-name')).toMatchObject({ found: true, how: 'verified', detail: { key: 'doctorClassName', args: ['Class 3 Oak'] } });
    expect(part(r, 'audience')?.detail).toEqual({ key: 'audienceShared' });
  });

  it('says what a missing part means for the teacher', () => {
    const r = doctorReport({ ...FACTS, composers: [{ ...FACTS.composers[0]!, tier: 'generic', send: undefined, extrasKnown: false }], posts: { count: 9, tier: 'verified', readable: 2 }, className: undefined });
    expect(part(r, 'attachments', 1)).toMatchObject({ found: false, needed: true, meaning: { key: 'doctorMeanNoPhotos' } });
    expect(part(r, 'tagged-pupils', 1)?.meaning?.key).toBe('doctorMeanNoTags');
    expect(part(r, 'send-control', 1)?.meaning?.key).toBe('doctorMeanNoSend');
    expect(part(r, 'story-posts')?.meaning).toEqual({ key: 'doctorMeanUnreadablePosts', args: ['7'] });
    expect(part(r, 'class-name')?.meaning?.key).toBe('doctorMeanNoClassName');
    expect(missingParts(r).map((p) => p.id)).toEqual(['send-control', 'tagged-pupils', 'attachments', 'class-name']);
  });

  it('in a conversation: the header, bubbles and senders, and the channel assumed when it cannot be read', () => {
    const chat: PageFacts = {
      ...FACTS,
      route: { app: 'teach', view: 'messaging', conversation: true, post: false },
      channel: { channel: 'class-chat', known: false, basis: 'assumed' },
      threadHeader: undefined,
      bubbles: { count: 4, tier: 'generic', parents: 0, staff: 0 },
    };
    const r = doctorReport(chat);
    expect(part(r, 'channel')).toMatchObject({ found: false, how: 'assumed', meaning: { key: 'doctorMeanChannelAssumed' } });
    expect(part(r, 'audience')?.detail?.key).toBe('audienceChatUnknown');
    expect(part(r, 'thread-header')?.meaning?.key).toBe('doctorMeanNoHeader');
    expect(part(r, 'message-senders')).toMatchObject({ found: false, meaning: { key: 'doctorMeanNoSenders' } });
    const known = doctorReport({ ...chat, channel: { channel: 'class-chat', known: true, basis: 'participant-attribute', participants: 29 }, threadHeader: 'guess', bubbles: { count: 4, tier: 'guess', parents: 1, staff: 3 } });
    expect(part(known, 'audience')?.detail).toEqual({ key: 'doctorAudienceChat', args: ['29'] });
    expect(part(known, 'message-senders')?.detail).toEqual({ key: 'doctorSenders', args: ['1', '3'] });
  });

  it('says the page no longer matches: no composer where one is expected, or a send control without one', () => {
    expect(doctorReport({ ...FACTS, composers: [] }).mismatch).toBe('no-composer');
    expect(part(doctorReport({ ...FACTS, composers: [] }), 'composer')?.meaning?.key).toBe('doctorMeanNoComposer');
    const portfolio = { ...FACTS, route: { app: 'teach' as const, view: 'student-story' as const, conversation: false, post: false }, composers: [] };
    expect(doctorReport({ ...portfolio, sendControls: 1 }).mismatch).toBe('send-without-composer');
    expect(doctorReport({ ...portfolio, sendControls: 0 }).mismatch).toBeUndefined();
    // A parent's story feed may have share buttons of its own: not a changed page.
    expect(doctorReport({ ...portfolio, route: { app: 'home', view: 'parent-story', conversation: false, post: false }, sendControls: 3 }).mismatch).toBeUndefined();
    // A conversation list, a single post, the points page: no composer expected.
    expect(expectsComposer({ app: 'teach', view: 'messaging', conversation: false, post: false })).toBe(false);
    expect(expectsComposer({ app: 'teach', view: 'class-story', conversation: false, post: true })).toBe(false);
    expect(expectsComposer({ app: 'home', view: 'parent-messages', conversation: true, post: false })).toBe(true);
  });
});

describe('a class’s chat and its name (probe 20e D1: the class switcher is a guess)', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('reports the name the switcher shows, as a guess', () => {
    document.body.innerHTML = '<div id="reactApplication"><span data-name="classSwitcher">Class 3 Oak</span><textarea></textarea></div>';
    const r = doctorReport(probePage(document, at('#/classes/c1/messaging/g1')));
    expect(part(r, 'class-name')).toMatchObject({ found: true, how: 'guess', needed: false, detail: { key: 'doctorClassName', args: ['Class 3 Oak'] } });
  });

  it('says plainly that held sends go under the class’s id when no known mark shows the name, and guesses none from other text', () => {
    // The top bar shows the name, but not by any mark we know; the thread header says "Class 3 Oak families".
    document.body.innerHTML = '<div id="reactApplication"><span class="classname">Class 3 Oak</span><div data-name="messageThreadHeader">Class 3 Oak families</div><textarea></textarea></div>';
    const facts = probePage(document, at('#/classes/c1/messaging/g1'));
    expect(facts.chatClassName).toBeNull();
    const r = doctorReport(facts);
    expect(part(r, 'class-name')).toMatchObject({ found: false, how: 'none', needed: false, meaning: { key: 'doctorMeanNoClassNameChat' } });
    // Not needed for checking: not among the parts a teacher is told are missing.
    expect(missingParts(r).map((p) => p.id)).not.toContain('class-name');
  });

  it('has no such part on a chat that belongs to no class', () => {
    document.body.innerHTML = '<div id="reactApplication"><textarea></textarea></div>';
    expect(part(doctorReport(probePage(document, at('#/schools/messaging/s1'))), 'class-name')).toBeUndefined();
  });
});

describe('no message box, and the page says why (probe 21e D2)', () => {
  beforeEach(() => (document.body.innerHTML = ''));
  const post = (i: number) => `<div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostContents"><span data-name="richText">A post of some length number ${i}</span></div></div>`;
  const story = '#/classes/c1/story';

  it('a page still loading: an empty root, or a busy or progress indicator with nothing drawn yet', () => {
    document.body.innerHTML = `<div id="reactApplication"></div>`;
    expect(noComposerReason(document)).toBe('loading');
    document.body.innerHTML = `<div id="reactApplication"><nav><a href="#">Home</a><a href="#">Messages</a><a href="#">Settings</a></nav><main aria-busy="true"><div role="progressbar"></div><p>Loading your class…</p></main></div>`;
    expect(noComposerReason(document)).toBe('loading');
    // A spinner's drawing and no words; or a page's own "Loading…" among its links, with no ARIA.
    document.body.innerHTML = `<div id="reactApplication"><div class="spinner"><svg><circle></circle><circle></circle><circle></circle></svg></div></div>`;
    expect(noComposerReason(document)).toBe('loading');
    document.body.innerHTML = `<div id="reactApplication"><nav><a href="#">Home</a><a href="#">Messages</a><a href="#">Settings</a></nav><main><div><span>Loading your class…</span></div></main></div>`;
    expect(noComposerReason(document)).toBe('loading');
    document.body.innerHTML = `<div id="reactApplication"><nav><a href="#">Home</a><a href="#">Messages</a><a href="#">Settings</a></nav><main aria-busy="true"><div role="progressbar"></div><p>Loading your class…</p></main></div>`;
    const facts = probePage(document, at(story));
    expect(facts.noComposer).toBe('loading');
    const report = doctorReport(facts);
    expect(report.mismatch).toBeUndefined();
    expect(part(report, 'composer')).toMatchObject({ found: false, needed: false, meaning: { key: 'doctorMeanComposerLoading' } });
  });

  // Probe 21f N1: a text box the teacher can type in, which Policy Guard does not check, is the mismatch itself:
  // no loading line, error words in a post, or a "New message" button explains it away.
  it('a shown text box Policy Guard does not check is never explained away by loading, error or opener words', () => {
    const box = '<input type="text" placeholder="Type a message">';
    for (const [what, html] of [
      ['a "Loading more…" line', `<main><article><p>Great trip today.</p></article><p>Loading more…</p>${box}<button>Post</button></main>`],
      ['error words in a post', `<main><article><p>We will try again next week: something went wrong with the kiln.</p></article>${box}<button>Post</button></main>`],
      ['a "New message" button', `<aside><button>New message</button></aside><main>${box}<button>Send</button></main>`],
    ]) {
      document.body.innerHTML = `<div id="reactApplication"><nav><a href="#">Home</a><a href="#">Messages</a><a href="#">Settings</a></nav>${html}</div>`;
      expect(noComposerReason(document), what).toBeUndefined();
    }
    // A search box is not a message box: the opener still explains the page.
    document.body.innerHTML = `<div id="reactApplication"><nav><a href="#">Home</a><a href="#">Messages</a><a href="#">Settings</a></nav><main><input type="text" placeholder="Search students"><button>Share something with your class…</button></main></div>`;
    expect(noComposerReason(document)).toBe('opener');
  });

  it('an error page: no posts, and an alert or heading saying something went wrong', () => {
    document.body.innerHTML = `<div id="reactApplication"><main><div role="alert"><h1>Oops! Something went wrong</h1><p>Please reload.</p><button>Try again</button><button>Post</button></div></main></div>`;
    expect(noComposerReason(document)).toBe('error');
    for (const words of ['Sorry, this page isn’t available', 'We’re having trouble loading your class', 'Unable to connect to ClassDojo', '404', 'Aeth rhywbeth o’i le']) {
      document.body.innerHTML = `<div id="reactApplication"><nav><a href="#">Home</a></nav><main><h2>${words}</h2><p>Check your connection and reload the page.</p><button>Reload</button></main></div>`;
      expect(noComposerReason(document), words).toBe('error');
    }
    document.body.innerHTML = `<div id="reactApplication"><main><div role="alert"><h1>Oops! Something went wrong</h1><p>Please reload.</p><button>Try again</button><button>Post</button></div></main></div>`;
    const report = doctorReport(probePage(document, at(story)));
    expect(report.mismatch).toBeUndefined();
    expect(part(report, 'composer')?.meaning?.key).toBe('doctorMeanComposerError');
  });

  it('a control that opens the message box, in English or Welsh: the box is drawn when it is pressed', () => {
    for (const name of ['Share something with your class…', 'New post', 'Write a post', 'Compose', 'New message', 'Rhannu rhywbeth gyda’ch dosbarth', '+ Create a post', 'What’s on your mind?', 'Post something to Class Story', 'Start a new message']) {
      document.body.innerHTML = `<div id="reactApplication"><main><button type="button">${name}</button><section>${post(1)}${post(2)}</section></main></div>`;
      expect(noComposerReason(document), name).toBe('opener');
    }
    // By its accessible name too (an icon with a label).
    document.body.innerHTML = `<div id="reactApplication"><main><div role="button" tabindex="0" aria-label="Create post"><svg></svg></div><section>${post(1)}</section></main></div>`;
    expect(noComposerReason(document)).toBe('opener');
    expect(doctorReport(probePage(document, at(story))).mismatch).toBeUndefined();
  });

  it('still says it where nothing explains it: a redesigned feed, a hidden or disabled opener, an error word inside a post, a text box inside a component', () => {
    document.body.innerHTML = `<div id="reactApplication"><main><section>${post(1)}${post(2)}</section><button>Post</button></main></div>`;
    expect(noComposerReason(document)).toBeUndefined();
    expect(doctorReport(probePage(document, at(story))).mismatch).toBe('no-composer');
    document.body.innerHTML = `<div id="reactApplication"><main><button style="display:none">New post</button><button disabled>Write a post</button><section>${post(1)}</section></main></div>`;
    expect(noComposerReason(document)).toBeUndefined();
    document.body.innerHTML = `<div id="reactApplication"><main><section>${post(1)}<h2>Oops! Something went wrong with our bake sale</h2></section></main></div>`;
    expect(noComposerReason(document)).toBeUndefined();
    // Evidence wins: a text box inside a component Policy Guard does not read, beside an opener.
    document.body.innerHTML = `<div id="reactApplication"><main><button>New post</button><dojo-field></dojo-field><section>${post(1)}</section></main></div>`;
    document.querySelector('dojo-field')!.attachShadow({ mode: 'open' }).innerHTML = '<textarea></textarea>';
    expect(noComposerReason(document)).toBeUndefined();
    expect(doctorReport(probePage(document, at(story))).mismatch).toBe('no-composer');
    // "Share" alone is a Send/Post name, not an opener; nor is "Send message" or "Add photo".
    expect(openerName('Share')).toBe(false);
    for (const name of ['Send message', 'Add photo', 'Post']) {
      document.body.innerHTML = `<div id="reactApplication"><main><button>${name}</button><section>${post(1)}</section></main></div>`;
      expect(noComposerReason(document), name).toBeUndefined();
    }
  });
});

describe('openers known by their role and how they are labelled; skeleton screens; loading bounded (probe 21f N2)', () => {
  beforeEach(() => (document.body.innerHTML = ''));
  afterEach(() => vi.restoreAllMocks());
  const post = (i: number) => `<div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostContents"><span data-name="richText">A post of some length number ${i}</span></div></div>`;
  const nav = '<nav><a href="#">Class Story</a><a href="#">Messages</a><a href="#">Points and reports</a><a href="#">Settings</a></nav>';
  const page = (control: string) => `<div id="reactApplication"><main>${nav}<h1>Willow Class</h1><div>${control}</div><section>${post(1)}${post(2)}</section></main></div>`;

  it('a control whose name starts with a verb of making or sharing, a "+" that opens a dialog, or a question inviting a post', () => {
    for (const control of [
      '<button type="button">Share a photo or video</button>',
      '<button type="button" aria-label="Create">+</button>',
      '<button type="button">+ New</button>',
      '<a href="#" role="button">Upload a video for families</a>',
      '<div role="button" tabindex="0" aria-label="Make an announcement"><svg></svg></div>',
      '<button type="button" aria-haspopup="dialog">+</button>',
      '<button type="button">Anything to share with families today?</button>',
      '<button type="button">Neges newydd</button>',
      '<button type="button">Ychwanegu llun neu fideo</button>',
    ]) {
      document.body.innerHTML = page(control);
      expect(noComposerReason(document), control).toBe('opener');
      expect(doctorReport(probePage(document, at('#/classes/c1/story'))).mismatch, control).toBeUndefined();
    }
  });

  it('not an opener: Send/Post names, people and settings, a box’s own short tools, a post’s own buttons, a help question', () => {
    for (const control of [
      '<button>Share</button>',
      '<button>Post to Class Story</button>',
      '<button>Send a message</button>',
      '<button>Add student</button>',
      '<button>Create group</button>',
      '<button>New class</button>',
      '<button aria-label="Add photo">+</button>',
      '<button>Tag students</button>',
      '<button>Need help?</button>',
      '<button>+</button>',
      '<button>Settings</button>',
    ]) {
      document.body.innerHTML = page(control);
      expect(noComposerReason(document), control).toBeUndefined();
    }
    document.body.innerHTML = `<div id="reactApplication"><main>${nav}<section><div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostContents"><span data-name="richText">A post of some length</span></div><button>Add a comment</button></div></section></main></div>`;
    expect(noComposerReason(document)).toBeUndefined();
  });

  it('a skeleton screen (grey blocks, navigation and a heading, no busy mark) is loading; decoration under a feed is not', () => {
    // happy-dom draws nothing: the grey blocks are given their size as a browser would.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return (this.classList.contains('sk') ? { width: 600, height: 80 } : { width: 0, height: 0 }) as DOMRect;
    });
    const blocks = '<div class="sk"></div><div class="sk"></div><div class="sk"></div>';
    document.body.innerHTML = `<div id="reactApplication"><main>${nav}<header><h1>Willow Class</h1></header><section aria-label="Story feed">${blocks}</section></main></div>`;
    expect(noComposerReason(document)).toBe('loading');
    expect(doctorReport(probePage(document, at('#/classes/c1/story'))).mismatch).toBeUndefined();
    // Two blocks are a picture and a divider, not a skeleton.
    document.body.innerHTML = `<div id="reactApplication"><main>${nav}<header><h1>Willow Class</h1></header><section><div class="sk"></div><div class="sk"></div></section></main></div>`;
    expect(noComposerReason(document)).toBeUndefined();
    // Beside a feed drawn (posts found), empty blocks are decoration.
    document.body.innerHTML = `<div id="reactApplication"><main>${nav}<section>${post(1)}${blocks}</section></main></div>`;
    expect(noComposerReason(document)).toBeUndefined();
  });

  it('loading is believed for LOADING_LIMIT_MS after the doctor first asked, then the missing box is said', () => {
    document.body.innerHTML = `<div id="reactApplication"><main>${nav}<section>${post(1)}</section><p>Loading more…</p></main></div>`;
    document.querySelector('[data-name="storyPost"]')!.remove();
    expect(noComposerReason(document, 0)).toBe('loading');
    expect(noComposerReason(document, LOADING_LIMIT_MS - 1)).toBe('loading');
    expect(noComposerReason(document, LOADING_LIMIT_MS + 1)).toBeUndefined();
    expect(doctorReport(probePage(document, at('#/classes/c1/story'), LOADING_LIMIT_MS + 1)).mismatch).toBe('no-composer');
  });
});

describe('tags and photos only for a box that can carry them (probe 21e D5)', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('the story page’s own box and a box beside a tag or photo control carry them; a welcome-message dialog does not', () => {
    document.body.innerHTML = `<div id="reactApplication"><main><div><textarea id="story"></textarea><button>Post</button></div></main></div>
      <div class="portal"><div><h2>Compose a welcome message</h2><textarea id="welcome"></textarea><button>Send</button></div></div>
      <div role="dialog" aria-modal="true"><textarea id="dialog"></textarea><button aria-label="Add photo"><svg></svg></button><button>Post</button></div>`;
    const facts = probePage(document, at('#/classes/c1/story'));
    expect(facts.composers.map((c) => [c.where, c.carriesExtras])).toEqual([
      ['app', true],
      ['dialog', false],
      ['dialog', true],
    ]);
    const report = doctorReport(facts);
    expect(part(report, 'tagged-pupils', 1)).toMatchObject({ needed: true, found: false });
    expect(part(report, 'tagged-pupils', 2)).toBeUndefined();
    expect(part(report, 'attachments', 2)).toBeUndefined();
    expect(part(report, 'attachments', 3)).toMatchObject({ needed: true });
    // On a chat, the app's own box is no story composer.
    document.body.innerHTML = `<div id="reactApplication"><main><div><textarea id="chat"></textarea><button>Send</button></div></main></div>`;
    expect(probePage(document, at('#/classes/c1/messaging/g1')).composers[0]!.carriesExtras).toBe(false);
  });
});

describe('story posts and calendar events counted apart (probe 21e D9)', () => {
  it('a feed of 4 posts and 2 calendar events: story posts 4, calendar events 2', () => {
    const r = doctorReport({ ...FACTS, posts: { count: 6, tier: 'verified', readable: 6 }, calendarPosts: 2 });
    expect(part(r, 'story-posts')).toMatchObject({ found: true, count: 4 });
    expect(part(r, 'calendar-posts')).toMatchObject({ found: true, count: 2 });
    // Only events: no story post found, and not a renamed feed.
    const events = doctorReport({ ...FACTS, posts: { count: 2, tier: undefined, readable: 2 }, calendarPosts: 2 });
    expect(part(events, 'story-posts')).toMatchObject({ found: false, count: 0, needed: false });
  });

  it('on a page: the event cards are counted once, as calendar events', () => {
    document.body.innerHTML = `<div id="reactApplication"><main><section>
      <div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostContents"><span data-name="richText">One</span></div></div>
      <div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostContents"><span data-name="richText">Two</span></div></div>
      <div class="card"><div data-name="storyPostHeader"><h3>Ms Carter</h3></div><h2>Parents' evening</h2><span data-name="formattedDate">Tue 2 Dec</span><a data-name="eventSignupCTA" href="#">Sign up</a></div>
    </section></main></div>`;
    const r = doctorReport(probePage(document, at('#/classes/c1/story')));
    expect([part(r, 'story-posts')?.count, part(r, 'calendar-posts')?.count]).toEqual([2, 1]);
  });
});
