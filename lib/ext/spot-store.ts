/**
 * Spot-check records in Dexie (extension origin: the background worker writes, the options page reads).
 * Every change is a read-modify-write in one transaction, so two tabs reviewing the same class on the
 * same day add to one record instead of overwriting each other.
 */
import {
  emptyRecord,
  isSpotRecord,
  mergeScan,
  recordKey,
  setKeepSnippets,
  setOutcome,
  type Outcome,
  type ScannedItem,
  type SpotRecord,
  type SpotView,
} from '../spot-check/record';
import { guardDb, type GuardDb } from './db';

export interface SpotScope {
  classId: string;
  view: SpotView;
  date: string;
}

async function update(scope: SpotScope, change: (r: SpotRecord) => SpotRecord, database: GuardDb): Promise<SpotRecord> {
  return database.transaction('rw', database.spotChecks, async () => {
    const key = recordKey(scope.classId, scope.view, scope.date);
    const found = await database.spotChecks.where('key').equals(key).first();
    const now = new Date().toISOString();
    const current = found && isSpotRecord(found) ? found : emptyRecord(scope.classId, scope.view, scope.date, now);
    const next = change(current);
    if (next === current && found) return current;
    if (found?.id !== undefined) next.id = found.id;
    const id = await database.spotChecks.put(next);
    return { ...next, id };
  });
}

/** The record for a class, view and day, or undefined before the first scan. */
export async function loadSpot(scope: SpotScope, database = guardDb()): Promise<SpotRecord | undefined> {
  const found = await database.spotChecks.where('key').equals(recordKey(scope.classId, scope.view, scope.date)).first();
  return found && isSpotRecord(found) ? found : undefined;
}

export function saveScan(scope: SpotScope, scanned: ScannedItem[], database = guardDb()): Promise<SpotRecord> {
  return update(scope, (r) => mergeScan(r, scanned, new Date().toISOString()), database);
}

export function saveOutcome(scope: SpotScope, key: string, outcome: Outcome | undefined, note: string | undefined, database = guardDb()): Promise<SpotRecord> {
  return update(scope, (r) => setOutcome(r, key, outcome, note, new Date().toISOString()), database);
}

export function saveKeepSnippets(scope: SpotScope, keep: boolean, database = guardDb()): Promise<SpotRecord> {
  return update(scope, (r) => setKeepSnippets(r, keep, new Date().toISOString()), database);
}

/** Every readable record, newest first (a corrupt row is skipped, not shown). */
export async function listSpots(database = guardDb()): Promise<SpotRecord[]> {
  const all = await database.spotChecks.orderBy('date').reverse().toArray();
  return all.filter(isSpotRecord);
}

export async function deleteSpot(id: number, database = guardDb()): Promise<void> {
  await database.spotChecks.delete(id);
}
