/**
 * The first listener on the page for every way a teacher sends: a click (Post, Send, a point award) and the
 * Enter key. Installed by the tiny `send-intercept` content script at document_start, before any of
 * ClassDojo's own scripts run, on `window` in the capture phase, so nothing on the page (not even a
 * window-level capture listener of its own) sees a send before Policy Guard has decided whether to hold it.
 *
 * It decides nothing itself: the main content script (at document_idle) sets `decide`. Until it does, or if
 * it throws, or once the script is orphaned, every send passes: Policy Guard failing must never cost a
 * teacher their send.
 *
 * A Send may act on the press of the pointer or on its release rather than on its click: chat composers send on
 * mousedown (keeping the focus in the text box, and a phone's keyboard up), many hand-written buttons on pointerup
 * or mouseup, and React Aria's `usePress` ends its press at the click after the pointerup or, if no click has come
 * 80 ms after it, with a click of its own (untrusted, so it passes): holding the click alone let such a Send send.
 * So a press of the teacher's is asked about as it begins, before the page hears of it: a main-button pointerdown
 * (or a mousedown with no pointerdown before it) on a send control or point award that the press alone can judge
 * (the gate's `pressed` says so: the teacher's own draft, not a page's, which must be seen at the press's end
 * too). If it is held, every later event of that press (its mousedown, pointerup, mouseup and click), wherever
 * it lands (on our dialog, opened mid-press, or off the control), is held with it, unasked (one hold, one dialog),
 * and the gate has the press replayed (`replay`); if it passes, it is asked about again at its release, as any other
 * press is (it may end on Send): what it would send may have changed as it began (probe 14m). A release is a
 * pointerup, or a mouseup with no pointerup before it, with the rest of the release held or passed with it. A click with no press or release
 * seen (a key pressing a button, an assistive technology's click) is asked about as it comes (see `gesture`).
 *
 * When a keydown of Enter is held, the keypress and keyup of that same key press are held too, so an app
 * that sends on keyup (or keypress) does not send while the dialog is up; the same for an Enter the page
 * never saw go down (see `press`).
 *
 * Only the teacher's own actions are asked about. An untrusted press, click or key (a page script's own
 * `dispatchEvent`) passes untouched and unexamined: it is the page's own business, and holding it would tell
 * the page, through `defaultPrevented`, that the draft has a serious finding.
 *
 * DOM only: runs in both content scripts' shared isolated world (the page cannot see this object, nor
 * the set of events we dispatch ourselves).
 */

/**
 * What the teacher did that may send. `click`: a click, the start of a press on a control (a pointerdown, or a
 * mousedown with no pointerdown before it) or the release that ends a press (a pointerup, or a mouseup with no
 * pointerup before it); for a press or release, `held` is the list of that press's events held if it is held:
 * the one asked about, then the rest of the press as it comes (for the gate to hand to `replay`).
 */
export type SendAttempt = { trigger: 'click'; event: MouseEvent; held?: MouseEvent[] } | { trigger: 'enter'; event: KeyboardEvent };

export interface SendInterceptor {
  /** Set by the main content script: 'hold' prevents the send. Absent, throwing or anything else: it passes. */
  decide?: (attempt: SendAttempt) => 'hold' | 'pass';
  /**
   * Set by the main content script: told of the start of each of the teacher's presses (a pointer going down,
   * a key going down), before any listener of the page's hears of it. The page can change itself for the
   * length of a press (fade the composer, lay a clear sheet over it, take the marks off Send) and change it
   * back as the click ends: what the teacher pressed is looked at now, as they saw it (probe 14i H1). Returns
   * something truthy for a press on a send control or point award that the press alone can judge (an award, the
   * teacher's own draft): a pointer's press is then asked about as it begins, not at its release.
   */
  pressed?: (event: Event) => unknown;
  /**
   * Dispatches an event we made (a replayed send) so that it passes our own listener: returns what
   * `dispatchEvent` returns.
   */
  dispatch(target: EventTarget, event: Event): boolean;
  /**
   * Replays, as our own events (they pass our listener), what the page did not get of a held press: `held` is
   * its SendAttempt's `held` (the event asked about first; [] for a click held as it came). From that event on,
   * in the order a browser sends a mouse's press: pointerdown, mousedown, pointerup, mouseup, click (the pointer
   * events only for a press asked about at a pointer event, after a pointerover: the page saw the pointer leave
   * for the dialog, and React Aria's usePress ends a press whose pointer has left without sending, unless it comes
   * back); every one on the element the first was aimed at (or `control` if that is gone), with its coordinates,
   * button, modifiers and pointer, so a Send acting on any of them sends once. The release of a press held as it
   * began may have landed on the dialog: it is replayed where the press began, as a browser would have sent it.
   */
  replay(held: MouseEvent[], control: EventTarget): void;
}

