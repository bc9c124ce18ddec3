/**
 * Held sends whose dialog is open, kept by the background so that one the teacher never decided is still
 * recorded (issue #20: the "Overrides and held sends" view under-counted). The content script says when the
 * send gate's dialog opens (`holdOpened`) and what became of it (`holdResolved`); but leaving the page, closing
 * the tab or reloading tears the content script down before it can say anything (MV3), so the background
 * records as not sent (`abandoned`) every hold still open when its tab goes or has loaded another page (its
 * document is gone: `documentAlive`; a tab's loading state alone also changes as our gate's own frame loads)
 * (entrypoints/background.ts), and, as its worker starts, every hold whose tab or document is gone.
 *
 * Kept in extension storage (`local:`, not the worker's memory: the worker is stopped when idle, and a tab
 * closed meanwhile wakes it). What is kept is what the record keeps: rules, channel, class, time; never text.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { recordEvent } from './db';
import type { GuardEvent } from './messages';

/** One open hold: its tab, and the event to record if it is never resolved (kind `abandoned`). */
export interface PendingHold {
  tabId: number;
  /** The document that held it (the browser's documentId): gone once the tab has loaded another page. */
  documentId?: string;
  event: GuardEvent;
}

/** At most this many open holds are kept (the oldest dropped): one per tab in practice. */
export const PENDING_MAX = 50;

export const pendingHolds = storage.defineItem<Record<string, PendingHold>>('local:heldPending', { fallback: {} });

// One change at a time: a hold opened and resolved in quick succession must not undo each other's writes.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn);
  queue = next.catch(() => undefined);
  return next;
}

/** The dialog for hold `id` opened (or changed: a partial fix) in tab `tabId`. */
export function holdOpened(id: string, tabId: number, event: GuardEvent, documentId?: string): Promise<void> {
  return serial(async () => {
    const all = { ...(await pendingHolds.getValue()) };
    all[id] = { tabId, ...(documentId ? { documentId } : {}), event: { ...event, kind: 'abandoned' } };
    const ids = Object.keys(all);
    for (const old of ids.slice(0, Math.max(0, ids.length - PENDING_MAX))) delete all[old];
    await pendingHolds.setValue(all);
  });
}

/** Hold `id` has its outcome (or needs none): forgotten. Whether it was still open. */
export function holdResolved(id: string): Promise<boolean> {
  return serial(async () => {
    const all = { ...(await pendingHolds.getValue()) };
    if (!(id in all)) return false;
    delete all[id];
    await pendingHolds.setValue(all);
    return true;
  });
}

/**
 * Forgets every open hold, recording none: "Delete records only" (components/options/DataControls.tsx). A hold
 * not yet recorded is a record in waiting: kept, it would put a "not sent" row back after the leader deleted them
 * all (its tab closed meanwhile, or the worker finds it gone when it next starts). A send still held in an open
 * tab is recorded as whatever the teacher then does with it: that happens after the delete.
 */
export function forgetHolds(): Promise<void> {
  return serial(() => pendingHolds.setValue({}));
}

/**
 * Records as not sent, at `now`, every open hold `gone` says is gone (its tab closed or navigated), and
 * forgets them; returns how many. A failure to record keeps the hold for the next try.
 */
export function abandonHolds(gone: (hold: PendingHold) => boolean | Promise<boolean>, now = new Date()): Promise<number> {
  return serial(async () => {
    const all = { ...(await pendingHolds.getValue()) };
    let n = 0;
    for (const [id, hold] of Object.entries(all)) {
      if (!(await gone(hold))) continue;
      try {
        await recordEvent({ ...hold.event, kind: 'abandoned', at: now.toISOString() });
        delete all[id];
        n++;
      } catch {
        // Storage full or unavailable: tried again at the next chance.
      }
    }
    if (n) await pendingHolds.setValue(all);
    return n;
  });
}

/**
 * Whether the document that held `hold` is still there (the tab has not loaded another page): asked of the
 * browser by running a no-op in our isolated world of that very document, which fails once it is gone. A
 * hold without a documentId (an older browser) counts as there: only its tab's closing resolves it.
 */
export async function documentAlive(hold: PendingHold): Promise<boolean> {
  if (!hold.documentId) return true;
  try {
    await browser.scripting.executeScript({ target: { tabId: hold.tabId, documentIds: [hold.documentId] }, func: () => true });
    return true;
  } catch {
    return false;
  }
}
