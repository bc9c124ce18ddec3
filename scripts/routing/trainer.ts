/**
 * Trains the intent model (dev-only): multinomial logistic regression by seeded stochastic gradient
 * descent with L2 decay on the features of lib/routing/features.ts, then pruned, centred and quantised
 * to int8 for lib/routing/data/model.json. Deterministic: a fixed seed, a fixed order, no threads.
 *
 * No library: a well-kept JavaScript trainer for sparse hashed features was not among the packages here,
 * and the whole of it is the forty lines of `fit` below.
 */
import { createHash } from 'node:crypto';
import { QUERY_CATEGORIES, type QueryCategory } from '../../lib/policy/schema';
import { featurize, scanCues, type CueScan, type Features } from '../../lib/routing/features';
import { IntentModel, softmax, type ModelFile } from '../../lib/routing/model';
import { tokenize, type Token } from '../../lib/text/tokens';
import { hash32, rng, type RoutingCase } from '../corpus/generate';

export interface Example {
  c: RoutingCase;
  tokens: Token[];
  cues: CueScan;
  f: Features;
  y: number;
}

export const CLASSES: QueryCategory[] = [...QUERY_CATEGORIES];

export function prepare(cases: RoutingCase[]): Example[] {
  return cases.map((c) => {
    const tokens = tokenize(c.text);
    const cues = scanCues(c.text, tokens);
    return { c, tokens, cues, f: featurize(tokens, cues), y: CLASSES.indexOf(c.intent) };
  });
}

export interface FitOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  maxFeatures: number;
}
/**
 * Chosen by 5-fold cross-validation on routing.jsonl (out-of-fold accuracy, 3,007 messages): 20,000 kept
 * features 0.802 against 9,000 0.796; 12 epochs 0.794; character n-grams louder 0.798; cue features at 1
 * (not 0.25) 0.772; stems as extra features 0.803 (not kept: no gain for the size). The rate is 2 with
 * frames weighted equally (below); 0.5 before.
 * Issue 16 round i (4,174 messages, scripts/routing/tune.ts): l2 2e-5 argmax 0.878 (0.854 with the two
 * tiers), 5e-5 0.880, 1e-4 0.883 (0.858), 2e-4 0.884 (0.856); 1e-4 with 25,000 features 0.885 (0.859),
 * about 125 KB gzipped. Character n-grams at 1.5 and cues at 0.5 were no better.
 */
export const DEFAULTS: FitOptions = { epochs: 24, rate: 2, l2: 1e-4, seed: 16, maxFeatures: 25000 };

/** Each message weighs 1 / (its frame's size) ** power: 1, every frame counts once (0.815 out of fold, against 0.806 at 0). */
export const SAMPLE = { power: 1 };

/** Dense weights over the features seen in training: id -> row. */
export interface Fitted {
  index: Map<number, number>;
  w: Float64Array;
}

export function fit(examples: Example[], o: FitOptions = DEFAULTS): Fitted {
  const K = CLASSES.length;
  const index = new Map<number, number>();
  const rows = examples.map((e) => e.f.ids.map((id) => index.get(id) ?? (index.set(id, index.size), index.size - 1)));
  const w = new Float64Array(index.size * K);
  // Rarer intents weigh a little more, so a small class is not drowned (square root: not all the way).
  const counts = new Array(K).fill(0);
  for (const e of examples) counts[e.y]++;
  const mean = examples.length / K;
  const classWeight = counts.map((n) => (n ? Math.sqrt(mean / n) : 0));
  // Each frame counts about as much as a one-off message, however many times it was expanded.
  const groupSize = new Map<string, number>();
  for (const e of examples) groupSize.set(e.c.group, (groupSize.get(e.c.group) ?? 0) + 1);
  const sampleWeight = examples.map((e) => groupSize.get(e.c.group)! ** -SAMPLE.power);
  const order = examples.map((_, i) => i);
  const r = rng(o.seed);
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = o.rate / (1 + epoch * 0.25);
    for (const n of order) {
      const e = examples[n]!;
      const ids = rows[n]!;
      const vals = e.f.values;
      logits.fill(0);
      for (let j = 0; j < ids.length; j++) {
        const base = ids[j]! * K;
        const v = vals[j]!;
        for (let c = 0; c < K; c++) logits[c]! += w[base + c]! * v;
      }
      const p = softmax(logits);
      const cw = classWeight[e.y]! * sampleWeight[n]!;
      for (let c = 0; c < K; c++) p[c] = (p[c]! - (c === e.y ? 1 : 0)) * cw;
      for (let j = 0; j < ids.length; j++) {
        const base = ids[j]! * K;
        const v = vals[j]!;
        for (let c = 0; c < K; c++) w[base + c]! -= rate * (p[c]! * v + o.l2 * w[base + c]!);
      }
    }
  }
  return { index, w };
}

