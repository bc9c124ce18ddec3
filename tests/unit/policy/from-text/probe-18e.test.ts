/**
 * What probe 18e found wrong, each on the tester's own document (tests/fixtures/policies/probe-18e/, copied
 * unchanged) and on a short invented document that says the same thing another way (the general case):
 * a Friday finish stated in a sentence of its own, a word a PDF hyphenated across a line break, a
 * looked-after-children rule written "Label: value", "will not be named", and a document that is not a
 * communication policy at all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPolicy, proposalItems, proposeFromText, settingsRead, type Proposal } from '../../../../lib/policy/from-text';
import { documentText } from '../../../../lib/policy/from-text/document';
import { parsePolicy } from '../../../../lib/policy/parse';

const DIR = new URL('../../../fixtures/policies/probe-18e/', import.meta.url);
const windows = (ws: { days: string[]; start: string; end: string }[]) => ws.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`);

/** The proposal, checked as every proposal must be: quotes verbatim, and a policy `validate` accepts. */
function read(text: string, file = 'policy.txt'): Proposal {
  const p = proposeFromText(text, { file });
  for (const { key, item } of proposalItems(p)) {
    for (const q of item.quotes) expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
  }
  const parsed = parsePolicy(buildPolicy(p));
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  return p;
}
const doc = async (f: string) => documentText(new Uint8Array(readFileSync(new URL(f, DIR))), f);

describe('a Friday finish in a sentence of its own', () => {
  it.each([
    ['01b-friday-own-sentence.txt', ['mon,tue,wed,thu 08:00-17:00', 'fri 08:00-15:30']],
    ['01-oakfield-numbered.txt', ['mon,tue,wed,thu 08:00-17:00', 'fri 08:00-15:30']],
    ['08-holywell-pdf.txt', ['mon,tue,wed,thu 07:45-17:30', 'fri 07:45-15:30']],
  ])('%s: Friday gets its own window', async (f, expected) => {
    const text = await doc(f);
    const p = read(text, f);
    expect(windows(p.staffHours.value)).toEqual(expected);
    expect(windows(p.replyHours.value)).toEqual(expected);
    // Both sentences are quoted: the Friday one says Friday's hours.
    expect(p.staffHours.quotes.some((q) => /Fridays/.test(q.quote))).toBe(true);
  });

  it.each([
    ['Teachers reply to ClassDojo messages between 8.30am and 4.30pm, Monday to Thursday.\nOn Friday, teachers reply to messages from 8.30am to 2pm.', ['mon,tue,wed,thu 08:30-16:30', 'fri 08:30-14:00']],
    ['Staff send ClassDojo messages between 8am and 5pm on weekdays. On Fridays staff finish at 3pm and do not reply after that.', ['mon,tue,wed,thu 08:00-17:00', 'fri 08:00-15:00']],
    ['Staff will reply to ClassDojo messages between 8am and 5pm, Monday to Friday. On Wednesdays staff will not reply to messages after 4pm.', ['mon,tue,thu,fri 08:00-17:00', 'wed 08:00-16:00']],
  ])('%s', (text, expected) => {
    expect(windows(read(text).staffHours.value)).toEqual(expected);
  });

  it('a Saturday club in another sentence is not added to the staff hours', () => {
    const p = read('Staff reply to ClassDojo messages between 8am and 5pm, Monday to Friday. On Saturdays the breakfast club runs from 9am to 12pm.');
    expect(windows(p.staffHours.value)).toEqual(['mon,tue,wed,thu,fri 08:00-17:00']);
  });
});

describe('a word a PDF hyphenated across a line break', () => {
  it('08-holywell-pdf.txt: "Attend-⏎ance Officer" is the attendance officer, with name and phone; absences go to them', async () => {
    const text = await doc('08-holywell-pdf.txt');
    const p = read(text, '08-holywell-pdf.txt');
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(p.routes.sickness.value.destination).toBe('attendance');
    const key = p.routes.absence.value.contact!;
    expect(p.contacts[key]!.value).toMatchObject({ name: 'Mr Stephen Doyle', phone: '01632 960998' });
    expect(p.contacts[key]!.value.role).toMatch(/Attendance Officer/);
    // The quote is the document's own text, hyphen and line break kept.
    expect(p.routes.absence.quotes.some((q) => q.quote.includes('Attend-\nance Officer'))).toBe(true);
  });

  it('an invented wrapped text: "Safe-⏎guarding Lead" names the DSL', () => {
    const p = read('Staff reply to ClassDojo messages between 8am and 4pm, Monday to Friday. Our Designated Safe-\nguarding Lead is Mrs Anna Kowalski.');
    expect(p.contacts.dsl!.value.name).toBe('Mrs Anna Kowalski');
  });
});

describe('looked-after children', () => {
  it('05-thornbury-label-value.txt: "Looked after children: never photographed" turns neverInCare on, quoting it', async () => {
    const text = await doc('05-thornbury-label-value.txt');
    const p = read(text, '05-thornbury-label-value.txt');
    expect(p.rules['photo-consent'].value.neverInCare).toBe(true);
    expect(p.rules['photo-consent'].quotes.map((q) => q.quote)).toContain('Looked after children: never photographed on ClassDojo');
  });

  it.each(['Children who are looked after are never photographed for ClassDojo. Photos are only posted with parental consent.', 'Photographs need parents’ consent. Pupils in local authority care are not photographed or filmed for Class Story.'])('%s', (text) => {
    expect(read(text).rules['photo-consent'].value.neverInCare).toBe(true);
  });
});

