// Leads inside complaints (Order 121 Art. 9, 27): staff split a report off a complaint whose facts show a
// violation to investigate. The report enters intake as a case of its own (so it gets its own D4 from
// its own receipt, its own triage and routing), is linked both ways ('split'), and the complaint records
// why. The complainant becomes the real-name reporter; their identity is decrypted in memory only to be
// sealed again for the new case, never logged.
import type { Actor } from '../cases/case.machine.ts';
import { applyTransition, findCaseById } from '../cases/case.repository.ts';
import { TOWNSHIPS } from '../cases/divisions.ts';
import type { PartyIdentity } from '../cases/intake.service.ts';
import { SubmissionSchema } from '../cases/submission.schema.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { canSeeCase } from './scope.ts';
import type { StaffUser } from './session.service.ts';

export const SPLIT_REPORT = 'split_report';
const SPLITTERS = ['intake_clerk', 'handler', 'supervisor'] as const;

/** Whether this user may split a report off this case now (a complaint in their scope, not split yet). */
export async function maySplitReport(deps: Pick<Deps, 'db'>, user: StaffUser, caseId: string): Promise<boolean> {
  if (!(SPLITTERS as readonly string[]).includes(user.role)) return false;
  const row = await findCaseById(deps.db, caseId);
  if (row?.kind !== 'complaint' || !canSeeCase(user, row)) return false;
  if (['duplicate', 'merged', 'transferred_out'].includes(row.status)) return false;
  const split = await deps.db
    .selectFrom('case_link')
    .innerJoin('intake_case', 'intake_case.id', 'case_link.other_case_id')
    .select('intake_case.id')
    .where('case_link.case_id', '=', caseId)
    .where('case_link.type', '=', 'split')
    .where('intake_case.kind', '=', 'report')
    .executeTakeFirst();
  return !split;
}

/** Creates the report case split off complaint `caseId`; returns its number. */
export async function splitReportFromComplaint(deps: Deps, user: StaffUser, caseId: string, reason: string): Promise<string> {
  const why = reason.trim();
  if (why.length < 4)
    throw new AppError('VALIDATION', '请写明拆分举报的理由（涉嫌的违法行为）', [{ path: 'reason', message: '请写明拆分举报的理由' }]);
  if (!(SPLITTERS as readonly string[]).includes(user.role)) throw new AppError('FORBIDDEN', '无权进行此操作');
  const row = await findCaseById(deps.db, caseId);
  if (!row || !canSeeCase(user, row)) throw new AppError('FORBIDDEN', '无权查看此案件');
  if (row.kind !== 'complaint') throw new AppError('INVALID_TRANSITION', '只能从投诉中拆分举报线索');
  const already = await deps.db
    .selectFrom('case_link')
    .innerJoin('intake_case', 'intake_case.id', 'case_link.other_case_id')
    .select('intake_case.number')
    .where('case_link.case_id', '=', caseId)
    .where('case_link.type', '=', 'split')
    .where('intake_case.kind', '=', 'report')
    .executeTakeFirst();
  if (already) throw new AppError('INVALID_TRANSITION', `已拆分出举报 ${already.number}`);

  const party = await deps.db.selectFrom('party').select(['id', 'identity_enc']).where('case_id', '=', caseId).executeTakeFirst();
  const who = party ? deps.cipher.open<PartyIdentity>(party.identity_enc, `party:${party.id}`) : null;
  const township = (TOWNSHIPS as readonly string[]).includes(row.township ?? '') ? row.township : null;
  const parsed = SubmissionSchema.safeParse({
    kind: 'report',
    description: `【从投诉 ${row.number} 拆分的举报线索：${why}】${row.description}`.slice(0, 5000),
    ...(row.business_name
      ? { business: { name: row.business_name, ...(row.business_address ? { address: row.business_address } : {}) } }
      : {}),
    ...(township ? { township } : {}),
    ...(who?.name && who.phone
      ? {
          person: {
            name: who.name,
            phone: who.phone,
            ...(who.address ? { address: who.address } : {}),
            ...(who.idNumber ? { idNumber: who.idNumber } : {}),
          },
        }
      : { anonymous: true }),
  });
  if (!parsed.success)
    throw new AppError(
      'VALIDATION',
      parsed.error.issues[0]?.message ?? '投诉内容不足以拆分举报',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
    );
  const system: Actor = { role: 'system', id: null };
  const receipt = await deps.intake.submit({
    submission: parsed.data,
    files: [],
    channel: row.channel,
    actor: system,
    idempotencyKey: null,
    audit: (number) => ({
      actorId: user.id,
      actorRole: user.role,
      action: 'case_action',
      caseId,
      detail: { event: SPLIT_REPORT, reportNumber: number },
    }),
  });
  const number = receipt.cases[0]?.number;
  if (!number) throw new AppError('INTERNAL', '拆分失败');
  const report = await deps.db.selectFrom('intake_case').select('id').where('number', '=', number).executeTakeFirstOrThrow();
  const now = deps.clock.now();
  await deps.db
    .insertInto('case_link')
    .values([
      { case_id: caseId, other_case_id: report.id, type: 'split', created_at: now.toISOString() },
      { case_id: report.id, other_case_id: caseId, type: 'split', created_at: now.toISOString() },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await applyTransition(
    deps.db,
    caseId,
    { type: 'comment', reason: `已拆分举报 ${number}：${why}` },
    { role: user.role, id: user.id },
    now,
  );
  return number;
}
