/**
 * `npm run eval`: detection quality on the labelled corpus (tests/corpus/drafts.jsonl). For each rule:
 * true positives, false positives, false negatives, precision, recall, and how often the fix is right.
 * A finding matches a label when the rule and the text of the span agree (spanless findings match
 * spanless labels); a second table counts per draft (the draft gets the rule or not, spans aside).
 * `--verbose` lists every miss and false alarm.
 */
// This context checks on its own: it installs the built-in word lists (lib/rules/lexicon.ts).
import '../lib/rules/lexicon-bundled';
import { readdirSync, readFileSync } from 'node:fs';
import { ukBankHolidays } from '../lib/calendar/bank-holidays';
import { presetPolicy } from '../lib/policy/presets/index';
import { RULE_IDS, type Policy, type RuleId } from '../lib/policy/schema';
import { checkDraft } from '../lib/rules/index';
import type { Draft, Pupil } from '../lib/rules/types';
import { crossValidated, report as modelReport, shippedOn } from './eval-model';
import { loadMessages, routingReport } from './eval-routing';
import { K_FOLDS, loadRouting } from './train';

export interface CorpusCase {
  id: string;
  policy: string;
  channel: Draft['channel'];
  text: string;
  at: string;
  roster: string | Pupil[];
  tagged?: string[];
  media?: boolean | number;
  points?: number;
  expect: { rule: RuleId; span: string; fix?: string }[];
  note?: string;
}

export interface RuleScore {
  tp: number;
  fp: number;
  fn: number;
  fixRight: number;
  fixChecked: number;
}

const root = new URL('../tests/corpus/', import.meta.url);

export function loadCorpus(file = 'drafts.jsonl'): CorpusCase[] {
  return readFileSync(new URL(file, root), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusCase);
}

const rosters = new Map<string, Pupil[]>();
function rosterOf(ref: string | Pupil[]): Pupil[] {
  if (Array.isArray(ref)) return ref;
  if (!rosters.has(ref)) rosters.set(ref, JSON.parse(readFileSync(new URL(`rosters/${ref}.json`, root), 'utf8')));
  return rosters.get(ref)!;
}

const policyOf = presetPolicy;

export function evaluate(cases: CorpusCase[]) {
  const scores = Object.fromEntries(RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0, fixRight: 0, fixChecked: 0 }])) as Record<RuleId, RuleScore>;
  // Per draft: whether the draft gets the rule at all, as the teacher sees it (a badge, a gate), whatever its spans.
  const byDraft = Object.fromEntries(RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0, fixRight: 0, fixChecked: 0 }])) as Record<RuleId, RuleScore>;
  const misses: string[] = [];
  let exact = 0;
  for (const c of cases) {
    const findings = checkDraft(
      { text: c.text, channel: c.channel, at: c.at, tagged: c.tagged, media: c.media, points: c.points },
      { policy: policyOf(c.policy), roster: rosterOf(c.roster), calendar: ukBankHolidays },
    );
    const got = findings.map((f) => ({ rule: f.rule, span: c.text.slice(f.start, f.end), fix: f.fix, used: false }));
    // Exact: the draft gets exactly the rules it should (spans aside), as a teacher sees it.
    const wantRules = [...new Set(c.expect.map((e) => e.rule))].sort().join(',');
    const gotRules = [...new Set(got.map((g) => g.rule))].sort().join(',');
    if (wantRules === gotRules) exact++;
    for (const rule of RULE_IDS) {
      const wanted = c.expect.some((e) => e.rule === rule);
      const had = got.some((g) => g.rule === rule);
      if (wanted && had) byDraft[rule].tp++;
      else if (wanted) byDraft[rule].fn++;
      else if (had) byDraft[rule].fp++;
    }
    for (const want of c.expect) {
      const hit = got.find((g) => !g.used && g.rule === want.rule && g.span === want.span);
      if (hit) {
        hit.used = true;
        scores[want.rule].tp++;
        if (want.fix !== undefined) {
          scores[want.rule].fixChecked++;
          if (hit.fix === want.fix) scores[want.rule].fixRight++;
          else misses.push(`${c.id} ${want.rule} fix: wanted "${want.fix}", got "${hit.fix}"  | ${c.text}`);
        }
      } else {
        scores[want.rule].fn++;
        misses.push(`${c.id} MISSED ${want.rule} "${want.span}"  | ${c.text}`);
      }
    }
    for (const g of got.filter((x) => !x.used)) {
      scores[g.rule].fp++;
      misses.push(`${c.id} FALSE ALARM ${g.rule} "${g.span}"  | ${c.text}`);
    }
  }
  return { scores, byDraft, misses, exact };
}

