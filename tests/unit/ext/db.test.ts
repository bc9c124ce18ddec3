import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteRecords, GuardDb, purgeIfDue, purgeOld, recordEvent, RETENTION_DAYS } from '../../../lib/ext/db';
import { deleteClassSpots, listSpots, loadSpot, saveOutcome, saveScan } from '../../../lib/ext/spot-store';
import { deleteClass, listRosters, loadRoster, moveStoredRosters, saveRoster } from '../../../lib/ext/rosters';

let n = 0;
const fresh = () => new GuardDb(`test-${++n}`);

describe('the event record', () => {
  const dbs: GuardDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  it('keeps rule, channel, time and an override’s reason, and never any text', async () => {
    const db = fresh();
    dbs.push(db);
    const sneaky = { kind: 'override', rule: 'full-name', channel: 'class-story', at: '2026-11-24T10:00:00Z', reason: 'Parent asked', text: 'Amelia Hughes' } as never;
    await recordEvent(sneaky, db);
    const [stored] = await db.events.toArray();
    expect(stored).toEqual({ id: 1, kind: 'override', rule: 'full-name', channel: 'class-story', at: '2026-11-24T10:00:00.000Z', reason: 'Parent asked' });
  });

  it('keeps a reason only on overrides, and at most 500 characters of it', async () => {
    const db = fresh();
    dbs.push(db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2026-11-24T10:00:00Z', reason: 'x' }, db);
    await recordEvent({ kind: 'override', rule: 'out-of-hours', channel: 'private-chat', at: '2026-11-24T10:00:00Z', reason: 'y'.repeat(2000) }, db);
    const [fix, override] = await db.events.toArray();
    expect(fix).not.toHaveProperty('reason');
    expect(override!.reason).toHaveLength(500);
  });

  it(`purges records older than ${RETENTION_DAYS} days`, async () => {
    const db = fresh();
    dbs.push(db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2025-01-01T10:00:00Z' }, db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2026-11-01T10:00:00Z' }, db);
    expect(await purgeOld(new Date('2026-11-24T00:00:00Z'), db)).toBe(1);
    expect((await db.events.toArray()).map((e) => e.at)).toEqual(['2026-11-01T10:00:00.000Z']);
  });

  // Probe 14h H6: rows whose time was not an ISO string were out of the purge's reach, kept forever.
  it('stores every time as ISO, whatever readable form it came in', async () => {
    const db = fresh();
    dbs.push(db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: 'Wed Jan 01 2020 10:00:00 GMT' }, db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2026-11-01 10:00Z' }, db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: 'not a time' }, db);
    const [a, b, c] = (await db.events.toArray()).map((e) => e.at);
    expect([a, b]).toEqual(['2020-01-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z']);
    expect(Math.abs(Date.parse(c!) - Date.now())).toBeLessThan(60_000);
  });

  it('purges rows whose time is old in any form, missing or unreadable, and keeps recent ones', async () => {
    const db = fresh();
    dbs.push(db);
    const row = (at: unknown) => ({ kind: 'fix', rule: 'full-name', channel: 'class-story', ...(at === undefined ? {} : { at }) });
    const old = ['2020-01-01T10:00:00Z', 'Wed Jan 01 2020 10:00:00 GMT', '2020-01-01 10:00', '+002020-01-01T10:00:00Z', null, undefined, { y: 2020 }, 1577872800000, ['2020'], 'garbage'];
    const recent = ['2026-11-20T10:00:00.000Z', 'Fri Nov 20 2026 10:00:00 GMT', Date.parse('2026-11-20T10:00:00Z')];
    await db.events.bulkAdd([...old, ...recent].map(row) as never);
    expect(await purgeOld(new Date('2026-11-24T00:00:00Z'), db)).toBe(old.length);
    expect((await db.events.toArray()).map((e) => e.at)).toEqual(recent);
  });
});

