/**
 * Probe 15a (issue #15, one catalog per language): robustness of the catalog's wording with `$` in the school's
 * own words (policy name, closure label, contact name and "how", pupil name), in English and Welsh, and the
 * Welsh wording of the school's preset contacts. Failing cases are `it.fails` and named "DEFECT".
 */
import '../../lib/rules/lexicon-bundled';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../cli/catalog';
import { ukBankHolidays } from '../../lib/calendar/bank-holidays';
import { formatMessage, type Catalog } from '../../lib/i18n/format';
import { checkDraft } from '../../lib/rules/index';
import type { Pupil } from '../../lib/rules/types';
import { routeMessage, parentHint } from '../../lib/routing/index';
import { policy as preset, ROSTER } from './rules/helpers';
import cy from '../../public/_locales/cy/messages.json';

const LANGS = ['en', 'cy'] as const;
const DOLLARS = ['Ysgol $1 a $$ a $NAME$ a $', 'St $9 Primary $$$', '$$', 'Ysgol $SCHOOL$'];

describe('probe15a: $ in the school\'s own words is shown as written, in both languages', () => {
  for (const lang of LANGS) {
    for (const name of DOLLARS) {
      it(`${lang}: policy name ${JSON.stringify(name)} in a full-name finding and an out-of-hours finding`, () => {
        const p = preset('bentley-new-village', (q) => (q.name = name));
        const t = messagesOf(lang);
        const [full] = checkDraft({ text: 'Well done Amelia Hughes!', channel: 'class-story', at: '2026-11-24T10:15:00Z' }, { policy: p, roster: ROSTER, calendar: ukBankHolidays, messages: t });
        expect(full?.message).toContain(name);
        const [late] = checkDraft({ text: 'Hello all', channel: 'class-story', at: '2026-11-24T21:15:00Z' }, { policy: p, roster: ROSTER, calendar: ukBankHolidays, messages: t });
        expect(late?.rule).toBe('out-of-hours');
        expect(late?.message).toContain(name);
      });
      it(`${lang}: closure label ${JSON.stringify(name)}`, () => {
        const p = preset('bentley-new-village', (q) => (q.hours.closures = [{ start: '2026-11-24', end: '2026-11-24', label: name }]));
        const [f] = checkDraft({ text: 'Hello all', channel: 'class-story', at: '2026-11-24T10:00:00Z' }, { policy: p, roster: ROSTER, calendar: ukBankHolidays, messages: messagesOf(lang) });
        expect(f?.messageId).toBe('closure');
        expect(f?.message).toContain(name);
      });
      it(`${lang}: contact name and how ${JSON.stringify(name)} in the advice and the parent's hint`, () => {
        const p = preset('bentley-new-village', (q) => {
          q.routing.contacts['attendance-officer'].name = `Mr ${name}`;
          q.routing.contacts['attendance-officer'].how = `by ${name}`;
        });
        const t = messagesOf(lang);
        const text = "Jayden won't be in this afternoon, we have a family funeral";
        const r = routeMessage(text, p, { language: 'eng', at: new Date('2026-11-24T10:00:00Z'), calendar: ukBankHolidays, messages: t });
        expect(r.destination).toBe('attendance');
        expect(r.advice).toContain(`Mr ${name}`);
        expect(r.advice).toContain(`by ${name}`);
        const h = parentHint(text, p, new Date('2026-11-24T10:00:00Z'), ukBankHolidays, t);
        expect(h.redirect).toContain(`Mr ${name}`);
        expect(h.redirect).toContain(`by ${name}`);
      });
    }
    it(`${lang}: a tagged pupil whose name holds $1 and $$ (no consent)`, () => {
      const roster: Pupil[] = [{ first: 'Zo$1e', last: 'Sm$$ith', photoConsent: false, inCare: false }];
      const [f] = checkDraft({ text: 'Our trip!', channel: 'class-story', at: '2026-11-24T10:15:00Z', media: true, tagged: ['Zo$1e Sm$$ith'] }, { policy: preset('bentley-new-village'), roster, calendar: ukBankHolidays, messages: messagesOf(lang) });
      expect(f?.rule).toBe('photo-consent');
      expect(f?.message).toContain('Zo$1e Sm$$ith');
    });
  }
  it('formatMessage does not re-expand $ in substitutions (as chrome.i18n.getMessage)', () => {
    expect(formatMessage(cy as Catalog, 'r_policy_of', ['A $1 $$ $2 B'])).toBe('bolisi A $1 $$ $2 B');
  });
});

