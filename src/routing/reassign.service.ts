// Reassignment by an intake clerk, supervisor or admin: to an active handler of the target unit.
import { type Audited, appendAuditOf } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import { applyTransitionIn } from '../cases/case.repository.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { notifyStaff } from '../notices/staff-notice.ts';

export async function reassignCase(
  deps: Deps,
  caseId: string,
  assigneeId: string,
  actor: Actor,
  reason: string,
  opts: Audited = {},
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const handler = await trx
      .selectFrom('staff_user')
      .select(['id', 'unit_id', 'role', 'active'])
      .where('id', '=', assigneeId)
      .executeTakeFirst();
    if (handler?.active !== 1 || handler.role !== 'handler' || !handler.unit_id) {
      throw new AppError('VALIDATION', '只能分派给在岗的承办人', [{ path: 'assigneeId', message: '承办人不存在或不在岗' }]);
    }
    const row = await trx.selectFrom('intake_case').select(['status', 'number']).where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('CASE_NOT_FOUND', '案件不存在');
    // Waiting cases get assigned; cases already being handled are reassigned.
    const type = row.status === 'triaged' || row.status === 'awaiting_routing' ? 'assign' : 'reassign';
    await applyTransitionIn(trx, caseId, { type, reason, data: { assigneeId, unitId: handler.unit_id } }, actor, now, {
      patch: { assignee_id: assigneeId, unit_id: handler.unit_id },
    });
    await trx.updateTable('staff_user').set({ last_assigned_at: now.toISOString() }).where('id', '=', assigneeId).execute();
    await notifyStaff(trx, [assigneeId], caseId, 'assigned', `案件 ${row.number} 已分派给您`, now.toISOString());
    await appendAuditOf(trx, opts, now);
  });
}
