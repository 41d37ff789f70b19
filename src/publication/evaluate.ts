// Evaluation of the anonymiser against a labelled JSONL set (test/fixtures/anonymise-eval.jsonl).
// Strict match = same type and same value (as a multiset per text). "Masked anyway" (lenient)
// recall = every occurrence of the labelled value is covered by findings of any type.
import { findPii, PII_TYPES, type Finding, type PiiType } from './anonymiser.ts';

export interface EvalItem {
  id: string;
  text: string;
  pii: { type: PiiType; value: string }[];
}

export interface TypeStats {
  gold: number;
  predicted: number;
  tp: number;
  covered: number;
  recall: number;
  precision: number;
  lenientRecall: number;
}

export interface EvalMiss {
  id: string;
  kind: 'missed' | 'spurious';
  type: PiiType;
  value: string;
}

export interface Target {
  name: string;
  metric: 'recall' | 'precision';
  types: PiiType[] | 'all';
  min: number;
  actual: number;
  met: boolean;
}

export interface EvalReport {
  items: number;
  perType: Record<PiiType, TypeStats>;
  phone: TypeStats;
  overall: TypeStats;
  targets: Target[];
  allMet: boolean;
  misses: EvalMiss[];
}

export function parseEvalJsonl(content: string): EvalItem[] {
  const items: EvalItem[] = [];
  content.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    const raw: unknown = JSON.parse(line);
    if (typeof raw !== 'object' || raw === null) throw new Error(`line ${n + 1}: not an object`);
    const o = raw as { id?: unknown; text?: unknown; pii?: unknown };
    if (typeof o.text !== 'string' || !Array.isArray(o.pii)) throw new Error(`line ${n + 1}: needs text and pii[]`);
    const pii = o.pii.map((p: unknown, k: number) => {
      const q = p as { type?: unknown; value?: unknown };
      if (typeof q.value !== 'string' || !(PII_TYPES as readonly unknown[]).includes(q.type)) {
        throw new Error(`line ${n + 1}: pii[${k}] needs a known type and a string value`);
      }
      if (!(o.text as string).includes(q.value)) throw new Error(`line ${n + 1}: pii value not in text: ${q.value}`);
      return { type: q.type as PiiType, value: q.value };
    });
    items.push({ id: typeof o.id === 'string' ? o.id : String(n + 1), text: o.text, pii });
  });
  return items;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function stats(gold: number, predicted: number, tp: number, covered: number): TypeStats {
  return { gold, predicted, tp, covered, recall: ratio(tp, gold), precision: ratio(tp, predicted), lenientRecall: ratio(covered, gold) };
}

function covered(text: string, value: string, findings: Finding[]): boolean {
  let any = false;
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
    any = true;
    for (let k = i; k < i + value.length; k++) {
      if (/\s/.test(text.charAt(k))) continue;
      if (!findings.some((f) => f.start <= k && k < f.end)) return false;
    }
  }
  return any;
}

export function evaluate(items: EvalItem[]): EvalReport {
  const counts = Object.fromEntries(PII_TYPES.map((t) => [t, { gold: 0, predicted: 0, tp: 0, covered: 0 }])) as Record<
    PiiType,
    { gold: number; predicted: number; tp: number; covered: number }
  >;
  const misses: EvalMiss[] = [];
  for (const item of items) {
    const findings = findPii(item.text);
    const unmatched = [...findings];
    for (const g of item.pii) {
      const c = counts[g.type];
      c.gold++;
      const k = unmatched.findIndex((f) => f.type === g.type && f.value === g.value);
      if (k >= 0) {
        c.tp++;
        unmatched.splice(k, 1);
      } else {
        misses.push({ id: item.id, kind: 'missed', type: g.type, value: g.value });
      }
      if (covered(item.text, g.value, findings)) c.covered++;
    }
    for (const f of findings) counts[f.type].predicted++;
    for (const f of unmatched) misses.push({ id: item.id, kind: 'spurious', type: f.type, value: f.value });
  }
  const perType = Object.fromEntries(
    PII_TYPES.map((t) => [t, stats(counts[t].gold, counts[t].predicted, counts[t].tp, counts[t].covered)]),
  ) as Record<PiiType, TypeStats>;
  const sum = (types: readonly PiiType[]): TypeStats => {
    const a = { gold: 0, predicted: 0, tp: 0, covered: 0 };
    for (const t of types) {
      a.gold += counts[t].gold;
      a.predicted += counts[t].predicted;
      a.tp += counts[t].tp;
      a.covered += counts[t].covered;
    }
    return stats(a.gold, a.predicted, a.tp, a.covered);
  };
  const phone = sum(['mobile', 'landline']);
  const overall = sum(PII_TYPES);
  const target = (name: string, metric: 'recall' | 'precision', types: PiiType[] | 'all', min: number): Target => {
    const s = types === 'all' ? overall : sum(types);
    const actual = metric === 'recall' ? s.recall : s.precision;
    return { name, metric, types, min, actual, met: actual >= min };
  };
  const targets = [
    target('phone (mobile+landline) recall', 'recall', ['mobile', 'landline'], 0.99),
    target('id_number recall', 'recall', ['id_number'], 0.99),
    target('bank_card recall', 'recall', ['bank_card'], 0.99),
    target('name recall', 'recall', ['name'], 0.95),
    target('address recall', 'recall', ['address'], 0.95),
    target('overall precision', 'precision', 'all', 0.95),
  ];
  return { items: items.length, perType, phone, overall, targets, allMet: targets.every((t) => t.met), misses };
}

