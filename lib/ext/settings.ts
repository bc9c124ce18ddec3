/**
 * Settings kept in the extension's local storage. Versioned items: when a shape changes, bump the
 * version and add a migration; never reuse a key for a different shape.
 */
import { storage } from 'wxt/utils/storage';
import { isPresetId, type PresetId } from '../policy/catalog';

/** Which school policy the user chose. `null` until they choose: nothing is silently assumed. */
export interface PolicyChoiceV1 {
  presetId: PresetId;
  /** ISO time of the choice, shown in the options page. */
  chosenAt: string;
}

export const policyChoice = storage.defineItem<PolicyChoiceV1 | null>('local:policyChoice', {
  fallback: null,
  version: 1,
});

/** Reads the choice, treating a corrupt stored value as "not chosen" rather than throwing. */
export async function readPolicyChoice(): Promise<PolicyChoiceV1 | null> {
  try {
    const value = await policyChoice.getValue();
    return value && isPresetId(value.presetId) ? value : null;
  } catch {
    return null;
  }
}

/** Class rosters by ClassDojo class id: names, photo consent and in-care flags the teacher saved. */
export interface RosterEntryV1 {
  first: string;
  last: string;
  photoConsent: boolean | Record<string, boolean>;
  inCare: boolean;
}
/** Version 1's home for rosters; they now live in Dexie (lib/ext/rosters.ts moves them). Read only to move. */
export const rosters = storage.defineItem<Record<string, RosterEntryV1[]>>('local:rosters', { fallback: {}, version: 1 });

/** Bumped whenever a roster changes, so open ClassDojo tabs fetch theirs again (Dexie has no cross-context events). */
export const rostersChangedAt = storage.defineItem<string | null>('local:rostersChangedAt', { fallback: null, version: 1 });

/** The user's own edits over the chosen preset (a partial policy), validated whole before use. */
export const policyEdits = storage.defineItem<unknown>('local:policyEdits', { fallback: null, version: 1 });

/** Findings the teacher chose to ignore always: a rule and the exact words, undone from the options page. */
export interface IgnoredV1 {
  rule: string;
  text: string;
  at: string;
}
export const ignoredAlways = storage.defineItem<IgnoredV1[]>('local:ignoredAlways', { fallback: [], version: 1 });

/**
 * Watches a storage item, with a stop function that never throws. After an extension update the old
 * content script's storage API throws "Extension context invalidated" even on removeListener: its UI is
 * taken down then, and that must not put an error into ClassDojo's page.
 */
export function watchSafely<T>(item: { watch(cb: (value: T) => void): () => void }, cb: (value: T) => void): () => void {
  let stop: () => void;
  try {
    stop = item.watch(cb);
  } catch {
    return () => {};
  }
  return () => {
    try {
      stop();
    } catch {
      // the extension is gone: nothing left to unwatch
    }
  };
}

/** Whether the spot-check overlay is on (switched from the popup or the keyboard shortcut). */
export const spotCheckOn = storage.defineItem<boolean>('local:spotCheckOn', { fallback: false, version: 1 });

/** How long the extension keeps its records (events and spot-checks), in days; purged when the worker starts. */
export const RETENTION_CHOICES = [30, 90, 180, 365, 730] as const;
export const retentionDays = storage.defineItem<number>('local:retentionDays', { fallback: 365, version: 1 });
