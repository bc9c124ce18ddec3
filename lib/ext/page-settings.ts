/**
 * The few stored settings the content script needs, read and watched without zod: the content script loads
 * on every ClassDojo page and must stay small (the validating readers in settings.ts pull zod in). What is
 * read here is checked by hand, and anything malformed is skipped, never thrown: a corrupt entry must not
 * turn checking off. The options page and the background read the same keys through settings.ts, which
 * repairs and reports them.
 */
import { browser } from 'wxt/browser';
import { effectiveRole, INSTALLED_BY_POLICY_KEY } from './role';

/**
 * Storage keys (WXT's `local:` items in settings.ts, without the area prefix) that change what the background
 * hands a page for its checks: `policyChangedAt`, which the background alone sets whenever the policy it
 * resolves may have changed (lib/ext/active-policy.ts `publishPolicyChanges`: the choice, the edits, IT's
 * managed policy and locks), and `rostersChangedAt`. A page never watches what the policy is resolved from,
 * so it never asks before the background has seen the change. Not `ignoredAlways`: the teacher's own list,
 * given to the running checker as it is (policy-sync.ts), with no new policy.
 */
export const POLICY_KEYS = {
  local: ['policyChangedAt', 'rostersChangedAt'],
} as const;

/** Calls `cb` when any of these keys changes. Returns the unwatch function; never throws. */
export function watchStorage(keys: { local?: readonly string[]; managed?: readonly string[] }, cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const wanted = area === 'local' ? keys.local : area === 'managed' ? keys.managed : undefined;
    if (wanted?.some((k) => k in changes)) cb();
  };
  try {
    browser.storage.onChanged.addListener(listener);
  } catch {
    return () => {};
  }
  return () => {
    try {
      browser.storage.onChanged.removeListener(listener);
    } catch {
      // the extension is gone: nothing left to unwatch
    }
  };
}

async function readLocal(key: string): Promise<unknown> {
  try {
    return (await browser.storage.local.get(key))[key];
  } catch {
    return undefined;
  }
}

/** Whether the spot-check is switched on (anything but `true` is off). */
/**
 * Whether this browser is a parent's (lib/ext/role.ts): the stored choice, overridden by IT's policy as last
 * seen or by an install from IT's policy (both make it staff's). One read of local storage; a failure reads
 * as staff, so checking never turns off by accident.
 */
export async function readParentMode(): Promise<boolean> {
  try {
    const got = await browser.storage.local.get(['userRole', 'managedCache', INSTALLED_BY_POLICY_KEY]);
    return effectiveRole(got.userRole, Boolean(got.managedCache) || got[INSTALLED_BY_POLICY_KEY] === true) === 'parent';
  } catch {
    return false;
  }
}

export async function readSpotCheckOn(): Promise<boolean> {
  return (await readLocal('spotCheckOn')) === true;
}

export function watchSpotCheckOn(cb: (on: boolean) => void): () => void {
  return watchStorage({ local: ['spotCheckOn'] }, () => void readSpotCheckOn().then(cb));
}

export interface IgnoredEntry {
  rule: string;
  text: string;
  at?: string;
}

const MAX_IGNORED = 500;

/**
 * The well-formed entries, the newest MAX_IGNORED. Any length of text is honoured, as the options page lists it
 * (lib/ext/settings.ts `ignoredAlways`): an entry the settings show is one the checker honours (probe 14h H5).
 */
function validEntries(raw: unknown): IgnoredEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((e): e is IgnoredEntry => !!e && typeof e === 'object' && typeof e.rule === 'string' && typeof e.text === 'string').slice(-MAX_IGNORED);
}

/** The teacher's "Always ignore" list: well-formed entries only. */
export async function readIgnoredAlways(): Promise<IgnoredEntry[]> {
  return validEntries(await readLocal('ignoredAlways'));
}

/** Adds one "Always ignore" entry. Storage full or gone: ignored for this page only (resolves false). */
export async function addIgnoredAlways(entry: IgnoredEntry): Promise<boolean> {
  try {
    const list = validEntries(await readLocal('ignoredAlways'));
    await browser.storage.local.set({ ignoredAlways: [...list, entry].slice(-MAX_IGNORED) });
    return true;
  } catch {
    return false;
  }
}
