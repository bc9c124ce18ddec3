/**
 * Keeps the typing focus in our text frames (the gate's reason box; a spot-check note, through
 * entrypoints/on-request/note-focus.ts) while the person writes in them, against the page.
 *
 * A parent document may move the focus out of a child frame at any time: a page that watches
 * `document.activeElement` sees our host hold the focus while the teacher types a reason, calls `focus()` on a
 * hidden box of its own, and receives the rest of what they type ("…she is in foster care"). The frame's own
 * defences (another origin: no selection, no search, no keys) do not help once the keys go elsewhere.
 *
 * So while the focus is ours (in our host, with `frame()` naming the frame it belongs in), a focus that lands on
 * anything of the page's, or on nothing (`blur()`), without the person's own pointer press just before it, is
 * taken straight back to that frame, and `onTaken` says so (the gate and the overlay show a notice). Both
 * happen in the same task as the page's `focus()` (capture listeners on window, in our isolated world), so no
 * key is typed in between. The person's own click elsewhere is theirs: a trusted pointerdown in the last
 * second, made while the focus was ours, lets the focus go. A press made before (the click on Send that opened
 * the gate, a click on the page before a click into a note) never counts (probe 14f: it gave the page a second
 * in which to take the reason box's focus).
 *
 * A press that lands inside a frame's box on something of the page's (a clear box laid over the reason box,
 * probe 14f) is taken from the page: it never focuses the page's box, and the focus goes to the frame. (A press
 * on a frame of the page's laid there reaches only that frame's document: the gate's focus is already in its
 * host then, so the focus leaving it is heard; a note's may not be, and note-focus.ts hears the window's blur.)
 *
 * The window's presses and focus changes are heard through the seal, before any listener of the page's.
 *
 * DOM only. Returns the keeper, whose `stop` removes the listeners.
 */
import { coverGuard, frameCoveredBy } from '../../../components/cover-press';

export interface FocusKeeper {
  /**
   * Our frame `frame` says it lost the focus. If the window still has it (so a frame of the page's took it: the
   * window hears nothing of that, probe 14g) and no press of the person's moved it, it is taken back.
   */
  frameBlurred(frame?: HTMLElement): void;
  /**
   * Gives the focus to our `frame`, taken back from the page (a frame of the page's laid over it got the press
   * meant for it: entrypoints/on-request/note-focus.ts), and says so.
   */
  take(frame: HTMLElement): void;
  stop(): void;
}

/** A pointer press this recent (ms) makes a focus change the person's own. */
const OWN_PRESS_MS = 1000;
/**
 * For this long (ms) after we take the focus back, the page hears no blur or focusout: neither its own box's (the
 * focus leaving it for our frame) nor the window's (the focus arriving in the frame, a process hop later). A page
 * that steals the focus whenever something blurs would otherwise steal it again at once, in a loop that takes
 * the focus away from the frame for a moment each time: keys typed in those moments are lost (a clean-clone CI
 * run lost half a sentence of a reason that way). It learns nothing new from the silence: it moved the focus.
 */
const QUIET_MS = 500;
/** A focus leaving a control of ours this soon (ms) after a Tab there is the Tab's. */
const TAB_MS = 100;
/** How long (ms) a Tab into one of our frames may leave this document's focus on nothing before the frame has it. */
const TAB_SETTLE_MS = 300;
/** How often (ms) we try again to take back a focus the page holds where we could not take it back at once. */
const RETRY_MS = 20;
/** What a person's key makes: none of it may reach the page while it holds the focus taken from our frame. */
const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend']);

