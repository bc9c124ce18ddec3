/**
 * Three misreadings a school-IT probe found (issue 18, probe 18b), each quoting the school's own sentence and
 * so looking authoritative: days in a negative sentence taken as the hours' days ("will not send messages
 * before 8am, after 5pm or at weekends" became weekends only); a table row with an empty cell dropped (its
 * columns no longer lined up with the header, leaving Friday-only hours); a staff member's absence ("In her
 * absence please speak to Mr Dobson") read as the pupil-absence route. Every document here is invented.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../../lib/policy/from-text/document';
import { buildPolicy, proposeFromText, proposalItems, type Proposal } from '../../../../lib/policy/from-text';
import { findDaySpecs } from '../../../../lib/policy/from-text/times';
import { parsePolicy } from '../../../../lib/policy/parse';
import { makeDocx } from './docx';

const MON_FRI = 'mon,tue,wed,thu,fri';
const windows = (p: Proposal, key: 'staffHours' | 'replyHours' = 'staffHours') => p[key].value.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`);

/** The proposal, checked as every proposal must be: quotes verbatim, and a policy `validate` accepts. */
function read(text: string): Proposal {
  const p = proposeFromText(text, { file: 'policy.txt' });
  for (const { key, item } of proposalItems(p)) {
    for (const q of item.quotes) {
      expect(q.quote.length, key).toBeGreaterThan(0);
      expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
    }
  }
  const parsed = parsePolicy(buildPolicy(p));
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  return p;
}
const doc = (line: string) => `Elm Tree Primary School ClassDojo Policy\n\n${line}\n`;

describe('days in a negative sentence are days the hours are not on', () => {
  const cases: [string, string][] = [
    ['Staff will not send messages before 8am, after 5pm or at weekends.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send or check ClassDojo messages before 8am, after 5pm or at weekends.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send messages before 8am or after 5pm, or at weekends.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send ClassDojo messages not before 8am or after 5pm, nor at weekends.', `${MON_FRI} 08:00-17:00`],
    ['Teachers won’t reply to messages before 8.30am, after 4.30pm or over the weekend.', `${MON_FRI} 08:30-16:30`],
    ['Staff will never send ClassDojo messages at weekends or after 6pm.', `${MON_FRI} 08:00-18:00`],
    ['Teachers will not respond to messages after 6pm or at weekends.', `${MON_FRI} 08:00-18:00`],
    ['Staff will not send ClassDojo messages outside 8am–5pm on weekdays.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send ClassDojo messages outside 8am–5pm or at weekends.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send or check messages before 8am or after 5pm on weekdays, or at any time at weekends.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send ClassDojo messages before 8am or after 5pm, Monday to Friday, or at weekends.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send ClassDojo messages before 8am or after 5pm, or on Saturdays or Sundays.', `${MON_FRI} 08:00-17:00`],
    ['Staff will not send ClassDojo messages before 8am, after 5pm or on Fridays.', 'mon,tue,wed,thu 08:00-17:00'],
    // Days straight before the limits are the days they limit.
    ['Staff will not reply to ClassDojo messages on weekdays before 8am or after 5pm.', `${MON_FRI} 08:00-17:00`],
    // A time's own dot ("8.30am", "6.30 p.m.") does not end the clause the negation is in.
    ['Staff will never check messages at weekends, before 7.30am or after 6.30pm.', `${MON_FRI} 07:30-18:30`],
    ['Staff will not check ClassDojo after 6.30 p.m. or at weekends.', `${MON_FRI} 08:00-18:30`],
  ];
  for (const [line, want] of cases) {
    it(line, () => {
      const text = doc(line);
      const p = read(text);
      expect(windows(p)).toEqual([want]);
      expect(p.staffHours.origin).toBe('document');
      expect(p.staffHours.quotes.map((q) => q.quote)).toEqual([line]);
      // The "names no days" note would be wrong: the sentence says which days are out.
      expect(p.staffHours.note ?? '').not.toMatch(/names no days/);
    });
  }

  it('days written as the hours’ days are still the hours’ days, a negation elsewhere in the sentence or not', () => {
    expect(windows(read(doc('Staff will send ClassDojo messages between 8am and 5pm on weekdays but not at weekends.')))).toEqual([`${MON_FRI} 08:00-17:00`]);
    expect(windows(read(doc('Teachers are not expected to reply instantly and will check ClassDojo messages on Monday to Friday between 8am and 4pm.')))).toEqual([`${MON_FRI} 08:00-16:00`]);
    expect(windows(read(doc('Staff will not be available on Saturdays, but will check ClassDojo messages on Tuesday to Thursday from 8am to 5pm.')))).toEqual(['tue,wed,thu 08:00-17:00']);
    expect(windows(read(doc('Staff check ClassDojo messages 8am–5pm Monday to Friday. Messages are not read at weekends.')))).toEqual([`${MON_FRI} 08:00-17:00`]);
  });

  it('findDaySpecs marks ruled-out days, and only those', () => {
    const marks = (s: string) => findDaySpecs(s).map((d) => `${d.phrase.replace(/\.$/, '')}:${d.excluded ? 'out' : 'in'}`);
    expect(marks('Staff will not send messages before 8am, after 5pm or at weekends.')).toEqual(['weekends:out']);
    expect(marks('Not before 8am or after 5pm on weekdays, or at any time at weekends.')).toEqual(['weekdays:in', 'weekends:out']);
    expect(marks('Staff never message at weekends or after 6pm.')).toEqual(['weekends:out']);
    expect(marks('Staff will not reply on Fridays before 8am or after 3pm.')).toEqual(['Fridays:in']);
    expect(marks('Staff will never check messages at weekends, before 7.30am or after 6.30pm.')).toEqual(['weekends:out']);
    expect(marks('Messages are not answered on Saturdays or Sundays.')).toEqual(['Saturdays or Sundays:out']);
    expect(marks('Staff reply Monday to Friday, 8am to 5pm.')).toEqual(['Monday to Friday:in']);
    expect(marks('We do not expect replies outside school hours, which are 8am–5pm Monday to Friday.')).toEqual(['Monday to Friday:in']);
  });
});

