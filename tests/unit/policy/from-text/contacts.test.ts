/**
 * Contacts as schools write them: an absence line with its number and address, the office's phone number,
 * the DSL's name however it is introduced, a deputy DSL, and how to reach the DSL in the document's own
 * words. What the document does not give (the DSL's `how`) is Policy Guard's default and is marked as one,
 * in the proposal and in the policy file. Every document here is invented for the test.
 */
import { readChecked } from './checked';
import { describe, expect, it } from 'vitest';
import { buildPolicy, type Proposal } from '../../../../lib/policy/from-text';

const read = readChecked;
const contactOf = (p: Proposal, category: keyof Proposal['routes']) => p.contacts[p.routes[category].value.contact!]!;

describe('absence routed to an absence line, a phone number or an email address', () => {
  it('"reported via the school’s absence line (…) or by email to …": attendance, with the number and the address', () => {
    const p = read('Absences should be reported via the school’s absence line (01632 960444) or by email to absence@larkspur.sch.uk.');
    expect(p.routes.absence.origin).toBe('document');
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(contactOf(p, 'absence').value).toMatchObject({ name: 'the absence line', phone: '01632 960444', email: 'absence@larkspur.sch.uk', how: 'by phone or email' });
  });

  it('"Phone the Attendance Line: …" keeps its capitals and its number', () => {
    const p = read('Please do not use ClassDojo to tell us about an absence. Phone the Attendance Line: 0161 496 0777.');
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(contactOf(p, 'absence').value).toMatchObject({ name: 'the Attendance Line', phone: '0161 496 0777' });
  });
});

describe('a number or an address with no one named', () => {
  it('"please call 01632 960000 and select option 1": the school office, with the number', () => {
    const p = read('To report an absence please call 01632 960000 and select option 1.');
    expect(p.routes.absence.value.destination).toBe('office');
    expect(contactOf(p, 'absence').value).toMatchObject({ phone: '01632 960000', how: 'by phone' });
  });
  it('"emailed to attendance@…": the attendance route, with the address', () => {
    const p = read('Absences should be emailed to attendance@hillview.sch.uk by 9am.');
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(contactOf(p, 'absence').value).toMatchObject({ email: 'attendance@hillview.sch.uk', how: 'by email by 9am' });
  });
});

describe('an address run into a number (found by the property test)', () => {
  it('"attendance@school.sch.uk01632 960000" is not stored as an email address the policy format would refuse', () => {
    const p = read('attendance@school.sch.uk01632 960000(DSL), Mrs A Clarke');
    expect(p.contacts.dsl!.value.email).toBeUndefined();
  });
});

describe('a person named in the office', () => {
  it('"Questions about after-school clubs should go to Mrs Brown in the office": the office, Mrs Brown', () => {
    const p = read('Questions about after-school clubs should go to Mrs Brown in the office.');
    expect(p.routes.clubs.value.destination).toBe('office');
    expect(contactOf(p, 'clubs').value.name).toBe('Mrs Brown');
  });
});

describe('routes in a Word table', () => {
  it('a row "Absence<tab>Phone the school office…" routes absence with the number, quoting the row', () => {
    const p = read('Who to contact\n\nQuery\tWhat to do\n\nAbsence\tPhone the school office on 01632 960123 before 9am, not ClassDojo.\n\nMedicines\tSpeak to the school nurse in person.');
    expect(p.routes.absence.value.destination).toBe('office');
    expect(contactOf(p, 'absence').value).toMatchObject({ phone: '01632 960123' });
    expect(p.routes.medical.value.destination).toBe('nursing');
    // The row, its cells as the document has them: the query it is about is part of the quote (probe 18g).
    expect(p.routes.absence.quotes.map((q) => q.quote)).toContain('Absence\tPhone the school office on 01632 960123 before 9am, not ClassDojo.');
    expect(p.routes.medical.quotes.map((q) => q.quote)).toContain('Medicines\tSpeak to the school nurse in person.');
  });
});

describe('office phone numbers', () => {
  it.each([
    ['Please do not use ClassDojo to report absence – ring the school office on 01632 960111 before 9am.', '01632 960111'],
    ['Urgent matters, including absence, should be reported to the school office by telephone on 029 2018 0000.', '029 2018 0000'],
    ['Please telephone the office on 01970 611222 to report an absence; do not use ClassDojo.', '01970 611222'],
  ])('%s', (text, phone) => {
    const p = read(text);
    expect(p.routes.absence.value.destination).toBe('office');
    expect(contactOf(p, 'absence').value.phone).toBe(phone);
  });

  it('each contact keeps its own number when a sentence gives two', () => {
    const p = read('Report absence to the attendance officer on 01632 960001; medicines should be discussed with the school nurse on 01632 960002.');
    expect(contactOf(p, 'absence').value.phone).toBe('01632 960001');
    expect(contactOf(p, 'medical').value.phone).toBe('01632 960002');
  });
});