describe('probe15a: Welsh wording', () => {
  const t = messagesOf('cy');
  const at = new Date('2026-11-24T10:00:00Z');
  it('fixed: the safeguarding advice in Welsh names the DSL in Welsh under every preset (was "dywedwch wrth the Designated Safeguarding Lead")', () => {
    for (const id of ['bentley-new-village', 'broughton', 'malpas-court', 'papworth-hall', 'acceptable-use-v2'] as const) {
      const r = routeMessage('My partner hits me and the children are scared to go home', preset(id), { language: 'eng', at, calendar: ukBankHolidays, messages: t });
      expect(r.destination).toBe('dsl');
      expect(r.advice).not.toMatch(/the Designated Safeguarding Lead/);
      expect(r.advice).toMatch(/y Person Diogelu Dynodedig/);
    }
  });
  it('fixed: no Welsh message names the DSL by the English abbreviation (the card\'s heading said "dywedwch wrth y DSL")', () => {
    const english = Object.entries(cy as Catalog).filter(([, e]) => /\bDSL\b/.test(e.message)).map(([k]) => k);
    expect(english).toEqual([]);
    expect(formatMessage(cy as Catalog, 'routingSafeguarding')).toMatch(/y Person Diogelu Dynodedig/);
  });
  it('fixed: the Welsh refused-photo finding says why, as the English does: the consent register says no', () => {
    const p = preset('bentley-new-village');
    const roster: Pupil[] = [{ first: 'Amelia', last: 'Hughes', photoConsent: false, inCare: false }];
    const [f] = checkDraft({ text: 'Lovely work today', channel: 'class-story', at: '2026-11-24T10:15:00Z', tagged: ['Amelia Hughes'], media: true }, { policy: p, roster, calendar: ukBankHolidays, messages: t });
    expect(f?.rule).toBe('photo-consent');
    expect(f?.message).toMatch(/mae'r gofrestr caniatâd yn dweud na/);
  });
  it('fixed: a Welsh-titled policy is "polisi\'r ysgol", as an English title is (was "Mae polisi Polisi Cyfathrebu …")', () => {
    const p = preset('bentley-new-village', (q) => (q.name = 'Polisi Cyfathrebu Ysgol Gymraeg'));
    const [f] = checkDraft({ text: 'Well done Amelia Hughes!', channel: 'class-story', at: '2026-11-24T10:15:00Z' }, { policy: p, roster: ROSTER, calendar: ukBankHolidays, messages: t });
    expect(f?.message).not.toMatch(/polisi Polisi/);
  });
  it('fixed: a query kind after "am" is mutated ("negeseuon am gŵyn"; was "am cwyn")', () => {
    const r = routeMessage('I want to make a formal complaint about how my son was treated', preset('bentley-new-village'), { language: 'eng', at, calendar: ukBankHolidays, messages: t });
    expect(r.intent).toBe('complaint');
    expect(r.advice).not.toMatch(/\bam cwyn\b/);
    expect(r.advice).toMatch(/negeseuon am gŵyn/);
  });
  it('fixed: Welsh counts take CLDR\'s plural forms ("yn tynnu 2 bwynt", "3 phwynt"; was "2 pwynt")', () => {
    const p = preset('malpas-court');
    const fs = checkDraft({ text: 'Off task', channel: 'points', at: '2026-11-24T10:15:00Z', points: -2 }, { policy: p, roster: ROSTER, calendar: ukBankHolidays, messages: t });
    const f = fs.find((x) => x.rule === 'negative-points');
    expect(f?.message).toBeTruthy();
    expect(f?.message).not.toMatch(/2 pwynt/);
    expect(f?.message).toMatch(/yn tynnu 2 bwynt\./);
    const three = checkDraft({ text: 'Off task', channel: 'points', at: '2026-11-24T10:15:00Z', points: -3 }, { policy: p, roster: ROSTER, calendar: ukBankHolidays, messages: t }).find((x) => x.rule === 'negative-points');
    expect(three?.message).toMatch(/yn tynnu 3 phwynt\./);
    const english = checkDraft({ text: 'Off task', channel: 'points', at: '2026-11-24T10:15:00Z', points: -2 }, { policy: p, roster: ROSTER, calendar: ukBankHolidays, messages: messagesOf('en') }).find((x) => x.rule === 'negative-points');
    expect(english?.message).toMatch(/would take 2 points away/);
  });
  it('fixed: a tagged pupil not on the roster is not "e" (he) in Welsh (was "Mae Sophie Marsh … dydy e ddim ar restr")', () => {
    const [f] = checkDraft({ text: 'Our trip!', channel: 'class-story', at: '2026-11-24T10:15:00Z', media: true, tagged: ['Sophie Marsh'] }, { policy: preset('bentley-new-village'), roster: ROSTER, calendar: ukBankHolidays, messages: t });
    expect(f?.rule).toBe('photo-consent');
    expect(f?.message).not.toMatch(/dydy e ddim/);
  });
});
