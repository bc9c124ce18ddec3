/**
 * Fix 18n (issue #18): the general faults probe 18n's documents showed (tests/fixtures/policies/probe-18n/),
 * each in a few wordings with clean twins, and the fault probe 18m left open ("X and Y go to Mrs Hall and
 * Mr Khan" with no "respectively").
 */
import { readChecked } from './checked';
import { describe, expect, it } from 'vitest';
import { type Proposal } from '../../../../lib/policy/from-text';
import { sentencesOf } from '../../../../lib/policy/from-text/text';
import type { QueryCategory } from '../../../../lib/policy/schema';
import { reading } from './reading';

/** The proposal, checked as every proposal must be (checked.ts). */
const read = readChecked;

/** The contact a query is routed to, with the route's destination (undefined when the document does not route it). */
function routedTo(p: Proposal, category: QueryCategory) {
  const r = p.routes[category];
  if (r.origin !== 'document') return undefined;
  const c = r.value.contact ? p.contacts[r.value.contact]!.value : undefined;
  return { destination: r.value.destination, name: c?.name, role: c?.role, phone: c?.phone, email: c?.email };
}

const HEAD = 'Oakfield Primary School\n\nClassDojo Policy\n\nStaff will reply to messages between 8.30am and 4.30pm, Monday to Friday.\n\n';

describe('the DSL’s stand-in: "or in her absence Mr Y", "(DDSL)", "the DDSL is Mr Y"', () => {
  it.each([
    ['"or in her absence Mr Y"', 'For matters of a safeguarding nature please contact our DSL, Mrs Rachel Thompson, or in her absence Mr David Oyelaran.'],
    ['"or, in her absence, Mr Y (role)"', 'Please contact our Child Protection Co-ordinator, Mrs Rachel Thompson (Headteacher), or, in her absence, Mr David Oyelaran (Deputy Head).'],
    ['"Mr Y (DDSL)"', 'Safeguarding concerns go to Mrs Rachel Thompson (DSL) or Mr David Oyelaran (DDSL).'],
    ['"the DDSL is Mr Y"', 'Any safeguarding concern must be passed on. Our DSL is Mrs Rachel Thompson and the DDSL is Mr David Oyelaran.'],
  ])('%s', (_, sentence) => {
    const r = reading(read(`${HEAD}${sentence}\n`));
    expect(r.dsl).toBe('Mrs Rachel Thompson');
    expect(r.deputies).toEqual(['Mr David Oyelaran']);
  });

  it('clean twins: "in her absence" outside safeguarding, or with no name after it, names no deputy', () => {
    expect(reading(read(`${HEAD}Our office manager, Mrs Hall, deals with dinners, or in her absence Mr Khan.\n`)).deputies).toEqual([]);
    expect(reading(read(`${HEAD}Safeguarding concerns go to our DSL, Mrs Rachel Thompson, or in her absence the deputy.\n`)).deputies).toEqual([]);
  });
});

