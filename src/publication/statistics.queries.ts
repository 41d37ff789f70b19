// Public statistics: volumes per month by kind and category, per township, deadline compliance per
// unit, mediation success. Every count from 1 to 4 is suppressed (null) so nobody can be singled out,
// and so is every rate computed from fewer than 5 cases. Months are CST calendar months; all grouping is
// done by the database (one grouped query per month), so the same code runs on SQLite and PostgreSQL.
import type { CaseKind } from '../cases/case.machine.ts';
import type { Db } from '../db/database.ts';
import { cstDateOf, cstStartOfDay } from '../deadlines/cst.ts';
import { complianceByUnit } from '../deadlines/clock.queries.ts';
import { clockContext } from '../deadlines/clock.service.ts';

export const SUPPRESS_BELOW = 5;

/** A published count: null when 1–4 (suppressed). */
export type Cell = number | null;
export const cell = (n: number): Cell => (n > 0 && n < SUPPRESS_BELOW ? null : n);
const publishedCell = cell;
const publishedRate = (num: number, den: number): number | null =>
  den >= SUPPRESS_BELOW && cell(num) !== null && cell(den - num) !== null ? num / den : null;

export interface MonthRow {
  month: string;
  total: Cell;
  byKind: Record<string, Cell>;
  byCategory: Record<string, Cell>;
}

export interface Statistics {
  from: string;
  to: string;
  months: MonthRow[];
  byTownship: { township: string; count: Cell }[];
  byCategory: { category: string; count: Cell }[];
  /** Per unit: clocks met in the period (on time or late), the late ones, pending ones apart, the on-time rate. */
  compliance: { unitId: string | null; unit: string; met: Cell; late: Cell; pending: Cell; rate: number | null }[];
  mediation: { succeeded: Cell; failed: Cell; rate: number | null };
}

/** The last `n` CST months ending with the month of `now`, as YYYY-MM. */
export function lastMonths(now: Date, n: number): string[] {
  const [y, m] = cstDateOf(now).split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

const monthStart = (ym: string) => cstStartOfDay(`${ym}-01`);
function nextMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The staff statistics' finer filters (the public page has none). `category` 'unclassified' = no category yet. */
export interface StatisticsFilter {
  kind?: CaseKind;
  category?: string;
  township?: string;
  unitId?: string;
}

/** Cases counted: everything submitted except duplicates and cases folded into another. */
const COUNTED = (db: Db, from: Date, to: Date, f: StatisticsFilter = {}) => {
  let q = db
    .selectFrom('intake_case')
    .where('received_at', '>=', from.toISOString())
    .where('received_at', '<', to.toISOString())
    .where('status', 'not in', ['duplicate', 'merged']);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.category) q = f.category === 'unclassified' ? q.where('category', 'is', null) : q.where('category', '=', f.category);
  if (f.township) q = q.where('township', '=', f.township);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  return q;
};

export async function publicStatistics(db: Db, now: Date, monthsBack = 12): Promise<Statistics> {
  return computeStatistics(db, lastMonths(now, monthsBack), {}, true);
}

/** The months from `from` to `to` (YYYY-MM, inclusive). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 120; m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * Staff statistics: the same figures over any period of whole months, with the finer filters, and no
 * small-cell suppression (staff see the real counts; this never leaves the back office).
 */
export async function staffStatistics(db: Db, period: { from: string; to: string }, filter: StatisticsFilter): Promise<Statistics> {
  return computeStatistics(db, monthsBetween(period.from, period.to), filter, false);
}

async function computeStatistics(db: Db, months: string[], filter: StatisticsFilter, suppress: boolean): Promise<Statistics> {
  const cell = suppress ? publishedCell : (n: number): Cell => n;
  const rate = suppress ? publishedRate : (num: number, den: number): number | null => (den > 0 ? num / den : null);
  const first = months[0] as string;
  const from = monthStart(first);
  const to = monthStart(nextMonth(months[months.length - 1] as string));

  const monthRows: MonthRow[] = [];
  for (const ym of months) {
    const rows = await COUNTED(db, monthStart(ym), monthStart(nextMonth(ym)), filter)
      .select(['kind', 'category', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['kind', 'category'])
      .execute();
    const byKind: Record<string, number> = {};
    const byCategory: Record<string, number> = {};
    let total = 0;
    for (const r of rows) {
      const n = Number(r.n);
      total += n;
      byKind[r.kind] = (byKind[r.kind] ?? 0) + n;
      const c = r.category ?? 'unclassified';
      byCategory[c] = (byCategory[c] ?? 0) + n;
    }
    monthRows.push({
      month: ym,
      total: cell(total),
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, cell(v)])),
      byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, cell(v)])),
    });
  }

  const townships = await COUNTED(db, from, to, filter)
    .select(['township', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('township')
    .execute();
  const categories = await COUNTED(db, from, to, filter)
    .select(['category', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('category')
    .execute();

  const units = new Map((await db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  // Clocks met in the period, on time or late; pending ones (and those with no due date yet) apart (issue #14.2).
  const compliance = (await complianceByUnit(db, await clockContext(db), from, to, filter))
    .map((u) => ({
      unitId: u.unitId,
      unit: (u.unitId && units.get(u.unitId)) || '未分派',
      met: cell(u.inTime + u.late),
      late: cell(u.late),
      pending: cell(u.pending),
      rate: rate(u.inTime, u.inTime + u.late),
    }))
    .sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN'));

  let medQ = db
    .selectFrom('case_event')
    .innerJoin('intake_case', 'intake_case.id', 'case_event.case_id')
    .select(['case_event.type as type', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('case_event.type', 'in', ['mediation_succeed', 'mediation_fail'])
    .where('case_event.at', '>=', from.toISOString())
    .where('case_event.at', '<', to.toISOString());
  if (filter.kind) medQ = medQ.where('intake_case.kind', '=', filter.kind);
  if (filter.category)
    medQ =
      filter.category === 'unclassified'
        ? medQ.where('intake_case.category', 'is', null)
        : medQ.where('intake_case.category', '=', filter.category);
  if (filter.township) medQ = medQ.where('intake_case.township', '=', filter.township);
  if (filter.unitId) medQ = medQ.where('intake_case.unit_id', '=', filter.unitId);
  const med = await medQ.groupBy('case_event.type').execute();
  const succeeded = Number(med.find((m) => m.type === 'mediation_succeed')?.n ?? 0);
  const failed = Number(med.find((m) => m.type === 'mediation_fail')?.n ?? 0);

  return {
    from: first,
    to: months[months.length - 1] as string,
    months: monthRows,
    byTownship: townships
      .map((t) => ({ township: t.township ?? '地点不明', count: cell(Number(t.n)) }))
      .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.township.localeCompare(b.township, 'zh-CN')),
    byCategory: categories
      .map((c) => ({ category: c.category ?? 'unclassified', count: cell(Number(c.n)) }))
      .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.category.localeCompare(b.category)),
    compliance,
    mediation: { succeeded: cell(succeeded), failed: cell(failed), rate: rate(succeeded, succeeded + failed) },
  };
}
