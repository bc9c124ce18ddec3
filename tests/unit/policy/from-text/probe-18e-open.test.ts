/**
 * The probe 18e items left open after round c, each on the tester's own document
 * (tests/fixtures/policies/probe-18e/, copied unchanged) and on short invented documents saying the same thing
 * another way (the general case), with negative cases so nothing is over-read: a policy in Welsh only, an FAQ
 * (the nurse, the headteacher, rules answered to a question), a titled person "available … for help with" a
 * query, a complaints route that is a trust's complaints policy, a nurse named in a table, and the office's
 * own "School office: …" line.
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
/** Where a query goes: "destination: contact name". */
const route = (p: Proposal, c: keyof Proposal['routes']) => {
  const r = p.routes[c];
  const who = r.value.contact ? p.contacts[r.value.contact]?.value.name : undefined;
  return `${r.origin} ${r.value.destination}${who ? `: ${who}` : ''}`;
};

describe('a policy in Welsh only', () => {
  it('19-nantaeron-welsh-only.txt: hours with the Friday finish, holidays, the attendance officer, the DSP and photo consent', async () => {
    const f = '19-nantaeron-welsh-only.txt';
    const text = await doc(f);
    const p = read(text, f);
    expect(settingsRead(p)).toBeGreaterThan(5);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual(['mon,tue,wed,thu 08:30-16:30', 'fri 08:30-15:00']);
    expect(p.termTime).toMatchObject({ origin: 'document', value: true });
    expect(route(p, 'absence')).toBe('document attendance: Mrs Siân Hughes');
    const officer = p.contacts[p.routes.absence.value.contact!]!.value;
    expect(officer).toMatchObject({ phone: '01970 123456', how: 'by phone before 9.15am' });
    expect(p.contacts.dsl!.value.name).toBe('Mr Gareth Lloyd');
    expect(p.routes.safeguarding.origin).toBe('document');
    expect(p.rules['photo-consent']).toMatchObject({ origin: 'document', value: { action: 'block' } });
    expect(p.rules['photo-consent'].quotes[0]!.quote).toBe('Ni fyddwn yn rhannu lluniau o blant heb ganiatâd rhieni.');
  });

  it.each([
    ['19a-welsh-simple.txt', ['mon,tue,wed,thu,fri 08:30-16:30']],
    ['19c-welsh-friday.txt', ['mon,tue,wed,thu 08:30-16:30', 'fri 08:30-15:00']],
    ['19d-welsh-readme-phrase.txt', ['mon,tue,wed,thu,fri 08:45-16:00']],
    ['19e-welsh-athrawon.txt', ['mon,tue,wed,thu,fri 08:45-16:00']],
    ['19f-welsh-anfon.txt', ['mon,tue,wed,thu,fri 08:45-16:00']],
    ['19g-welsh-830.txt', ['mon,tue,wed,thu,fri 08:30-16:30']],
  ])('variants/%s: the staff hours', async (f, expected) => {
    const p = read(await doc(`variants/${f}`), f);
    expect(p.staffHours.origin).toBe('document');
    expect(windows(p.staffHours.value)).toEqual(expected);
  });

  it('variants/19b-welsh-absence.txt: the Welsh absence line alone routes absences to the Swyddog Presenoldeb', async () => {
    const p = read(await doc('variants/19b-welsh-absence.txt'));
    expect(route(p, 'absence')).toBe('document attendance: Mrs Siân Hughes');
    expect(route(p, 'sickness')).toBe('document attendance: Mrs Siân Hughes');
  });

  it.each([
    ['Bydd yr athrawon yn postio ar ClassDojo rhwng 9yb a 3.30yp, dydd Llun i ddydd Gwener.', ['mon,tue,wed,thu,fri 09:00-15:30']],
    ['Ysgol y Graig\n\nBydd staff yn darllen negeseuon rhwng 8.15yb a 5.00yp, dydd Llun i ddydd Mercher, a rhwng 8.15yb a 12.30yp ar ddydd Iau.', ['mon,tue,wed 08:15-17:00', 'thu 08:15-12:30']],
  ])('invented: %s', (text, expected) => {
    expect(windows(read(text).staffHours.value)).toEqual(expected);
  });

  it('invented: a Welsh contact e-mail, a Welsh DSL title, sickness, first names only, a Welsh reply time', () => {
    const text = [
      'Ysgol Gynradd Bryn Teg',
      'Os yw eich plentyn yn sâl, e-bostiwch Mr Dafydd Owen, Swyddog Presenoldeb, ar presenoldeb@brynteg.cymru.',
      "Yr Arweinydd Diogelu Dynodedig yw Mrs Nia Morgan. Cysylltwch â hi os oes gennych bryder am ddiogelu plentyn.",
      'Byddwn yn defnyddio enwau cyntaf yn unig ar Stori’r Dosbarth.',
      'Bydd staff yn ateb negeseuon o fewn dau ddiwrnod gwaith.',
    ].join('\n');
    const p = read(text);
    expect(route(p, 'sickness')).toBe('document attendance: Mr Dafydd Owen');
    expect(p.contacts[p.routes.sickness.value.contact!]!.value).toMatchObject({ email: 'presenoldeb@brynteg.cymru', how: 'by email' });
    expect(p.contacts.dsl!.value.name).toBe('Mrs Nia Morgan');
    expect(p.rules['full-name'].origin).toBe('document');
    expect(p.responseTime).toMatchObject({ origin: 'document', value: 'o fewn dau ddiwrnod gwaith' });
  });

  it('a bilingual policy keeps the English reply time', () => {
    const p = read('Staff reply to messages within two working days.\nBydd staff yn ateb negeseuon o fewn dau ddiwrnod gwaith.');
    expect(p.responseTime.value).toBe('within two working days');
  });

  it('negative: what parents may send, the office opening and a holiday club are not the staff hours', () => {
    for (const text of [
      'Gall rhieni anfon negeseuon rhwng 7yb a 7yh, dydd Llun i ddydd Gwener.',
      "Mae'r swyddfa ar agor rhwng 8yb a 4yp, dydd Llun i ddydd Gwener.",
      'Bydd y clwb gwyliau yn rhedeg rhwng 8yb a 6yh ar ddydd Llun.',
    ]) {
      const p = read(text);
      expect(p.staffHours.origin, text).not.toBe('document');
    }
  });

  it('negative: the Welsh "ni" about something other than the holidays is not term time', () => {
    const p = read('Bydd staff yn anfon negeseuon rhwng 8.30yb a 4.30yp. Ni fydd y swyddfa ar agor ar ddydd Sadwrn.');
    expect(p.termTime.origin).not.toBe('document');
  });
});

