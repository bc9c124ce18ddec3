/**
 * Spot-check records in Dexie (extension origin: the background worker writes, the options page reads).
 * Every change is a read-modify-write in one transaction, so two tabs reviewing the same class on the
 * same day add to one record instead of overwriting each other.
 */
import Dexie from 'dexie';
import {
  capRecord,
  emptyRecord,
  isSpotRecord,
  mergeScan,
  normaliseRecord,
  priorOf,
  recordKey,
  recordSize,
  setKeepSnippets,
  setNote, setOutcome,
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

/**
 * Caps across records (each record is capped by `capRecord` in lib/spot-check/record.ts). Past either, the
 * oldest records (by date) are deleted, never the one being written.
 * - 400 records per class: more than a year of daily checks of one feed, or two school years of weekly checks
 *   of all three views; the retention limit (at most 730 days) usually purges them first.
 * - 5 MB of JSON across every record: about twenty records at the per-record cap, or thousands of real ones.
 *   It keeps a page that invents classes or fills records from growing the extension's storage without end.
 */
export const RECORDS_PER_CLASS_MAX = 400;
export const TOTAL_SIZE_MAX = 5 * 1024 * 1024;

/** What a write dropped to stay within the caps: posts and findings of this record, whole older records. */
export interface SpotTrim {
  items: number;
  findings: number;
  records: number;
}

/** A write's result: the record as stored, and what was dropped to store it (absent when nothing was). */
export interface SpotWrite {
  record: SpotRecord;
  trimmed?: SpotTrim;
}

async function update(scope: SpotScope, change: (r: SpotRecord) => SpotRecord, database: GuardDb): Promise<SpotWrite> {
  return database.transaction('rw', database.spotChecks, async () => {
    const key = recordKey(scope.classId, scope.view, scope.date);
    const found = await database.spotChecks.where('key').equals(key).first();
    const now = new Date().toISOString();
    const current = found && isSpotRecord(found) ? normaliseRecord(found) : emptyRecord(scope.classId, scope.view, scope.date, now);
    const changed = change(current);
    if (changed === current && found && current === found) return { record: current };
    const { record: next, dropped } = capRecord(changed);
    if (found?.id !== undefined) next.id = found.id;
    else delete next.id;
    next.size = recordSize(next);
    const id = (await database.spotChecks.put(next)) as number;
    const records = (found ? 0 : await capClass(scope.classId, id, database)) + (await capTotal(id, database));
    const trimmed = dropped.items || dropped.findings || records ? { ...dropped, records } : undefined;
    return { record: { ...next, id }, ...(trimmed ? { trimmed } : {}) };
  });
}

/** Deletes a class's oldest records past RECORDS_PER_CLASS_MAX; returns how many went. */
async function capClass(classId: string, keep: number, database: GuardDb): Promise<number> {
  const count = await database.spotChecks.where('classId').equals(classId).count();
  if (count <= RECORDS_PER_CLASS_MAX) return 0;
  const oldest = await database.spotChecks
    .where('[classId+date]')
    .between([classId, Dexie.minKey], [classId, Dexie.maxKey])
    .limit(count - RECORDS_PER_CLASS_MAX + 1)
    .primaryKeys();
  const gone = oldest.filter((id) => id !== keep).slice(0, count - RECORDS_PER_CLASS_MAX);
  await database.spotChecks.bulkDelete(gone);
  return gone.length;
}

/** Whether a leader has decided anything in a record (an outcome or a note): work a page cannot forge. */
function decided(r: SpotRecord): boolean {
  return r.findings.some((f) => f.outcome !== undefined || !!f.note);
}

/**
 * Deletes records while every record together is over TOTAL_SIZE_MAX: first the oldest that no leader has
 * decided anything in, then, only if that is not enough, the oldest of any. A page can invent classes (the
 * class id is in its address) and fill them with posts, but it cannot press a verdict (the seal), so what it
 * invents goes before a leader's own work does.
 */
async function capTotal(keep: number, database: GuardDb): Promise<number> {
  // Only the index is read: each record's size, not the records.
  const sizes = await database.spotChecks.orderBy('size').keys();
  let excess = sizes.reduce<number>((sum, s) => sum + (typeof s === 'number' ? s : 0), 0) - TOTAL_SIZE_MAX;
  if (excess <= 0) return 0;
  const gone: number[] = [];
  for (const pass of ['undecided', 'any'] as const) {
    await database.spotChecks
      .orderBy('date')
      .until(() => excess <= 0)
      .each((r) => {
        if (r.id === undefined || r.id === keep || gone.includes(r.id)) return;
        if (pass === 'undecided' && decided(r)) return;
        gone.push(r.id);
        excess -= typeof r.size === 'number' ? r.size : recordSize(r);
      });
    if (excess <= 0) break;
  }
  await database.spotChecks.bulkDelete(gone);
  return gone.length;
}

/** The record for a class, view and day, or undefined before the first scan. */
export async function loadSpot(scope: SpotScope, database = guardDb()): Promise<SpotRecord | undefined> {
  const found = await database.spotChecks.where('key').equals(recordKey(scope.classId, scope.view, scope.date)).first();
  return found && isSpotRecord(found) ? normaliseRecord(found) : undefined;
}

/**
 * The class's records of this view from days before the check's: what `priorOf` carries into it (the
 * leader's decisions, the text each post had when last checked).
 */
async function earlier(scope: SpotScope, database: GuardDb): Promise<SpotRecord[]> {
  const list = await database.spotChecks.where('[classId+date]').between([scope.classId, Dexie.minKey], [scope.classId, scope.date], true, false).toArray();
  return list.filter((r) => isSpotRecord(r) && r.view === scope.view);
}

/**
 * Adds a scan; the record takes the class's name as the page last showed it for this class id
 * (lib/ext/classes.ts). Posts this day's record has not reviewed yet take what the class's earlier checks
 * recorded for them (`priorOf`, `mergeScan`).
 */
export async function saveScan(scope: SpotScope, scanned: ScannedItem[], database = guardDb()): Promise<SpotWrite> {
  const name = (await database.classes.get(scope.classId).catch(() => undefined))?.name;
  const found = await loadSpot(scope, database);
  const reviewed = new Set(found?.items ?? []);
  const prior = scanned.some((i) => !reviewed.has(i.id)) ? priorOf(await earlier(scope, database)) : undefined;
  return update(
    scope,
    (r) => {
      const merged = mergeScan(r, scanned, new Date().toISOString(), prior);
      return name && merged.className !== name ? { ...merged, className: name } : merged;
    },
    database,
  );
}

export function saveOutcome(scope: SpotScope, key: string, outcome: Outcome | undefined, note: string | undefined, database = guardDb()): Promise<SpotWrite> {
  return update(scope, (r) => setOutcome(r, key, outcome, note, new Date().toISOString()), database);
}

/** The leader's note on one finding, from the note frame (entrypoints/spot-note). */
export function saveNote(scope: SpotScope, key: string, note: string, database = guardDb()): Promise<SpotWrite> {
  return update(scope, (r) => setNote(r, key, note, new Date().toISOString()), database);
}

export function saveKeepSnippets(scope: SpotScope, keep: boolean, database = guardDb()): Promise<SpotWrite> {
  return update(scope, (r) => setKeepSnippets(r, keep, new Date().toISOString()), database);
}

/** Every readable record, newest first (a corrupt row is skipped, not shown). */
export async function listSpots(database = guardDb()): Promise<SpotRecord[]> {
  const all = await database.spotChecks.orderBy('date').reverse().toArray();
  return all.filter(isSpotRecord).map(normaliseRecord);
}

export async function deleteSpot(id: number, database = guardDb()): Promise<void> {
  await database.spotChecks.delete(id);
}

/** Deletes every spot-check of one class (all views and days); returns how many records went. */
export async function deleteClassSpots(classId: string, database = guardDb()): Promise<number> {
  return database.spotChecks.where('classId').equals(classId).delete();
}