describe('"will not be named"', () => {
  it('18-meadowbank-utf16.txt: "Children will not be named in Class Story posts at all" turns the no-names rule on', async () => {
    const text = await doc('18-meadowbank-utf16.txt');
    const p = read(text, '18-meadowbank-utf16.txt');
    expect(p.rules['pupil-name'].origin).toBe('document');
    expect(p.rules['pupil-name'].value.action).not.toBe('off');
    expect(p.rules['pupil-name'].quotes.map((q) => q.quote)).toContain('Children will not be named in Class Story posts at all.');
  });

  it.each(['Pupils must never be named in posts on the Class Story.', 'Staff will not name individual children on Class Story.'])('%s', (text) => {
    const p = read(text);
    expect(p.rules['pupil-name'].origin).toBe('document');
  });

  it('"will not be named in full" is still first names only', () => {
    const p = read('Children will not be named in full on Class Story.');
    expect(p.rules['pupil-name'].origin).not.toBe('document');
    expect(p.rules['full-name'].origin).toBe('document');
  });
});

describe('a document that is not a communication policy', () => {
  it('13-uniform-offtopic.txt: nothing is taken from it, and the proposal says why', async () => {
    const text = await doc('13-uniform-offtopic.txt');
    const p = read(text, '13-uniform-offtopic.txt');
    expect(p.offTopic).toBe(true);
    expect(settingsRead(p)).toBe(0);
    expect(Object.values(p.contacts).map((c) => c.value.name)).not.toContain('Mrs Linda Brooks');
    expect(buildPolicy(p).note).toMatch(/does not look like a ClassDojo or communication policy/);
  });

  it('a short real policy that never says "ClassDojo" is still read', () => {
    const p = read('Parent communication policy\nTeachers reply to parents’ messages between 8am and 4pm, Monday to Friday.');
    expect(p.offTopic).toBeFalsy();
    expect(p.staffHours.origin).toBe('document');
  });
});

describe('names in Markdown bold', () => {
  it('04-riverside-markdown.md: the DSL and both deputies written **in bold** are named, quoted as written', async () => {
    const text = await doc('04-riverside-markdown.md');
    const p = read(text, '04-riverside-markdown.md');
    expect(p.contacts.dsl!.value.name).toBe('Mrs Amira Haddad');
    const deputies = Object.entries(p.contacts).filter(([k]) => k.startsWith('deputy-dsl')).map(([, c]) => c.value.name);
    expect(deputies.sort()).toEqual(['Mr Colin Reeve', 'Mrs Beth Newton']);
    expect(p.contacts.dsl!.quotes.some((q) => q.quote.includes('**Mrs Amira Haddad**'))).toBe(true);
  });

  it('an invented one: a DSL named in bold', () => {
    const p = read('Staff reply to ClassDojo messages between 8am and 4pm, Monday to Friday.\nOur DSL is **Ms Priya Nair**, who can be reached through the office.');
    expect(p.contacts.dsl!.value.name).toBe('Ms Priya Nair');
  });
});

describe('"Label: value" lines are not headings', () => {
  it('05-thornbury-label-value.txt: no item is filed under "Review: March 2027"', async () => {
    const text = await doc('05-thornbury-label-value.txt');
    const p = read(text, '05-thornbury-label-value.txt');
    const sections = proposalItems(p).flatMap(({ item }) => item.quotes.map((q) => q.section));
    expect(sections.length).toBeGreaterThan(5);
    expect(sections).not.toContain('Review: March 2027');
  });

  it('"Section 3: Communication with parents" is still a heading', () => {
    const p = read('Section 3: Communication with parents\nStaff reply to ClassDojo messages between 8am and 4pm, Monday to Friday.');
    expect(p.staffHours.quotes[0]!.section).toBe('Section 3: Communication with parents');
  });
});

describe('term time said as staff not being available', () => {
  it.each([
    'Staff reply to ClassDojo messages between 8.30am and 4.30pm. Please remember that teachers are not available at weekends or in the school holidays.',
    'Teachers answer ClassDojo messages from 8am to 4pm. Staff will not be available during the school holidays.',
  ])('%s', (text) => {
    const p = read(text);
    expect(p.termTime.origin).toBe('document');
    expect(p.termTime.value).toBe(true);
  });

  it('the school office being closed in the holidays is not term time for ClassDojo', () => {
    expect(read('Staff reply to ClassDojo messages between 8.30am and 4.30pm. The school office is not open in the school holidays.').termTime.origin).not.toBe('document');
  });
});

describe('the school’s name on the line above the document’s title', () => {
  it.each([
    ['Kingsmead Primary School\nStaff Code of Conduct 2025–2026\n\n7. ClassDojo\n7.2 Staff will not send ClassDojo messages before 7.30am or after 6.00pm.', 'Kingsmead Primary School'],
    ['Ashby Fields Primary School\nCommunication Policy\nTeachers reply to ClassDojo messages between 8am and 4pm.', 'Ashby Fields Primary School'],
  ])('%s', (text, name) => {
    expect(read(text).name.value).toBe(name);
  });
});
