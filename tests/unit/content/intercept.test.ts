// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { installInterceptor, type SendAttempt } from '../../../entrypoints/content/core/intercept';
import { asTrusted } from './trusted';

/** A box whose page sends on keyup (and records every key event the page sees). */
function page() {
  document.body.innerHTML = '<textarea id="box"></textarea><button id="other">Other</button>';
  const box = document.getElementById('box')!;
  const seen: string[] = [];
  for (const type of ['keydown', 'keypress', 'keyup']) window.addEventListener(type, (e) => (e as KeyboardEvent).key === 'Enter' && seen.push(`${type}${(e as KeyboardEvent).shiftKey ? '+shift' : ''}`));
  return { box, other: document.getElementById('other')!, seen };
}
const key = (target: Element, type: string, init: KeyboardEventInit = {}) => target.dispatchEvent(asTrusted(new KeyboardEvent(type, { key: 'Enter', bubbles: true, cancelable: true, ...init })));

describe('the send interceptor', () => {
  const interceptor = installInterceptor();
  beforeEach(() => (interceptor.decide = () => 'pass'));

  it('is installed once per window', () => expect(installInterceptor()).toBe(interceptor));

  it('lets a whole plain Enter through when it passes', () => {
    const { box, seen } = page();
    key(box, 'keydown');
    key(box, 'keypress');
    key(box, 'keyup');
    expect(seen).toEqual(['keydown', 'keypress', 'keyup']);
  });

  it('holds the keypress and keyup of an Enter it held', () => {
    const { box, seen } = page();
    interceptor.decide = () => 'hold';
    key(box, 'keydown');
    key(box, 'keypress');
    key(box, 'keyup');
    expect(seen).toEqual([]);
  });

  it('holds a keyup whose keydown went elsewhere (an Enter that pressed a dialog button, focus then back in the box)', () => {
    const { box, other, seen } = page();
    key(other, 'keydown');
    key(box, 'keyup');
    expect(seen).toEqual(['keydown']);
  });

  it('holds the keyup of a Shift+Enter whose Shift was let go first (a new line, never a send)', () => {
    const { box, seen } = page();
    key(box, 'keydown', { shiftKey: true });
    key(box, 'keyup', { shiftKey: false });
    expect(seen).toEqual(['keydown+shift']);
  });

  it("never asks about a page script's own click or key, and lets it through untouched (holding it would tell the page)", () => {
    const { box, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    box.dispatchEvent(click);
    for (const type of ['keydown', 'keypress', 'keyup']) box.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true, cancelable: true }));
    expect(asked).toBe(0);
    expect(click.defaultPrevented).toBe(false);
    expect(seen).toEqual(['keydown', 'keypress', 'keyup']);
  });

  it('never asks about Shift+Enter or an IME composition, and passes them', () => {
    const { box, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    key(box, 'keydown', { shiftKey: true });
    key(box, 'keyup', { shiftKey: true });
    key(box, 'keydown', { isComposing: true });
    expect(asked).toBe(0);
    expect(seen).toEqual(['keydown+shift', 'keyup+shift', 'keydown']);
  });

  it('passes everything when the decision throws (fail open), and its own replayed events always', () => {
    const { box, seen } = page();
    interceptor.decide = () => {
      throw new Error('broken');
    };
    key(box, 'keydown');
    interceptor.decide = () => 'hold';
    interceptor.dispatch(box, new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
    expect(seen).toEqual(['keydown', 'keyup']);
  });
});

