import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { respond } from '../../../lib/ext/handler';
import { acceptRequest, CLASS_ID, senderApp, senderKind, type Request, type Sender } from '../../../lib/ext/messages';
import { guardDb } from '../../../lib/ext/db';

const ID = 'our-extension-id';
const teach: Sender = { id: ID, url: 'https://teach.classdojo.com/#/classes/c1/story', origin: 'https://teach.classdojo.com', tab: { url: 'https://teach.classdojo.com/#/classes/c1/story' } };
const home: Sender = { id: ID, url: 'https://home.classdojo.com/#/messages/m1' };
const today = new Date().toISOString().slice(0, 10);
const scope = { classId: 'c1', view: 'class-story', date: today } as const;
const item = (i: number, findings = 0) => ({
  id: `post${i}`,
  postAt: '2026-11-20T14:10:00.000Z',
  author: 'Ms Carter',
  findings: Array.from({ length: findings }, (_, k) => ({ rule: 'full-name' as const, start: k, end: k + 3 })),
});

/** A request as today's content script sends it, one of each type. */
const fromTeach: Request[] = [
  { type: 'open-options' },
  { type: 'route-incoming', text: 'Is school open tomorrow?', at: new Date().toISOString() },
  { type: 'get-policy', classId: 'c1' },
  { type: 'get-policy', classId: undefined },
  { type: 'log-event', event: { kind: 'override', rule: 'full-name', channel: 'class-story', at: new Date().toISOString(), reason: 'Parent asked' } },
  { type: 'save-roster', classId: 'c1', pupils: [{ first: 'Amelia', last: 'Hughes', photoConsent: null, inCare: false }] },
  { type: 'log-event', event: { kind: 'override', rule: 'full-name', rules: ['full-name', 'sensitive-content'], classId: 'c1', channel: 'class-story', at: new Date().toISOString(), reason: 'Parent asked' } },
  { type: 'class-seen', classId: 'c1', name: 'Class 3 Oak', pupils: 28 },
  { type: 'class-seen', classId: 'c1', pupils: 28 },
  { type: 'spot-load', scope },
  { type: 'spot-scan', scope, items: [item(1, 2), { id: 'h1x2', postAt: undefined, author: undefined, findings: [] }] },
  { type: 'spot-outcome', scope, key: 'post1:full-name:0-3', outcome: 'follow-up', note: 'Spoke to Ms Carter' },
  { type: 'spot-outcome', scope, key: 'post1:full-name:0-3', outcome: undefined, note: undefined },
  { type: 'spot-snippets', scope, keep: true },
  { type: 'open-options', section: 'spot-history', scope },
];

