/**
 * The seal between Policy Guard's UI and the page it sits on. ClassDojo's page, and any script on it
 * (analytics, session replay, another extension's injected code), is not trusted: it must not read what
 * Policy Guard shows, press its buttons, or see what a teacher types into it.
 *
 * - Every UI root is a *closed* shadow root, registered here with its host (`add`): the page reaches the host
 *   element and nothing inside it.
 * - UI events are composed: a key typed into the gate's reason box, a click on "Send anyway" or the focus
 *   moving into the panel would reach the page's own listeners, retargeted to the host, with the key, the
 *   typed text (`InputEvent.data`) and the pointer position. So the seal's listener, installed on `window`
 *   in the capture phase by the early content script at document_start (before any script of the page can
 *   add one), stops every such event whose target is one of our hosts, before anything of the page sees it.
 *   The UA's own work for the event (typing the character, moving the focus, toggling a checkbox) still
 *   happens: stopping propagation cancels no default action.
 * - Our own listeners inside the root still need the event, so the seal hands each stopped event on as a
 *   copy dispatched at the element inside the root it was really for (`composed: false`: it never leaves the
 *   root). A copy is marked in a WeakSet of this isolated world, which the page can neither see nor add to.
 *   A click's copy is cancelled before dispatch, so it does not toggle, submit or follow anything a second
 *   time; a copy cancelled by our listeners cancels the original (a mousedown that keeps the focus).
 * - A capture listener on each root drops any event that is neither trusted nor one of our copies, before
 *   our handlers see it: every handler acts only on what the teacher did. (The page cannot target elements in
 *   a closed root, so this is the second line, not the first.)
 * - An event the page dispatches at a host itself is stopped too and goes nowhere.
 * - A selection in our text boxes that no person started (the page's `execCommand('selectAll')`, to read
 *   the selection as text) is refused; nothing else of ours can be selected at all (style.css).
 * - A change to one of our text boxes that no person made (the page's `document.execCommand`, which types
 *   into whatever has the focus) is undone and never reaches our listeners.
 *
 * DOM only, no extension APIs: it runs in the content scripts' shared isolated world, like the send
 * interceptor (./intercept.ts), and is installed once per page (`installSeal` is idempotent) by the early
 * script; the main script finds it there (./sealed.ts) and carries none of this code.
 */
import { SEAL_KEY } from './sealed';
import { HOST_ATTRIBUTE } from './shadow-ui';

export interface Seal {
  /**
   * Seals a UI root: `host` is the element in the page, `root` its closed shadow root. Returns a function
   * that unseals it (when the UI is removed for good).
   */
  add(host: Element, root: ShadowRoot): () => void;
  /** True for an event a handler may act on: trusted, or the seal's copy of a trusted event. */
  trusted(event: Event): boolean;
  /** The sealed root of the host named `hostName` (`policy-guard-ui`), for another of our UIs to reach into. */
  rootOf(hostName: string): ShadowRoot | undefined;
  /**
   * Hears every sealed event type (`SEALED_EVENTS`) on the window, wherever it is aimed, before any listener of
   * the page's: a page listener added earlier than ours could otherwise stop the events about its own elements
   * (a press on its box laid over ours, the focus moving to its trap) before our focus keepers hear them
   * (probe 14g). Returns the function that stops hearing.
   */
  watch(listener: (event: Event) => void): () => void;
}

const KEY = SEAL_KEY;

/**
 * Every composed event a person's input makes. Non-composed events (change, submit, select, toggle, scroll)
 * never leave a shadow root, so the page cannot see them and they need no seal.
 */
export const SEALED_EVENTS = [
  'keydown', 'keyup', 'keypress',
  'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend',
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mousemove', 'mouseover', 'mouseout',
  'mouseenter', 'mouseleave', 'DOMActivate', 'selectstart',
  'pointerdown', 'pointerup', 'pointermove', 'pointerrawupdate', 'pointerover', 'pointerout', 'pointerenter',
  'pointerleave', 'pointercancel', 'gotpointercapture', 'lostpointercapture',
  'touchstart', 'touchend', 'touchmove', 'touchcancel', 'wheel',
  'focus', 'blur', 'focusin', 'focusout', 'DOMFocusIn', 'DOMFocusOut',
  'copy', 'cut', 'paste', 'beforecopy', 'beforecut', 'beforepaste',
  'dragstart', 'drag', 'dragend', 'dragenter', 'dragover', 'dragleave', 'drop',
] as const;

/** Events that reach our listeners only through the root-level check (they are not composed). */
const LOCAL_EVENTS = ['change', 'submit', 'select', 'toggle', 'reset', 'invalid'] as const;