export function keepFocus(options: {
  host: Element;
  /** The host's (closed) root: focus moves inside it are heard here, since the seal stops them at the host. */
  root: ShadowRoot;
  /**
   * The frame the focus belongs in while it is in our host (the gate: its reason frame while a send is held;
   * the overlay: the note frame that has it), or undefined for none.
   */
  frame: () => HTMLElement | undefined;
  /** Whether the frames are in use (default: always): the gate's, while a send is held and its frame shown. */
  active?: () => boolean;
  /** Every frame of ours a press on the page's cover may have been meant for (default: `frame()`). */
  frames?: () => readonly (HTMLElement | undefined)[];
  /**
   * Whether our dialog covers the whole page now (the gate's backdrop): then nothing of the page's belongs over any
   * of it, and a press on something of the page's anywhere is on a cover the page laid over the dialog (probe 16 H2:
   * clear boxes over the gate's title and buttons), taken from the page as one over the frame is. Default: never.
   */
  modal?: () => boolean;
  /** The page took the focus; `back`: whether it is back in our host now (a press redirected, or taken back). */
  onTaken: (back: boolean) => void;
  /**
   * Hears the window's events before any listener of the page's (the seal's `watch`): a page listener added
   * before ours could stop the events about its own elements, and blind this keeper (probe 14g).
   */
  watch: (listener: (event: Event) => void) => () => void;
}): FocusKeeper {
  const doc = document;
  const active = options.active ?? (() => true);
  const frames = options.frames ?? (() => [options.frame()]);
  let pressedAt = -Infinity;
  // Where the person last pressed on the page (viewport CSS px), whether or not it moved the focus.
  let pageX = 0;
  let pageY = 0;
  // Counts the page's presses, so the check after one (onPointer) is only of the last.
  let presses = 0;
  let tookBackAt = -Infinity;
  // The frame to give the focus back to: set while the focus is ours.
  let held: HTMLElement | undefined;
  const own = () => performance.now() - pressedAt < OWN_PRESS_MS;
  // Whether anything is to be kept now, and no press of the person's moved the focus.
  const keeping = () => active() && !own() && doc.hasFocus();
  const isBack = () => doc.activeElement === options.host;
  const back = () => options.onTaken(isBack());
  // Set (to the retry timer) while the page holds a focus we could not take back: our host inert for longer than
  // the page's focus() call, or a modal dialog of its own. Meanwhile no key reaches the page (see `watch`).
  let stranded: ReturnType<typeof setInterval> | undefined;
  const unstrand = () => {
    clearInterval(stranded);
    stranded = undefined;
  };
  // Takes the focus from what of the page's holds it, into this document, where no key reaches the page (see
  // `watch`): a frame of the page's, or an <object> or <embed> holding a document (its keys never reach this
  // window, probe 14k: a trap in a frame while our host is inert got "in foster care"; probe 14n: an <object>),
  // or, with `any`, its box (an input method's text is written into the focused box whatever becomes of the
  // composition's events: taking the focus first leaves it nowhere to go).
  const release = (any?: boolean) => {
    const a = doc.activeElement as HTMLElement | null;
    if (a && a !== options.host && (any || /^(i?frame|object|embed)$/.test(a.localName))) a.blur();
  };
  const retry = () => {
    // The person's own press (a click into the page's dialog), or the gate or note gone: theirs to move.
    if (!held?.isConnected || !keeping()) return unstrand();
    if (!isBack()) {
      tookBackAt = performance.now();
      held.focus({ preventScroll: true });
      if (!isBack()) release();
    }
    if (isBack()) {
      unstrand();
      back();
    }
  };
  const takeBack = (frame = held) => {
    held = frame;
    if (!frame?.isConnected) return;
    tookBackAt = performance.now();
    // The frame may still be this window's active element (a frame of the page's took the focus from inside
    // ours): then focusing it does nothing, its window does.
    if (isBack() && options.root.activeElement === frame) (frame as HTMLIFrameElement).contentWindow?.focus();
    else frame.focus({ preventScroll: true });
    // It may not come back (the page made our host inert for the instant, or opened a modal dialog of its
    // own, probe 14g): then the person is told that typing here is not safe, not that it was given back.
    back();
    if (isBack()) return;
    // A host made inert only for the page's own focus() call is inert no longer once that script returns:
    // try once more then, in the same task, before any key is typed.
    queueMicrotask(() => {
      if (held !== frame || isBack()) return;
      retry();
      // Kept inert longer (into a later task, past our frame's word through the background: a probe gave it
      // the whole reason that way): keep trying, and keep the keys from the page meanwhile.
      if (!isBack() && keeping() && stranded === undefined) stranded = setInterval(retry, RETRY_MS);
    });
  };
  const covered = coverGuard(options.host, frames, () => !!options.modal?.() && active());
  const onPointer = (e: Event) => {
    if (!active()) return;
    const frame = covered(e);
    if (frame) {
      held = frame;
      back();
    } else if (e.isTrusted && held && e.target !== options.host) {
      // A press on the page (not in our host): the person may be leaving our box, and a focus change now is
      // theirs to make (probe 14k: a leader who clicked from a note into the feed had their Tab, a second later,
      // pulled back into the note).
      // A press on our own host (the gate's title, a notice, a button of ours) leaves them with us: it never makes
      // the next second's focus change theirs. It once did, and a page that took the focus within a second of
      // a press on the gate's text, then a click into the reason box, had the whole reason (a clean-clone CI run).
      pressedAt = performance.now();
      pageX = (e as MouseEvent).clientX;
      pageY = (e as MouseEvent).clientY;
      const press = ++presses;
      // Whether they left is what the press did, once its default action has run: the focus moved (to a box of
      // the page's, or to nothing), and it is theirs from now on; or it did not (the page cancelled the press's
      // default), and they are still typing in our box, where the caret still is. A page that cancels a press
      // and takes the focus a moment later would otherwise have what they type next (probe 16 H1).
      setTimeout(() => {
        if (press !== presses) return;
        if (held && isBack()) pressedAt = -Infinity;
        else held = undefined;
      }, 0);
    }
  };
  // The focus arrived in our box (a click into a frame, a Tab): the person's last press on the page has done its
  // work, and the second it allowed is over. Otherwise a leader who clicked in the feed and then back into a note
  // within the second left the page that second in which to take the note's focus, as if they had moved it.
  const arrived = () => {
    held = options.frame();
    pressedAt = -Infinity;
  };
  // A box of the page's laid over one of our frames that the person's last press did not land in (their press was
  // elsewhere, so the focus landing there is the page's doing, in the press's own handler: probe 17 H1b; probe 18:
  // by where it is drawn, not by what contains what, and whatever its size): the frame it covers. One that holds the
  // point they pressed (a page region of theirs, its <main>, focused after a click on a link) is theirs.
  const coverOf = (el: Element) => {
    const frame = frameCoveredBy(el, frames());
    if (!frame) return undefined;
    const r = el.getBoundingClientRect();
    return pageX >= r.left && pageX < r.right && pageY >= r.top && pageY < r.bottom ? undefined : frame;
  };
  const onFocusIn = (e: Event) => {
    const target = e.target as Element;
    if (target === options.host) return arrived();
    if (!held || !active() || !doc.hasFocus()) return void (held = undefined);
    // Over our frame, and not where they pressed: never the person's, even in their press.
    const cover = coverOf(target);
    if (cover) takeBack(cover);
    // Their press moved the focus: theirs. A press the page cancelled moved nothing, so a focus the page moves later
    // is taken back, even to a box of its own that opens where they pressed (a picker's search box: probe 18 showed a
    // clear box there passing for one); they click into that box itself.
    else if (own()) held = undefined;
    else takeBack();
  };
  // The person's last Tab (or Shift+Tab) in our root, when (ms): heard in `watch`, where the key is the person's own
  // (inside the root, the seal hands our listeners a copy).
  let tabAt = -Infinity;
  // The focus leaving our host for nothing (the page called blur()), for a frame of the page's (its trap, or its
  // frame laid over ours: the parent hears no press and no focusin then, probe 14g), or for the window's other
  // documents: the keys would go there.
  const onFocusOut = () => {
    // A Tab from a control of ours into one of our frames leaves this document's focus on nothing until the frame's
    // process has it (Chromium: a frame of another origin), a moment later: judged then, not in that moment (probe 17
    // MEDIUM 1: a teacher Tabbing round the gate was told the page had taken their typing). Meanwhile no key reaches
    // the page (see `watch`).
    setTimeout(
      () => {
        if (held && keeping() && doc.activeElement !== options.host) takeBack();
      },
      performance.now() - tabAt < TAB_MS ? TAB_SETTLE_MS : 0,
    );
  };
  const unwatch = options.watch((e) => {
    // The focus is not where the person left it, in our box, and no press of theirs moved it: the page took it
    // (to a box of its own we could not take it back from, to nothing with blur(), or by taking our host out and
    // putting it back, which fires no event at all: probe 14k). No key reaches the page (it is lost to the
    // person's box too), and each key is one more try to take the focus back.
    if (held && KEY_EVENTS.has(e.type) && !isBack() && keeping()) {
      e.preventDefault();
      e.stopImmediatePropagation();
      // An input method's text is written into whatever box has the focus: none may (even in a Tab's moment).
      if (e.type.startsWith('comp')) release(true);
      // The keys of the person's own Tab (its keyup), the focus on its way into our frame: `onFocusOut` judges that.
      if (performance.now() - tabAt < TAB_SETTLE_MS) return;
      if (stranded === undefined) takeBack();
      else retry();
      return;
    }
    if (e.type === 'keydown' && e.isTrusted && e.target === options.host && (e as KeyboardEvent).key === 'Tab') tabAt = performance.now();
    // Before any listener of the page's (the seal's watch): the blurs our taking back makes are not its to hear.
    if ((e.type === 'blur' || e.type === 'focusout') && performance.now() - tookBackAt < QUIET_MS && active() && !own()) e.stopImmediatePropagation();
    if (e.type === 'pointerdown' || e.type === 'mousedown') onPointer(e);
    else if (e.type === 'focusin') onFocusIn(e);
    // The focus went into a frame: a click into one of ours sends this window no focus event, only this blur. While
    // the page holds the focus it took, into a frame of its own: taken out at once, not at the next retry (a page
    // that puts it back every few milliseconds would have the keys typed in between).
    else if (e.type === 'blur' && e.target === window) stranded === undefined ? arrived() : queueMicrotask(release);
  });
  const onRootFocusIn = arrived;
  options.root.addEventListener('focusin', onRootFocusIn, true);
  options.root.addEventListener('focusout', onFocusOut, true);
  return {
    frameBlurred(frame = options.frame()) {
      if (!frame || !keeping()) return;
      // To another control of ours (Tab, or a click into another note): the person's own move.
      if (doc.activeElement === options.host && options.root.activeElement !== frame) return;
      takeBack(frame);
    },
    take: takeBack,
    stop() {
      unstrand();
      unwatch();
      options.root.removeEventListener('focusin', onRootFocusIn, true);
      options.root.removeEventListener('focusout', onFocusOut, true);
    },
  };
}