describe('an FAQ', () => {
  it('10-greenfield-faq.txt: medicine goes to the nurse, complaints to the headteacher by e-mail, and the photo and points rules are read', async () => {
    const f = '10-greenfield-faq.txt';
    const text = await doc(f);
    const p = read(text, f);
    expect(route(p, 'medical')).toBe('document nursing: Mrs Tracy Burns');
    // The question says what the answer is about: both are quoted.
    expect(p.routes.medical.quotes.map((q) => q.quote)).toContain('Q: My child needs medicine in school. Who do I tell?');
    expect(route(p, 'complaint')).toBe('document office: Mr Paul Grant');
    // The headteacher is also the DSL: one contact with both roles (probe 18g), reached as the complaint answer says.
    expect(p.routes.complaint.value.contact).toBe('dsl');
    expect(p.contacts[p.routes.complaint.value.contact!]!.value).toMatchObject({ role: 'Headteacher and Designated Safeguarding Lead', email: 'head@greenfield.sch.uk', how: 'by email' });
    expect(Object.values(p.contacts).some((c) => c.value.name === 'the school office')).toBe(false);
    expect(p.rules['photo-consent']).toMatchObject({ origin: 'document', value: { action: 'block', neverInCare: true } });
    expect(p.rules['photo-consent'].quotes.map((q) => q.quote)).toEqual(['Q: Will photos of my child be posted?', "A: Only if you have given consent on your child's admission form.", 'We never post photographs of children who are in care.']);
    expect(p.rules['negative-points']).toMatchObject({ origin: 'document', value: { action: 'block' } });
    // One attendance officer, not two: the sickness answer's "Please do not use ClassDojo" adds to her wording.
    const officers = Object.values(p.contacts).filter((c) => c.value.name === 'Mrs Dawn Ellis');
    expect(officers.map((c) => c.value.how)).toEqual(['by phone before 9am, not through ClassDojo']);
    expect(p.routes.absence.value.contact).toBe(p.routes.sickness.value.contact);
  });

  it('invented: a question over two sentences, a nurse answer, "No." to taking points away, a phone call to the head', () => {
    const text = [
      'Oakbrook Primary School',
      'ClassDojo questions and answers',
      '',
      'Q: My son uses an inhaler. Who should I speak to?',
      'A: Please talk to Mr Lee Grant, our school nurse.',
      '',
      'Q: Can points be taken away on Dojo?',
      'A: No. Points are for celebrating.',
      '',
      'Q: I want to make a complaint.',
      'A: Please telephone the Headteacher, Mrs Ruth Bell, on 01632 960111.',
      '',
      'Q: Can you show my child in photos?',
      'A: Yes, where you have given your permission on the consent form.',
    ].join('\n');
    const p = read(text);
    expect(route(p, 'medical')).toBe('document nursing: Mr Lee Grant');
    expect(p.rules['negative-points'].origin).toBe('document');
    expect(route(p, 'complaint')).toBe('document office: Mrs Ruth Bell');
    expect(p.contacts[p.routes.complaint.value.contact!]!.value).toMatchObject({ phone: '01632 960111', how: 'by phone' });
    expect(p.rules['photo-consent'].origin).toBe('document');
  });

  it('negative: points that can be taken away, and photos with no consent answer, are not read as rules', () => {
    const text = [
      'Q: Will you take away Dojo points?',
      'A: Yes, points can be removed for poor behaviour.',
      '',
      'Q: Where can I see photos?',
      'A: On the Class Story, every Friday.',
    ].join('\n');
    const p = read(text);
    expect(p.rules['negative-points'].origin).not.toBe('document');
    expect(p.rules['photo-consent'].origin).not.toBe('document');
  });
});