// The events handed on to our listeners as copies: the ones the UI's components listen for, or may. Moves,
// hovers, wheels, touches, drags, clipboard and composition events are stopped and not copied (hover styles are
// CSS, and the UA still scrolls, pastes and composes).
const KEYBOARD = new Set(['keydown', 'keyup', 'keypress']);
const INPUT = new Set(['beforeinput', 'input']);
const FOCUS = new Set(['focus', 'blur', 'focusin', 'focusout']);
const POINTER = new Set(['pointerdown', 'pointerup']);
const MOUSE = new Set(['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup']);
const ACTIVATING = new Set(['click', 'dblclick', 'auxclick']);
const PASSIVE = new Set(['wheel', 'touchstart', 'touchmove', 'touchend', 'touchcancel']);
/** What ends a person's selection gesture. */
const RELEASES = new Set(['keyup', 'mouseup', 'pointerup', 'touchend', 'touchcancel', 'pointercancel', 'blur', 'focusout']);
const SELECTING_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A person starting a selection: a button pressed (a click, a drag, a double click), Shift with a moving key,
 * or Ctrl/Cmd+A. Typing is not: a page polling "select all" while a letter (or Shift for a capital) is down
 * must not get the box's text.
 */
function startsSelection(event: Event): boolean {
  if (event.type === 'mousedown' || event.type === 'pointerdown' || event.type === 'touchstart') return true;
  if (event.type !== 'keydown') return false;
  const key = event as KeyboardEvent;
  return (key.shiftKey && SELECTING_KEYS.has(key.key)) || ((key.ctrlKey || key.metaKey) && key.key.toLowerCase() === 'a');
}

