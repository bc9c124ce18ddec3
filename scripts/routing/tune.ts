/**
 * Dev-only: cross-validated figures for trainer options, so a change to features or regularisation is
 * chosen on out-of-fold predictions only (never on the held-out file). Prints, per option set: argmax
 * accuracy, accuracy with the two tiers at the thresholds train.ts would choose, safeguarding recall
 * (either tier), tier-one precision, and the concern-threshold trade-off.
 *   npx tsx scripts/routing/tune.ts '{"l2":1e-5}' '{"epochs":30}'
 */
import { softmax } from '../../lib/routing/model';
import { GROUPS } from '../../lib/routing/features';
import { chooseThresholds, K_FOLDS, loadRouting } from '../train';
import { CLASSES, DEFAULTS, fitTemperature, outOfFold, prepare, SAMPLE, type FitOptions } from './trainer';

const cases = loadRouting('routing.jsonl');
const S = CLASSES.indexOf('safeguarding');
const variants = process.argv.slice(2).length ? process.argv.slice(2) : ['{}'];
for (const v of variants) {
  const opt = JSON.parse(v) as Partial<FitOptions> & { groups?: Partial<typeof GROUPS>; power?: number };
  const savedGroups = { ...GROUPS };
  const savedPower = SAMPLE.power;
  Object.assign(GROUPS, opt.groups ?? {});
  if (opt.power !== undefined) SAMPLE.power = opt.power;
  const o = { ...DEFAULTS, ...opt };
  const started = performance.now();
  const examples = prepare(cases);
  const { logits } = outOfFold(examples, K_FOLDS, o);
  const ys = examples.map((e) => e.y);
  const temperature = fitTemperature(logits, ys);
  const probs = logits.map((l) => softmax(l, temperature));
  const th = chooseThresholds(examples, probs);
  const argmax = probs.map((p) => p.indexOf(Math.max(...p)));
  const lex = examples.map((e) => e.cues.scores.safeguarding ?? 0);
  const final = probs.map((p, i) => (argmax[i] === S ? S : p[S]! >= th.concern || lex[i]! >= th.lexiconConcern ? S : argmax[i]!));
  const n = examples.length;
  const acc = (pred: number[]) => pred.filter((p, i) => p === ys[i]).length / n;
  const safe = ys.map((y, i) => [y, i] as const).filter(([y]) => y === S);
  const recall = (pred: number[]) => safe.filter(([, i]) => pred[i] === S).length / safe.length;
  const t1 = probs.map((p, i) => argmax[i] === S && p[S]! >= th.disclosure);
  const t1n = t1.filter(Boolean).length;
  const t1p = t1.filter((b, i) => b && ys[i] === S).length / Math.max(1, t1n);
  console.log(
    `${v}: argmax ${(100 * acc(argmax)).toFixed(1)}% (recall ${recall(argmax).toFixed(3)}); with tiers ${(100 * acc(final)).toFixed(1)}% recall ${recall(final).toFixed(3)}; tier one ${t1n} p=${t1p.toFixed(3)}; T=${temperature} ${JSON.stringify(th)} ${((performance.now() - started) / 1000).toFixed(0)}s`,
  );
  // Figures on the messages that predate this round only (groups not written in it), so that corpora with
  // and without a new batch are compared on the same messages.
  const old = examples.map((e, i) => [e, i] as const).filter(([e]) => !/^(i-|\w{3}-i-)/.test(e.c.group)).map(([, i]) => i);
  const oldAcc = (pred: number[]) => old.filter((i) => pred[i] === ys[i]).length / old.length;
  const oldSafe = old.filter((i) => ys[i] === S);
  console.log(`   on the ${old.length} earlier messages: argmax ${(100 * oldAcc(argmax)).toFixed(1)}%, with tiers ${(100 * oldAcc(final)).toFixed(1)}%, recall ${(oldSafe.filter((i) => final[i] === S).length / oldSafe.length).toFixed(3)}`);
  if (process.env.CURVE) {
    for (const t of [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4]) {
      const pred = probs.map((p, i) => (argmax[i] === S || p[S]! >= t || lex[i]! >= th.lexiconConcern ? S : argmax[i]!));
      console.log(`   concern ${t}: acc ${(100 * acc(pred)).toFixed(1)} recall ${recall(pred).toFixed(3)}`);
    }
  }
  if (process.env.GRID) {
    for (const t of [0.06, 0.09, 0.12]) {
      for (const cap of [0.8, 0.9, 0.95, 1.01]) {
        const pred = probs.map((p, i) => (argmax[i] === S || ((p[S]! >= t && p[argmax[i]!]! < cap) || lex[i]! >= th.lexiconConcern) ? S : argmax[i]!));
        console.log(`   concern ${t}, unless another intent >= ${cap}: acc ${(100 * acc(pred)).toFixed(1)} recall ${recall(pred).toFixed(3)}`);
      }
    }
  }
  if (process.env.MISSES) {
    const lines: string[] = [];
    examples.forEach((e, i) => {
      if (argmax[i] !== ys[i]) lines.push(`${CLASSES[ys[i]!]} -> ${CLASSES[argmax[i]!]} ${probs[i]![argmax[i]!]!.toFixed(2)} [${e.c.group}] ${e.c.text}`);
    });
    lines.sort();
    (await import('node:fs')).writeFileSync(process.env.MISSES, lines.join('\n') + '\n');
  }
  Object.assign(GROUPS, savedGroups);
  SAMPLE.power = savedPower;
}
