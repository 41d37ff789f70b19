// Scoring the classifier against a labelled JSONL set. Used by `npm run eval:triage` and by the
// regression test, so both judge the same way.

import { z } from 'zod';
import { CATEGORIES, KINDS, URGENCIES, triage, type TriageResult } from './triage.ts';
import { TOWNSHIPS } from '../understanding/gazetteer.ts';

export const EvalRow = z.object({
  id: z.string().min(1),
  text: z.string(),
  kind: z.enum(KINDS),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES),
  suspected_crime: z.boolean(),
  township: z.enum(TOWNSHIPS).nullable(),
});
export type EvalRow = z.infer<typeof EvalRow>;

export const TARGETS = {
  category: 0.9,
  kind: 0.85,
  urgency: 0.85,
  township: 0.95,
  crimeRecall: 0.95,
  crimePrecision: 0.8,
  urgentRecall: 0.95,
} as const;
export type TargetName = keyof typeof TARGETS;

export function parseEvalFile(content: string): EvalRow[] {
  const rows: EvalRow[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    const parsed = EvalRow.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`eval row on line ${i + 1} is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
    rows.push(parsed.data);
  });
  return rows;
}

export interface Miss {
  id: string;
  field: string;
  expected: string;
  got: string;
  text: string;
}
export interface PrecisionRecall {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  rows: number;
  accuracy: { kind: number; category: number; urgency: number; township: number };
  townshipRows: number;
  /** Rows labelled with no place where the classifier named a township anyway. */
  townshipSpurious: number;
  crime: PrecisionRecall;
  urgent: PrecisionRecall;
  confusion: Record<'kind' | 'category' | 'urgency', Record<string, number>>;
  misses: Miss[];
  targets: Record<TargetName, { value: number; target: number; met: boolean }>;
}

function pr(tp: number, fp: number, fn: number): PrecisionRecall {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function evaluate(rows: readonly EvalRow[], classify: (text: string) => TriageResult = (text) => triage({ text })): EvalReport {
  let kindOk = 0;
  let catOk = 0;
  let urgOk = 0;
  let twOk = 0;
  let twRows = 0;
  let twSpurious = 0;
  let crimeTp = 0,
    crimeFp = 0,
    crimeFn = 0,
    urgTp = 0,
    urgFp = 0,
    urgFn = 0;
  const confusion: EvalReport['confusion'] = { kind: {}, category: {}, urgency: {} };
  const misses: Miss[] = [];
  const short = (t: string): string => (t.length > 60 ? `${t.slice(0, 60)}…` : t);
  const miss = (r: EvalRow, field: string, expected: string, got: string): void => {
    misses.push({ id: r.id, field, expected, got, text: short(r.text) });
  };
  for (const r of rows) {
    const res = classify(r.text);
    for (const field of ['kind', 'category', 'urgency'] as const) {
      const expected = r[field];
      const got = res[field];
      if (expected === got) {
        if (field === 'kind') kindOk++;
        else if (field === 'category') catOk++;
        else urgOk++;
      } else {
        const key = `${expected} → ${got}`;
        confusion[field][key] = (confusion[field][key] ?? 0) + 1;
        miss(r, field, expected, got);
      }
    }
    if (r.township !== null) {
      twRows++;
      if (res.township === r.township) twOk++;
      else miss(r, 'township', r.township, String(res.township));
    } else if (res.township !== null) {
      twSpurious++;
      miss(r, 'township', 'null', res.township);
    }
    if (r.suspected_crime && res.suspectedCrime) crimeTp++;
    else if (!r.suspected_crime && res.suspectedCrime) {
      crimeFp++;
      miss(r, 'suspected_crime', 'false', `true ${res.crimeBasis.join(' ')}`);
    } else if (r.suspected_crime && !res.suspectedCrime) {
      crimeFn++;
      miss(r, 'suspected_crime', 'true', 'false');
    }
    const eu = r.urgency === 'urgent';
    const gu = res.urgency === 'urgent';
    if (eu && gu) urgTp++;
    else if (!eu && gu) urgFp++;
    else if (eu && !gu) urgFn++;
  }
  const n = rows.length || 1;
  const accuracy = { kind: kindOk / n, category: catOk / n, urgency: urgOk / n, township: twRows === 0 ? 1 : twOk / twRows };
  const crime = pr(crimeTp, crimeFp, crimeFn);
  const urgent = pr(urgTp, urgFp, urgFn);
  const values: Record<TargetName, number> = {
    category: accuracy.category,
    kind: accuracy.kind,
    urgency: accuracy.urgency,
    township: accuracy.township,
    crimeRecall: crime.recall,
    crimePrecision: crime.precision,
    urgentRecall: urgent.recall,
  };
  const targets = Object.fromEntries(
    (Object.keys(TARGETS) as TargetName[]).map((k) => [k, { value: values[k], target: TARGETS[k], met: values[k] >= TARGETS[k] }]),
  ) as EvalReport['targets'];
  return { rows: rows.length, accuracy, townshipRows: twRows, townshipSpurious: twSpurious, crime, urgent, confusion, misses, targets };
}
