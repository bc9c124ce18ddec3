/**
 * The staff data a browser holds, and deleting it when the browser becomes a parent's (probe 19e D3). A
 * parent's browser needs only who uses it and the school chosen (lib/ext/role.ts); class rosters (pupils'
 * names, photo consent, in care), records (spot-checks, held sends, overrides), class names and the staff's
 * own settings (policy edits, words always ignored, the spot-check switch, how long records are kept) are
 * staff's, and must not stay, unseen, in a browser a parent uses. So switching to the parent mode asks, and
 * deletes them; and the parent's page says what is still there, if anything (from before this was so), and
 * offers to delete it.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { guardDb, type GuardDb } from './db';
import { RETENTION_DEFAULT_DAYS } from './retention';
import { INSTALLED_BY_POLICY_KEY } from './role';

/**
 * The storage.local keys a parent's browser keeps: who uses it, the school chosen, when the policy in force
 * last changed, the list of settings found corrupt, and whether IT installed the extension. WXT keeps a
 * versioned item's version under `<key>$`, which goes with its key.
 */
export const PARENT_KEYS: readonly string[] = ['userRole', 'policyChoice', 'policyChangedAt', 'settingProblems', INSTALLED_BY_POLICY_KEY];

/** Staff settings named to the user, by their storage key (the rest are bookkeeping: deleted, not named). */
export const NAMED_SETTINGS: Readonly<Record<string, 'policyEdits' | 'ignoredAlways' | 'spotCheckOn' | 'retentionDays'>> = {
  policyEdits: 'policyEdits',
  ignoredAlways: 'ignoredAlways',
  spotCheckOn: 'spotCheckOn',
  retentionDays: 'retentionDays',
};

/** What staff data a browser holds: counts, and the named staff settings stored. */
export interface StaffData {
  /** Classes with a roster, and the pupils on them (the database's and any left in the old storage key). */
  rosters: number;
  pupils: number;
  /** Spot-checks and events (held sends, overrides, fixes). */
  records: number;
  /** Class names read from ClassDojo's pages. */
  classes: number;
  /** The named staff settings stored and not at their default (keys of NAMED_SETTINGS). */
  settings: string[];
  /** storage.local keys to delete: every key that is not a parent's. */
  keys: string[];
}

/** Pure: whether a storage.local key is one a parent's browser keeps. */
export function isParentKey(key: string): boolean {
  return PARENT_KEYS.includes(key.endsWith('$') ? key.slice(0, -1) : key);
}

/**
 * Pure: whether staff data worth naming is held: a roster, a record, a class name or a staff setting that is
 * not its default. Bookkeeping keys (when rosters last changed…) are deleted with the rest, but are no one's data.
 */
export function hasStaffData(d: StaffData): boolean {
  return d.rosters > 0 || d.pupils > 0 || d.records > 0 || d.classes > 0 || d.settings.length > 0;
}

/** Pure: whether a stored staff setting differs from what a browser has without it. */
function isSet(key: string, value: unknown): boolean {
  if (key === 'policyEdits') return !!value && typeof value === 'object' && Object.keys(value).length > 0;
  if (key === 'ignoredAlways') return Array.isArray(value) && value.length > 0;
  if (key === 'spotCheckOn') return value === true;
  if (key === 'retentionDays') return value !== undefined && value !== null && value !== RETENTION_DEFAULT_DAYS;
  return false;
}

/** Pure: the staff data in storage.local (a whole `get(null)`), without the database. */
export function staffDataInStorage(all: Record<string, unknown>): Pick<StaffData, 'rosters' | 'pupils' | 'settings' | 'keys'> {
  const keys = Object.keys(all).filter((k) => !isParentKey(k));
  const settings = keys.filter((k) => k in NAMED_SETTINGS && isSet(k, all[k]));
  // Version 1 kept rosters in storage.local (lib/ext/rosters.ts moves them): counted if any are left there.
  const old = all.rosters && typeof all.rosters === 'object' && !Array.isArray(all.rosters) ? Object.values(all.rosters as Record<string, unknown>) : [];
  const lists = old.filter(Array.isArray) as unknown[][];
  return { rosters: lists.filter((l) => l.length > 0).length, pupils: lists.reduce((n, l) => n + l.length, 0), settings, keys };
}

const DB_NAME = 'policy-guard';

/**
 * The staff data this browser holds. The database is only opened when it exists (opening creates it).
 * Throws when storage cannot be read: the caller then treats the browser as holding staff data.
 */
export async function readStaffData(database?: GuardDb): Promise<StaffData> {
  const stored = staffDataInStorage(await browser.storage.local.get(null));
  const exists = database ? true : await Dexie.exists(DB_NAME);
  if (!exists) return { ...stored, records: 0, classes: 0 };
  const db = database ?? guardDb();
  const [rosters, records, classes] = await Promise.all([
    db.rosters.toArray(),
    Promise.all([db.events.count(), db.spotChecks.count()]).then(([a, b]) => a + b),
    db.classes.count(),
  ]);
  const withPupils = rosters.filter((r) => r.pupils.length > 0);
  return {
    ...stored,
    rosters: stored.rosters + withPupils.length,
    pupils: stored.pupils + withPupils.reduce((n, r) => n + r.pupils.length, 0),
    records,
    classes,
  };
}

/**
 * Deletes every piece of staff data: the whole database (rosters, records, class names: all of it is staff's)
 * and every storage.local key a parent's browser does not keep (PARENT_KEYS stay), and any reason being typed
 * (storage.session). Throws when the database or storage refuses; what was deleted before that stays deleted.
 */
export async function deleteStaffData(database?: GuardDb): Promise<void> {
  // The background's connection closes itself and reopens a fresh, empty database when next needed.
  if (database) await database.delete({ disableAutoOpen: false });
  else if (await Dexie.exists(DB_NAME)) await guardDb().delete({ disableAutoOpen: false });
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((k) => !isParentKey(k));
  if (keys.length) await browser.storage.local.remove(keys);
  await browser.storage.session?.clear().catch(() => undefined);
}
