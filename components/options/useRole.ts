import { useEffect, useState } from 'preact/hooks';
import { effectiveRole, installedByPolicy, type Role } from '../../lib/ext/role';
import { userRole, watchSafely } from '../../lib/ext/settings';

/**
 * The role in force for the options page: `staff` when IT manages the browser (settings pushed, or the
 * extension installed by IT's policy), else the user's choice, `undefined` until they make it. `ready` is
 * false until the stored choice and the install type have been read, so a page never flashes the first-run
 * question at someone who has answered it, nor at a browser IT installed it in. `itManaged` says either.
 */
export function useRole(managed: boolean | undefined): { ready: boolean; role: Role | undefined; chosen: Role | undefined; itManaged: boolean } {
  const [stored, setStored] = useState<'staff' | 'parent' | null | undefined>(undefined);
  const [admin, setAdmin] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void userRole.getValue().then(setStored).catch(() => setStored(null));
    void installedByPolicy().then(setAdmin);
    return watchSafely(userRole as { watch(cb: (value: unknown) => void): () => void }, (v) => setStored(v === 'staff' || v === 'parent' ? v : null));
  }, []);
  const itManaged = (managed ?? false) || admin === true;
  return { ready: stored !== undefined && managed !== undefined && admin !== undefined, role: effectiveRole(stored, itManaged), chosen: stored ?? undefined, itManaged };
}

/** Saves the choice; false when storage refused it. */
export async function chooseRole(role: Role): Promise<boolean> {
  try {
    await userRole.setValue(role);
    return true;
  } catch {
    return false;
  }
}