describe('queries paired with people (the fault probe 18m left open)', () => {
  it('"respectively": each query its own person, in order', () => {
    const p = read(`${HEAD}Absence and dinners go to Mrs Hall and Mr Khan respectively.\n`);
    expect(routedTo(p, 'absence')?.name).toBe('Mrs Hall');
    expect(routedTo(p, 'dinners')?.name).toBe('Mr Khan');
    expect(p.routes.dinners.check).toBeUndefined();
  });

  it('"query: person; query: person": each part its own pair, with no sending verb', () => {
    const p = read(`${HEAD}Attendance and lateness: Mrs Hall; medical needs: Mr Khan\n`);
    expect(routedTo(p, 'absence')?.name).toBe('Mrs Hall');
    expect(routedTo(p, 'medical')?.name).toBe('Mr Khan');
  });

  it('no "respectively": never silently the first; the route says to check, and both are proposed', () => {
    const p = read(`${HEAD}Questions about dinners and lost property go to Mrs Hall and Mr Khan.\n`);
    for (const c of ['dinners', 'lost-property'] as const) {
      expect(p.routes[c].origin, c).toBe('document');
      expect(p.routes[c].check, c).toMatch(/Mrs Hall and Mr Khan/);
    }
    const names = Object.values(p.contacts).map((c) => c.value.name);
    expect(names).toEqual(expect.arrayContaining(['Mrs Hall', 'Mr Khan']));
    // One query, two people: the first proposed, the other beside it, and the check says so.
    const one = read(`${HEAD}Any questions about trips should go to Mrs Ward and Mr Osei.\n`);
    expect(one.routes.trip.check).toMatch(/Mrs Ward and Mr Osei/);
    expect(Object.values(one.contacts).map((c) => c.value.name)).toEqual(expect.arrayContaining(['Mrs Ward', 'Mr Osei']));
  });

  it('clean twins: one person, or two people each in their own clause, need no check', () => {
    const one = read(`${HEAD}Questions about dinners and lost property go to Mrs Hall.\n`);
    expect(routedTo(one, 'dinners')?.name).toBe('Mrs Hall');
    expect(one.routes.dinners.check).toBeUndefined();
    const two = read(`${HEAD}Lost property to Mrs Hall in the office, and questions about trips to Mr Khan on 01632 963 301.\n`);
    expect(routedTo(two, 'trip')?.name).toBe('Mr Khan');
    expect(two.routes.trip.check).toBeUndefined();
  });

  it('each person’s own number and address in a sentence naming two', () => {
    const p = read(`${HEAD}Absence and dinners go to Mrs Hall and Mr Khan respectively. Mrs Hall is our Attendance Officer (0191 498 0347) and Mr Khan is our School Business Manager (finance@school.sch.uk).\n`);
    expect(routedTo(p, 'absence')).toMatchObject({ name: 'Mrs Hall', phone: '0191 498 0347', email: undefined });
    expect(routedTo(p, 'dinners')).toMatchObject({ name: 'Mr Khan', phone: undefined, email: 'finance@school.sch.uk' });
  });
});

describe('a complaints procedure whose steps name the head', () => {
  it.each([
    ['"…beginning with the class teacher and then the Headteacher, Mr X"', 'If you wish to make a complaint, please follow the school’s Complaints Procedure, beginning with the class teacher and then the Headteacher, Mr Peter Lawson.', 'Mr Peter Lawson'],
    ['"Complaints – see our Complaints Procedure; Ms X, Head of School"', 'Complaints – see our Complaints Procedure on the website; Ms Jane Whitfield, Head of School', 'Ms Jane Whitfield'],
  ])('%s', (_, sentence, name) => {
    const p = read(`${HEAD}${sentence}\n`);
    expect(routedTo(p, 'complaint')?.name).toBe(name);
    expect(p.contacts[p.routes.complaint.value.contact!]!.value.how).toMatch(/Complaints Procedure/);
  });

  it('clean twin: a procedure naming no one is the school’s', () => {
    expect(routedTo(read(`${HEAD}Complaints should follow the school’s Complaints Procedure.\n`), 'complaint')?.name).toBe('the school');
  });
});

