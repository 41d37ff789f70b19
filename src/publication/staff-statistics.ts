// The back office's statistics: which query a staff member may ask (supervisors their own unit, admins
// any), the figures for it, and the CSV export (an audit row). The figures are statistics.queries.ts's.
import { auditEntry, appendAudit } from '../backoffice/audit.log.ts';
import type { StaffUser } from '../backoffice/session.service.ts';
import { type Actor, CASE_KINDS, type CaseKind } from '../cases/case.machine.ts';
import type { Db } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { CATEGORIES, TOWNSHIPS } from '../triage/triage.ts';
import { type Statistics, lastMonths, monthsBetween, staffStatistics } from './statistics.queries.ts';

export interface StaffStatisticsQuery {
  from: string;
  to: string;
  kind?: CaseKind;
  category?: string;
  township?: string;
  unitId?: string;
}

/** The query from a page's query string: whole months (at most 60), known filters; a supervisor's own unit only. */
export function staffStatisticsQuery(user: StaffUser, q: Record<string, string | undefined>, now: Date): StaffStatisticsQuery {
  const months = lastMonths(now, 12);
  const ym = (v: string | undefined, d: string) => (v === undefined || v === '' ? d : /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : null);
  const from = ym(q.from, months[0] as string);
  const to = ym(q.to, months[months.length - 1] as string);
  if (!from || !to || from > to || monthsBetween(from, to).length > 60)
    throw new AppError('VALIDATION', '统计期间无效（起止月份，最长 60 个月）');
  const opt = (v: string | undefined, ok: (x: string) => boolean) => (v && ok(v) ? v : undefined);
  let unitId = opt(q.unitId, (x) => x.length <= 64);
  if (user.role !== 'admin' && user.role !== 'director') {
    if (!user.unit_id) throw new AppError('FORBIDDEN', '您的账号未关联单位');
    unitId = user.unit_id;
  }
  const kind = CASE_KINDS.find((k) => k === q.kind);
  const category = opt(q.category, (x) => x === 'unclassified' || (CATEGORIES as readonly string[]).includes(x));
  const township = opt(q.township, (x) => (TOWNSHIPS as readonly string[]).includes(x));
  return {
    from,
    to,
    ...(kind ? { kind } : {}),
    ...(category ? { category } : {}),
    ...(township ? { township } : {}),
    ...(unitId ? { unitId } : {}),
  };
}

export function staffStatisticsFor(db: Db, q: StaffStatisticsQuery): Promise<Statistics> {
  const { from, to, ...filter } = q;
  return staffStatistics(db, { from, to }, filter);
}

/** The units a statistics filter offers (the regulator's, not the police's). */
export function statisticsUnits(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('unit').select(['id', 'name']).where('kind', '!=', 'police').orderBy('name').execute();
}

/** The figures for a CSV download; the export is an audit row (its own transaction: nothing else changes). */
export async function exportStaffStatistics(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, q: StaffStatisticsQuery): Promise<Statistics> {
  const st = await staffStatisticsFor(deps.db, q);
  await deps.db
    .transaction()
    .execute((trx) => appendAudit(trx, auditEntry(actor, 'export', { detail: { what: 'statistics_csv', ...q } }), deps.clock.now()));
  return st;
}
