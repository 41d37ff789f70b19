// Intake by staff (issue #14.7). An intake clerk enters a complaint or report the bureau received by phone,
// letter or visit. Its receipt time is when the bureau really received it (domain.md: "Receipt time is when
// the bureau received the item"), not when it was typed: never in the future, at most 30 days back, and
// audited with the time it was entered. A complaint may be made by an agent with a written authorisation
// (Order 121 Art. 11) or jointly by several complainants through a representative (Art. 12).
import { z } from 'zod';
import type { AuditEntry } from '../backoffice/audit.log.ts';
import { parseCstInstant } from '../deadlines/cst.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import type { Actor } from './case.machine.ts';
import type { ExtraParty, IntakeReceipt } from './intake.service.ts';
import { PersonSchema, SubmissionSchema } from './submission.schema.ts';

/** How far back a receipt time may be entered. */
export const MAX_BACKDATE_DAYS = 30;

export const STAFF_INTAKE_WAYS = ['phone', 'letter', 'visit'] as const;
export type StaffIntakeWay = (typeof STAFF_INTAKE_WAYS)[number];
export const STAFF_INTAKE_WAY_LABELS: Record<StaffIntakeWay, string> = { phone: '电话', letter: '信件', visit: '来访' };

const receivedAtSchema = z
  .string({ error: '请填写实际收到的时间' })
  .trim()
  .min(1, '请填写实际收到的时间')
  .transform((v, ctx) => {
    try {
      return parseCstInstant(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: '收到时间格式应为 年-月-日 时:分，例如 2026-12-06 09:30' });
      return z.NEVER;
    }
  });

export const StaffIntakeSchema = z
  .object({
    way: z.enum(STAFF_INTAKE_WAYS, { error: '请选择收到的方式（电话、信件或来访）' }),
    receivedAt: receivedAtSchema,
    submission: SubmissionSchema,
    /** Art. 11: the agent acting for the complainant, and their written authorisation. */
    agent: z
      .object({
        person: PersonSchema,
        authorisation: z
          .string({ error: '请填写授权委托书的情况' })
          .trim()
          .min(2, '请填写授权委托书的情况（例如：2026-12-01 授权委托书，委托事项为投诉及调解）')
          .max(200, '授权委托书的情况最多 200 个字'),
      })
      .optional(),
    /** Art. 12: the other complainants of a joint complaint; the submission's person is their representative. */
    coComplainants: z.array(PersonSchema).max(50, '共同投诉人最多 50 人').optional(),
  })
  .superRefine((v, ctx) => {
    const complaint = v.submission.kind === 'complaint' || v.submission.kind === 'both';
    if (v.agent && !complaint) ctx.addIssue({ code: 'custom', path: ['agent'], message: '只有投诉可以由代理人提出' });
    if (v.coComplainants?.length && !complaint) ctx.addIssue({ code: 'custom', path: ['coComplainants'], message: '只有投诉可以共同提出' });
  });
export type StaffIntakeInput = z.input<typeof StaffIntakeSchema>;

function fieldErrors(error: z.ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
  return new AppError('VALIDATION', fields.map((f) => f.message).join('；'), fields);
}

/**
 * Files what an intake clerk entered. The receipt time is checked against the clock (not in the future, at
 * most 30 days back); the case's clocks start at it; the audit row (receipt and entry times, the way, an
 * agent, the number of co-complainants; never an identity) commits with the case.
 */
export async function fileStaffIntake(deps: Pick<Deps, 'intake' | 'clock'>, input: unknown, actor: Actor): Promise<IntakeReceipt> {
  if (actor.role !== 'intake_clerk') throw new AppError('FORBIDDEN', '只有受理登记人员可以登记电话、信件或来访');
  const parsed = StaffIntakeSchema.safeParse(input);
  if (!parsed.success) throw fieldErrors(parsed.error);
  const v = parsed.data;
  const now = deps.clock.now();
  const back = now.getTime() - v.receivedAt.getTime();
  if (back < 0) throw new AppError('VALIDATION', '收到时间不能晚于现在', [{ path: 'receivedAt', message: '收到时间不能晚于现在' }]);
  if (back > MAX_BACKDATE_DAYS * 24 * 3600 * 1000)
    throw new AppError('VALIDATION', `收到时间不能早于 ${MAX_BACKDATE_DAYS} 天前`, [
      { path: 'receivedAt', message: `收到时间不能早于 ${MAX_BACKDATE_DAYS} 天前；更早收到的请报负责人处理` },
    ]);
  const extraParties: ExtraParty[] = [
    ...(v.agent ? [{ role: 'agent' as const, person: v.agent.person, authorisation: v.agent.authorisation }] : []),
    ...(v.coComplainants ?? []).map((person) => ({ role: 'complainant' as const, person })),
  ];
  const joint = (v.coComplainants?.length ?? 0) > 0;
  const audit = (caseNumber: string): AuditEntry => ({
    actorId: actor.id,
    actorRole: 'intake_clerk',
    action: 'staff_intake',
    detail: {
      caseNumber,
      way: v.way,
      receivedAt: v.receivedAt.toISOString(),
      enteredAt: now.toISOString(),
      agent: v.agent !== undefined,
      coComplainants: v.coComplainants?.length ?? 0,
    },
  });
  return deps.intake.submit({
    submission: v.submission,
    files: [],
    channel: v.way,
    actor,
    idempotencyKey: null,
    receivedAt: v.receivedAt,
    ...(extraParties.length ? { extraParties } : {}),
    ...(joint ? { personRepresents: true } : {}),
    audit,
  });
}
