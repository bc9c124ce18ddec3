/**
 * Fix 18i (issue #18): faults earlier probes found, each in several wordings with clean twins.
 * 1. A query sent to the SENCo ("contact the SENCo by email", "speak to our SENCo", "Mrs X, our SENCo, …")
 *    routes to the SENCo, not to the office.
 * 2. A number or address written for a contact ("by phone on …", "by email at …", "on (01234) 567890",
 *    "The office can be contacted on …") is the contact's phone or email.
 * 3. Welsh replies say how to reach the contact, as the English ones do ("{how}"), in Welsh.
 * 4. A .docx whose policy is a table: each row's sentence is quoted whole and verbatim.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../../lib/policy/from-text/document';
import { buildPolicy, proposalItems, proposeFromText, type Proposal } from '../../../../lib/policy/from-text';
import { welshWays } from '../../../../lib/policy/from-text/defaults';
import { parsePolicy } from '../../../../lib/policy/parse';
import type { Contact, Policy, QueryCategory } from '../../../../lib/policy/schema';
import { routeMessage } from '../../../../lib/routing/index';
import { detectLanguage } from '../../../../lib/routing/language';
import { docxFromBody } from './docx';

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

/** The contact a query is routed to (undefined when the document does not route it). */
function routedTo(p: Proposal, category: QueryCategory): (Contact & { key: string; destination: string }) | undefined {
  const r = p.routes[category];
  if (r.origin !== 'document') return undefined;
  const key = r.value.contact;
  return { key: key ?? '', destination: r.value.destination, ...(key ? p.contacts[key]!.value : { name: '' }) };
}

const HEAD = 'Oakfield Primary School\n\nClassDojo Policy\n\nStaff will reply to messages between 8.30am and 4.30pm, Monday to Friday.\n\n';

describe('a query sent to the SENCo goes to the SENCo, not the office (fault 1)', () => {
  it.each([
    ['"contact the SENCo by email at …"', "Questions about your child's progress or SEN support: please contact the SENCo by email at senco@oakfield.sch.uk.", 'progress', { name: 'the SENCo', email: 'senco@oakfield.sch.uk', how: 'by email' }],
    ['"speak to our SENCo"', "If you are worried about your child's progress, please speak to our SENCo.", 'progress', { name: 'the SENCo' }],
    ['"Mrs X, our SENCo, is happy to talk …: please email her at …"', "Mrs Patel, our SENCo, is happy to talk about your child's progress: please email her at senco@oakfield.sch.uk.", 'progress', { name: 'Mrs Patel', email: 'senco@oakfield.sch.uk' }],
    ['the SENCo named in another sentence', 'Our SENCo is Mrs Patel. Questions about progress should go to the SENCo by phone on 01632 960111.', 'progress', { name: 'Mrs Patel', phone: '01632 960111', how: 'by phone' }],
    ['"the SENDCo", medicines', 'Questions about medication or care plans: please contact the SENDCo by email.', 'medical', { name: 'the SENDCo', how: 'by email' }],
    ['"Mrs X, our SENCo, can be contacted through the school office"', "Mrs Patel, our SENCo, can be contacted through the school office about your child's progress.", 'progress', { name: 'Mrs Patel', how: 'through the school office' }],
  ])('%s', (_, sentence, category, expected) => {
    const p = read(`${HEAD}${sentence}\n`);
    const c = routedTo(p, category as QueryCategory);
    expect(c, 'routed').toBeDefined();
    expect(c!.key).toBe('senco');
    expect(c!.role).toMatch(/^SEN(?:D)?Co$/);
    expect(c).toMatchObject(expected);
    expect(c!.name).not.toMatch(/office/i);
    expect(p.routes[category as QueryCategory].quotes.map((q) => q.quote).join(' ')).toContain(sentence.split('. ').pop()!.slice(0, 30));
    policyOf(p);
  });

  it.each([
    ['the office written to first', "Progress questions: please contact the school office, who will pass your message on to the SENCo."],
    ['"not the SENCo"', 'Progress questions should go to the office, not the SENCo.'],
  ])('clean twin: %s goes to the office', (_, sentence) => {
    const c = routedTo(read(`${HEAD}${sentence}\n`), 'progress');
    expect(c?.destination).toBe('office');
    expect(c?.key).not.toBe('senco');
    expect(c?.name).toMatch(/office/);
  });
});

