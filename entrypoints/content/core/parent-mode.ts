/**
 * Whether this browser is a parent's (then nothing of Policy Guard runs on the teachers' app). The early
 * script (document_start) starts the storage read and leaves the promise here, in the content scripts'
 * own world (the page cannot see it); by document_idle it has long resolved, so the main script's start
 * waits a microtask, not a storage round trip (5–10 ms on the 500-post page). Read afresh when the early
 * script did not run.
 */
import { readParentMode } from '../../../lib/ext/page-settings';

const KEY = Symbol.for('policy-guard.parent-mode');

/** Called by the early script: starts the read once. */
export function startParentModeRead(): void {
  const holder = globalThis as unknown as Record<symbol, Promise<boolean> | undefined>;
  holder[KEY] ??= readParentMode();
}

/** The answer, from the early script's read when there is one. */
export function parentMode(): Promise<boolean> {
  const holder = globalThis as unknown as Record<symbol, Promise<boolean> | undefined>;
  return holder[KEY] ?? readParentMode();
}
