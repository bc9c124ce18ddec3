/**
 * Settings kept in the extension's local storage. Versioned items: when a shape changes, bump the
 * version and add a migration; never reuse a key for a different shape.
 *
 * Every item we write is read through a schema (zod/mini: small enough for the content script): a stored
 * value that does not fit (hand-edited, written by a broken build, half-written) is replaced by the
 * item's default, in storage too, and reported in `settingProblems`, which the options page shows. A
 * corrupt setting therefore never throws in a reader and never silently turns checking off.
 * The `managed:` items are IT's, read only; lib/ext/managed.ts checks each of them as it reads it.
 */
import type { WxtStorageItem } from 'wxt/utils/storage';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { isPresetId, type PresetId } from '../policy/catalog';
import { clampRetentionDays, RETENTION_CHOICES, RETENTION_DEFAULT_DAYS } from './retention';

// ---- reading settings safely --------------------------------------------------------------------------

/** The settings read through a schema, by name (the options page names each in words: `setting_<name>`). */
export const SETTING_NAMES = [
  'policyChoice',
  'policyEdits',
  'ignoredAlways',
  'spotCheckOn',
  'retentionDays',
  'managedCache',
  'rosters',
  'rostersChangedAt',
  'policyChangedAt',
  'userRole',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** A setting that could not be read and was reset to its default: which, and when (ISO time). */
export interface SettingProblem {
  setting: SettingName;
  at: string;
}

const SettingProblemSchema = z.object({ setting: z.enum(SETTING_NAMES), at: z.string() });

/** The problems found so far, newest last, at most `MAX_PROBLEMS`; cleared when the user dismisses them. */
export const settingProblems = storage.defineItem<SettingProblem[]>('local:settingProblems', { fallback: [], version: 1 });
const MAX_PROBLEMS = 20;
/** Two readers (the background and a tab) finding the same corrupt value at once report it once. */
const SAME_PROBLEM_MS = 60_000;

/** The problems as stored, keeping only well-formed entries (this list is never itself reported). */
export function normaliseSettingProblems(value: unknown): SettingProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const r = SettingProblemSchema.safeParse(p);
    return r.success ? [r.data] : [];
  });
}

export async function readSettingProblems(): Promise<SettingProblem[]> {
  try {
    return normaliseSettingProblems(await settingProblems.getValue());
  } catch {
    return [];
  }
}

/** Adds a problem to the stored list. Never throws: reporting must not break the reader. */
export async function reportSettingProblem(setting: SettingName, now = new Date()): Promise<void> {
  try {
    const list = await readSettingProblems();
    const recent = list.some((p) => p.setting === setting && Math.abs(now.getTime() - Date.parse(p.at)) < SAME_PROBLEM_MS);
    if (recent) return;
    await settingProblems.setValue([...list, { setting, at: now.toISOString() }].slice(-MAX_PROBLEMS));
  } catch {
    // storage unavailable: the value read is still the safe default
  }
}

/** Forgets the reported problems (the options page's "Dismiss"). */
export async function clearSettingProblems(): Promise<void> {
  await settingProblems.removeValue();
}

/** A value checked against a setting's schema: what to use, and whether the stored value had to be replaced. */
export interface SettingRead<T> {
  value: T;
  reset: boolean;
}

/**
 * A storage item whose `getValue` and `watch` only ever give values that fit its schema. It is a
 * `WxtStorageItem`, so every existing reader (the content script's included) gets the checked value.
 */
export interface Setting<T> extends WxtStorageItem<T, {}> {
  readonly setting: SettingName;
  /** Pure: a stored value checked, without writing or reporting anything. */
  check(stored: unknown): SettingRead<T>;
  /** Reads, and when the stored value does not fit, replaces it with the default and reports it. */
  read(now?: Date): Promise<SettingRead<T>>;
}

interface SettingSpec<T> {
  name: SettingName;
  item: WxtStorageItem<T, {}>;
  /** What a stored value must be; its output is the value used (a transform may bring an old shape up to date). */
  schema: z.ZodMiniType<T, unknown>;
  /**
   * For a value that does not fit: what can still be used (e.g. a list's good entries), else undefined
   * for the default. The stored value is replaced with this, and reported, either way.
   */
  repair?: (stored: unknown) => T | undefined;
}