/** The seal for this page, installing it if the early script has not (idempotent). */
export function installSeal(win: Window & typeof globalThis = window): Seal {
  const holder = win as unknown as Record<symbol, Seal | undefined>;
  const existing = holder[KEY];
  if (existing) return existing;

  const roots = new Map<Element, ShadowRoot>();
  /** Our copies: the only untrusted events a handler inside a root may act on. */
  const copies = new WeakSet<Event>();
  /** Per root, the element that had the focus, for the copy of a blur/focusout (focus has moved by then). */
  const focused = new WeakMap<ShadowRoot, Element>();
  /** Per text box of ours, the edit a person's `beforeinput` announced and no `input` has made yet (`scriptEdit`). */
  const announced = new WeakMap<Element, { inputType: string; data: string | null }>();
  /** Each text box's value as the person last left it. */
  const values = new WeakMap<Element, string>();
  /** Roots where a person has started a selection gesture not yet used or released (the `selectstart` guard). */
  const gestures = new WeakSet<ShadowRoot>();
  /** Our own listeners that hear every event first (`watch`). */
  const watchers = new Set<(event: Event) => void>();

  const seal: Seal = {
    add(host, root) {
      roots.set(host, root);
      const drop = (event: Event) => {
        if (!event.isTrusted && !copies.has(event)) event.stopImmediatePropagation();
      };
      // A selection in a text box of ours is started by a person's key or button, in the same task; the
      // page's `document.execCommand('selectAll')` (then reading the selection as text) starts one unasked.
      const unasked = (event: Event) => {
        // One selection per gesture: the page cannot start another while the key or button is still down.
        if (gestures.has(root)) gestures.delete(root);
        else event.preventDefault();
      };
      for (const type of [...SEALED_EVENTS, ...LOCAL_EVENTS]) root.addEventListener(type, drop, { capture: true });
      root.addEventListener('selectstart', unasked, { capture: true });
      return () => {
        if (roots.get(host) === root) roots.delete(host);
        for (const type of [...SEALED_EVENTS, ...LOCAL_EVENTS]) root.removeEventListener(type, drop, { capture: true });
        root.removeEventListener('selectstart', unasked, { capture: true });
      };
    },
    trusted: (event) => event.isTrusted || copies.has(event),
    watch(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    rootOf: (hostName) => [...roots].find(([host]) => (host.localName === hostName || host.getAttribute(HOST_ATTRIBUTE) === hostName) && host.isConnected)?.[1],
  };

  const onEvent = (event: Event) => {
    if (copies.has(event)) return;
    for (const watcher of watchers) {
      try {
        watcher(event);
      } catch {
        // one of ours failing must not stop the seal
      }
    }
    if (roots.size === 0) return;
    // Seen from the window, an event inside a closed root has the host as its target, and the host is the last
    // node of the root's that `composedPath()` shows.
    let root: ShadowRoot | undefined;
    for (const node of event.composedPath()) if ((root = roots.get(node as Element))) break;
    if (!root) return;
    event.stopImmediatePropagation();
    if (!event.isTrusted) return; // the page's own event at our host: it goes nowhere
    // A selection a person makes starts while their key or button is down.
    if (startsSelection(event)) gestures.add(root);
    else if (RELEASES.has(event.type)) gestures.delete(root);
    try {
      const copy = copyOf(win, event);
      if (!copy) return;
      const inner = innerTarget(root, event);
      if (!inner) return;
      if (event.type === 'focusin' || event.type === 'focus') {
        focused.set(root, inner);
        if (isTextBox(inner)) values.set(inner, inner.value);
      }
      if (event.type === 'beforeinput') {
        const e = event as InputEvent;
        announced.set(inner, { inputType: e.inputType, data: e.data });
      }
      // A beforeinput with no input after it (Backspace in an empty box, a key past maxlength) must not leave
      // the door open for a later editing command: the key's release ends what it announced.
      if (event.type === 'keyup') announced.delete(inner);
      if (event.type === 'input' && scriptEdit(inner, event)) return;
      copies.add(copy);
      // The original's default action (activating a button, toggling a box) happens anyway: the copy's must not.
      const activating = ACTIVATING.has(event.type);
      if (activating) copy.preventDefault();
      const dispatched = inner.dispatchEvent(copy);
      if (!dispatched && !activating) event.preventDefault();
    } catch {
      // A copy we could not make: the teacher's action is lost to our listener, never to the page's.
    }
  };

  /**
   * True (and the edit undone) for a change to one of our text boxes that no person made. The page cannot
   * reach our elements, but `document.execCommand('insertText')` types into whatever has the focus, closed
   * roots included, and its `input` event is trusted. A person's edit (typing, pasting, dropping, an IME,
   * undo) is announced by a `beforeinput` of the same kind and text first; an editing command's is not.
   */
  const scriptEdit = (inner: Element, event: Event): boolean => {
    if (!isTextBox(inner)) return false;
    const expected = announced.get(inner);
    announced.delete(inner);
    const e = event as InputEvent;
    if (expected && expected.inputType === e.inputType && expected.data === e.data) {
      values.set(inner, inner.value);
      return false;
    }
    inner.value = values.get(inner) ?? inner.defaultValue;
    return true;
  };

  /** The element inside the root the event was for: the focused one for keys and text, the one under the pointer. */
  const innerTarget = (root: ShadowRoot, event: Event): Element | null => {
    const type = event.type;
    if (type === 'blur' || type === 'focusout') return focused.get(root) ?? null;
    if (event instanceof win.MouseEvent) {
      // A click made with the keyboard (Enter or Space on a button) has no position: it is for the focused element.
      if (event.detail === 0 && event.type === 'click' && root.activeElement) return root.activeElement;
      const hit = root.elementFromPoint?.(event.clientX, event.clientY);
      return hit && root.contains(hit) ? hit : (root.activeElement ?? null);
    }
    return root.activeElement ?? null;
  };

  // Scrolling and touch events are never cancelled here (never copied): passive, so the seal cannot delay a
  // scroll anywhere on the page.
  for (const type of SEALED_EVENTS) win.addEventListener(type, onEvent, { capture: true, passive: PASSIVE.has(type) });
  holder[KEY] = seal;
  return seal;
}

function isTextBox(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.localName === 'textarea' || el.localName === 'input';
}

/** A copy of a trusted event that stays inside the root (`composed: false`), or undefined for a type we do not copy. */
function copyOf(win: Window & typeof globalThis, event: Event): Event | undefined {
  const base = { bubbles: event.bubbles, cancelable: event.cancelable, composed: false };
  const type = event.type;
  if (KEYBOARD.has(type)) {
    const e = event as KeyboardEvent;
    return new win.KeyboardEvent(type, {
      ...base, key: e.key, code: e.code, location: e.location, repeat: e.repeat, isComposing: e.isComposing,
      ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey,
    });
  }
  if (INPUT.has(type)) {
    const e = event as InputEvent;
    return new win.InputEvent(type, { ...base, inputType: e.inputType, data: e.data, isComposing: e.isComposing });
  }
  if (FOCUS.has(type)) return new win.FocusEvent(type, base);
  if (POINTER.has(type) || MOUSE.has(type)) {
    const e = event as MouseEvent;
    const init: MouseEventInit = {
      ...base, clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY, button: e.button, buttons: e.buttons,
      detail: e.detail, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey,
    };
    if (POINTER.has(type)) {
      const p = event as PointerEvent;
      return new win.PointerEvent(type, { ...init, pointerId: p.pointerId, pointerType: p.pointerType, isPrimary: p.isPrimary });
    }
    return new win.MouseEvent(type, init);
  }
  // Moves, hovers, wheels, touches, drags, clipboard, composition and the legacy textInput: not copied.
  return undefined;
}
