// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/story"}
/**
 * The parts of the content script loaded only when asked for (core/on-request.tsx): asked of the background
 * once however many want them, never before; what is drawn with them; and what happens when they cannot be had.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadOnRequest, OnRequest, onRequestLoaded, registerOnRequest } from '../../../entrypoints/content/core/on-request';
import { pageDoctor } from '../../../entrypoints/content/features/page-doctor';
import { ON_REQUEST_PARTS } from '../../../entrypoints/on-request/parts';
import { bentley, settle, world } from './harness';

const KEY = Symbol.for('policy-guard.on-request');
const forget = () => delete (globalThis as unknown as Record<symbol, unknown>)[KEY];

/** The background as it answers `load-on-request`: it injects /on-request.js, which registers its parts. */
function background(inject: 'works' | 'fails' | 'refused') {
  const asked: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    asked.push(message);
    if (inject === 'fails') throw new Error('Could not establish connection');
    if (inject === 'refused') return { ok: false, error: 'bad-request' };
    await settle(5);
    registerOnRequest(ON_REQUEST_PARTS);
    return { ok: true, value: true };
  });
  return asked;
}

afterEach(() => {
  forget();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('loading the parts on request', () => {
  it('asks the background once, however many ask at once, and then not again', async () => {
    const asked = background('works');
    const { ctx } = world().f;
    expect(onRequestLoaded()).toBeUndefined();
    const [a, b] = await Promise.all([loadOnRequest(ctx), loadOnRequest(ctx)]);
    expect(asked).toEqual([{ type: 'load-on-request' }]);
    expect(a).toBe(ON_REQUEST_PARTS);
    expect(b).toBe(ON_REQUEST_PARTS);
    expect(await loadOnRequest(ctx)).toBe(ON_REQUEST_PARTS);
    expect(asked).toHaveLength(1);
  });

  it('gives nothing when the background refuses or is gone, and tries again next time', async () => {
    const { ctx } = world().f;
    let asked = background('refused');
    expect(await loadOnRequest(ctx)).toBeUndefined();
    expect(asked).toHaveLength(1);
    vi.restoreAllMocks();
    asked = background('fails');
    expect(await loadOnRequest(ctx)).toBeUndefined();
    vi.restoreAllMocks();
    asked = background('works');
    expect(await loadOnRequest(ctx)).toBe(ON_REQUEST_PARTS);
    expect(asked).toHaveLength(1);
  });

  it('adds the parts’ styles to the shadow root they draw in, once, with its custom properties renamed like the panel’s', async () => {
    // (Vitest reads no CSS: the parts' real stylesheet is empty here.)
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      registerOnRequest({ ...ON_REQUEST_PARTS, css: '.pg-spot { border: 1px solid var(--pg-border); }' });
      return { ok: true, value: true };
    });
    const { ctx } = world().f;
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'closed' });
    const container = document.createElement('div');
    root.append(container);
    const shown: HTMLElement[] = [];
    const draw = () => render(<OnRequest ctx={ctx} show={(_parts, into) => shown.push(into)} />, container);
    draw();
    expect(root.querySelectorAll('style')).toHaveLength(0); // nothing before the parts are here
    await vi.waitFor(() => expect(onRequestLoaded()).toBeDefined());
    draw();
    await vi.waitFor(() => expect(shown.length).toBeGreaterThan(0));
    draw();
    await vi.waitFor(() => expect(shown.length).toBeGreaterThan(1));
    const styles = [...root.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toContain('.pg-spot');
    expect(styles[0]!.textContent).not.toMatch(/--pg-(?:fg|border|muted)\b/);
    expect(styles[0]!.textContent).toMatch(/--pg-[0-9a-z]{12}-border/);
    render(null, container);
  });

  it('takes away what a part drew when the element goes', async () => {
    const clear = vi.fn(ON_REQUEST_PARTS.clear);
    registerOnRequest({ ...ON_REQUEST_PARTS, clear });
    const { ctx } = world().f;
    const el = document.createElement('div');
    document.body.append(el);
    render(<OnRequest ctx={ctx} show={(parts, into) => parts.showDoctorReport(into, parts.reportNow())} />, el);
    await vi.waitFor(() => expect(el.querySelector('.pg-doctor')).not.toBeNull());
    const into = el.querySelector('[data-policy-guard="on-request"]');
    render(null, el);
    // Preact 11 runs an unmounted component's clean-ups a moment later, not inside render(null).
    await vi.waitFor(() => expect(clear).toHaveBeenCalledTimes(1));
    expect(clear).toHaveBeenCalledWith(into);
  });
});

