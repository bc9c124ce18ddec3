/**
 * The trained intent model: a multinomial logistic regression over the hashed features of features.ts,
 * its weights in data/model.json (written by `npm run train`, never by hand). Inference is a sparse dot
 * product: each feature present looks up its row of weights, one per intent. Probabilities are
 * temperature-scaled, the temperature fitted on cross-validated predictions so that "80% sure" is right
 * about 80% of the time on messages the model was not trained on.
 */
import modelData from './data/model.json';
import type { QueryCategory } from '../policy/schema';
import type { Features } from './features';

export interface ModelFile {
  version: number;
  classes: QueryCategory[];
  dim: number;
  temperature: number;
  /** Weights are int8, times this. */
  scale: number;
  thresholds: {
    /** Below this probability the router says it is unsure and shows the two likeliest destinations. */
    unsure: number;
    /** P(safeguarding) at or above this, as the likeliest intent: a clear disclosure (tier one). */
    disclosure: number;
    /** P(safeguarding) at or above this: a possible concern (tier two). */
    concern: number;
    /** A safeguarding cue score at or above this is a concern whatever the model says. */
    lexiconConcern: number;
  };
  /** Feature ids, ascending, delta- and varint-encoded, base64. */
  ids: string;
  /** int8 weights, one row of `classes.length` per id, base64. */
  weights: string;
  trainedOn: { messages: number; sha: string };
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export class IntentModel {
  readonly classes: QueryCategory[];
  readonly thresholds: ModelFile['thresholds'];
  readonly temperature: number;
  private readonly rows = new Map<number, number>();
  private readonly w: Float32Array;
  private readonly k: number;

  constructor(file: ModelFile) {
    this.classes = file.classes;
    this.thresholds = file.thresholds;
    this.temperature = file.temperature;
    this.k = file.classes.length;
    const bytes = fromBase64(file.ids);
    let id = 0;
    let row = 0;
    for (let i = 0; i < bytes.length; ) {
      let delta = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[i++]!;
        delta += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      id += delta;
      this.rows.set(id, row++);
    }
    const raw = fromBase64(file.weights);
    this.w = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) this.w[i] = ((raw[i]! << 24) >> 24) * file.scale;
  }

  /** Raw scores per class, and each feature's contribution to each class, for explaining. */
  logits(f: Features): Float64Array {
    const out = new Float64Array(this.k);
    for (let j = 0; j < f.ids.length; j++) {
      const row = this.rows.get(f.ids[j]!);
      if (row === undefined) continue;
      const v = f.values[j]!;
      const base = row * this.k;
      for (let c = 0; c < this.k; c++) out[c]! += this.w[base + c]! * v;
    }
    return out;
  }

  /** Calibrated probabilities, in the order of `classes`. */
  probabilities(logits: Float64Array): Float64Array {
    return softmax(logits, this.temperature);
  }

  /** Per token, how much it pushed `intent` up against the other intents' average. */
  contributions(f: Features, intent: QueryCategory, tokenCount: number): Float64Array {
    const c = this.classes.indexOf(intent);
    const out = new Float64Array(tokenCount);
    for (let j = 0; j < f.ids.length; j++) {
      const t = f.from[j]!;
      if (t < 0) continue;
      const row = this.rows.get(f.ids[j]!);
      if (row === undefined) continue;
      const base = row * this.k;
      let mean = 0;
      for (let x = 0; x < this.k; x++) mean += this.w[base + x]!;
      mean /= this.k;
      out[t]! += (this.w[base + c]! - mean) * f.values[j]!;
    }
    return out;
  }
}

export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const scaled = Float64Array.from(logits, (x) => x / temperature);
  let max = -Infinity;
  for (let i = 0; i < scaled.length; i++) max = Math.max(max, scaled[i]!);
  const out = new Float64Array(scaled.length);
  let sum = 0;
  for (let i = 0; i < scaled.length; i++) {
    out[i] = Math.exp(scaled[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * (1 / sum);
  return out;
}

let shipped: IntentModel | undefined;
/** The model shipped in data/model.json, decoded once. */
export function shippedModel(): IntentModel {
  return (shipped ??= new IntentModel(modelData as ModelFile));
}
