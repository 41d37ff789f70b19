// The statistical half of the engine: one multinomial logistic regression per decision (kind, category,
// urgency, suspected crime) over sparse features — character n-grams of the text and the rules' own
// signals (see features.ts). Trained by `npm run train:understanding` on the train split only; the
// weights live in model.json beside this file, so inference is a table lookup per feature. A model
// decision is explained by its strongest features, which become the reasons staff see.
//
// Pure: the weights are loaded once at import; no I/O after that.
import { readFileSync } from 'node:fs';

export interface Head {
  classes: readonly string[];
  bias: readonly number[];
  /** feature → one weight per class (same order as `classes`). */
  weights: Readonly<Record<string, readonly number[]>>;
}

export const HEADS = ['kind', 'category', 'urgency', 'crime'] as const;
export type HeadName = (typeof HEADS)[number];

export interface ModelFile {
  version: 1;
  /** SHA-256 of the train file the weights came from: a model is tied to its data. */
  trainedOn: string;
  hyper: { l2: number; epochs: number; minCount: number };
  heads: Record<HeadName, Head>;
}

export type Features = Map<string, number>;

export interface Prediction {
  label: string;
  probability: number;
  /** Every class's probability, in the head's class order. */
  probabilities: Record<string, number>;
  /** Features that pushed most towards `label` (feature id and its contribution). */
  top: { feature: string; contribution: number }[];
}

/**
 * The model's weights compiled once for inference: every head's weights of a feature side by side in one
 * Float64Array, so a feature is looked up once for all heads (the lookups were most of the time).
 */
interface Compiled {
  offsets: Record<HeadName, number>;
  width: number;
  table: Map<string, Float64Array>;
}

const compiledModels = new WeakMap<ModelFile, Compiled>();

function compile(m: ModelFile): Compiled {
  let c = compiledModels.get(m);
  if (c !== undefined) return c;
  const offsets = {} as Record<HeadName, number>;
  let width = 0;
  for (const h of HEADS) {
    offsets[h] = width;
    width += m.heads[h].classes.length;
  }
  const table = new Map<string, Float64Array>();
  for (const h of HEADS) {
    const head = m.heads[h];
    for (const [f, w] of Object.entries(head.weights)) {
      let row = table.get(f);
      if (row === undefined) {
        row = new Float64Array(width);
        table.set(f, row);
      }
      for (let i = 0; i < w.length; i++) row[offsets[h] + i] = w[i] ?? 0;
    }
  }
  c = { offsets, width, table };
  compiledModels.set(m, c);
  return c;
}

/**
 * Every head's prediction from one pass over the features. The pass allocates nothing per feature (it was
 * most of intake's understanding time with the garbage it made); the features a decision's explanation
 * needs are looked up again only when `top` is read. `features` must not change after the call.
 */
export function predictAll(m: ModelFile, features: Features, topN = 4): Record<HeadName, Prediction> {
  const { offsets, width, table } = compile(m);
  const scores = new Float64Array(width);
  for (const [f, v] of features) {
    const w = table.get(f);
    if (w === undefined) continue;
    for (let i = 0; i < width; i++) scores[i]! += w[i]! * v;
  }
  let known: [string, number, Float64Array][] | null = null;
  const knownFeatures = (): readonly [string, number, Float64Array][] => {
    if (known === null) {
      known = [];
      for (const [f, v] of features) {
        const w = table.get(f);
        if (w !== undefined) known.push([f, v, w]);
      }
    }
    return known;
  };
  const out = {} as Record<HeadName, Prediction>;
  for (const h of HEADS) out[h] = finish(m.heads[h], offsets[h], scores, knownFeatures, topN);
  return out;
}

function finish(
  head: Head,
  at: number,
  scores: Float64Array,
  knownFeatures: () => readonly [string, number, Float64Array][],
  topN: number,
): Prediction {
  const k = head.classes.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, scores[at + c]! + (head.bias[c] ?? 0));
  let z = 0;
  const exp = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    exp[c] = Math.exp(scores[at + c]! + (head.bias[c] ?? 0) - max);
    z += exp[c]!;
  }
  let best = 0;
  for (let c = 1; c < k; c++) if (exp[c]! > exp[best]!) best = c;
  const probabilities: Record<string, number> = {};
  head.classes.forEach((cls, c) => {
    probabilities[cls] = exp[c]! / z;
  });
  const label = head.classes[best] ?? '';
  // The explanation is computed only when a caller reads it (most decisions keep the rules' reasons).
  let top: { feature: string; contribution: number }[] | null = null;
  return {
    label,
    probability: probabilities[label] ?? 0,
    probabilities,
    get top() {
      if (top === null) {
        const all: { feature: string; contribution: number }[] = [];
        for (const [f, v, w] of knownFeatures()) {
          // Contribution towards the winner relative to the mean of the other classes.
          let others = 0;
          for (let c = 0; c < k; c++) if (c !== best) others += w[at + c]! * v;
          const contribution = w[at + best]! * v - others / Math.max(1, k - 1);
          if (contribution > 0) all.push({ feature: f, contribution });
        }
        all.sort((a, b) => b.contribution - a.contribution);
        top = all.slice(0, topN);
      }
      return top;
    },
  };
}

/** One head's prediction (the trainer evaluates heads one at a time). */
export function predict(head: Head, features: Features, topN = 4): Prediction {
  const k = head.classes.length;
  const scores = new Float64Array(k);
  const known: [string, number, Float64Array][] = [];
  for (const [f, v] of features) {
    const w = head.weights[f];
    if (w === undefined) continue;
    const row = Float64Array.from(w);
    known.push([f, v, row]);
    for (let c = 0; c < k; c++) scores[c]! += row[c]! * v;
  }
  return finish(head, 0, scores, () => known, topN);
}

let loaded: ModelFile | null | undefined;

/** The committed model, or null when the file is missing or unreadable (the rules then decide alone). */
export function model(): ModelFile | null {
  if (loaded !== undefined) return loaded;
  try {
    const raw = JSON.parse(readFileSync(new URL('./model.json', import.meta.url), 'utf8')) as ModelFile;
    loaded = raw.version === 1 && HEADS.every((h) => raw.heads[h] !== undefined) ? raw : null;
  } catch {
    loaded = null;
  }
  return loaded;
}

/** For tests and the trainer: use these weights instead of the committed file (null: rules only). */
export function setModel(m: ModelFile | null): void {
  loaded = m;
}
