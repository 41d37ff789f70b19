// Undoing intake's automatic split (auto-split.ts): staff who find that the words did not ask for both
// fold the added case back into the one the citizen filed. The added case is merged (the state machine's
// `merge`, a public event: the citizen's status page says it is handled together with the other), the
// filed case records why, and the audit row commits with both changes.
import { appendAudit } from './audit.log.ts';
import type { StaffUser } from './session.service.ts';
import { canSeeCase } from './scope.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';
import { availableEvents, type Actor } from '../cases/case.machine.ts';
import { applyTransitionIn, findCaseById } from '../cases/case.repository.ts';

export interface AutoSplitPair {
  /** The case of the kind the citizen chose. */
  filedId: string;
  /** The case intake added. */
  addedId: string;
  reason: string;
}

interface SubmitData {
  autoSplit?: { added?: unknown; reason?: unknown };
}

async function submitData(db: Db | Trx, caseId: string): Promise<SubmitData | null> {
  const ev = await db.selectFrom('case_event').select('data').where('case_id', '=', caseId).where('type', '=', 'submit').executeTakeFirst();
  if (!ev?.data) return null;
  try {
    return JSON.parse(ev.data) as SubmitData;
  } catch {
    return null;
  }
}

/** The two cases of an automatic split that this case belongs to, or null (not split, or split by the citizen). */
export async function autoSplitPair(db: Db | Trx, caseId: string): Promise<AutoSplitPair | null> {
  const mine = await submitData(db, caseId);
  const reason = mine?.autoSplit?.reason;
  if (typeof reason !== 'string') return null;
  const link = await db
    .selectFrom('case_link')
    .select('other_case_id')
    .where('case_id', '=', caseId)
    .where('type', '=', 'split')
    .executeTakeFirst();
  if (!link) return null;
  return mine?.autoSplit?.added === true
    ? { filedId: link.other_case_id, addedId: caseId, reason }
    : { filedId: caseId, addedId: link.other_case_id, reason };
}

/** Whether this user may undo the split now: the added case is still before handling and in their scope. */
export async function mayUndoAutoSplit(db: Db, user: StaffUser, caseId: string): Promise<boolean> {
  if (!['intake_clerk', 'handler', 'supervisor', 'admin'].includes(user.role)) return false;
  const pair = await autoSplitPair(db, caseId);
  if (!pair) return false;
  const added = await findCaseById(db, pair.addedId);
  if (!added || !canSeeCase(user, added)) return false;
  return availableEvents({ kind: added.kind, status: added.status, openedAt: added.opened_at }, user.role).includes('merge');
}

export async function undoAutoSplit(db: Db, user: StaffUser, caseId: string, reason: string, now: Date): Promise<AutoSplitPair> {
  const why = reason.trim();
  if (why.length < 2) throw new AppError('VALIDATION', '请写明撤销拆分的理由', [{ path: 'reason', message: '请写明撤销拆分的理由' }]);
  const pair = await autoSplitPair(db, caseId);
  if (!pair) throw new AppError('INVALID_TRANSITION', '该案件不是系统自动拆分的，无法撤销拆分');
  const added = await findCaseById(db, pair.addedId);
  if (!added || !canSeeCase(user, added)) throw new AppError('FORBIDDEN', '拆分出的另一件不在您的办理范围内，请联系其承办单位撤销');
  const actor: Actor = { role: user.role, id: user.id };
  await db.transaction().execute(async (trx) => {
    await applyTransitionIn(
      trx,
      pair.addedId,
      { type: 'merge', reason: `撤销自动拆分：${why}`, data: { intoCaseId: pair.filedId } },
      actor,
      now,
    );
    await trx
      .insertInto('case_link')
      .values({ case_id: pair.addedId, other_case_id: pair.filedId, type: 'merged_into', created_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const filed = await findCaseById(trx, pair.filedId);
    const flags = (() => {
      try {
        const list = JSON.parse(filed?.flags ?? '[]') as { code?: string }[];
        return Array.isArray(list) ? list.filter((f) => f?.code !== 'auto_split') : [];
      } catch {
        return [];
      }
    })();
    await applyTransitionIn(trx, pair.filedId, { type: 'comment', reason: `已撤销系统自动拆分，另一件已并入本件：${why}` }, actor, now, {
      patch: { flags: JSON.stringify(flags) },
    });
    await appendAudit(
      trx,
      {
        actorId: user.id,
        actorRole: user.role,
        action: 'case_action',
        caseId: pair.filedId,
        detail: { event: 'undo_auto_split', addedCaseId: pair.addedId, reason: why },
      },
      now,
    );
  });
  return pair;
}