function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
  const { item, schema, name } = spec;
  const fallback = item.fallback;
  const check = (stored: unknown): SettingRead<T> => {
    if (stored === null || stored === undefined) return { value: fallback, reset: false };
    const parsed = schema.safeParse(stored);
    if (parsed.success) return { value: parsed.data, reset: false };
    let repaired: T | undefined;
    try {
      repaired = spec.repair?.(stored);
    } catch {
      repaired = undefined;
    }
    return { value: repaired === undefined ? fallback : repaired, reset: true };
  };
  const read = async (now = new Date()): Promise<SettingRead<T>> => {
    const result = check(await item.getValue());
    if (result.reset) {
      try {
        if (result.value === fallback) await item.removeValue();
        else await item.setValue(result.value);
      } catch {
        // storage unavailable: it is read as the default (and reported) again next time
      }
      await reportSettingProblem(name, now);
    }
    return result;
  };
  return {
    ...item,
    // The spread copies the item's methods as they were defined (closures over its key), so these are its own.
    setting: name,
    check,
    read,
    getValue: async () => (await read()).value,
    watch: (cb) => item.watch((next, previous) => cb(check(next).value, check(previous).value)),
  };
}

/** Reads a setting through its schema: the value to use, and `reset` when the stored value was corrupt. */
export function readSetting<T>(setting: Setting<T>, now?: Date): Promise<SettingRead<T>> {
  return setting.read(now);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isoTime = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s))));

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

const PresetIdSchema = z.custom<PresetId>((v) => isPresetId(v));
const chosenAt = z._default(z.string(), () => new Date(0).toISOString());
const PolicyChoiceSchema: z.ZodMiniType<PolicyChoiceV2 | null, unknown> = z.union([
  z.object({ kind: z.literal('preset'), presetId: PresetIdSchema, chosenAt }),
  z.object({ kind: z.literal('file'), fileName: z.string(), policy: z.custom<object>((v) => isPlainObject(v)), chosenAt }),
  // A version 1 value written before the migration ran (or by an older copy of the extension).
  z.pipe(
    z.object({ kind: z.optional(z.undefined()), presetId: PresetIdSchema, chosenAt: z.optional(z.unknown()) }),
    z.transform((v) => migratePolicyChoiceV1(v)),
  ),
]);

export const policyChoice = defineSetting<PolicyChoiceV2 | null>({
  name: 'policyChoice',
  item: storage.defineItem<PolicyChoiceV2 | null>('local:policyChoice', {
    fallback: null,
    version: 2,
    migrations: { 2: migratePolicyChoiceV1 },
  }),
  schema: PolicyChoiceSchema,
});

/** A stored choice as the current shape, whatever was stored (a corrupt value is "not chosen"). */
export function normaliseChoice(value: unknown): PolicyChoiceV2 | null {
  return policyChoice.check(value).value;
}

/** Reads the choice, treating a corrupt stored value as "not chosen" (reset and reported) rather than throwing. */
export async function readPolicyChoice(): Promise<PolicyChoiceV2 | null> {
  try {
    return await policyChoice.getValue();
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
  /** Mistyped setting names IT pushed (lib/policy/managed-values.ts MISTYPED_MANAGED_KEYS), by name; absent when none. */
  unknown?: Record<string, string | boolean | string[]>;
  /** ISO time the browser last answered with these values. */
  seenAt: string;
}
const nullable = <T extends z.ZodMiniType>(t: T) => z.pipe(z.optional(z.nullable(t)), z.transform((v) => v ?? null));
export const managedCache = defineSetting<ManagedCacheV1 | null>({
  name: 'managedCache',
  item: storage.defineItem<ManagedCacheV1 | null>('local:managedCache', { fallback: null, version: 1 }),
  // The shape only: lib/ext/managed.ts checks that it holds a policy (and ignores it when it does not).
  schema: z.object({
    presetId: nullable(z.string()),
    policyJson: nullable(z.string()),
    locked: nullable(z.array(z.string())),
    lockAll: nullable(z.boolean()),
    unknown: z.optional(z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())]))),
    seenAt: isoTime,
  }) as unknown as z.ZodMiniType<ManagedCacheV1 | null, unknown>,
});

