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

export function predict(head: Head, features: Features, topN = 4): Prediction {
  const k = head.classes.length;
  const scores = head.bias.slice(0, k);
  for (const [f, v] of features) {
    const w = head.weights[f];
    if (w === undefined) continue;
    for (let c = 0; c < k; c++) scores[c] = (scores[c] ?? 0) + (w[c] ?? 0) * v;
  }
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let z = 0;
  const exp = scores.map((s) => {
    const e = Math.exp(s - max);
    z += e;
    return e;
  });
  let best = 0;
  for (let c = 1; c < k; c++) if ((exp[c] ?? 0) > (exp[best] ?? 0)) best = c;
  const probabilities: Record<string, number> = {};
  head.classes.forEach((cls, c) => {
    probabilities[cls] = (exp[c] ?? 0) / z;
  });
  const top: { feature: string; contribution: number }[] = [];
  for (const [f, v] of features) {
    const w = head.weights[f];
    if (w === undefined) continue;
    // Contribution towards the winner relative to the mean of the other classes.
    let others = 0;
    for (let c = 0; c < k; c++) if (c !== best) others += (w[c] ?? 0) * v;
    const contribution = (w[best] ?? 0) * v - others / Math.max(1, k - 1);
    if (contribution > 0) top.push({ feature: f, contribution });
  }
  top.sort((a, b) => b.contribution - a.contribution);
  const label = head.classes[best] ?? '';
  return { label, probability: probabilities[label] ?? 0, probabilities, top: top.slice(0, topN) };
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
