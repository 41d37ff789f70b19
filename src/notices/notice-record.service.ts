// Staff record a notice given outside the system (issue #14.1): by phone, letter or in person, to whom and
// when. The record, the case event and the audit row commit together; the clock the notice carries stops
// at the time the citizen was told.
import { z } from 'zod';
import { type AuditEntry, appendAudit } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import { applyTransitionIn } from '../cases/case.repository.ts';
import { parseCstInstant } from '../deadlines/cst.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { STAFF_CHANNELS, fulfilDutyIn } from './notice-duty.ts';

const givenAtSchema = z
  .string({ message: '请填写告知时间' })
  .trim()
  .min(1, '请填写告知时间')
  .transform((v, ctx) => {
    try {
      return parseCstInstant(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: '告知时间格式应为 年-月-日 时:分，例如 2026-12-06 09:30' });
      return z.NEVER;
    }
  });

export const RecordNoticeSchema = z.object({
  dutyId: z.string({ message: '请选择告知事项' }).uuid('请选择告知事项'),
  channel: z.enum(STAFF_CHANNELS, { message: '请选择告知方式（电话、书面或当面）' }),
  toldTo: z
    .string({ message: '请填写告知对象' })
    .trim()
    .min(2, '请填写告知对象（至少 2 个字，例如“投诉人本人”）')
    .max(50, '告知对象最多 50 个字'),
  givenAt: givenAtSchema,
  note: z
    .string()
    .trim()
    .max(500, '说明最多 500 个字')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type RecordNoticeInput = z.input<typeof RecordNoticeSchema>;

function fieldErrors(error: z.ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: String(i.path[0] ?? 'form'), message: i.message }));
  return new AppError('VALIDATION', fields.map((f) => f.message).join('；'), fields);
}

/**
 * Staff record a notice given outside the system (phone, letter, in person): to whom, when, how. The time
 * may not be in the future nor before the decision; the record, the case event and the audit row commit
 * together, and the clock the notice carries stops at the time given.
 */
export async function recordNoticeGiven(
  deps: Pick<Deps, 'db' | 'clock'>,
  caseId: string,
  input: Record<string, unknown>,
  actor: Actor,
  opts: { expectedVersion?: number; audit?: AuditEntry } = {},
): Promise<void> {
  const parsed = RecordNoticeSchema.safeParse(input);
  if (!parsed.success) throw fieldErrors(parsed.error);
  const v = parsed.data;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const duty = await trx
      .selectFrom('notice_duty')
      .selectAll()
      .where('id', '=', v.dutyId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!duty) throw new AppError('VALIDATION', '该案件没有这项告知事项', [{ path: 'dutyId', message: '该案件没有这项告知事项' }]);
    if (duty.status !== 'pending') throw new AppError('VALIDATION', '这项告知已经完成', [{ path: 'dutyId', message: '这项告知已经完成' }]);
    if (v.givenAt.getTime() > now.getTime())
      throw new AppError('VALIDATION', '告知时间不能晚于现在', [{ path: 'givenAt', message: '告知时间不能晚于现在' }]);
    if (v.givenAt.getTime() < Date.parse(duty.created_at) - 60_000)
      throw new AppError('VALIDATION', '告知时间不能早于作出决定的时间', [{ path: 'givenAt', message: '告知时间不能早于作出决定的时间' }]);
    await applyTransitionIn(
      trx,
      caseId,
      { type: 'record_notice', data: { dutyId: v.dutyId, channel: v.channel, givenAt: v.givenAt.toISOString() } },
      actor,
      now,
      opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {},
    );
    await fulfilDutyIn(trx, v.dutyId, { channel: v.channel, at: v.givenAt, toldTo: v.toldTo, recordedBy: actor.id, note: v.note }, now);
    if (opts.audit) await appendAudit(trx, opts.audit, now);
  });
}