/** What a replayed press keeps of the event asked about (`replay`). */
const REPLAYED = 'screenX screenY clientX clientY ctrlKey shiftKey altKey metaKey button pointerId pointerType isPrimary width height pressure'.split(' ');
/** A press's events, in the order a browser sends them for a mouse (a touch's mouse events come after its pointerup). */
const PRESS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];

import { INTERCEPTOR_KEY as KEY } from './intercepted';

/** A plain Enter: no Shift (a new line), not part of an IME composition (choosing a candidate). */
export function isSendKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229;
}

/** The interceptor for this page, installing it if the early script has not (idempotent). */
export function installInterceptor(win: Window & typeof globalThis = window): SendInterceptor {
  const holder = win as unknown as Record<symbol, SendInterceptor | undefined>;
  const existing = holder[KEY];
  if (existing) return existing;

  const ours = new WeakSet<Event>();
  /**
   * The last key press of Enter: where its keydown went, whether it was a plain Enter (a send key), and
   * whether the page was let see it. Its keypress and keyup reach the page only if they belong to a keydown
   * the page saw, on the same element, with the same Shift: otherwise an app that sends on keyup would send
   * a press we held, an Enter that pressed one of our buttons (focus then back in the box), or a Shift+Enter
   * whose Shift was let go first.
   */
  let press: { target: EventTarget | null; send: boolean; passed: boolean } | undefined;
  /**
   * The teacher's current press of a pointer, from its pointerdown (or a mousedown with no pointerdown before it)
   * until its click or the next press (a pointer or a key going down): where it began, whether it was asked about
   * then and held (`down`), whether its mousedown (`mouse`) and its release (`up`) have come, and,
   * if it was held, its events held so far. A press not held as it began is asked about at its release,
   * which takes its place (`target` then where it was released). A click belongs to it if the press has been
   * released (or held) and the click lands on its target or an ancestor of it (where a browser sends a press's click);
   * any other click is asked about as it comes, so a press that no click ended (a long press on a touch screen, a
   * release on our reason frame) does not let a later click through, or hold our own dialog's.
   */
  let gesture: { target: EventTarget | null; held?: MouseEvent[]; down?: boolean; mouse?: boolean; up?: boolean } | undefined;

  const interceptor: SendInterceptor = {
    dispatch(target, event) {
      ours.add(event);
      return target.dispatchEvent(event);
    },
    replay(held, control) {
      const first = held[0];
      const pointer = first instanceof PointerEvent;
      const target = first?.target instanceof Node && first.target.isConnected ? first.target : control;
      const types = PRESS.slice(first ? PRESS.indexOf(first.type) : 4).filter((type) => pointer || type[0] != 'p');
      if (pointer) types.unshift('pointerover');
      for (const type of types) {
        const init: Record<string, unknown> = { bubbles: true, cancelable: true, composed: true, view: win };
        for (const key of REPLAYED) if (first) init[key] = first[key as keyof MouseEvent];
        // The main button down from the pointerdown to the mouseup; a click counts one (detail 0 is a key's click).
        init.buttons = +type.endsWith('down');
        init.detail = +(type[0] != 'p');
        interceptor.dispatch(target, new (type[0] == 'p' || (pointer && type == 'click') ? PointerEvent : MouseEvent)(type, init));
      }
    },
  };

  const ask = (attempt: SendAttempt): boolean => {
    try {
      return interceptor.decide?.(attempt) === 'hold';
    } catch {
      return false; // fail open
    }
  };
  /** Tells the gate a press of the teacher's begins (`pressed`): truthy if it is to be asked about as it begins. */
  const note = (event: Event): unknown => {
    try {
      return interceptor.pressed?.(event);
    } catch {
      // nothing noted: the click is judged as it comes
    }
  };
  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  /** The teacher's own event: not one of ours, nor a page script's. */
  const teachers = (event: Event) => !ours.has(event) && event.isTrusted;
  /** Asks about `event`, the first of a press the gate hears of, which becomes the current press; held, it is stopped. */
  const begin = (event: MouseEvent, state: { down?: boolean; mouse?: boolean; up?: boolean }) => {
    const held = [event];
    gesture = { ...state, target: event.target, held: ask({ trigger: 'click', event, held }) ? held : undefined };
    // A press passed as it began is asked about again at its release: what it would send may have changed meanwhile
    // (the page put another draft in the box as the press began; probe 14m finding 1).
    if (gesture.held) stop(event);
    else gesture.down = false;
  };
  /** A later event of the current press, asked about already: held with it, unasked, or passed with it. */
  const follow = (g: NonNullable<typeof gesture>, event: MouseEvent) => {
    if (g.held) {
      g.held.push(event);
      stop(event);
    }
  };

  const onPress = (event: MouseEvent) => {
    if (!teachers(event)) return;
    const g = gesture;
    // The mousedown of a press begun with a pointerdown (a touch's comes after its pointerup).
    if (event.type == 'mousedown' && g && !g.mouse) {
      g.mouse = true;
      return follow(g, event);
    }
    gesture = { target: event.target, mouse: event.type == 'mousedown' };
    // Asked about now only where the gate says the press alone can judge it; any other press may still end on
    // Send, and is asked about at its release.
    if (note(event) && !event.button) begin(event, { down: true, mouse: gesture.mouse });
  };
  win.addEventListener('pointerdown', onPress, { capture: true });
  win.addEventListener('mousedown', onPress, { capture: true });

  const onRelease = (event: MouseEvent) => {
    if (!teachers(event) || event.button) return;
    const g = gesture;
    // The release of a press asked about as it began, or the mouseup of a press whose pointerup was asked.
    if (g && (g.down || (g.up && event.type == 'mouseup'))) {
      g.up = true;
      return follow(g, event);
    }
    begin(event, { up: true, mouse: g?.mouse });
  };
  win.addEventListener('pointerup', onRelease, { capture: true });
  win.addEventListener('mouseup', onRelease, { capture: true });
  win.addEventListener(
    'click',
    (event) => {
      if (!teachers(event)) return;
      const g = gesture;
      gesture = undefined;
      // The click of a press asked about at its start or its release: held with it, or passed with it. (A held
      // press's release may have landed on our dialog, which the page, and so this listener, never hears of.)
      if ((g?.up || g?.held) && !event.button && g.target instanceof Node && (event.target as Node).contains?.(g.target)) return follow(g, event);
      if (ask({ trigger: 'click', event })) stop(event);
    },
    { capture: true },
  );
  win.addEventListener(
    'keydown',
    (event) => {
      if (!teachers(event)) return;
      gesture = undefined; // a key press begins: the click it makes is its own
      if (event.key === ' ' || event.key === 'Enter') note(event); // a button pressed with the keyboard
      if (event.key !== 'Enter') return;
      // The key held down while the dialog is up repeats: still held.
      if (event.repeat && press && !press.passed) return stop(event);
      const send = isSendKey(event);
      const held = send && ask({ trigger: 'enter', event });
      press = { target: event.target, send, passed: !held };
      if (held) stop(event);
    },
    { capture: true },
  );
  for (const type of ['keypress', 'keyup'] as const) {
    win.addEventListener(
      type,
      (event) => {
        if (ours.has(event) || !event.isTrusted || event.key !== 'Enter') return;
        const belongs = !!press && press.passed && press.target === event.target && press.send === isSendKey(event);
        if (type === 'keyup') press = undefined;
        if (!belongs) stop(event);
      },
      { capture: true },
    );
  }

  holder[KEY] = interceptor;
  return interceptor;
}
