/**
 * The checker: a draft and its context in, the school's findings out. Pure and synchronous, so the same
 * engine runs on every keystroke in the content script, in the background worker, in tests and in the
 * `guard` CLI. Each rule runs contained: a rule that throws is reported, never thrown to the caller.
 */
import { findingText } from '../i18n/finding';
import { installedMessages } from '../i18n/messages';
import type { Action, RuleId } from '../policy/schema';
import { toWritten, withoutIgnorable } from '../text/ignorable';
import { tokenize } from '../text/tokens';
import { fullName } from './full-name';
import { findMentions } from './names';
import { negativePoints } from './negative-points';
import { outOfHours } from './out-of-hours';
import { photoConsent } from './photo-consent';
import { pupilName } from './pupil-name';
import { indexRoster, type RosterIndex } from './roster';
import { clauseText, MAX_FINDINGS_PER_RULE, type Analysis, type RuleModule } from './rule';

export { MAX_FINDINGS_PER_RULE };
import { sensitiveContent } from './sensitive-content';
import type { CheckContext, Draft, Finding, Pupil, Severity } from './types';

export const RULES: Record<RuleId, RuleModule> = {
  'full-name': fullName,
  'pupil-name': pupilName,
  'sensitive-content': sensitiveContent,
  'photo-consent': photoConsent,
  'out-of-hours': outOfHours,
  'negative-points': negativePoints,
};

/** RULES as a list, made once: the checker walks it on every keystroke. */
const RULE_LIST = Object.entries(RULES) as [RuleId, RuleModule][];

/** Drafts longer than this are checked in their first MAX_TEXT characters only (ClassDojo posts are short). */
export const MAX_TEXT = 100_000;


export function severityOf(action: Action): Severity {
  return action === 'block' ? 'block' : action === 'audit' ? 'info' : 'warn';
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

// The roster index is built once per roster array, not per keystroke.
const rosterCache = new WeakMap<readonly Pupil[], RosterIndex>();
function rosterIndex(roster: readonly Pupil[]): RosterIndex {
  let index = rosterCache.get(roster);
  if (!index) {
    index = indexRoster(roster);
    rosterCache.set(roster, index);
  }
  return index;
}

export interface CheckResult {
  findings: Finding[];
  /** Rules that failed to run, with why: shown as "this part of the guidance is unavailable". */
  errors: { rule: RuleId; message: string }[];
}

/** The tokens of a draft's text, the roster's index and the pupils named: what every rule reads. */
function analyse(text: string, roster: readonly Pupil[]): Analysis {
  const index = rosterIndex(roster);
  const tokens = tokenize(text);
  return { tokens, roster: index, mentions: findMentions(tokens, index) };
}

export function checkDraftDetailed(draft: Draft, ctx: CheckContext): CheckResult {
  const written = draft.text.length > MAX_TEXT ? draft.text.slice(0, MAX_TEXT) : draft.text;
  // Read without the characters that show nothing (lib/text/ignorable.ts); spans are mapped back below.
  const { clean: text, at } = withoutIgnorable(written);
  const d: Draft = text === draft.text ? draft : { ...draft, text };
  // Made on first use, once per check (no rule on: no tokens); not a closure, which tsx names per check.
  let analysis: Analysis | undefined;

  const findings: Finding[] = [];
  const errors: CheckResult['errors'] = [];
  const t = ctx.messages ?? installedMessages();
  for (const [id, rule] of RULE_LIST) {
    const config = ctx.policy.rules[id];
    if (config.action === 'off' || !rule.appliesIn(ctx.policy).includes(d.channel)) continue;
    try {
      analysis ??= analyse(d.text, ctx.roster);
      const raws = rule.check(d, ctx, analysis);
      // The first MAX_FINDINGS_PER_RULE, read in place rather than copied.
      for (let r = 0; r < raws.length && r < MAX_FINDINGS_PER_RULE; r++) {
        const raw = raws[r]!;
        // Only for choosing the clause: a finding carries no function (a fresh object, the rule's own).
        const clauseAbout = raw.clauseAbout;
        delete raw.clauseAbout;
        const { text: clause, byDefault } = clauseText(config.source, t, rule.meta.clauseFor?.[raw.messageId], rule.meta.unquoted?.[raw.messageId], clauseAbout);
        // A setting kept from Policy Guard's default beside the school's clauses (RuleMeta.unquoted) is not
        // "the school's policy": the message says whose it is, as the clause does (`policyIs`). The finding says
        // where it was found (`channel`), so no page derives that again to word it.
        const data = { ...(byDefault ? { policyIs: 'default' } : {}), channel: d.channel, ...raw.data };
        const action = raw.action ?? config.action;
        const finding: Finding = {
          rule: id,
          ...raw,
          ...(at && toWritten(at, raw.start, raw.end)),
          severity: severityOf(action),
          action,
          data,
          message: raw.message ?? '',
          clause,
        };
        // Worded once, here, in the installed catalog's language (lib/i18n/messages.ts).
        if (!finding.message) finding.message = findingText(finding, ctx.policy, t, d.channel) || `${id}: ${raw.messageId}`;
        findings.push(finding);
      }
    } catch (error) {
      errors.push({ rule: id, message: (error as Error)?.message ?? String(error) });
    }
  }
  // Rule ids are lower-case ASCII, so comparing by code unit orders them as localeCompare did, without ICU.
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { findings, errors };
}

/** What the school's policy says about this draft, most serious first. */
export function checkDraft(draft: Draft, ctx: CheckContext): Finding[] {
  return checkDraftDetailed(draft, ctx).findings;
}

export type { CheckContext, Draft, Finding, Pupil } from './types';
