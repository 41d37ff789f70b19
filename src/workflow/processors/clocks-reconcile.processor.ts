// clocks.reconcile (repeatable, every minute): the database is the source of truth for deadlines.
// - alarms that should have fired (their time passed while no worker ran, or their job was lost) fire now;
// - alarms coming within ALARM_LEAD_MS get their delayed job (transitions hand over only those already
//   that near: most alarms are days away and their clock stops first), and near alarms missing from
//   Redis (lost, deleted, never handed over) are scheduled again;
// - clocks that could not be computed past the calendar are retried (an admin may have added the year);
// - cases still `received` minutes after intake get their case.received job back (workflow/stuck-cases.ts);
// - 60 days before the calendar's last day, admins are alerted to enter the next year's holidays.
// Cost (issue #21.3): O(clocks changed or due since the last run), not O(open clocks). A full pass over
// every running clock (one Redis look-up per near alarm) runs on a process's first reconcile, when the
// clock went backwards, when Redis lost its data (a marker key is gone), and at least hourly (an alarm
// job deleted from Redis by hand comes back within the hour). In between, only the clocks written since the
// last run (their near alarms went through the outbox in the same transaction; checked again here) and
// the clocks due soon (alarms whose time fell since the last run fire now if no worker fired them; alarms
// coming within the lead get their job, once per process) are read.
import { addDays, cstDateOf, cstEndOfDay } from '../../deadlines/cst.ts';
import { DEFAULT_JOB_OPTIONS } from '../jobs.ts';
import { CalendarHorizonError } from '../../deadlines/calendar.ts';
import {
  ALARM_LEAD_MS,
  alarmJobId,
  alarmsFor,
  clockContext,
  provisionalCalendar,
  recomputeHorizonClocks,
} from '../../deadlines/clock.service.ts';
import { cstDate } from '../../lib/clock.ts';
import { notifyStaff } from '../../notices/staff-notice.ts';
import type { Processor } from '../worker.ts';
import { fireAlarm } from './clock-alarm.processor.ts';
import { requeueStuckCases } from '../stuck-cases.ts';

export const HORIZON_WARNING_DAYS = 60;

/** A full pass over every running clock at least this often. */
export const FULL_PASS_MS = 60 * 60_000;
/** Overlap between incremental windows (transactions in flight at the last run, clock skew between processes). */
const OVERLAP_MS = 5 * 60_000;
/** Key (under the queue's prefix) present in Redis while it keeps its data; gone after a restart without persistence or a failover. */
const REDIS_MARKER = 'reconcile-alive';

/** This process's last reconcile (app clock), and its last full pass. */
let last: { at: number; full: number } | null = null;
/** Near alarms this process has checked in Redis (job id → fire time), so each is looked up once. */
const near = new Map<string, number>();

/** For tests: the next reconcile in this process is a full pass. */
export function forgetReconcileState(): void {
  last = null;
  near.clear();
}

export const clocksReconcile: Processor<'clocks.reconcile'> = async (_payload, { deps }) => {
  const r = await reconcileClocks(deps);
  return { outcome: 'done', detail: JSON.stringify(r) };
};

