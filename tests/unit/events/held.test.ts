/** Overrides and held sends: one row per held send, filters, the week's summary, and the export. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { filterHeld, heldRows, heldSummary, keptRows, weeklySummary, type EventLike } from '../../../lib/events/held';
import { exportHeld, heldFileBase, HELD_CSV_COLUMNS } from '../../../lib/events/held-export';
import { exportRecord, fileSlug } from '../../../lib/spot-check/export';

const ev = (over: Partial<EventLike>): EventLike => ({ kind: 'override', rule: 'full-name', channel: 'class-story', at: '2026-11-20T14:10:00.000Z', ...over });

describe('held sends from the event record', () => {
  it('one event per held send is one row, with every rule it was held for', () => {
    const rows = heldRows([ev({ rules: ['full-name', 'sensitive-content'], reason: 'Parent agreed', classId: 'c1' })]);
    expect(rows).toEqual([{ at: '2026-11-20T14:10:00.000Z', classId: 'c1', channel: 'class-story', rules: ['full-name', 'sensitive-content'], outcome: 'sent-anyway', reason: 'Parent agreed' }]);
  });

  it('maps each outcome: sent anyway, went back to edit, fixed', () => {
    const rows = heldRows([
      ev({ kind: 'override', rules: ['full-name'], reason: 'r', at: '2026-11-20T10:00:00Z' }),
      ev({ kind: 'cancelled', rules: ['full-name'], at: '2026-11-20T11:00:00Z' }),
      ev({ kind: 'fix', rules: ['full-name'], at: '2026-11-20T12:00:00Z' }),
    ]);
    expect(rows.map((r) => r.outcome)).toEqual(['fixed', 'edited', 'sent-anyway']); // newest first
  });

  it('joins the per-finding events older versions wrote for one send', () => {
    const rows = heldRows([
      ev({ rule: 'full-name', reason: 'asked', at: '2026-11-20T14:10:00.000Z' }),
      ev({ rule: 'sensitive-content', reason: 'asked', at: '2026-11-20T14:10:00.004Z' }),
      ev({ rule: 'full-name', reason: 'another day', at: '2026-11-21T09:00:00.000Z' }),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.rules).toEqual(['full-name', 'sensitive-content']);
  });

  it('leaves out the panel’s own fixes and ignores, unknown rules and unreadable times', () => {
    expect(heldRows([ev({ kind: 'fix' }), ev({ kind: 'ignore' }), ev({ rules: ['made-up'] }), ev({ rules: ['full-name'], at: 'soon' })])).toEqual([]);
  });

  it('never keeps a reason for anything but an override', () => {
    expect(heldRows([ev({ kind: 'cancelled', rules: ['full-name'], reason: 'x' })])[0]!.reason).toBeUndefined();
  });
});

describe('filters and the weekly summary', () => {
  const rows = heldRows([
    ev({ rules: ['full-name'], classId: 'c1', at: '2026-11-23T23:30:00Z' }), // 23:30 GMT: the 23rd in London
    ev({ kind: 'cancelled', rules: ['out-of-hours'], classId: 'c2', at: '2026-11-10T09:00:00Z' }),
    ev({ kind: 'fix', rules: ['photo-consent'], classId: 'c1', at: '2026-11-22T09:00:00Z' }),
  ]);

  it('by class and by the school’s local dates, both ends included', () => {
    expect(filterHeld(rows, { classId: 'c1' }, 'Europe/London')).toHaveLength(2);
    expect(filterHeld(rows, { from: '2026-11-23', to: '2026-11-23' }, 'Europe/London')).toHaveLength(1);
    // In Sydney 23:30 GMT on the 23rd is already the 24th.
    expect(filterHeld(rows, { from: '2026-11-24' }, 'Australia/Sydney')).toHaveLength(1);
    expect(filterHeld(rows, {}, 'Europe/London')).toHaveLength(3);
  });

  it('counts the last seven days by outcome', () => {
    expect(weeklySummary(rows, new Date('2026-11-24T12:00:00Z'))).toEqual({ held: 2, byOutcome: { fixed: 1, edited: 0, 'sent-anyway': 1, 'not-sent': 0 }, partlyFixed: 0 });
  });
});

describe('the export', () => {
  const rows = heldRows([ev({ rules: ['full-name', 'sensitive-content'], classId: 'c1', reason: '=cmd| café', at: '2026-06-20T14:10:00Z' })]);
  const opts = { timeZone: 'Europe/London', name: (id: string) => (id === 'c1' ? 'Class 3 Oak' : undefined), today: '2026-06-21' };

  it('CSV: byte order mark, local time with the zone named, names and ids, formulas neutralised', () => {
    const file = exportHeld(rows, 'csv', opts);
    expect(file.filename).toBe('overrides-and-held-sends-2026-06-21.csv');
    expect(new TextEncoder().encode(file.body).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const data = Papa.parse<string[]>(file.body.slice(1).trim()).data;
    expect(data[0]).toEqual([...HELD_CSV_COLUMNS]);
    expect(data[1]).toEqual(['2026-06-20T15:10:00+01:00', 'Europe/London', 'Class 3 Oak', 'c1', 'class-story', 'Full name; Sensitive content', 'full-name; sensitive-content', 'sent-anyway', "'=cmd| café", '']);
  });

  it('is in English with codes, as every export: an unnamed class is `class id …` and the outcome a code (probe 20e D10)', () => {
    const more = heldRows([
      ev({ classId: 'c2', at: '2026-06-20T14:10:00Z' }),
      ev({ kind: 'fix', rules: ['full-name'], classId: 'school', at: '2026-06-20T15:10:00Z' }),
    ]);
    const data = Papa.parse<string[]>(exportHeld(more, 'csv', opts).body.slice(1).trim()).data.slice(1);
    expect(data.map((r) => [r[2], r[3], r[7]]).sort()).toEqual([
      ['class id c2', 'c2', 'sent-anyway'],
      ['the whole school', 'school', 'fixed'],
    ]);
    const json = JSON.parse(exportHeld(more, 'json', opts).body);
    expect(json.items.map((i: { class: string; outcome: string }) => [i.class, i.outcome]).sort()).toEqual(data.map((r) => [r[2], r[7]]).sort());
  });

  it.each([' =cmd', '\u00a0+1', '\u200b@SUM(A1)', 'asked by Mum\u2028=HYPERLINK("x")', 'ok\u0085-1', 'ok\n =1'])('CSV: the reason %j cannot start a formula on any line (probe 14d #8)', (reason) => {
    const held = heldRows([ev({ rules: ['full-name'], classId: 'c1', reason, at: '2026-06-20T14:10:00Z' })]);
    const cell = Papa.parse<string[]>(exportHeld(held, 'csv', opts).body.slice(1).trim()).data[1]![HELD_CSV_COLUMNS.indexOf('reason')]!;
    for (const line of cell.split(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/)) expect(line, JSON.stringify(cell)).not.toMatch(/^[\p{Zs}\t\p{Cf}]*[=+\-@]/u);
  });

  it('JSON: the same, with the zone once', () => {
    const body = JSON.parse(exportHeld(rows, 'json', opts).body);
    expect(body).toMatchObject({ format: 'policy-guard/held-sends@1', timeZone: 'Europe/London' });
    expect(body.items[0]).toEqual({ time: '2026-06-20T15:10:00+01:00', class: 'Class 3 Oak', classId: 'c1', channel: 'class-story', rules: ['Full name', 'Sensitive content'], ruleIds: ['full-name', 'sensitive-content'], outcome: 'sent-anyway', fixedFirstRuleIds: [], reason: '=cmd| café' });
  });
});

// Issue #20 probe 20f D1: a held send partly fixed in the dialog, then edited or sent anyway.
describe('a partly fixed held send', () => {
  const partly = [
    ev({ kind: 'cancelled', rules: ['sensitive-content', 'full-name'], fixed: ['full-name'], classId: 'c1', at: '2026-11-23T10:00:00Z' }),
    ev({ kind: 'override', rules: ['out-of-hours', 'full-name'], fixed: ['full-name'], reason: 'Mum agreed', at: '2026-11-23T11:00:00Z' }),
    ev({ kind: 'fix', rules: ['full-name', 'out-of-hours'], fixed: ['full-name'], at: '2026-11-23T12:00:00Z' }),
  ];

  it('is one row with every rule it was held for and what became of each', () => {
    const rows = heldRows(partly);
    expect(rows.map((r) => [r.outcome, r.rules, r.fixedFirst])).toEqual([
      ['fixed', ['full-name', 'out-of-hours'], undefined], // all fixed: the outcome says so
      ['sent-anyway', ['out-of-hours', 'full-name'], ['full-name']],
      ['edited', ['sensitive-content', 'full-name'], ['full-name']],
    ]);
  });

  it('ignores a "fixed" rule the send was not held for', () => {
    expect(heldRows([ev({ kind: 'cancelled', rules: ['sensitive-content'], fixed: ['photo-consent'] })])[0]!.fixedFirst).toBeUndefined();
  });

  it('counts once by outcome (the outcomes add up to the held) and says how many were partly fixed', () => {
    expect(heldSummary(heldRows(partly))).toEqual({ held: 3, byOutcome: { fixed: 1, edited: 1, 'sent-anyway': 1, 'not-sent': 0 }, partlyFixed: 2 });
  });

  it('the exports name the rules fixed first', () => {
    const opts = { timeZone: 'Europe/London', name: () => 'Class 3 Oak', today: '2026-11-24' };
    const data = Papa.parse<string[]>(exportHeld(heldRows(partly), 'csv', opts).body.slice(1).trim()).data;
    const col = data[0]!.indexOf('fixed_first_rule_ids');
    expect(data.slice(1).map((r) => [r[7], r[col]])).toEqual([['fixed', ''], ['sent-anyway', 'full-name'], ['edited', 'full-name']]);
    const json = JSON.parse(exportHeld(heldRows(partly), 'json', opts).body);
    expect(json.items.map((i: { fixedFirstRuleIds: string[] }) => i.fixedFirstRuleIds)).toEqual([[], ['full-name'], ['full-name']]);
  });
});

// Issue #20 probe 20f D5: what the page says is deleted is never listed, purged or not.
describe('the retention limit', () => {
  it('keeps only rows within the limit (clamped as the purge clamps it)', () => {
    const rows = heldRows([ev({ rules: ['full-name'], at: '2026-01-03T10:00:00Z' }), ev({ rules: ['full-name'], at: '2026-12-20T10:00:00Z' })]);
    const now = new Date('2027-01-05T12:00:00Z');
    expect(keptRows(rows, 365, now).map((r) => r.at)).toEqual(['2026-12-20T10:00:00.000Z']);
    expect(keptRows(rows, 730, now)).toHaveLength(2);
    expect(keptRows(rows, 5, now)).toHaveLength(1); // 5 is clamped to 30
    expect(keptRows(rows, 'nonsense', now)).toHaveLength(1); // the default, 365
  });
});

// Issue #20 probe 20f D9: file names by the class's name, and a filtered export named by its filter.
describe('file names', () => {
  it('a safe form of any class name', () => {
    expect(fileSlug('Class 3 Oak')).toBe('class-3-oak');
    expect(fileSlug('Year 4, “Willow” – Mrs O\'Brien & Mr Nguyễn’s class')).toBe('year-4-willow-mrs-o-brien-mr-nguyễn-s-class');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('الصف الثالث')).toBe('الصف-الثالث');
    expect(fileSlug('“”', 'c9')).toBe('c9');
    expect(fileSlug('x'.repeat(200))).toHaveLength(60);
  });

  it('the held sends: the whole record, or the filter said', () => {
    const name = (id: string) => (id === 'c1' ? 'Class 3 Oak' : undefined);
    expect(heldFileBase({ today: '2027-01-05' })).toBe('overrides-and-held-sends-2027-01-05');
    expect(heldFileBase({ today: '2027-01-05', filter: {} })).toBe('overrides-and-held-sends-2027-01-05');
    expect(heldFileBase({ today: '2027-01-05', filter: { classId: 'c1' }, name })).toBe('overrides-and-held-sends-class-3-oak-saved-2027-01-05');
    expect(heldFileBase({ today: '2027-01-05', filter: { classId: 'c9', from: '2026-12-01', to: '2026-12-31' }, name })).toBe(
      'overrides-and-held-sends-c9-from-2026-12-01-to-2026-12-31-saved-2027-01-05',
    );
    const rows = heldRows([ev({ rules: ['full-name'], classId: 'c1' })]);
    const all = exportHeld(rows, 'csv', { timeZone: 'Europe/London', name, today: '2027-01-05' }).filename;
    const one = exportHeld(rows, 'csv', { timeZone: 'Europe/London', name, today: '2027-01-05', filter: { classId: 'c1' } }).filename;
    expect(one).not.toBe(all);
  });

  it('a spot-check export is named by its class’s name, else its id', () => {
    const record = { classId: 'c8', view: 'class-story', date: '2027-01-05', items: [], findings: [], scans: [] } as never;
    expect(exportRecord(record, 'csv', { className: 'Dosbarth Siân & Ffion' }).filename).toBe('spot-check-dosbarth-siân-ffion-class-story-2027-01-05.csv');
    expect(exportRecord(record, 'csv', {}).filename).toBe('spot-check-c8-class-story-2027-01-05.csv');
  });
});