describe('a titled person there to help with a query', () => {
  it('18-meadowbank-utf16.txt: school dinners go to the Family Liaison Officer', async () => {
    const f = '18-meadowbank-utf16.txt';
    const p = read(await doc(f), f);
    expect(route(p, 'dinners')).toBe('document office: Mrs Joanne Platt');
    expect(p.contacts[p.routes.dinners.value.contact!]!.value).toMatchObject({ role: 'Family Liaison Officer', phone: '01632 960888', how: 'by phone' });
  });

  it.each([
    ['Mr Tom Reilly, our Pastoral Lead, is on hand to offer support with school meals and dinner money.', 'dinners', 'document office: Mr Tom Reilly'],
    ['Our Medical Needs Coordinator, Mrs Ann Shaw, is available every morning for advice about medicines.', 'medical', 'document nursing: Mrs Ann Shaw'],
  ])('invented: %s', (text, category, expected) => {
    expect(route(read(text), category as keyof Proposal['routes'])).toBe(expected);
  });

  it('negative: a titled person who is only available (no query) gets no route', () => {
    const p = read('Our Family Liaison Officer, Mrs Joanne Platt, is available on Tuesdays and Thursdays. School dinners are cooked on site.');
    expect(p.routes.dinners.origin).not.toBe('document');
  });
});

