/**
 * Keeps the typing focus in a spot-check note frame while the leader writes in it, against the page
 * (probe 14d: after 600 ms in a note, the page moved the focus to a hidden box of its own and read the rest
 * of the note as it was typed). The send gate's keeper does it (entrypoints/content/core/focus-keeper.ts), with
 * the note frame that has the focus as the frame to give it back to: a focus that lands on anything of the
 * page's, or on nothing, without the leader's own pointer press just before it (made while a note has the
 * focus: their click on the page or on a verdict before does not count, probe 14f), goes straight back to the
 * note they were in; a press inside a note's box on a clear box of the page's laid over it goes to the note.
 *
 * Two things only the overlay needs. The leader's first press into a note may land on a frame of the page's
 * laid over it (probe 14g): the press reaches only that frame, and this window hears only its own blur; the
 * focus was not ours before (the leader was reading the feed), so no focus leaves our host either. Then the
 * focus is moved into the note under the page's frame, once the browser has finished moving it (a focus()
 * made during the blur is undone as the browser goes on to focus the page's frame). And a note frame says,
 * through the background, when it loses the focus (a frame of the page's taking it is heard by no one else).
 */
import { useEffect, useState } from 'preact/hooks';
import { frameCoveredBy } from '../../components/cover-press';
import { browser } from 'wxt/browser';
import type { SpotNoteRelay } from '../../lib/ext/messages';
import { keepFocus } from '../content/core/focus-keeper';
import { theSeal } from '../content/core/sealed';

/** The note frames' class (components/SpotSummary.tsx). */
const NOTE_FRAME = 'pg-note-frame';

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
    const notes = () => [...root.querySelectorAll<HTMLIFrameElement>(`.${NOTE_FRAME}`)];
    const keeper = keepFocus({
      host,
      root,
      // The note frame that has the focus now, if any.
      frame: () => {
        const a = root.activeElement;
        return a instanceof HTMLIFrameElement && a.classList.contains(NOTE_FRAME) ? a : undefined;
      },
      frames: notes,
      onTaken: (back) => setTaken(back || 'lost'),
      watch: (listener) => theSeal().watch(listener),
    });
    // Into a frame of the page's laid over a note: the press meant for the note. Whatever the leader pressed
    // before, this is not their own move: they cannot see the page's frame.
    const unwatch = theSeal().watch((e) => {
      if (e.type !== 'blur' || e.target !== window) return;
      window.setTimeout(() => {
        const a = document.activeElement;
        const covered = document.hasFocus() && a && a !== host ? frameCoveredBy(a, notes()) : undefined;
        if (covered) keeper.take(covered);
      }, 0);
    });
    // A note frame lost the focus (it says so through the background: only our frames can).
    const onRelay = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      const relay = message as SpotNoteRelay | null;
      if (sender.id !== browser.runtime.id || sender.tab || relay?.type !== 'spot-note-relay') return;
      const frame = notes().find((f) => f.src.endsWith(`#${relay.frame}`));
      if (frame) keeper.frameBlurred(frame);
    };
    browser.runtime.onMessage.addListener(onRelay);
    return () => {
      try {
        browser.runtime.onMessage.removeListener(onRelay);
      } catch {
        // the extension went away: nothing to remove
      }
      unwatch();
      keeper.stop();
    };
  }, []);
  return taken;
}
