/**
 * Settings kept in the extension's local storage. Versioned items: when a shape changes, bump the
 * version and add a migration; never reuse a key for a different shape.
 */
import { storage } from 'wxt/utils/storage';
import { isPresetId, type PresetId } from '../policy/catalog';

/** Version 1 of the choice: a preset only. */
export interface PolicyChoiceV1 {
  presetId: PresetId;
  /** ISO time of the choice, shown in the options page. */
  chosenAt: string;
}

/**
 * Which school policy the user chose: a preset, or the school's own policy file (kept as imported, and
 * validated again whenever it is used). `null` until they choose: nothing is silently assumed.
 */
export type PolicyChoiceV2 =
  | { kind: 'preset'; presetId: PresetId; chosenAt: string }
  | { kind: 'file'; fileName: string; policy: unknown; chosenAt: string };
export type PolicyChoice = PolicyChoiceV2;

/** Version 1 to 2: a preset choice gains its kind. Anything unreadable becomes "not chosen". */
export function migratePolicyChoiceV1(v1: unknown): PolicyChoiceV2 | null {
  const v = v1 as Partial<PolicyChoiceV1> | null;
  if (!v || !isPresetId(v.presetId)) return null;
  return { kind: 'preset', presetId: v.presetId, chosenAt: typeof v.chosenAt === 'string' ? v.chosenAt : new Date(0).toISOString() };
}

export const policyChoice = storage.defineItem<PolicyChoiceV2 | null>('local:policyChoice', {
  fallback: null,
  version: 2,
  migrations: { 2: migratePolicyChoiceV1 },
});

/** A stored choice as the current shape, whatever was stored (a corrupt value is "not chosen"). */
export function normaliseChoice(value: unknown): PolicyChoiceV2 | null {
  const v = value as Partial<PolicyChoiceV2> & Partial<PolicyChoiceV1> | null;
  if (!v || typeof v !== 'object') return null;
  if (v.kind === 'file') {
    const f = v as Extract<PolicyChoiceV2, { kind: 'file' }>;
    return typeof f.fileName === 'string' && f.policy && typeof f.policy === 'object' ? f : null;
  }
  // A version 1 value written before the migration ran (or by an older copy of the extension).
  return migratePolicyChoiceV1(v);
}

/** Reads the choice, treating a corrupt stored value as "not chosen" rather than throwing. */
export async function readPolicyChoice(): Promise<PolicyChoiceV2 | null> {
  try {
    return normaliseChoice(await policyChoice.getValue());
  } catch {
    return null;
  }
}

/** What the school's IT pushed through the browser's managed storage (public/managed_schema.json). Read only. */
export const managedPresetId = storage.defineItem<string | null>('managed:presetId', { fallback: null });
export const managedPolicyJson = storage.defineItem<string | null>('managed:policyJson', { fallback: null });
export const managedLocked = storage.defineItem<string[] | null>('managed:locked', { fallback: null });
export const managedLockAll = storage.defineItem<boolean | null>('managed:lockAll', { fallback: null });

/**
 * The last managed policy seen, as IT pushed it (the raw values, not a resolved policy), kept so IT's
 * policy is in force in the 2–6 s after the browser starts, before Chromium answers `storage.managed`.
 * Written whenever a managed read answers with a policy, removed when it answers with none (IT removed
 * it); validated whenever it is read (lib/ext/managed.ts), and never used once the browser has answered.
 */
export interface ManagedCacheV1 {
  presetId: string | null;
  policyJson: string | null;
  locked: string[] | null;
  lockAll: boolean | null;
  /** ISO time the browser last answered with these values. */
  seenAt: string;
}
export const managedCache = storage.defineItem<ManagedCacheV1 | null>('local:managedCache', { fallback: null, version: 1 });

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

/** Bumped by the background when the policy in force changes for a reason no other setting shows (IT's policy arrived). */
export const policyChangedAt = storage.defineItem<string | null>('local:policyChangedAt', { fallback: null, version: 1 });
