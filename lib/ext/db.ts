/**
 * The extension's own records, in IndexedDB through Dexie (background only, extension origin). Events
 * keep the rule, the channel, the time and an override's reason: never the text of a post or message.
 * Kept for RETENTION_DAYS, then purged.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Pupil } from '../rules/types';
import type { SpotRecord } from '../spot-check/record';
import type { GuardEvent } from './messages';
import { clampRetentionDays, RETENTION_DEFAULT_DAYS } from './retention';

/** The default retention limit; a leader may choose a shorter or longer one (lib/ext/settings.ts). */
export const RETENTION_DAYS = RETENTION_DEFAULT_DAYS;

/** A class's roster and consent register: the names and flags the checks need, nothing else. */
export interface StoredRoster {
  classId: string;
  pupils: Pupil[];
  /** Where it came from, shown in the options page. */
  source: 'csv' | 'paste' | 'page' | 'edit' | 'migrated';
  updatedAt: string;
}

/**
 * What ClassDojo's page showed of a class: its name (lib/dojo/class-name.ts), so views show names, not
 * ids, and its number of pupil tiles, so "seen by the families of N pupils" counts the class, not the roster.
 */
export interface StoredClass {
  classId: string;
  name?: string;
  pupils?: number;
  /** Always `page`: what the page showed, not a checked fact. */
  source: 'page';
  /** When the page last showed it (ISO); a name not seen within the retention limit is purged. */
  updatedAt: string;
}

export interface StoredEvent extends GuardEvent {
  id?: number;
}

export class GuardDb extends Dexie {
  events!: EntityTable<StoredEvent, 'id'>;
  spotChecks!: EntityTable<SpotRecord, 'id'>;
  rosters!: EntityTable<StoredRoster, 'classId'>;
  classes!: EntityTable<StoredClass, 'classId'>;
  constructor(name = 'policy-guard') {
    super(name);
    // Version 1: events by time and rule. Later versions add tables here, never rewrite an earlier one.
    this.version(1).stores({ events: '++id, at, rule, kind' });
    // Version 2: senior leaders' spot-checks, one per class, view and day (unique key).
    this.version(2).stores({ spotChecks: '++id, &key, classId, date, updatedAt' });
    // Version 3: class rosters, moved here from extension storage (see lib/ext/rosters.ts for the move).
    this.version(3).stores({ rosters: 'classId, updatedAt' });
    // Version 4: spot-checks by size (the total is capped) and by class and date (so is each class's count).
    this.version(4)
      .stores({ spotChecks: '++id, &key, classId, date, updatedAt, size, [classId+date]' })
      .upgrade((tx) =>
        tx
          .table('spotChecks')
          .toCollection()
          .modify((r: Record<string, unknown>) => {
            r.size = JSON.stringify({ ...r, id: undefined, size: undefined }).length;
          }),
      );
    // Version 5: class names read from the page; events by class (the overrides view filters by it).
    this.version(5).stores({ classes: 'classId, updatedAt', events: '++id, at, rule, kind, classId' });
  }
}

let db: GuardDb | undefined;
export function guardDb(): GuardDb {
  return (db ??= new GuardDb());
}

/** Records an event, keeping only the fields that are allowed (a stray `text` is dropped, not stored). */
export async function recordEvent(event: GuardEvent, database = guardDb()): Promise<void> {
  // Stored as ISO, whatever readable form it came in, so the purge's time index reaches it (probe 14h H6); a time
  // that cannot be read is the time it arrived.
  const t = timeOf(event.at);
  const clean: StoredEvent = { kind: event.kind, rule: event.rule, channel: event.channel, at: new Date(Number.isNaN(t) ? Date.now() : t).toISOString() };
  if (Array.isArray(event.rules) && event.rules.length) clean.rules = [...new Set(event.rules)];
  // Fixed first (a partly fixed held send): only rules the send was held for.
  if (clean.rules && Array.isArray(event.fixed)) {
    const fixed = [...new Set(event.fixed)].filter((r) => clean.rules!.includes(r));
    if (fixed.length) clean.fixed = fixed;
  }
  if (typeof event.classId === 'string' && event.classId) clean.classId = event.classId;
  if (event.kind === 'override' && typeof event.reason === 'string') clean.reason = event.reason.slice(0, 500);
  await database.events.add(clean);
}

/**
 * Deletes events and spot-checks older than the retention limit; returns how many went. The limit is
 * clamped to 30–730 days (365 when it is not a number), so a corrupt setting never stops the purge.
 */
export async function purgeOld(now = new Date(), database = guardDb(), days: unknown = RETENTION_DAYS): Promise<number> {
  const cutoffMs = now.getTime() - clampRetentionDays(days) * 86_400_000;
  const cutoff = new Date(cutoffMs).toISOString();
  // Every row, not the `at` index alone: a time that is missing, not a string, or a string not in ISO form
  // (stored by an older version, or restored) is outside the index's range of ISO strings and was kept forever
  // (probe 14h H6). A row whose time cannot be read goes too: it cannot be shown to be within the limit.
  const events = await database.events.filter((e) => !(timeOf(e.at) >= cutoffMs)).delete();
  const spots = await database.spotChecks.where('updatedAt').below(cutoff).delete();
  // A class's name goes with the last record that needed it; a class with a roster keeps it.
  const stale = await database.classes.where('updatedAt').below(cutoff).primaryKeys();
  const kept = new Set(await database.rosters.toCollection().primaryKeys());
  const names = stale.filter((id) => !kept.has(id));
  await database.classes.bulkDelete(names);
  return events + spots;
}

/** Milliseconds since 1970 of a stored time (an ISO or other readable string, or a number), NaN for anything else. */
function timeOf(at: unknown): number {
  return typeof at === 'string' || typeof at === 'number' ? new Date(at).getTime() : NaN;
}

/** How often, at most, a write or a read purges again within one worker's life, in ms. */
const PURGE_EVERY_MS = 10 * 60_000;
let lastPurge = 0;

/**
 * Purges by the retention limit `days` (the setting, read by the caller) unless this worker did so within
 * PURGE_EVERY_MS. The extension holds no `alarms` permission, so the record is purged when the worker
 * starts, when the limit changes, and on the writes and reads of the record (lib/ext/handler.ts): a record
 * past the limit never outlives the next use of the extension by long. Never throws.
 */
export async function purgeIfDue(days: () => Promise<unknown>, now = new Date(), database = guardDb()): Promise<void> {
  if (now.getTime() - lastPurge < PURGE_EVERY_MS && now.getTime() >= lastPurge) return;
  lastPurge = now.getTime();
  try {
    await purgeOld(now, database, await days());
  } catch {
    // storage unavailable: next time
  }
}

/**
 * Deletes the records only: every spot-check and every held send, override and fix in the event record.
 * The school's policy, the rosters, the class names and every setting stay, so checking goes on in this
 * browser. Returns how many rows went.
 */
export async function deleteRecords(database = guardDb()): Promise<number> {
  return database.transaction('rw', database.spotChecks, database.events, async () => {
    const spots = await database.spotChecks.count();
    const events = await database.events.count();
    await database.spotChecks.clear();
    await database.events.clear();
    return spots + events;
  });
}