describe('a text copied from a PDF', () => {
  const wrap = (lines: string[]) => lines.join('\n');
  const PROSE = [
    'This policy sets out how staff at Oakfield Primary School use ClassDojo to',
    'communicate with parents and carers, and what parents can expect from us. It',
    'applies to all teaching and support staff and should be read with the Staff',
    'Code of Conduct and the Online Safety Policy of the school and the trust.',
    'Staff will reply to messages between 8.30am and 4pm, Monday to Friday, and',
    'will not reply in the evenings, at weekends or during the school holidays.',
  ];

  it('a sentence running on over a page break (footer, next page’s header) is read whole, quoted as written', () => {
    const text = wrap([
      'Oakfield Primary School',
      '',
      ...PROSE,
      'Complaints should be made in line with the Complaints Policy, starting with',
      '',
      'Oakfield Primary School – ClassDojo Policy                    Page 1 of 2',
      '',
      'Oakfield Primary School                                ClassDojo Policy',
      '',
      'the class teacher and then the Headteacher, Mr Simon Blake.',
      '',
      'Oakfield Primary School – ClassDojo Policy                    Page 2 of 2',
      '',
    ]);
    const p = read(text);
    expect(routedTo(p, 'complaint')?.name).toBe('Mr Simon Blake');
    expect(p.routes.complaint.quotes[0]!.quote).toMatch(/^Complaints should[\s\S]*Page 1 of 2[\s\S]*Mr Simon Blake\.$/);
  });

  it('a name and an email address broken at a line end are read whole', () => {
    const text = wrap([
      'Oakfield Primary School',
      '',
      ...PROSE,
      'Medical needs and medication: please speak to our school nurse, Mrs Aisha',
      'Rahman, via the school office, who will pass on your message to her.',
      'Special educational needs: our SENDCo is Miss Laura Kent (senco@oakfield.',
      'sch.uk), who is in school every day of the week and will be glad to help.',
    ]);
    const p = read(text);
    expect(routedTo(p, 'medical')?.name).toBe('Mrs Aisha Rahman');
    expect(Object.values(p.contacts).find((c) => c.value.name === 'Miss Laura Kent')?.value.email).toBe('senco@oakfield.sch.uk');
  });

  it.each([
    ['a sentence before it', 'Absence should be reported to the school office on 01234 567890 before 9am. The full procedure is on page 3 of 12'],
    ['a wrapped sentence running into it', 'Absence should be reported to the school office on 01234 567890 before 9am; the procedure is on page 3 of 12'],
    ['a wrapped sentence with no stop in it', 'Absence should be reported to the school office on 01234 567890 by 9am as set out on page 3 of 12'],
  ])('a line that ends in "page N of M" is kept when it is not a footer: %s', (_, line) => {
    const text = `${HEAD}${line}\nof the attendance policy, which parents can find on the website.\n`;
    expect(sentencesOf(text).some((x) => x.pageBreaks?.length)).toBe(false);
    const p = read(text);
    expect(routedTo(p, 'absence')).toMatchObject({ phone: '01234 567890' });
  });

  it.each([
    ['set apart by spaces, once', 'Oakfield Primary School – ClassDojo Policy v2.1          Page 1 of 1'],
    ['one space, a capitalised last word', 'Oakfield Primary School – ClassDojo Policy Page 1 of 1'],
    ['one space, a date before it', 'Reviewed September 2025 Page 1 of 1'],
  ])('a footer ending in "page N of M" is furniture: %s', (_, footer) => {
    const text = wrap(['Oakfield Primary School', '', ...PROSE, 'Complaints should be made in line with the Complaints Policy, starting with', footer, 'the class teacher and then the Headteacher, Mr Simon Blake.']);
    const s = sentencesOf(text).find((x) => x.text.startsWith('Complaints'))!;
    // The footer is a page break inside the sentence, not words of it.
    expect(s.pageBreaks?.map(([a, b]) => text.slice(a, b).trim())).toEqual([footer]);
    expect(routedTo(read(text), 'complaint')?.name).toBe('Mr Simon Blake');
  });

  it('clean twins: "Page 3" in a sentence is text; a label line with its value whole is a row', () => {
    const p = read(`${HEAD}Please read the Complaints Policy set out on page 3\nof the prospectus before contacting the Headteacher, Mr Simon Blake.\nAttendance: Mrs Dawn Harris, 01632 960555\n`);
    expect(routedTo(p, 'absence')).toMatchObject({ name: 'Mrs Dawn Harris', phone: '01632 960555' });
  });
});

describe('the school’s name', () => {
  it.each([
    ['seven name words before "Primary School"', "St Cuthbert's Church of England Voluntary Aided Primary School\n\nCommunication Policy\n\n", "St Cuthbert's Church of England Voluntary Aided Primary School"],
    ['in capitals, with "Head of School" named twice below', 'BRAMBLESIDE INFANT SCHOOL\n\nClassDojo guidelines\n\nOur DSL is Ms Jane Whitfield (Head of School).\nComplaints: see our procedure; Ms Jane Whitfield, Head of School.\n\n', 'Brambleside Infant School'],
    ['never from a sentence’s last word ("…on CPOMS. At Hill Primary Academy…")', 'Staff Acceptable Use Agreement\n\nConcerns must be recorded on CPOMS. At Hill Primary Academy the DSL is Mrs Helen Marsh.\n\n', 'Hill Primary Academy'],
  ])('%s', (_, head, name) => {
    expect(read(`${head}Staff will reply to messages between 8.30am and 4.30pm, Monday to Friday.\n`).name.value).toBe(name);
  });
});

