// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/story"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { registerOnRequest } from '../../../entrypoints/content/core/on-request';
import { PageDoctor, pageDoctor } from '../../../entrypoints/content/features/page-doctor';
import { ON_REQUEST_PARTS } from '../../../entrypoints/on-request/parts';
import { acceptPageRequest } from '../../../lib/ext/page-request';
import { respond } from '../../../lib/ext/handler';
import type { Sender } from '../../../lib/ext/messages';
import { parseDojoLocation } from '../../../lib/dojo/routes';
import { LOADING_LIMIT_MS } from '../../../lib/dojo/probe';
import { settle, world } from './harness';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

describe('the content script’s answers to the popup', () => {
  it('answers only this extension’s own pages, and only the page doctor’s questions', () => {
    const from = (url: string, id = 'me') => ({ id, url });
    expect(acceptPageRequest({ type: 'page-doctor' }, from(`${EXT}popup.html`), 'me', EXT)).toEqual({ type: 'page-doctor' });
    expect(acceptPageRequest({ type: 'page-outline', extra: 1 }, from(`${EXT}background.js`), 'me', EXT)).toEqual({ type: 'page-outline' });
    expect(acceptPageRequest({ type: 'page-doctor' }, from('https://teach.classdojo.com/#/'), 'me', EXT)).toBeUndefined();
    expect(acceptPageRequest({ type: 'page-doctor' }, from(`${EXT}popup.html`, 'other'), 'me', EXT)).toBeUndefined();
    expect(acceptPageRequest({ type: 'get-policy' }, from(`${EXT}popup.html`), 'me', EXT)).toBeUndefined();
    expect(acceptPageRequest(null, undefined, 'me', EXT)).toBeUndefined();
  });

  it('answers with the report and the outline of the page as it is', async () => {
    // As /on-request.js does once the background has injected it (core/on-request.tsx).
    registerOnRequest(ON_REQUEST_PARTS);
    document.body.innerHTML = '<div id="reactApplication"><div data-name="storyComposer"><textarea></textarea><button data-name="storyComposerPostButton">Post</button></div></div>';
    const doctor = new PageDoctor(world().f);
    const report = await doctor.answer({ type: 'page-doctor' });
    expect(report).toMatchObject({ ok: true, value: { view: 'class-story' } });
    const outline = await doctor.answer({ type: 'page-outline' });
    expect(outline).toMatchObject({ ok: true, value: { format: 'policy-guard-outline', route: '#/classes/{id}/story' } });
  });
});

