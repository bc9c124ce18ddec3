/**
 * The managed policy: what a school's IT pushes to every staff browser through the Google Admin console or
 * Microsoft Edge's policies, read from `chrome.storage.managed` (schema: public/managed_schema.json).
 * Keys: `presetId`, `policyJson` (a whole or partial policy, as JSON text), `locked` (dotted paths users
 * may not change) and `lockAll`. Where the browser has no managed storage (Firefox without policies,
 * a personal laptop), there is simply no managed layer.
 */
import type { ManagedPolicy } from '../policy/resolve';
import type { PolicyProblem } from '../policy/parse';
import { managedLockAll, managedLocked, managedPolicyJson, managedPresetId } from './settings';

export interface ManagedRead {
  managed?: ManagedPolicy;
  /** Why the pushed policy cannot be used (its JSON does not parse), in the same form as a policy's problems. */
  problems?: PolicyProblem[];
}

/** Pure: the managed layer from the raw managed values. */
export function managedFrom(raw: { presetId?: unknown; policyJson?: unknown; locked?: unknown; lockAll?: unknown }): ManagedRead {
  const managed: ManagedPolicy = {};
  if (typeof raw.presetId === 'string' && raw.presetId.trim()) managed.presetId = raw.presetId.trim();
  if (typeof raw.policyJson === 'string' && raw.policyJson.trim()) {
    try {
      managed.policy = JSON.parse(raw.policyJson);
    } catch (error) {
      return { problems: [{ path: 'policyJson', message: `the managed policy is not valid JSON (${(error as Error).message})` }] };
    }
  }
  if (raw.lockAll === true) managed.locked = 'all';
  else if (Array.isArray(raw.locked)) managed.locked = raw.locked.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return Object.keys(managed).length ? { managed } : {};
}

async function load(): Promise<ManagedRead> {
  const get = async <T>(item: { getValue(): Promise<T> }) => item.getValue().catch(() => null);
  const [presetId, policyJson, locked, lockAll] = await Promise.all([get(managedPresetId), get(managedPolicyJson), get(managedLocked), get(managedLockAll)]);
  return managedFrom({ presetId, policyJson, locked, lockAll });
}

let current: ManagedRead | undefined;
let loading: Promise<ManagedRead> | undefined;
/** Once a read has waited in vain, later reads do not wait again until the answer comes. */
let waitedInVain = false;
const loaded = new Set<() => void>();

/**
 * The managed layer. Chromium answers `storage.managed` only once its policy service has loaded, which
 * takes 2–6 s after the browser starts (measured, Chromium 156 on Linux). A check must not wait that long,
 * so after `waitMs` the answer is "not known yet" (`pending`), and `onManagedLoaded` callbacks run when it
 * arrives, so the policy is resolved again.
 */
export async function readManaged(waitMs = 150): Promise<ManagedRead & { pending?: boolean }> {
  if (current) return current;
  if (loading && waitedInVain) return { pending: true };
  loading ??= load().then((read) => {
    current = read;
    for (const cb of loaded) cb();
    return read;
  });
  return Promise.race([
    loading,
    new Promise<ManagedRead & { pending: true }>((resolve) =>
      setTimeout(() => {
        waitedInVain = true;
        resolve({ pending: true });
      }, waitMs),
    ),
  ]);
}

export function onManagedLoaded(cb: () => void): () => void {
  loaded.add(cb);
  return () => loaded.delete(cb);
}

/** IT changed the managed policy: read it again. */
export function forgetManaged(): void {
  current = undefined;
  loading = undefined;
  waitedInVain = false;
}
