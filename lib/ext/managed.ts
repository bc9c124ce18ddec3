/**
 * The managed policy: what a school's IT pushes to every staff browser through the Google Admin console or
 * Microsoft Edge's policies, read from `chrome.storage.managed` (schema: public/managed_schema.json).
 * Keys: `presetId`, `policyJson` (a whole or partial policy, as JSON text), `locked` (dotted paths users
 * may not change) and `lockAll`. Where the browser has no managed storage (Firefox without policies,
 * a personal laptop), there is simply no managed layer.
 */
import { storage } from 'wxt/utils/storage';
import { managedFrom, MISTYPED_MANAGED_KEYS, type ManagedRead } from '../policy/managed-values';
import { managedCache, managedLockAll, managedLocked, managedPolicyJson, managedPresetId, type ManagedCacheV1 } from './settings';

export { managedFrom, type ManagedRead };

/** The four managed values as the browser gives them (null when not set). */
export type ManagedRaw = Omit<ManagedCacheV1, 'seenAt'>;

/**
 * Pure: a stored cache as the current shape, or null when it is not one (wrong types, no time, nothing in
 * it). A corrupt cache is ignored, never "repaired" into a policy IT did not push.
 */
export function normaliseManagedCache(value: unknown): ManagedCacheV1 | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const textOrNone = (x: unknown) => x == null || typeof x === 'string';
  if (!textOrNone(v.presetId) || !textOrNone(v.policyJson)) return null;
  if (!(v.locked == null || (Array.isArray(v.locked) && v.locked.every((p) => typeof p === 'string')))) return null;
  if (!(v.lockAll == null || typeof v.lockAll === 'boolean')) return null;
  if (typeof v.seenAt !== 'string' || Number.isNaN(Date.parse(v.seenAt))) return null;
  const unknown = mistypedOnly(v.unknown);
  if (v.unknown != null && !unknown) return null;
  const cache: ManagedCacheV1 = {
    presetId: (v.presetId as string | undefined) ?? null,
    policyJson: (v.policyJson as string | undefined) ?? null,
    locked: (v.locked as string[] | undefined) ?? null,
    lockAll: (v.lockAll as boolean | undefined) ?? null,
    ...(unknown ? { unknown } : {}),
    seenAt: v.seenAt,
  };
  const read = managedFrom(cache);
  return read.managed || read.problems ? cache : null;
}

/** Only the mistyped names' values of the types the schema gives them; undefined when there are none or one is not. */
function mistypedOnly(value: unknown): ManagedCacheV1['unknown'] | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  const ok = entries.every(([k, v]) => Object.hasOwn(MISTYPED_MANAGED_KEYS, k) && (typeof v === 'string' || typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))));
  return ok && entries.length ? (Object.fromEntries(entries) as ManagedCacheV1['unknown']) : undefined;
}

/**
 * The mistyped names the browser passed on (the schema lists them so that they reach us), by name; undefined when
 * none was pushed. Throws when the browser does not answer, like the four settings' reads.
 */
async function readMistyped(): Promise<ManagedCacheV1['unknown'] | undefined> {
  const names = Object.keys(MISTYPED_MANAGED_KEYS);
  const values = await storage.getItems(names.map((n) => `managed:${n}` as const));
  const found = Object.fromEntries(values.filter((v) => v.value != null).map((v) => [v.key.slice('managed:'.length), v.value]));
  return mistypedOnly(found);
}

/** The last managed policy seen, validated; null when there is none or it is corrupt. Never throws. */
export async function readManagedCache(): Promise<ManagedCacheV1 | null> {
  try {
    return normaliseManagedCache(await managedCache.getValue());
  } catch {
    return null;
  }
}