describe('the message protocol', () => {
  it('accepts what today’s content script sends', () => {
    for (const msg of fromTeach) expect(acceptRequest(msg, teach, ID), msg.type).toBeDefined();
    expect(acceptRequest({ type: 'parent-hint', text: 'Hello', at: new Date().toISOString() }, home, ID)).toBeDefined();
    expect(acceptRequest({ type: 'get-policy' }, home, ID)).toBeDefined();
  });

  it('keeps only the fields a request has (a stray `text` is not passed on)', () => {
    const msg = acceptRequest({ ...fromTeach[4], text: 'Amelia Hughes', event: { ...(fromTeach[4] as { event: object }).event, text: 'Amelia Hughes' } }, teach, ID);
    expect(JSON.stringify(msg)).not.toContain('Amelia');
  });

  it('refuses malformed and oversized requests', () => {
    const bad: unknown[] = [
      null,
      42,
      'spot-load',
      [],
      {},
      { type: 'no-such-type' },
      { type: 'route-incoming', text: 'x'.repeat(100_001), at: new Date().toISOString() },
      { type: 'route-incoming', text: 'hi', at: 'yesterday' },
      { type: 'route-incoming', text: 42, at: new Date().toISOString() },
      { type: 'log-event', event: { kind: 'override', rule: 'made-up', channel: 'class-story', at: new Date().toISOString() } },
      { type: 'log-event', event: { kind: 'override', rule: 'full-name', channel: 'class-story', at: new Date().toISOString(), reason: 'x'.repeat(2001) } },
      { type: 'class-seen', classId: 'c1', name: 'x'.repeat(501) },
      { type: 'class-seen', classId: '../c1', name: 'Class 3 Oak' },
      { type: 'class-seen', classId: 'c1', pupils: -1 },
      { type: 'class-seen', classId: 'c1', pupils: 2.5 },
      { type: 'log-event', event: { kind: 'override', rule: 'full-name', rules: ['made-up'], channel: 'class-story', at: new Date().toISOString() } },
      { type: 'save-roster', classId: 'c1', pupils: Array.from({ length: 2001 }, () => ({ first: 'A', last: 'B', photoConsent: false, inCare: false })) },
      { type: 'save-roster', classId: 'c1', pupils: [{ first: 'x'.repeat(101), last: '', photoConsent: false, inCare: false }] },
      // The page cannot grant photo consent.
      { type: 'save-roster', classId: 'c1', pupils: [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }] },
      // Nor refuse it: consent from the page is "not recorded" (null), never a guess either way.
      { type: 'save-roster', classId: 'c1', pupils: [{ first: 'Amelia', last: 'Hughes', photoConsent: false, inCare: false }] },
      { type: 'spot-load', scope: { ...scope, view: 'points' } },
      { type: 'spot-load', scope: { ...scope, date: 'today' } },
      { type: 'spot-load', scope: { ...scope, date: '2026-02-30' } },
      { type: 'spot-load', scope: { ...scope, date: '1999-01-01' } }, // an invented day: only today's record is written
      { type: 'spot-scan', scope, items: 'nope' },
      { type: 'spot-scan', scope, items: [{ ...item(1), id: 'x'.repeat(129) }] },
      { type: 'spot-scan', scope, items: [{ ...item(1), id: 'a\u202eb' }] },
      { type: 'spot-scan', scope, items: [{ ...item(1), author: 'x'.repeat(501) }] },
      { type: 'spot-scan', scope, items: [item(1, 51)] },
      { type: 'spot-scan', scope, items: Array.from({ length: 40 }, (_, i) => item(i, 26)) }, // 1,040 findings
      { type: 'spot-scan', scope, items: [{ ...item(1), findings: [{ rule: 'full-name', start: -1, end: 3 }] }] },
      { type: 'spot-scan', scope, items: [{ ...item(1), findings: [{ rule: 'full-name', start: 0, end: Infinity }] }] },
      { type: 'spot-scan', scope, items: [{ ...item(1), findings: [{ rule: 'full-name', start: Number.NaN, end: 3 }] }] },
      { type: 'spot-scan', scope, items: [{ ...item(1), findings: [{ rule: 'full-name', start: 0.5, end: 3 }] }] },
      { type: 'spot-scan', scope, items: [{ ...item(1), findings: [{ rule: 'full-name', start: 0, end: 3, snippet: 'x'.repeat(201) }] }] },
      { type: 'spot-outcome', scope, key: 'k', outcome: 'maybe' },
      { type: 'spot-outcome', scope, key: 'k'.repeat(201), outcome: 'resolved' },
      { type: 'spot-outcome', scope, key: 'k', outcome: 'resolved', note: 'x'.repeat(1001) },
      { type: 'spot-snippets', scope, keep: 'yes' },
      { type: 'spot-export', scope, format: 'csv' }, // gone: files are made on the options page (probe 14d #2)
      { type: 'open-options', section: 'spot-history', scope: { ...scope, classId: 'c1/../x' } },
      { type: 'open-options', section: 'downloads' },
    ];
    for (const msg of bad) expect(acceptRequest(msg, teach, ID), JSON.stringify(msg)?.slice(0, 120)).toBeUndefined();
  });

  it('refuses 4,000 posts in one scan', () => {
    const items = Array.from({ length: 4000 }, (_, i) => item(i));
    expect(acceptRequest({ type: 'spot-scan', scope, items }, teach, ID)).toBeUndefined();
    expect(acceptRequest({ type: 'spot-scan', scope, items: items.slice(0, 1000) }, teach, ID)).toBeDefined();
  });

  it('takes ClassDojo’s ids, the school scopes and the fixtures’ ids, and refuses ids invented in the address', () => {
    for (const ok of ['c1', 'c2', 'school', 'school-s1', '5f2b3c4d5e6f708192a3b4c5', 'school-5f2b3c4d5e6f708192a3b4c5']) {
      expect(CLASS_ID.test(ok), ok).toBe(true);
      expect(acceptRequest({ type: 'spot-scan', scope: { ...scope, classId: ok }, items: [item(1)] }, teach, ID), ok).toBeDefined();
    }
    for (const bad of ['', '../../etc/passwd', 'c1/story', 'c1 ', 'c1?x=1', '%E0%A4%A', 'クラス', 'a'.repeat(41), 'c1\u0000', 'c1.evil']) {
      expect(acceptRequest({ type: 'spot-scan', scope: { ...scope, classId: bad }, items: [item(1)] }, teach, ID), bad).toBeUndefined();
      expect(acceptRequest({ type: 'save-roster', classId: bad, pupils: [] }, teach, ID), bad).toBeUndefined();
    }
    // A strange address never disarms the checker: the policy comes back, without a roster.
    expect(acceptRequest({ type: 'get-policy', classId: '../../etc/passwd' }, teach, ID)).toEqual({ type: 'get-policy', classId: undefined });
  });

  it('takes the gate reason frame’s word only from that frame, inside a teachers’ tab, well formed', () => {
    const nonce = '3b241101-e2bb-4255-8caf-4136c566a962';
    const word = { type: 'gate-reason', nonce, action: 'send', reason: 'Her mum asked' };
    const frame: Sender = { id: ID, url: `chrome-extension://${ID}/gate-reason.html#${nonce}`, frameId: 7, tab: { id: 3, url: 'https://teach.classdojo.com/#/classes/c1/messaging/g1' } };
    expect(senderKind(frame, ID)).toBe('gate-frame');
    // Chromium's per-session address for the page (use_dynamic_url) has another host: the path decides.
    expect(acceptRequest(word, { ...frame, url: `chrome-extension://5a8c1f3e-session/gate-reason.html#${nonce}` }, ID)).toEqual(word);
    const strangers: Sender[] = [
      { ...frame, id: 'another-extension' },
      { ...frame, frameId: 0 }, // a top-level tab of the page is not the gate's frame
      { ...frame, url: `chrome-extension://${ID}/options.html` },
      { ...frame, url: `https://teach.classdojo.com/gate-reason.html#${nonce}` },
      { ...frame, tab: { id: 3, url: 'https://home.classdojo.com/' } }, // parents have no gate
      { ...frame, tab: { url: 'https://teach.classdojo.com/' } }, // no tab to pass the word to
      teach, // our content script does not speak for the frame
    ];
    for (const sender of strangers) expect(acceptRequest(word, sender, ID), JSON.stringify(sender)).toBeUndefined();
    for (const bad of [{ ...word, nonce: 'guess' }, { ...word, action: 'press' }, { ...word, reason: 'x'.repeat(2_001) }, { ...word, height: -1 }, { ...word, height: 1e9 }]) {
      expect(acceptRequest(bad, frame, ID), JSON.stringify(bad).slice(0, 80)).toBeUndefined();
    }
    // The spot-check's note frame: its own path, its own two requests, nothing else.
    const noteFrame: Sender = { ...frame, url: `chrome-extension://${ID}/spot-note.html#x` };
    expect(senderKind(noteFrame, ID)).toBe('note-frame');
    const save = { type: 'spot-note-save', scope, key: 'post1:full-name:0-3', note: 'Spoke to Ms Carter' };
    expect(acceptRequest(save, noteFrame, ID)).toEqual(save);
    expect(acceptRequest({ type: 'spot-note-load', scope, key: 'post1:full-name:0-3' }, noteFrame, ID)).toBeDefined();
    for (const sender of [frame, teach, { ...noteFrame, frameId: 0 }, { ...noteFrame, tab: { id: 3, url: 'https://home.classdojo.com/' } }]) {
      expect(acceptRequest(save, sender, ID), JSON.stringify(sender)).toBeUndefined();
    }
    expect(acceptRequest({ ...save, note: 'x'.repeat(1_001) }, noteFrame, ID)).toBeUndefined();
    expect(acceptRequest(word, noteFrame, ID)).toBeUndefined();
    // And the frame may send nothing else.
    expect(acceptRequest({ type: 'log-event', event: { kind: 'override', rule: 'full-name', channel: 'class-chat', at: new Date().toISOString() } }, frame, ID)).toBeUndefined();
  });

  it('answers only our own content script, in the ClassDojo app each request belongs to', () => {
    const scan = { type: 'spot-scan', scope, items: [item(1)] };
    expect(senderApp(teach, ID)).toBe('teach');
    expect(senderApp(home, ID)).toBe('home');
    const strangers: (Sender | undefined)[] = [
      undefined,
      { ...teach, id: 'another-extension' },
      { ...teach, id: undefined },
      { id: ID, url: 'https://evil.example/#/classes/c1/story' },
      { id: ID, url: 'http://teach.classdojo.com/' },
      { id: ID, url: 'https://teach.classdojo.com.evil.example/' },
      { id: ID, url: 'https://evil.example/?https://teach.classdojo.com' },
      { id: ID, url: 'https://sphotos.classdojo.com/x.jpg' },
      { id: ID, url: 'chrome-extension://our-extension-id/options.html' },
      { id: ID, url: 'not a url' },
      { id: ID },
      { id: ID, url: 'https://teach.classdojo.com/', origin: 'https://evil.example' },
    ];
    for (const sender of strangers) expect(acceptRequest(scan, sender, ID), JSON.stringify(sender)).toBeUndefined();
    expect(acceptRequest(scan, teach, '')).toBeUndefined();
    // The spot-check, rosters and routing are the teachers' app's; the parent's hint is the parents'.
    expect(acceptRequest(scan, home, ID)).toBeUndefined();
    expect(acceptRequest({ type: 'save-roster', classId: 'c1', pupils: [] }, home, ID)).toBeUndefined();
    expect(acceptRequest({ type: 'route-incoming', text: 'hi', at: new Date().toISOString() }, home, ID)).toBeUndefined();
    expect(acceptRequest({ type: 'parent-hint', text: 'hi', at: new Date().toISOString() }, teach, ID)).toBeUndefined();
  });
});