// Issue #20 probe 20f D1 and D5.
describe('held sends and the retention limit between worker starts', () => {
  const dbs: GuardDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  it('keeps the rules a held send had fixed first, only those it was held for', async () => {
    const db = fresh();
    dbs.push(db);
    await recordEvent({ kind: 'cancelled', rule: 'sensitive-content', rules: ['sensitive-content', 'full-name'], fixed: ['full-name', 'photo-consent'], channel: 'class-story', at: '2026-11-24T10:00:00Z' }, db);
    expect((await db.events.toArray())[0]).toMatchObject({ rules: ['sensitive-content', 'full-name'], fixed: ['full-name'] });
  });

  it('purges on use (a write or a read), at most every ten minutes, by the setting’s limit', async () => {
    const db = fresh();
    dbs.push(db);
    await recordEvent({ kind: 'override', rule: 'full-name', rules: ['full-name'], channel: 'class-story', at: '2026-01-03T10:00:00Z' }, db);
    await recordEvent({ kind: 'override', rule: 'full-name', rules: ['full-name'], channel: 'class-story', at: '2026-12-30T10:00:00Z' }, db);
    await purgeIfDue(async () => 365, new Date('2027-01-05T12:00:00Z'), db);
    expect(await db.events.count()).toBe(1);
    await recordEvent({ kind: 'override', rule: 'full-name', rules: ['full-name'], channel: 'class-story', at: '2026-12-01T10:00:00Z' }, db);
    // Five minutes later: not again yet. Eleven minutes later: the new 30-day limit applies.
    await purgeIfDue(async () => 30, new Date('2027-01-05T12:05:00Z'), db);
    expect(await db.events.count()).toBe(2);
    await purgeIfDue(async () => 30, new Date('2027-01-05T12:11:00Z'), db);
    expect(await db.events.count()).toBe(1);
    // A setting that cannot be read never throws.
    await expect(purgeIfDue(() => Promise.reject(new Error('no storage')), new Date('2027-01-05T13:00:00Z'), db)).resolves.toBeUndefined();
  });
});

