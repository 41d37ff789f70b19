// Assignment: a routed case goes to the intake centre's queue, or inside its unit to the least-loaded
// active handler who has the needed skill (round robin on ties, by who was assigned longest ago); with
// nobody available it waits in the unit's queue and the supervisors are alerted. Every step is a case
// transition in the caller's transaction, with its staff notices.
import type { Actor } from '../cases/case.machine.ts';
import { applyTransitionIn } from '../cases/case.repository.ts';
import type { CaseRow } from '../cases/case.table.ts';
import { type Db, type Trx, lockForTransaction } from '../db/database.ts';
import { notifyStaff, supervisorsOf } from '../notices/staff-notice.ts';
import { INTAKE_UNIT_ID, type Route } from './routing.rules.ts';

const SYSTEM: Actor = { role: 'system', id: null };

/** Categories that need a handler trained for them. */
export const SKILL_FOR_CATEGORY: Record<string, string | undefined> = {
  special_food: 'special_food',
  school_canteen: 'school_canteen',
  online_food: 'online_food',
};

/** Statuses that count towards a handler's load. */
export const OPEN_WORK_STATUSES = [
  'assigned',
  'accepted',
  'mediating',
  'verifying',
  'case_opened',
  'referral_proposed',
  'referral_approved',
  'referred',
  'police_declined',
] as const;

export interface HandlerChoice {
  id: string;
  load: number;
}

/**
 * Picks the handler for a case in a unit: active handlers with the skill the category needs (any
 * handler when none is needed) and load below capacity; least load first, then the one who waited
 * longest since their last assignment.
 */
export async function pickHandler(db: Db, unitId: string, category: string | null): Promise<HandlerChoice | null> {
  const skill = category ? SKILL_FOR_CATEGORY[category] : undefined;
  const handlers = await db
    .selectFrom('staff_user')
    .select(['id', 'skills', 'capacity', 'last_assigned_at'])
    .where('unit_id', '=', unitId)
    .where('role', '=', 'handler')
    .where('active', '=', 1)
    .execute();
  const eligible = handlers.filter((h) => !skill || (JSON.parse(h.skills) as string[]).includes(skill));
  if (eligible.length === 0) return null;
  const loads = await db
    .selectFrom('intake_case')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(
      'assignee_id',
      'in',
      eligible.map((h) => h.id),
    )
    .where('status', 'in', [...OPEN_WORK_STATUSES])
    .groupBy('assignee_id')
    .execute();
  const loadOf = new Map(loads.map((l) => [l.assignee_id, Number(l.n)]));
  const ranked = eligible
    .map((h) => ({ id: h.id, load: loadOf.get(h.id) ?? 0, capacity: h.capacity, last: h.last_assigned_at ?? '' }))
    .filter((h) => h.load < h.capacity)
    .sort((a, b) => a.load - b.load || a.last.localeCompare(b.last) || a.id.localeCompare(b.id));
  const best = ranked[0];
  return best ? { id: best.id, load: best.load } : null;
}

/** Carries out a route for a triaged case; returns what happened, for the job's log. */
export async function assignRoutedCase(trx: Trx, c: CaseRow, route: Route, now: Date): Promise<string> {
  const at = now.toISOString();
  if (route.to === 'intake') {
    await applyTransitionIn(trx, c.id, { type: 'route_to_intake', reason: route.why }, SYSTEM, now, { patch: { unit_id: INTAKE_UNIT_ID } });
    if (c.urgency === 'urgent')
      await notifyStaff(trx, await supervisorsOf(trx, INTAKE_UNIT_ID), c.id, 'urgent_case', `紧急：${c.number} 待人工分派`, at);
    return `to intake centre: ${route.why}`;
  }
  const { unitId } = route;
  // Loads are read, then a case is added to one: with several workers on PostgreSQL two assignments to
  // the same unit must not both see the last free place (capacity 40 ended at 57 without this).
  await lockForTransaction(trx, `assign:${unitId}`);
  const handler = await pickHandler(trx, unitId, c.category);
  const supervisors = await supervisorsOf(trx, unitId);
  if (!handler) {
    // Wait in the unit's queue (triaged, unit set, nobody assigned) and alert the supervisors once.
    await applyTransitionIn(
      trx,
      c.id,
      { type: 'comment', reason: '本所暂无可分派的承办人，案件在本所队列等待分派', data: { unitId } },
      SYSTEM,
      now,
      { patch: { unit_id: unitId } },
    );
    await notifyStaff(trx, supervisors, c.id, 'no_handler', `${c.number} 无可分派的承办人，请手动分派`, at);
    return `waiting in unit ${unitId}`;
  }
  await applyTransitionIn(trx, c.id, { type: 'assign', data: { assigneeId: handler.id, unitId } }, SYSTEM, now, {
    patch: { unit_id: unitId, assignee_id: handler.id },
  });
  await trx.updateTable('staff_user').set({ last_assigned_at: at }).where('id', '=', handler.id).execute();
  await notifyStaff(trx, [handler.id], c.id, 'assigned', `新案件 ${c.number} 已分派给您`, at);
  if (c.urgency === 'urgent') await notifyStaff(trx, supervisors, c.id, 'urgent_case', `紧急：${c.number} 已分派，请关注`, at);
  return `assigned to ${handler.id} in ${unitId}`;
}