describe('the page doctor with its parts loaded on request', () => {
  const page = '<div id="reactApplication"><div data-name="storyComposer"><textarea></textarea><button data-name="storyComposerPostButton">Post</button></div></div>';

  it('shows nothing until the report is made, then the report, and answers the popup', async () => {
    const asked = background('works');
    document.body.innerHTML = page;
    const w = world();
    pageDoctor.init(w.f);
    const el = w.renderSlots();
    await settle();
    expect(asked).toEqual([]); // not on the first panel: only when asked
    (el.querySelector('[data-policy-guard="doctor-open"]') as HTMLElement).click();
    await settle();
    expect(el.querySelector('.pg-notice')).toBeNull(); // loading is not failing
    await vi.waitFor(() => expect(el.querySelector('.pg-doctor')).not.toBeNull());
    expect(asked).toEqual([{ type: 'load-on-request' }]);
    expect(el.querySelector('.pg-doctor-summary')?.textContent ?? el.querySelector('.pg-doctor')?.getAttribute('data-t')).toBeTruthy();
    // Under the report, drawn by the parts: "Copy a page outline for support", and what became of it.
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => undefined } });
    (el.querySelector('[data-policy-guard="outline-copy"]') as HTMLElement).click();
    await vi.waitFor(() => expect(el.querySelector('[data-policy-guard="outline-result"]')?.getAttribute('data-result')).toBe('copied'));
  });

  it('says the report could not be made when its parts cannot be loaded, and the popup gets `failed`', async () => {
    background('fails');
    document.body.innerHTML = page;
    const w = world();
    pageDoctor.init(w.f);
    const el = w.renderSlots();
    (el.querySelector('[data-policy-guard="doctor-open"]') as HTMLElement).click();
    await vi.waitFor(() => expect(el.querySelector('.pg-notice')).not.toBeNull());
    expect(el.querySelector('.pg-doctor')).toBeNull();
    // "Copy a page outline" comes with the parts (they make the outline): without them, no button that cannot work.
    expect(el.querySelector('[data-policy-guard="outline-copy"]')).toBeNull();
  });
});

describe('the routing card, drawn by the parts loaded on request', () => {
  it('shows where a parent\'s message belongs and puts the suggested reply in the box, only once the parts are here', async () => {
    document.body.innerHTML = '<div id="reactApplication"><div data-name="messageComposer"><textarea id="box"></textarea></div></div>';
    const route = { intent: 'absence', secondary: [], destination: 'office', language: 'eng', confidence: 0.9, cues: ['off sick'], reply: 'Please tell the office.', advice: 'Absences go to the office.' };
    const asked: { type: string }[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const m = message as { type: string };
      asked.push(m);
      if (m.type === 'route-incoming') return { ok: true, value: route };
      await settle(5);
      registerOnRequest(ON_REQUEST_PARTS);
      return { ok: true, value: true };
    });
    const { routingCard } = await import('../../../entrypoints/content/features/routing-card');
    const w = world();
    w.f.page.update({ route: { app: 'teach', view: 'messaging', classId: 'c1' }, incoming: 'Amelia is off sick today', composerCount: 1 } as never);
    w.f.policy.update({ active: bentley(), version: 1 });
    routingCard.init(w.f);
    const el = w.renderSlots();
    // Two round trips to the background (the route, then the parts): waited for, not timed, on a loaded machine.
    const card = await vi.waitFor(() => {
      const found = el.querySelector('[data-policy-guard="routing"]');
      if (!found) throw new Error('no card yet');
      return found;
    }, { timeout: 5_000, interval: 10 });
    expect(asked.map((m) => m.type)).toEqual(['route-incoming', 'load-on-request']);
    expect(card.getAttribute('data-destination')).toBe('office');
    expect(card.textContent).toContain('Absences go to the office.');
    expect(card.querySelector('[data-policy-guard="suggested-reply"]')?.textContent).toBe('Please tell the office.');
  });
});

