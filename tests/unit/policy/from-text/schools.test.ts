/**
 * Schools' own ClassDojo policies in the layouts they publish them in (numbered clauses, markdown tables,
 * "Label: value" lines, Welsh and English, PDF text with hard line breaks and page headers, an FAQ, bullet
 * lists, a trust's policy for all its schools), and the documents of probe 18c rebuilt from its report.
 * Each `<name>.expected.json` beside a document is what a careful reader writes down from it (./reading.ts):
 * what it states, "not found" where it is silent. The readings were written from each document before the
 * extractor was run on it, then put in this form; the wording of a contact's `how` is the extractor's,
 * checked against the document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPolicy, proposalItems, proposeFromText } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';
import { reading } from './reading';

const DIR = new URL('../../../fixtures/policies/schools/', import.meta.url);
const DOCUMENTS = readdirSync(DIR).filter((f) => /\.(txt|md)$/.test(f));

describe('schools’ own policy documents', () => {
  it('has the documents and an expected reading for each', () => {
    expect(DOCUMENTS.length).toBeGreaterThanOrEqual(23);
    for (const f of DOCUMENTS) expect(() => readFileSync(new URL(f.replace(/\.(txt|md)$/, '.expected.json'), DIR)), f).not.toThrow();
  });

  for (const f of DOCUMENTS) {
    describe(f, () => {
      const text = readFileSync(new URL(f, DIR), 'utf8');
      const expected = JSON.parse(readFileSync(new URL(f.replace(/\.(txt|md)$/, '.expected.json'), DIR), 'utf8'));
      const p = proposeFromText(text, { file: f });

      it('reads what the document states, and says "not found" where it is silent', () => {
        expect(reading(p)).toEqual(expected);
      });

      it('quotes the document verbatim, and the policy built from it validates', () => {
        for (const { key, item } of proposalItems(p)) {
          for (const q of item.quotes) {
            expect(q.quote.length, key).toBeGreaterThan(0);
            expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
          }
        }
        const parsed = parsePolicy(buildPolicy(p));
        expect(parsed.ok, JSON.stringify(parsed.ok ? '' : parsed.problems)).toBe(true);
      });
    });
  }
});

describe('what a trust-wide policy, a deputy, a new role and the parents’ night are', () => {
  it('a trust’s policy for all its schools is named after the trust, not the first school it lists, and names no one school’s DSL', () => {
    const text = readFileSync(new URL('probe18c-d08.txt', DIR), 'utf8');
    const p = proposeFromText(text);
    expect(p.name.value).toBe('Riverbend Multi-Academy Trust');
    expect(p.name.note).toMatch(/all the schools of Riverbend Multi-Academy Trust/);
    expect(p.contacts.dsl!.note).toMatch(/Mr John Tate, Mrs Ruth Kay/);
  });

  it('the parents’ night is noted on the hours, quoted, and never read as the staff hours', () => {
    for (const line of ['Parents are asked not to message staff between 6pm and 7am.', 'Quiet hours: parents should not send messages between 6pm and 7am.', 'Please do not message between 6pm and 7am.']) {
      const p = proposeFromText(`Elm Tree Primary School ClassDojo Policy\n\n${line}\n`);
      expect(p.staffHours.origin, line).toBe('recommended');
      expect(p.staffHours.note, line).toContain(`(“${line}”)`);
      expect(p.staffHours.note, line).toMatch(/not the staff hours/);
    }
    // Written as limits, parents' alone are noted the same way; with what staff will not do they read together.
    for (const [line, phrase] of [
      ['Please do not message before 7am or after 6pm.', 'before 7am or after 6pm'],
      ['Parents should not message staff after 6pm.', 'after 6pm'],
    ]) {
      const p = proposeFromText(`Elm Tree Primary School ClassDojo Policy\n\n${line}\n`);
      expect(p.staffHours.origin, line).toBe('recommended');
      expect(p.staffHours.check, line).toContain(`asks parents not to message ${phrase} (“${line}”)`);
    }
    const both = proposeFromText('Thornbury Primary School\nTeachers will not read ClassDojo messages after 6pm or at weekends.\nPlease don’t message staff before 7.45am.\n');
    expect(reading(both).staffHours).toEqual(['mon-fri 07:45-18:00']);
    expect(both.staffHours.check).toBeUndefined();
    // Staff-side quiet hours are still the staff hours' night.
    const staff = proposeFromText('Elm Tree Primary School ClassDojo Policy\n\nClassDojo notifications are switched off between 6pm and 7am.\n');
    expect(staff.staffHours.value).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '18:00' }]);
  });

  it('an occasion is read only as when a window holds, in its own clause, and not after "except"', () => {
    const hours = (line: string) => reading(proposeFromText(`Elm Tree Primary School ClassDojo Policy\n\n${line}\n`)).staffHours;
    expect(hours('Staff reply to messages between 8am and 5pm, except on school trips.')).toEqual(['mon-fri 08:00-17:00']);
    expect(hours('ClassDojo messages are answered between 8.30am and 4pm; teachers on school visits may reply later.')).toEqual(['mon-fri 08:30-16:00']);
    expect(hours('Staff will share news of trips and events between 8am and 5pm.')).toEqual(['mon-fri 08:00-17:00']);
    expect(hours('On residential visits, teachers will share photos on Saturday and Sunday between 10am and 4pm.')).toBe('not found');
    expect(hours('Staff on the residential trip will post photos on ClassDojo each evening between 6pm and 7pm.')).toBe('not found');
  });

  it('a window for a residential or a trip is not weekly hours, and the note says so', () => {
    const p = proposeFromText('Elm Tree Primary School ClassDojo Policy\n\nTeachers reply between 8am and 4pm on weekdays and between 10am and 12pm on Saturdays during residential visits.\n');
    expect(p.staffHours.value).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '16:00' }]);
    expect(p.staffHours.note).toContain("is for an occasion (“during residential visits”), not the weekly hours");
  });

  it('a person whose title Policy Guard has no role for is a contact with that title, and takes the query sent to them', () => {
    const p = proposeFromText('Elm Tree Primary School ClassDojo Policy\n\nQuestions about medicines should be directed to Mrs Joanne Platt, our Medical Needs Coordinator, on 01603 472 125.\nFamily Liaison Officer: Mr Tom Reilly, 01332 718 445\n');
    expect(p.routes.medical.value.destination).toBe('nursing');
    expect(p.contacts[p.routes.medical.value.contact!]!.value).toMatchObject({ name: 'Mrs Joanne Platt', role: 'Medical Needs Coordinator', phone: '01603 472 125' });
    expect(p.contacts['tom-reilly']!.value).toMatchObject({ name: 'Mr Tom Reilly', role: 'Family Liaison Officer', phone: '01332 718 445' });
    expect(p.contacts['tom-reilly']!.note).toMatch(/no query is routed/);
    // Not the one written to: "…to the school office, not to Mrs Lee, our Family Liaison Officer".
    const not = proposeFromText('Elm Tree Primary School ClassDojo Policy\n\nAbsences should be reported to the school office, not to Mrs Lee, our Family Liaison Officer.\n');
    expect(not.contacts[not.routes.absence.value.contact!]!.value.name).toBe('the school office');
  });

  it('every deputy DSL is kept, each apart from the DSL, however they are listed', () => {
    for (const [text, dsl, deputies] of [
      ['Our Designated Safeguarding Lead is Mr Simon Ashworth. Our Deputy DSLs are Mrs Fatima Begum and Miss Kerry Dunn.', 'Mr Simon Ashworth', ['Mrs Fatima Begum', 'Miss Kerry Dunn']],
      ['Designated Safeguarding Lead: Mrs Claire Whitehouse\nDeputy Designated Safeguarding Lead: Mr Imran Sadiq\nDeputy Designated Safeguarding Lead: Mrs Ann Lee', 'Mrs Claire Whitehouse', ['Mr Imran Sadiq', 'Mrs Ann Lee']],
      ['The person responsible for safeguarding is Mr Alan Birch, our Designated Person for Child Protection. The Deputy Designated Person is Mrs Kate Ellis.', 'Mr Alan Birch', ['Mrs Kate Ellis']],
      ['Our DSL is Mrs Rachel Dunmore. Our Deputy Designated Safeguarding Leads are Mr Paul Fenwick, Mrs Amy Clarke and Miss Jo Hart.', 'Mrs Rachel Dunmore', ['Mr Paul Fenwick', 'Mrs Amy Clarke', 'Miss Jo Hart']],
      ['Mrs Jane Cole is our Designated Safeguarding Lead (DSL) and Mr Tom Yates and Mrs Ann Pike are our Deputy DSLs.', 'Mrs Jane Cole', ['Mr Tom Yates', 'Mrs Ann Pike']],
      ['The DSL is Mrs Jane Cole. Deputies: Mr Tom Yates, Mrs Ann Pike.', 'Mrs Jane Cole', ['Mr Tom Yates', 'Mrs Ann Pike']],
      ['Safeguarding: Mrs Jane Cole (DSL), Mr Tom Yates (Deputy DSL), Mrs Ann Pike (Deputy DSL).', 'Mrs Jane Cole', ['Mr Tom Yates', 'Mrs Ann Pike']],
      ['Please contact our Designated Safeguarding Lead, Mr Ashok Patel, or one of our Deputy Designated Safeguarding Leads, Mrs Kim Lowe or Mr Dan Fry.', 'Mr Ashok Patel', ['Mrs Kim Lowe', 'Mr Dan Fry']],
      ['Mr. T. Yates, Headteacher and Designated Safeguarding Lead.', 'Mr. T. Yates', []],
      ['Our Deputy Headteacher, Mr Tom Yates, is also a Deputy DSL. Mrs Jane Cole is our DSL.', 'Mrs Jane Cole', ['Mr Tom Yates']],
    ] as [string, string, string[]][]) {
      const r = reading(proposeFromText(`Elm Tree Primary School ClassDojo Policy\n\n${text}\n`));
      expect(r.dsl, text).toBe(dsl);
      expect(r.deputies, text).toEqual(deputies);
    }
  });
});

describe('more of schools’ wordings', () => {
  const read = (line: string) => proposeFromText(`Elm Tree Primary School ClassDojo Policy\n\n${line}\n`);
  const windows = (line: string) => reading(read(line)).staffHours;

  it('"each weekday" names the days; "before school (…) and after school (…)" is two windows, not an after-school club', () => {
    expect(read('Teachers will reply to messages 8:30 till 4:30 each weekday.').staffHours.note).not.toMatch(/names no days/);
    expect(windows('Class teachers will check messages before school (8.30–8.50am) and after school (3.20–4.30pm).')).toEqual(['mon-fri 08:30-08:50', 'mon-fri 15:20-16:30']);
    expect(windows('After-school club runs from 3.15pm to 5.30pm. Staff will reply to messages between 8am and 4pm.')).toEqual(['mon-fri 08:00-16:00']);
  });

  it('a day that ends earlier ("and until 4pm on Fridays", "finishing at 3pm on a Friday") from the same start', () => {
    expect(windows('Staff will respond to messages between 8am and 6pm Monday to Thursday and until 4pm on Fridays.')).toEqual(['mon-thu 08:00-18:00', 'fri 08:00-16:00']);
    expect(windows('Staff will respond to messages between 8am and 5pm, finishing at 3pm on a Friday.')).toEqual(['mon-thu 08:00-17:00', 'fri 08:00-15:00']);
    expect(windows('Staff will respond between 8am and 5pm. The office is open until 4pm on Fridays.')).toEqual(['mon-fri 08:00-17:00']);
  });

  it('an app the document names for a query is where it goes, in the document’s words', () => {
    const p = read('Please report absence using the Studybugs app.');
    expect(p.routes.absence.value.destination).toBe('attendance');
    expect(p.contacts[p.routes.absence.value.contact!]!.value).toMatchObject({ name: 'the Studybugs app', how: 'using the Studybugs app' });
    expect(read('Reading records are kept on the Boom Reader app.').routes.absence.origin).toBe('recommended');
    const pay = read('Dinner money and trip payments are made through ParentPay.');
    expect(pay.contacts[pay.routes.dinners.value.contact!]!.value).toMatchObject({ name: 'ParentPay', how: 'through ParentPay' });
    expect(read('Please report absence through ClassDojo.').routes.absence.value.destination).toBe('teacher');
  });

  it('a titled person who deals with a query takes it, reached the way the document gives', () => {
    const p = read('Mrs Julie Evans (School Business Manager) deals with dinner money and trip payments; please email her at finance@elmtree.sch.uk.');
    expect(p.contacts[p.routes.dinners.value.contact!]!.value).toEqual({ name: 'Mrs Julie Evans', role: 'School Business Manager', how: 'by email', email: 'finance@elmtree.sch.uk' });
  });

  it('rules in more wordings; a surname initial allowed is not a first-names rule', () => {
    expect(read("Teachers should never use ClassDojo to share a child's surname.").rules['full-name'].origin).toBe('document');
    expect(read('Children will not be named in full on Class Story.').rules['full-name'].origin).toBe('document');
    expect(read('We only use first names on Class Story.').rules['full-name'].origin).toBe('document');
    expect(read('Staff may use a surname initial where two children share a first name.').rules['full-name'].origin).toBe('recommended');
    expect(read('Dojo points are never deducted.').rules['negative-points'].origin).toBe('document');
    expect(read('Please allow up to 48 hours for a reply.').responseTime.value).toBe('up to 48 hours');
  });

  it('a "Label: value" line in lower case is content, not a heading', () => {
    expect(read('Replies: within 2 working days').responseTime.value).toBe('within 2 working days');
  });

  it('an FAQ answer routes what its question asks about, quoting both', () => {
    const p = read('Q: How do I report an absence?\nA: Please do not use ClassDojo. Phone the school office on 01234 567890 before 9am.');
    expect(p.routes.absence.value.destination).toBe('office');
    expect(p.routes.absence.quotes.map((q) => q.quote)).toContain('Q: How do I report an absence?');
  });
});
