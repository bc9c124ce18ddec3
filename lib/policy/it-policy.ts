/**
 * Whether the school's IT's settings are why no policy is in force. Its own module with no imports, so the
 * popup can ask without loading the presets and the schema (lib/policy/managed-values.ts resolves the layers).
 */
import type { PolicyProblem } from './problem';

/** The layers a state's problems name (lib/policy/managed-values.ts ResolvedState). */
interface StateLike {
  policy: unknown;
  problems?: { layer: string; problems?: PolicyProblem[] }[];
}

/**
 * Whether the policy IT pushed is why nothing is checked: its policyJson is not JSON, names an unknown preset,
 * or makes the policy invalid. The staff cannot fix that by choosing a policy (IT's wins): only IT can.
 */
export function itPolicyBroken(state: StateLike | null | undefined): boolean {
  return !!state && !state.policy && !!state.problems?.some((p) => p.layer === 'managed-json' || p.layer === 'managed');
}

/**
 * What IT must fix, for the popup: the problems of IT's own layers (a policyJson that is not JSON, a setting name
 * that is not one — "presetID: … did you mean presetId?" —, a policy that is not valid, locks that name no
 * setting), in that order, as problems (lib/policy/problem.ts). Empty when IT's settings are all in force.
 */
export function itProblems(state: StateLike | null | undefined): PolicyProblem[] {
  const order = ['managed-json', 'managed', 'managed-locked'];
  return (state?.problems ?? [])
    .filter((p) => order.includes(p.layer))
    .sort((a, b) => order.indexOf(a.layer) - order.indexOf(b.layer))
    .flatMap((p) => p.problems ?? []);
}

/** Whether IT's settings are in force but some of IT's locks name no setting, so those settings are not locked. */
export function itLocksRefused(state: StateLike | null | undefined): boolean {
  return !!state?.policy && !!state.problems?.some((p) => p.layer === 'managed-locked');
}
