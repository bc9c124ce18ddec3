/**
 * Issue #15: the checker words every finding from the catalog (lib/i18n/finding.ts over public/_locales): on
 * every finding of the labelled corpora and of the made drafts (tests/fixtures/i18n/cases.ts), reaching every
 * message id of every rule, the English is word for word what the checker said before the catalog (c46a4c9,
 * stored in tests/fixtures/i18n/old-english.json), Welsh has its own template and every fragment it needs, and
 * the checker's `message` is the installed catalog's wording, or the one it is given (`CheckContext.messages`).
 */
import '../../../lib/rules/lexicon-bundled';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { findingText } from '../../../lib/i18n/finding';
import { checkDraft, RULES } from '../../../lib/rules/index';
import type { Finding } from '../../../lib/rules/types';
import type { Policy } from '../../../lib/policy/schema';
import { corpusDrafts, madeDrafts, type DraftCase } from '../../fixtures/i18n/cases';
import { oldFindings } from '../../fixtures/i18n/old-english';

/** Every finding the checker makes on the corpora's drafts and the made drafts (cases.ts), with its draft. */
function findingsOf(cases: DraftCase[]): { f: Finding; policy: Policy; c: DraftCase }[] {
  return cases.flatMap((c) => checkDraft(c.draft, { policy: c.policy, roster: c.roster, calendar: ukBankHolidays }).map((f) => ({ f, policy: c.policy, c })));
}

describe('findings from the catalog', () => {
  const cases = [...corpusDrafts(), ...madeDrafts()];
  const made = findingsOf(cases.filter((c) => c.id.startsWith('made#')));
  const all = [...findingsOf(cases.filter((c) => !c.id.startsWith('made#'))), ...made];
  const en = messagesOf('en');
  const cy = messagesOf('cy');

  it('the drafts reach every message id of every rule, and a setting kept from the default', () => {
    const ids = new Set(all.map(({ f }) => `${f.rule}/${f.messageId}`));
    for (const [rule, module] of Object.entries(RULES)) for (const id of Object.keys(module.meta.messages)) expect(ids, `${rule}/${id}`).toContain(`${rule}/${id}`);
    expect(made.filter(({ f }) => f.data.policyIs === 'default').map(({ f }) => f.message)).toEqual([
      expect.stringContaining("Bentley New Village Primary School's setting (Policy Guard's recommended default)"),
      expect.stringContaining("The school's setting (Policy Guard's recommended default)"),
    ]);
  });

  // Today's English is c46a4c9's, stored before the wording moved into the catalog (tests/fixtures/i18n): a change
  // to an English f_/w_/cat_/ct_/x_ entry fails here. Deliberate changes since: none (`git log c46a4c9..main --
  // public/_locales/en` changes no entry a finding uses); one would be listed here, with why.
  /**
   * Drafts whose findings the checker has changed since c46a4c9 (detection, not wording: `npm run eval` measures
   * that), with why. Their findings are worded from the catalog like any other; only the stored English is missing.
   */
  const DETECTED_SINCE: Record<string, string> = {
    'drafts.jsonl#p17g-p070': 'probe 17k (helper 128): a name after a greeting or "welcome" found; the corpus label now says so',
    'drafts.jsonl#p17g-p072': 'probe 17k (helper 128): the same',
    'drafts.jsonl#p17h-h177': 'Korean, Japanese, Chinese and Portuguese names (given-names-extra.json): "Yasmin Haddad" found; the label now says so',
    // Drafts written after c46a4c9 for those names: c46a4c9's name lists had none of them, so it found nothing.
    'drafts.jsonl#n17q-01': 'the same: written with them',
    'drafts.jsonl#n17q-02': 'the same: written with them',
    'drafts.jsonl#n17q-03': 'the same: written with them',
    'drafts.jsonl#n17q-04': 'the same: written with them',
    // A blow to a person by any verb, and "has not been in school", in English and Welsh (sensitive-terms.json).
    'drafts.jsonl#s17b-112': 'a blow to a person: the Welsh phrase with its "wedi" found whole',
    'drafts.jsonl#p17f-067': 'a blow to a person: "bit another pupil" found first in its sentence, before "behaviour report"',
    'heldout.jsonl#h17b-017': 'a blow to a person: "punched a dinner lady" found',
    'heldout.jsonl#h17b-051': '"hasn\'t been in school" found',
    'drafts.jsonl#n17r-01': 'written with them',
    'drafts.jsonl#n17r-02': 'written with them',
    'drafts.jsonl#n17r-03': 'written with them',
    'drafts.jsonl#n17r-05': 'written with them',
    'drafts.jsonl#n17r-06': 'written with them',
  };

  it('English: every finding on every draft says word for word what c46a4c9 said', () => {
    const byCase = new Map<string, typeof all>();
    for (const x of all) byCase.set(x.c.id, [...(byCase.get(x.c.id) ?? []), x]);
    const changed: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const now = (byCase.get(c.id) ?? []).map(({ f, policy }) => ({ rule: f.rule, span: c.draft.text.slice(f.start, f.end), message: findingText(f, policy, en), checker: f.message }));
      const then = oldFindings(c.id);
      if (DETECTED_SINCE[c.id]) {
        expect(now.map(({ rule, span }) => [rule, span]), `${c.id}: listed as changed since, but it is not`).not.toEqual(then.map(({ rule, span }) => [rule, span]));
        compared += now.length;
        continue;
      }
      expect(now.map(({ rule, span }) => [rule, span]), c.id).toEqual(then.map(({ rule, span }) => [rule, span]));
      now.forEach((n, i) => {
        compared++;
        if (n.message !== then[i]!.message) changed.push(`${c.id} ${n.rule} “${n.span}”\n  then: ${then[i]!.message}\n  now:  ${n.message}`);
        // The checker's own message is the installed English catalog's (tests/setup-lexicon.ts).
        else if (n.checker !== n.message) changed.push(`${c.id} ${n.rule}: the checker said “${n.checker}”`);
      });
    }
    expect(compared).toBe(all.length);
    expect(compared).toBeGreaterThan(1_500);
    expect(changed.slice(0, 5), `${changed.length} findings worded otherwise than at c46a4c9`).toEqual([]);
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
