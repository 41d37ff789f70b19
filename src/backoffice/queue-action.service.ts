// An admin's action on the BullMQ dashboard (retry, clean, promote, pause, resume) is audited: the action
// itself changes Redis, not the database, so its audit row is a transaction of its own, written once
// the dashboard has carried the action out.
import type { Db } from '../db/database.ts';
import { appendAudit } from './audit.log.ts';
import type { StaffUser } from './session.service.ts';

export async function auditQueueAction(db: Db, user: StaffUser, action: string, path: string, now: Date): Promise<void> {
  await db
    .transaction()
    .execute((trx) => appendAudit(trx, { actorId: user.id, actorRole: user.role, action: 'queue_action', detail: { action, path } }, now));
}