describe("a number or address written for a contact is the contact's phone or email (fault 2)", () => {
  it.each([
    ['a named person "on 0161 …"', 'Absences should be reported to Mrs Lee on 0161 496 0000.', 'absence', { name: 'Mrs Lee', phone: '0161 496 0000' }],
    ['a named person "by email at …"', 'Lost property queries should be directed to Mrs Hall by email at mhall@oakfield.sch.uk.', 'lost-property', { name: 'Mrs Hall', email: 'mhall@oakfield.sch.uk', how: 'by email' }],
    ['"contact the school on …"', 'If your child is absent, please contact the school on 01632 960000.', 'absence', { phone: '01632 960000', how: 'by phone' }],
    ['"let us know on …"', 'If your child is absent, please let us know on 01632 960000 before 9am.', 'absence', { phone: '01632 960000', how: 'by phone before 9am' }],
    ['an area code in brackets', 'If your child is absent, please contact the office by phone on (01632) 960000 before 9am.', 'absence', { name: 'the office', phone: '(01632) 960000' }],
    ['the office\'s number and address in the next sentence', 'Please report absences to the office. The office can be contacted on 01632 960000 or at office@oakfield.sch.uk.', 'absence', { name: 'the office', phone: '01632 960000', email: 'office@oakfield.sch.uk', how: 'by phone or email' }],
    ['"email office@…"', 'Dinner money queries: please email office@oakfield.sch.uk.', 'dinners', { email: 'office@oakfield.sch.uk', how: 'by email' }],
  ])('%s', (_, sentence, category, expected) => {
    const p = read(`${HEAD}${sentence}\n`);
    const c = routedTo(p, category as QueryCategory);
    expect(c, 'routed').toBeDefined();
    expect(c).toMatchObject(expected);
    // The number or address is quoted: the contact's quotes hold the sentence that gives it.
    const contact = p.contacts[c!.key]!;
    const quoted = contact.quotes.map((q) => q.quote).join(' ');
    for (const x of [c!.phone, c!.email]) if (x) expect(quoted).toContain(x);
    policyOf(p);
  });

  it('clean twin: another person\'s number later in the sentence is not theirs ("…speak to Mrs Hall, and … to Mr Khan on …")', () => {
    const p = read(`${HEAD}For lost property please speak to Mrs Hall, and for anything else ring Mr Khan on 01632 960222.\n`);
    const c = routedTo(p, 'lost-property');
    expect(c?.name).toBe('Mrs Hall');
    expect(c?.phone).toBeUndefined();
  });

  it('clean twin: a trust annex giving each school\'s office a number gives no one number to "your child\'s school office"', () => {
    const p = read(
      "Riverbend Trust\nClassDojo Policy\n\nAbsences must be reported by phone to your child's school office by 9am.\n\nAnnex: school contacts\nMillbrook Primary Academy: office open 8am–4pm, 01234 100100.\nSandfield Primary Academy: office open 8am–4pm, 01234 200200.\n",
    );
    expect(routedTo(p, 'absence')?.phone).toBeUndefined();
  });
});

