/**
 * Probe 18g (issue #18): a table of hours with a row per day range quotes the row for the day a finding is
 * about (MEDIUM-4a); a Word table row is quoted whole, its day label with its times (MEDIUM-4b); one person
 * holding two roles is one contact for both roles' routes; a Welsh-medium school's replies are in Welsh too.
 * Each in several layouts, with clean twins where a naive reading would be wrong.
 */
import { describe, expect, it } from 'vitest';
import { ukBankHolidays } from '../../../../lib/calendar/bank-holidays';
import { documentText } from '../../../../lib/policy/from-text/document';
import { buildPolicy, proposalItems, proposeFromText, type Proposal } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';
import type { Policy } from '../../../../lib/policy/schema';
import { checkDraft } from '../../../../lib/rules/index';
import { aboutDay } from '../../../../lib/rules/out-of-hours';
import { routeMessage } from '../../../../lib/routing/index';
import { detectLanguage } from '../../../../lib/routing/language';
import { makeDocx } from './docx';

const windows = (p: Proposal) => p.staffHours.value.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`);

/** The proposal, checked as every proposal must be: quotes verbatim, and a policy `validate` accepts. */
function read(text: string): Proposal {
  const p = proposeFromText(text, { file: 'policy.txt' });
  for (const { key, item } of proposalItems(p)) {
    for (const q of item.quotes) expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
  }
  return p;
}

function policyOf(p: Proposal): Policy {
  const parsed = parsePolicy(buildPolicy(p));
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  return (parsed as { policy: Policy }).policy;
}

/** The out-of-hours finding's clause for a class story sent at `at` (UTC; GMT in November). */
function outOfHoursClause(policy: Policy, at: string): string | undefined {
  return checkDraft({ text: 'Lovely work today!', channel: 'class-story', at, media: false, tagged: [] }, { policy, roster: [], calendar: ukBankHolidays }).find((f) => f.rule === 'out-of-hours')?.clause;
}

// 2026-11-25 is a Wednesday, 2026-11-27 a Friday, 2026-11-23 a Monday, 2026-11-26 a Thursday.
const WED_LATE = '2026-11-25T17:30:00Z';
const FRI_AFTERNOON = '2026-11-27T16:00:00Z';
const THU_LATE = '2026-11-26T17:45:00Z';
const MON_EARLY = '2026-11-23T07:00:00Z';

describe('hours in a table row per day range: each finding quotes the row for its day (MEDIUM-4a, 4b)', () => {
  const head = 'Hilltop Primary School\n\nClassDojo Policy\n\nStaff messaging hours\n\n';
  const layouts: [string, string][] = [
    ['a pasted Word table (tabs)', `${head}Day\tHours\nMonday – Thursday\t8.00am – 5.00pm\nFriday\t8.00am – 3.30pm\n\nParents should not expect replies outside these hours.\n`],
    ['a markdown table', `${head}| Day | Hours |\n|---|---|\n| Monday – Thursday | 8.00am – 5.00pm |\n| Friday | 8.00am – 3.30pm |\n`],
    ['rows without a header, abbreviated days', `${head}Mon-Thurs\t08:00 - 17:00\nFri\t08:00 - 15:30\n`],
    ['label lines', `${head}Monday to Thursday: 8am to 5pm\nFriday: 8am to 3.30pm\n`],
    ['the Friday row first', `${head}Day\tHours\nFriday\t8.00am – 3.30pm\nMonday – Thursday\t8.00am – 5.00pm\n`],
    ['sentences, one per day range', `${head}Staff will send ClassDojo messages between 8am and 5pm from Monday to Thursday. On Fridays, staff will send messages between 8am and 3.30pm.\n`],
  ];
  it.each(layouts)('%s', (_, text) => {
    const p = read(text);
    expect([...windows(p)].sort()).toEqual(['fri 08:00-15:30', 'mon,tue,wed,thu 08:00-17:00']);
    const policy = policyOf(p);
    const fri = outOfHoursClause(policy, FRI_AFTERNOON)!;
    expect(fri).toMatch(/3[.:]30|15:30/);
    expect(fri).toMatch(/\bFri/);
    const wed = outOfHoursClause(policy, WED_LATE)!;
    expect(wed).toMatch(/17:00|5(?:\.00)? ?pm/);
    expect(wed).not.toMatch(/3[.:]30|15:30/);
    const thu = outOfHoursClause(policy, THU_LATE)!;
    expect(thu).not.toMatch(/3[.:]30|15:30/);
  });

  it('a row quote has its day label with its times (a Word table through the .docx reader)', async () => {
    const bytes = await makeDocx([
      '# Hilltop Primary School – ClassDojo policy',
      'Staff will send ClassDojo messages at these times:',
      [
        ['Monday – Thursday', '8.00am – 5.00pm'],
        ['Friday', '8.00am – 3.30pm'],
      ],
    ]);
    const text = await documentText(bytes, 'hilltop.docx');
    const p = read(text);
    const quotes = p.staffHours.quotes.map((q) => q.quote);
    expect(quotes).toContain('Monday – Thursday\t8.00am – 5.00pm');
    expect(quotes).toContain('Friday\t8.00am – 3.30pm');
    // No quote is a bare cell of times.
    expect(quotes).not.toContain('8.00am – 3.30pm');
    // However else the table is turned into text (mammoth puts each cell's paragraph on its own line), the
    // row's words are the same, in the same order, with only white space between them.
    const mammothLike = '\n\nMonday – Thursday\n\n8.00am – 5.00pm\n\nFriday\n\n8.00am – 3.30pm\n\n';
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const q of quotes.filter((x) => x.includes('\t'))) expect(squash(mammothLike)).toContain(squash(q));
    expect(outOfHoursClause(policyOf(p), FRI_AFTERNOON)).toContain('Friday\t8.00am – 3.30pm');
  });

  it('one row for the whole week is quoted for every day (clean twin: no day row to prefer)', () => {
    const p = read(`${head}Day\tHours\nMonday – Friday\t8.30am – 4.30pm\n`);
    const policy = policyOf(p);
    expect(outOfHoursClause(policy, FRI_AFTERNOON.replace('16:00', '17:00'))).toContain('Monday – Friday\t8.30am – 4.30pm');
    expect(outOfHoursClause(policy, MON_EARLY)).toContain('Monday – Friday\t8.30am – 4.30pm');
  });

  it('a Friday row that states no times is not quoted for hours (clean twin: "Friday | Celebration assembly")', () => {
    const p = read(`${head}Staff send ClassDojo messages between 8am and 5pm, Monday to Friday.\n\nFriday\tCelebration assembly photos on Class Story\n`);
    expect(windows(p)).toEqual(['mon,tue,wed,thu,fri 08:00-17:00']);
    expect(outOfHoursClause(policyOf(p), '2026-11-27T18:00:00Z')).toContain('between 8am and 5pm, Monday to Friday');
  });

  it('a row of staff and parents columns is quoted whole, header and all', () => {
    const p = read(`${head}Days\tStaff send\tParents may expect replies\nMonday – Thursday\t8am – 5pm\t9am – 4pm\nFriday\t8am – 3.30pm\t9am – 3pm\n`);
    expect([...windows(p)].sort()).toEqual(['fri 08:00-15:30', 'mon,tue,wed,thu 08:00-17:00']);
    expect(p.staffHours.quotes.map((q) => q.quote)).toContain('Friday\t8am – 3.30pm\t9am – 3pm');
    expect(outOfHoursClause(policyOf(p), FRI_AFTERNOON)).toContain('Friday\t8am – 3.30pm');
  });
});

describe('aboutDay: whether a clause gives one day’s hours', () => {
  it.each([
    [4, 'Friday\t8.00am – 3.30pm', true],
    [4, 'Fri: 8-3.30', true],
    [4, 'Monday – Thursday\t8.00am – 5.00pm', false],
    [2, 'Monday – Thursday\t8.00am – 5.00pm', true],
    [2, 'Mon-Thurs 08:00 - 17:00', true],
    [2, 'Monday to Friday 8.30 - 4.30', true],
    [0, 'Monthly newsletter at 9.00am', false],
    [3, 'Tuesday – Thursday 8am – 5pm', true],
    [0, 'Tuesday – Thursday 8am – 5pm', false],
    [4, 'rhwng 8.30yb a 3.30yp ar ddydd Gwener', true],
    [1, 'Wednesdays 8am – 4pm', false],
    [2, 'Wednesdays 8am – 4pm', true],
    [5, 'Saturday and Sunday: no messages', true],
    [2, 'dydd Llun i ddydd Iau rhwng 8yb a 5yp', true],
    [4, 'dydd Llun i ddydd Iau rhwng 8yb a 5yp', false],
    [6, 'Sunday', true],
    [5, 'Saturdays 9am - 12pm', true],
  ] as const)('day %i: %s → %s', (day, text, expected) => expect(aboutDay(day)(text)).toBe(expected));
});

describe('one person, several roles: one contact for every route to them', () => {
  const head = 'Hilltop Primary School\n\nClassDojo Policy\n\nStaff send ClassDojo messages between 8am and 5pm, Monday to Friday.\n\n';
  /** The keys of the contacts named `name`. */
  const keysOf = (p: Proposal, name: string) => Object.keys(p.contacts).filter((k) => p.contacts[k]!.value.name === name);

  it.each([
    ['a role list after the name, commas', 'Mrs Patel, our Deputy Head and Designated Safeguarding Lead, deals with any worries about a child’s safety. Complaints should go to Mrs Patel by email at head@hilltop.sch.uk.', 'Mrs Patel', 'complaint', /Deputy Head and Designated Safeguarding Lead/],
    ['roles before the name', 'Our Headteacher and DSL is Mrs Patel. Complaints should be made to the Headteacher by email at head@hilltop.sch.uk.', 'Mrs Patel', 'complaint', /Headteacher.*(?:DSL|Designated Safeguarding Lead)/],
    ['roles with a slash, ways that differ', 'Mrs Patel (Headteacher/DSL) deals with safeguarding concerns in person. Complaints should go to Mrs Patel in writing.', 'Mrs Patel', 'complaint', /Headteacher\/DSL/],
  ])('the DSL who also takes a query: %s', (_, body, name, category, role) => {
    const p = read(head + body);
    expect(keysOf(p, name)).toEqual(['dsl']);
    expect(p.routes[category as 'complaint'].value.contact).toBe('dsl');
    expect(p.contacts.dsl!.value.role).toMatch(role);
    // The reply for the other query is worded with its own way, not the safeguarding procedure.
    expect(p.contacts.dsl!.value.how).not.toMatch(/safeguarding procedure/);
    const policy = policyOf(p);
    expect(policy.routing.routes.safeguarding.contact).toBe('dsl');
  });

  it.each([
    ['roles in brackets', 'Please report absences to Mr Jones (SENCo and attendance lead) by phone on 01632 960000.', 'SENCo and attendance lead'],
    ['roles after "is our"', 'Mr Jones is our SENCo and attendance lead. Please report absences to the attendance lead by phone on 01632 960000.', 'SENCo and attendance lead'],
    ['roles with an ampersand', 'Absences must be reported to Mr Jones – SENCo & Attendance Lead – by phone on 01632 960000.', 'SENCo & Attendance Lead'],
  ])('a person routed for one role keeps both: %s', (_, body, role) => {
    const p = read(head + body);
    expect(keysOf(p, 'Mr Jones')).toHaveLength(1);
    const key = p.routes.absence.value.contact!;
    expect(p.contacts[key]!.value).toMatchObject({ name: 'Mr Jones', role, phone: '01632 960000' });
  });

  it('the same person on two rows of a Word table is one contact for both rows’ routes', () => {
    const p = read(`${head}Who to contact\nAbsence\tMr Jones (Attendance Lead), 01632 960000\nMedicines\tMr Jones\nSafeguarding\tMrs Patel (DSL)\n`);
    expect(keysOf(p, 'Mr Jones')).toHaveLength(1);
    expect(p.routes.medical.value.contact).toBe(p.routes.absence.value.contact);
    expect(p.contacts[p.routes.absence.value.contact!]!.value.role).toBe('Attendance Lead');
  });

  it('a deputy DSL with another job is one contact, still listed as a deputy', () => {
    const p = read(`${head}The DSL is Mrs Patel; deputy DSLs are Mr Ali and Ms Roe. Mr Ali, our Family Support Worker, helps with dinner money queries: please phone him on 01632 960222.\n`);
    expect(keysOf(p, 'Mr Ali')).toEqual(['deputy-dsl']);
    expect(p.contacts.dsl!.value.name).toBe('Mrs Patel');
  });

  it.each([
    ['in one sentence', 'The DSL is Mrs Patel; deputy DSLs are Mr Ali and Ms Roe.'],
    ['as label lines', 'Designated Safeguarding Lead: Mrs Patel\nDeputy Designated Safeguarding Leads: Mr Ali and Ms Roe\nAny safeguarding concern must be reported to the DSL straight away.'],
    ['as a Word table', 'Designated Safeguarding Lead\tMrs Patel\nDeputy DSL\tMr Ali\nDeputy DSL\tMs Roe\nAny safeguarding concern must be reported to the DSL straight away.'],
  ])('a role held by several: the main holder is the contact, the deputies listed (%s)', (_, body) => {
    const p = read(head + body);
    expect(p.contacts.dsl!.value.name).toBe('Mrs Patel');
    expect(p.routes.safeguarding.value.contact).toBe('dsl');
    const deputies = Object.keys(p.contacts).filter((k) => /^deputy-dsl/.test(k)).map((k) => p.contacts[k]!.value.name);
    expect(deputies.sort()).toEqual(['Mr Ali', 'Ms Roe']);
  });

  it('clean twin: two people with one surname are two contacts', () => {
    const p = read(`${head}Mrs Patel is our Designated Safeguarding Lead. Mr Patel in the school office deals with dinner money: please phone the office on 01632 960111.\n`);
    expect(p.contacts.dsl!.value.name).toBe('Mrs Patel');
    expect(p.contacts[p.routes.dinners.value.contact!]!.value.name).toBe('Mr Patel');
    expect(p.contacts.dsl!.value.role).toBe('Designated Safeguarding Lead');
  });

  it('clean twin: "Mr Reed, and the DSL, Mrs Cole" names two people, not one with two roles', () => {
    const p = read(`${head}Concerns about a child’s safety should be raised with the class teacher, Mr Reed, and the DSL, Mrs Cole, straight away.\n`);
    expect(p.contacts.dsl!.value.name).toBe('Mrs Cole');
  });

  it('clean twin: one person parents reach in two different ways stays two contacts, each route with its own way', () => {
    const p = read(`${head}Please report absences to Mrs Khan by phone on 01632 960001 before 9am. Dinner money queries should be sent to Mrs Khan by email at p.khan@hilltop.sch.uk.\n`);
    const absence = p.contacts[p.routes.absence.value.contact!]!.value;
    const dinners = p.contacts[p.routes.dinners.value.contact!]!.value;
    expect([absence.name, dinners.name]).toEqual(['Mrs Khan', 'Mrs Khan']);
    expect(absence.how).toMatch(/by phone/);
    expect(dinners.how).toBe('by email');
  });
});

describe('a Welsh-medium or bilingual school: replies to parents in Welsh too, naming the right contact', () => {
  /** The reply to a parent's message under the policy read from `doc`, in the language it is written in. */
  const reply = (policy: Policy, message: string) => routeMessage(message, policy, { language: detectLanguage(message, policy.languages) });

  const welshOnly = 'Polisi ClassDojo\n\nBydd staff yn anfon negeseuon rhwng 8.30yb a 4.00yp, dydd Llun i ddydd Gwener.\n\nDylid rhoi gwybod am absenoldeb i Mrs Jones, Swyddog Presenoldeb, ar 01632 960000. Peidiwch â defnyddio ClassDojo.\n';
  const bilingual =
    'Ysgol Gynradd Bro Taf\nClassDojo Policy / Polisi ClassDojo\n\nStaff will send messages between 8.30am and 4pm, Monday to Friday.\nBydd staff yn anfon negeseuon rhwng 8.30yb a 4.00yp.\n\nPlease report absences to Mrs Jones, our Attendance Officer, by phone on 01632 960000, not through ClassDojo.\nDylid rhoi gwybod am absenoldeb i Mrs Jones, Swyddog Presenoldeb, ar 01632 960000.\n\nMedicines: please speak to our school nurse, Nurse Siân Evans, in person.\n';
  const englishWales = 'Ysgol y Graig\n\nClassDojo Policy\n\nStaff send ClassDojo messages between 8am and 4.30pm on weekdays. Please report absences to the school office by phone on 01632 960111, not through ClassDojo.\n';

  it.each([
    ['a Welsh document (no "Ysgol" in it)', welshOnly, 'Mrs Jones', 'Mrs Jones'],
    ['a bilingual document', bilingual, 'Mrs Jones', 'Mrs Jones'],
    // The office is named in Policy Guard's own words (generic): said in each reply's language, never
    // "cysylltwch â the school office" (a tester, issue #15).
    ['an English document from a school in Wales', englishWales, "swyddfa'r ysgol", 'the school office'],
  ])('%s', (_, doc, contact, english) => {
    const p = read(doc);
    expect(p.languages).toContain('cym');
    const policy = policyOf(p);
    expect(policy.languages).toContain('cym');
    // Every destination with an English reply has a Welsh one.
    for (const [dest, t] of Object.entries(policy.routing.templates)) expect(Object.keys(t ?? {}), dest).toEqual(['eng', 'cym']);
    const cy = reply(policy, 'Mae Cerys yn sâl heddiw a fydd hi ddim yn yr ysgol.');
    expect(cy.replyLanguage).toBe('cym');
    expect(cy.reply).toContain(contact);
    expect(cy.reply).toMatch(/^Diolch/);
    expect(cy.reply).not.toMatch(/\{\w+\}/);
    const en = reply(policy, 'Cerys is off sick today, sorry.');
    expect(en.replyLanguage).toBe('eng');
    expect(en.reply).toContain(english);
  });

  it('a Welsh reply to the nurse names the nurse', () => {
    const policy = policyOf(read(bilingual));
    const cy = reply(policy, 'Mae angen i Cerys gymryd ei moddion yn yr ysgol, mae ganddi feddyginiaeth newydd.');
    expect(cy.destination).toBe('nursing');
    expect(cy.replyLanguage).toBe('cym');
    expect(cy.reply).toContain('Nurse Siân Evans');
  });

  it.each([
    ['an English school', 'Hilltop Primary School\n\nClassDojo Policy\n\nStaff send ClassDojo messages between 8am and 5pm. Please report absences to the office by phone.\n'],
    ['an English school whose staff include Mrs Mae Wong', 'Hilltop Primary School\n\nClassDojo Policy\n\nStaff send ClassDojo messages between 8am and 5pm. Please report absences to Mrs Mae Wong, our Attendance Officer, by phone.\n'],
    ['an English school welcoming parents who write in Polish', 'Hilltop Primary School\n\nClassDojo Policy\n\nParents may write in English or Polish; ClassDojo translates. Please report absences to the office by phone.\n'],
  ])('clean twin: %s has English replies only', (_, doc) => {
    const p = read(doc);
    expect(p.languages).toEqual(['eng']);
    for (const t of Object.values(policyOf(p).routing.templates)) expect(Object.keys(t ?? {})).toEqual(['eng']);
  });
});