describe('the send interceptor, on a press released (a Send acting on pointerup or mouseup)', () => {
  const interceptor = installInterceptor();

  /** A Send button inside a composer box, and every pointer event of the main button the page sees, in order. */
  function page() {
    document.body.innerHTML = '<div id="box"><button id="send"><span id="label">Send</span></button></div><button id="other">Other</button>';
    const seen: string[] = [];
    for (const type of ['pointerup', 'mouseup', 'click']) window.addEventListener(type, (e) => seen.push(type));
    return { send: document.getElementById('send')!, label: document.getElementById('label')!, other: document.getElementById('other')!, seen };
  }
  const init = { bubbles: true, cancelable: true, composed: true, clientX: 40, clientY: 12, button: 0, pointerId: 7, pointerType: 'mouse', isPrimary: true };
  const pointer = (target: Element, type: string, extra: PointerEventInit = {}) => {
    const event = asTrusted(new PointerEvent(type, { ...init, ...extra }));
    target.dispatchEvent(event);
    return event;
  };
  const mouse = (target: Element, type: string, extra: MouseEventInit = {}) => {
    const event = asTrusted(new MouseEvent(type, { ...init, detail: 1, ...extra }));
    target.dispatchEvent(event);
    return event;
  };
  /** A whole press of the main button on `target`, as a browser sends it. */
  const press = (target: Element, click: Element = target) => {
    pointer(target, 'pointerdown');
    const up = pointer(target, 'pointerup');
    const mouseup = mouse(target, 'mouseup');
    const clicked = mouse(click, 'click');
    return [up, mouseup, clicked];
  };

  it('asks once, at the pointerup, and holds that whole release (pointerup, mouseup, click) for one dialog', () => {
    const { send, label, seen } = page();
    const asked: SendAttempt[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt), 'hold');
    const events = press(label);
    expect(asked.map((a) => a.event.type)).toEqual(['pointerup']);
    expect(asked[0]!.event.target).toBe(label);
    expect(seen).toEqual([]);
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
    // What the gate replays: the release's events, in order.
    expect(asked[0]!.trigger === 'click' && asked[0]!.held).toEqual(events);
  });

  it('asks once, at the pointerup, and lets the whole press through when it passes (a click-acting Send is not asked twice)', () => {
    const { label, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'pass');
    const events = press(label);
    expect(asked).toBe(1);
    expect(seen).toEqual(['pointerup', 'mouseup', 'click']);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });

  it('holds the click that lands on an ancestor of the held release (a press begun elsewhere in the Send)', () => {
    const { send, label, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    press(label, send);
    expect(asked).toBe(1);
    expect(seen).toEqual([]);
  });

  it('asks at a mouseup with no pointerup before it, and holds its click with it', () => {
    const { send, seen } = page();
    const asked: string[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt.event.type), 'hold');
    pointer(send, 'pointerdown');
    const up = mouse(send, 'mouseup');
    const click = mouse(send, 'click');
    expect(asked).toEqual(['mouseup']);
    expect(seen).toEqual([]);
    expect(up.defaultPrevented && click.defaultPrevented).toBe(true);
  });

  it('asks about a click with no release before it (a key pressing Send) as it comes, and a click of the next press afresh', () => {
    const { send, seen } = page();
    const asked: string[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt.event.type), 'pass');
    press(send);
    // A key press between: the click it makes is its own.
    pointer(send, 'pointerdown');
    pointer(send, 'pointerup');
    send.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: ' ', bubbles: true })));
    mouse(send, 'click', { detail: 0 });
    expect(asked).toEqual(['pointerup', 'pointerup', 'click']);
    expect(seen).toEqual(['pointerup', 'mouseup', 'click', 'pointerup', 'click']);
  });

  it('asks about a click elsewhere after a release no click followed (a long press), and never holds it for that release', () => {
    const { send, other, seen } = page();
    const asked: Element[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt.event.target as Element), attempt.event.target === send ? 'hold' : 'pass');
    pointer(send, 'pointerdown');
    pointer(send, 'pointerup');
    // An assistive technology's click on another button: no pointer went down for it.
    const click = mouse(other, 'click');
    expect(asked).toEqual([send, other]);
    expect(click.defaultPrevented).toBe(false);
    expect(seen).toEqual(['click']);
  });

  it('never asks about a release of another button (a right click)', () => {
    const { send, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    pointer(send, 'pointerdown', { button: 2 });
    pointer(send, 'pointerup', { button: 2 });
    mouse(send, 'mouseup', { button: 2 });
    expect(asked).toBe(0);
    expect(seen).toEqual(['pointerup', 'mouseup']);
  });

  it("never asks about a page script's own pointerup or mouseup, and lets them through untouched (holding them would tell the page)", () => {
    const { send, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    const events = ['pointerup', 'mouseup'].map((type) => new (type === 'pointerup' ? PointerEvent : MouseEvent)(type, init));
    for (const event of events) send.dispatchEvent(event);
    expect(asked).toBe(0);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
    expect(seen).toEqual(['pointerup', 'mouseup']);
  });

  it('passes the release when the decision throws (fail open), and its own replayed release always', () => {
    const { send, seen } = page();
    interceptor.decide = () => {
      throw new Error('broken');
    };
    press(send);
    interceptor.decide = () => 'hold';
    interceptor.dispatch(send, new PointerEvent('pointerup', init));
    interceptor.dispatch(send, new MouseEvent('click', init));
    expect(seen).toEqual(['pointerup', 'mouseup', 'click', 'pointerup', 'click']);
  });
});