describe('a complaint that follows a complaints policy', () => {
  it('07-northernlights-trust.txt: complaints go the way the Trust Complaints Policy sets out', async () => {
    const f = '07-northernlights-trust.txt';
    const p = read(await doc(f), f);
    expect(route(p, 'complaint')).toBe('document office: the Trust');
    expect(p.contacts[p.routes.complaint.value.contact!]!.value.how).toBe('following the Trust Complaints Policy (available on the Trust website)');
    expect(p.routes.complaint.quotes[0]!.quote).toBe('Complaints should follow the Trust Complaints Policy, available on the Trust website.');
  });

  it.each([
    ['Any complaint should be made in line with our Complaints Procedure.', 'the school', 'following its Complaints Procedure'],
    ['Complaints must follow the Oakwood Federation Complaints Policy.', 'the Federation', 'following the Oakwood Federation Complaints Policy'],
  ])('invented: %s', (text, owner, how) => {
    const p = read(text);
    expect(route(p, 'complaint')).toBe(`document office: ${owner}`);
    expect(p.contacts[p.routes.complaint.value.contact!]!.value.how).toBe(how);
  });

  it('negative: a complaints policy only mentioned, or a person named, is not read as the policy route', () => {
    expect(read('The school has a complaints policy, which governors review each year.').routes.complaint.origin).not.toBe('document');
    const p = read('Complaints should be sent to the Headteacher, Mr Sam Cole, following our complaints procedure.');
    expect(route(p, 'complaint')).toBe('document office: Mr Sam Cole');
  });
});

describe('a nurse named in a table', () => {
  it.each([
    ['03-brooklane.docx', 'Nurse Jo Patel'],
    ['04-riverside-markdown.md', 'Nurse Deborah Finch'],
  ])('%s: the nurse keeps her name', async (f, name) => {
    const p = read(await doc(f), f);
    expect(route(p, 'medical')).toBe(`document nursing: ${name}`);
  });

  it('invented: a nurse by title and name in a pipe table and in prose', () => {
    const table = read('| Query | Who | How |\n| --- | --- | --- |\n| Medicines and allergies | Nurse Ama Owusu | Phone 01632 960222 |');
    expect(route(table, 'medical')).toBe('document nursing: Nurse Ama Owusu');
    const prose = read('Questions about medicines should be discussed with Nurse Kate Ellis, our School Nurse.');
    expect(route(prose, 'medical')).toBe('document nursing: Nurse Kate Ellis');
  });

  it('negative: a nursing service is not a person', () => {
    const p = read('Questions about medicines should be discussed with the Nurse Drop In Service on 0300 123 4567.');
    expect(Object.values(p.contacts).some((c) => /^Nurse /.test(c.value.name))).toBe(false);
  });
});

describe('the office’s own line', () => {
  it('05-thornbury-label-value.txt: "School office: e-mail, phone" is the office contact', async () => {
    const f = '05-thornbury-label-value.txt';
    const p = read(await doc(f), f);
    expect(p.contacts.office).toMatchObject({ origin: 'document', value: { name: 'the school office', phone: '01632 962000', email: 'office@thornburyfields.sch.uk', how: 'by phone or email' } });
  });

  it('invented: "Main office: 01234 567890"; negative: an office routed to already is not doubled', () => {
    expect(read('Main office: 01234 567890\nAttendance Officer: Mrs Jo Lane').contacts.office?.value).toMatchObject({ phone: '01234 567890', how: 'by phone' });
    const p = read('School office: 01234 567890\nPlease report absence to the school office by phone before 9am.');
    expect(Object.values(p.contacts).filter((c) => c.value.role === 'School office')).toHaveLength(1);
  });
});