/** Wilson score interval (95%) for k successes out of n. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = k / n;
  const den = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

export interface SplitSummary {
  nameRecall: { k: number; n: number; value: number; ci: [number, number] };
  nameMasked: { k: number; n: number; value: number; ci: [number, number] };
  namePrecision: { k: number; n: number; value: number; ci: [number, number] };
  otherMasked: { k: number; n: number; value: number; ci: [number, number] };
  otherRecall: { k: number; n: number; value: number; ci: [number, number] };
  goalsMet: boolean;
}

const share = (k: number, n: number) => ({ k, n, value: ratio(k, n), ci: wilson(k, n) });

/**
 * The corpus goals (issue #12): names masked ≥ 0.95, other personal data masked ≥ 0.99. "Masked" =
 * every character of the labelled value is covered by some finding (what protects the person);
 * strict recall (same type and exact span) is printed next to it.
 */
export function summarise(r: EvalReport): SplitSummary {
  const name = r.perType.name;
  const others = PII_TYPES.filter((t) => t !== 'name');
  let gold = 0;
  let tp = 0;
  let cov = 0;
  for (const t of others) {
    gold += r.perType[t].gold;
    tp += r.perType[t].tp;
    cov += r.perType[t].covered;
  }
  const s = {
    nameRecall: share(name.tp, name.gold),
    nameMasked: share(name.covered, name.gold),
    namePrecision: share(name.tp, name.predicted),
    otherMasked: share(cov, gold),
    otherRecall: share(tp, gold),
  };
  return { ...s, goalsMet: s.nameMasked.value >= 0.95 && s.otherMasked.value >= 0.99 };
}

export function formatSummary(s: SplitSummary): string {
  const f = (label: string, x: SplitSummary['nameRecall']): string =>
    `${label.padEnd(34)} ${(x.value * 100).toFixed(1).padStart(5)}%  (${x.k}/${x.n}; 95% CI ${(x.ci[0] * 100).toFixed(1)}–${(x.ci[1] * 100).toFixed(1)}%)`;
  return [
    f('name recall, masked (goal ≥ 95%)', s.nameMasked),
    f('name recall, exact span', s.nameRecall),
    f('name precision, exact span', s.namePrecision),
    f('other PII masked (goal ≥ 99%)', s.otherMasked),
    f('other PII, exact type and span', s.otherRecall),
    s.goalsMet ? 'goals met' : 'goals NOT met',
  ].join('\n');
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);

export function formatReport(r: EvalReport, showMisses = true): string {
  const lines: string[] = [];
  lines.push(`anonymiser evaluation: ${r.items} texts`);
  lines.push('type        gold  pred    tp   recall  precision  masked-anyway');
  const row = (name: string, s: TypeStats): string =>
    `${name.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.tp).padStart(5)}  ${pct(
      s.recall,
    )}    ${pct(s.precision)}        ${pct(s.lenientRecall)}`;
  for (const t of PII_TYPES) lines.push(row(t, r.perType[t]));
  lines.push(row('phone', r.phone));
  lines.push(row('overall', r.overall));
  lines.push('');
  lines.push('targets:');
  for (const t of r.targets) lines.push(`  ${t.met ? 'MET ' : 'FAIL'} ${t.name}: ${pct(t.actual).trim()} (needs ≥ ${pct(t.min).trim()})`);
  lines.push(r.allMet ? 'all targets met' : 'targets NOT met');
  if (showMisses && r.misses.length > 0) {
    lines.push('');
    lines.push('errors:');
    for (const m of r.misses) lines.push(`  ${m.id} ${m.kind.padEnd(8)} ${m.type.padEnd(9)} ${m.value}`);
  }
  return lines.join('\n');
}
