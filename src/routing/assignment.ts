// Assignment: a routed case goes to the intake centre's queue, or inside its unit to the least-loaded
// active handler who has the needed skill (round robin on ties, by who was assigned longest ago); with
// nobody available it waits in the unit's queue and the supervisors are alerted. Every step is a case
// transition in the caller's transaction, with its staff notices.
import type { Actor } from '../cases/case.machine.ts';
import { type PendingCaseWrite, applyTransitionIn } from '../cases/case.repository.ts';
import type { CaseRow } from '../cases/case.table.ts';
import { sql } from 'kysely';
import { type Db, type Trx, isPostgres } from '../db/database.ts';
import { compiledOnce } from '../db/compiled-once.ts';
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
  return (await rankHandlers(db, unitId, category))[0] ?? null;
}

const handlersOf = compiledOnce((db, p: { unitId: string }) =>
  db
    .selectFrom('staff_user')
    .select(['id', 'skills', 'capacity', 'last_assigned_at'])
    .where('unit_id', '=', p.unitId)
    .where('role', '=', 'handler')
    .where('active', '=', 1),
);
const markAssigned = compiledOnce((db, p: { at: string; id: string }) =>
  db.updateTable('staff_user').set({ last_assigned_at: p.at }).where('id', '=', p.id),
);

/** The handlers pickHandler chooses from, best first (their loads as read now, without any lock). */
async function rankHandlers(db: Db, unitId: string, category: string | null): Promise<HandlerChoice[]> {
  const skill = category ? SKILL_FOR_CATEGORY[category] : undefined;
  const handlers = await handlersOf.rows(db, { unitId });
  const eligible = handlers.filter((h) => !skill || (JSON.parse(h.skills) as string[]).includes(skill));
  if (eligible.length === 0) return [];
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
  return ranked.map((h) => ({ id: h.id, load: h.load }));
}

/** A handler's open cases now (a fresh statement: under READ COMMITTED it sees every commit so far). */
async function loadOf(trx: Trx, handlerId: string): Promise<number> {
  const r = await trx
    .selectFrom('intake_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignee_id', '=', handlerId)
    .where('status', 'in', [...OPEN_WORK_STATUSES])
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Locks a candidate's staff_user row (SKIP LOCKED: a row another assignment holds is passed over, or
 * waited for) and checks their capacity again under the lock. Every assignment to a handler takes this
 * lock before it counts, and keeps it to its commit, so two cannot both take the last free place. A
 * handler found full is unlocked again (rollback to the savepoint), so a transaction never holds one
 * handler's row while waiting for another's: no lock cycle between concurrent assignments.
 */
async function claim(trx: Trx, unitId: string, handlerId: string, wait: boolean): Promise<'claimed' | 'busy' | 'full'> {
  await sql`savepoint assign_claim`.execute(trx);
  const locked = await sql<{ id: string; capacity: number }>`
    select id, capacity from staff_user
    where id = ${handlerId} and unit_id = ${unitId} and role = 'handler' and active = 1
    for update ${wait ? sql`` : sql`skip locked`}`.execute(trx);
  const row = locked.rows[0];
  if (row && (await loadOf(trx, handlerId)) < row.capacity) {
    await sql`release savepoint assign_claim`.execute(trx);
    return 'claimed';
  }
  await sql`rollback to savepoint assign_claim`.execute(trx);
  await sql`release savepoint assign_claim`.execute(trx);
  return row || wait ? 'full' : 'busy';
}

/**
 * The handler a case is assigned to, in the caller's transaction. SQLite runs one writer at a time, and
 * this transaction has written already, so the loads it reads cannot change under it. On PostgreSQL
 * several workers assign at once: only the chosen handler's row is locked (not the unit), the best
 * free candidate first; the ones another assignment is holding are waited for only when nobody else
 * is free.
 */
async function chooseHandler(trx: Trx, unitId: string, category: string | null): Promise<HandlerChoice | null> {
  const ranked = await rankHandlers(trx, unitId, category);
  if (!isPostgres(trx)) return ranked[0] ?? null;
  const busy: HandlerChoice[] = [];
  for (const h of ranked) {
    const got = await claim(trx, unitId, h.id, false);
    if (got === 'claimed') return h;
    if (got === 'busy') busy.push(h);
  }
  for (const h of busy) if ((await claim(trx, unitId, h.id, true)) === 'claimed') return h;
  return null;
}

/**
 * Carries out a route for a triaged case; returns what happened, for the job's log. `unwritten`: the
 * triage's write of the case row, held back for this step's transition to carry (every path below
 * applies exactly one transition to the case, so it is always written).
 */
export async function assignRoutedCase(trx: Trx, c: CaseRow, route: Route, now: Date, unwritten?: PendingCaseWrite): Promise<string> {
  const at = now.toISOString();
  // `c` is the case as this transaction left it (the pipeline's triaged row): not read again.
  const current = { current: c, ...(unwritten ? { unwritten } : {}) };
  if (route.to === 'intake') {
    await applyTransitionIn(trx, c.id, { type: 'route_to_intake', reason: route.why }, SYSTEM, now, {
      patch: { unit_id: INTAKE_UNIT_ID },
      ...current,
    });
    if (c.urgency === 'urgent')
      await notifyStaff(trx, await supervisorsOf(trx, INTAKE_UNIT_ID), c.id, 'urgent_case', `紧急：${c.number} 待人工分派`, at);
    return `to intake centre: ${route.why}`;
  }
  const { unitId } = route;
  // Loads are read, then a case is added to one: with several workers on PostgreSQL two assignments must
  // not both see a handler's last free place (capacity 40 ended at 57 without a lock): chooseHandler
  // locks the chosen handler's row only, so assignments in one unit run side by side.
  const handler = await chooseHandler(trx, unitId, c.category);
  const supervisors = await supervisorsOf(trx, unitId);
  if (!handler) {
    // Wait in the unit's queue (triaged, unit set, nobody assigned) and alert the supervisors once.
    await applyTransitionIn(
      trx,
      c.id,
      { type: 'comment', reason: '本所暂无可分派的承办人，案件在本所队列等待分派', data: { unitId } },
      SYSTEM,
      now,
      { patch: { unit_id: unitId }, ...current },
    );
    await notifyStaff(trx, supervisors, c.id, 'no_handler', `${c.number} 无可分派的承办人，请手动分派`, at);
    return `waiting in unit ${unitId}`;
  }
  await applyTransitionIn(trx, c.id, { type: 'assign', data: { assigneeId: handler.id, unitId } }, SYSTEM, now, {
    patch: { unit_id: unitId, assignee_id: handler.id },
    ...current,
  });
  await markAssigned.run(trx, { at, id: handler.id });
  await notifyStaff(trx, [handler.id], c.id, 'assigned', `新案件 ${c.number} 已分派给您`, at);
  if (c.urgency === 'urgent') await notifyStaff(trx, supervisors, c.id, 'urgent_case', `紧急：${c.number} 已分派，请关注`, at);
  return `assigned to ${handler.id} in ${unitId}`;
}
