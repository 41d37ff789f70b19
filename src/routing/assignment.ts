// Routing and assignment. Township → unit from the unit_township table (admin-editable); unknown or
// ambiguous places and out-of-scope matters go to the city intake centre for manual routing. Inside a
// unit a case goes to the least-loaded active handler who has the needed skill (round robin on ties,
// by who was assigned longest ago); with nobody available it waits in the unit queue and the
// supervisor is alerted.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';

export const INTAKE_UNIT_ID = 'intake';

/** Categories that need a handler trained for them. */
export const SKILL_FOR_CATEGORY: Record<string, string | undefined> = {
  special_food: 'special_food',
  school_canteen: 'school_canteen',
  online_food: 'online_food',
};

/** Statuses that count towards a handler's load. */
export const OPEN_WORK_STATUSES = ['assigned', 'accepted', 'mediating', 'verifying', 'case_opened', 'referral_proposed', 'referral_approved', 'referred', 'police_declined'] as const;

export async function unitForTownship(db: Db, township: string | null): Promise<string | null> {
  if (!township) return null;
  const row = await db
    .selectFrom('unit_township')
    .innerJoin('unit', 'unit.id', 'unit_township.unit_id')
    .select('unit.id')
    .where('unit_township.township', '=', township)
    .where('unit.active', '=', 1)
    .executeTakeFirst();
  return row?.id ?? null;
}

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
    .where('assignee_id', 'in', eligible.map((h) => h.id))
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

export async function supervisorsOf(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('staff_user').select('id').where('unit_id', '=', unitId).where('role', '=', 'supervisor').where('active', '=', 1).execute();
  return rows.map((r) => r.id);
}

export async function notify(db: Db, userIds: readonly string[], caseId: string | null, kind: string, message: string, at: string): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('staff_notification')
    .values(userIds.map((user_id) => ({ id: randomUUID(), user_id, case_id: caseId, kind, message, created_at: at, read_at: null })))
    .execute();
}
