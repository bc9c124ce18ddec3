/**
 * Issue #15: the checker words every finding from the catalog (lib/i18n/finding.ts over public/_locales): on
 * every finding of the labelled corpora and every message id of every rule, English and Welsh each have the
 * template and every fragment it needs (no finding falls back to its rule and id), and the checker's `message`
 * is the installed catalog's wording, or the one it is given (`CheckContext.messages`).
 */
import '../../../lib/rules/lexicon-bundled';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { findingText } from '../../../lib/i18n/finding';
import { presetPolicy } from '../../../lib/policy/presets/index';
import { checkDraft, RULES } from '../../../lib/rules/index';
import type { Finding, Pupil } from '../../../lib/rules/types';
import type { Policy } from '../../../lib/policy/schema';
import { loadCorpus } from '../../../scripts/eval';
import { policy as preset } from '../rules/helpers';
import { readFileSync } from 'node:fs';

const rosters = new Map<string, Pupil[]>();
const rosterOf = (ref: string | Pupil[]) => {
  if (Array.isArray(ref)) return ref;
  if (!rosters.has(ref)) rosters.set(ref, JSON.parse(readFileSync(new URL(`../../corpus/rosters/${ref}.json`, import.meta.url), 'utf8')) as Pupil[]);
  return rosters.get(ref)!;
};

/** Every finding the checker makes on the corpora's drafts, with the policy it was made under. */
function corpusFindings(): { f: Finding; policy: Policy }[] {
  const out: { f: Finding; policy: Policy }[] = [];
  for (const file of ['drafts.jsonl', 'heldout.jsonl', 'probe17i.jsonl', 'probe17j.jsonl']) {
    for (const c of loadCorpus(file)) {
      const policy = presetPolicy(c.policy);
      for (const f of checkDraft({ text: c.text, channel: c.channel, at: c.at, tagged: c.tagged, media: c.media, points: c.points }, { policy, roster: rosterOf(c.roster), calendar: ukBankHolidays })) out.push({ f, policy });
    }
  }
  return out;
}

/** The message ids the corpora do not reach: a closure, out of term, no roster, two pupils of one name, a default. */
function madeFindings(): { f: Finding; policy: Policy }[] {
  const out: { f: Finding; policy: Policy }[] = [];
  const run = (policy: Policy, draft: Parameters<typeof checkDraft>[0], roster: Pupil[] = []) => {
    for (const f of checkDraft(draft, { policy, roster, calendar: ukBankHolidays })) out.push({ f, policy });
  };
  const story = { text: 'Our trip!', channel: 'class-story' as const, media: true };
  run(preset('bentley-new-village', (p) => (p.hours.closures = [{ start: '2026-11-24', end: '2026-11-24', label: 'INSET day' }])), { ...story, media: false, at: '2026-11-24T10:00:00Z' });
  run(preset('broughton', (p) => (p.hours.terms = [{ start: '2026-09-02', end: '2026-12-18' }, { start: '2027-01-05', end: '2027-03-26' }])), { ...story, media: false, at: '2026-12-22T10:00:00Z' });
  run(preset('bentley-new-village'), { ...story, at: '2026-11-24T10:15:00Z', tagged: ['Amelia Hughes'] });
  const two: Pupil[] = [
    { first: 'Amelia', last: 'Jones', photoConsent: true, inCare: false },
    { first: 'Millie', last: 'Hughes', legalFirst: 'Amelia', photoConsent: false, inCare: false },
  ];
  run(preset('bentley-new-village'), { ...story, at: '2026-11-24T10:15:00Z', tagged: ['Amelia'] }, two);
  // A consent clause only: barring photos of a child in care is Policy Guard's default, and the finding says so.
  const byDefault = preset('bentley-new-village', (p) => {
    p.rules['photo-consent'].neverInCare = true;
    p.rules['photo-consent'].source = { origin: 'policy', clauses: [{ file: 'p.txt', section: '4', quote: 'Photos of children are shared only with their parents’ consent.' }] };
  });
  run(byDefault, { ...story, at: '2026-11-24T10:15:00Z', tagged: ['Leo Wright'] }, [{ first: 'Leo', last: 'Wright', photoConsent: true, inCare: true }]);
  return out;
}

