/**
 * Keeps the typing focus in one of our frames (the gate's reason box) while it is open, against the page.
 *
 * A parent document may move the focus out of a child frame at any time: a page that watches
 * `document.activeElement` sees our host hold the focus while the teacher types a reason, calls `focus()` on a
 * hidden box of its own, and receives the rest of what they type ("…she is in foster care"). The frame's own
 * defences (another origin: no selection, no search, no keys) do not help once the keys go elsewhere.
 *
 * So while `active()` says the frame is in use, a focus that lands on anything of the page's, or on nothing
 * (`blur()`), without the person's own pointer press just before it, is taken straight back to the frame,
 * and `onTaken` says so (the gate shows a notice). Both happen in the same task as the page's `focus()`
 * (capture listeners on window, in our isolated world), so no key is typed in between. The person's own
 * click elsewhere is theirs: a trusted pointerdown in the last second, made while the frame was in use, lets
 * the focus go. A press made before (the click on Send that opened the gate) never counts (probe 14f: it gave
 * the page a second in which to take the reason box's focus).
 *
 * A press that lands inside the frame's box on something of the page's (a clear box laid over the reason box,
 * probe 14f) is taken from the page: it never focuses the page's box, and the focus goes to the frame.
 *
 * The window's presses and focus changes are heard through the seal, before any listener of the page's.
 *
 * DOM only. Returns the function that removes the listeners.
 */
import { coverGuard } from '../../../components/cover-press';

export interface FocusKeeper {
  /**
   * The frame says it lost the focus. If the window still has it (so a frame of the page's took it: the
   * window hears nothing of that, probe 14g) and no press of the person's moved it, it is taken back.
   */
  frameBlurred(): void;
  stop(): void;
}

/** A pointer press this recent (ms) makes a focus change the person's own. */
const OWN_PRESS_MS = 1000;

export function keepFocus(options: {
  host: Element;
  /** The host's (closed) root: focus moves inside it are heard here, since the seal stops them at the host. */
  root: ShadowRoot;
  /** Our element that should hold the focus (the frame), or undefined when there is none now. */
  frame: () => HTMLElement | undefined;
  /** Whether the frame is in use (a send is held and its frame is shown). */
  active: () => boolean;
  /** The page took the focus; `back`: whether it is back in our host now (a press redirected, or taken back). */
  onTaken: (back: boolean) => void;
  /**
   * Hears the window's events before any listener of the page's (the seal's `watch`): a page listener added
   * before ours could stop the events about its own elements, and blind this keeper (probe 14g).
   */
  watch: (listener: (event: Event) => void) => () => void;
  win?: Window;
}): FocusKeeper {
  const win = options.win ?? window;
  let pressedAt = -Infinity;
  let ours = false; // the focus is in our host (so, in the frame or the dialog)
  const now = () => win.performance.now();
  const takeBack = () => {
    const frame = options.frame();
    if (!frame?.isConnected) return;
    frame.focus({ preventScroll: true });
    // It may not come back (the page made our host inert for the instant, or opened a modal dialog of its
    // own, probe 14g): then the teacher is told that typing here is not safe, not that it was given back.
    options.onTaken(win.document.activeElement === options.host);
  };
  const covered = coverGuard(options.host, () => [options.frame()]);
  const onPointer = (e: Event) => {
    if (!e.isTrusted || !options.active()) return;
    if (covered(e)) options.onTaken(win.document.activeElement === options.host);
    else pressedAt = now();
  };
  const onFocusIn = (e: Event) => {
    const target = e.target as Node | null;
    if (target === options.host) {
      onOurFocusIn();
      return;
    }
    const wasOurs = ours;
    ours = false;
    if (!wasOurs || !options.active() || now() - pressedAt < OWN_PRESS_MS) return;
    takeBack();
  };
  const onOurFocusIn = () => {
    ours = true;
  };
  const onFocusOut = () => {
    // The focus leaving our host for nothing (the page called blur()), for a frame of the page's (its trap,
    // or its frame laid over ours: the parent hears no press and no focusin then, probe 14g), or for the
    // window's other documents: the keys would go there.
    win.setTimeout(() => {
      if (!ours || !options.active() || now() - pressedAt < OWN_PRESS_MS) return;
      const doc = win.document;
      if (doc.hasFocus() && doc.activeElement !== options.host) {
        ours = false;
        takeBack();
      }
    }, 0);
  };
  const unwatch = options.watch((e) => {
    if (e.type === 'pointerdown' || e.type === 'mousedown') onPointer(e);
    else if (e.type === 'focusin') onFocusIn(e);
  });
  options.root.addEventListener('focusin', onOurFocusIn, true);
  options.root.addEventListener('focusout', onFocusOut, true);
  return {
    frameBlurred() {
      if (!options.active() || now() - pressedAt < OWN_PRESS_MS || !win.document.hasFocus()) return;
      const frame = options.frame() as HTMLIFrameElement | undefined;
      // To another control of ours (Tab, Shift+Tab): the teacher's own move.
      if (win.document.activeElement === options.host && options.root.activeElement !== frame) return;
      // The frame is still this window's active element: focusing it again does nothing, its window does.
      frame?.contentWindow?.focus();
      options.onTaken(win.document.activeElement === options.host);
    },
    stop() {
      unwatch();
      options.root.removeEventListener('focusin', onOurFocusIn, true);
      options.root.removeEventListener('focusout', onFocusOut, true);
    },
  };
}