function varint(out: number[], n: number) {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/** Centre each row (softmax ignores a constant), keep the strongest rows, quantise to int8. */
export function pack(fitted: Fitted, o: FitOptions, extra: Pick<ModelFile, 'temperature' | 'thresholds' | 'trainedOn'>): ModelFile {
  const K = CLASSES.length;
  const rows: { id: number; w: number[]; strength: number }[] = [];
  for (const [id, row] of fitted.index) {
    const w = Array.from(fitted.w.subarray(row * K, row * K + K));
    const m = w.reduce((a, b) => a + b, 0) / K;
    const centred = w.map((x) => x - m);
    rows.push({ id, w: centred, strength: Math.max(...centred.map(Math.abs)) });
  }
  rows.sort((a, b) => b.strength - a.strength || a.id - b.id);
  const kept = rows.slice(0, o.maxFeatures).sort((a, b) => a.id - b.id);
  const maxAbs = Math.max(...kept.map((r) => r.strength));
  const scale = maxAbs / 127;
  const idBytes: number[] = [];
  let prev = 0;
  const weights = new Int8Array(kept.length * K);
  kept.forEach((r, i) => {
    varint(idBytes, r.id - prev);
    prev = r.id;
    r.w.forEach((x, c) => (weights[i * K + c] = Math.max(-127, Math.min(127, Math.round(x / scale)))));
  });
  return {
    version: 1,
    classes: CLASSES,
    dim: 1 << 20,
    scale: Number(scale.toPrecision(8)),
    ids: Buffer.from(idBytes).toString('base64'),
    weights: Buffer.from(weights.buffer).toString('base64'),
    ...extra,
  };
}

export const NO_THRESHOLDS: ModelFile['thresholds'] = { unsure: 0.5, disclosure: 0.6, concern: 0.2, lexiconConcern: 6 };

/** Trains on `examples` and returns a model as shipped (pruned, quantised), for cross-validation. */
export function trainModel(examples: Example[], extra: Partial<Pick<ModelFile, 'temperature' | 'thresholds'>> = {}, o = DEFAULTS): IntentModel {
  const file = pack(fit(examples, o), o, {
    temperature: extra.temperature ?? 1,
    thresholds: extra.thresholds ?? NO_THRESHOLDS,
    trainedOn: { messages: examples.length, sha: '' },
  });
  return new IntentModel(file);
}

/** Fold of a message: by its group, so a frame's expansions are never on both sides. */
export function foldOf(c: RoutingCase, k: number): number {
  return hash32(`fold:${c.group}`) % k;
}

/** Out-of-fold raw logits for every example (k-fold by group). */
export function outOfFold(examples: Example[], k: number, o = DEFAULTS): { logits: Float64Array[]; models: IntentModel[] } {
  const logits: Float64Array[] = new Array(examples.length);
  const models: IntentModel[] = [];
  for (let fold = 0; fold < k; fold++) {
    const model = trainModel(examples.filter((e) => foldOf(e.c, k) !== fold), {}, o);
    models.push(model);
    examples.forEach((e, i) => {
      if (foldOf(e.c, k) === fold) logits[i] = model.logits(e.f);
    });
  }
  return { logits, models };
}

/** The temperature that minimises the negative log-likelihood of out-of-fold predictions. */
export function fitTemperature(logits: Float64Array[], ys: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.2; t <= 4.001; t += 0.02) {
    let nll = 0;
    logits.forEach((l, i) => (nll -= Math.log(Math.max(1e-12, softmax(l, t)[ys[i]!]!))));
    if (nll < bestNll) {
      bestNll = nll;
      best = Number(t.toFixed(2));
    }
  }
  return best;
}

export function corpusSha(cases: RoutingCase[]): string {
  return createHash('sha256').update(cases.map((c) => `${c.intent}\t${c.text}`).join('\n')).digest('hex').slice(0, 16);
}