describe('the spot-check records', () => {
  const dbs: GuardDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  const scope = { classId: 'c1', view: 'class-story' as const, date: '2026-11-23' };

  it('upgrades a version 1 database to the current version and keeps every event', async () => {
    const name = `upgrade-${++n}`;
    // A database as version 1 of the extension left it.
    const v1 = new Dexie(name);
    v1.version(1).stores({ events: '++id, at, rule, kind' });
    await v1.table('events').add({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2026-11-01T10:00:00Z' });
    v1.close();

    const db = new GuardDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.events.count()).toBe(1);
    await saveScan(scope, [{ id: 'p1', findings: [{ rule: 'full-name', start: 0, end: 4 }] }], db);
    expect(await db.spotChecks.count()).toBe(1);
  });

  it('adds scans to one record per class, view and day; outcomes survive later scans', async () => {
    const db = fresh();
    dbs.push(db);
    await saveScan(scope, [{ id: 'p1', findings: [{ rule: 'full-name', start: 0, end: 4 }] }], db);
    const [r1, r2] = await Promise.all([
      saveScan(scope, [{ id: 'p2', findings: [] }], db),
      saveScan(scope, [{ id: 'p3', findings: [] }], db),
    ]);
    expect(r1.record.key).toBe(r2.record.key);
    const key = 'p1:full-name';
    await saveOutcome(scope, key, 'resolved', 'Edited by Ms Carter', db);
    await saveScan(scope, [{ id: 'p1', findings: [{ rule: 'full-name', start: 0, end: 4 }] }], db);
    const stored = (await loadSpot(scope, db))!;
    expect(stored.items.sort()).toEqual(['p1', 'p2', 'p3']);
    expect(stored.findings).toEqual([{ key, itemId: 'p1', rule: 'full-name', outcome: 'resolved', note: 'Edited by Ms Carter' }]);
    await saveScan({ ...scope, date: '2026-11-24' }, [], db);
    expect((await listSpots(db)).map((r) => r.date)).toEqual(['2026-11-24', '2026-11-23']);
  });

  it('carries decisions and the text last checked to a check of the class on a later day (not to another class)', async () => {
    const db = fresh();
    dbs.push(db);
    const day1 = { classId: 'c1', view: 'class-story' as const, date: '2026-11-10' };
    await saveScan(day1, [{ id: 'p1', sig: 'aaa', findings: [{ rule: 'full-name', start: 0, end: 4 }] }, { id: 'p2', sig: 'bbb', findings: [{ rule: 'sensitive-content', start: 0, end: 4 }] }], db);
    await saveOutcome(day1, 'p1:full-name', 'resolved', 'talked to Ms Carter', db);
    await saveOutcome(day1, 'p2:sensitive-content', 'no-issue', undefined, db);
    // A week later: p1 unchanged, p2 edited since.
    const { record } = await saveScan({ ...day1, date: '2026-11-17' }, [{ id: 'p1', sig: 'aaa', findings: [{ rule: 'full-name', start: 0, end: 4 }] }, { id: 'p2', sig: 'ccc', findings: [{ rule: 'sensitive-content', start: 2, end: 6 }] }], db);
    expect(record.findings.map((f) => [f.key, f.outcome, f.note, f.edited])).toEqual([
      ['p1:full-name', 'resolved', 'talked to Ms Carter', undefined],
      ['p2:sensitive-content', 'no-issue', undefined, true],
    ]);
    // Another class with the same post ids (a page can say anything) gets nothing of c1's.
    const other = await saveScan({ ...day1, classId: 'c2', date: '2026-11-17' }, [{ id: 'p1', sig: 'zzz', findings: [{ rule: 'full-name', start: 0, end: 4 }] }], db);
    expect(other.record.findings[0]).not.toHaveProperty('outcome');
    expect(other.record.findings[0]).not.toHaveProperty('edited');
  });

  it('deletes one class’s checks, or every record but nothing else', async () => {
    const db = fresh();
    dbs.push(db);
    for (const date of ['2026-11-10', '2026-11-17']) await saveScan({ classId: 'c1', view: 'class-story', date }, [], db);
    await saveScan({ classId: 'c2', view: 'class-story', date: '2026-11-17' }, [], db);
    expect(await deleteClassSpots('c1', db)).toBe(2);
    expect((await listSpots(db)).map((r) => r.classId)).toEqual(['c2']);
    await recordEvent({ kind: 'override', rule: 'full-name', channel: 'class-story', at: '2026-11-24T10:00:00Z' }, db);
    await db.rosters.put({ classId: 'c2', updatedAt: '2026-11-24T10:00:00Z', pupils: [] } as never);
    expect(await deleteRecords(db)).toBe(2);
    expect(await db.spotChecks.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.rosters.count()).toBe(1);
  });

  it('purges spot-checks past the retention limit with the events, and skips a corrupt row', async () => {
    const db = fresh();
    dbs.push(db);
    await saveScan(scope, [], db);
    await db.spotChecks.add({ key: 'old', classId: 'c1', view: 'class-story', date: '2025-01-01', at: '2025-01-01T10:00:00Z', updatedAt: '2025-01-01T10:00:00Z', items: [], findings: [], keepSnippets: false });
    await db.spotChecks.add({ key: 'broken', updatedAt: '2026-11-20T10:00:00Z' } as never);
    expect((await listSpots(db)).map((r) => r.key).sort()).toEqual(['c1|class-story|2026-11-23', 'old']);
    expect(await purgeOld(new Date(), db)).toBe(1);
    expect(await purgeOld(new Date(Date.now() + 40 * 86_400_000), db, 30)).toBe(2);
  });
});

describe('class rosters', () => {
  const dbs: GuardDb[] = [];
  beforeEach(() => fakeBrowser.reset());
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  const amelia = { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false };

  it('upgrades a version 2 database (spot-checks) to version 5 (rosters, sizes, class names) and keeps the spot-checks', async () => {
    const name = `upgrade2-${++n}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ events: '++id, at, rule, kind' });
    v2.version(2).stores({ spotChecks: '++id, &key, classId, date, updatedAt' });
    await v2.table('spotChecks').add({ key: 'c1|class-story|2026-11-20', classId: 'c1', view: 'class-story', date: '2026-11-20', at: 'x', updatedAt: '2026-11-20T10:00:00Z', items: [], findings: [], keepSnippets: false });
    v2.close();
    const db = new GuardDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.spotChecks.count()).toBe(1);
    // Version 4 measures each record kept from before, so the total-size cap counts it.
    expect((await db.spotChecks.toArray())[0]!.size).toBeGreaterThan(100);
    await saveRoster('c1', [amelia], 'csv', db);
    expect(await loadRoster('c1', db)).toEqual([amelia]);
  });

  it('reads a roster saved from the Classroom page before consent had three states as "not recorded", never as refused', async () => {
    const db = fresh();
    dbs.push(db);
    // What version 0.1's Classroom page saved: "no consent" for a page that cannot know consent.
    await db.rosters.put({ classId: 'c1', pupils: [{ ...amelia, photoConsent: false }], source: 'page', updatedAt: '2026-11-01T10:00:00Z' });
    expect((await loadRoster('c1', db))[0]!.photoConsent).toBeNull();
    expect((await listRosters(db))[0]!.pupils[0]!.photoConsent).toBeNull();
    // A refusal the school entered (an import or an edit) stays a refusal.
    await saveRoster('c2', [{ ...amelia, photoConsent: false }], 'edit', db);
    expect((await loadRoster('c2', db))[0]!.photoConsent).toBe(false);
    // Legal names are kept through a save.
    await saveRoster('c3', [{ ...amelia, first: 'Alex', legalFirst: 'Alexander' }], 'csv', db);
    expect((await loadRoster('c3', db))[0]).toMatchObject({ first: 'Alex', legalFirst: 'Alexander' });
  });

  it('moves version 1’s rosters out of extension storage, once, without overwriting a newer one', async () => {
    const db = fresh();
    dbs.push(db);
    await saveRoster('c2', [amelia], 'csv', db);
    await fakeBrowser.storage.local.set({ rosters: { c1: [amelia, { last: 'no first name' }], c2: [] } });
    expect(await moveStoredRosters(db)).toBe(1);
    expect(await loadRoster('c1', db)).toEqual([amelia]); // the broken entry is left behind
    expect(await loadRoster('c2', db)).toEqual([amelia]); // the one already moved wins
    expect(await fakeBrowser.storage.local.get('rosters')).toEqual({});
    expect(await moveStoredRosters(db)).toBe(0);
    expect((await fakeBrowser.storage.local.get('rostersChangedAt')).rostersChangedAt).toMatch(/^20/);
  });

  it('deletes a class: its roster and its spot-checks, nothing of another class', async () => {
    const db = fresh();
    dbs.push(db);
    await saveRoster('c1', [amelia], 'csv', db);
    await saveRoster('c2', [amelia], 'csv', db);
    await saveScan({ classId: 'c1', view: 'class-story', date: '2026-11-23' }, [], db);
    await saveScan({ classId: 'c2', view: 'class-story', date: '2026-11-23' }, [], db);
    await db.classes.bulkPut([{ classId: 'c1', name: 'Class 3 Oak', source: 'page', updatedAt: new Date().toISOString() }, { classId: 'c2', name: 'Year 2', source: 'page', updatedAt: new Date().toISOString() }]);
    await deleteClass('c1', db);
    expect((await listRosters(db)).map((r) => r.classId)).toEqual(['c2']);
    expect((await listSpots(db)).map((r) => r.classId)).toEqual(['c2']);
    expect((await db.classes.toArray()).map((r) => r.classId)).toEqual(['c2']);
  });
});

describe('bank holidays for every year a feed can show', () => {
  it('on 5 January 2027: every year from 2011 (ClassDojo’s launch) to 2028, whatever the retention', async () => {
    const { holidayYears, HOLIDAYS_FROM_YEAR } = await import('../../../lib/ext/retention');
    const { bankHolidayDates } = await import('../../../lib/calendar/bank-holidays');
    const years = holidayYears(new Date('2027-01-05T10:00:00Z'));
    expect(HOLIDAYS_FROM_YEAR).toBe(2011);
    expect(years[0]).toBe(2011);
    expect(years.at(-1)).toBe(2028);
    expect(years).toHaveLength(18);
    const dates = new Set(years.flatMap((y) => [...bankHolidayDates('england-and-wales', y)]));
    // The probe's case: Boxing Day 2025 (375 days before), past the default 365-day retention.
    expect(dates.has('2025-12-26')).toBe(true);
    expect(dates.has('2026-12-28')).toBe(true);
    expect(dates.has('2012-06-05')).toBe(true); // a one-off (the Diamond Jubilee)
  });
});

describe('class names and sizes from the page', () => {
  it('keeps the name and the pupil count, cleaned, and names the class on its records', async () => {
    const { saveClassFacts, classNames, classPupils } = await import('../../../lib/ext/classes');
    const db = fresh();
    expect(await saveClassFacts('c1', { name: '  Class 3\nOak ' }, db)).toBe(true);
    expect(await saveClassFacts('c1', { name: 'Class 3 Oak' }, db)).toBe(false); // the same, again: not rewritten
    expect(await saveClassFacts('c1', { pupils: 28 }, db)).toBe(true);
    expect(await saveClassFacts('c1', { pupils: 1e9, name: '14:10' }, db)).toBe(false);
    expect([...(await classNames(db))]).toEqual([['c1', 'Class 3 Oak']]);
    expect(await classPupils('c1', db)).toBe(28);
    const { record } = await saveScan({ classId: 'c1', view: 'class-story', date: '2026-11-24' }, [{ id: 'p1', findings: [] }], db);
    expect(record.className).toBe('Class 3 Oak');
    await db.delete();
  });

  it('keeps at most CLASSES_MAX classes: a page inventing class ids makes the least recently seen go (probe 14g)', async () => {
    const { saveClassFacts, classNames, CLASSES_MAX } = await import('../../../lib/ext/classes');
    const db = fresh();
    const start = Date.parse('2026-11-24T10:00:00.000Z');
    for (let i = 0; i < CLASSES_MAX + 25; i++) await saveClassFacts(`x${i}`, { name: `Invented ${i}` }, db, new Date(start + i * 1000));
    const names = await classNames(db);
    expect(names.size).toBe(CLASSES_MAX);
    expect(names.has('x0')).toBe(false);
    expect(names.has('x24')).toBe(false);
    expect(names.get(`x${CLASSES_MAX + 24}`)).toBe(`Invented ${CLASSES_MAX + 24}`);
    await db.delete();
  });

  it('the newest post seen of each class: from its findings’ post times, else the check’s date', async () => {
    const { classLatestPosts } = await import('../../../lib/ext/classes');
    const db = fresh();
    await saveScan({ classId: 'oak25', view: 'class-story', date: '2026-11-10' }, [{ id: 'a', postAt: '2025-12-28T10:00:00.000Z', findings: [{ rule: 'full-name', start: 0, end: 1 }] }, { id: 'b', postAt: '2025-11-10T10:00:00.000Z', findings: [{ rule: 'full-name', start: 0, end: 1 }] }], db);
    await saveScan({ classId: 'oak26', view: 'class-story', date: '2026-11-17' }, [{ id: 'c', findings: [] }], db);
    expect(Object.fromEntries(await classLatestPosts(db))).toEqual({ oak25: '2025-12-28T10:00:00.000Z', oak26: '2026-11-17T12:00:00.000Z' });
    await db.delete();
  });

  it('a class event records the class and, for a held send, its rules once each', async () => {
    const db = fresh();
    await recordEvent({ kind: 'override', rule: 'full-name', rules: ['full-name', 'sensitive-content', 'full-name'], classId: 'c1', channel: 'class-story', at: '2026-11-24T10:00:00Z', reason: 'r' }, db);
    expect((await db.events.toArray())[0]).toEqual({ id: 1, kind: 'override', rule: 'full-name', rules: ['full-name', 'sensitive-content'], classId: 'c1', channel: 'class-story', at: '2026-11-24T10:00:00.000Z', reason: 'r' });
    await db.delete();
  });
});
