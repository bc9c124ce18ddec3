import { useEffect, useState } from 'preact/hooks';
import { policyState, type PolicyState } from '../../lib/ext/active-policy';
import { onManagedLoaded } from '../../lib/ext/managed';
import { managedLockAll, managedLocked, managedPolicyJson, managedPresetId, policyChoice, policyEdits, watchSafely } from '../../lib/ext/settings';

/** The policy in force and where it comes from, kept current as the choice, edits or managed policy change. */
export function usePolicyState(): PolicyState | undefined {
  const [state, setState] = useState<PolicyState | undefined>();
  useEffect(() => {
    const refresh = () => void policyState().then(setState).catch(() => setState({ policy: null, choice: null, managed: false, locked: [] }));
    refresh();
    const stops = [policyChoice, policyEdits, managedPresetId, managedPolicyJson, managedLocked, managedLockAll].map((item) =>
      watchSafely(item as { watch(cb: (value: unknown) => void): () => void }, refresh),
    );
    // IT's policy can arrive a few seconds after the browser starts.
    stops.push(onManagedLoaded(refresh));
    return () => stops.forEach((stop) => stop());
  }, []);
  return state;
}
