/**
 * The school's IT's managed settings (public/managed_schema.json: `presetId`, `policyJson`, `locked`,
 * `lockAll`) turned into the policy a browser applies, with no browser access: the extension's background and
 * pages (lib/ext/active-policy.ts) and `guard policy validate` (cli/policy.ts) run this same code, so what the
 * command accepts is what a staff browser will use.
 */
import { parsePolicy, type PolicyProblem } from './parse';
import { checkLocks, resolvePolicy, type Layer, type ManagedPolicy } from './resolve';
import type { Policy } from './schema';

/** The four managed settings' names, as Chrome's policy lists them (public/managed_schema.json). */
export const MANAGED_KEYS = ['presetId', 'policyJson', 'locked', 'lockAll'] as const;

export interface ManagedRead {
  managed?: ManagedPolicy;
  /** Why the pushed policy cannot be used (its JSON does not parse), in the same form as a policy's problems. */
  problems?: PolicyProblem[];
  /**
   * Set when this is the last managed policy seen (kept in `storage.local`), used because the browser has
   * not answered yet: when the browser last answered with it.
   */
  fromCache?: { seenAt: string };
}

/** Pure: the managed layer from the raw managed values (values of the wrong type are not IT's settings). */
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

/** What staff chose in the options page: a preset, or the school's own policy file (lib/ext/settings.ts PolicyChoiceV2). */
export type ChosenPolicy = { kind: 'preset'; presetId: string } | { kind: 'file'; policy: unknown };

/** The policy in force from the three layers, and why not when there is none (lib/ext/active-policy.ts PolicyState). */
export interface ResolvedState {
  policy: Policy | null;
  /** Whether the school's IT has pushed a policy or settings. */
  managed: boolean;
  /** Whether IT chose the policy itself (a preset, or a whole policy): nobody picks another in this browser. */
  itChoosesPolicy: boolean;
  /** Paths users may not change ('all' when IT locked everything). */
  locked: string[] | 'all';
  /**
   * When no policy can be used, or a layer was refused: which layer, and why. `managed-json`: IT's policyJson
   * is not JSON; `managed-locked`: IT's locks that name no setting of the policy, refused (the policy itself
   * is in force).
   */
  problems?: { layer: Layer | 'managed-json' | 'managed-locked'; problems: PolicyProblem[] }[];
}

/**
 * Pure: the policy in force in a browser from the staff's choice (null when none), their edits (a partial
 * policy, or null) and IT's managed layer as read. A managed policy that cannot be used is a failure with its
 * problems, never a fall-back to the staff's choice.
 */
export function resolveState(choice: ChosenPolicy | null, edits: unknown, read: ManagedRead): ResolvedState {
  const managed = read.managed;
  // IT may push a whole policy with no preset: it is then the base, as an imported file would be, whatever
  // staff chose before (merged over their preset, its clauses and IT's would mix). A policyJson that is not a
  // whole policy goes over their choice; where they chose none it is the base, and its problems say why not.
  const wholeFromIt = !managed?.presetId && managed?.policy !== undefined && parsePolicy(managed.policy).ok;
  const itIsBase = !managed?.presetId && managed?.policy !== undefined && (!choice || wholeFromIt);
  const itChoosesPolicy = !!managed?.presetId || itIsBase;
  if (read.problems) {
    // A managed policy that cannot be read is a failure to report, never a silent fall-back to the user's.
    return { policy: null, managed: true, itChoosesPolicy, locked: 'all', problems: [{ layer: 'managed-json', problems: read.problems }] };
  }
  if (!choice && !managed?.presetId && managed?.policy === undefined) {
    // Nothing chosen yet: "choose a policy" is the message; bad locks are reported once there is a policy.
    return { policy: null, managed: !!managed, itChoosesPolicy, locked: checkLocks(managed?.locked).locked };
  }
  const resolved = resolvePolicy({
    presetId: choice?.kind === 'preset' ? choice.presetId : undefined,
    base: itIsBase ? managed!.policy : choice?.kind === 'file' ? choice.policy : undefined,
    user: edits ?? undefined,
    managed: itIsBase ? { ...managed, policy: undefined } : managed,
  });
  const lockProblems = resolved.lockProblems?.length ? [{ layer: 'managed-locked' as const, problems: resolved.lockProblems }] : [];
  if (!resolved.ok) {
    return { policy: null, managed: !!managed, itChoosesPolicy, locked: checkLocks(managed?.locked).locked, problems: [{ layer: resolved.layer, problems: resolved.problems }, ...lockProblems] };
  }
  return {
    policy: resolved.policy,
    managed: !!managed,
    itChoosesPolicy,
    locked: resolved.locked,
    ...(resolved.rejected.length || lockProblems.length ? { problems: [...resolved.rejected, ...lockProblems] } : {}),
  };
}

export { itPolicyBroken } from './it-policy';
