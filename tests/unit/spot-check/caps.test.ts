import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GuardDb } from '../../../lib/ext/db';
import { listSpots, loadSpot, RECORDS_PER_CLASS_MAX, saveKeepSnippets, saveScan, TOTAL_SIZE_MAX } from '../../../lib/ext/spot-store';
import {
  AUTHOR_MAX,
  capRecord,
  emptyRecord,
  mergeScan,
  RECORD_FINDINGS_MAX,
  RECORD_ITEMS_MAX,
  RECORD_SIZE_MAX,
  recordKey,
  recordSize,
  setKeepSnippets,
  type ScannedItem,
  type SpotRecord,
} from '../../../lib/spot-check/record';

const NOW = '2026-11-23T10:00:00.000Z';
const posts = (from: number, n: number, findings = 0, author = 'Ms Carter'): ScannedItem[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `post${from + i}`,
    author,
    // Each finding a rule of its own: findings are counted one per post and rule.
    findings: Array.from({ length: findings }, (_, k) => ({ rule: (k ? `full-name-${k}` : 'full-name') as 'full-name', start: k, end: k + 5, snippet: `Well done to Amelia Hughes ${'x'.repeat(100)}` })),
  }));

let n = 0;
const dbs: GuardDb[] = [];
const fresh = () => {
  const db = new GuardDb(`caps-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A record with snippets kept, built (and capped) as a scan would build it. */
function bigRecord(classId: string, date: string, items: number): SpotRecord {
  let r = setKeepSnippets(emptyRecord(classId, 'class-story', date, `${date}T10:00:00.000Z`), true, NOW);
  r = capRecord(mergeScan(r, posts(0, items, 1), NOW)).record;
  return { ...r, size: recordSize(r) };
}

describe('the caps on one record', () => {
  it('keeps at most 1,000 posts: the oldest go first, with their findings, and the drop is counted', () => {
    let r = emptyRecord('c1', 'class-story', '2026-11-23', NOW);
    const dropped = { items: 0, findings: 0 };
    for (let batch = 0; batch < 3; batch++) {
      const capped = capRecord(mergeScan(r, posts(batch * 600, 600, 1), NOW));
      r = capped.record;
      dropped.items += capped.dropped.items;
      dropped.findings += capped.dropped.findings;
    }
    expect(r.items).toHaveLength(RECORD_ITEMS_MAX);
    expect(r.items[0]).toBe('post800');
    expect(r.items.at(-1)).toBe('post1799');
    expect(r.findings.every((f) => r.items.includes(f.itemId))).toBe(true);
    expect(dropped).toEqual({ items: 800, findings: 800 });
    expect(recordSize(r)).toBeLessThanOrEqual(RECORD_SIZE_MAX);
  });

  it('keeps at most 1,000 findings and 512 KB, however many the posts raise', () => {
    let r = setKeepSnippets(emptyRecord('c1', 'class-story', '2026-11-23', NOW), true, NOW);
    const capped = capRecord(mergeScan(r, posts(0, 400, 20), NOW));
    r = capped.record;
    expect(r.findings.length).toBeLessThanOrEqual(RECORD_FINDINGS_MAX);
    expect(recordSize(r)).toBeLessThanOrEqual(RECORD_SIZE_MAX);
    expect(r.items.at(-1)).toBe('post399'); // the newest are kept
    expect(capped.dropped.items).toBeGreaterThan(0);
  });

  it('leaves a record within its caps as it is', () => {
    const r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), posts(0, 10, 1), NOW);
    expect(capRecord(r)).toEqual({ record: r, dropped: { items: 0, findings: 0 } });
  });

  it('keeps an author as one short line, marked as read from the page', () => {
    const r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), posts(0, 1, 1, `Ms\u202e Carter\n\t${'x'.repeat(500)}`), NOW);
    expect(r.findings[0]!.author).toHaveLength(AUTHOR_MAX);
    expect(r.findings[0]!.author!.startsWith('Ms Carter x')).toBe(true);
    expect(r.findings[0]!.authorFromPage).toBe(true);
  });
});

describe('the caps on what is stored', () => {
  const scope = { classId: 'c1', view: 'class-story' as const, date: '2026-11-23' };

  it('stores 4,000 posts in one scan as the newest 1,000, under the size cap, and says so', async () => {
    const db = fresh();
    await saveKeepSnippets(scope, true, db);
    const { record, trimmed } = await saveScan(scope, posts(0, 4000, 1), db);
    expect(trimmed).toEqual({ items: 3000, findings: 3000, records: 0 });
    const stored = (await loadSpot(scope, db))!;
    expect(stored.items).toHaveLength(RECORD_ITEMS_MAX);
    expect(stored.items[0]).toBe('post3000');
    expect(stored.size).toBe(recordSize(stored));
    expect(stored.size).toBeLessThanOrEqual(RECORD_SIZE_MAX);
    expect(record.items).toEqual(stored.items);
    // A later scan within the caps trims nothing and says nothing.
    expect((await saveScan(scope, posts(3990, 5), db)).trimmed).toBeUndefined();
  });

  it(`keeps at most ${RECORDS_PER_CLASS_MAX} records per class, dropping the oldest days`, async () => {
    const db = fresh();
    const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: RECORDS_PER_CLASS_MAX }, (_, i) => {
      const r = emptyRecord('c1', 'class-story', day(i), NOW);
      return { ...r, size: recordSize(r) };
    });
    await db.spotChecks.bulkAdd(rows.reverse()); // ids out of date order: the date decides
    await db.spotChecks.add({ ...emptyRecord('c2', 'class-story', day(0), NOW), size: 200 });
    const { trimmed } = await saveScan({ ...scope, date: '2026-11-23' }, posts(0, 1), db);
    expect(trimmed).toEqual({ items: 0, findings: 0, records: 1 });
    const c1 = (await listSpots(db)).filter((r) => r.classId === 'c1');
    expect(c1).toHaveLength(RECORDS_PER_CLASS_MAX);
    expect(c1.map((r) => r.date)).not.toContain(day(0));
    expect(c1.map((r) => r.date)).toContain('2026-11-23');
    expect(await db.spotChecks.where('classId').equals('c2').count()).toBe(1); // another class is not touched
    // Today's record again: no new record, nothing more dropped.
    expect((await saveScan({ ...scope, date: '2026-11-23' }, posts(1, 1), db)).trimmed).toBeUndefined();
  });

  it('keeps every record together under 5 MB by dropping the oldest records, never the one being written', async () => {
    const db = fresh();
    const dates = Array.from({ length: 26 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    const old = dates.map((d, i) => bigRecord(`class${i % 3}`, d, 1000));
    expect(old[0]!.size).toBeGreaterThan(200_000);
    const before = old.reduce((s, r) => s + r.size!, 0);
    expect(before).toBeGreaterThan(TOTAL_SIZE_MAX);
    // Stored as an older version left them (over the cap), then one more check is written.
    await db.spotChecks.bulkAdd(old);
    const first = await saveKeepSnippets(scope, true, db); // already over: the oldest make room for it
    const { trimmed } = await saveScan(scope, posts(0, 1000, 1), db); // and for what it grows to
    const left = await listSpots(db);
    const total = left.reduce((s, r) => s + recordSize(r), 0);
    expect(total).toBeLessThanOrEqual(TOTAL_SIZE_MAX);
    expect(left.map((r) => r.key)).toContain(recordKey('c1', 'class-story', '2026-11-23'));
    const gone = dates.filter((d) => !left.some((r) => r.date === d));
    expect(gone).toEqual(dates.slice(0, gone.length)); // the oldest went
    expect((first.trimmed?.records ?? 0) + (trimmed?.records ?? 0)).toBe(gone.length);
    expect(trimmed?.records).toBeGreaterThan(0);
    expect(gone.length).toBeGreaterThan(0);
  });

  it('drops records no leader decided anything in before a leader’s own work (a page can invent classes, not verdicts)', async () => {
    const db = fresh();
    const dates = Array.from({ length: 26 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    const old = dates.map((d, i) => bigRecord(i < 2 ? 'real' : `invented${i}`, d, 1000));
    // The two oldest hold a leader's verdict and note.
    for (const r of old.slice(0, 2)) r.findings[0] = { ...r.findings[0]!, outcome: 'follow-up', note: 'spoke to Ms Carter' };
    await db.spotChecks.bulkAdd(old);
    await saveScan(scope, posts(0, 1000, 1), db);
    const left = await listSpots(db);
    expect(left.reduce((sum, r) => sum + recordSize(r), 0)).toBeLessThanOrEqual(TOTAL_SIZE_MAX);
    expect(left.filter((r) => r.classId === 'real').map((r) => r.date)).toEqual(expect.arrayContaining(dates.slice(0, 2)));
    expect(left.length).toBeLessThan(old.length + 1);
  });
});
