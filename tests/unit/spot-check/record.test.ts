import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportRecord, CSV_COLUMNS } from '../../../lib/spot-check/export';
import {
  textHash,
  emptyRecord,
  findingKey,
  isSpotRecord,
  itemIdOf,
  localDate,
  mergeScan,
  setKeepSnippets,
  setNote,
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
    expect(totals(r)).toEqual({ posts: 3, findings: 3, edited: 0, byRule: { 'full-name': 2, 'sensitive-content': 1 }, byOutcome: { resolved: 0, 'no-issue': 0, 'follow-up': 0, open: 3 } });
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
    const parsed = Papa.parse<string[]>(file.body.replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(4);
    // No class name known: the id, labelled as one; the time in the school's zone, with the zone named.
    expect(parsed.data[1]).toEqual([
      '2026-11-23', 'class id c1', 'c1', 'class-story', '2026-11-20T14:10:00+00:00', 'Europe/London', 'Ms Carter', 'Full name', 'full-name', 'follow-up',
      `'=HYPERLINK("http://evil") — talk to "Ms Carter", then re-check`, '', 'page', 'no', 'yes',
    ]);
    expect(parsed.data[3]![CSV_COLUMNS.indexOf('outcome')]).toBe('open');
    // The JSON names an undecided finding the same way.
    expect(JSON.parse(exportRecord(r, 'json').body).items[2].outcome).toBe('open');
  });

  it('names the class as the page did, and gives summer times with their offset', () => {
    const summer = mergeScan({ ...emptyRecord('c1', 'class-story', '2026-06-23', NOW), className: 'Class 3 Oak' }, [{ id: 'p9', postAt: '2026-06-20T14:10:00.000Z', findings: [{ rule: 'out-of-hours', start: 0, end: 0 }] }], NOW);
    const row = Papa.parse<string[]>(exportRecord(summer, 'csv').body.replace(/^\uFEFF/, '').trim()).data[1]!;
    expect(row[CSV_COLUMNS.indexOf('class')]).toBe('Class 3 Oak');
    expect(row[CSV_COLUMNS.indexOf('post_time')]).toBe('2026-06-20T15:10:00+01:00');
    expect(row[CSV_COLUMNS.indexOf('rule')]).toBe('Out of hours');
    const json = JSON.parse(exportRecord(summer, 'json', { timeZone: 'Europe/London' }).body);
    expect(json).toMatchObject({ class: 'Class 3 Oak', classId: 'c1', timeZone: 'Europe/London' });
    expect(json.items[0]).toMatchObject({ rule: 'Out of hours', ruleId: 'out-of-hours', postTime: '2026-06-20T15:10:00+01:00' });
    // Another zone, another wall clock: the instant is the same.
    expect(JSON.parse(exportRecord(summer, 'json', { timeZone: 'America/New_York' }).body).items[0].postTime).toBe('2026-06-20T10:10:00-04:00');
  });

  it('writes JSON with the totals and each finding', () => {
    const file = exportRecord(r, 'json');
    const body = JSON.parse(file.body);
    expect(body).toMatchObject({ format: 'policy-guard/spot-check@3', class: 'class id c1', classId: 'c1', timeZone: 'Europe/London', date: '2026-11-23', postsReviewed: 3, findings: 3, byRule: { 'full-name': 2, 'sensitive-content': 1 } });
    expect(body.byOutcome).toEqual({ resolved: 0, 'no-issue': 0, 'follow-up': 1, open: 2 });
    expect(body.items[0]).toEqual({ rule: 'Full name', ruleId: 'full-name', postTime: '2026-11-20T14:10:00+00:00', author: 'Ms Carter', authorSource: 'page', outcome: 'follow-up', note: r.findings[0]!.note, editedSinceChecked: false, stillInPost: true });
  });

  it('names the file safely whatever the class id is', () => {
    expect(exportRecord({ ...r, classId: '../../etc/passwd' }, 'json').filename).toBe('spot-check-_etc_passwd-class-story-2026-11-23.json');
  });
});

describe('a post edited after publishing', () => {
  const first = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), [
    { id: 'p1', findings: [{ rule: 'full-name', start: 10, end: 23 }, { rule: 'sensitive-content', start: 30, end: 36 }] },
  ], NOW);

  it('is scanned whole again: what it no longer raises goes, what it raises now is added', () => {
    const next = mergeScan(first, [{ id: 'p1', findings: [{ rule: 'full-name', start: 10, end: 16 }] }], NOW);
    expect(next.findings.map((f) => f.key)).toEqual(['p1:full-name:10-16']);
    expect(next.items).toEqual(['p1']);
  });

  it('keeps a finding the leader already decided on that the post no longer raises, marked gone (and edited when the text changed)', () => {
    const decided = setOutcome(first, 'p1:full-name:10-23', 'follow-up', 'talk to Ms Carter', NOW);
    const next = mergeScan(decided, [{ id: 'p1', findings: [] }], NOW);
    expect(next.findings).toEqual([expect.objectContaining({ key: 'p1:full-name:10-23', outcome: 'follow-up', gone: true })]);
    // Raised again: no longer gone.
    const again = mergeScan(next, [{ id: 'p1', findings: [{ rule: 'full-name', start: 10, end: 23 }] }], NOW);
    expect(again.findings[0]!.gone).toBeUndefined();
    // With the text's hash: an edit is known, and marked.
    const signed = mergeScan(decided, [{ id: 'p1', sig: 'aaa', findings: [{ rule: 'full-name', start: 10, end: 23 }] }], NOW);
    const edited = mergeScan(signed, [{ id: 'p1', sig: 'bbb', findings: [] }], NOW);
    expect(edited.findings).toEqual([expect.objectContaining({ outcome: 'follow-up', edited: true, gone: true })]);
  });

  it('leaves other posts’ findings alone', () => {
    const two = mergeScan(first, [{ id: 'p2', findings: [{ rule: 'out-of-hours', start: 0, end: 0 }] }], NOW);
    expect(two.findings).toHaveLength(3);
  });
});

