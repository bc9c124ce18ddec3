/**
 * Probe 18n (issue #18): five documents in styles the earlier fixtures lack (tests/fixtures/policies/probe-18n/):
 * a Scottish primary's "Parental Engagement Policy" (P1–P7, Depute Head, Pupil Support Teacher, a Child
 * Protection Co-ordinator), a church school's policy with a long preamble full of other times and its
 * ClassDojo rules in a numbered appendix, a policy exported from a PDF (hard line breaks mid-sentence,
 * repeated page headers and footers, words hyphenated at line ends), guidelines written as bullets with
 * sub-bullets ("•", "o", "-"), and an academy trust's staff Acceptable Use Agreement with ClassDojo as one
 * section among network, email and social media, its times in 24-hour form ("0800–1800 hrs", "17:30").
 * The expectations were written from each document before the extractor was run on it: what a careful school
 * office reads there. Each field is its own test, so the figures count fields right.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPolicy, proposalItems, proposeFromText, type Proposal } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';
import type { QueryCategory } from '../../../../lib/policy/schema';
import { reading } from './reading';

const DIR = new URL('../../../fixtures/policies/probe-18n/', import.meta.url);

/** The route's destination and its contact's fields (undefined when the document does not route the query). */
function route(p: Proposal, category: QueryCategory) {
  const r = p.routes[category];
  if (r.origin !== 'document') return undefined;
  const c = r.value.contact ? p.contacts[r.value.contact]?.value : undefined;
  return { destination: r.value.destination, name: c?.name ?? '', role: c?.role ?? '', phone: c?.phone ?? '', email: c?.email ?? '' };
}

/** The document's contact whose name matches, with its role. */
function contact(p: Proposal, name: RegExp) {
  return Object.values(p.contacts).find((c) => c.origin === 'document' && name.test(c.value.name))?.value;
}

const found = (p: Proposal, rule: keyof Proposal['rules']) => p.rules[rule].origin === 'document';
const ALL_RULES = ['full-name', 'photo-consent', 'sensitive-content', 'negative-points'] as const;
const rules = (p: Proposal) => ALL_RULES.filter((r) => found(p, r));

type Check = [field: string, check: (p: Proposal) => void];

