/**
 * The trained router's quality, as `npm run eval` reports it:
 *   - 5-fold cross-validation on tests/corpus/routing.jsonl (folds by frame; each fold's model trained on
 *     the other four, with the shipped temperature and thresholds): intent precision and recall, a
 *     confusion table, safeguarding recall per statutory category (either tier), tier-one precision,
 *     calibration (reliability by confidence band, expected calibration error), destination accuracy;
 *   - the same figures for the shipped model on tests/corpus/routing-heldout.jsonl, never trained or tuned on,
 *     on routing-fresh-heldout.jsonl, routing-probe-16m.jsonl, routing-probe-16n.jsonl and routing-probe-16o.jsonl (each written blind, before the model was
 *     run on them);
 *   - language detection on both.
 */
import { presetPolicy } from '../lib/policy/presets/index';
import { QUERY_CATEGORIES, type QueryCategory } from '../lib/policy/schema';
import { classify, type Classification } from '../lib/routing/classify';
import { detectLanguage } from '../lib/routing/language';
import { shippedModel, type IntentModel } from '../lib/routing/model';
import type { RoutingCase } from './corpus/generate';
import { K_FOLDS, loadRouting } from './train';
import { foldOf, prepare, trainModel } from './routing/trainer';

export interface Scored {
  c: RoutingCase;
  r: Classification;
  language: string;
}

export function crossValidated(cases: RoutingCase[], k = K_FOLDS): Scored[] {
  const shipped = shippedModel();
  const examples = prepare(cases);
  const out: Scored[] = [];
  for (let fold = 0; fold < k; fold++) {
    const model = trainModel(examples.filter((e) => foldOf(e.c, k) !== fold), { temperature: shipped.temperature, thresholds: shipped.thresholds });
    for (const e of examples) if (foldOf(e.c, k) === fold) out.push(score(e.c, model, e.tokens));
  }
  return out;
}

function score(c: RoutingCase, model: IntentModel, tokens?: Parameters<typeof classify>[1]): Scored {
  return { c, r: classify(c.text, tokens, model), language: detectLanguage(c.text, presetPolicy(c.policy).languages) };
}

export function shippedOn(cases: RoutingCase[]): Scored[] {
  const model = shippedModel();
  return cases.map((c) => score(c, model));
}

