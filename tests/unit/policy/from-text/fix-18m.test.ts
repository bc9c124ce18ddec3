/**
 * Fix 18m (issue #18): the three faults probe 18i left open, and the general faults probe 18m's documents
 * showed (tests/fixtures/policies/probe-18m/), each in a few wordings with clean twins.
 * 1. A sentence giving two routes ("Lost property to Mrs Hall, and trips to Mr Khan on …") gives each query
 *    the contact of its own clause, and a number written for the second is never the first's.
 * 2. A .docx table's merged cells: a row continuing the label cell above is joined to that row; a cell
 *    spanning columns keeps the row's cells under their headers.
 * 3. A table row's quote is its own cells, never the header row with it.
 */
import { readChecked } from './checked';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../../lib/policy/from-text/document';
import { wordprocessingText } from '../../../../lib/policy/from-text/docx';
import { type Proposal } from '../../../../lib/policy/from-text';
import type { QueryCategory } from '../../../../lib/policy/schema';
import { docxFromBody } from './docx';

/** The proposal, checked as every proposal must be (checked.ts). */
const read = readChecked;

/** The contact a query is routed to, with the route's destination (undefined when the document does not route it). */
function routedTo(p: Proposal, category: QueryCategory) {
  const r = p.routes[category];
  if (r.origin !== 'document') return undefined;
  const c = r.value.contact ? p.contacts[r.value.contact]!.value : undefined;
  return { destination: r.value.destination, name: c?.name, phone: c?.phone, email: c?.email };
}

const HEAD = 'Oakfield Primary School\n\nClassDojo Policy\n\nStaff will reply to messages between 8.30am and 4.30pm, Monday to Friday.\n\n';