describe('Welsh replies say how to reach the contact, as the English ones do (fault 3)', () => {
  const reply = (policy: Policy, message: string) => routeMessage(message, policy, { language: detectLanguage(message, policy.languages) });
  const SICK_CY = 'Mae Cerys yn sâl heddiw a fydd hi ddim yn yr ysgol.';
  const SICK_EN = 'Cerys is off sick today, sorry.';

  it.each([
    [
      'a Welsh document, a number given',
      'Polisi ClassDojo\n\nBydd staff yn anfon negeseuon rhwng 8.30yb a 4.00yp, dydd Llun i ddydd Gwener.\n\nDylid rhoi gwybod am absenoldeb i Mrs Jones, Swyddog Presenoldeb, ar 01632 960000. Peidiwch â defnyddio ClassDojo.\n',
      /by phone/,
      /dros y ffôn/,
    ],
    [
      'a bilingual document: by phone before 9am, not through ClassDojo',
      'Ysgol Gynradd Bro Taf\nClassDojo Policy / Polisi ClassDojo\n\nStaff will send messages between 8.30am and 4pm, Monday to Friday.\nBydd staff yn anfon negeseuon rhwng 8.30yb a 4.00yp.\n\nPlease report absences to Mrs Jones, our Attendance Officer, by phone on 01632 960000 before 9am, not through ClassDojo.\n',
      /by phone before 9am, not through ClassDojo/,
      /dros y ffôn cyn 9yb, nid drwy ClassDojo/,
    ],
    [
      'an English document from a school in Wales: by email',
      'Ysgol y Graig\n\nClassDojo Policy\n\nStaff send ClassDojo messages between 8am and 4.30pm on weekdays. Please report absences to the school office by email at swyddfa@graig.cymru, not through ClassDojo.\n',
      /by email/,
      /drwy e-bost, nid drwy ClassDojo/,
    ],
  ])('%s', (_, doc, en, cy) => {
    const policy = policyOf(read(doc));
    expect(policy.languages).toContain('cym');
    for (const t of Object.values(policy.routing.templates)) expect(t?.cym ?? '').not.toMatch(/\{ffordd\}/);
    const english = reply(policy, SICK_EN);
    expect(english.reply).toMatch(en);
    const welsh = reply(policy, SICK_CY);
    expect(welsh.replyLanguage).toBe('cym');
    expect(welsh.reply).toMatch(cy);
    // Never English in the middle of the Welsh reply.
    expect(welsh.reply).not.toMatch(/\b(?:by phone|by email|before|not through)\b/);
    expect(welsh.reply).not.toMatch(/\{\w+\}/);
  });

  it('clean twin: a contact reached in person is told "yn bersonol", never "dros y ffôn"', () => {
    const policy = policyOf(read('Ysgol y Graig\n\nClassDojo Policy\n\nPlease report absences to the school office in person, not through ClassDojo.\n'));
    const welsh = reply(policy, SICK_CY);
    expect(welsh.reply).toMatch(/yn bersonol/);
    expect(welsh.reply).not.toMatch(/ffôn|e-bost/);
  });

  it('welshWays: only what every contact of a destination shares; nothing it cannot say in Welsh', () => {
    expect(welshWays(['by phone before 9am', 'by phone'])).toBe(' dros y ffôn');
    expect(welshWays(['by phone or email before 9.15am'])).toBe(' dros y ffôn neu drwy e-bost cyn 9.15yb');
    expect(welshWays(['by phone', 'by email'])).toBe('');
    expect(welshWays(['via ParentPay'])).toBe('');
    expect(welshWays(['by phone before the school day starts'])).toBe(" dros y ffôn cyn i'r diwrnod ysgol ddechrau");
    expect(welshWays([])).toBe('');
  });
});