/** Class rosters by ClassDojo class id: names, photo consent and in-care flags the teacher saved. */
export interface RosterEntryV1 {
  first: string;
  last: string;
  photoConsent: boolean | Record<string, boolean>;
  inCare: boolean;
}
/** Version 1's home for rosters; they now live in Dexie (lib/ext/rosters.ts moves them). Read only to move. */
export const rosters = defineSetting<Record<string, RosterEntryV1[]>>({
  name: 'rosters',
  item: storage.defineItem<Record<string, RosterEntryV1[]>>('local:rosters', { fallback: {}, version: 1 }),
  // Each class's pupils are cleaned as they move (sanitizeRoster): here, only "an object of lists".
  schema: z.custom<Record<string, RosterEntryV1[]>>((v) => isPlainObject(v) && Object.values(v).every(Array.isArray)),
  repair: (v) => (isPlainObject(v) ? (Object.fromEntries(Object.entries(v).filter(([, p]) => Array.isArray(p))) as Record<string, RosterEntryV1[]>) : undefined),
});

/** Bumped whenever a roster changes, so open ClassDojo tabs fetch theirs again (Dexie has no cross-context events). */
export const rostersChangedAt = defineSetting<string | null>({
  name: 'rostersChangedAt',
  item: storage.defineItem<string | null>('local:rostersChangedAt', { fallback: null, version: 1 }),
  schema: isoTime,
});

/**
 * The user's own edits over the chosen preset (a partial policy), validated whole before use: here, only
 * "an object" (the value is kept as stored, not rebuilt, so a key such as `__proto__` stays an own key).
 */
export const policyEdits = defineSetting<unknown>({
  name: 'policyEdits',
  item: storage.defineItem<unknown>('local:policyEdits', { fallback: null, version: 1 }),
  schema: z.custom<Record<string, unknown>>((v) => isPlainObject(v)),
});

/** Findings the teacher chose to ignore always: a rule and the exact words, undone from the options page. */
export interface IgnoredV1 {
  rule: string;
  text: string;
  at: string;
}
const IgnoredSchema = z.object({ rule: z.string().check(z.minLength(1)), text: z.string(), at: z._default(z.string(), '') });
export const ignoredAlways = defineSetting<IgnoredV1[]>({
  name: 'ignoredAlways',
  item: storage.defineItem<IgnoredV1[]>('local:ignoredAlways', { fallback: [], version: 1 }),
  schema: z.array(IgnoredSchema),
  // One bad entry does not cost the teacher the others: the good ones are kept (and the reset reported).
  repair: (v) =>
    Array.isArray(v)
      ? v.flatMap((entry) => {
          const r = IgnoredSchema.safeParse(entry);
          return r.success ? [r.data] : [];
        })
      : undefined,
});

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

/**
 * Who uses Policy Guard in this browser, chosen at first run: `staff` (the teachers' checks, rosters,
 * spot-checks) or `parent` (the parent hint and a parent popup only). `null` until chosen. A browser the
 * school's IT manages is staff's whatever is stored here (lib/ext/role.ts).
 */
export const userRole = defineSetting<'staff' | 'parent' | null>({
  name: 'userRole',
  item: storage.defineItem<'staff' | 'parent' | null>('local:userRole', { fallback: null, version: 1 }),
  schema: z.enum(['staff', 'parent']),
});

/** Whether the spot-check overlay is on (switched from the popup or the keyboard shortcut). */
export const spotCheckOn = defineSetting<boolean>({
  name: 'spotCheckOn',
  item: storage.defineItem<boolean>('local:spotCheckOn', { fallback: false, version: 1 }),
  schema: z.boolean(),
});

/**
 * How long the extension keeps its records (events and spot-checks), in days; purged when the worker
 * starts. A whole number from 30 to 730: a number outside that is clamped (and reported), anything else
 * (text, NaN) is the default, 365.
 */
export { RETENTION_CHOICES };
export const retentionDays = defineSetting<number>({
  name: 'retentionDays',
  item: storage.defineItem<number>('local:retentionDays', { fallback: RETENTION_DEFAULT_DAYS, version: 1 }),
  schema: z.number().check(z.refine((n) => Number.isFinite(n) && clampRetentionDays(n) === n)),
  repair: (v) => (typeof v === 'number' && Number.isFinite(v) ? clampRetentionDays(v) : undefined),
});

/** Bumped by the background when the policy in force changes for a reason no other setting shows (IT's policy arrived). */
export const policyChangedAt = defineSetting<string | null>({
  name: 'policyChangedAt',
  item: storage.defineItem<string | null>('local:policyChangedAt', { fallback: null, version: 1 }),
  schema: isoTime,
});
