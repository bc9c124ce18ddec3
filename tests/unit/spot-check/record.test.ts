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
  checkReviews,
  seriesKey,
  normaliseRecord,
  priorOf,
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
    expect(totals(r)).toEqual({ posts: 3, findings: 3, noIssue: 0, toLook: 3, toLookByRule: { 'full-name': 2, 'sensitive-content': 1 }, edited: 0, removed: 0, byRule: { 'full-name': 2, 'sensitive-content': 1 }, byOutcome: { resolved: 0, 'no-issue': 0, 'follow-up': 0, open: 3 } });
    expect(JSON.stringify(r)).not.toContain('Amelia');
  });

  it('keeps a finding’s outcome and note when the post is scanned again, and clears them on request', () => {
    let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), scanned, NOW);
    const key = findingKey('post2', { rule: 'full-name' });
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

  it('gives a post without an id the same id after a reload and after an edit of its text; different posts different ids', () => {
    const a = itemIdOf({ author: 'Ms Carter', time: '20/11/2026, 14:10:00', text: 'Hello' });
    expect(itemIdOf({ author: 'Ms Carter', time: '20/11/2026, 14:10:00', text: 'Hello' })).toBe(a);
    // ClassDojo publishes no post id: who and when identify a post, so an edit keeps its decisions.
    expect(itemIdOf({ author: 'Ms Carter', time: '20/11/2026, 14:10:00', text: 'Hello, edited' })).toBe(a);
    expect(itemIdOf({ author: 'Mr Price', time: '20/11/2026, 14:10:00', text: 'Hello' })).not.toBe(a);
    expect(itemIdOf({ author: 'Ms Carter', time: '20/11/2026, 14:11:00', text: 'Hello' })).not.toBe(a);
    expect(a).toMatch(/^t[0-9a-z]+$/);
    // No time stamp on the page: the text is all there is.
    const b = itemIdOf({ author: 'Ms Carter', text: 'Hello' });
    expect(b).toMatch(/^h[0-9a-z]+$/);
    expect(itemIdOf({ author: 'Ms Carter', text: 'Hello!' })).not.toBe(b);
  });

  it('dates a check in the school’s time zone', () => {
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Not/AZone')).toBe('2026-06-30');
  });

  it('draws each class’s trend as the share of new posts with a finding at each check, not counting findings ruled “no issue”', () => {
    const day = (classId: string, date: string, posts: number, findings: number, noIssue = 0, from = 0) => {
      let r = emptyRecord(classId, 'class-story', date, NOW);
      r = mergeScan(r, Array.from({ length: posts }, (_, i) => ({ id: `p${from + i}`, findings: i < findings ? [{ rule: 'full-name' as const, start: 0, end: 1 }] : [] })), NOW);
      for (const f of r.findings.slice(0, noIssue)) r = setOutcome(r, f.key, 'no-issue', undefined, NOW);
      return r;
    };
    const trend = trendByClass([day('c2', '2026-11-01', 10, 1), day('c1', '2026-11-20', 10, 2, 1, 20), day('c1', '2026-10-01', 20, 10)]);
    expect([...trend.keys()]).toEqual([seriesKey('c1', 'class-story'), seriesKey('c2', 'class-story')]);
    expect(trend.get('c1|class-story')!.map((p) => [p.date, p.rate])).toEqual([['2026-10-01', 0.5], ['2026-11-20', 0.1]]);
  });

  it('plots the share of posts with a finding, never above 100 %, however many findings one post has (probe 20d D4)', () => {
    const one = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', NOW), [{ id: 'p', findings: [{ rule: 'full-name', start: 0, end: 1 }, { rule: 'sensitive-content', start: 3, end: 4 }] }], NOW);
    expect(trendByClass([one]).get('c1|class-story')).toEqual([{ date: '2026-11-24', posts: 1, edited: 0, flagged: 1, findings: 2, rate: 1 }]);
  });

  it('keeps Class Story, School Story and messages of one class on separate lines (probe 20d D6)', () => {
    const story = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', NOW), [{ id: 'p1', findings: [] }, { id: 'p2', findings: [] }], NOW);
    const chat = mergeScan(emptyRecord('c1', 'messaging', '2026-11-24', NOW), [{ id: 'm1', findings: [{ rule: 'full-name', start: 0, end: 1 }] }], NOW);
    const trend = trendByClass([story, chat]);
    expect([...trend.keys()]).toEqual(['c1|class-story', 'c1|messaging']);
    expect(trend.get('c1|class-story')![0]).toMatchObject({ posts: 2, flagged: 0, rate: 0 });
    expect(trend.get('c1|messaging')![0]).toMatchObject({ posts: 1, flagged: 1, rate: 1 });
  });

  it('counts an old post again at the check that finds it edited, so a name added by an edit is in the trend; a later edit never moves an earlier point (probe 20d D2)', () => {
    const post = (id: string, text: string, names: number) => ({ id, sig: textHash(text), findings: Array.from({ length: names }, () => ({ rule: 'full-name' as const, start: 0, end: 5 })) });
    const w1 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-10', NOW), [post('a', 'Amelia Hughes', 1), post('b', 'Well done all', 0), post('c', 'Trip today', 0), post('d', 'Lovely', 0)], NOW);
    // A week on: a name is added to two old posts, one taken out of another, one new clean post.
    const w2 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-17', NOW), [post('a', 'Amelia did well', 0), post('b', 'Well done Oliver Patel', 1), post('c', 'Trip today, Oliver Patel', 1), post('d', 'Lovely', 0), post('e', 'New', 0)], NOW, priorOf([w1]));
    const points = trendByClass([w1, w2]).get('c1|class-story')!;
    expect(points.map((p) => [p.date, p.posts, p.edited, p.flagged, p.findings])).toEqual([
      ['2026-11-10', 4, 0, 1, 1], // what was on the page on the 10th, unchanged by the later edit
      ['2026-11-17', 1, 3, 2, 2], // the new post and the three edited ones; the two names added are counted
    ]);
    expect(checkReviews([w1, w2]).get(w2.key)).toEqual({ posts: 1, edited: 3, flagged: 2, findings: 2 });
    // Seen again unchanged on the 24th: no point.
    const w3 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', NOW), [post('b', 'Well done Oliver Patel', 1)], NOW, priorOf([w1, w2]));
    expect(trendByClass([w1, w2, w3]).get('c1|class-story')!.map((p) => p.date)).toEqual(['2026-11-10', '2026-11-17']);
  });

  it('does not count a feed again at a later check: only the posts new since; a “No issue” decided at a later check never moves an earlier point (probe 20e D3)', () => {
    const feed = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `p${from + i}`, findings: (from + i) % 5 === 0 ? [{ rule: 'full-name' as const, start: 0, end: 1 }] : [] }));
    const w1 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-10', NOW), feed(100), NOW);
    // A week later the same 100 posts are still on the page, with 10 new ones (2 with a finding).
    let w2 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-17', NOW), [...feed(10, 100), ...feed(100)], NOW, priorOf([w1]));
    expect(trendByClass([w1, w2]).get('c1|class-story')!.map((p) => [p.date, p.posts, p.flagged])).toEqual([['2026-11-10', 100, 20], ['2026-11-17', 10, 2]]);
    // One of the first week's findings is ruled "No issue" at the second check: the first point stays as the
    // first check recorded it (its record still says "not yet reviewed"), and the second counts only its new posts.
    w2 = setOutcome(w2, 'p0:full-name', 'no-issue', undefined, NOW);
    expect(trendByClass([w1, w2]).get('c1|class-story')![0]).toMatchObject({ posts: 100, flagged: 20, findings: 20 });
    expect(checkReviews([w1, w2]).get(w2.key)).toEqual({ posts: 10, edited: 0, flagged: 2, findings: 2 });
    // Ruled "No issue" at the check that first saw it: that check's point drops, as its table row does.
    const w1b = setOutcome(w1, 'p5:full-name', 'no-issue', undefined, NOW);
    expect(trendByClass([w1b, w2]).get('c1|class-story')![0]).toMatchObject({ posts: 100, flagged: 19, findings: 19 });
    // A check with nothing new has no point.
    const w3 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', NOW), feed(100), NOW, priorOf([w1, w2]));
    expect(trendByClass([w1, w2, w3]).get('c1|class-story')!.map((p) => p.date)).toEqual(['2026-11-10', '2026-11-17']);
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
    expect(file.filename).toMatch(/^spot-check-(c1|class-3-oak)-class-story-2026-11-23\.csv$/);
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
    expect(exportRecord({ ...r, classId: '../../etc/passwd' }, 'json').filename).toBe('spot-check-etc-passwd-class-story-2026-11-23.json');
  });
});