describe('a .docx whose policy is a table: each row is quoted whole and verbatim (fault 4)', () => {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  /** A paragraph of runs ("<…>" parts are markup as written: a hyperlink, a field, a break). */
  const para = (...parts: string[]) => `<w:p>${parts.map((x) => (x.startsWith('<') ? x : run(x))).join('')}</w:p>`;
  const cell = (...ps: string[]) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${ps.join('')}</w:tc>`;
  const row = (...cs: string[]) => `<w:tr>${cs.join('')}</w:tr>`;
  const link = (t: string) => `<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>${esc(t)}</w:t></w:r></w:hyperlink>`;
  const field = (t: string) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:${t}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(t)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

  // Each row's sentence as Word shows it (a cell's runs, a line break as a space).
  const HOURS = 'Teachers will read and reply to messages between 8.45am and 3.30pm, Monday to Friday, during term time.';
  const ABSENCE = 'Please ring the school office on 01632 960 123 before 9am if your child is unwell.';
  const SEN = 'Please contact Mrs Ada Okafor, our SENCo, by email at senco@brookfarm.sch.uk.';
  const NAMES = 'Children will be referred to by their first names only on Class Story.';
  const PHOTOS = 'We only post photos of children whose parents have given photo consent.';
  const body =
    para('Brook Farm Primary School') +
    para('Our ClassDojo Policy') +
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>' +
    row(cell(para('Area')), cell(para('What we ask'))) +
    row(cell(para('When we reply')), cell(para('Teachers will read and reply to messages between 8.45am and 3.30pm, ', 'Monday to Friday, during term time.'))) +
    row(cell(para('Absence')), cell(para('Please ring the school office on ', '01632 960 123', ' before 9am if your child is unwell.'))) +
    row(cell(para('SEN')), cell(para('Please contact Mrs Ada Okafor, our SENCo, by email at ', field('senco@brookfarm.sch.uk'), '.'))) +
    row(cell(para('Names')), cell(para('Children will be referred to by their first names only', '<w:r><w:br/></w:r>', 'on Class Story.'))) +
    row(cell(para('Photos')), cell(para('We only post photos of children whose parents have given ', link('photo consent'), '.'))) +
    '</w:tbl>';

  it('reads hours, routes, contacts and rules from the rows, each quoting its row whole', async () => {
    const text = await documentText(docxFromBody(body), 'brook-farm.docx');
    const p = read(text);
    const quotesOf = (key: string) => proposalItems(p).find((i) => i.key === key)!.item.quotes.map((q) => q.quote);
    const row = (label: string, sentence: string) => `${label}\t${sentence}`;
    expect(p.staffHours.value).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:45', end: '15:30' }]);
    expect(quotesOf('staffHours')).toContain(row('When we reply', HOURS));
    expect(quotesOf('routes.absence')).toEqual([row('Absence', ABSENCE)]);
    expect(p.contacts.office!.value).toMatchObject({ phone: '01632 960 123', how: 'by phone before 9am' });
    expect(quotesOf('routes.progress')).toEqual([]);
    expect(p.contacts.senco!.value).toMatchObject({ name: 'Mrs Ada Okafor', role: 'SENCo', email: 'senco@brookfarm.sch.uk' });
    expect(quotesOf('contacts.senco')).toEqual([row('SEN', SEN)]);
    expect(quotesOf('rules.full-name')).toEqual([row('Names', NAMES)]);
    expect(quotesOf('rules.photo-consent')).toEqual([row('Photos', PHOTOS)]);
    // However else the table is turned into text (mammoth: each cell's paragraph on a line of its own), a
    // row's words are there in the same order, with only white space between them.
    const cellPerLine = text.replace(/\t/g, '\n\n');
    const squash = (x: string) => x.replace(/\s+/g, ' ').trim();
    for (const { item } of proposalItems(p)) for (const q of item.quotes) expect(squash(cellPerLine)).toContain(squash(q.quote));
    policyOf(p);
  });
});

/**
 * Faults found setting up four new schools from documents of their own (tests/fixtures/policies/schools/own18i-*,
 * read by schools.test.ts): each a general one, here in its smallest form with a clean twin.
 */
describe('as a new school would write it', () => {
  const windows = (p: Proposal) => p.staffHours.value.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`);

  it.each([
    ['Staff messaging hours: Mon-Thurs 8-5, Fri 8-3'],
    ['Staff will reply to messages Mon-Thurs 8-5 and Fri 8-3.'],
    ['Teachers answer ClassDojo messages Mondays to Thursdays 8-5 and Fridays 8-3.'],
  ])('bare hours after a day ("Mon-Thurs 8-5, Fri 8-3"): %s', (line) => {
    const p = read(`Hazel Bank Primary School\nClassDojo Policy\n\n${line}\n`);
    expect([...windows(p)].sort()).toEqual(['fri 08:00-15:00', 'mon,tue,wed,thu 08:00-17:00']);
    expect(p.staffHours.quotes.map((q) => q.quote)).toEqual([line]);
  });

  it('clean twin: numbers after a day that are not hours ("On Friday 2-3 children will read")', () => {
    const p = read('Hazel Bank Primary School\nClassDojo Policy\n\nOn Friday 2-3 children will read in assembly.\n');
    expect(p.staffHours.origin).toBe('recommended');
  });

  it.each([
    ['full-name', "We only ever use children's first names on Class Story."],
    ['photo-consent', "We'll only share photos of children whose parents have said yes to photos."],
    ['sensitive-content', "Nothing about a child's health, behaviour or family is ever posted on Class Story - these are discussed privately."],
  ] as const)('a rule in a family’s words: %s', (rule, line) => {
    const p = read(`Little Oaks Primary School\nClassDojo guide\n\n${line}\n`);
    expect(p.rules[rule].origin).toBe('document');
    expect(p.rules[rule].quotes.map((q) => q.quote)).toEqual([line]);
  });

  it.each([
    ['sensitive-content', "Nothing about the school's history is posted on Class Story."],
    ['photo-consent', 'Children said yes to a class photo on Class Story.'],
  ] as const)('clean twin: %s is not read from "%s"', (rule, line) => {
    expect(read(`Little Oaks Primary School\nClassDojo guide\n\n${line}\n`).rules[rule].origin).not.toBe('document');
  });

  it('"You can reach him on …" after the sentence naming the contact: their number, quoted', () => {
    const p = read(`${HEAD}Please speak to our SENCo, Mr Ravi Shah, about any medication. You can reach him on 01632 960551.\n`);
    const c = routedTo(p, 'medical');
    expect(c).toMatchObject({ name: 'Mr Ravi Shah', phone: '01632 960551', how: 'by phone' });
    expect(p.contacts[c!.key]!.quotes.map((q) => q.quote)).toContain('You can reach him on 01632 960551.');
  });

  it('clean twin: "You can reach her on …" after a sentence naming two people gives neither the number', () => {
    const p = read(`${HEAD}Please speak to our SENCo, Mr Ravi Shah, or Mrs Ann Lee about any medication. You can reach her on 01632 960551.\n`);
    for (const c of Object.values(p.contacts)) expect(c.value.phone, c.value.name).toBeUndefined();
  });

  it('an FAQ answer is not quoted with an earlier question about something else', () => {
    const p = read(
      "Little Oaks Primary School\nClassDojo guide\n\nWhat about dinners and clubs?\nFor dinner money and clubs, please email admin@littleoaks.sch.uk.\n\nI'd like to talk about how my child is getting on.\nJust message your child's teacher to arrange a meeting - we'd rather talk about progress face to face.\n",
    );
    expect(p.routes.progress.value.destination).toBe('meeting');
    expect(p.routes.progress.quotes.map((q) => q.quote).join(' ')).not.toMatch(/dinners/);
    // Clean twin: the question that says what its answer is about is quoted with it.
    expect(p.routes.dinners.quotes.map((q) => q.quote)).toContain('What about dinners and clubs?');
  });

  it('a person named with their number and no way worded is reached by phone, not "through the school office"', () => {
    const p = read(`${HEAD}SEN\tContact Miss Laura Price, SENDCo, on 01632 960889.\n`);
    const c = Object.values(p.contacts).find((x) => x.value.name === 'Miss Laura Price')!;
    expect(c.value).toMatchObject({ phone: '01632 960889', how: 'by phone' });
    expect(c.defaults).toBeUndefined();
  });

  it('"pop into the office" is in person', () => {
    const c = routedTo(read(`${HEAD}For dinner money, please pop into the office or email admin@littleoaks.sch.uk.\n`), 'dinners');
    expect(c?.how).toBe('by email or in person');
  });
});

