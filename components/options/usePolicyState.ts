import { useEffect, useState } from 'preact/hooks';
import type { PolicyState } from '../../lib/ext/active-policy';
import { policyChangedAt, watchSafely } from '../../lib/ext/settings';
import { readPolicyState } from './policy-requests';

/**
 * The policy in force and where it comes from, as the background resolved it, asked for again whenever the
 * background publishes a change (`policyChangedAt`: a new choice, edits, IT's managed policy arriving or
 * changing). Undefined until the first answer.
 */
export function usePolicyState(): PolicyState | undefined {
  const [state, setState] = useState<PolicyState | undefined>();
  useEffect(() => {
    let seq = 0;
    const refresh = () => {
      const mine = ++seq;
      void readPolicyState()
        .catch((): PolicyState => ({ policy: null, choice: null, managed: false, locked: [] }))
        .then((next) => {
          if (mine === seq) setState(next); // an older answer never replaces a newer one
        });
    };
    refresh();
    const stop = watchSafely(policyChangedAt as { watch(cb: (value: unknown) => void): () => void }, refresh);
    return stop;
  }, []);
  return state;
}