describe('two routes in one sentence: each query goes to its own clause’s contact (fault 1)', () => {
  it.each([
    ['"X to Mrs Hall, and Y to Mr Khan on …"', 'Lost property to Mrs Hall in the office, and questions about trips to Mr Khan on 01632 963 301.', 'lost-property', 'Mrs Hall', 'trip', 'Mr Khan'],
    ['"… are looked after by Mrs Hall, and … is kept by Mr Khan"', 'Dinner money is looked after by Mrs Hall, and lost property is kept by Mr Khan, our caretaker.', 'dinners', 'Mrs Hall', 'lost-property', 'Mr Khan'],
    ['"please speak to Mrs Hall about dinners, while trips go to Mr Khan"', 'Please speak to Mrs Hall about dinners, while trips should go to Mr Khan.', 'dinners', 'Mrs Hall', 'trip', 'Mr Khan'],
    ['"report absences to Mrs Hall, but medicines must be discussed with Mr Khan"', 'Please report absences to Mrs Hall, but medicines must be discussed with Mr Khan.', 'absence', 'Mrs Hall', 'medical', 'Mr Khan'],
  ])('%s', (_, sentence, a, nameA, b, nameB) => {
    const p = read(`${HEAD}${sentence}\n`);
    expect(routedTo(p, a as QueryCategory)?.name).toBe(nameA);
    expect(routedTo(p, b as QueryCategory)?.name).toBe(nameB);
    // Each route quotes the sentence whole, as written.
    expect(p.routes[b as QueryCategory].quotes.map((q) => q.quote)).toContain(sentence);
  });

  it('the number written for the second contact is not the first’s', () => {
    const p = read(`${HEAD}Lost property to Mrs Hall in the office, and questions about trips to Mr Khan on 01632 963 301.\n`);
    expect(routedTo(p, 'trip')?.phone).toBe('01632 963 301');
    expect(routedTo(p, 'lost-property')?.phone).toBeUndefined();
  });

  it('clean twins: one contact in two clauses keeps its number; a list of queries is one clause', () => {
    const own = read(`${HEAD}Lost property questions go to Mrs Hall in the office, and you can ring her on 01632 963 301.\n`);
    expect(routedTo(own, 'lost-property')).toMatchObject({ name: 'Mrs Hall', phone: '01632 963 301' });
    const list = read(`${HEAD}Questions about dinners and trips should go to Mrs Hall in the office.\n`);
    expect(routedTo(list, 'dinners')?.name).toBe('Mrs Hall');
    expect(routedTo(list, 'trip')?.name).toBe('Mrs Hall');
  });
});

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (t: string) => `<w:p>${run(t)}</w:p>`;
/** A table cell: its text, and how it is merged (`restart`/`continue` down, `span` columns across). */
const tc = (t: string, merge: { v?: 'restart' | 'continue'; span?: number } = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${merge.span ? `<w:gridSpan w:val="${merge.span}"/>` : ''}${merge.v === 'restart' ? '<w:vMerge w:val="restart"/>' : merge.v === 'continue' ? '<w:vMerge/>' : ''}</w:tcPr>${para(t)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${rows.join('')}</w:tbl>`;

describe('a .docx table’s merged cells (fault 2)', () => {
  const body =
    para('Hilltop Primary School') +
    para('ClassDojo Policy') +
    para('Staff will reply to messages between 8.30am and 4.30pm, Monday to Friday.') +
    para('Who to contact') +
    tbl(
      tr(tc('Query'), tc('Who'), tc('How')),
      tr(tc('Absence and illness', { v: 'restart' }), tc('Mrs Sandra Birch, Attendance Officer'), tc('Phone 01632 962 010 before 9am')),
      tr(tc('', { v: 'continue' }), tc(''), tc('or email attendance@hilltop.sch.uk')),
      tr(tc('School trips'), tc('Mrs Priya Shah, Trips Coordinator — email trips@hilltop.sch.uk', { span: 2 })),
      tr(tc('Lost property'), tc('Mr Khan, Site Manager'), tc('In person')),
    );

  it('a row continuing the label cell above is joined to it; a cell spanning columns is followed by an empty one', async () => {
    const text = await documentText(docxFromBody(body), 'policy.docx');
    const rows = text.split('\n').filter((l) => l.includes('\t'));
    expect(rows).toEqual([
      'Query\tWho\tHow',
      'Absence and illness\tMrs Sandra Birch, Attendance Officer\tPhone 01632 962 010 before 9am or email attendance@hilltop.sch.uk',
      'School trips\tMrs Priya Shah, Trips Coordinator — email trips@hilltop.sch.uk\t',
      'Lost property\tMr Khan, Site Manager\tIn person',
    ]);
  });

  it('the joined row routes with both ways of reaching the contact, quoted verbatim', async () => {
    const text = await documentText(docxFromBody(body), 'policy.docx');
    const p = read(text);
    expect(routedTo(p, 'absence')).toMatchObject({ destination: 'attendance', name: 'Mrs Sandra Birch', phone: '01632 962 010', email: 'attendance@hilltop.sch.uk' });
    expect(routedTo(p, 'lost-property')?.name).toBe('Mr Khan');
  });

  it('clean twins: a "restart" cell alone, and a continued cell that is not the row’s first, join nothing', () => {
    const text = wordprocessingText(tbl(tr(tc('Dinners'), tc('Mrs Hall', { v: 'restart' })), tr(tc('Clubs'), tc('', { v: 'continue' }))));
    expect(text).toBe('Dinners\tMrs Hall\nClubs\t');
  });
});

describe('a table row’s quote is its own cells, never the header row with it (fault 3)', () => {
  it.each([
    ['tabs (a .docx table)', 'Who\tWhen\nClass teachers send and reply\t7.45am to 4.15pm, Monday to Friday\n', 'Class teachers send and reply\t7.45am to 4.15pm, Monday to Friday'],
    ['pipes', '| Who | When |\n|---|---|\n| Class teachers send and reply | 7.45am to 4.15pm, Monday to Friday |\n', 'Class teachers send and reply | 7.45am to 4.15pm, Monday to Friday'],
    ['a header with days and times columns', 'Days\tStaff send\nMonday – Friday\t8am – 5pm\n', 'Monday – Friday\t8am – 5pm'],
  ])('%s', (_, table, row) => {
    const p = read(`Foxglove Primary School\n\nOur ClassDojo agreement\n\n${table}`);
    expect(p.staffHours.origin).toBe('document');
    expect(p.staffHours.quotes.map((q) => q.quote)).toEqual([row]);
    expect(p.rules['out-of-hours'].quotes.map((q) => q.quote)).toEqual([row]);
  });
});

describe('general faults probe 18m’s documents showed', () => {
  it('a table row naming a titled person routes to them, not to the office the row says to go through; a title alone is that title', () => {
    const p = read(`${HEAD}| Query | Who | How |\n|---|---|---|\n| School meals | School Business Manager (Mr Tom Ellis) | Email meals@oakfield.sch.uk |\n| Medicines | First Aid Lead (Miss Amy Rowe) | Via the school office |\n| Complaints | Headteacher | In writing via the school office |\n| School trips | Trips Coordinator (Mrs Priya Shah) | Email trips@oakfield.sch.uk |\n`);
    expect(routedTo(p, 'dinners')).toMatchObject({ name: 'Mr Tom Ellis', email: 'meals@oakfield.sch.uk' });
    expect(routedTo(p, 'medical')?.name).toBe('Miss Amy Rowe');
    expect(routedTo(p, 'complaint')?.name).toBe('the Headteacher');
    // Never another row's contact (and address): each row its own.
    expect(routedTo(p, 'trip')).toMatchObject({ name: 'Mrs Priya Shah', email: 'trips@oakfield.sch.uk' });
    // Clean twin: a row whose only contact is the office stays the office's.
    const office = read(`${HEAD}| Query | Who |\n|---|---|\n| School meals | The school office, 01632 960 400 |\n`);
    expect(routedTo(office, 'dinners')).toMatchObject({ destination: 'office', phone: '01632 960 400' });
  });

  it('two queries to "the school office" with different addresses are two contacts, each with its own address', () => {
    const p = read(`${HEAD}| Query | How |\n|---|---|\n| School meals | Email meals@oakfield.sch.uk |\n| School trips | Email trips@oakfield.sch.uk |\n`);
    expect(routedTo(p, 'dinners')?.email).toBe('meals@oakfield.sch.uk');
    expect(routedTo(p, 'trip')?.email).toBe('trips@oakfield.sch.uk');
  });

  it.each([
    ['8:45yb-3:30yp', 'Teachers will send and answer messages between 8:45yb-3:30yp, Monday to Friday.', '08:45', '15:30'],
    ['8.30 y.b. – 4 y.p.', 'Staff will reply to ClassDojo messages 8.30 y.b. – 4 y.p., Monday to Friday.', '08:30', '16:00'],
    ['clean twin: 8:45am-3:30pm', 'Teachers will send and answer messages between 8:45am-3:30pm, Monday to Friday.', '08:45', '15:30'],
  ])('Welsh "yb"/"yp" times in a range: %s', (_, sentence, start, end) => {
    const p = read(`Ysgol Bro Taf\n\nClassDojo Policy\n\n${sentence}\n`);
    expect(p.staffHours.origin).toBe('document');
    expect(p.staffHours.value).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start, end }]);
  });

  it('a title in the school’s other language with the English in brackets is the same role; the ALNCo is the SENCo', () => {
    const p = read(`${HEAD}Complaints should be addressed to the Pennaeth (Headteacher), Mr Dafydd Rees, in writing.\nQuestions about additional learning needs go to our ALNCo (Cydlynydd ADY), Miss Ffion Jenkins.\n`);
    expect(routedTo(p, 'complaint')).toMatchObject({ name: 'Mr Dafydd Rees' });
    expect(p.contacts.senco?.value).toMatchObject({ name: 'Miss Ffion Jenkins', role: 'ALNCo' });
    // Clean twin: the English title alone.
    const en = read(`${HEAD}Complaints should be addressed to the Headteacher, Mr Dafydd Rees, in writing.\n`);
    expect(routedTo(en, 'complaint')).toMatchObject({ name: 'Mr Dafydd Rees' });
  });

  it.each([
    'Little Acorns Nursery & Infant School',
    'Oak Tree Junior and Infant School',
    'Brook Infant & Nursery School',
    'Elm Tree Primary School',
  ])('the school’s name whole: %s', (name) => {
    expect(read(`${name}\n\nClassDojo Policy\n\nStaff reply between 8am and 5pm.\n`).name.value).toBe(name);
  });

  it('email’s hours and reply time in a communication policy are not ClassDojo’s; "until 4.30" is ClassDojo’s end', () => {
    const text = 'Hawthorn Lane Primary School\n\nCommunication with Parents Policy\n\n4. Email\nEmails are checked between 8am and 4pm and will be answered within three school days.\n\n6. ClassDojo\nTeachers will check ClassDojo until 4.30 each day, and will not reply at weekends. Please allow up to 24 hours for a reply.\n';
    const p = read(text);
    expect(p.staffHours.origin).toBe('document');
    expect(p.staffHours.value.map((w) => w.end)).toEqual(['16:30']);
    expect(p.staffHours.quotes.map((q) => q.quote).join(' ')).not.toMatch(/Emails/);
    expect(p.responseTime.value).toBe('up to 24 hours');
    // Clean twins: hours for ClassDojo messages under any heading stay; "not until 9am" is no end.
    const dojo = read('Hawthorn Lane Primary School\n\n4. Email and ClassDojo\nClassDojo messages are checked between 8am and 4pm.\n');
    expect(dojo.staffHours.value.map((w) => `${w.start}-${w.end}`)).toEqual(['08:00-16:00']);
    const notUntil = read('Hawthorn Lane Primary School\n\nClassDojo\nTeachers will not check ClassDojo until 9am.\n');
    expect(notUntil.staffHours.value.every((w) => w.end !== '21:00')).toBe(true);
  });
});

describe('two people each with their own query, written without a comma or a verb of their own', () => {
  it.each([
    ['the verb carried over: "contact Mrs Hall about dinners and Mr Khan about clubs"', 'Please contact Mrs Hall about dinners and Mr Khan about clubs.', 'dinners', 'Mrs Hall', 'clubs', 'Mr Khan'],
    ['each the subject: "Mrs Hall deals with …, while Mr Khan runs …"', 'Mrs Hall deals with dinner money, while Mr Khan runs after-school clubs.', 'dinners', 'Mrs Hall', 'clubs', 'Mr Khan'],
    ['a number in the second part is the second person’s', 'Speak to Mrs Hall about dinners and Mr Khan on 01632 960 555 about clubs.', 'dinners', 'Mrs Hall', 'clubs', 'Mr Khan'],
  ])('%s', (_, sentence, a, nameA, b, nameB) => {
    const p = read(`${HEAD}${sentence}\n`);
    expect(routedTo(p, a as QueryCategory)?.name).toBe(nameA);
    expect(routedTo(p, b as QueryCategory)?.name).toBe(nameB);
    expect(routedTo(p, a as QueryCategory)?.phone).toBeUndefined();
  });

  it('clean twins: "Mrs Hall or Mr Khan about clubs" and "Mrs Hall and Mr Khan about clubs" go to the first named', () => {
    for (const joiner of ['or', 'and']) expect(routedTo(read(`${HEAD}Please contact Mrs Hall ${joiner} Mr Khan about clubs.\n`), 'clubs')?.name).toBe('Mrs Hall');
  });

  it('a number after a semicolon is not the next clause’s person’s: "ring the office on …; for medicines speak to Nurse Jo Hill"', () => {
    const p = read(`${HEAD}For absences ring the office on 01632 960 100; for medicines speak to Nurse Jo Hill.\n`);
    expect(routedTo(p, 'absence')?.phone).toBe('01632 960 100');
    expect(routedTo(p, 'medical')).toMatchObject({ name: 'Nurse Jo Hill', phone: undefined });
  });
});

describe('ends written as "until", with an earlier end on some days', () => {
  it('"answered until 4.30pm, Monday to Thursday, and until 3pm on Fridays"', () => {
    const p = read('Oakfield Primary School\n\nClassDojo Policy\n\nMessages will be answered until 4.30pm, Monday to Thursday, and until 3pm on Fridays.\n');
    expect(p.staffHours.value).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu'], start: '08:00', end: '16:30' },
      { days: ['fri'], start: '08:00', end: '15:00' },
    ]);
    expect(p.staffHours.note).toMatch(/no start: 08:00 is the recommended default/);
  });
});

describe('rules in more of the ways schools write them', () => {
  it.each([
    ['Negative points are not used.', true],
    ['We never give negative points.', true],
    ['Staff do not use negative Dojo points.', true],
    ['Negative behaviour is not rewarded with points.', false],
  ])('points never taken away: %s → %s', (sentence, found) => {
    expect(read(`${HEAD}${sentence}\n`).rules['negative-points'].origin === 'document').toBe(found);
  });

  it.each([
    ['Any concerns of a personal nature should be sent as a private message, not on the Class Story.', true],
    ['Matters of a sensitive nature will only be discussed in private messages.', true],
    ['Our Class Story shows learning of every nature.', false],
  ])('sensitive matters only in private: %s → %s', (sentence, found) => {
    expect(read(`${HEAD}${sentence}\n`).rules['sensitive-content'].origin === 'document').toBe(found);
  });
});