describe('a fifth school (St Mary’s): the DSL named in one sentence and written to by a pronoun in the next; "never put surnames"', () => {
  const DOC = "St Mary's Catholic Primary School\n\nMrs Ruth Owen is our Designated Safeguarding Lead. Any worry about a child's safety must be passed to her straight away.\n\nWe never put children's surnames on ClassDojo.\n";

  it('the DSL is reached "straight away", quoting both sentences', () => {
    const p = read(DOC);
    expect(p.contacts.dsl!.value).toMatchObject({ name: 'Mrs Ruth Owen', how: 'straight away' });
    expect(p.contacts.dsl!.defaults ?? []).not.toContain('how');
    expect(p.routes.safeguarding.quotes.map((q) => q.quote)).toEqual(['Mrs Ruth Owen is our Designated Safeguarding Lead.', "Any worry about a child's safety must be passed to her straight away."]);
  });

  it('clean twin: a next sentence that names someone else is not the DSL’s', () => {
    const p = read("St Mary's Catholic Primary School\n\nMrs Ruth Owen is our Designated Safeguarding Lead. Any worry about a child's safety out of hours must be passed to the Trust's on-call lead, Mr Sam Kerr, straight away.\n");
    expect(p.contacts.dsl!.value.how).not.toBe('straight away');
  });

  it('"We never put children’s surnames on ClassDojo" is first names only', () => {
    const p = read(DOC);
    expect(p.rules['full-name']).toMatchObject({ origin: 'document', value: { action: 'confirm' } });
    expect(p.rules['full-name'].quotes.map((q) => q.quote)).toEqual(["We never put children's surnames on ClassDojo."]);
  });
});

it('a sixth school (Riverside Infant): "changes to who is picking your child up" is an urgent message', () => {
  const line = 'changes to who is picking your child up – phone the office as soon as possible';
  const p = read(`Riverside Infant School\n\nThings to tell the office, not the teacher:\n* ${line}\n`);
  expect(routedTo(p, 'urgent')).toMatchObject({ destination: 'office', how: 'by phone' });
  expect(p.routes.urgent.quotes.map((q) => q.quote)).toContain(line);
});

it('"We will reply by the following working day" is a response time, as "the next working day" is', () => {
  const p = read('Oak Primary School\nClassDojo policy\n\nWe will reply by the following working day.\n');
  expect(p.responseTime).toMatchObject({ origin: 'document', value: 'the following working day' });
});
