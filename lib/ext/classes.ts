/**
 * What ClassDojo's page shows of a class (its name in the post header or class switcher, its number of
 * pupil tiles), kept in Dexie beside the rosters and records so every view and export names a class as the
 * school does, and the audience line counts the class. Background and options page only (extension
 * origin). A name is what the page showed: `cleanClassName` bounds it, and it never replaces the id as the key.
 */
import { cleanClassName } from '../dojo/class-name';
import { guardDb } from './db';

/** No class has more pupils than this; a larger count from the page is not kept. */
export const PUPILS_MAX = 2000;

/**
 * At most this many classes are kept; past it, the ones the page showed longest ago go. A page can invent
 * class ids (changing its address, probe 14g: 600 in 40 s); a school's staff member meets a few dozen.
 */
export const CLASSES_MAX = 200;

/**
 * Stores what the page showed for a class (either part may be absent); returns whether anything changed.
 * The same facts seen again are written at most once a day: a feed re-rendering is not a change. At most
 * CLASSES_MAX classes are kept (the least recently seen go first). Throws only on a storage failure.
 */
export async function saveClassFacts(classId: string, facts: { name?: string; pupils?: number }, database = guardDb(), now = new Date()): Promise<boolean> {
  if (typeof classId !== 'string' || !classId) return false;
  const name = cleanClassName(facts.name);
  const pupils = typeof facts.pupils === 'number' && Number.isInteger(facts.pupils) && facts.pupils > 0 && facts.pupils <= PUPILS_MAX ? facts.pupils : undefined;
  if (!name && !pupils) return false;
  const old = await database.classes.get(classId);
  const next = { classId, source: 'page' as const, updatedAt: now.toISOString(), ...(old?.name ? { name: old.name } : {}), ...(old?.pupils ? { pupils: old.pupils } : {}) };
  if (name) next.name = name;
  if (pupils) next.pupils = pupils;
  const same = old && old.name === next.name && old.pupils === next.pupils;
  if (same && now.getTime() - Date.parse(old.updatedAt) < 86_400_000) return false;
  await database.classes.put(next);
  if (!old && (await database.classes.count()) > CLASSES_MAX) {
    const rows = await database.classes.toArray();
    rows.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    await database.classes.bulkDelete(rows.slice(0, rows.length - CLASSES_MAX).map((r) => r.classId));
  }
  return true;
}

/** Every class name known, by class id (an empty map when storage cannot be read). */
export async function classNames(database = guardDb()): Promise<Map<string, string>> {
  try {
    const rows = await database.classes.toArray();
    return new Map(rows.filter((r) => typeof r.name === 'string' && r.name).map((r) => [r.classId, r.name!]));
  } catch {
    return new Map();
  }
}

/** The class's pupil count as the page last showed it, or undefined. */
export async function classPupils(classId: string, database = guardDb()): Promise<number | undefined> {
  const row = await database.classes.get(classId).catch(() => undefined);
  return typeof row?.pupils === 'number' ? row.pupils : undefined;
}

/**
 * The newest post time (ISO) Policy Guard has seen of each class, from its spot-check records (the post
 * times of recorded findings, else the record's date): how two classes with the same name, this year's
 * and last year's, are told apart in the options page. An empty map when storage cannot be read.
 */
export async function classLatestPosts(database = guardDb()): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  try {
    await database.spotChecks.each((r) => {
      if (typeof r?.classId !== 'string') return;
      const times = (Array.isArray(r.findings) ? r.findings : []).map((f) => f?.postAt).filter((t): t is string => typeof t === 'string' && !Number.isNaN(Date.parse(t)));
      const newest = times.length ? times.reduce((a, b) => (a > b ? a : b)) : typeof r.date === 'string' ? `${r.date}T12:00:00.000Z` : undefined;
      if (newest && newest > (out.get(r.classId) ?? '')) out.set(r.classId, newest);
    });
  } catch {
    return new Map();
  }
  return out;
}
