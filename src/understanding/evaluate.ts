// Scoring the engine on a labelled split of the understanding corpus (test/fixtures/understanding/):
// per-field accuracy with 95% Wilson intervals, per-class precision/recall, confusion matrices, and the
// goals of the understanding issue. Used by `npm run eval:triage` and by the regression test, so both
// judge the same way.
import { z } from 'zod';
import { TOWNSHIPS } from './gazetteer.ts';
import { CATEGORIES, KINDS, URGENCIES } from './rules.ts';
import { type Understanding, type UnderstandOptions, understand } from './understand.ts';

export const CorpusRow = z.object({
  id: z.string().min(1),
  register: z.string(),
  text: z.string(),
  kind: z.enum(KINDS),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES),
  suspected_crime: z.boolean(),
  crime_basis: z.array(z.string()),
  township: z.enum(TOWNSHIPS).nullable(),
  business: z.string().nullable(),
  business_type: z.string().nullable(),
  product: z.string().nullable(),
  incident_time: z.string().nullable(),
  harm: z.object({ ill: z.enum(['none', 'past', 'now']), count: z.number().int().nullable(), vulnerable: z.array(z.string()) }),
  request: z.array(z.string()),
  anonymous: z.boolean(),
  wants_reward: z.boolean(),
  other_authority: z.string().nullable(),
  pii: z.array(z.object({ type: z.string(), value: z.string() })),
});
export type CorpusRow = z.infer<typeof CorpusRow>;

export function parseCorpus(content: string, source = 'corpus'): CorpusRow[] {
  const rows: CorpusRow[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    const parsed = CorpusRow.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`${source} line ${i + 1}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message ?? ''}`);
    rows.push(parsed.data);
  });
  return rows;
}

/** Wilson score interval for k successes out of n at 95%. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z2 = 1.959964 ** 2;
  const p = k / n;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (1.959964 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface Rate {
  k: number;
  n: number;
  value: number;
  ci: [number, number];
}

const rate = (k: number, n: number): Rate => ({ k, n, value: n === 0 ? 1 : k / n, ci: wilson(k, n) });

export interface ClassStats {
  precision: Rate;
  recall: Rate;
}

export interface FieldReport {
  accuracy: Rate;
  perClass: Record<string, ClassStats>;
  /** expected → got → count (misses only). */
  confusion: Record<string, Record<string, number>>;
}

export interface Miss {
  id: string;
  field: string;
  expected: string;
  got: string;
  text: string;
}

export const GOALS = {
  kind: 0.9,
  category: 0.9,
  urgency: 0.85,
  township: 0.98,
  business: 0.85,
  crimeRecall: 0.95,
  crimePrecision: 0.85,
  urgentRecall: 1.0,
} as const;
export type GoalName = keyof typeof GOALS;

export interface SplitReport {
  rows: number;
  fields: Record<'kind' | 'category' | 'urgency', FieldReport>;
  township: Rate;
  business: Rate;
  crime: { precision: Rate; recall: Rate };
  urgent: { precision: Rate; recall: Rate };
  secondary: Record<string, Rate>;
  goals: Record<GoalName, { value: number; goal: number; met: boolean }>;
  misses: Miss[];
}

function fieldReport(pairs: readonly [string, string][], classes: readonly string[]): FieldReport {
  let ok = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const perClass: Record<string, ClassStats> = {};
  for (const [e, g] of pairs) {
    if (e === g) ok++;
    else {
      confusion[e] ??= {};
      confusion[e][g] = (confusion[e][g] ?? 0) + 1;
    }
  }
  for (const c of classes) {
    const tp = pairs.filter(([e, g]) => e === c && g === c).length;
    const predicted = pairs.filter(([, g]) => g === c).length;
    const actual = pairs.filter(([e]) => e === c).length;
    perClass[c] = { precision: rate(tp, predicted), recall: rate(tp, actual) };
  }
  return { accuracy: rate(ok, pairs.length), perClass, confusion };
}

/** Business names compare as typed, ignoring surrounding blanks and quotes. */
const cleanName = (s: string | null): string | null => (s === null ? null : s.trim().replace(/^[“"「『【《]|[”"」』】》]$/g, '') || null);