describe('a table row with an empty cell keeps its place', () => {
  const hours = ['mon,tue,wed,thu 08:30-17:00', 'fri 08:30-15:30'];

  it('a pipe table: "| Monday – Thursday | 08:30 – 17:00 | |" is read with its columns', () => {
    const text = [
      '# Ashgrove Primary School – ClassDojo policy',
      '',
      '## When we are available',
      '',
      '| Day | Staff reply to messages | Notes |',
      '|---|---|---|',
      '| Monday – Thursday | 08:30 – 17:00 | |',
      '| Friday | 08:30 – 15:30 | Staff training after 3.30pm |',
      '| Saturday and Sunday | Not monitored | |',
    ].join('\n');
    const p = read(text);
    expect(windows(p)).toEqual(hours);
    expect(p.staffHours.quotes.map((q) => q.quote)).toContain('Monday – Thursday | 08:30 – 17:00');
  });

  it('a pipe table with the start and finish in cells of their own and an empty notes cell', () => {
    const text = [
      'Larchwood Primary School ClassDojo policy',
      '',
      'Staff ClassDojo messaging hours',
      '',
      '| Days | From | To | Comments |',
      '| Monday–Thursday | 8.30am | 5pm |  |',
      '| Friday | 8.30am | 3.30pm | Early finish |',
    ].join('\n');
    expect(windows(read(text))).toEqual(hours);
  });

  it('an empty cell in the middle of a row: the times stay under their own column', () => {
    const text = [
      'Larchwood Primary School ClassDojo policy',
      '',
      'Staff ClassDojo messaging hours',
      '',
      '| Days | Parents may send | Staff reply | Comments |',
      '| Monday–Thursday | | 8.30am – 5pm | |',
      '| Friday | 7am – 6pm | 8.30am – 3.30pm | Early finish |',
    ].join('\n');
    expect(windows(read(text))).toEqual(hours);
  });

  it('tab-separated rows (a Word table as text) with an empty last cell', () => {
    const text = [
      'Larchwood Primary School ClassDojo policy',
      '',
      'Staff ClassDojo messaging hours',
      '',
      'Days\tStart\tFinish\tComments',
      'Monday–Thursday\t8.30am\t5pm\t',
      'Friday\t8.30am\t3.30pm\tStaff training',
    ].join('\n');
    expect(windows(read(text))).toEqual(hours);
  });

  it('a real .docx table whose Monday–Thursday row has an empty Comments cell', async () => {
    const bytes = await makeDocx([
      '# Larchwood Primary School – ClassDojo policy',
      '# Staff messaging hours',
      [
        ['Days', 'Start', 'Finish', 'Comments'],
        ['Monday–Thursday', '8.15am', '5pm', ''],
        ['Friday', '8.15am', '3.30pm', 'Staff training'],
      ],
    ]);
    const text = await documentText(bytes, 'larchwood.docx');
    const p = read(text);
    expect(windows(p)).toEqual(['mon,tue,wed,thu 08:15-17:00', 'fri 08:15-15:30']);
    // A Word row is quoted whole (its day label with its times); the empty cell at its end is not quoted.
    expect(p.staffHours.quotes.map((q) => q.quote)).toEqual(expect.arrayContaining(['Monday–Thursday\t8.15am\t5pm', 'Friday\t8.15am\t3.30pm\tStaff training']));
  });

  it('a line of text with bars or tabs in it and only one word-cell is still text', () => {
    const p = read('Elm Tree Primary School ClassDojo Policy\n\n\tStaff will reply to ClassDojo messages between 8am and 4pm on weekdays.\t\n');
    expect(windows(p)).toEqual([`${MON_FRI} 08:00-16:00`]);
  });
});

