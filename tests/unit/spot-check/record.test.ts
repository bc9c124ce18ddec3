import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportRecord, CSV_COLUMNS } from '../../../lib/spot-check/export';
import {
  emptyRecord,
  findingKey,
  isSpotRecord,
  itemIdOf,
  localDate,
  mergeScan,
  setKeepSnippets,
  setOutcome,
  totals,
  trendByClass,
  type ScannedItem,
} from '../../../lib/spot-check/record';

const NOW = '2026-11-23T10:00:00.000Z';
const scanned: ScannedItem[] = [
  { id: 'post2', postAt: '2026-11-20T14:10:00.000Z', author: 'Ms Carter', findings: [{ rule: 'full-name', start: 13, end: 26, snippet: 'Well done to Amelia Hughes for her story!' }] },
  { id: 'post4', author: 'Mr Price', findings: [{ rule: 'sensitive-content', start: 5, end: 12 }, { rule: 'full-name', start: 0, end: 4 }] },
  { id: 'post1', author: 'Ms Carter', findings: [] },
];

describe('the spot-check record', () => {
  it('counts each post once however often it is scanned, and keeps no text unless asked', () => {
    let r = emptyRecord('c1', 'class-story', '2026-11-23', NOW);
    r = mergeScan(r, scanned, NOW);
    r = mergeScan(r, scanned.slice(0, 1), NOW);
    expect(totals(r)).toEqual({ posts: 3, findings: 3, byRule: { 'full-name': 2, 'sensitive-content': 1 }, byOutcome: { resolved: 0, 'no-issue': 0, 'follow-up': 0, open: 3 } });
    expect(JSON.stringify(r)).not.toContain('Amelia');
  });

  it('keeps a finding’s outcome and note when the post is scanned again, and clears them on request', () => {
    let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), scanned, NOW);
    const key = findingKey('post2', { rule: 'full-name', start: 13, end: 26 });
    r = setOutcome(r, key, 'follow-up', '  Spoke to Ms Carter  ', NOW);
    r = mergeScan(r, scanned, NOW);
    expect(r.findings.find((f) => f.key === key)).toMatchObject({ outcome: 'follow-up', note: 'Spoke to Ms Carter' });
    r = setOutcome(r, key, undefined, undefined, NOW);
    expect(r.findings.find((f) => f.key === key)).not.toHaveProperty('outcome');
    expect(setOutcome(r, 'no-such-key', 'resolved', undefined, NOW)).toBe(r);
    expect(setOutcome(r, key, 'bogus' as never, undefined, NOW)).toBe(r);
  });

  it('keeps snippets only while the leader chooses to, at most 80 characters, and deletes them when turned off', () => {
    let r = setKeepSnippets(emptyRecord('c1', 'class-story', '2026-11-23', NOW), true, NOW);
    r = mergeScan(r, [{ id: 'p', findings: [{ rule: 'full-name', start: 0, end: 3, snippet: `Amelia Hughes ${'x'.repeat(200)}` }] }], NOW);
    expect(r.findings[0]!.snippet).toHaveLength(80);
    r = setKeepSnippets(r, false, NOW);
    expect(JSON.stringify(r)).not.toContain('Amelia');
  });

  it('gives a post without an id the same id after a reload, and different posts different ids', () => {
    const a = itemIdOf({ author: 'Ms Carter', time: '2026-11-20T14:10:00Z', text: 'Hello' });
    expect(itemIdOf({ author: 'Ms Carter', time: '2026-11-20T14:10:00Z', text: 'Hello' })).toBe(a);
    expect(itemIdOf({ author: 'Ms Carter', time: '2026-11-20T14:10:00Z', text: 'Hello!' })).not.toBe(a);
    expect(a).toMatch(/^h[0-9a-z]+$/);
  });

  it('dates a check in the school’s time zone', () => {
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Not/AZone')).toBe('2026-06-30');
  });

  it('draws each class’s trend as findings per post, not counting findings ruled “no issue”', () => {
    const day = (classId: string, date: string, posts: number, findings: number, noIssue = 0) => {
      let r = emptyRecord(classId, 'class-story', date, NOW);
      r = mergeScan(r, Array.from({ length: posts }, (_, i) => ({ id: `p${i}`, findings: i < findings ? [{ rule: 'full-name' as const, start: 0, end: 1 }] : [] })), NOW);
      for (const f of r.findings.slice(0, noIssue)) r = setOutcome(r, f.key, 'no-issue', undefined, NOW);
      return r;
    };
    const trend = trendByClass([day('c2', '2026-11-01', 10, 1), day('c1', '2026-11-20', 10, 2, 1), day('c1', '2026-10-01', 20, 10)]);
    expect([...trend.keys()]).toEqual(['c1', 'c2']);
    expect(trend.get('c1')!.map((p) => [p.date, p.rate])).toEqual([['2026-10-01', 0.5], ['2026-11-20', 0.1]]);
  });

  it('recognises only well-formed stored records', () => {
    expect(isSpotRecord(emptyRecord('c1', 'class-story', '2026-11-23', NOW))).toBe(true);
    for (const bad of [null, 42, {}, { ...emptyRecord('c1', 'class-story', '2026-11-23', NOW), date: 'Monday' }, { ...emptyRecord('c1', 'class-story', '2026-11-23', NOW), findings: [null] }]) {
      expect(isSpotRecord(bad)).toBe(false);
    }
  });
});

describe('the export', () => {
  let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), scanned, NOW);
  r = setOutcome(r, r.findings[0]!.key, 'follow-up', '=HYPERLINK("http://evil") — talk to "Ms Carter", then re-check', NOW);

  it('writes CSV a spreadsheet reads back exactly, one row per finding, formulas neutralised', () => {
    const file = exportRecord(r, 'csv');
    expect(file.filename).toBe('spot-check-c1-class-story-2026-11-23.csv');
    const parsed = Papa.parse<string[]>(file.body.trim(), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(4);
    expect(parsed.data[1]).toEqual(['2026-11-23', 'c1', 'class-story', '2026-11-20T14:10:00.000Z', 'Ms Carter', 'full-name', 'follow-up', `'=HYPERLINK("http://evil") — talk to "Ms Carter", then re-check`, '', 'page']);
    expect(parsed.data[3]![6]).toBe('open');
  });

  it('writes JSON with the totals and each finding', () => {
    const file = exportRecord(r, 'json');
    const body = JSON.parse(file.body);
    expect(body).toMatchObject({ format: 'policy-guard/spot-check@1', class: 'c1', date: '2026-11-23', postsReviewed: 3, findings: 3, byRule: { 'full-name': 2, 'sensitive-content': 1 } });
    expect(body.byOutcome).toEqual({ resolved: 0, 'no-issue': 0, 'follow-up': 1, open: 2 });
    expect(body.items[0]).toEqual({ rule: 'full-name', postTime: '2026-11-20T14:10:00.000Z', author: 'Ms Carter', authorSource: 'page', outcome: 'follow-up', note: r.findings[0]!.note });
  });

  it('names the file safely whatever the class id is', () => {
    expect(exportRecord({ ...r, classId: '../../etc/passwd' }, 'json').filename).toBe('spot-check-_etc_passwd-class-story-2026-11-23.json');
  });
});
