// clock.alarm: a reminder before a statutory due time, or the escalation when it passes. The job is
// only an alarm clock: the clock row decides. An alarm for a clock that was stopped, paused, extended or
// restarted no longer belongs to its alarm set and does nothing; each alarm fires once (clock_alarm log).
// A job that fires early by our clock (clock skew, a test clock) is put back until its time.
import { DelayedError } from 'bullmq';
import { applyTransitionIn } from '../../cases/case.repository.ts';
import { alarmsFor, clockContext, ruleOf } from '../../deadlines/clock.service.ts';
import { formatCst } from '../../lib/clock.ts';
import { notifyStaff, supervisorsOf } from '../../notices/staff-notice.ts';
import { INTAKE_UNIT_ID } from '../../routing/routing.rules.ts';
import type { Processor } from '../worker.ts';

export const clockAlarm: Processor<'clock.alarm'> = async ({ clockId, kind, fireAt }, { deps, job, token }) => {
  const now = deps.clock.now();
  if (now.getTime() < Date.parse(fireAt)) {
    if (!token) return { outcome: 'skipped', detail: 'early, no token to delay' };
    await job.moveToDelayed(Date.now() + (Date.parse(fireAt) - now.getTime()), token);
    throw new DelayedError();
  }
  return fireAlarm(deps, { clockId, kind, fireAt }, now);
};

/** Fires one alarm if it is still current and has not fired; shared with the reconcile job. */
export async function fireAlarm(
  deps: Parameters<Processor<'clock.alarm'>>[1]['deps'],
  a: { clockId: string; kind: 'remind' | 'escalate'; fireAt: string },
  now: Date,
) {
  const ctx = await clockContext(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const clock = await trx.selectFrom('case_clock').selectAll().where('id', '=', a.clockId).executeTakeFirst();
    if (!clock) return { outcome: 'skipped' as const, detail: 'clock not found' };
    const current = alarmsFor(ctx, clock).some((x) => x.kind === a.kind && x.fireAt === a.fireAt);
    if (!current) return { outcome: 'skipped' as const, detail: `alarm no longer current (clock ${clock.status})` };
    const at = now.toISOString();
    const logged = await trx
      .insertInto('clock_alarm')
      .values({ clock_id: a.clockId, kind: a.kind, fire_at: a.fireAt, fired_at: at })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(logged.numInsertedOrUpdatedRows ?? 0) === 0) return { outcome: 'skipped' as const, detail: 'already fired' };
    const c = await trx
      .selectFrom('intake_case')
      .select(['id', 'number', 'unit_id', 'assignee_id'])
      .where('id', '=', clock.case_id)
      .executeTakeFirstOrThrow();
    const rule = ruleOf(ctx, clock);
    const supervisors = await supervisorsOf(trx, c.unit_id ?? INTAKE_UNIT_ID);
    // D8 is the police's own deadline: their officers hear about it too.
    const police =
      clock.clock === 'D8'
        ? (
            await trx
              .selectFrom('referral')
              .innerJoin('staff_user', 'staff_user.unit_id', 'referral.police_unit_id')
              .select('staff_user.id')
              .where('referral.case_id', '=', c.id)
              .where('referral.status', '=', 'transferred')
              .where('staff_user.role', '=', 'police')
              .where('staff_user.active', '=', 1)
              .execute()
          ).map((u) => u.id)
        : [];
    const due = formatCst(new Date(clock.due_at!));
    if (a.kind === 'remind') {
      const to = [...(c.assignee_id ? [c.assignee_id] : supervisors), ...police];
      await notifyStaff(trx, to, c.id, 'deadline_reminder', `${c.number}：${rule.nameZh}将于 ${due} 到期`, at);
      return { outcome: 'done' as const, detail: `reminded ${to.length}` };
    }
    await trx.updateTable('case_clock').set({ overdue_at: at, updated_at: at }).where('id', '=', clock.id).execute();
    await applyTransitionIn(
      trx,
      c.id,
      { type: 'escalate', reason: `${rule.nameZh}已于 ${due} 到期`, data: { clock: clock.clock, clockId: clock.id, due: clock.due_at } },
      { role: 'system', id: null },
      now,
      { patch: { overdue: 1 } },
    );
    await notifyStaff(trx, [...supervisors, ...police], c.id, 'deadline_overdue', `超期：${c.number} 的${rule.nameZh}已于 ${due} 到期`, at);
    return { outcome: 'done' as const, detail: 'escalated' };
  });
}
