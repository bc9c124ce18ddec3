/**
 * Whether the school's IT's settings are why no policy is in force. Its own module with no imports, so the
 * popup can ask without loading the presets and the schema (lib/policy/managed-values.ts resolves the layers).
 */

/** The layers a state's problems name (lib/policy/managed-values.ts ResolvedState). */
interface StateLike {
  policy: unknown;
  problems?: { layer: string }[];
}

/**
 * Whether the policy IT pushed is why nothing is checked: its policyJson is not JSON, names an unknown preset,
 * or makes the policy invalid. The staff cannot fix that by choosing a policy (IT's wins): only IT can.
 */
export function itPolicyBroken(state: StateLike | null | undefined): boolean {
  return !!state && !state.policy && !!state.problems?.some((p) => p.layer === 'managed-json' || p.layer === 'managed');
}
