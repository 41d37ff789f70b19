// clocks.reconcile (repeatable, every minute): the database is the source of truth for deadlines.
// - alarms that should have fired (their time passed while no worker ran) fire now;
// - future alarms missing from Redis (lost, deleted, never handed over) are scheduled again;
// - clocks that could not be computed past the calendar are retried (an admin may have added the year);
// - cases still `received` minutes after intake get their case.received job back (workflow/stuck-cases.ts);
// - 60 days before the calendar's last day, admins are alerted to enter the next year's holidays.
import { addDays } from '../../deadlines/cst.ts';
import { DEFAULT_JOB_OPTIONS } from '../jobs.ts';
import { alarmJobId, alarmsFor, clockContext, recomputeHorizonClocks } from '../../deadlines/clock.service.ts';
import { cstDate } from '../../lib/clock.ts';
import { notifyStaff } from '../../notices/staff-notice.ts';
import type { Processor } from '../worker.ts';
import { fireAlarm } from './clock-alarm.processor.ts';
import { requeueStuckCases } from '../stuck-cases.ts';

export const HORIZON_WARNING_DAYS = 60;

export const clocksReconcile: Processor<'clocks.reconcile'> = async (_payload, { deps }) => {
  const r = await reconcileClocks(deps);
  return { outcome: 'done', detail: JSON.stringify(r) };
};

export async function reconcileClocks(deps: Parameters<Processor<'clocks.reconcile'>>[1]['deps']) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const ctx = await clockContext(deps.db);
  const queue = deps.queues['case-workflow'];
  const stats = { fired: 0, rescheduled: 0, recomputed: 0, horizonAlert: false, stuckCases: 0, requeued: 0 };

  // Clocks stuck past the calendar, or due on a provisional date: try again (the calendar may have been extended).
  stats.recomputed += await recomputeHorizonClocks(deps.db, ctx, now);

  const running = await deps.db
    .selectFrom('case_clock')
    .selectAll()
    .where('status', '=', 'running')
    .where('due_at', 'is not', null)
    .execute();
  const fired = new Set(
    (
      await deps.db
        .selectFrom('clock_alarm')
        .select(['clock_id', 'kind', 'fire_at'])
        .where('clock_id', 'in', running.length ? running.map((r) => r.id) : ['-'])
        .execute()
    ).map((f) => `${f.clock_id}|${f.kind}|${f.fire_at}`),
  );
  for (const row of running) {
    for (const a of alarmsFor(ctx, row)) {
      if (fired.has(`${a.clockId}|${a.kind}|${a.fireAt}`)) continue;
      if (Date.parse(a.fireAt) <= now.getTime()) {
        const r = await fireAlarm(deps, a, now);
        if (r.outcome === 'done') stats.fired++;
      } else if (queue) {
        const id = alarmJobId(a);
        if (!(await queue.getJob(id))) {
          await queue.add(
            'clock.alarm',
            { clockId: a.clockId, kind: a.kind, fireAt: a.fireAt },
            { ...DEFAULT_JOB_OPTIONS, jobId: id, delay: Date.parse(a.fireAt) - now.getTime() },
          );
          stats.rescheduled++;
        }
      }
    }
  }

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
