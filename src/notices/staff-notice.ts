// Notices to staff (staff_notification): new assignments, urgent cases, deadlines, referral steps,
// hot-spot alerts, the calendar horizon. Messages carry case numbers and fixed wording only, never a
// citizen's text or identity. Written in the transaction of the change they announce when there is one.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { compiledOnce } from '../db/compiled-once.ts';

export async function notifyStaff(
  db: Db,
  userIds: readonly string[],
  caseId: string | null,
  kind: string,
  message: string,
  at: string,
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('staff_notification')
    .values(userIds.map((user_id) => ({ id: randomUUID(), user_id, case_id: caseId, kind, message, created_at: at, read_at: null })))
    .execute();
}

/** The active supervisors of a unit (whom a unit's alerts go to). */
/** The bureau's heads (局负责人), who approve police referrals. */
export async function directorsOf(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('staff_user').select('id').where('role', '=', 'director').where('active', '=', 1).execute();
  return rows.map((r) => r.id);
}

const supervisorsQuery = compiledOnce((db, p: { unitId: string }) =>
  db.selectFrom('staff_user').select('id').where('unit_id', '=', p.unitId).where('role', '=', 'supervisor').where('active', '=', 1),
);

export async function supervisorsOf(db: Db, unitId: string): Promise<string[]> {
  const rows = await supervisorsQuery.rows(db, { unitId });
  return rows.map((r) => r.id);
}

/** The active officers of a police unit. */
export async function policeOfficersOf(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_user')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('role', '=', 'police')
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}
