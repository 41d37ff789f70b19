// Internal views of the statutory clocks for the back office and statistics: what is due soon or overdue
// per unit and handler, and each unit's compliance (share of clocks stopped in time).
import type { Db } from '../db/database.ts';
import { cstDateOf, cstEndOfDay } from './cst.ts';
import { type ClockContext, provisionalCalendar } from './clock.service.ts';

export interface ClockListItem {
  caseId: string;
  number: string;
  clock: string;
  dueAt: string;
  unitId: string | null;
  assigneeId: string | null;
  urgency: string | null;
  /** 'calendar_provisional' when the due date is provisional (next year's holidays not entered). */
  problem: string | null;
}

export interface ClockScope {
  unitId?: string;
  assigneeId?: string;
}

/** Running clocks due within `workingDays` working days (by the end of that day), soonest first. */
export async function dueSoon(db: Db, ctx: ClockContext, now: Date, scope: ClockScope = {}, workingDays = 2): Promise<ClockListItem[]> {
  // Near the calendar's end the window may reach into a year not entered yet: count weekends only there.
  const horizon = cstEndOfDay(provisionalCalendar(ctx.calendar).addWorkingDays(cstDateOf(now), workingDays)).toISOString();
  return list(db, scope, (q) => q.where('case_clock.due_at', '>=', now.toISOString()).where('case_clock.due_at', '<=', horizon));
}

/** Running clocks past their due time. */
export async function overdue(db: Db, now: Date, scope: ClockScope = {}): Promise<ClockListItem[]> {
  return list(db, scope, (q) => q.where('case_clock.due_at', '<', now.toISOString()));
}

type ClockQuery = ReturnType<typeof baseQuery>;
function baseQuery(db: Db) {
  return db
    .selectFrom('case_clock')
    .innerJoin('intake_case', 'intake_case.id', 'case_clock.case_id')
    .select([
      'case_clock.case_id as caseId',
      'intake_case.number as number',
      'case_clock.clock as clock',
      'case_clock.due_at as dueAt',
      'intake_case.unit_id as unitId',
      'intake_case.assignee_id as assigneeId',
      'intake_case.urgency as urgency',
      'case_clock.problem as problem',
    ])
    .where('case_clock.status', '=', 'running')
    .where('case_clock.due_at', 'is not', null);
}

async function list(db: Db, scope: ClockScope, filter: (q: ClockQuery) => ClockQuery): Promise<ClockListItem[]> {
  let q = filter(baseQuery(db));
  if (scope.unitId) q = q.where('case_clock.unit_id', '=', scope.unitId);
  if (scope.assigneeId) q = q.where('intake_case.assignee_id', '=', scope.assigneeId);
  const rows = await q.orderBy('case_clock.due_at').limit(1000).execute();
  return rows.map((r) => ({ ...r, dueAt: r.dueAt as string }));
}

export interface UnitCompliance {
  unitId: string | null;
  stopped: number;
  inTime: number;
  /** inTime / stopped, null when nothing was stopped in the period. */
  rate: number | null;
}

/** Per unit: of the clocks stopped in [from, to), how many stopped by their due time. */
export async function complianceByUnit(db: Db, from: Date, to: Date): Promise<UnitCompliance[]> {
  const rows = await db
    .selectFrom('case_clock')
    .innerJoin('intake_case', 'intake_case.id', 'case_clock.case_id')
    .select([
      'intake_case.unit_id as unitId',
      'case_clock.due_at as dueAt',
      'case_clock.stopped_at as stoppedAt',
      'case_clock.stop_event as stopEvent',
    ])
    .where('case_clock.status', '=', 'stopped')
    .where('case_clock.stopped_at', '>=', from.toISOString())
    .where('case_clock.stopped_at', '<', to.toISOString())
    .execute();
  const by = new Map<string | null, UnitCompliance>();
  for (const r of rows) {
    // A clock ended by a restart (merged re-report) is not a handling outcome.
    if (r.stopEvent?.startsWith('restart:')) continue;
    const u = by.get(r.unitId) ?? { unitId: r.unitId, stopped: 0, inTime: 0, rate: null };
    u.stopped++;
    if (r.dueAt && r.stoppedAt && r.stoppedAt <= r.dueAt) u.inTime++;
    by.set(r.unitId, u);
  }
  return [...by.values()].map((u) => ({ ...u, rate: u.stopped ? u.inTime / u.stopped : null }));
}