describe('a list item "query – where it goes" is a route as it stands', () => {
  it('"Lunches and dinner money – school office, office@…", "Lost property – ask the office"', () => {
    const p = read(`${HEAD}• Who deals with what\n  o Lunches and dinner money – school office, office@oakfield.sch.uk\n  o Lost property – check the box by the Reception door, or ask the office\n`);
    expect(routedTo(p, 'dinners')).toMatchObject({ destination: 'office', email: 'office@oakfield.sch.uk' });
    expect(routedTo(p, 'lost-property')?.destination).toBe('office');
  });

  it('clean twin: a dash in a sentence that only mentions the query routes nothing', () => {
    const p = read(`${HEAD}• What we share\n  o Lunches – photos of the new menu on Class Story\n`);
    expect(routedTo(p, 'dinners')).toBeUndefined();
  });
});

describe('titles ending "Teacher" or "Head"', () => {
  it('"our Pupil Support Teacher, Mrs X", "Mrs Y (Depute Head)" keep their titles', () => {
    const p = read(`${HEAD}Our Pupil Support Teacher, Mrs Morag Stewart, can be contacted at mstewart@school.sch.uk. Attendance concerns should be directed to Mrs Fiona Campbell (Depute Head).\n`);
    expect(Object.values(p.contacts).find((c) => c.value.name === 'Mrs Morag Stewart')?.value).toMatchObject({ role: 'Pupil Support Teacher', email: 'mstewart@school.sch.uk' });
    expect(Object.values(p.contacts).find((c) => c.value.name === 'Mrs Fiona Campbell')?.value.role).toMatch(/Depute Head/);
  });
});

describe('a staff procedure: staff pass the query on, the parent is told where to go', () => {
  it.each([
    ['"…forwarded to the Attendance Officer, and the parent asked to ring the absence line (…)"', "Messages about a pupil's absence must be forwarded to the academy's Attendance Officer, and the parent asked to ring the absence line (01632 962 200)."],
    ['"…passed on to the Attendance Officer; ask the parent to phone the absence line on …"', "Absence messages should be passed on to the Attendance Officer; ask the parent to phone the absence line on 01632 962 200."],
  ])('%s', (_, sentence) => {
    expect(routedTo(read(`${HEAD}${sentence}\n`), 'absence')).toMatchObject({ destination: 'attendance', phone: '01632 962 200' });
  });

  it('clean twin: forwarded with nothing told to the parent is a staff procedure, no parent’s route (as before)', () => {
    expect(routedTo(read(`${HEAD}Messages about a pupil's absence must be forwarded to the Attendance Officer, and the absence line (01632 962 200) kept up to date.\n`), 'absence')).toBeUndefined();
  });
});

describe('a complaint’s next step in the next sentence', () => {
  it.each([
    ['"…speak first to the class teacher. If the matter is not resolved, please contact the Headteacher, Mr X"', 'If you are unhappy with any aspect of school life, please speak first to the class teacher. If the matter is not resolved, please contact the Headteacher, Mr Alan Reid, through the school office.'],
    ['"…raise it with the class teacher. If you are still not satisfied, write to the Headteacher, Mr X"', 'If you have a complaint, please raise it with the class teacher. If you are still not satisfied, please write to the Headteacher, Mr Alan Reid.'],
  ])('%s', (_, text) => {
    expect(routedTo(read(`${HEAD}${text}\n`), 'complaint')?.name).toBe('Mr Alan Reid');
  });

  it('clean twin: a next sentence that is no next step is not read', () => {
    expect(routedTo(read(`${HEAD}If you are unhappy with any aspect of school life, please speak first to the class teacher. Mr Alan Reid is our Headteacher.\n`), 'complaint')?.name).toBeUndefined();
  });
});
