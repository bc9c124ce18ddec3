/**
 * Class rosters and consent registers, in Dexie (extension origin; the background worker and the options
 * page use it, never a ClassDojo page). Version 1 of the extension kept them in extension storage under
 * `rosters`; `moveStoredRosters` carries them over once and removes the old copy.
 *
 * After any change the `rostersChangedAt` setting is bumped, so open ClassDojo tabs fetch the roster again.
 */
import { sanitizeRoster } from '../rules/roster';
import type { Pupil } from '../rules/types';
import { guardDb, type StoredRoster } from './db';
import { rosters as legacyRosters, rostersChangedAt } from './settings';

const MAX_PUPILS = 2000;

async function changed(): Promise<void> {
  await rostersChangedAt.setValue(new Date().toISOString()).catch(() => undefined);
}

/**
 * A stored roster's pupils. Before consent had three states, a roster saved from the Classroom page stored
 * "no consent" (`false`) for every pupil although the page cannot know consent: in such a roster, untouched
 * since (its source is still 'page'), `false` is read as not recorded.
 */
function pupilsOf(row: Pick<StoredRoster, 'pupils' | 'source'> | undefined): Pupil[] {
  const pupils = sanitizeRoster(row?.pupils);
  return row?.source === 'page' ? pupils.map((p) => (p.photoConsent === false ? { ...p, photoConsent: null } : p)) : pupils;
}

export async function loadRoster(classId: string, database = guardDb()): Promise<Pupil[]> {
  return pupilsOf(await database.rosters.get(classId));
}

export async function listRosters(database = guardDb()): Promise<StoredRoster[]> {
  return (await database.rosters.toArray()).map((r) => ({ ...r, pupils: pupilsOf(r) }));
}

/** Replaces a class's roster whole (one write: an import never lands half done). */
export async function saveRoster(classId: string, pupils: unknown, source: StoredRoster['source'], database = guardDb()): Promise<number> {
  if (typeof classId !== 'string' || !classId || classId.length > 100) throw new Error('bad class id');
  const clean = sanitizeRoster(pupils).slice(0, MAX_PUPILS);
  await database.rosters.put({ classId, pupils: clean, source, updatedAt: new Date().toISOString() });
  await changed();
  return clean.length;
}

/** Deletes one class's roster and its spot-check records. */
export async function deleteClass(classId: string, database = guardDb()): Promise<void> {
  await database.transaction('rw', database.rosters, database.spotChecks, async () => {
    await database.rosters.delete(classId);
    await database.spotChecks.where('classId').equals(classId).delete();
  });
  await changed();
}

/** Carries version 1's rosters (extension storage) into Dexie, once; a roster already in Dexie wins. */
export async function moveStoredRosters(database = guardDb()): Promise<number> {
  const old: unknown = await legacyRosters.getValue().catch(() => ({}));
  if (!old || typeof old !== 'object' || Object.keys(old).length === 0) return 0;
  let moved = 0;
  await database.transaction('rw', database.rosters, async () => {
    for (const [classId, pupils] of Object.entries(old as Record<string, unknown>)) {
      if (await database.rosters.get(classId)) continue;
      await database.rosters.put({ classId, pupils: sanitizeRoster(pupils), source: 'migrated', updatedAt: new Date().toISOString() });
      moved++;
    }
  });
  await legacyRosters.removeValue();
  await changed();
  return moved;
}