describe('a post edited after publishing', () => {
  const first = mergeScan(emptyRecord('c1', 'class-story', '2026-11-23', NOW), [
    { id: 'p1', findings: [{ rule: 'full-name', start: 10, end: 23 }, { rule: 'sensitive-content', start: 30, end: 36 }] },
  ], NOW);

  it('is scanned whole again: what it no longer raises goes, what it raises now is added', () => {
    const next = mergeScan(first, [{ id: 'p1', findings: [{ rule: 'full-name', start: 10, end: 16 }] }], NOW);
    expect(next.findings.map((f) => f.key)).toEqual(['p1:full-name']);
    expect(next.items).toEqual(['p1']);
  });

  it('keeps a finding the leader already decided on that the post no longer raises, marked gone (and edited when the text changed)', () => {
    const decided = setOutcome(first, 'p1:full-name', 'follow-up', 'talk to Ms Carter', NOW);
    const next = mergeScan(decided, [{ id: 'p1', findings: [] }], NOW);
    expect(next.findings).toEqual([expect.objectContaining({ key: 'p1:full-name', outcome: 'follow-up', gone: true })]);
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
    const key = findingKey('post2', { rule: 'full-name' });
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
    expect(edited.findings.map((f) => f.key)).toEqual([name!.key, health!.key]); // one per post and rule, wherever the words moved
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

  it('counts one finding per post and rule however many words raise it; an edit that adds a name keeps the decision, marked edited', () => {
    const text = 'Amelia Hughes and Amelia Hughes';
    const two = [{ id: 'p', sig: textHash(text), findings: [0, 18].map((start) => ({ rule: 'full-name' as const, start, end: start + 13, match: textHash('Amelia Hughes') })) }];
    let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', NOW2), two, NOW2);
    expect(r.findings).toHaveLength(1);
    r = setOutcome(r, r.findings[0]!.key, 'resolved', undefined, NOW2);
    const moved = 'Hi! Amelia Hughes and Amelia Hughes and Oliver Patel';
    const three = [{ id: 'p', sig: textHash(moved), findings: [...[4, 22].map((start) => ({ rule: 'full-name' as const, start, end: start + 13, match: textHash('Amelia Hughes') })), { rule: 'full-name' as const, start: 40, end: 52, match: textHash('Oliver Patel') }] }];
    const next = mergeScan(r, three, NOW2);
    expect(next.findings).toEqual([expect.objectContaining({ key: 'p:full-name', outcome: 'resolved', edited: true })]);
    expect(totals(next)).toMatchObject({ findings: 1, byRule: { 'full-name': 1 }, byOutcome: { resolved: 1, open: 0 } });
  });
});

describe('checks of one class on different days (third probe of issue 20)', () => {
  const D1 = '2026-11-10T15:00:00.000Z';
  const D2 = '2026-11-17T15:00:00.000Z';
  const name = (id: string, text: string) => ({ id, sig: textHash(text), findings: [{ rule: 'full-name' as const, start: 0, end: 13, match: textHash(text.slice(0, 13)) }] });
  const adhd = { id: 'p7', sig: textHash('diagnosed with ADHD'), findings: [{ rule: 'sensitive-content' as const, start: 0, end: 9 }, { rule: 'sensitive-content' as const, start: 15, end: 19 }] };

  it('carries the leader’s decisions to a later check of the class: a decided post stays decided, “No issue” included', () => {
    let d1 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-10', D1), [name('p1', 'Amelia Hughes did well'), adhd, { id: 'p9', findings: [] }], D1);
    expect(d1.findings).toHaveLength(2); // "diagnosed … ADHD" is one finding
    d1 = setOutcome(d1, 'p1:full-name', 'resolved', 'spoke to Ms Carter', D1);
    d1 = setOutcome(d1, 'p7:sensitive-content', 'no-issue', undefined, D1);
    const d2 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-17', D2), [name('p1', 'Amelia Hughes did well'), adhd, { id: 'p9', findings: [] }], D2, priorOf([d1]));
    expect(d2.findings.map((f) => [f.key, f.outcome, f.note, f.edited])).toEqual([
      ['p1:full-name', 'resolved', 'spoke to Ms Carter', undefined],
      ['p7:sensitive-content', 'no-issue', undefined, undefined],
    ]);
    expect(totals(d2).byOutcome).toEqual({ resolved: 1, 'no-issue': 1, 'follow-up': 0, open: 0 });
  });

  it('marks a post edited between checks on different days, with its decision kept', () => {
    let d1 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-10', D1), [name('p1', 'Amelia Hughes did well')], D1);
    d1 = setOutcome(d1, 'p1:full-name', 'follow-up', undefined, D1);
    const d2 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-17', D2), [name('p1', 'Amelia Hughes did really well')], D2, priorOf([d1]));
    expect(d2.findings).toEqual([expect.objectContaining({ key: 'p1:full-name', outcome: 'follow-up', edited: true })]);
    // Edited to take the name out: the decision stays, gone and edited.
    const d3 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', D2), [{ id: 'p1', sig: textHash('Amelia did well'), findings: [] }], D2, priorOf([d1, d2]));
    expect(d3.findings).toEqual([expect.objectContaining({ outcome: 'follow-up', edited: true, gone: true })]);
    // One definition everywhere (probe 20d D3): counted apart as removed by an edit, not among the findings.
    expect(totals(d3)).toMatchObject({ findings: 0, edited: 0, removed: 1, byRule: {}, byOutcome: { 'follow-up': 0, open: 0 } });
    expect(JSON.parse(exportRecord(d3, 'json').body)).toMatchObject({ findings: 0, removedByEdit: 1, items: [{ outcome: 'follow-up', stillInPost: false }] });
    // The latest earlier check is the one compared with: unchanged since 17 Nov, not edited on the 24th.
    const d4 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-24', D2), [name('p1', 'Amelia Hughes did really well')], D2, priorOf([d2, d1]));
    expect(d4.findings[0]).not.toHaveProperty('edited');
  });

  it('does not carry a decision about words a post no longer has unless this check saw the edit', () => {
    let d1 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-10', D1), [name('p1', 'Amelia Hughes did well')], D1);
    d1 = setOutcome(d1, 'p1:full-name', 'resolved', undefined, D1);
    const gone = mergeScan(d1, [{ id: 'p1', sig: textHash('Amelia did well'), findings: [] }], D1);
    const d2 = mergeScan(emptyRecord('c1', 'class-story', '2026-11-17', D2), [{ id: 'p1', sig: textHash('Amelia did well'), findings: [] }], D2, priorOf([gone]));
    expect(d2.findings).toEqual([]);
  });

  it('folds a record made when findings were counted per word into one per post and rule', () => {
    const legacy = {
      ...emptyRecord('c1', 'class-story', '2026-11-10', D1),
      items: ['p7'],
      findings: [
        { key: 'p7:sensitive-content:0-9', itemId: 'p7', rule: 'sensitive-content' as const, outcome: 'follow-up' as const, note: 'ask the SENCo' },
        { key: 'p7:sensitive-content:15-19', itemId: 'p7', rule: 'sensitive-content' as const },
      ],
    };
    const folded = normaliseRecord(legacy);
    expect(folded.findings).toEqual([expect.objectContaining({ key: 'p7:sensitive-content', outcome: 'follow-up', note: 'ask the SENCo' })]);
    expect(totals(legacy).findings).toBe(1);
    expect(normaliseRecord(folded)).toBe(folded);
  });
});
