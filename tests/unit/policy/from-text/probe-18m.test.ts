/**
 * Probe 18m (issue #18): five documents in layouts the earlier fixtures lack (tests/fixtures/policies/probe-18m/):
 * a secondary's numbered "Parental Communication Policy", an infant school's FAQ, a trust's policy with a
 * pipe table of contacts by role, a Welsh-medium school's English text with Welsh role names and "yb/yp"
 * times, and a long communication policy with its ClassDojo rules buried among website, email and social
 * media sections. The expectations were written from each document before the extractor was run on it:
 * what a careful school office reads there. Where the document is unclear (reply hours given only as "during
 * the working day"), nothing is asserted. Each field is its own test, so the figures count fields right.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPolicy, proposalItems, proposeFromText, type Proposal } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';
import type { QueryCategory } from '../../../../lib/policy/schema';
import { reading } from './reading';

const DIR = new URL('../../../fixtures/policies/probe-18m/', import.meta.url);

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

type Check = [field: string, check: (p: Proposal) => void];

const DOCUMENTS: Record<string, Check[]> = {
  '01-kingsbridge-numbered.txt': [
    ['name', (p) => expect(p.name.value).toBe('Kingsbridge Academy')],
    ['staff hours (2.1)', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 08:00-17:00'])],
    ['term time (2.1)', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time (2.2)', (p) => expect(reading(p).responseTime).toMatch(/two working days/)],
    ['absence: the attendance line by phone (3.1)', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'attendance', phone: '01632 960 400' })],
    ['medical: the School Nurse by email (3.2)', (p) => expect(route(p, 'medical')).toMatchObject({ name: 'Mrs Dawn Okafor', email: 'nurse@kingsbridge.sch.uk' })],
    ['the SENCo, with email (3.3)', (p) => expect(contact(p, /Luke Brennan/)).toMatchObject({ role: expect.stringMatching(/SENCo/), email: 'senco@kingsbridge.sch.uk' })],
    ['complaints: the Headteacher (3.4)', (p) => expect(route(p, 'complaint')?.name + ' ' + route(p, 'complaint')?.role).toMatch(/Headteacher/)],
    ['urgent: Student Reception by phone (3.5)', (p) => expect(route(p, 'urgent')).toMatchObject({ phone: '01632 960 401' })],
    ['DSL (3.6)', (p) => expect(reading(p).dsl).toBe('Ms Rachel Adeyemi')],
    ['first names only (4.1)', (p) => expect(found(p, 'full-name')).toBe(true)],
    ['photo consent (4.2)', (p) => expect(found(p, 'photo-consent')).toBe(true)],
    ['sensitive only in private (4.3)', (p) => expect(found(p, 'sensitive-content')).toBe(true)],
    ['points never removed (4.4)', (p) => expect(found(p, 'negative-points')).toBe(true)],
  ],
  '02-little-acorns-faq.txt': [
    ['name', (p) => expect(p.name.value).toBe('Little Acorns Nursery & Infant School')],
    ['staff hours', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 08:15-16:30'])],
    ['term time ("not … in the holidays")', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time', (p) => expect(reading(p).responseTime).toMatch(/48 hours/)],
    ['sickness: the office by phone', (p) => expect(route(p, 'sickness')).toMatchObject({ destination: 'office', phone: '01632 961 220' })],
    ['absence: the office by phone', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'office', phone: '01632 961 220' })],
    ['dinners: Mrs Hall', (p) => expect(route(p, 'dinners')?.name).toBe('Mrs Hall')],
    ['lost property: Mr Khan (same sentence as dinners)', (p) => expect(route(p, 'lost-property')?.name).toBe('Mr Khan')],
    ['urgent: the office', (p) => expect(route(p, 'urgent')?.destination).toBe('office')],
    ['DSL', (p) => expect(reading(p).dsl).toBe('Mrs Jo Pearce')],
    ['photo consent', (p) => expect(found(p, 'photo-consent')).toBe(true)],
    ['first names only', (p) => expect(found(p, 'full-name')).toBe(true)],
    ['points never taken away', (p) => expect(found(p, 'negative-points')).toBe(true)],
    ['sensitive content: not stated', (p) => expect(found(p, 'sensitive-content')).toBe(false)],
  ],
  '03-severn-vale-trust-table.txt': [
    ['name: the trust', (p) => expect(p.name.value).toBe('Severn Vale Learning Trust')],
    ['staff hours ("no later than 6pm, and not before 7.30am")', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 07:30-18:00'])],
    ['term time', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time', (p) => expect(reading(p).responseTime).toMatch(/next working day/)],
    ['absence: Attendance Officer by phone', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'attendance', name: 'Mrs Sandra Birch', phone: '01632 962 010' })],
    ['sickness ("illness"): Attendance Officer', (p) => expect(route(p, 'sickness')).toMatchObject({ destination: 'attendance', name: 'Mrs Sandra Birch' })],
    ['dinners: School Business Manager by email', (p) => expect(route(p, 'dinners')).toMatchObject({ name: 'Mr Tom Ellis', email: 'meals@severnvale.org.uk' })],
    ['medical: First Aid Lead', (p) => expect(route(p, 'medical')?.name).toBe('Miss Amy Rowe')],
    ['complaints: Headteacher', (p) => expect(route(p, 'complaint')?.name + ' ' + route(p, 'complaint')?.role).toMatch(/Headteacher/)],
    ['trips: Trips Coordinator by email', (p) => expect(route(p, 'trip')).toMatchObject({ name: 'Mrs Priya Shah', email: 'trips@severnvale.org.uk' })],
    ['DSL', (p) => expect(reading(p).dsl).toBe('Mr Neil Grant')],
    ['no full names', (p) => expect(found(p, 'full-name')).toBe(true)],
    ['photo permission', (p) => expect(found(p, 'photo-consent')).toBe(true)],
    ['sensitive only in private', (p) => expect(found(p, 'sensitive-content')).toBe(true)],
    ['a row is quoted as its own cells, without the header', (p) => {
      const q = p.routes.dinners.quotes.map((x) => x.quote).join(' ');
      expect(q).toContain('School meals');
      expect(q).not.toContain('Query');
    }],
  ],
  '04-bro-taf-welsh-roles.txt': [
    ['name', (p) => expect(p.name.value).toBe('Ysgol Gymraeg Bro Taf')],
    ['staff hours ("8:45yb-3:30yp")', (p) => expect(reading(p).staffHours).toEqual(['mon-fri 08:45-15:30'])],
    ['reply hours (the same sentence: "send and answer")', (p) => expect(reading(p).replyHours).toEqual(['mon-fri 08:45-15:30'])],
    ['term time', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['absence: Swyddog Presenoldeb by phone', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'attendance', name: 'Mrs Eleri Morgan', phone: '029 2000 1234' })],
    ['complaints: the Pennaeth', (p) => expect(route(p, 'complaint')?.name).toBe('Mr Dafydd Rees')],
    ['DSL (Arweinydd Diogelu)', (p) => expect(reading(p).dsl).toBe('Mrs Siân Howells')],
    ['the ALNCo', (p) => expect(contact(p, /Ffion Jenkins/)).toBeDefined()],
    ['first names only', (p) => expect(found(p, 'full-name')).toBe(true)],
    ['photo consent', (p) => expect(found(p, 'photo-consent')).toBe(true)],
  ],
  '05-hawthorn-lane-buried.txt': [
    ['name', (p) => expect(p.name.value).toBe('Hawthorn Lane Primary School')],
    ['staff hours end "until 4.30", never the email section\'s 4pm', (p) => {
      const w = p.staffHours.value;
      expect(p.staffHours.origin).toBe('document');
      expect(w.map((x) => x.end)).toEqual(['16:30']);
      expect(w[0]!.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    }],
    ['term time', (p) => expect(reading(p).termTimeOnly).toBe(true)],
    ['response time: 24 hours, not the email section\'s three school days', (p) => expect(reading(p).responseTime).toMatch(/24 hours/)],
    ['absence: the absence line by phone', (p) => expect(route(p, 'absence')).toMatchObject({ destination: 'attendance', phone: '01632 963 300' })],
    ['lost property: Mrs Hall', (p) => expect(route(p, 'lost-property')?.name).toBe('Mrs Hall')],
    ['trips: Mr Khan by phone (same sentence)', (p) => expect(route(p, 'trip')).toMatchObject({ name: 'Mr Khan', phone: '01632 963 301' })],
    ['urgent: the office', (p) => expect(route(p, 'urgent')?.destination).toBe('office')],
    ['progress: a meeting', (p) => expect(route(p, 'progress')?.destination).toBe('meeting')],
    ['complaints: the Headteacher', (p) => expect(route(p, 'complaint')?.name).toBe('Mrs Angela Shaw')],
    ['DSL', (p) => expect(reading(p).dsl).toBe('Mr Owen Price')],
    ['sensitive only privately', (p) => expect(found(p, 'sensitive-content')).toBe(true)],
    ['first names: not stated', (p) => expect(found(p, 'full-name')).toBe(false)],
    ['points: not stated', (p) => expect(found(p, 'negative-points')).toBe(false)],
  ],
};

/** Fields the extractor still reads wrong (none expected; each listed one is explained in the report). */
const KNOWN_GAPS = new Set<string>([]);

describe('probe 18m: five documents written before the extractor was run on them', () => {
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