describe('a staff member’s absence is not a pupil’s', () => {
  const contactOf = (p: Proposal) => p.contacts[p.routes.absence.value.contact!];

  it('"In her absence please speak to Mr Karl Dobson" does not route absences to him; the real absence line does', () => {
    const text = [
      'Meadow View Primary School ClassDojo policy',
      '',
      'A3. The person responsible for safeguarding in our school is Miss Sarah O’Neill. In her absence please speak to Mr Karl Dobson.',
      'A4. To report an absence call 01632 961234 (option 1) by 9am, or email attendance@meadowview.org.uk.',
    ].join('\n');
    const p = read(text);
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(contactOf(p)?.value).toMatchObject({ phone: '01632 961234', email: 'attendance@meadowview.org.uk' });
    expect(p.routes.absence.quotes.map((q) => q.quote).join(' ')).not.toMatch(/Dobson/);
    expect(p.routes.sickness.quotes.map((q) => q.quote).join(' ')).not.toMatch(/Dobson/);
  });

  for (const line of [
    'Safeguarding lead: Mrs Fiona Hart. In her absence, contact Mr Ian Bell.',
    'Our DSL is Mr Tom Reid. In his absence please contact Mrs Ann Lee.',
    'In the absence of the DSL, speak to Mrs Ann Lee, the deputy.',
    'In their absence, please speak to Mr Ian Bell.',
    'If the DSL is absent, contact Mr Ian Bell.',
    'During staff absence, please contact Mr Ian Bell in the office.',
    'When Mrs Hart is absent, please contact Mr Ian Bell.',
    'If your child’s class teacher is absent, please contact Mr Ian Bell.',
  ]) {
    it(`"${line}" sets no absence route`, () => {
      const p = read(doc(line));
      expect(p.routes.absence.origin).not.toBe('document');
      expect(p.routes.sickness.origin).not.toBe('document');
    });
  }

  it('a pupil’s absence still sets the route, however it is put', () => {
    for (const [line, contact] of [
      ['If your child is absent, please phone Mrs Dawn Harris on 01632 960555.', 'Mrs Dawn Harris'],
      ['Please report your child’s absence to the school office by 9am.', 'the school office'],
      ['Absences must be reported to the attendance officer, Mr Gareth Lewis, by phone.', 'Mr Gareth Lewis'],
    ] as const) {
      const p = read(doc(line));
      expect(p.routes.absence.origin, line).toBe('document');
      expect(contactOf(p)?.value.name, line).toBe(contact);
    }
  });

  it('a staff absence and a pupil absence in one document: only the pupil one routes', () => {
    const p = read(doc('In the absence of the DSL, speak to Mr Ian Bell. Please report your child’s absence to the school office by 9am.'));
    expect(p.routes.absence.value.destination).toBe('office');
    expect(p.routes.absence.quotes.map((q) => q.quote)).toEqual(['Please report your child’s absence to the school office by 9am.']);
  });
});