export async function reconcileClocks(deps: Parameters<Processor<'clocks.reconcile'>>[1]['deps']) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const ctx = await clockContext(deps.db);
  const queue = deps.queues['case-workflow'];
  const stats = {
    fired: 0,
    rescheduled: 0,
    recomputed: 0,
    horizonAlert: false,
    stuckCases: 0,
    requeued: 0,
    full: false,
    checked: 0,
    redisLookups: 0,
  };

  // Clocks stuck past the calendar, or due on a provisional date: try again (the calendar may have been extended).
  stats.recomputed += await recomputeHorizonClocks(deps.db, ctx, now);

  // Full pass or incremental window (see the header).
  const client = queue ? await queue.getBackend().client : null;
  const marker = queue ? queue.toKey(REDIS_MARKER) : '';
  const redisLost = client ? (await client.get(marker)) === null : false;
  const nowMs = now.getTime();
  let full = !last || redisLost || nowMs < last.at || nowMs - last.full >= FULL_PASS_MS;
  const since = last ? new Date(last.at - OVERLAP_MS).toISOString() : at;
  let horizon = at;
  if (!full) {
    // A reminder fires `remindDaysBefore` working days before its due day: clocks due up to that far
    // ahead may have an alarm time that fell since the last run.
    try {
      const cal = provisionalCalendar(ctx.calendar);
      horizon = cstEndOfDay(cal.addWorkingDays(cstDateOf(now), ctx.settings.remindDaysBefore + 1)).toISOString();
    } catch (e) {
      if (!(e instanceof CalendarHorizonError)) throw e;
      full = true;
    }
  }
  stats.full = full;
  const base = deps.db.selectFrom('case_clock').selectAll().where('status', '=', 'running').where('due_at', 'is not', null);
  // Changed clocks get the whole check (fire what passed, re-create missing jobs); clocks only in the
  // due window get their passed alarms fired.
  const changed = full ? await base.execute() : await base.where('updated_at', '>=', since).execute();
  const changedIds = new Set(changed.map((r) => r.id));
  const dueWindow = full
    ? []
    : (await base.where('due_at', '>=', since).where('due_at', '<=', horizon).execute()).filter((r) => !changedIds.has(r.id));
  stats.checked = changed.length + dueWindow.length;
  const clockIds = [...changedIds, ...dueWindow.map((r) => r.id)];
  const fired = new Set<string>();
  for (let i = 0; i < clockIds.length; i += 500)
    for (const f of await deps.db
      .selectFrom('clock_alarm')
      .select(['clock_id', 'kind', 'fire_at'])
      .where('clock_id', 'in', clockIds.slice(i, i + 500))
      .execute())
      fired.add(`${f.clock_id}|${f.kind}|${f.fire_at}`);
  if (full) near.clear();
  for (const [id, t] of near) if (t <= nowMs) near.delete(id);
  const leadUntil = nowMs + ALARM_LEAD_MS;
  for (const row of [...changed, ...dueWindow]) {
    for (const a of alarmsFor(ctx, row)) {
      if (fired.has(`${a.clockId}|${a.kind}|${a.fireAt}`)) continue;
      const t = Date.parse(a.fireAt);
      if (t <= nowMs) {
        const r = await fireAlarm(deps, a, now);
        if (r.outcome === 'done') stats.fired++;
        continue;
      }
      // Further than the lead, an alarm lives in its clock row only; a later run makes its job.
      if (!queue || t > leadUntil) continue;
      const id = alarmJobId(a);
      // A changed clock's alarms are new (its old ones are other ids) or moved: looked up again.
      if (near.has(id) && !changedIds.has(a.clockId)) continue;
      stats.redisLookups++;
      if (!(await queue.getJob(id))) {
        await queue.add(
          'clock.alarm',
          { clockId: a.clockId, kind: a.kind, fireAt: a.fireAt },
          { ...DEFAULT_JOB_OPTIONS, jobId: id, delay: t - nowMs },
        );
        stats.rescheduled++;
      }
      near.set(id, t);
    }
  }
  if (client && redisLost) await client.set(marker, '1');
  last = { at: nowMs, full: full ? nowMs : (last?.full ?? nowMs) };

  // Cases whose workflow job was lost or gave up: the database is the source of truth here too.
  if (queue) {
    const stuck = await requeueStuckCases(deps.db, queue, now);
    stats.stuckCases = stuck.stuck;
    stats.requeued = stuck.recreated + stuck.retried;
    if (stats.requeued) deps.logger.warn(stuck, 'reconcile: re-queued cases that stayed received');
  }

  // Horizon: the holiday table must be extended before any clock can need the next year.
  const lastYear = ctx.calendar.lastYear;
  const warnFrom = addDays(`${lastYear}-12-31`, -HORIZON_WARNING_DAYS);
  if (cstDate(now) >= warnFrom) {
    const kind = `calendar_horizon_${lastYear}`;
    const already = await deps.db.selectFrom('staff_notification').select('id').where('kind', '=', kind).limit(1).executeTakeFirst();
    if (!already) {
      const admins = await deps.db.selectFrom('staff_user').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
      await notifyStaff(
        deps.db,
        admins.map((a) => a.id),
        null,
        kind,
        `节假日表只到 ${lastYear} 年底：请录入国务院公布的 ${lastYear + 1} 年节假日和调休安排，否则之后的期限无法计算`,
        at,
      );
      deps.logger.warn({ lastYear }, 'holiday calendar horizon is near: enter the next year');
      stats.horizonAlert = true;
    }
  }
  return stats;
}