/** The browser answered: keep what IT pushed for the next start, or drop the cache if IT pushed nothing. */
export async function rememberManaged(raw: ManagedRaw, now = new Date()): Promise<void> {
  const read = managedFrom(raw);
  try {
    if (read.managed || read.problems) await managedCache.setValue({ ...raw, seenAt: now.toISOString() });
    else await managedCache.removeValue();
  } catch {
    // storage full or unavailable: the policy in force is unaffected, only the next start lacks the cache
  }
}

function cachedRead(cache: ManagedCacheV1): ManagedRead {
  return { ...managedFrom(cache), fromCache: { seenAt: cache.seenAt } };
}

async function load(): Promise<ManagedRead> {
  let unanswered = false;
  const get = async <T>(item: { getValue(): Promise<T> }) =>
    item.getValue().catch(() => {
      unanswered = true;
      return null;
    });
  const [presetId, policyJson, locked, lockAll, unknown] = await Promise.all([
    get(managedPresetId),
    get(managedPolicyJson),
    get(managedLocked),
    get(managedLockAll),
    get({ getValue: readMistyped }),
  ]);
  const raw: ManagedRaw = {
    presetId: typeof presetId === 'string' ? presetId : null,
    policyJson: typeof policyJson === 'string' ? policyJson : null,
    locked: Array.isArray(locked) ? locked.filter((p): p is string => typeof p === 'string') : null,
    lockAll: typeof lockAll === 'boolean' ? lockAll : null,
    ...(unknown ? { unknown } : {}),
  };
  if (unanswered) {
    // An error is no answer, not "IT removed the policy": the cache stays, and stands in if there is one.
    // (Where there is no managed storage at all, as in Firefox without policies, there is no cache either.)
    const cache = await readManagedCache();
    return cache ? cachedRead(cache) : managedFrom(raw);
  }
  await rememberManaged(raw);
  return managedFrom(raw);
}

let current: ManagedRead | undefined;
let loading: Promise<ManagedRead> | undefined;
/** Bumped by `forgetManaged`, so a read started before it never sets what is current after it. */
let generation = 0;
/** Once a read has waited in vain, later reads do not wait again until the answer comes. */
let waitedInVain = false;
const loaded = new Set<() => void>();

function startLoad(): Promise<ManagedRead> {
  const started = generation;
  loading ??= load().then((read) => {
    if (started !== generation) return read;
    current = read;
    // Only a read that went ahead without the answer needs resolving again.
    if (waitedInVain) for (const cb of loaded) cb();
    return read;
  });
  return loading;
}

/** Asks the browser for the managed policy now (the background does as it starts), without waiting for it. */
export function prefetchManaged(): void {
  if (!current) void startLoad();
}

/** The answer while the browser's is pending: the last managed policy seen, if any, unless the answer came meanwhile. */
async function whilePending(): Promise<ManagedRead & { pending?: boolean }> {
  const cache = await readManagedCache();
  if (current) return current;
  return cache ? { ...cachedRead(cache), pending: true } : { pending: true };
}

/**
 * The managed layer. Chromium answers `storage.managed` only once its policy service has loaded, which
 * takes 2–6 s after the browser starts (measured, Chromium 156 on Linux). A check must not wait that long,
 * so after `waitMs` the answer is "not known yet" (`pending`), with the last managed policy seen if there
 * is one (`fromCache`), and `onManagedLoaded` callbacks run when the answer arrives, so the policy is
 * resolved again.
 */
export async function readManaged(waitMs = 150): Promise<ManagedRead & { pending?: boolean }> {
  if (current) return current;
  const answer = startLoad();
  if (waitedInVain) return whilePending();
  const first = await Promise.race([answer, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), waitMs))]);
  if (first !== 'late') return first;
  waitedInVain = true;
  return whilePending();
}

export function onManagedLoaded(cb: () => void): () => void {
  loaded.add(cb);
  return () => loaded.delete(cb);
}

/** IT changed the managed policy: read it again. */
export function forgetManaged(): void {
  generation++;
  current = undefined;
  loading = undefined;
  waitedInVain = false;
}