describe('the background’s answer', () => {
  it('is `bad-request` for a refused message, and never a throw', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    for (const [msg, sender] of [
      [hostile, teach],
      [{ type: 'spot-scan', scope, items: Array.from({ length: 4000 }, (_, i) => item(i)) }, teach],
      [{ type: 'spot-load', scope }, { id: ID, url: 'https://evil.example/' }],
      [{ type: 'spot-load', scope: { ...scope, classId: 'invented/../class' } }, teach],
      [undefined, undefined],
    ] as const) {
      await expect(respond(msg, sender as Sender, ID)).resolves.toEqual({ ok: false, error: 'bad-request' });
    }
    expect(await guardDb().spotChecks.count()).toBe(0);
  });

  it('stores a good scan, with authors marked as read from the page', async () => {
    const answer = (await respond({ type: 'spot-scan', scope, items: [item(1, 1)] }, teach, ID)) as { ok: true; value: { findings: { author?: string; authorFromPage?: boolean }[] }; trimmed?: unknown };
    expect(answer.ok).toBe(true);
    expect(answer.trimmed).toBeUndefined();
    expect(answer.value.findings[0]).toMatchObject({ author: 'Ms Carter', authorFromPage: true });
    await guardDb().delete();
  });
});

describe('the popup’s requests (the extension’s own pages only)', () => {
  const ORIGIN = `chrome-extension://${ID}`;
  const popup: Sender = { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN };

  it('accepts popup-state and popup-spot from our popup, and from nowhere else', () => {
    expect(senderKind(popup, ID, ORIGIN)).toBe('popup');
    // The options page is ours too, but another kind: it may not ask for the popup's state.
    expect(senderKind({ ...popup, url: `${ORIGIN}/options.html` }, ID, ORIGIN)).toBe('options');
    expect(acceptRequest({ type: 'popup-state' }, { ...popup, url: `${ORIGIN}/options.html` }, ID, ORIGIN)).toBeUndefined();
    // Framed in a page (as the gate's reason frame is): never the popup.
    expect(senderKind({ ...popup, frameId: 3, tab: { id: 1, url: 'https://teach.classdojo.com/' } }, ID, ORIGIN)).toBeUndefined();
    expect(acceptRequest({ type: 'popup-state' }, popup, ID, ORIGIN)).toEqual({ type: 'popup-state' });
    expect(acceptRequest({ type: 'popup-spot', on: true }, popup, ID, ORIGIN)).toEqual({ type: 'popup-spot', on: true });
    expect(acceptRequest({ type: 'popup-spot', on: 'yes' }, popup, ID, ORIGIN)).toBeUndefined();
    // A ClassDojo page's content script, another extension, a page claiming our origin, or no origin known.
    expect(acceptRequest({ type: 'popup-state' }, teach, ID, ORIGIN)).toBeUndefined();
    expect(acceptRequest({ type: 'popup-state' }, { ...popup, id: 'another-extension' }, ID, ORIGIN)).toBeUndefined();
    expect(acceptRequest({ type: 'popup-state' }, { ...popup, origin: 'https://evil.example' }, ID, ORIGIN)).toBeUndefined();
    expect(acceptRequest({ type: 'popup-state' }, { id: ID, url: `${ORIGIN}.evil.example/popup.html` }, ID, ORIGIN)).toBeUndefined();
    expect(acceptRequest({ type: 'popup-state' }, popup, ID)).toBeUndefined();
    expect(acceptRequest({ type: 'popup-state' }, popup, ID, 'https://evil.example')).toBeUndefined();
    // Our own pages may not send the content script's requests.
    expect(acceptRequest({ type: 'get-policy', classId: 'c1' }, popup, ID, ORIGIN)).toBeUndefined();
  });

  it('counts today’s held sends in the school’s time zone, as the week counts them', async () => {
    const { countToday } = await import('../../../lib/ext/handler');
    const { heldRows, weeklySummary } = await import('../../../lib/events/held');
    const now = new Date('2026-11-24T23:30:00Z'); // 24 November in London, 25th in Sydney
    const events = [
      { kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2026-11-24T09:00:00Z' }, // the panel's one-click fix: not a held send
      { kind: 'fix', rule: 'full-name', rules: ['full-name'], channel: 'class-story', at: '2026-11-24T09:05:00Z' }, // "Apply all fixes" at Send
      { kind: 'cancelled', rule: 'full-name', rules: ['full-name'], channel: 'class-chat', at: '2026-11-24T10:00:00Z' }, // "Go back and edit"
      { kind: 'override', rule: 'full-name', rules: ['full-name'], channel: 'class-chat', at: '2026-11-24T22:00:00Z', reason: 'ok' },
      { kind: 'override', rule: 'full-name', rules: ['full-name'], channel: 'class-chat', at: '2026-11-23T23:59:00Z', reason: 'ok' },
    ];
    expect(countToday(events, 'Europe/London', now)).toEqual({ held: 3, byOutcome: { fixed: 1, edited: 1, 'sent-anyway': 1, 'not-sent': 0 }, partlyFixed: 0 });
    expect(countToday(events, 'Australia/Sydney', now)).toEqual({ held: 1, byOutcome: { fixed: 0, edited: 0, 'sent-anyway': 1, 'not-sent': 0 }, partlyFixed: 0 });
    // The week holds today's: its counts are never fewer, by the same definition.
    const week = weeklySummary(heldRows(events), now);
    expect(week).toEqual({ held: 4, byOutcome: { fixed: 1, edited: 1, 'sent-anyway': 2, 'not-sent': 0 }, partlyFixed: 0 });
    // A send held with its dialog still up on a page is held today, in no outcome yet; one held yesterday, or
    // with a time that cannot be read, is not today's (but the first is the week's).
    const openAt = ['2026-11-24T23:00:00Z', '2026-11-23T12:00:00Z', 'not a time'];
    expect(countToday(events, 'Europe/London', now, openAt)).toEqual({ held: 4, byOutcome: { fixed: 1, edited: 1, 'sent-anyway': 1, 'not-sent': 0 }, partlyFixed: 0, open: 1 });
    expect(weeklySummary(heldRows(events), now, openAt)).toEqual({ held: 6, byOutcome: { fixed: 1, edited: 1, 'sent-anyway': 2, 'not-sent': 0 }, partlyFixed: 0, open: 2 });
  });

  it('answers popup-state with the policy state, the counts and the spot-check switch', async () => {
    const answer = (await respond({ type: 'popup-state' }, popup, ID, ORIGIN)) as { ok: boolean; value: { state: { policy: unknown }; today: unknown; spot: boolean } };
    expect(answer.ok).toBe(true);
    expect(answer.value.state.policy).toBeNull(); // nothing chosen in a fresh browser
    expect(answer.value.today).toBeNull();
    expect(answer.value.spot).toBe(false);
    expect(await respond({ type: 'popup-spot', on: true }, popup, ID, ORIGIN)).toEqual({ ok: true, value: true });
    expect(((await respond({ type: 'popup-state' }, popup, ID, ORIGIN)) as { value: { spot: boolean } }).value.spot).toBe(true);
    await respond({ type: 'popup-spot', on: false }, popup, ID, ORIGIN);
  });
});

describe('the page doctor’s dismissed notices (probe 21e D10)', () => {
  it('remembers a dismissal for the session by kind and route pattern, from our content script only', async () => {
    const key = 'no-composer teach.classdojo.com#/classes/{id}/story';
    expect(await respond({ type: 'doctor-dismissed', key }, teach, ID)).toEqual({ ok: true, value: false });
    expect(await respond({ type: 'doctor-dismissed', key, dismiss: true }, teach, ID)).toEqual({ ok: true, value: true });
    expect(await respond({ type: 'doctor-dismissed', key }, teach, ID)).toEqual({ ok: true, value: true });
    // Another kind, or another kind of page, is not dismissed by it.
    expect(await respond({ type: 'doctor-dismissed', key: 'no-send teach.classdojo.com#/classes/{id}/story' }, teach, ID)).toEqual({ ok: true, value: false });
    expect(await respond({ type: 'doctor-dismissed', key: 'no-composer teach.classdojo.com#/classes/{id}/messaging/{id}' }, teach, ID)).toEqual({ ok: true, value: false });
    expect(await fakeBrowser.storage.session.get('doctorDismissed')).toEqual({ doctorDismissed: [key] });
    // A key with page text or markup in it, or a sender that is not our content script: refused.
    for (const [msg, sender] of [
      [{ type: 'doctor-dismissed', key: 'no-composer Amelia Hughes' }, teach],
      [{ type: 'doctor-dismissed', key: 'no-composer teach.classdojo.com#/<b>' }, teach],
      [{ type: 'doctor-dismissed', key }, { id: 'another-extension', url: teach.url }],
    ] as const) {
      expect(await respond(msg, sender as Sender, ID)).toEqual({ ok: false, error: 'bad-request' });
    }
    // At most 50 kept, the newest.
    for (let i = 0; i < 60; i++) await respond({ type: 'doctor-dismissed', key: `no-send teach.classdojo.com#/x${i}`, dismiss: true }, teach, ID);
    const kept = ((await fakeBrowser.storage.session.get('doctorDismissed')) as { doctorDismissed: string[] }).doctorDismissed;
    expect(kept).toHaveLength(50);
    expect(kept.at(-1)).toBe('no-send teach.classdojo.com#/x59');
  });
});

describe('the parts loaded on request (entrypoints/on-request)', () => {
  it('injects our own file into the asking content script’s tab and frame, in its isolated world', async () => {
    const injected: unknown[] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (details: unknown) => {
      injected.push(details);
      return [];
    }) as never);
    const inTab: Sender = { ...teach, tab: { id: 42, url: teach.url }, frameId: 0 };
    expect(await respond({ type: 'load-on-request' }, inTab, ID)).toEqual({ ok: true, value: true });
    expect(await respond({ type: 'load-on-request', files: ['/evil.js'], world: 'MAIN' }, { ...home, tab: { id: 7 }, frameId: 3 }, ID)).toEqual({ ok: true, value: true });
    // Chromium names the sending document: that document, not whatever its frame shows by now.
    expect(await respond({ type: 'load-on-request' }, { ...inTab, documentId: 'D0C1' }, ID)).toEqual({ ok: true, value: true });
    // Only the file and the target are ours to say: nothing the message carries reaches the call.
    expect(injected).toEqual([
      { target: { tabId: 42, frameIds: [0] }, files: ['/on-request.js'] },
      { target: { tabId: 7, frameIds: [3] }, files: ['/on-request.js'] },
      { target: { tabId: 42, documentIds: ['D0C1'] }, files: ['/on-request.js'] },
    ]);
    vi.restoreAllMocks();
  });

  it('is refused to anyone but our content script in a ClassDojo tab', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    for (const sender of [
      { ...teach, tab: undefined },
      { id: ID, url: 'https://evil.example/', tab: { id: 1 } },
      { id: 'another-extension', url: teach.url, tab: { id: 1 } },
      { id: ID, url: `chrome-extension://${ID}/popup.html`, tab: { id: 1 } },
    ] as Sender[]) {
      expect(await respond({ type: 'load-on-request' }, sender, ID, `chrome-extension://${ID}`)).toEqual({ ok: false, error: 'bad-request' });
    }
    expect(executeScript).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('answers `failed` when the injection fails (the tab went away), never a throw', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('No tab with id: 42'));
    expect(await respond({ type: 'load-on-request' }, { ...teach, tab: { id: 42 } }, ID)).toEqual({ ok: false, error: 'failed' });
    vi.restoreAllMocks();
  });
});