describe('page-doctor: when the page no longer matches', () => {
  afterEach(() => vi.useRealTimers());

  it('says so once the page has settled without a message box, and not again after it is dismissed, even after a reload (probe 21e D10)', async () => {
    vi.useFakeTimers();
    // The background, as our content script's messages reach it (lib/ext/handler.ts), with the session's storage.
    const sender: Sender = { id: browser.runtime.id, url: location.href, origin: location.origin, tab: { id: 1, url: location.href } };
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: unknown) => respond(message, sender, browser.runtime.id)) as never);
    // A redesigned feed: posts and a Post button, no box, and nothing on the page that explains it.
    document.body.innerHTML = '<div id="reactApplication"><main><section><article><h3>Ms Carter</h3><p>A redesigned feed with a post in it</p></article></section><button>Post</button></main></div>';
    registerOnRequest(ON_REQUEST_PARTS);
    const w = world();
    pageDoctor.init(w.f);
    const el = w.renderSlots();
    w.f.page.set({ route: parseDojoLocation(location.href), composerCount: 0, appRootVerified: true });
    await vi.advanceTimersByTimeAsync(1_600);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')).toBeNull(); // one look is not enough
    await vi.advanceTimersByTimeAsync(1_600);
    const notice = el.querySelector('[data-policy-guard="page-mismatch"]');
    expect(notice?.getAttribute('data-mismatch')).toBe('no-composer');
    expect(el.querySelectorAll('[data-policy-guard="page-mismatch"]')).toHaveLength(1);
    (el.querySelector('[data-policy-guard="mismatch-dismiss"]') as HTMLElement).click();
    w.pageChanged();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')).toBeNull();
    // A reload: a new content script, the same session. Another class's Class Story is the same kind of page.
    history.replaceState(null, '', '#/classes/c2/story');
    const again = world();
    pageDoctor.init(again.f);
    const el2 = again.renderSlots();
    again.f.page.set({ route: parseDojoLocation(location.href), composerCount: 0, appRootVerified: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(el2.querySelector('[data-policy-guard="page-mismatch"]')).toBeNull();
    // A chat is another kind of page: there the notice is said.
    history.replaceState(null, '', '#/classes/c2/messaging/g1');
    const chat = world();
    pageDoctor.init(chat.f);
    const el3 = chat.renderSlots();
    chat.f.page.set({ route: parseDojoLocation(location.href), composerCount: 0, appRootVerified: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(el3.querySelector('[data-policy-guard="page-mismatch"]')?.getAttribute('data-mismatch')).toBe('no-composer');
    history.replaceState(null, '', '#/classes/c1/story');
    vi.restoreAllMocks();
  });

  it('a page that says it is loading and never changes: looked at again, and said after LOADING_LIMIT_MS (probe 21f N1, N2)', async () => {
    vi.useFakeTimers();
    registerOnRequest(ON_REQUEST_PARTS);
    history.replaceState(null, '', '#/classes/c7/story');
    document.body.innerHTML = '<div id="reactApplication"><nav><a href="#/a">Class Story</a><a href="#/b">Messages</a><a href="#/c">Settings</a></nav><main><h1>Willow Class</h1><section><article><p>A redesigned post nobody recognises</p></article><p>Loading more…</p></section><button>Post</button></main></div>';
    const w = world();
    pageDoctor.init(w.f);
    const el = w.renderSlots();
    w.f.page.set({ route: parseDojoLocation(location.href), composerCount: 0, appRootVerified: true });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')).toBeNull();
    expect(w.f.page.get().boxMissing).toBeFalsy();
    // No change on the page after this: only the content script's own looks can bring the notice.
    await vi.advanceTimersByTimeAsync(LOADING_LIMIT_MS);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')?.getAttribute('data-mismatch')).toBe('no-composer');
    // The panel's status line says what the notice says (probe 21 L3: tests/unit/content/panel-status.test.tsx).
    expect(w.f.page.get().boxMissing).toBe(true);
    // Another class's page, still with no box: the page state is read afresh (no boxMissing), and it is said again.
    history.replaceState(null, '', '#/classes/c8/story');
    w.f.page.set({ route: parseDojoLocation(location.href), composerCount: 0, appRootVerified: true });
    await vi.advanceTimersByTimeAsync(LOADING_LIMIT_MS + 10_000);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')?.getAttribute('data-mismatch')).toBe('no-composer');
    expect(w.f.page.get().boxMissing).toBe(true);
    history.replaceState(null, '', '#/classes/c1/story');
  });

  it('says nothing while the page is loading or opens its box from a button (probe 21e D2)', async () => {
    vi.useFakeTimers();
    registerOnRequest(ON_REQUEST_PARTS);
    for (const page of [
      '<div id="reactApplication" aria-busy="true"><div role="progressbar"></div></div>',
      '<div id="reactApplication"><main><button>Share something with your class…</button><section><article><p>A post of some length in the feed</p></article></section></main></div>',
    ]) {
      document.body.innerHTML = page;
      const w = world();
      pageDoctor.init(w.f);
      const el = w.renderSlots();
      w.f.page.set({ route: parseDojoLocation(location.href), composerCount: 0, appRootVerified: true });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(el.querySelector('[data-policy-guard="page-mismatch"]'), page).toBeNull();
    }
  });

  it('says nothing while a composer is there, or before the page has been looked at', async () => {
    vi.useFakeTimers();
    const w = world();
    pageDoctor.init(w.f);
    const el = w.renderSlots();
    w.pageChanged();
    await vi.advanceTimersByTimeAsync(4_000);
    w.f.page.set({ route: parseDojoLocation(location.href), composerCount: 1, appRootVerified: true });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')).toBeNull();
    vi.useRealTimers();
    await settle();
  });

  it('a message box without a Post/Send control: said from what the page state found, and the page is not searched while the teacher types', async () => {
    vi.useFakeTimers();
    // On the page, a box with no Post button; the page state (core/page-state.ts) is what the doctor believes.
    document.body.innerHTML = '<div id="reactApplication"><div><textarea></textarea><button><svg></svg></button></div></div>';
    const w = world();
    pageDoctor.init(w.f);
    const el = w.renderSlots();
    const visibility = vi.spyOn(HTMLElement.prototype, 'checkVisibility');
    const rects = vi.spyOn(HTMLElement.prototype, 'getClientRects');
    const route = parseDojoLocation(location.href);
    w.f.page.set({ route, composerCount: 1, sendless: 0, appRootVerified: true });
    // Typing: the page changes every frame; the page state (composers, Post buttons) does not.
    for (let i = 0; i < 50; i++) {
      w.pageChanged();
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(4_000);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')).toBeNull();
    expect(visibility).not.toHaveBeenCalled();
    expect(rects).not.toHaveBeenCalled();
    // The page state finds the box has lost its Post button: said after two looks.
    w.f.page.set({ route, composerCount: 1, sendless: 1, appRootVerified: true });
    await vi.advanceTimersByTimeAsync(3_200);
    expect(el.querySelector('[data-policy-guard="page-mismatch"]')?.getAttribute('data-mismatch')).toBe('no-send');
    expect(visibility).not.toHaveBeenCalled();
  });
});
