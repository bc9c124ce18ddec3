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
 * A Send may act on the release of the pointer rather than on its click: many hand-written buttons act on
 * pointerup or mouseup, and React Aria's `usePress` ends its press at the click after the pointerup or, if no
 * click has come 80 ms after it, with a click of its own (untrusted, so it passes): holding the click alone let
 * such a Send send. So the teacher's release is asked about before the page hears of it: a pointerup, or a
 * mouseup with no pointerup before it. If it is held, the rest of that press's release (its mouseup and its
 * click) is held with it, unasked (one hold, one dialog), and handed to the gate to replay; if it passes, its
 * click passes unasked too. A click with no release seen (a key pressing a button, an assistive technology's
 * click) is asked about as it comes (see `release`).
 *
 * When a keydown of Enter is held, the keypress and keyup of that same key press are held too, so an app
 * that sends on keyup (or keypress) does not send while the dialog is up; the same for an Enter the page
 * never saw go down (see `press`).
 *
 * Only the teacher's own actions are asked about. An untrusted click or key (a page script's own
 * `dispatchEvent`) passes untouched and unexamined: it is the page's own business, and holding it would tell
 * the page, through `defaultPrevented`, that the draft has a serious finding.
 *
 * DOM only: runs in both content scripts' shared isolated world (the page cannot see this object, nor
 * the set of events we dispatch ourselves).
 */

/**
 * What the teacher did that may send. `click`: a click, or the release that ends a press (a pointerup, or a
 * mouseup with no pointerup before it); for a release, `held` is the list of that press's events held if it is
 * held: the release, then its mouseup and click as they come (in order, for the gate to replay).
 */
export type SendAttempt = { trigger: 'click'; event: MouseEvent; held?: MouseEvent[] } | { trigger: 'enter'; event: KeyboardEvent };

export interface SendInterceptor {
  /** Set by the main content script: 'hold' prevents the send. Absent, throwing or anything else: it passes. */
  decide?: (attempt: SendAttempt) => 'hold' | 'pass';
  /**
   * Set by the main content script: told of the start of each of the teacher's presses (a pointer going down,
   * a key going down), before any listener of the page's hears of it. The page can change itself for the
   * length of a press (fade the composer, lay a clear sheet over it, take the marks off Send) and change it
   * back as the click ends: what the teacher pressed is looked at now, as they saw it (probe 14i H1).
   */
  pressed?: (event: Event) => void;
  /**
   * Dispatches an event we made (a replayed send) so that it passes our own listener: returns what
   * `dispatchEvent` returns.
   */
  dispatch(target: EventTarget, event: Event): boolean;
}

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
   * The teacher's last release of the main button (`SendAttempt`), until the click that ends its press: where it
   * was, and if it was held, that press's events held so far. Forgotten as the next press begins (a pointer or a
   * key going down). A click belongs to it if it lands on the release's target or an ancestor of it (where a
   * browser sends the click of a press); any other click is asked about as it comes, so a release that no click
   * followed (a long press on a touch screen) does not let a later click through, or hold our own dialog's.
   */
  let release: { target: EventTarget | null; held?: MouseEvent[] } | undefined;

  const interceptor: SendInterceptor = {
    dispatch(target, event) {
      ours.add(event);
      return target.dispatchEvent(event);
    },
  };

  const ask = (attempt: SendAttempt): boolean => {
    try {
      return interceptor.decide?.(attempt) === 'hold';
    } catch {
      return false; // fail open
    }
  };
  /** Tells the gate a press of the teacher's begins (`pressed`). */
  const note = (event: Event) => {
    try {
      interceptor.pressed?.(event);
    } catch {
      // nothing noted: the click is judged as it comes
    }
  };
  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  /** The teacher's own event (not one of ours, nor a page script's); a press's start forgets the last release. */
  const teachers = (event: Event) => {
    if (ours.has(event) || !event.isTrusted) return false;
    if (event.type.endsWith('down')) release = undefined;
    return true;
  };
  win.addEventListener('pointerdown', (event) => teachers(event) && note(event), { capture: true });

  const onRelease = (event: MouseEvent) => {
    if (!teachers(event) || event.button) return;
    if (event.type === 'mouseup' && release) {
      // The mouseup of a press whose pointerup was asked.
      if (release.held) {
        release.held.push(event);
        stop(event);
      }
      return;
    }
    const held = [event];
    release = { target: event.target, held: ask({ trigger: 'click', event, held }) ? held : undefined };
    if (release.held) stop(event);
  };
  win.addEventListener('pointerup', onRelease, { capture: true });
  win.addEventListener('mouseup', onRelease, { capture: true });
  win.addEventListener(
    'click',
    (event) => {
      if (!teachers(event)) return;
      const last = release;
      release = undefined;
      if (last && !event.button && last.target instanceof Node && (event.target as Node).contains?.(last.target)) {
        // The click of a press asked about at its release: held with it, or passed with it.
        if (last.held) {
          last.held.push(event);
          stop(event);
        }
        return;
      }
      if (ask({ trigger: 'click', event })) stop(event);
    },
    { capture: true },
  );
  win.addEventListener(
    'keydown',
    (event) => {
      if (!teachers(event)) return;
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