describe('a contacts table routes each query from its own row', () => {
  const text = [
    'Ashgrove Primary School ClassDojo policy',
    '',
    '## Who to contact',
    '',
    '| Query | Contact | How |',
    '|---|---|---|',
    '| Absence | Mrs Helen Bright, Attendance Officer | 01632 960777 before 9am |',
    '| Medical needs | School Office | office@ashgrove.sch.uk |',
    '| SEN | Mr David Kahn, SENCo | Make an appointment through the office |',
  ].join('\n');

  it('absence goes to the Absence row’s attendance officer, quoting that row, not the SEN row’s "appointment"', () => {
    const p = read(text);
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(p.routes.absence.quotes.map((q) => q.quote)).toEqual(['Absence | Mrs Helen Bright, Attendance Officer | 01632 960777 before 9am']);
    expect(p.contacts[p.routes.absence.value.contact!]!.value).toMatchObject({ name: 'Mrs Helen Bright', phone: '01632 960777', how: 'by phone before 9am' });
  });

  it('the medical row’s only way is its address: by email', () => {
    const p = read(text);
    expect(p.routes.medical.value.destination).toBe('office');
    expect(p.contacts[p.routes.medical.value.contact!]!.value).toMatchObject({ email: 'office@ashgrove.sch.uk', how: 'by email' });
  });
});

describe('"Label: value" contact lines are read as rows (probe 18b, D5)', () => {
  for (const line of ['Attendance: Mrs Dawn Harris, 01632 960555, attendance@elmtree.sch.uk', 'Reporting absence:\tMrs Dawn Harris, 01632 960555, attendance@elmtree.sch.uk', 'Absences:  Mrs Dawn Harris (01632 960555)']) {
    it(JSON.stringify(line), () => {
      const p = read(doc(line));
      expect(p.routes.absence.value.destination).toBe('attendance');
      expect(p.routes.sickness.value.destination).toBe('attendance');
      const contact = p.contacts[p.routes.absence.value.contact!]!.value;
      expect(contact).toMatchObject({ name: 'Mrs Dawn Harris', phone: '01632 960555' });
      // No verb: the ways the line gives, both of them.
      expect(contact.how).toBe(line.includes('@') ? 'by phone or email' : 'by phone');
    });
  }

  it('"DSL: Mrs Fiona Hart" names the DSL, and is not taken for a heading', () => {
    const p = read(doc('DSL: Mrs Fiona Hart'));
    expect(p.contacts.dsl!.value.name).toBe('Mrs Fiona Hart');
  });

  it('a heading with a colon stays a heading, and a label line with no contact in it is not a route', () => {
    const p = read(['Elm Tree Primary School ClassDojo Policy', '', 'Section 3: Communication with parents', '', 'Attendance: we aim for 97% across the school.'].join('\n'));
    expect(p.routes.absence.origin).not.toBe('document');
  });
});

