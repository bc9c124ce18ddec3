/**
 * Keeps the typing focus in a spot-check note frame while the leader writes in it, against the page
 * (probe 14d: after 600 ms in a note, the page moved the focus to a hidden box of its own and read the rest
 * of the note as it was typed). As the send gate's reason frame does (entrypoints/content/core/focus-keeper.ts):
 * a focus that lands on anything of the page's, or on nothing, without the leader's own pointer press just
 * before it, goes straight back to the note they were in, in the same task as the page's `focus()`.
 *
 * The gate's keeper learns that the focus is ours from focus events, but a click into a frame sends the
 * parent none: the parent window's `blur` is what says the focus went into a frame, and the closed root's
 * `activeElement` which one.
 *
 * A press inside a note's box on something of the page's (a clear box laid over the note, probe 14f) is taken
 * from the page: the page's box never gets the focus, the note does, and the leader is told.
 */
import { useEffect, useState } from 'preact/hooks';
import { coverGuard, frameCoveredBy } from '../../components/cover-press';
import { browser } from 'wxt/browser';
import type { SpotNoteRelay } from '../../lib/ext/messages';
import { theSeal } from '../content/core/sealed';

/** The note frames' class (components/SpotSummary.tsx). */
const NOTE_FRAME = 'pg-note-frame';
/** A pointer press this recent (ms) makes a focus change the person's own (as core/focus-keeper.ts). */
const OWN_PRESS_MS = 1000;

/**
 * Starts the keeper for the note frames in the closed root `anchor` is drawn in; stops it when the
 * overlay goes. Returns whether the page has taken the focus from a note (the overlay says so): true when it
 * was given back, 'lost' when it could not be.
 */
export function useNoteFocusKeeper(anchor: { current: Element | null }): boolean | 'lost' {
  const [taken, setTaken] = useState<boolean | 'lost'>(false);
  useEffect(() => {
    const root = anchor.current?.getRootNode();
    if (!(root instanceof ShadowRoot)) return undefined;
    const host = root.host;
    // The note frame that holds the focus now, if any.
    let note: HTMLIFrameElement | undefined;
    let pressedAt = -Infinity;
    const own = () => performance.now() - pressedAt < OWN_PRESS_MS;
    const noteInFocus = () => {
      const a = root.activeElement;
      return a instanceof HTMLIFrameElement && a.classList.contains(NOTE_FRAME) ? a : undefined;
    };
    const takeBack = () => {
      const frame = note;
      if (!frame?.isConnected) return;
      frame.focus({ preventScroll: true });
      // It may not come back (the page made our host inert for the instant, or opened a modal dialog of its
      // own, probe 14g): then the leader is told that typing there is not safe, not that it was given back.
      setTaken(document.activeElement === host || 'lost');
    };
    // Only a press made while a note has the focus: the leader's click just before (on the page, or on a
    // verdict) must not open a second in which the page may take it (probe 14f).
    const covered = coverGuard(host, () => notes());
    const onPointer = (e: Event) => {
      if (!e.isTrusted) return;
      const frame = covered(e);
      if (frame) {
        note = frame as HTMLIFrameElement;
        // Under a modal dialog of the page's the note cannot take the focus (probe 14g): said plainly.
        setTaken(document.activeElement === host || 'lost');
      } else if (note) pressedAt = performance.now();
    };
    // The focus went into a frame (this window's blur): a note frame of ours, or not.
    const notes = () => [...root.querySelectorAll<HTMLElement>(`.${NOTE_FRAME}`)];
    const onBlur = () => {
      note = noteInFocus();
      if (note) return;
      // Into a frame of the page's laid over a note: the press meant for the note (this window never hears it).
      // Judged once the move is over: a focus() made during this blur is undone as the browser goes on to
      // focus the page's frame (in development the note's element took the focus and the keys still went to
      // the page's frame).
      window.setTimeout(() => {
        const a = document.activeElement;
        const covered = document.hasFocus() && a && a !== host ? frameCoveredBy(a, notes()) : undefined;
        if (covered) {
          note = covered as HTMLIFrameElement;
          takeBack();
        }
      }, 0);
    };
    const onFocusIn = (e: Event) => {
      if (e.target === host) {
        note = noteInFocus();
        return;
      }
      if (!note) return;
      if (own()) {
        note = undefined; // the leader's own click elsewhere
        return;
      }
      takeBack();
    };
    // The focus leaving the note for nothing (the page called blur()), or for a frame of the page's (its trap,
    // or its frame laid over the note: this window hears no press and no focusin then, probe 14g).
    const onFocusOut = () => {
      if (!note) return;
      window.setTimeout(() => {
        if (!note || own() || !document.hasFocus()) return;
        if (document.activeElement !== host) takeBack();
      }, 0);
    };
    // Heard through the seal, before any listener of the page's: one added before ours could stop the events
    // about its own elements and blind this keeper (probe 14g).
    const unwatch = theSeal().watch((e) => {
      if (e.type === 'pointerdown' || e.type === 'mousedown') onPointer(e);
      else if (e.type === 'blur' && e.target === window) onBlur();
      else if (e.type === 'focusin') onFocusIn(e);
    });
    // A note frame lost the focus (it says so through the background: only our frames can). If this window
    // still has it and the note is still ours here, a frame of the page's took it: this window heard nothing.
    const onRelay = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      const relay = message as SpotNoteRelay | null;
      if (sender.id !== browser.runtime.id || sender.tab || relay?.type !== 'spot-note-relay') return;
      const frame = notes().find((f) => (f as HTMLIFrameElement).src.endsWith(`#${relay.frame}`)) as HTMLIFrameElement | undefined;
      if (!frame || own() || !document.hasFocus()) return;
      // To another control or note of ours (Tab, or a click into another note): the leader's own move.
      if (document.activeElement === host && root.activeElement !== frame) return;
      note = frame;
      // Focusing the element may do nothing (it can still be this window's active element): its window does.
      frame.contentWindow?.focus();
      setTaken(true);
    };
    browser.runtime.onMessage.addListener(onRelay);
    root.addEventListener('focusout', onFocusOut, true);
    return () => {
      try {
        browser.runtime.onMessage.removeListener(onRelay);
      } catch {
        // the extension went away: nothing to remove
      }
      unwatch();
      root.removeEventListener('focusout', onFocusOut, true);
    };
  }, []);
  return taken;
}