describe('findings from the catalog', () => {
  const made = madeFindings();
  const all = [...corpusFindings(), ...made];
  const en = messagesOf('en');
  const cy = messagesOf('cy');

  it('the drafts reach every message id of every rule, and a setting kept from the default', () => {
    const ids = new Set(all.map(({ f }) => `${f.rule}/${f.messageId}`));
    for (const [rule, module] of Object.entries(RULES)) for (const id of Object.keys(module.meta.messages)) expect(ids, `${rule}/${id}`).toContain(`${rule}/${id}`);
    expect(made.filter(({ f }) => f.data.policyIs === 'default').map(({ f }) => f.message)).toEqual([expect.stringContaining("setting (Policy Guard's recommended default)")]);
  });

  it('English: every finding worded from its template, none falling back to its id', () => {
    expect(all.filter(({ f }) => f.message === `${f.rule}: ${f.messageId}` || /\$[A-Z0-9]|undefined/.test(f.message)).map(({ f }) => f.message)).toEqual([]);
    expect(all.filter(({ f, policy }) => findingText(f, policy, en) !== f.message).length).toBe(0);
  });

  it('Welsh: every finding worded from its own template, never the English', () => {
    const welsh = all.map(({ f, policy }) => ({ f, cy: findingText(f, policy, cy) }));
    expect(welsh.filter(({ f, cy }) => cy === f.message || cy === `${f.rule}: ${f.messageId}` || /\$[A-Z0-9]|undefined/.test(cy)).map(({ f }) => `${f.rule}/${f.messageId}`)).toEqual([]);
  });

  it('the checker words findings in the catalog it is given', () => {
    const { f, policy } = made[0]!;
    const [again] = checkDraft({ text: 'Our trip!', channel: 'class-story', at: '2026-11-24T10:00:00Z' }, { policy, roster: [], calendar: ukBankHolidays, messages: cy });
    expect(again!.messageId).toBe(f.messageId);
    expect(again!.message).toBe(findingText(f, policy, cy));
    expect(again!.message).toMatch(/^Mae'r ysgol ar gau ar Maw 24 Tach \(INSET day\)\./);
  });

  it('Policy Guard’s own words around a clause (a recommended default) are the catalog’s; the school’s clause as written', () => {
    const { f, policy } = made.find(({ f }) => f.data.policyIs === 'default')!;
    expect(f.clause).toBe("Recommended by Policy Guard (not in the school's written policy): no photos of a child in Local Authority care, whatever the consent.");
    const draft = { text: 'Our trip!', channel: 'class-story' as const, media: true, at: '2026-11-24T10:15:00Z', tagged: ['Leo Wright'] };
    const [welsh] = checkDraft(draft, { policy, roster: [{ first: 'Leo', last: 'Wright', photoConsent: true, inCare: true }], calendar: ukBankHolidays, messages: cy });
    expect(welsh!.clause).toBe("Argymhelliad Policy Guard (nid ym mholisi ysgrifenedig yr ysgol): dim lluniau o blentyn yng ngofal yr Awdurdod Lleol, beth bynnag yw'r caniatâd.");
    expect(welsh!.message).toContain('gosodiad Bentley New Village Primary School (rhagosodiad a argymhellir gan Policy Guard)');
    const [quoted] = checkDraft({ text: 'Well done Amelia Hughes!', channel: 'class-story', at: '2026-11-24T10:15:00Z' }, { policy, roster: [], calendar: ukBankHolidays, messages: cy });
    expect(quoted!.clause).toMatch(/^5\.3 Posting to Class Story: “Only pupils' first names will be used\./);
  });
});
