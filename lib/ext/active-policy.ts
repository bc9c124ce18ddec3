/**
 * The policy in force in this browser: the managed layer (the school's IT) over the user's edits over the
 * chosen preset or policy file. Resolved in the background only, and published from there
 * (`publishPolicyChanges`): every page, the extension's own included, asks the background for it
 * (lib/ext/messages.ts `get-policy`, `popup-state`, `policy-state`). It imports every preset and the schema.
 */
import type { PolicyProblem } from '../policy/parse';
import { resolveState } from '../policy/managed-values';
import { mergeLayers, resolvePolicy, type Layer } from '../policy/resolve';
import type { Policy } from '../policy/schema';
import { forgetManaged, onManagedLoaded, readManaged } from './managed';
import { managedLockAll, managedLocked, managedPolicyJson, managedPresetId, policyChangedAt, policyChoice, policyEdits, readPolicyChoice, type PolicyChoice } from './settings';

export interface PolicyState {
  policy: Policy | null;
  choice: PolicyChoice | null;
  /** Whether the school's IT has pushed a policy or settings. */
  managed: boolean;
  /** Whether IT chose the policy itself (a preset, or a whole policy): nobody picks another in this browser. */
  itChoosesPolicy?: boolean;
  /** Paths users may not change ('all' when IT locked everything). */
  locked: string[] | 'all';
  /**
   * Set while the browser has not yet answered for the managed policy (the first seconds after it starts)
   * and the managed layer is the last one seen, kept from an earlier answer; `managedSeenAt` says when.
   */
  managedFromCache?: true;
  managedSeenAt?: string;
  /** Set while the browser has not yet answered for the managed policy at all (whatever stands in meanwhile). */
  managedPending?: true;
  /**
   * When no policy can be used, or a layer was refused: which layer, and why. `managed-locked`: IT's locks
   * that name no setting of the policy, refused (the policy itself is in force).
   */
  problems?: { layer: Layer | 'managed-json' | 'managed-locked'; problems: PolicyProblem[] }[];
}

let cached: { key: string; state: PolicyState } | undefined;

export async function policyState(): Promise<PolicyState> {
  const [choice, edits, read] = await Promise.all([readPolicyChoice(), policyEdits.getValue().catch(() => null), readManaged()]);
  const key = JSON.stringify([choice, edits, read]);
  if (cached?.key === key && !read.pending) return cached.state;
  // The same resolution `guard policy validate` runs on IT's settings (lib/policy/managed-values.ts).
  const state: PolicyState = { ...resolveState(choice, edits, read), choice };
  if (read.pending) state.managedPending = true;
  if (read.fromCache) {
    state.managedFromCache = true;
    state.managedSeenAt = read.fromCache.seenAt;
  }
  cached = { key, state };
  return state;
}

export async function activePolicy(): Promise<Policy | null> {
  return (await policyState()).policy;
}

/**
 * The background's one publication of the policy in force: whenever something it is resolved from changes (the
 * choice, the user's edits, IT's managed policy or locks, or IT's policy arriving after the browser started),
 * the cached resolution is dropped and `policyChangedAt` is set to a new ISO time (removed when there is nothing
 * to resolve from: no choice, no edits that matter, no policy from IT). Content scripts, the popup
 * and the options page watch that one key and ask the background again (`get-policy`, `popup-state`,
 * `policy-state`); none resolves the policy itself. Returns the unwatch function.
 */
export function publishPolicyChanges(): () => void {
  let last = 0;
  const changed = () => {
    cached = undefined;
    // Strictly later than the last one published, so two changes in one millisecond are still two changes.
    last = Math.max(Date.now(), last + 1);
    const at = new Date(last).toISOString();
    void policyState()
      // Nothing to resolve from (no choice, no IT policy: a new browser, or every setting deleted): no key is
      // left behind either, so "delete all data" leaves storage as empty as it found it.
      .then((state) => (state.policy || state.problems?.length || state.managed ? at : null))
      .catch(() => at)
      .then((value) => policyChangedAt.setValue(value))
      .catch(() => undefined);
  };
  const stops = [policyChoice, policyEdits].map((item) => (item as { watch(cb: () => void): () => void }).watch(changed));
  for (const item of [managedPresetId, managedPolicyJson, managedLocked, managedLockAll]) {
    try {
      stops.push(
        (item as { watch(cb: () => void): () => void }).watch(() => {
          forgetManaged();
          changed();
        }),
      );
    } catch {
      // no managed storage in this browser
    }
  }
  // The managed policy arrived after a check went ahead without it: resolve again, and tell the pages.
  stops.push(onManagedLoaded(changed));
  return () => stops.forEach((stop) => stop());
}

/**
 * Checks the user's edits before they are saved: the problems (by field) if they would make the policy
 * invalid, else undefined. Saving goes through `saveEdits`, which never stores edits that fail this.
 */
export async function tryEdits(next: unknown): Promise<PolicyProblem[] | undefined> {
  const [choice, read] = await Promise.all([readPolicyChoice(), readManaged()]);
  const resolved = resolvePolicy({
    presetId: choice?.kind === 'preset' ? choice.presetId : undefined,
    base: choice?.kind === 'file' ? choice.policy : undefined,
    user: next,
    managed: read.managed,
  });
  if (!resolved.ok) return resolved.problems;
  return resolved.rejected.find((r) => r.layer === 'user')?.problems;
}

/** Adds a change to the user's edits (objects merge, lists replace), validated first. Returns the problems, if any. */
export async function saveEdits(patch: object): Promise<PolicyProblem[] | undefined> {
  const current = await policyEdits.getValue().catch(() => null);
  const next = mergeLayers(current && typeof current === 'object' ? current : {}, patch);
  const problems = await tryEdits(next);
  if (problems) return problems;
  await policyEdits.setValue(next);
  return undefined;
}

/** Drops every edit: back to the preset or file as chosen (and IT's settings). */
export async function resetEdits(): Promise<void> {
  await policyEdits.setValue(null);
}
