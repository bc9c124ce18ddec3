/**
 * `npm run train`: trains the intent model on tests/corpus/routing.jsonl (never on routing-heldout.jsonl)
 * and writes lib/routing/data/model.json. The temperature and the thresholds are chosen on 5-fold
 * cross-validated predictions (folds by frame), never on the messages a model was trained on:
 *   - temperature: the one that minimises the out-of-fold negative log-likelihood;
 *   - tier one (disclosure): the lowest P(safeguarding) at which out-of-fold alarms are 95% right;
 *   - tier two (concern): the highest P(safeguarding) that still catches 99% of out-of-fold safeguarding
 *     messages, together with tier one and the lexicon;
 *   - lexicon: the lowest safeguarding cue score, 7 or more (two cue phrases), whose out-of-fold alarms are
 *     80% right.
 * Deterministic: the same corpus gives the same file, byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { softmax, type ModelFile } from '../lib/routing/model';
import type { RoutingCase } from './corpus/generate';
import { CLASSES, DEFAULTS, corpusSha, fit, fitTemperature, outOfFold, pack, prepare, type Example } from './routing/trainer';

export const K_FOLDS = 5;
/** Out-of-fold safeguarding recall tier two is set to reach (see chooseThresholds). */
export const TIER_TWO_RECALL = 0.99;

export function loadRouting(file: string): RoutingCase[] {
  return readFileSync(new URL(`../tests/corpus/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RoutingCase);
}

export function chooseThresholds(examples: Example[], probs: Float64Array[]): ModelFile['thresholds'] {
  const S = CLASSES.indexOf('safeguarding');
  const isSafe = examples.map((e) => e.c.intent === 'safeguarding');
  const argmax = probs.map((p) => p.indexOf(Math.max(...p)));
  const lex = examples.map((e) => e.cues.scores.safeguarding ?? 0);
  let disclosure = 0.95;
  for (let t = 0.3; t <= 0.951; t += 0.01) {
    let tp = 0;
    let fp = 0;
    probs.forEach((p, i) => {
      if (argmax[i] === S && p[S]! >= t) isSafe[i] ? tp++ : fp++;
    });
    if (tp + fp > 0 && tp / (tp + fp) >= 0.95) {
      disclosure = Number(t.toFixed(2));
      break;
    }
  }
  // Never below 7: a single cue phrase (weights reach 6: "police", "bruises", "social worker") does not
  // raise a concern by itself; the model weighs it with the rest of the message. Two do.
  let lexiconConcern = 99;
  for (let l = 7; l <= 30; l++) {
    let tp = 0;
    let fp = 0;
    lex.forEach((s, i) => {
      if (s >= l) isSafe[i] ? tp++ : fp++;
    });
    if (tp + fp > 0 && tp / (tp + fp) >= 0.8) {
      lexiconConcern = l;
      break;
    }
  }
  // Tier two: recall first. The highest bar that still catches 99% of safeguarding messages out of fold
  // (with tier one and the lexicon): every point higher is fewer harmless messages read as a concern.
  // 99%, not 97%: out-of-fold recall overstates recall on messages unlike the corpus (the held-out files
  // ran 4 to 6 points lower), and the school needs 95% on those; near 97% the curve is steep (0.28 -> 0.15
  // costs 0.7 points of intent accuracy out of fold and gains 2 points of recall).
  const positives = isSafe.filter(Boolean).length;
  let concern = 0.05;
  for (let t = 0.5; t >= 0.05; t -= 0.01) {
    let found = 0;
    probs.forEach((p, i) => {
      if (isSafe[i] && (p[S]! >= t || lex[i]! >= lexiconConcern || argmax[i] === S)) found++;
    });
    if (found / positives >= TIER_TWO_RECALL) {
      concern = Number(t.toFixed(2));
      break;
    }
  }
  return { unsure: 0.5, disclosure, concern, lexiconConcern };
}

export function trainShipped(cases: RoutingCase[], log = console.log): ModelFile {
  const examples = prepare(cases);
  const { logits } = outOfFold(examples, K_FOLDS);
  const temperature = fitTemperature(logits, examples.map((e) => e.y));
  const probs = logits.map((l) => softmax(l, temperature));
  const thresholds = chooseThresholds(examples, probs);
  log(`temperature ${temperature}; thresholds ${JSON.stringify(thresholds)}`);
  return pack(fit(examples, DEFAULTS), DEFAULTS, { temperature, thresholds, trainedOn: { messages: cases.length, sha: corpusSha(cases) } });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const cases = loadRouting('routing.jsonl');
  const model = trainShipped(cases);
  const json = JSON.stringify(model);
  writeFileSync(new URL('../lib/routing/data/model.json', import.meta.url), `${json}\n`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `lib/routing/data/model.json: ${cases.length} messages, ${Buffer.from(model.weights, 'base64').length / CLASSES.length} features, ${kb(json.length)} (${kb(gzipSync(json, { level: 9 }).length)} gzipped), in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
