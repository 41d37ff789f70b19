// Training the model heads: multinomial logistic regression by AdaGrad over the train rows in a
// seeded order, with L2 shrinkage. Deterministic: the same rows and settings give byte-identical
// weights (fixed seed, fixed iteration order, weights rounded to 4 decimals), so the committed
// model.json can be rebuilt and compared by `npm run train:understanding`.
import { featuresOf } from './features.ts';
import { HEADS, type Features, type Head, type HeadName, type ModelFile } from './model.ts';
import { CATEGORIES, KINDS, URGENCIES, readRules } from './rules.ts';

export interface TrainRow {
  id: string;
  text: string;
  kind: string;
  category: string;
  urgency: string;
  suspected_crime: boolean;
}

export const HEAD_CLASSES: Record<HeadName, readonly string[]> = {
  kind: KINDS,
  category: CATEGORIES,
  urgency: URGENCIES,
  crime: ['no', 'yes'],
};

export function labelOf(row: TrainRow, head: HeadName): string {
  if (head === 'crime') return row.suspected_crime ? 'yes' : 'no';
  return row[head];
}

export interface Hyper {
  l2: number;
  epochs: number;
  minCount: number;
}

export const DEFAULT_HYPER: Hyper = { l2: 1e-4, epochs: 15, minCount: 3 };

/** Mulberry32: a small seeded PRNG, enough for a reproducible shuffle. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rowFeatures(text: string): Features {
  const { result, signals } = readRules({ text });
  return featuresOf(result, signals);
}

export function trainHead(
  examples: readonly { f: Features; y: number }[],
  k: number,
  vocab: ReadonlySet<string>,
  hyper: Hyper,
  seed = 7,
): Head & { classes: string[] } {
  const weights = new Map<string, Float64Array>();
  const grad2 = new Map<string, Float64Array>();
  const bias = new Float64Array(k);
  const bias2 = new Float64Array(k).fill(1e-8);
  const lr = 0.3;
  const order = examples.map((_, i) => i);
  const rand = rng(seed);
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < hyper.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const ex = examples[idx]!;
      scores.set(bias);
      for (const [name, v] of ex.f) {
        if (!vocab.has(name)) continue;
        const w = weights.get(name);
        if (w === undefined) continue;
        for (let c = 0; c < k; c++) scores[c]! += w[c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (scores[c]! > max) max = scores[c]!;
      let z = 0;
      for (let c = 0; c < k; c++) {
        scores[c] = Math.exp(scores[c]! - max);
        z += scores[c]!;
      }
      for (let c = 0; c < k; c++) {
        const g = scores[c]! / z - (c === ex.y ? 1 : 0);
        bias2[c]! += g * g;
        bias[c]! -= (lr * g) / Math.sqrt(bias2[c]!);
      }
      for (const [name, v] of ex.f) {
        if (!vocab.has(name)) continue;
        let w = weights.get(name);
        let g2 = grad2.get(name);
        if (w === undefined || g2 === undefined) {
          w = new Float64Array(k);
          g2 = new Float64Array(k).fill(1e-8);
          weights.set(name, w);
          grad2.set(name, g2);
        }
        for (let c = 0; c < k; c++) {
          const g = (scores[c]! / z - (c === ex.y ? 1 : 0)) * v + hyper.l2 * w[c]!;
          g2[c]! += g * g;
          w[c]! -= (lr * g) / Math.sqrt(g2[c]!);
        }
      }
    }
  }
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const out: Record<string, number[]> = {};
  for (const name of [...weights.keys()].sort()) {
    const w = [...weights.get(name)!].map(round);
    if (w.some((x) => Math.abs(x) >= 0.002)) out[name] = w;
  }
  return { classes: [], bias: [...bias].map(round), weights: out };
}

export function train(rows: readonly TrainRow[], trainedOn: string, hyper: Hyper = DEFAULT_HYPER): ModelFile {
  const feats = rows.map((r) => rowFeatures(r.text));
  const counts = new Map<string, number>();
  for (const f of feats) for (const name of f.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const vocab = new Set([...counts].filter(([name, n]) => n >= hyper.minCount || !name.startsWith('g:')).map(([name]) => name));
  const heads = {} as Record<HeadName, Head>;
  for (const head of HEADS) {
    const classes = HEAD_CLASSES[head];
    const examples = rows.map((r, i) => ({ f: feats[i]!, y: classes.indexOf(labelOf(r, head)) })).filter((e) => e.y >= 0);
    const h = trainHead(examples, classes.length, vocab, hyper);
    heads[head] = { classes, bias: h.bias, weights: h.weights };
  }
  return { version: 1, trainedOn, hyper, heads };
}