describe('rules and hours stated in the document, not read before', () => {
  it('20-castlevale.docx: "We will not post photographs of children who are looked after" is the document’s rule', async () => {
    const f = '20-castlevale.docx';
    const p = read(await doc(f), f);
    expect(p.rules['photo-consent']).toMatchObject({ origin: 'document', value: { neverInCare: true } });
    expect(p.rules['photo-consent'].quotes.map((q) => q.quote)).toEqual(['We will not post photographs of children who are looked after.']);
    // What it does not say (consent for other pupils) is flagged for the school to check.
    expect(p.rules['photo-consent'].check).toMatch(/consent/);
  });

  it('negative: a looked-after sentence that rules nothing out is not a photo rule', () => {
    const p = read('Photographs help us celebrate the achievements of looked after children and all our pupils.');
    expect(p.rules['photo-consent'].origin).not.toBe('document');
  });

  it('11-kingsmead-code-of-conduct.txt: 7.5 keeps behaviour, medical and SEN matters off ClassDojo altogether', async () => {
    const f = '11-kingsmead-code-of-conduct.txt';
    const p = read(await doc(f), f);
    expect(p.rules['sensitive-content'].origin).toBe('document');
    expect(p.rules['sensitive-content'].quotes[0]!.quote).toMatch(/^Behaviour incidents, medical information and SEN matters must not be discussed on ClassDojo/);
    expect(p.rules['sensitive-content'].value.channels).toContain('private-chat');
  });

  it('08-holywell-pdf.txt: "no information about an individual child’s needs, health or behaviour will be posted on Class Story"', async () => {
    const f = '08-holywell-pdf.txt';
    const p = read(await doc(f), f);
    expect(p.rules['sensitive-content'].origin).toBe('document');
    expect(p.rules['sensitive-content'].value.channels).not.toContain('private-chat');
  });

  it('negative: sensitive matters that staff do discuss on ClassDojo are not a rule', () => {
    const p = read('Staff will discuss behaviour and SEN matters with parents on ClassDojo when they need to.');
    expect(p.rules['sensitive-content'].origin).not.toBe('document');
  });

  it('06-bryncelyn-bilingual.txt: the English hours are quoted first, and no sentence twice', async () => {
    const f = '06-bryncelyn-bilingual.txt';
    const p = read(await doc(f), f);
    expect(windows(p.staffHours.value)).toEqual(['mon,tue,wed,thu,fri 08:45-16:00']);
    expect(p.staffHours.quotes[0]!.quote).toMatch(/^Staff will send and reply to messages/);
    const policy = buildPolicy(p) as { hours: { source: { clauses: { quote: string }[] } } };
    const quotes = policy.hours.source.clauses.map((c) => c.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
    // Every item stated in both languages quotes the English first; the DSL from the English sentence.
    for (const key of ['full-name', 'photo-consent'] as const) expect(p.rules[key].quotes[0]!.quote, key).not.toMatch(/\b(?:yn|ein|dim ond)\b/i);
    expect(p.routes.safeguarding.quotes[0]!.quote).toBe('Our Designated Safeguarding Person is Mrs Eleri Rhys.');
    expect(p.contacts.dsl!.quotes[0]!.quote).toBe('Our Designated Safeguarding Person is Mrs Eleri Rhys.');
  });
});

describe('sensitive matters "not via ClassDojo" beside "only through private messaging"', () => {
  it('private messages stay allowed', () => {
    const p = read('Teachers must not discuss personal matters via ClassDojo. Sensitive information must only be shared through private messaging—not on Class or Student Story.');
    expect(p.rules['sensitive-content'].origin).toBe('document');
    expect(p.rules['sensitive-content'].value.channels).not.toContain('private-chat');
  });
});

describe('an FAQ with the question and the answer on one line', () => {
  it('the answer is read with its question', () => {
    const p = read('Q: How do I report an absence? A: Phone the office on 01632 960000 before 9am.');
    expect(route(p, 'absence')).toBe('document office: the office');
    expect(p.routes.absence.quotes.map((q) => q.quote)).toEqual(['Q: How do I report an absence?', 'A: Phone the office on 01632 960000 before 9am.']);
  });

  it('negative: the next paragraph is not read as the answer to a one-line Q and A', () => {
    const p = read('Q: How do I report an absence? A: Phone the office before 9am.\n\nOur school dinners are cooked on site by Mrs Kay Long.');
    expect(p.routes.dinners.origin).not.toBe('document');
  });

  it('negative: a Family Liaison Officer available for help with something that is not a query kind routes nothing', () => {
    const p = read('Mrs Jo Best, our Family Liaison Officer, is available for help with uniform and worries at home.');
    for (const c of ['dinners', 'absence', 'medical', 'complaint'] as const) expect(p.routes[c].origin, c).not.toBe('document');
  });
});
