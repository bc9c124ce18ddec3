// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('the send interceptor, on a press begun on a control (a Send acting on pointerdown or mousedown)', () => {
  const interceptor = installInterceptor();

  /** A Send button inside a composer box, and every event of a press the page sees, in order, with where it was aimed. */
  function page() {
    document.body.innerHTML = '<div id="box"><button id="send"><span id="label">Send</span></button></div><button id="other">Other</button>';
    const send = document.getElementById('send')!;
    const seen: string[] = [];
    for (const type of ['pointerover', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) window.addEventListener(type, (e) => seen.push(type));
    // The gate's `pressed`: a press on Send is on a control, any other is not.
    interceptor.pressed = (event) => send.contains(event.target as Node);
    return { send, label: document.getElementById('label')!, other: document.getElementById('other')!, box: document.getElementById('box')!, seen };
  }
  const init = { bubbles: true, cancelable: true, composed: true, clientX: 40, clientY: 12, screenX: 140, screenY: 112, button: 0, pointerId: 7, pointerType: 'mouse', isPrimary: true };
  const fire = (target: Element, type: string, extra: PointerEventInit = {}) => {
    const event = asTrusted(new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, { ...init, buttons: type.endsWith('down') ? 1 : 0, ...extra }));
    target.dispatchEvent(event);
    return event;
  };
  /** A mouse's whole press of the main button on `target`, as a browser sends it; `up` where it is let go, `click` where its click lands. */
  const press = (target: Element, up: Element = target, click: Element = target) => [
    fire(target, 'pointerdown'),
    fire(target, 'mousedown'),
    fire(up, 'pointerup'),
    fire(up, 'mouseup'),
    fire(click, 'click'),
  ];
  afterEach(() => (interceptor.pressed = undefined));

  it('asks once, at the pointerdown, and holds the whole press (pointerdown, mousedown, pointerup, mouseup, click) for one dialog', () => {
    const { label, seen } = page();
    const asked: SendAttempt[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt), 'hold');
    const events = press(label);
    expect(asked.map((a) => a.event.type)).toEqual(['pointerdown']);
    expect(seen).toEqual([]);
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
    expect(asked[0]!.trigger === 'click' && asked[0]!.held).toEqual(events);
  });

  it('asks at the pointerdown and, when it passes, again at the release (the draft may have changed as the press began), then lets the press through', () => {
    const { label, seen } = page();
    const asked: string[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt.event.type), 'pass');
    const events = press(label);
    expect(asked).toEqual(['pointerdown', 'pointerup']);
    expect(seen).toEqual(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });

  // Probe 14m finding 1: passed as it began (the teacher's clean draft), the page put a serious draft in at the
  // pointerdown; a Send acting on the release or the click sent it, unasked.
  it('holds at its release a press passed as it began, when the release is held (the draft changed as the press began)', () => {
    const { label, seen } = page();
    const asked: SendAttempt[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt), attempt.event.type === 'pointerdown' ? 'pass' : 'hold');
    const events = press(label);
    expect(asked.map((a) => a.event.type)).toEqual(['pointerdown', 'pointerup']);
    expect(seen).toEqual(['pointerdown', 'mousedown']);
    expect(events.slice(2).every((e) => e.defaultPrevented)).toBe(true);
    expect(asked[1]!.trigger === 'click' && asked[1]!.held).toEqual(events.slice(2));
  });

  it('holds a touch held as it began with its release and click (its mouse events, cancelled with the pointerdown, never come), and passes a passed one whole', () => {
    const { send, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    const touch = { pointerType: 'touch' };
    fire(send, 'pointerdown', touch);
    fire(send, 'pointerup', touch);
    const click = fire(send, 'click', touch);
    expect(asked).toBe(1);
    expect(seen).toEqual([]);
    expect(click.defaultPrevented).toBe(true);
    // Passed (asked at the pointerdown and again at the pointerup): a touch's compatibility mouse events come after
    // its pointerup, and belong to it.
    interceptor.decide = () => (asked++, 'pass');
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click']) fire(send, type, touch);
    expect(asked).toBe(3);
    expect(seen).toEqual(['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click']);
  });

  it('asks at a mousedown with no pointerdown before it, and holds the rest of its press with it', () => {
    const { send, seen } = page();
    const asked: string[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt.event.type), 'hold');
    const events = ['mousedown', 'pointerup', 'mouseup', 'click'].map((type) => fire(send, type));
    expect(asked).toEqual(['mousedown']);
    expect(seen).toEqual([]);
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
  });

  it('holds a held press dragged off Send, its click on an ancestor, and one let go on our dialog (never heard), without asking again', () => {
    const { send, other, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    const dragged = press(send, other, document.body);
    expect(dragged.every((e) => e.defaultPrevented)).toBe(true);
    // Let go on the dialog: the seal keeps its pointerup from the page and from this listener; the click, on the
    // ancestor the press and the dialog share, is the press's.
    fire(send, 'pointerdown');
    const click = fire(document.body, 'click');
    expect(click.defaultPrevented).toBe(true);
    expect(asked).toBe(2);
    expect(seen).toEqual([]);
  });

  it('asks about a passed press dragged off Send again at its release, and about a press begun elsewhere at its release on Send', () => {
    const { send, other, seen } = page();
    const asked: string[] = [];
    const where = (attempt: SendAttempt) => `${attempt.event.type}@${(attempt.event.target as Element).id}`;
    interceptor.decide = (attempt) => (asked.push(where(attempt)), where(attempt) === 'pointerup@send' ? 'hold' : 'pass');
    press(send, other, document.body);
    expect(asked).toEqual(['pointerdown@send', 'pointerup@other']);
    expect(seen).toEqual(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    seen.length = 0;
    // Begun on another button (not a control: not asked), let go on Send: asked there, as before.
    press(other, send, document.body);
    expect(asked).toEqual(['pointerdown@send', 'pointerup@other', 'pointerup@send']);
    expect(seen).toEqual(['pointerdown', 'mousedown']);
  });

  it('asks about a key pressing Send after a held press no click ended, as it comes', () => {
    const { send, seen } = page();
    const asked: string[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt.event.type), asked.length === 1 ? 'hold' : 'pass');
    fire(send, 'pointerdown');
    send.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: ' ', bubbles: true })));
    const click = fire(send, 'click', { detail: 0 });
    expect(asked).toEqual(['pointerdown', 'click']);
    expect(click.defaultPrevented).toBe(false);
    expect(seen).toEqual(['click']);
  });

  it("never asks about a page script's own pointerdown or mousedown, nor a right button's press, and lets them through untouched", () => {
    const { send, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    const events = ['pointerdown', 'mousedown'].map((type) => new (type === 'pointerdown' ? PointerEvent : MouseEvent)(type, init));
    for (const event of events) send.dispatchEvent(event);
    const right = [fire(send, 'pointerdown', { button: 2 }), fire(send, 'mousedown', { button: 2 })];
    expect(asked).toBe(0);
    expect([...events, ...right].some((e) => e.defaultPrevented)).toBe(false);
    expect(seen).toEqual(['pointerdown', 'mousedown', 'pointerdown', 'mousedown']);
  });

  it('replays a press held as it began whole, on where it began, as it was, and passes its own replay', () => {
    const { send, label, other, seen } = page();
    const asked: SendAttempt[] = [];
    interceptor.decide = (attempt) => (asked.push(attempt), 'hold');
    const got: string[] = [];
    for (const type of ['pointerover', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      send.addEventListener(type, (e) => {
        const p = e as PointerEvent;
        got.push(`${type}:${(p.target as Element).id},${p.clientX},${p.clientY},${p.screenX},${p.button},${p.buttons},${p.detail},${p.pointerId ?? '-'}`);
      });
    }
    const held = asked.length;
    press(label, other, document.body);
    const attempt = asked[held]!;
    interceptor.replay(attempt.trigger === 'click' ? attempt.held! : [], send);
    expect(asked).toHaveLength(1); // the replay is not asked about
    expect(seen).toEqual(['pointerover', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    expect(got).toEqual([
      'pointerover:label,40,12,140,0,0,0,7',
      'pointerdown:label,40,12,140,0,1,0,7',
      'mousedown:label,40,12,140,0,1,1,-',
      'pointerup:label,40,12,140,0,0,0,7',
      'mouseup:label,40,12,140,0,0,1,-',
      'click:label,40,12,140,0,0,1,7',
    ]);
    // Held at a mousedown: no pointer events; at the release: from there on; a click held as it came: a click.
    const order = (held: MouseEvent[]) => {
      seen.length = 0;
      interceptor.replay(held, send);
      return [...seen];
    };
    const md = asTrusted(new MouseEvent('mousedown', init));
    const pu = asTrusted(new PointerEvent('pointerup', init));
    expect(order([md])).toEqual(['mousedown', 'mouseup', 'click']);
    expect(order([pu])).toEqual(['pointerover', 'pointerup', 'mouseup', 'click']);
    expect(order([])).toEqual(['click']);
  });
});
