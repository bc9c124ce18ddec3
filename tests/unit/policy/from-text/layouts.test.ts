/**
 * Hours as schools lay them out, not only in prose: pipe tables (markdown or plain text), tab-separated rows
 * (how a .docx table row is read: one line, its cells separated by tabs), start and finish in cells of their
 * own, "Label: value" lines; the days written after the times; two windows on the same days; limits written
 * as what staff will not do; Welsh. Every document here is invented for the test.
 */
import { readChecked } from './checked';
import { describe, expect, it } from 'vitest';
import { buildPolicy, type Proposal } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';

const MON_FRI = 'mon,tue,wed,thu,fri';
const windows = (ws: { days: string[]; start: string; end: string }[]) => ws.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`);

/** The proposal, checked as every proposal must be (checked.ts). */
const read = readChecked;

describe('hours in a table', () => {
  it('a pipe table with a staff column and a parents column: the staff column, Friday on its own', () => {
    const text = [
      'Larkspur Primary School – ClassDojo policy',
      '',
      'When we use ClassDojo',
      '',
      '| Day | Teachers reply | Families may send |',
      '|:----|:--------------:|------------------:|',
      '| Monday | 8.15am – 4.45pm | 7.00am – 7.00pm |',
      '| Tuesday | 8.15am – 4.45pm | 7.00am – 7.00pm |',
      '| Wednesday | 8.15am – 4.45pm | 7.00am – 7.00pm |',
      '| Thursday | 8.15am – 4.45pm | 7.00am – 7.00pm |',
      '| Friday | 8.15am – 2.30pm | 7.00am – 2.30pm |',
      '| Weekends | Closed | Closed |',
    ].join('\n');
    const p = read(text);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual(['mon,tue,wed,thu 08:15-16:45', 'fri 08:15-14:30']);
    // When families may send is not when they hear back: the reply hours are the teachers'.
    expect(windows(p.replyHours.value)).toEqual(['mon,tue,wed,thu 08:15-16:45', 'fri 08:15-14:30']);
    // The rows are quoted, each its own cells: not the header row (read for which column, never glued to a
    // row's quote: probe 18m), and never the "Weekends" row.
    const quotes = p.staffHours.quotes.map((q) => q.quote);
    expect(quotes.some((q) => q.includes('Teachers reply'))).toBe(false);
    expect(quotes).toContain('Friday | 8.15am – 2.30pm | 7.00am – 2.30pm');
    expect(quotes.some((q) => q.startsWith('Weekends'))).toBe(false);
    // A table row is never a section label: every quote sits under the heading above the table.
    expect(new Set(p.staffHours.quotes.map((q) => q.section))).toEqual(new Set(['When we use ClassDojo']));
  });

  it('start and finish in cells of their own ("| Monday–Thursday | 8.15am | 5.00pm |")', () => {
    const text = ['ClassDojo messaging hours', '', '| Days | From | Until |', '| --- | --- | --- |', '| Monday–Thursday | 8.15am | 5.00pm |', '| Friday | 8.15am | 3.30pm |'].join('\n');
    const p = read(text);
    expect(windows(p.staffHours.value)).toEqual(['mon,tue,wed,thu 08:15-17:00', 'fri 08:15-15:30']);
  });

  it('a .docx table as the reader gives it: paragraphs a blank line apart, each row one line of tab-separated cells', () => {
    const text = [
      'Foxglove Church of England Primary School',
      '',
      'Our ClassDojo agreement',
      '',
      'Messages and replies',
      '',
      'Who\tWhen',
      '',
      'Class teachers send and reply\t7.45am to 4.15pm, Monday to Friday',
      '',
      'Parents and carers may send\tany time',
      '',
      'The school day runs from 8.40am to 3.20pm.',
    ].join('\n');
    const p = read(text);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual([`${MON_FRI} 07:45-16:15`]);
    // Quoted row by row, as the document has them (a cell alone does not say what its times are for): the
    // staff row, never the parents' row, nor the column labels (probe 18m).
    expect(p.staffHours.quotes.map((q) => q.quote)).toEqual(['Class teachers send and reply\t7.45am to 4.15pm, Monday to Friday']);
    expect(p.staffHours.quotes.every((q) => q.section === 'Messages and replies')).toBe(true);
    // The out-of-hours rule cites the same words.
    expect(p.rules['out-of-hours'].quotes.map((q) => q.quote)).toEqual(p.staffHours.quotes.map((q) => q.quote));
  });

  it('a tab-separated "Label:<tab>days<tab>times" row; the parents’ row is not the reply hours', () => {
    const text = 'Brambles Infant School – ClassDojo\nStaff messaging hours:\tMonday – Friday\t8.30am – 4.00pm\nParent messaging hours:\tMonday – Friday\t7.00am – 8.00pm\n';
    const p = read(text);
    expect(windows(p.staffHours.value)).toEqual([`${MON_FRI} 08:30-16:00`]);
    expect(windows(p.replyHours.value)).toEqual([`${MON_FRI} 08:30-16:00`]);
  });

  it('a clause number and a tab ("4.1<tab>Staff…") is a clause, not a table row', () => {
    const p = read('4.1\tStaff will reply to ClassDojo messages between 8am and 4pm, Monday to Friday.\n');
    expect(windows(p.staffHours.value)).toEqual([`${MON_FRI} 08:00-16:00`]);
    expect(p.staffHours.quotes[0]).toMatchObject({ quote: 'Staff will reply to ClassDojo messages between 8am and 4pm, Monday to Friday.', section: '4.1' });
  });
});

describe('hours on "Label: value" lines', () => {
  it.each([
    ['ClassDojo messaging hours: 8.15am – 4.45pm, Monday – Friday.', [`${MON_FRI} 08:15-16:45`]],
    ['Staff messaging hours: Monday – Friday 8.15am – 4.45pm', [`${MON_FRI} 08:15-16:45`]],
    ['ClassDojo messages\nStaff: 8.15am – 4.45pm (Monday to Friday)\nParents: 6.30am – 9.00pm', [`${MON_FRI} 08:15-16:45`]],
  ])('%s', (text, expected) => {
    const p = read(text);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual(expected);
    expect(windows(p.replyHours.value)).toEqual(expected);
  });
});

describe('several windows in one sentence', () => {
  it.each([
    // Days after the times: each range takes the days that follow it.
    ['Teachers post and reply from 07:45 to 16:30 Monday–Wednesday and from 07:45 to 15:00 on Thursdays and Fridays.', ['mon,tue,wed 07:45-16:30', 'thu,fri 07:45-15:00']],
    ['Staff answer ClassDojo messages 8am-5pm Mon-Thu and 8am-1pm Fri.', ['mon,tue,wed,thu 08:00-17:00', 'fri 08:00-13:00']],
    // Days before the times, as before.
    ['Staff reply to messages Monday to Wednesday 9am–4pm and Thursday to Friday 9am–2pm.', ['mon,tue,wed 09:00-16:00', 'thu,fri 09:00-14:00']],
    // Two windows on the same days: both kept (the policy format allows several windows a day).
    ['Teachers check ClassDojo messages between 7.30am and 8.45am and from 3.30pm to 5.30pm, Monday to Friday.', [`${MON_FRI} 07:30-08:45`, `${MON_FRI} 15:30-17:30`]],
    ['Staff will reply to messages Monday to Friday from 12 noon to 1pm and 4pm to 6pm.', [`${MON_FRI} 12:00-13:00`, `${MON_FRI} 16:00-18:00`]],
  ])('%s', (text, expected) => {
    const p = read(text);
    expect(windows(p.staffHours.value)).toEqual(expected);
  });

  it('a 4pm message is inside the second of two same-day windows once built', () => {
    const p = read('Teachers will respond to messages from 12 noon to 1pm and 3.30pm to 5pm, Monday to Friday.');
    const parsed = parsePolicy(buildPolicy(p));
    expect(parsed.ok && parsed.policy.hours.staff.map((w) => [w.start, w.end])).toEqual([
      ['12:00', '13:00'],
      ['15:30', '17:00'],
    ]);
  });
});

describe('more ways of writing the hours', () => {
  it.each([
    ['ClassDojo will be monitored between the hours of 8am and 4pm Monday to Friday during term time.', [`${MON_FRI} 08:00-16:00`]],
    ['Please only message staff between 8am and 6pm.', [`${MON_FRI} 08:00-18:00`]],
    ['Teachers are available on ClassDojo from 8:30 until 16:30 on school days.', [`${MON_FRI} 08:30-16:30`]],
  ])('%s', (text, expected) => expect(windows(read(text).staffHours.value)).toEqual(expected));

  it.each([
    // Two times staff check, not a window: "before … and after …" without "not" is no limit.
    'Class teachers will check ClassDojo at least twice a day, before 8.45am and after 3.15pm.',
    'Please only message the office between 8am and 9am about absences.',
  ])('not hours: %s', (text) => expect(read(text).staffHours.origin).toBe('recommended'));
});

describe('hours written as limits', () => {
  it('"not after 6pm or at weekends" and "not before 7.45am" in two sentences: 07:45–18:00, Monday to Friday, both quoted', () => {
    const text = 'Thornbury Primary – using ClassDojo\nTeachers will not read ClassDojo messages after 6pm or at weekends.\nPlease don’t message staff before 7.45am.';
    const p = read(text);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual([`${MON_FRI} 07:45-18:00`]);
    expect(p.staffHours.quotes.map((q) => q.quote).sort()).toEqual(['Please don’t message staff before 7.45am.', 'Teachers will not read ClassDojo messages after 6pm or at weekends.']);
  });

  it('only an end given: the start is the recommended default, and the note says so', () => {
    const p = read('Staff will not check ClassDojo after 4.30pm.');
    expect(windows(p.staffHours.value)).toEqual([`${MON_FRI} 08:00-16:30`]);
    expect(p.staffHours.note).toMatch(/no start: 08:00 is the recommended default/);
  });

  it.each([
    'The office closes after 4pm.', // no negation: not a limit
    'After-school clubs do not run after 5pm on ClassDojo days.', // clubs: not messaging hours
    'Messages sent after 5pm will be read the next morning.', // not a limit on staff
    'ClassDojo rhwng 8.45yb a 4.00yp not after 5pm', // states a range too (found by the property test): not a plain limit
  ])('not a limit: %s', (text) => {
    expect(read(text).staffHours.origin).toBe('recommended');
  });

  it('a range wins over a limit elsewhere ("8.30am–4.30pm" + "will not check after 5pm")', () => {
    const p = read('Staff will respond to messages between 8.30am and 4.30pm, Monday to Friday. Teachers will not check ClassDojo after 5pm or at weekends.');
    expect(windows(p.staffHours.value)).toEqual([`${MON_FRI} 08:30-16:30`]);
  });
});

describe('quiet hours written as the night they cover', () => {
  it.each([
    ['ClassDojo notifications are switched off between 6pm and 7am.', [`${MON_FRI} 07:00-18:00`]],
    ['Staff have ClassDojo quiet hours set from 5.30pm until 8am, and all weekend.', [`${MON_FRI} 08:00-17:30`]],
    ['Quiet hours: 18:00 to 07:30, Monday to Thursday.', ['mon,tue,wed,thu 07:30-18:00']],
  ])('%s', (text, expected) => {
    const p = read(text);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual(expected);
    expect(p.staffHours.note).toMatch(/quiet hours the document sets/);
  });
  it.each(['The school is closed from 6pm to 7am.', 'Quiet hours are set in the evenings.'])('not quiet hours: %s', (text) => {
    expect(read(text).staffHours.origin).toBe('recommended');
  });
  it('a range wins over quiet hours elsewhere', () => {
    expect(windows(read('Staff reply to messages between 8.30am and 4.30pm. Quiet hours run from 6pm to 7am.').staffHours.value)).toEqual([`${MON_FRI} 08:30-16:30`]);
  });
});

describe('Welsh', () => {
  it('"rhwng 9.00yb a 3.30yp, dydd Llun i ddydd Gwener" is read; the parents’ sending line is not', () => {
    const text = 'Ysgol Gynradd Pen y Bryn\nBydd athrawon yn ateb negeseuon rhwng 9.00yb a 3.30yp, dydd Llun i ddydd Gwener.\nGall rhieni anfon negeseuon rhwng 7yb a 9yh.';
    const p = read(text);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual([`${MON_FRI} 09:00-15:30`]);
    expect(p.staffHours.quotes[0]!.quote).toBe('Bydd athrawon yn ateb negeseuon rhwng 9.00yb a 3.30yp, dydd Llun i ddydd Gwener.');
  });
});

describe('section labels', () => {
  it('a numbered heading of up to ten words is a heading ("3. What ClassDojo should not be used for")', () => {
    const text = '2. Messaging hours\nStaff reply to ClassDojo messages between 8am and 4pm on weekdays.\n\n3. What ClassDojo should not be used for\nPlease do not use ClassDojo to report absence: ring the school office on 01632 960777.';
    const p = read(text);
    expect(p.staffHours.quotes[0]!.section).toBe('2 Messaging hours');
    expect(p.routes.absence.quotes[0]!.section).toBe('3 What ClassDojo should not be used for');
  });

  it('numbered list items under an intro stay list items', () => {
    const text = 'Parents agree to:\n1. Only message staff between 8am and 5pm on weekdays\n2. Report absence to the school office by phone\n';
    const p = read(text);
    expect(p.routes.absence.value.destination).toBe('office');
    expect(p.routes.absence.quotes.every((q) => !q.section.startsWith('1 '))).toBe(true);
  });
});

describe('school names', () => {
  it.each([
    ['THE WILLOWS PRIMARY SCHOOL — CLASSDOJO GUIDANCE FOR FAMILIES\nStaff reply to messages between 8am and 4pm.', 'The Willows Primary School'],
    ['Kingfisher Primary & Nursery School\nParent Communication Policy', 'Kingfisher Primary & Nursery School'],
    ['The school will reply to messages between 8am and 4pm.', 'Our school'],
  ])('%s', (text, name) => expect(read(text).name.value).toBe(name));
});

describe('rules', () => {
  it('"Children’s full names will never appear on Class Story" is the first-names rule, quoted', () => {
    const text = 'Children’s full names will never appear on Class Story or School Story.';
    const p = read(text);
    expect(p.rules['full-name'].origin).toBe('document');
    expect(p.rules['full-name'].quotes[0]!.quote).toBe(text);
  });
});