export function evaluateSplit(rows: readonly CorpusRow[], opts: UnderstandOptions = {}): SplitReport {
  const now = opts.now ?? new Date('2026-12-05T10:00:00+08:00');
  const results: Understanding[] = rows.map((r) => understand(r.text, { ...opts, now }));
  const misses: Miss[] = [];
  const short = (t: string): string => (t.length > 70 ? `${t.slice(0, 70)}…` : t);
  const miss = (r: CorpusRow, field: string, expected: unknown, got: unknown): void => {
    misses.push({ id: r.id, field, expected: String(expected), got: String(got), text: short(r.text) });
  };
  const pairs = { kind: [] as [string, string][], category: [] as [string, string][], urgency: [] as [string, string][] };
  let twOk = 0;
  let bizOk = 0;
  let crimeTp = 0;
  let crimeFp = 0;
  let crimeFn = 0;
  let urgTp = 0;
  let urgFp = 0;
  let urgFn = 0;
  const sec: Record<string, [number, number]> = {};
  const count = (name: string, ok: boolean): void => {
    const s = (sec[name] ??= [0, 0]);
    s[1]++;
    if (ok) s[0]++;
  };
  rows.forEach((r, i) => {
    const u = results[i]!;
    for (const f of ['kind', 'category', 'urgency'] as const) {
      pairs[f].push([r[f], u[f].value]);
      if (r[f] !== u[f].value) miss(r, f, r[f], u[f].value);
    }
    if (u.township.value === r.township) twOk++;
    else miss(r, 'township', r.township, u.township.value);
    if (cleanName(u.business.value) === cleanName(r.business)) bizOk++;
    else miss(r, 'business', r.business, u.business.value);
    const gc = u.suspected_crime.value;
    if (r.suspected_crime && gc) crimeTp++;
    else if (!r.suspected_crime && gc) {
      crimeFp++;
      miss(r, 'suspected_crime', false, `true ${u.crime_basis.value.join(' ')}`);
    } else if (r.suspected_crime && !gc) {
      crimeFn++;
      miss(r, 'suspected_crime', `true ${r.crime_basis.join(' ')}`, false);
    }
    const eu = r.urgency === 'urgent';
    const gu = u.urgency.value === 'urgent';
    if (eu && gu) urgTp++;
    else if (!eu && gu) urgFp++;
    else if (eu && !gu) urgFn++;
    count('anonymous', u.anonymous.value === r.anonymous);
    count('wants_reward', u.wants_reward.value === r.wants_reward);
    count(
      'incident_time (found when labelled)',
      r.incident_time === null ||
        (u.incident_time.value !== null &&
          (u.incident_time.value.phrase.includes(r.incident_time) || r.incident_time.includes(u.incident_time.value.phrase))),
    );
    count('incident_time (none when unlabelled)', r.incident_time !== null || u.incident_time.value === null);
    count('product', (u.product.value ?? null) === r.product);
    count('harm.ill', u.harm.value.ill === r.harm.ill);
    const eo = r.other_authority;
    const go = u.other_authority.value?.authority ?? null;
    count('other_authority', eo === go || (eo !== null && u.other_matters.some((m) => m.value.authority === eo)));
    const reqOk = ['refund', 'compensation', 'investigate'].every((q) => r.request.includes(q) === u.request.value.includes(q as never));
    count('request (refund/compensation/investigate)', reqOk);
    if (r.suspected_crime && gc)
      count(
        'crime_basis (first basis found)',
        r.crime_basis.some((b) => u.crime_basis.value.includes(b)),
      );
  });
  const n = rows.length;
  const fields = {
    kind: fieldReport(pairs.kind, KINDS),
    category: fieldReport(pairs.category, CATEGORIES),
    urgency: fieldReport(pairs.urgency, URGENCIES),
  };
  const crime = { precision: rate(crimeTp, crimeTp + crimeFp), recall: rate(crimeTp, crimeTp + crimeFn) };
  const urgent = { precision: rate(urgTp, urgTp + urgFp), recall: rate(urgTp, urgTp + urgFn) };
  const township = rate(twOk, n);
  const business = rate(bizOk, n);
  const values: Record<GoalName, number> = {
    kind: fields.kind.accuracy.value,
    category: fields.category.accuracy.value,
    urgency: fields.urgency.accuracy.value,
    township: township.value,
    business: business.value,
    crimeRecall: crime.recall.value,
    crimePrecision: crime.precision.value,
    urgentRecall: urgent.recall.value,
  };
  const goals = Object.fromEntries(
    (Object.keys(GOALS) as GoalName[]).map((g) => [g, { value: values[g], goal: GOALS[g], met: values[g] >= GOALS[g] }]),
  ) as SplitReport['goals'];
  const secondary = Object.fromEntries(Object.entries(sec).map(([k, [ok, all]]) => [k, rate(ok, all)]));
  return { rows: n, fields, township, business, crime, urgent, secondary, goals, misses };
}