describe('the DSL named in the ways policies put it (probe 18b, D6)', () => {
  const cases: [string, string][] = [
    ["Any safeguarding concern should be raised with Miss Jo Carter, who is the school's DSL.", 'Miss Jo Carter'],
    ['Mrs Olivia Grant, who leads safeguarding at Elm Tree, should be told of any worry about a child.', 'Mrs Olivia Grant'],
    ['The person with lead responsibility for safeguarding is Mr Anthony Okafor. Report any concerns to him.', 'Mr Anthony Okafor'],
    ["The person responsible for safeguarding at our school is Miss Sarah O'Neill; please report concerns to her.", "Miss Sarah O'Neill"],
  ];
  for (const [line, name] of cases) {
    it(line, () => {
      const p = read(doc(line));
      expect(p.contacts.dsl!.value.name).toBe(name);
      expect(p.routes.safeguarding.value.destination).toBe('dsl');
      expect(p.routes.safeguarding.origin).toBe('document');
    });
  }

  it('the safeguarding route quotes the DSL’s sentence, not the deputy’s', () => {
    const p = read(doc('In the absence of the DSL, safeguarding concerns go to Mrs Jane Cole, Deputy DSL. If you are worried about a child’s safety, speak to Mr Paul Evans (DSL).'));
    expect(p.contacts.dsl!.value.name).toBe('Mr Paul Evans');
    expect(p.routes.safeguarding.quotes.map((q) => q.quote).join(' ')).toContain('Mr Paul Evans');
    expect(p.routes.safeguarding.quotes.map((q) => q.quote).join(' ')).not.toContain('Jane Cole');
  });
});

describe('a rule the document states in its own words is the document’s (probe 18b, D7)', () => {
  for (const line of [
    'Medical, SEN or behaviour matters will only be discussed in a private message, never on Class Story.',
    "Information about a child's health, SEN or family circumstances must not be shared on Class Story.",
    "Teachers must not share details of a pupil's health, SEN or behaviour on Class Story.",
    'We will never post about behaviour incidents or medical needs on the Class Story; these are discussed privately with the family.',
  ]) {
    it(line, () => {
      const p = read(doc(line));
      expect(p.rules['sensitive-content'].origin).toBe('document');
      expect(p.rules['sensitive-content'].quotes.map((q) => q.quote)).toEqual([line]);
    });
  }

  it('"will not use children’s full names" is the full-name rule', () => {
    const p = read(doc("Staff will not use children's full names on Class Story."));
    expect(p.rules['full-name'].origin).toBe('document');
  });

  for (const line of ['Class Story is used to celebrate learning and share news with all families.', 'Behaviour points are shared on Class Story each Friday.', 'Our SEN and medical policies are on the website.']) {
    it(`not a rule: ${line}`, () => {
      const p = read(doc(line));
      expect(p.rules['sensitive-content'].origin).not.toBe('document');
    });
  }
});

