import { useEffect, useState } from 'preact/hooks';
import { effectiveRole, type Role } from '../../lib/ext/role';
import { userRole, watchSafely } from '../../lib/ext/settings';

/**
 * The role in force for the options page and the popup: `staff` when IT manages the browser, else the user's
 * choice, `undefined` until they make it. `ready` is false until the stored choice has been read, so a page
 * never flashes the first-run question at someone who has answered it.
 */
export function useRole(managed: boolean | undefined): { ready: boolean; role: Role | undefined; chosen: Role | undefined } {
  const [stored, setStored] = useState<'staff' | 'parent' | null | undefined>(undefined);
  useEffect(() => {
    void userRole.getValue().then(setStored).catch(() => setStored(null));
    return watchSafely(userRole as { watch(cb: (value: unknown) => void): () => void }, (v) => setStored(v === 'staff' || v === 'parent' ? v : null));
  }, []);
  return { ready: stored !== undefined && managed !== undefined, role: effectiveRole(stored, managed ?? false), chosen: stored ?? undefined };
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