const DOCUMENTS: Record<string, Check[]> = {
  '01-glenmuir-parental-engagement.txt': [
    ['name', (p) => expect(p.name.value).toMatch(/^Glenmuir Primary School\b/)],
    ['staff hours (3.1)', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 08:30-16:30'])],
    ['term time (3.1)', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time (3.2)', (p) => expect(reading(p).responseTime).toMatch(/two working days/)],
    ['urgent: the office by phone (3.3)', (p) => expect(route(p, 'urgent')).toMatchObject({ destination: 'office', phone: '0131 496 0123' })],
    ['absence: the absence line (3.4)', (p) => expect(route(p, 'absence')).toMatchObject({ phone: '0131 496 0124' })],
    ['sickness ("unwell"): the absence line (3.4)', (p) => expect(route(p, 'sickness')).toMatchObject({ phone: '0131 496 0124' })],
    ['the Depute Head (3.5)', (p) => expect(contact(p, /Fiona Campbell/)).toMatchObject({ role: expect.stringMatching(/Depute Head/) })],
    ['the Pupil Support Teacher, with email (3.6)', (p) => expect(contact(p, /Morag Stewart/)).toMatchObject({ role: expect.stringMatching(/Pupil Support Teacher/), email: 'mstewart@glenmuir.edin.sch.uk' })],
    ['dinners ("school lunches"): the office by email (3.7)', (p) => expect(route(p, 'dinners')).toMatchObject({ destination: 'office', email: 'admin@glenmuir.edin.sch.uk' })],
    ['medical ("medication"): Mrs Lorna Baird (3.8)', (p) => expect(route(p, 'medical')?.name).toBe('Mrs Lorna Baird')],
    ['DSL: the Child Protection Co-ordinator (5)', (p) => expect(reading(p).dsl).toBe('Mr Alan Reid')],
    ['deputy DSL: "in his absence" (5)', (p) => expect(reading(p).deputies).toEqual(['Mrs Fiona Campbell'])],
    ['complaints: the Headteacher (6)', (p) => expect(route(p, 'complaint')?.name).toBe('Mr Alan Reid')],
    ['rules: all four (4.1–4.4)', (p) => expect(rules(p)).toEqual([...ALL_RULES])],
  ],
  '02-st-cuthberts-appendix.txt': [
    ['name', (p) => expect(p.name.value).toMatch(/^St Cuthbert's\b.*Primary School$/)],
    ['staff hours: the appendix\'s, not the office\'s or the clubs\' (A3.2)', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 08:00-17:30'])],
    ['reply hours (A3.3)', (p) => expect(reading(p).replyHours).toEqual(['mon-fri 08:30-16:30'])],
    ['term time (A3.2)', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time (A3.3)', (p) => expect(reading(p).responseTime).toMatch(/48 hours/)],
    ['urgent: the office by phone (A3.4)', (p) => expect(route(p, 'urgent')).toMatchObject({ destination: 'office', phone: '0191 498 0345' })],
    ['absence: Mrs Hall, Attendance Officer, by phone ("respectively", A3.5)', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'attendance', name: 'Mrs Hall', phone: '0191 498 0347' })],
    ['dinners: Mr Khan by email ("respectively", A3.5)', (p) => expect(route(p, 'dinners')).toMatchObject({ name: 'Mr Khan', email: 'finance@stcuthberts.durham.sch.uk' })],
    ['medical: the Welfare Assistant by phone (A3.6)', (p) => expect(route(p, 'medical')).toMatchObject({ name: 'Mrs Gemma Doyle', phone: '0191 498 0346' })],
    ['DSL (A3.7)', (p) => expect(reading(p).dsl).toBe('Mrs Rachel Thompson')],
    ['deputy DSL: "in her absence … (DDSL)" (A3.7)', (p) => expect(reading(p).deputies).toEqual(['Mr David Oyelaran'])],
    ['complaints: the Headteacher (A3.12)', (p) => expect(route(p, 'complaint')?.name).toBe('Mr Peter Lawson')],
    ['rules: all four (A3.8–A3.11)', (p) => expect(rules(p)).toEqual([...ALL_RULES])],
  ],
  '03-ashby-fields-pdf-export.txt': [
    ['name', (p) => expect(p.name.value).toBe('Ashby Fields Primary School')],
    ['staff hours ("Mon-\\nday to Friday")', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 08:00-17:00'])],
    ['reply hours', (p) => expect(reading(p).replyHours).toEqual(['mon-fri 08:30-16:00'])],
    ['term time', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time', (p) => expect(reading(p).responseTime).toMatch(/2 school days/)],
    ['absence: the office by phone', (p) => expect(route(p, 'absence')).toMatchObject({ phone: '01632 960 712' })],
    ['the Attendance Officer ("Of-\\nficer"), phone and email', (p) => expect(contact(p, /Karen Doyle/)).toMatchObject({ role: expect.stringMatching(/Attendance Officer/), phone: '01632 960 713', email: 'attendance@ashbyfields.sch.uk' })],
    ['medical: the school nurse', (p) => expect(route(p, 'medical')).toMatchObject({ destination: 'nursing', name: 'Mrs Aisha Rahman' })],
    ['the SENDCo, email broken over a line', (p) => expect(contact(p, /Laura Kent/)).toMatchObject({ email: 'senco@ashbyfields.sch.uk' })],
    ['urgent: the office by phone', (p) => expect(route(p, 'urgent')).toMatchObject({ destination: 'office', phone: '01632 960 712' })],
    ['complaints: the Headteacher (across a page break)', (p) => expect(route(p, 'complaint')?.name).toBe('Mr Simon Blake')],
    ['DSL', (p) => expect(reading(p).dsl).toBe('Mr Simon Blake')],
    ['deputy DSL', (p) => expect(reading(p).deputies).toEqual(['Mrs Karen Doyle'])],
    ['rules: all four (5.1–5.4)', (p) => expect(rules(p)).toEqual([...ALL_RULES])],
  ],
  '04-brambleside-bullets.txt': [
    ['name', (p) => expect(p.name.value).toMatch(/^brambleside infant school$/i)],
    ['staff hours ("7.45am – 6pm, Mon – Fri")', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 07:45-18:00'])],
    ['reply hours', (p) => expect(reading(p).replyHours).toEqual(['mon-fri 08:30-15:30'])],
    ['term time (a sub-bullet)', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time', (p) => expect(reading(p).responseTime).toMatch(/one school day/)],
    ['absence ("attendance and lateness"): Mrs Hall by phone', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'attendance', name: 'Mrs Hall', phone: '01632 961 500' })],
    ['medical: Mr Khan by email (the second pair)', (p) => expect(route(p, 'medical')).toMatchObject({ name: 'Mr Khan', email: 'inclusion@brambleside.sch.uk' })],
    ['dinners: the office by email', (p) => expect(route(p, 'dinners')).toMatchObject({ destination: 'office', email: 'office@brambleside.sch.uk' })],
    ['lost property: the office', (p) => expect(route(p, 'lost-property')?.destination).toBe('office')],
    ['urgent: the office by phone', (p) => expect(route(p, 'urgent')).toMatchObject({ destination: 'office', phone: '01632 961 501' })],
    ['DSL', (p) => expect(reading(p).dsl).toBe('Ms Jane Whitfield')],
    ['deputy DSL', (p) => expect(reading(p).deputies).toEqual(['Mr Tariq Khan'])],
    ['complaints: the Head of School', (p) => expect(route(p, 'complaint')?.name).toBe('Ms Jane Whitfield')],
    ['rules: all four', (p) => expect(rules(p)).toEqual([...ALL_RULES])],
  ],
  '05-pennine-ridge-staff-aup.txt': [
    // Tightened after the first run: the loose pattern passed "Cpoms. At Pennine Ridge Primary Academy", which no office would accept.
    ['name', (p) => expect(p.name.value).toMatch(/^Pennine Ridge (?:Academy Trust|Primary Academy)$/)],
    ['staff hours ("0800–1800 hrs"), not IT\'s or email\'s (5.2)', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 08:00-18:00'])],
    ['reply hours ("08:30 and 17:30", 5.3)', (p) => expect(reading(p).replyHours).toEqual(['mon-fri 08:30-17:30'])],
    ['term time (5.2)', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time (5.3)', (p) => expect(reading(p).responseTime).toMatch(/2 working days/)],
    ['absence: attendance, the absence line (5.5)', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'attendance', phone: '01632 962 200' })],
    ['urgent: the office by phone (5.7)', (p) => expect(route(p, 'urgent')).toMatchObject({ destination: 'office', phone: '01632 962 201' })],
    ['trips and clubs: two people, no "respectively": both named, with a check (5.6)', (p) => {
      for (const c of ['trip', 'clubs'] as const) {
        expect(p.routes[c].origin, c).toBe('document');
        expect(p.routes[c].check ?? '', c).toMatch(/Mrs Ward[\s\S]*Mr Osei|Mr Osei[\s\S]*Mrs Ward/);
      }
      expect(contact(p, /Ward/)).toBeDefined();
      expect(contact(p, /Osei/)).toBeDefined();
    }],
    ['DSL (5.8)', (p) => expect(reading(p).dsl).toBe('Mrs Helen Marsh')],
    ['deputy DSL (5.8)', (p) => expect(reading(p).deputies).toEqual(['Mr Jordan Pike'])],
    ['complaints: the Headteacher (5.13)', (p) => expect(`${route(p, 'complaint')?.name} ${route(p, 'complaint')?.role}`).toMatch(/Headteacher/)],
    ['rules: all four (5.9–5.12)', (p) => expect(rules(p)).toEqual([...ALL_RULES])],
  ],
};

/** Fields the extractor still reads wrong (none expected; each listed one is explained in the report). */
const KNOWN_GAPS = new Set<string>([]);

describe('probe 18n: five documents written before the extractor was run on them', () => {
  for (const [file, checks] of Object.entries(DOCUMENTS)) {
    describe(file, () => {
      const text = readFileSync(new URL(file, DIR), 'utf8');
      const p = proposeFromText(text, { file });
      for (const [field, check] of checks) {
        (KNOWN_GAPS.has(`${file}: ${field}`) ? it.fails : it)(field, () => check(p));
      }
      it('every quote is the document’s own text, and the policy validates', () => {
        for (const { key, item } of proposalItems(p)) {
          for (const q of item.quotes) {
            expect(q.quote.length, key).toBeGreaterThan(0);
            expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
          }
        }
        const parsed = parsePolicy(buildPolicy(p));
        expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      });
    });
  }
});