describe('a fourth probe of schools’ own wordings (probe 18c)', () => {
  it('a staff member reporting their own absence is not the pupils’ absence route', () => {
    const p = read(doc('Teachers who are absent from work should report their absence to the Business Manager, Mrs Deborah Hall, by telephone on 01904 551 880 before 7.30am.'));
    expect(p.routes.absence.origin).not.toBe('document');
  });

  it('an appointment to discuss progress is not an absence; the attendance line is', () => {
    const p = read(['Northdale Primary School ClassDojo Policy', 'A2. Progress concerns should be raised by booking an appointment with the class teacher via the office.', 'D1. Attendance queries and reports of absence: Mrs Sharon Whitley, Attendance Officer, 020 8123 4567, attendance@kingsmead.sch.uk.'].join('\n'));
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(p.contacts[p.routes.absence.value.contact!]!.value).toMatchObject({ name: 'Mrs Sharon Whitley', phone: '020 8123 4567' });
  });

  for (const [name, text] of [
    ['Monday to⏎Friday', 'Staff will send messages between 8.15am and 4.45pm, Monday to\nFriday.'],
    ['and⏎4.45pm', 'Staff will send messages between 8.15am and\n4.45pm, Monday to Friday.'],
    ['three lines', 'Staff will send and respond to messages\nbetween 8.15am and 4.45pm, Monday to\nFriday.'],
  ] as [string, string][]) {
    it(`hard line breaks mid-clause are one sentence (${name})`, () => {
      const p = read(doc(text));
      expect(windows(p)).toEqual([`${MON_FRI} 08:15-16:45`]);
    });
  }

  it('"speak to the DSL the same day" does not send urgent matters to the DSL', () => {
    const p = read(doc("If a parent's message causes concern, staff must speak to the DSL in person the same day."));
    expect(p.routes.urgent.origin).not.toBe('document');
  });

  it('an absence route given in the next sentence, started by a verb', () => {
    const p = read(doc('Please do not use ClassDojo to report an absence. Telephone the office on 01558 822 400 before 9.00am.'));
    expect(p.routes.absence.value.destination).toBe('office');
    expect(p.contacts[p.routes.absence.value.contact!]!.value).toMatchObject({ phone: '01558 822 400' });
  });

  it('a role’s number on a label line reaches the route that names the role', () => {
    const p = read(['Elmwood Primary School ClassDojo Policy', 'Absence line: 01442 555 211 (option 1)', 'Please do not use ClassDojo to report absence – ring the absence line.'].join('\n'));
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(p.contacts[p.routes.absence.value.contact!]!.value.phone).toBe('01442 555 211');
  });

  for (const [line, name] of [
    ['Our Designated Safeguarding Lead is Mrs Siân Hughes-Parry.', 'Mrs Siân Hughes-Parry'],
    ["Our Designated Safeguarding Lead is Mrs Mary Ann O'Neill.", "Mrs Mary Ann O'Neill"],
    ["Our Designated Safeguarding Lead is Mrs Chérie O'Neill.", "Mrs Chérie O'Neill"],
    ['The Designated Safeguarding Lead is Mr Seán Murphy.', 'Mr Seán Murphy'],
    ['The person responsible for safeguarding at Elmwood is Mr Alan Birch, who is our Designated Person for Child Protection.', 'Mr Alan Birch'],
  ] as [string, string][]) {
    it(`names in full: ${name}`, () => {
      expect(read(doc(line)).contacts.dsl!.value.name).toBe(name);
    });
  }

  it('a role in capitals after a name is not part of it, nor a role word', () => {
    expect(read(doc('Concerns about a child’s safety go to Mrs Fiona Hart DSL.')).contacts.dsl!.value.name).toBe('Mrs Fiona Hart');
  });

  it('a trust’s safeguarding lead is not the school’s DSL', () => {
    const p = read(doc("The Trust's Safeguarding Lead is Mrs Helen Okafor. Our Designated Safeguarding Lead is Mr John Tate."));
    expect(p.contacts.dsl!.value.name).toBe('Mr John Tate');
    expect(read(doc("The Trust's Safeguarding Lead is Mrs Helen Okafor.")).contacts.dsl!.value.name).not.toBe('Mrs Helen Okafor');
  });

  it('a Welsh school’s name', () => {
    expect(read('Ysgol Gynradd Gymraeg Bro Dinefwr\nClassDojo Policy\nStaff send messages between 8am and 5pm.\n').name.value).toBe('Ysgol Gynradd Gymraeg Bro Dinefwr');
    expect(read('Ysgol y Graig ClassDojo Policy\n\nStaff send messages between 8am and 5pm.\n').name.value).toBe('Ysgol y Graig');
  });

  it('rules and a response time in common wordings', () => {
    expect(read(doc('Full names of pupils must not be used on Class Story or School Story.')).rules['full-name'].origin).toBe('document');
    expect(read(doc('Teachers will not remove Dojo points for poor behaviour.')).rules['negative-points'].origin).toBe('document');
    expect(read(doc('Parents should allow up to five school days for a response.')).responseTime.value).toBe('up to five school days');
  });

  it('a rule naming the places, "under no circumstances … posted on Class Story, School Story or Portfolios", gives its channels', () => {
    const p = read(doc("Under no circumstances should information relating to a pupil's health, special educational needs, attendance, free school meals or behaviour sanctions be posted on Class Story, School Story or Portfolios."));
    expect(p.rules['sensitive-content'].origin).toBe('document');
    expect(p.rules['sensitive-content'].value.channels).toEqual(expect.arrayContaining(['class-story', 'school-story', 'student-story']));
  });
});