export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** A table of per-rule scores, with the row of all rules. `fixes`: show how often the fix was right. */
function scoreTable(scores: Record<RuleId, RuleScore>, fixes: boolean): string[] {
  const lines = ['rule                labels   TP   FP   FN  precision  recall' + (fixes ? '  fixes right' : '')];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const rule of RULE_IDS) {
    const s = scores[rule];
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    const fixed = s.fixChecked ? `${s.fixRight}/${s.fixChecked}` : '-';
    lines.push(
      `${rule.padEnd(18)} ${String(s.tp + s.fn).padStart(7)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${ratio(s.tp, s.tp + s.fp).toFixed(3).padStart(9)}  ${ratio(s.tp, s.tp + s.fn).toFixed(3).padStart(6)}` + (fixes ? `  ${fixed.padStart(11)}` : ''),
    );
  }
  lines.push(`${'all rules'.padEnd(18)} ${String(tp + fn).padStart(7)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}  ${ratio(tp, tp + fp).toFixed(3).padStart(9)}  ${ratio(tp, tp + fn).toFixed(3).padStart(6)}`);
  return lines;
}

/**
 * The report on one set: per finding (a finding matches a label when the rule and the span's text agree), then per
 * draft (whether the draft gets the rule at all: "foster family" found where the label says "foster" counts there,
 * since the teacher is warned either way; a label's span is a judgement, and two fair readers draw it differently).
 */
export function draftReport(cases: CorpusCase[], verbose: boolean, title: string): string {
  const { scores, byDraft, misses, exact } = evaluate(cases);
  const clean = cases.filter((c) => c.expect.length === 0).length;
  const lines = [title, `${clean} clean; exact rule set on ${exact}/${cases.length} drafts (${((100 * exact) / Math.max(1, cases.length)).toFixed(1)}%)`, ''];
  lines.push('Per finding (rule and span agree):', ...scoreTable(scores, true));
  lines.push('', 'Per draft (the draft gets the rule, whatever its span):', ...scoreTable(byDraft, false));
  if (misses.length) {
    lines.push('', `${misses.length} disagreements${verbose ? ':' : ' (run with --verbose to list them)'}`);
    if (verbose) lines.push(...misses.map((m) => `  ${m}`));
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  const corpus = loadCorpus();
  console.log(draftReport(corpus, verbose, `Draft checks: ${corpus.length} labelled drafts (tests/corpus/drafts.jsonl, the set the rules were developed on)`));
  const heldOut = loadCorpus('heldout.jsonl');
  console.log('');
  console.log(draftReport(heldOut, verbose, `Held-out drafts: ${heldOut.length} (tests/corpus/heldout.jsonl, written before the checker was run on them)`));
  // A blind probe's set (tests/corpus/probe*.jsonl) is reported on its own until it joins drafts.jsonl.
  for (const file of readdirSync(root).filter((f) => /^probe.*\.jsonl$/.test(f)).sort()) {
    const probe = loadCorpus(file);
    console.log('');
    console.log(draftReport(probe, verbose, `Blind probe: ${probe.length} drafts (tests/corpus/${file}, written before the checker was run on them)`));
  }
  const messages = loadMessages();
  console.log('');
  console.log(routingReport(messages, verbose, `Parent messages: ${messages.length} labelled (tests/corpus/messages.jsonl, the set the router was developed on)`));
  const heldMessages = loadMessages('messages-heldout.jsonl');
  console.log('');
  console.log(routingReport(heldMessages, verbose, `Held-out parent messages: ${heldMessages.length} (tests/corpus/messages-heldout.jsonl, written before the router was run on them)`));
  const routing = loadRouting('routing.jsonl');
  console.log('');
  console.log(modelReport(crossValidated(routing), `Router, ${K_FOLDS}-fold cross-validation on tests/corpus/routing.jsonl (${routing.length} messages, folds by frame; the original development set included)`, verbose));
  const routingHeld = loadRouting('routing-heldout.jsonl');
  console.log('');
  console.log(modelReport(shippedOn(routingHeld), `Router, shipped model on tests/corpus/routing-heldout.jsonl (${routingHeld.length} messages, never trained or tuned on; the original held-out set included)`, verbose));
  const fresh = loadRouting('routing-fresh-heldout.jsonl');
  console.log('');
  console.log(modelReport(shippedOn(fresh), `Router, shipped model on tests/corpus/routing-fresh-heldout.jsonl (${fresh.length} messages written fresh before the model was run on them; never trained or tuned on)`, verbose));
  const probe = loadRouting('routing-probe-16m.jsonl');
  console.log('');
  console.log(modelReport(shippedOn(probe), `Router, shipped model on tests/corpus/routing-probe-16m.jsonl (${probe.length} messages written and labelled blind before the model was run on them; never trained on)`, verbose));
  const probe16n = loadRouting('routing-probe-16n.jsonl');
  console.log('');
  console.log(modelReport(shippedOn(probe16n), `Router, shipped model on tests/corpus/routing-probe-16n.jsonl (${probe16n.length} messages written and labelled blind for probe 16n before the model was run on them; never trained on)`, verbose));
  const probe16o = loadRouting('routing-probe-16o.jsonl');
  console.log('');
  console.log(modelReport(shippedOn(probe16o), `Router, shipped model on tests/corpus/routing-probe-16o.jsonl (${probe16o.length} messages written and labelled blind for probe 16o before the model was run on them; never trained on)`, verbose));
}