describe('a safeguarding message first in the panel (the tester’s Sunday-evening disclosure, below the window)', () => {
  const route = (r: object) => ({ secondary: [], language: 'eng', confidence: 0.9, cues: [], reply: null, advice: 'Advice.', ...r });
  const DISCLOSURE = route({ intent: 'safeguarding', destination: 'dsl', level: 'disclosure', cues: ['hits him'], advice: 'Tell the DSL now.' });
  const ABSENCE = route({ intent: 'absence', destination: 'office', reply: 'Please tell the office.', advice: 'Absences go to the office.' });

  it('goes first for a disclosure, a possible concern, or whatever the policy sends to the DSL; every other route keeps its place', async () => {
    const { routeFirst } = await import('../../../entrypoints/content/features/routing-card');
    const first = (r: object) => routeFirst(route(r) as never);
    expect(first({ intent: 'safeguarding', destination: 'dsl', level: 'disclosure' })).toBe(true);
    expect(first({ intent: 'safeguarding', destination: 'dsl', level: 'concern' })).toBe(true);
    expect(first({ intent: 'complaint', destination: 'dsl' })).toBe(true);
    expect(first({ intent: 'absence', destination: 'office' })).toBe(false);
    expect(first({ intent: 'complaint', destination: 'head', conduct: 'abusive' })).toBe(false);
  });

  it('routed once, drawn once, in the slot above the findings; the folded badge says so; the next message, an absence, in its place', async () => {
    document.body.innerHTML = '<div id="reactApplication"><div data-name="messageComposer"><textarea id="box"></textarea></div></div>';
    let answer: object = DISCLOSURE;
    const asked: { type: string }[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const m = message as { type: string };
      asked.push(m);
      if (m.type === 'route-incoming') return { ok: true, value: answer };
      await settle(5);
      registerOnRequest(ON_REQUEST_PARTS);
      return { ok: true, value: true };
    });
    const { routingCard } = await import('../../../entrypoints/content/features/routing-card');
    const w = world();
    w.f.page.update({ route: { app: 'teach', view: 'messaging', classId: 'c1' }, incoming: 'Oliver says his uncle hits him', composerCount: 1 } as never);
    w.f.policy.update({ active: bentley(), version: 1 });
    routingCard.init(w.f);
    // The panel draws slots by order (App.tsx): the reply's own lines and findings (composer-check) are 10.
    expect(w.slots.map((s) => [s.feature, s.order])).toEqual([['routing-first', 1], ['routing-card', 30]]);
    const slotOf = async (el: HTMLElement) =>
      vi.waitFor(() => {
        const cards = el.querySelectorAll('[data-policy-guard="routing"]');
        if (cards.length !== 1) throw new Error(`${cards.length} cards`);
        return `${cards[0]!.closest('[data-slot]')!.getAttribute('data-slot')} ${cards[0]!.getAttribute('data-intent')}`;
      }, { timeout: 5_000, interval: 10 });
    let el = w.renderSlots();
    expect(await slotOf(el)).toBe('routing-first safeguarding');
    expect(w.attention['routing-card']).toBe('routingSafeguarding');
    // The panel hidden and shown again (its slots drawn anew): the card is back, the message not routed again.
    render(null, el);
    el = w.renderSlots();
    expect(await slotOf(el)).toBe('routing-first safeguarding');
    expect(asked.filter((m) => m.type === 'route-incoming')).toHaveLength(1);

    answer = ABSENCE;
    w.f.page.update({ incoming: 'Amelia is off sick today' });
    await vi.waitFor(() => expect(el.querySelector('[data-slot="routing-card"] [data-policy-guard="routing"]')?.getAttribute('data-intent')).toBe('absence'), { timeout: 5_000, interval: 10 });
    expect(await slotOf(el)).toBe('routing-card absence');
    expect(w.attention['routing-card']).toBeUndefined();
    expect(asked.filter((m) => m.type === 'route-incoming')).toHaveLength(2);
  });
});
