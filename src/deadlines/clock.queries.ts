// Internal views of the statutory clocks for the back office and statistics: what is due soon or overdue
// per unit and handler, and each unit's compliance (share of clocks met in time, pending apart).
import type { Db } from '../db/database.ts';
import { cstDateOf, cstEndOfDay } from './cst.ts';
import type { CaseKind } from '../cases/case.machine.ts';
import { type ClockContext, clockMet, dueOf, provisionalCalendar, ruleOf } from './clock.service.ts';

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
  /** Clocks met (ended by their own stop event or their notice) by the due time. */
  inTime: number;
  /** Clocks met after the due time. */
  late: number;
  /** Clocks not ended yet, or met with no due date known yet (calendar not entered): never late. */
  pending: number;
  /** Of the pending, those running past their due time (shown apart, not in the rate). */
  overdue: number;
  /** Clocks ended without being met (the case closed, merged or transferred; a restart): not counted. */
  stopped: number;
  /** inTime / (inTime + late), null when no clock was met in the period. */
  rate: number | null;
}

/** The statistics' finer filters (src/publication/statistics.queries.ts StatisticsFilter). */
export interface ComplianceFilter {
  kind?: string;
  category?: string;
  township?: string;
  unitId?: string;
}

/**
 * Per unit (issue #14.2): of the clocks met in [from, to), how many by their due time; clocks still
 * running that started before `to` are pending, apart. Only a clock that ended by being met counts: one
 * ended by closing, merging, transferring or a restart is neither on time nor late, and a clock without a
 * due date (the calendar for its year not entered yet) is pending, never late.
 */
export async function complianceByUnit(
  db: Db,
  ctx: ClockContext,
  from: Date,
  to: Date,
  filter: ComplianceFilter = {},
  now: Date = new Date(),
): Promise<UnitCompliance[]> {
  const base = () => {
    let q = db
      .selectFrom('case_clock')
      .innerJoin('intake_case', 'intake_case.id', 'case_clock.case_id')
      .select([
        'intake_case.unit_id as unitId',
        'case_clock.clock as clock',
        'case_clock.rule_version as rule_version',
        'case_clock.status as status',
        'case_clock.started_at as started_at',
        'case_clock.pauses as pauses',
        'case_clock.extensions as extensions',
        'case_clock.due_at as dueAt',
        'case_clock.stopped_at as stoppedAt',
        'case_clock.stop_event as stopEvent',
      ]);
    if (filter.kind) q = q.where('intake_case.kind', '=', filter.kind as CaseKind);
    if (filter.category)
      q =
        filter.category === 'unclassified'
          ? q.where('intake_case.category', 'is', null)
          : q.where('intake_case.category', '=', filter.category);
    if (filter.township) q = q.where('intake_case.township', '=', filter.township);
    if (filter.unitId) q = q.where('intake_case.unit_id', '=', filter.unitId);
    return q;
  };
  const ended = await base()
    .where('case_clock.status', '=', 'stopped')
    .where('case_clock.stopped_at', '>=', from.toISOString())
    .where('case_clock.stopped_at', '<', to.toISOString())
    .execute();
  const open = await base()
    .where('case_clock.status', 'in', ['running', 'paused'])
    .where('case_clock.started_at', '<', to.toISOString())
    .execute();
  const by = new Map<string | null, UnitCompliance>();
  const unit = (id: string | null) => {
    let u = by.get(id);
    if (!u) {
      u = { unitId: id, inTime: 0, late: 0, pending: 0, overdue: 0, stopped: 0, rate: null };
      by.set(id, u);
    }
    return u;
  };
  for (const r of ended) {
    const u = unit(r.unitId);
    if (!clockMet(ruleOf(ctx, r), r.stopEvent)) {
      u.stopped++;
      continue;
    }
    // A due date not computed when the clock ran (past the calendar) is computed now, if it can be.
    const due = r.dueAt ?? dueOf(ctx, r).dueAt;
    if (!due || !r.stoppedAt) u.pending++;
    else if (r.stoppedAt <= due) u.inTime++;
    else u.late++;
  }
  for (const r of open) {
    const u = unit(r.unitId);
    u.pending++;
    if (r.status === 'running' && r.dueAt && r.dueAt < now.toISOString()) u.overdue++;
  }
  return [...by.values()].map((u) => ({ ...u, rate: u.inTime + u.late ? u.inTime / (u.inTime + u.late) : null }));
}