const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '-'}% (${a}/${b})`;
const f3 = (a: number, b: number) => (b ? (a / b).toFixed(3) : '  -  ');

export function summary(rows: Scored[]) {
  const n = rows.length;
  const right = rows.filter((s) => s.r.intent === s.c.intent).length;
  const dest = rows.filter((s) => {
    const routes = presetPolicy(s.c.policy).routing.routes;
    return routes[s.r.intent].destination === routes[s.c.intent].destination;
  }).length;
  const safe = rows.filter((s) => s.c.intent === 'safeguarding');
  const caught = safe.filter((s) => s.r.intent === 'safeguarding').length;
  const tier1 = rows.filter((s) => s.r.level === 'disclosure');
  const tier1Right = tier1.filter((s) => s.c.intent === 'safeguarding').length;
  const concern = rows.filter((s) => s.r.level === 'concern');
  const concernFalse = concern.filter((s) => s.c.intent !== 'safeguarding').length;
  const lang = rows.filter((s) => s.language === s.c.language).length;
  return { n, right, dest, safe: safe.length, caught, tier1: tier1.length, tier1Right, concern: concern.length, concernFalse, lang };
}

export function report(rows: Scored[], title: string, verbose: boolean): string {
  const s = summary(rows);
  const lines = [title, ''];
  lines.push(`intent accuracy               ${pct(s.right, s.n)}`);
  lines.push(`destination accuracy          ${pct(s.dest, s.n)}`);
  lines.push(`safeguarding recall (either)  ${pct(s.caught, s.safe)}`);
  lines.push(`tier one (disclosure) alarms  ${s.tier1}, precision ${f3(s.tier1Right, s.tier1)}`);
  lines.push(`tier two (concern) alarms     ${s.concern}, of which not safeguarding ${s.concernFalse}`);
  const unsure = rows.filter((x) => x.r.unsure);
  lines.push(`unsure (two likeliest shown)  ${pct(unsure.length, s.n)}; the right intent among the two in ${pct(unsure.filter((x) => x.r.unsure!.includes(x.c.intent)).length, unsure.length)}`);
  lines.push(`language                      ${pct(s.lang, s.n)}`);

  lines.push('', 'intent          labelled  precision  recall');
  for (const q of QUERY_CATEGORIES) {
    const labelled = rows.filter((x) => x.c.intent === q).length;
    const predicted = rows.filter((x) => x.r.intent === q).length;
    const tp = rows.filter((x) => x.c.intent === q && x.r.intent === q).length;
    lines.push(`${q.padEnd(15)} ${String(labelled).padStart(8)}  ${f3(tp, predicted).padStart(9)}  ${f3(tp, labelled).padStart(6)}`);
  }

  lines.push('', 'Confusion (rows: labelled, columns: predicted; blank = 0):');
  const short: Record<QueryCategory, string> = { absence: 'abs', sickness: 'sick', medical: 'med', dinners: 'din', complaint: 'cmp', urgent: 'urg', clubs: 'club', 'lost-property': 'lost', progress: 'prog', trip: 'trip', safeguarding: 'safe', general: 'gen' };
  lines.push(`${''.padEnd(14)}${QUERY_CATEGORIES.map((q) => short[q].padStart(5)).join('')}`);
  for (const want of QUERY_CATEGORIES) {
    lines.push(`${want.padEnd(14)}${QUERY_CATEGORIES.map((got) => String(rows.filter((x) => x.c.intent === want && x.r.intent === got).length || '').padStart(5)).join('')}`);
  }

  lines.push('', 'Safeguarding recall by category (either tier; tier one in brackets):');
  const categories = [...new Set(rows.filter((x) => x.c.category).map((x) => x.c.category!))].sort();
  for (const cat of categories) {
    const of = rows.filter((x) => x.c.category === cat);
    const found = of.filter((x) => x.r.intent === 'safeguarding').length;
    const t1 = of.filter((x) => x.r.level === 'disclosure').length;
    lines.push(`  ${cat.padEnd(16)} ${f3(found, of.length)} (${found}/${of.length}; tier one ${t1})`);
  }

  lines.push('', 'Calibration (confidence of the likeliest intent against how often it is right):');
  let ece = 0;
  for (const [lo, hi] of [[0, 0.3], [0.3, 0.5], [0.5, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 0.95], [0.95, 1.01]] as const) {
    const band = rows.filter((x) => {
      const p = Math.max(...Object.values(x.r.scores));
      return p >= lo && p < hi;
    });
    if (!band.length) continue;
    const conf = band.reduce((a, x) => a + Math.max(...Object.values(x.r.scores)), 0) / band.length;
    const acc = band.filter((x) => topOf(x.r) === x.c.intent).length / band.length;
    ece += (band.length / rows.length) * Math.abs(conf - acc);
    lines.push(`  ${`${lo.toFixed(2)}-${Math.min(1, hi).toFixed(2)}`.padEnd(10)} ${String(band.length).padStart(5)} messages  mean confidence ${conf.toFixed(3)}  right ${acc.toFixed(3)}`);
  }
  lines.push(`  expected calibration error ${ece.toFixed(3)}`);

  const langs = [...new Set(rows.map((x) => x.c.language))].sort();
  lines.push('', `Language detected right, by language: ${langs.map((l) => `${l} ${rows.filter((x) => x.c.language === l && x.language === l).length}/${rows.filter((x) => x.c.language === l).length}`).join(', ')}`);
  lines.push(`Intent right, by language: ${langs.map((l) => `${l} ${rows.filter((x) => x.c.language === l && x.r.intent === x.c.intent).length}/${rows.filter((x) => x.c.language === l).length}`).join(', ')}`);

  const misses = rows.filter((x) => x.r.intent !== x.c.intent || x.language !== x.c.language);
  if (misses.length) {
    lines.push('', `${misses.length} disagreements${verbose ? ':' : ' (run with --verbose to list them)'}`);
    if (verbose) {
      for (const x of misses) {
        const what = x.r.intent !== x.c.intent ? `${x.c.intent} -> ${x.r.intent}${x.r.level ? ` (${x.r.level})` : ''} ${x.r.confidence}` : '';
        const lang = x.language !== x.c.language ? ` language ${x.c.language} -> ${x.language}` : '';
        lines.push(`  ${x.c.id} ${what}${lang}  | ${x.c.text}`);
      }
    }
  }
  return lines.join('\n');
}

function topOf(r: Classification): QueryCategory {
  return (Object.entries(r.scores) as [QueryCategory, number][]).sort((a, b) => b[1] - a[1])[0]![0];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  // --held-out-only: the shipped model on the held-out sets, without the (slow) cross-validation.
  if (!process.argv.includes('--held-out-only')) {
    const train = loadRouting('routing.jsonl');
    console.log(report(crossValidated(train), `Router, ${K_FOLDS}-fold cross-validation on tests/corpus/routing.jsonl (${train.length} messages, folds by frame)`, verbose));
  }
  const held = loadRouting('routing-heldout.jsonl');
  console.log('');
  console.log(report(shippedOn(held), `Router, shipped model on tests/corpus/routing-heldout.jsonl (${held.length} messages, never trained or tuned on)`, verbose));
  const fresh = loadRouting('routing-fresh-heldout.jsonl');
  console.log('');
  console.log(report(shippedOn(fresh), `Router, shipped model on tests/corpus/routing-fresh-heldout.jsonl (${fresh.length} messages written fresh for issue 16 before the model was run on them; never trained or tuned on)`, verbose));
  const probe = loadRouting('routing-probe-16m.jsonl');
  console.log('');
  console.log(report(shippedOn(probe), `Router, shipped model on tests/corpus/routing-probe-16m.jsonl (${probe.length} messages written and labelled blind for probe 16m before the model was run on them; never trained on)`, verbose));
  const probe16n = loadRouting('routing-probe-16n.jsonl');
  console.log('');
  console.log(report(shippedOn(probe16n), `Router, shipped model on tests/corpus/routing-probe-16n.jsonl (${probe16n.length} messages written and labelled blind for probe 16n before the model was run on them; never trained on)`, verbose));
}
