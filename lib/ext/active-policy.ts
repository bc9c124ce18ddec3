/**
 * The policy in force in this browser, resolved from the stored choice (managed and user layers join
 * here as they land). Background only: it imports every preset and the schema.
 */
import type { Policy } from '../policy/schema';
import { resolvePolicy } from '../policy/resolve';
import { policyChoice, policyEdits, readPolicyChoice } from './settings';

let cached: { key: string; policy: Policy | null } | undefined;

export async function activePolicy(): Promise<Policy | null> {
  const choice = await readPolicyChoice();
  const edits = await policyEdits.getValue().catch(() => null);
  const key = JSON.stringify([choice, edits]);
  if (cached?.key === key) return cached.policy;
  const resolved = choice ? resolvePolicy({ presetId: choice.presetId, user: edits ?? undefined }) : undefined;
  const policy = resolved?.ok ? resolved.policy : null;
  cached = { key, policy };
  return policy;
}

/** Forget the cached policy when the choice changes. */
export function watchActivePolicy(): () => void {
  const forget = () => {
    cached = undefined;
  };
  const a = policyChoice.watch(forget);
  const b = policyEdits.watch(forget);
  return () => {
    a();
    b();
  };
}