describe('the note, written from the note frame', () => {
  it('setNote sets, trims, cuts and deletes one finding’s note; a verdict without a note keeps it', () => {
    let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), scanned, NOW);
    const key = findingKey('post2', { rule: 'full-name', start: 13, end: 26 });
    r = setOutcome(r, key, 'follow-up', undefined, NOW);
    r = setNote(r, key, '  Mum says he is in foster care  ', NOW);
    expect(r.findings.find((f) => f.key === key)).toMatchObject({ outcome: 'follow-up', note: 'Mum says he is in foster care' });
    // A change of verdict from the overlay (which never sends the note) keeps it...
    r = setOutcome(r, key, 'resolved', undefined, NOW);
    expect(r.findings.find((f) => f.key === key)).toMatchObject({ outcome: 'resolved', note: 'Mum says he is in foster care' });
    // ...clearing the verdict clears it, and an empty note deletes it.
    expect(setOutcome(r, key, undefined, undefined, NOW).findings.find((f) => f.key === key)).not.toHaveProperty('note');
    expect(setNote(r, key, '   ', NOW).findings.find((f) => f.key === key)).not.toHaveProperty('note');
    expect(setNote(r, key, 'x'.repeat(5_000), NOW).findings.find((f) => f.key === key)!.note).toHaveLength(1_000);
    expect(setNote(r, 'no-such-key', 'x', NOW)).toBe(r);
  });
});

describe('a post edited after the spot-check (second probe of issue 20)', () => {
  const NOW2 = '2026-11-24T11:00:00.000Z';
  /** "Well done Amelia Hughes …" with a full name and a health detail; then edited so both move. */
  const before = 'Well done Amelia Hughes, her inhaler is in the office.';
  const after = 'A huge well done to Amelia Hughes, her inhaler is in the office.';
  const scan = (text: string, id = 'post7') => {
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    return [
      {
        id,
        sig: textHash(text),
        findings: [
          { rule: 'full-name' as const, ...at('Amelia Hughes'), match: textHash('Amelia Hughes') },
          { rule: 'sensitive-content' as const, ...at('inhaler'), match: textHash('inhaler') },
        ],
      },
    ];
  };

  it('matches the moved findings to the decided ones: decisions carried over, nothing counted twice, marked edited', () => {
    let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', NOW2), scan(before), NOW2);
    const [name, health] = r.findings;
    r = setOutcome(r, name!.key, 'follow-up', 'speak to Ms Carter', NOW2);
    r = setOutcome(r, health!.key, 'no-issue', undefined, NOW2);
    const edited = mergeScan(r, scan(after), NOW2);
    expect(edited.findings).toHaveLength(2);
    expect(edited.findings.map((f) => [f.rule, f.outcome, f.note, f.edited])).toEqual([
      ['full-name', 'follow-up', 'speak to Ms Carter', true],
      ['sensitive-content', 'no-issue', undefined, true],
    ]);
    expect(edited.findings.map((f) => f.key)).not.toContain(name!.key); // the key follows the words
    expect(totals(edited)).toMatchObject({ findings: 2, edited: 2, byOutcome: { open: 0, 'follow-up': 1, 'no-issue': 1 } });
    // Seen again after a reload (the same text): unchanged, still marked.
    expect(mergeScan(edited, scan(after), NOW2).findings).toEqual(edited.findings);
    // The CSV has one row per finding, and says it was edited.
    const csv = Papa.parse<Record<string, string>>(exportRecord(edited, 'csv').body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(csv).toHaveLength(2);
    expect(csv.map((row) => row.edited_since_checked)).toEqual(['yes', 'yes']);
    const json = JSON.parse(exportRecord(edited, 'json').body) as { items: { editedSinceChecked: boolean; stillInPost: boolean; outcome: string }[] };
    expect(json.items.map((f) => [f.editedSinceChecked, f.stillInPost, f.outcome])).toEqual([[true, true, 'follow-up'], [true, true, 'no-issue']]);
  });

  it('the same words twice in a post match one to one; an added name is a new, open finding', () => {
    const text = 'Amelia Hughes and Amelia Hughes';
    const two = [{ id: 'p', sig: textHash(text), findings: [0, 18].map((start) => ({ rule: 'full-name' as const, start, end: start + 13, match: textHash('Amelia Hughes') })) }];
    let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', NOW2), two, NOW2);
    r = setOutcome(r, r.findings[0]!.key, 'resolved', undefined, NOW2);
    const moved = 'Hi! Amelia Hughes and Amelia Hughes and Oliver Patel';
    const three = [{ id: 'p', sig: textHash(moved), findings: [...[4, 22].map((start) => ({ rule: 'full-name' as const, start, end: start + 13, match: textHash('Amelia Hughes') })), { rule: 'full-name' as const, start: 40, end: 52, match: textHash('Oliver Patel') }] }];
    const next = mergeScan(r, three, NOW2);
    expect(next.findings).toHaveLength(3);
    expect(next.findings.filter((f) => f.outcome === 'resolved')).toHaveLength(1);
    expect(totals(next).byOutcome.open).toBe(2);
  });
});