describe('the DSL’s name, however it is introduced', () => {
  it.each([
    ['Safeguarding concerns must be passed to the Designated Safeguarding Lead (DSL), Mr K Mensah, or a Deputy DSL.', 'Mr K Mensah'],
    ['If you are worried about a child, speak to the safeguarding team (Designated Safeguarding Lead: Mrs B Adeyemi-Ford).', 'Mrs B Adeyemi-Ford'],
    ['Safeguarding concerns should be raised with our Designated Safeguarding Person, Miss H Lloyd.', 'Miss H Lloyd'],
    ['Any safeguarding concern goes to our DSL, Dr P Okonkwo, straight away.', 'Dr P Okonkwo'],
    ['Mr J Whitfield is our Designated Safeguarding Lead: raise any safeguarding concern with him.', 'Mr J Whitfield'],
    ['Our Designated Safeguarding Leads are Mrs A Jones (Headteacher) and Mr B Smith (Deputy Head).', 'Mrs A Jones'],
    ['The DSL is Mrs Carol Baker.', 'Mrs Carol Baker'],
  ])('%s', (text, name) => {
    const p = read(text);
    expect(p.contacts.dsl!.value.name).toBe(name);
    expect(p.routes.safeguarding.value).toEqual({ destination: 'dsl', contact: 'dsl' });
  });

  it('a deputy named with the DSL is a contact of its own; a Deputy DSL alone is not the DSL', () => {
    const p = read('If you are worried about a child, contact the Designated Safeguarding Lead, Mrs G Harper, or her deputy, Mr L Osei.');
    expect(p.contacts.dsl!.value.name).toBe('Mrs G Harper');
    expect(p.contacts['deputy-dsl']!.value).toMatchObject({ name: 'Mr L Osei', role: 'Deputy Designated Safeguarding Lead' });
    const q = read('Safeguarding concerns can also be raised with our Deputy Designated Safeguarding Lead, Mrs T Bianchi.');
    expect(q.contacts.dsl!.value.name).not.toBe('Mrs T Bianchi');
    expect(q.contacts['deputy-dsl']!.value.name).toBe('Mrs T Bianchi');
    // A Deputy Head is not a deputy DSL.
    const r = read('Our Designated Safeguarding Leads are Mrs A Jones (Headteacher) and Mr B Smith (Deputy Head).');
    expect(r.contacts['deputy-dsl']).toBeUndefined();
  });
});

describe('how to reach the DSL: the document’s words, or a default marked as one', () => {
  it('"in person or by telephone" is kept as written, and the contact cites the document', () => {
    const p = read('Any safeguarding concerns should be raised with our DSL, Mrs J Okafor, in person or by telephone.');
    expect(p.contacts.dsl!.value).toMatchObject({ name: 'Mrs J Okafor', how: 'in person or by telephone' });
    expect(p.contacts.dsl!.defaults).toBeUndefined();
    const built = buildPolicy(p);
    expect(built.routing.contacts.dsl!.source).toMatchObject({ origin: 'policy', clauses: [{ quote: 'Any safeguarding concerns should be raised with our DSL, Mrs J Okafor, in person or by telephone.' }] });
  });

  it('a name but no way of reaching them: the how is the recommended default, said so in the proposal and the file', () => {
    const p = read('Safeguarding concerns should be raised with our Designated Safeguarding Lead, Mr R Novak.');
    const dsl = p.contacts.dsl!;
    expect(dsl.value.name).toBe('Mr R Novak');
    expect(dsl.defaults).toEqual(['how']);
    expect(dsl.note).toMatch(/Not in the document: how to reach them/);
    const source = buildPolicy(p).routing.contacts.dsl!.source!;
    expect(source.origin).toBe('recommended');
    expect(source.origin === 'recommended' && source.clauses?.[0]?.quote).toBe('Safeguarding concerns should be raised with our Designated Safeguarding Lead, Mr R Novak.');
  });

  it('a document that never mentions the DSL: the whole contact is a recommended default', () => {
    const p = read('Only first names will be used on Class Story.');
    expect(p.contacts.dsl!.origin).toBe('recommended');
    expect(buildPolicy(p).routing.contacts.dsl!.source).toMatchObject({ origin: 'recommended' });
  });

  it('an office contact whose how the document does not give is marked as a default too', () => {
    const p = read('Medical matters and medicines should be discussed with the school office.');
    const office = contactOf(p, 'medical');
    expect(office.defaults).toEqual(['how']);
    expect(buildPolicy(p).routing.contacts[p.routes.medical.value.contact!]!.source).toMatchObject({ origin: 'recommended' });
  });

  it('a contact edited in the review is the school’s', () => {
    const p = read('Safeguarding concerns should be raised with our Designated Safeguarding Lead, Mr R Novak.');
    const built = buildPolicy(p, { 'contacts.dsl': { state: 'edit', value: { ...p.contacts.dsl!.value, how: 'in person, in the main office' } } });
    expect(built.routing.contacts.dsl).toMatchObject({ how: 'in person, in the main office', source: { origin: 'school' } });
  });
});
