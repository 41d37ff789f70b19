// The referral of a suspected crime to the police (国务院令310; domain.md "Referral to the police").
// Every step is a case transition (so the timeline and the clocks D6–D10 follow) plus the referral row,
// in one transaction. Police users act only on referrals transferred to their own unit.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type AuditEntry, type Audited, appendAuditOf } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import { applyTransitionIn } from '../cases/case.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { directorsOf, notifyStaff, policeOfficersOf, supervisorsOf } from '../notices/staff-notice.ts';
import { SubmissionSchema } from '../cases/submission.schema.ts';
import { cstDateOf } from '../deadlines/cst.ts';
import { buildPackage } from './package.ts';
import { validation } from './records.service.ts';
import { POLICE_VISIBLE_STATUSES, type ReferralStatus, type ReferralStep, referralTransition } from './referral.machine.ts';

export const ProposalSchema = z.object({
  reasons: z.string().trim().min(10, '请写明移送理由（至少10个字）').max(4000),
  offence: z.string().trim().min(2, '请填写涉嫌罪名').max(200),
  officers: z.array(z.string().trim().min(2)).min(2, '移送须由至少两名执法人员提出').max(10),
  testReportIds: z.array(z.string()).default([]),
  legalBasis: z
    .string()
    .trim()
    .max(2000, '法律依据：不能超过2000个字')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type Proposal = z.input<typeof ProposalSchema>;

async function loadReferral(trx: Db, referralId: string) {
  const r = await trx.selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', '移送记录不存在');
  return r;
}

type ReferralRow = Awaited<ReturnType<typeof loadReferral>>;

/** The status a step leads to, by the referral's state machine (INVALID_TRANSITION if it refuses). */
function nextStatus(r: ReferralRow, name: ReferralStep): ReferralStatus {
  const next = referralTransition(r.status, name);
  if (!next.ok) throw new AppError('INVALID_TRANSITION', next.message);
  return next.to;
}

/** Takes a step on the referral row: the status its state machine gives, with the step's own columns. */
async function step(trx: Trx, r: ReferralRow, name: ReferralStep, at: string, extra: Record<string, unknown> = {}): Promise<void> {
  await trx
    .updateTable('referral')
    .set({ status: nextStatus(r, name), updated_at: at, ...extra })
    .where('id', '=', r.id)
    .execute();
}

/** A police actor may act only on referrals transferred to their unit. */
export async function assertPoliceScope(trx: Db, actor: Actor, policeUnitId: string | null): Promise<void> {
  if (actor.role !== 'police') return;
  const u = actor.id
    ? await trx.selectFrom('staff_user').select(['unit_id', 'role']).where('id', '=', actor.id).executeTakeFirst()
    : undefined;
  if (u?.role !== 'police' || !policeUnitId || u.unit_id !== policeUnitId) throw new AppError('FORBIDDEN', '无权查看或处理该移送案件');
}

/** While the case is with the police its administrative clocks (D4/D5) do not run (issue 22). */
async function pauseAdministrativeClocks(trx: Trx, caseId: string, actor: Actor, now: Date): Promise<void> {
  const running = await trx
    .selectFrom('case_clock')
    .select('clock')
    .where('case_id', '=', caseId)
    .where('clock', 'in', [...ADMIN_CLOCKS])
    .where('status', '=', 'running')
    .execute();
  for (const k of running)
    await applyTransitionIn(trx, caseId, { type: 'pause_clock', data: { clock: k.clock, pauseReason: 'police_referral' } }, actor, now);
}

/** Back from the police: the clocks paused for the referral run again (other pauses stay). */
async function resumeAdministrativeClocks(trx: Trx, caseId: string, actor: Actor, now: Date): Promise<void> {
  const paused = await trx
    .selectFrom('case_clock')
    .select(['clock', 'pauses'])
    .where('case_id', '=', caseId)
    .where('clock', 'in', [...ADMIN_CLOCKS])
    .where('status', '=', 'paused')
    .execute();
  for (const k of paused) {
    const open = (JSON.parse(k.pauses) as { to: string | null; reason?: string }[]).find((p) => p.to === null);
    if (open?.reason === 'police_referral')
      await applyTransitionIn(trx, caseId, { type: 'resume_clock', data: { clock: k.clock } }, actor, now);
  }
}

export async function proposeReferral(deps: Deps, caseId: string, input: Proposal, actor: Actor, opts: Audited = {}): Promise<string> {
  const p = ProposalSchema.parse(input);
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = randomUUID();
  const proposed = referralTransition(null, 'propose');
  if (!proposed.ok) throw new AppError('INVALID_TRANSITION', proposed.message);
  await deps.db.transaction().execute(async (trx) => {
    await applyTransitionIn(
      trx,
      caseId,
      { type: 'propose_referral', reason: p.reasons, data: { referralId: id, offence: p.offence, officers: p.officers } },
      actor,
      now,
    );
    await trx
      .insertInto('referral')
      .values({
        id,
        case_id: caseId,
        status: proposed.to,
        offence: p.offence,
        reasons: p.reasons,
        officers: JSON.stringify(p.officers),
        test_report_ids: JSON.stringify(p.testReportIds),
        proposed_by: actor.id,
        decided_by: null,
        refusal_reason: null,
        police_unit_id: null,
        transferred_at: null,
        procuratorate_copy: 0,
        identity_disclosed: 0,
        identity_reason: null,
        package_sha256: null,
        police_reason: null,
        exhibits_handed_over_at: null,
        doc_year: null,
        doc_seq: null,
        contact_name: null,
        contact_phone: null,
        legal_basis: p.legalBasis,
        police_case_number: null,
        police_accepted_on: null,
        police_officer: null,
        decline_basis: null,
        exhibits_confirmed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const c = await trx.selectFrom('intake_case').select(['number', 'unit_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const approvers = (await directorsOf(trx)).filter((u) => u !== actor.id);
    if (approvers.length > 0)
      await notifyStaff(trx, approvers, caseId, 'referral_proposed', `${c.number} 拟移送公安机关（涉嫌${p.offence}），请在3日内审批`, at);
    await appendAuditOf(trx, opts, now);
  });
  return id;
}

/**
 * Nobody decides on their own proposal (国务院令310 Art. 5): neither the user who recorded it nor one of
 * the officers named in it.
 */
async function assertNotProposer(trx: Db, r: ReferralRow, actor: Actor): Promise<void> {
  const refused = () => new AppError('FORBIDDEN', '不得审批本人提出的移送建议', [{ path: 'referral', message: '提出移送的人员不能审批' }]);
  if (actor.id && r.proposed_by === actor.id) throw refused();
  const me = actor.id ? await trx.selectFrom('staff_user').select('display_name').where('id', '=', actor.id).executeTakeFirst() : undefined;
  const officers = JSON.parse(r.officers) as unknown;
  if (me && Array.isArray(officers) && officers.some((o) => typeof o === 'string' && o.trim() === me.display_name.trim())) throw refused();
}

export async function approveReferral(deps: Deps, referralId: string, actor: Actor, opts: Audited = {}): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await assertNotProposer(trx, r, actor);
    await applyTransitionIn(trx, r.case_id, { type: 'approve_referral', data: { referralId } }, actor, now);
    await step(trx, r, 'approve', now.toISOString(), { decided_by: actor.id });
    if (r.proposed_by)
      await notifyStaff(trx, [r.proposed_by], r.case_id, 'referral_approved', '移送已批准，请在24小时内移送公安机关', now.toISOString());
    await appendAuditOf(trx, opts, now);
  });
}

export async function refuseReferral(deps: Deps, referralId: string, reason: string, actor: Actor, opts: Audited = {}): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await assertNotProposer(trx, r, actor);
    await applyTransitionIn(trx, r.case_id, { type: 'refuse_referral', reason, data: { referralId } }, actor, now);
    await step(trx, r, 'refuse', now.toISOString(), { decided_by: actor.id, refusal_reason: reason });
    await appendAuditOf(trx, opts, now);
  });
}

export const ContactSchema = z.object({
  contactName: z.string().trim().min(2, '联系人：请填写移送机关联系人姓名').max(20, '联系人：不能超过20个字'),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '联系电话：请填写手机号或带区号的固定电话'),
});

/** Administrative clocks paused while a case is with the police (issue 22), resumed when it returns. */
const ADMIN_CLOCKS = ['D4', 'D5'] as const;

/** How the copy reached the procuratorate. */
export const COPY_MEANS = {
  delivered: '直接送达',
  post: '邮寄（挂号/EMS）',
  electronic: '电子方式（行政执法与刑事司法衔接信息平台等）',
} as const;
export type CopyMeans = keyof typeof COPY_MEANS;

export const ProcuratorateCopySchema = z.object({
  on: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '抄送检察院的日期：请填写日期，如 2026-11-03'),
  means: z.enum(Object.keys(COPY_MEANS) as [CopyMeans, ...CopyMeans[]], { message: '抄送方式：请选择' }),
  docNumber: z.string().trim().min(4, '抄送文书文号：请填写').max(60, '抄送文书文号：不能超过60个字'),
});
export type ProcuratorateCopy = z.input<typeof ProcuratorateCopySchema>;

export interface TransferInput {
  policeUnitId: string;
  /** The copy to the procuratorate, sent with the transfer: the transfer is not complete without it. */
  procuratorateCopy?: ProcuratorateCopy | undefined;
  contactName?: string;
  contactPhone?: string;
  /** The reporter's identity goes into the package only when necessary, with the reason recorded. */
  discloseIdentity?: { reason: string } | undefined;
}

export async function transferReferral(
  deps: Deps,
  referralId: string,
  input: TransferInput,
  actor: Actor,
  opts: Audited = {},
): Promise<{ manifestSha256: string }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const unit = await deps.db.selectFrom('unit').select(['id', 'kind']).where('id', '=', input.policeUnitId).executeTakeFirst();
  if (unit?.kind !== 'police')
    throw new AppError('VALIDATION', '请选择接收的公安机关', [{ path: 'policeUnitId', message: '不是公安机关' }]);
  if (input.discloseIdentity && input.discloseIdentity.reason.trim().length < 4)
    throw new AppError('VALIDATION', '提供举报人身份须写明理由', [{ path: 'discloseIdentity.reason', message: '请写明理由' }]);
  const contact = ContactSchema.safeParse({ contactName: input.contactName ?? '', contactPhone: input.contactPhone ?? '' });
  if (!contact.success) throw validation(contact.error);
  const copy = ProcuratorateCopySchema.safeParse(input.procuratorateCopy ?? { on: '', means: '', docNumber: '' });
  if (!copy.success)
    throw new AppError(
      'VALIDATION',
      '移送须同时抄送人民检察院：请填写抄送日期、方式和文书文号',
      copy.error.issues.map((i) => ({ path: `procuratorateCopy.${i.path.join('.')}`, message: i.message })),
    );
  if (copy.data.on > cstDateOf(now))
    throw new AppError('VALIDATION', '抄送检察院的日期不能晚于今天', [
      { path: 'procuratorateCopy.on', message: '抄送检察院的日期：不能晚于今天' },
    ]);
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    if (!referralTransition(r.status, 'transfer').ok) throw new AppError('INVALID_TRANSITION', '只有已批准的移送才能移交');
    if (copy.data.on < cstDateOf(new Date(r.created_at)))
      throw new AppError('VALIDATION', '抄送检察院的日期不能早于提出移送的日期', [
        { path: 'procuratorateCopy.on', message: '抄送检察院的日期：不能早于提出移送的日期' },
      ]);
    // 文号: the next number of the year (a unique index guards against two transfers taking the same).
    const year = Number(cstDateOf(now).slice(0, 4));
    const last = await trx
      .selectFrom('referral')
      .select((eb) => eb.fn.max('doc_seq').as('seq'))
      .where('doc_year', '=', year)
      .executeTakeFirst();
    // The receiving unit, the disclosure and the letter's particulars first: the package is built from the committed row.
    await trx
      .updateTable('referral')
      .set({
        doc_year: r.doc_year ?? year,
        doc_seq: r.doc_seq ?? Number(last?.seq ?? 0) + 1,
        contact_name: contact.data.contactName,
        contact_phone: contact.data.contactPhone,
        updated_at: at,
        police_unit_id: input.policeUnitId,
        transferred_at: at,
        procuratorate_copy: 1,
        procuratorate_copy_on: copy.data.on,
        procuratorate_copy_means: copy.data.means,
        procuratorate_copy_doc: copy.data.docNumber,
        identity_disclosed: input.discloseIdentity ? 1 : 0,
        identity_reason: input.discloseIdentity?.reason.trim() ?? null,
      })
      .where('id', '=', referralId)
      .execute();
  });
  // Built from the committed referral row (the package reads through deps.db), then recorded with the transfer.
  const pkg = await buildPackage(deps, referralId);
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(
      trx,
      r.case_id,
      {
        type: 'transfer_to_police',
        data: {
          referralId,
          policeUnitId: input.policeUnitId,
          package: pkg.manifestSha256,
          procuratorateCopy: { on: copy.data.on, means: copy.data.means, docNumber: copy.data.docNumber },
          identityDisclosed: Boolean(input.discloseIdentity),
          identityReason: input.discloseIdentity?.reason ?? null,
        },
      },
      actor,
      now,
    );
    await step(trx, r, 'transfer', at, { package_sha256: pkg.manifestSha256 });
    await pauseAdministrativeClocks(trx, r.case_id, actor, now);
    await notifyStaff(
      trx,
      await policeOfficersOf(trx, input.policeUnitId),
      r.case_id,
      'referral_received',
      `收到涉嫌${r.offence}案件移送，请在规定期限内作出是否立案的决定`,
      at,
    );
    await appendAuditOf(trx, opts, now);
  });
  return { manifestSha256: pkg.manifestSha256 };
}

async function policeStep(
  deps: Deps,
  referralId: string,
  actor: Actor,
  opts: Audited,
  act: (trx: Trx, r: ReferralRow, now: Date) => Promise<void>,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await assertPoliceScope(trx, actor, r.police_unit_id);
    await act(trx, r, now);
    await appendAuditOf(trx, opts, now);
  });
}

export const AcceptSchema = z.object({
  policeCaseNumber: z.string().trim().min(4, '立案编号：请填写公安机关的立案编号').max(60, '立案编号：不能超过60个字'),
  acceptedOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '立案日期：请填写日期，如 2026-11-03'),
  officer: z.string().trim().min(2, '承办民警：请填写姓名').max(40, '承办民警：不能超过40个字'),
});
export type AcceptInput = z.input<typeof AcceptSchema>;

export const DeclineSchema = z.object({
  reason: z.string().trim().min(4, '不予立案的理由：请写明').max(4000, '不予立案的理由：不能超过4000个字'),
  basis: z.string().trim().min(4, '法律依据：请写明不予立案所依据的法律条款').max(2000, '法律依据：不能超过2000个字'),
});
export type DeclineInput = z.input<typeof DeclineSchema>;

/** 立案: refused without the police case number, its date and the officer in charge. */
export function policeAccept(deps: Deps, referralId: string, input: AcceptInput, actor: Actor, opts: Audited = {}): Promise<void> {
  const p = AcceptSchema.safeParse(input);
  if (!p.success) return Promise.reject(validation(p.error));
  const today = cstDateOf(deps.clock.now());
  if (p.data.acceptedOn > today)
    return Promise.reject(new AppError('VALIDATION', '立案日期不能晚于今天', [{ path: 'acceptedOn', message: '立案日期：不能晚于今天' }]));
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    if (r.transferred_at && p.data.acceptedOn < cstDateOf(new Date(r.transferred_at)))
      throw new AppError('VALIDATION', '立案日期不能早于移送日期', [{ path: 'acceptedOn', message: '立案日期：不能早于移送日期' }]);
    await applyTransitionIn(
      trx,
      r.case_id,
      { type: 'police_accept', data: { referralId, policeCaseNumber: p.data.policeCaseNumber, acceptedOn: p.data.acceptedOn } },
      actor,
      now,
    );
    await step(trx, r, 'accept', now.toISOString(), {
      police_case_number: p.data.policeCaseNumber,
      police_accepted_on: p.data.acceptedOn,
      police_officer: p.data.officer,
    });
    if (r.proposed_by)
      await notifyStaff(
        trx,
        [r.proposed_by],
        r.case_id,
        'police_accepted',
        `公安机关已立案（${p.data.policeCaseNumber}），请在3日内移交涉案物品`,
        now.toISOString(),
      );
  });
}

/** 不予立案: with the reasons and the legal basis, both on record. */
export function policeDecline(deps: Deps, referralId: string, input: DeclineInput, actor: Actor, opts: Audited = {}): Promise<void> {
  const p = DeclineSchema.safeParse(input);
  if (!p.success) return Promise.reject(validation(p.error));
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    await applyTransitionIn(
      trx,
      r.case_id,
      { type: 'police_decline', reason: p.data.reason, data: { referralId, basis: p.data.basis } },
      actor,
      now,
    );
    await step(trx, r, 'decline', now.toISOString(), { police_reason: p.data.reason, decline_basis: p.data.basis });
    const c = await trx.selectFrom('intake_case').select('unit_id').where('id', '=', r.case_id).executeTakeFirstOrThrow();
    if (c.unit_id)
      await notifyStaff(
        trx,
        await supervisorsOf(trx, c.unit_id),
        r.case_id,
        'police_declined',
        '公安机关不予立案：可在3日内提请复议，或转回行政处理',
        now.toISOString(),
      );
  });
}

export const PoliceExtendSchema = z.object({
  reason: z.string().trim().min(4, '延长审查期限的理由：请写明案情复杂的具体情况').max(2000, '延长审查期限的理由：不能超过2000个字'),
});

/** 案情复杂: the police extend their decision period (D8) to 30 days in all, once, with the reason recorded. */
export function policeExtend(
  deps: Deps,
  referralId: string,
  input: z.input<typeof PoliceExtendSchema>,
  actor: Actor,
  opts: Audited = {},
): Promise<void> {
  const p = PoliceExtendSchema.safeParse(input);
  if (!p.success) return Promise.reject(validation(p.error));
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    if (r.status !== 'transferred') throw new AppError('INVALID_TRANSITION', '只能在审查期间延长');
    await applyTransitionIn(trx, r.case_id, { type: 'police_extend', reason: p.data.reason, data: { referralId } }, actor, now);
  });
}

/** Structured outcomes of the police's feedback (free text goes with them as the note). */
export const FEEDBACK_OUTCOMES = {
  investigating: '正在侦查',
  detained: '已刑事拘留',
  arrested: '已提请逮捕/已逮捕',
  prosecuted: '已移送审查起诉',
  judgment: '已判决',
  withdrawn: '已撤销案件',
  other: '其他',
} as const;
export type FeedbackOutcome = keyof typeof FEEDBACK_OUTCOMES;

export const FeedbackSchema = z
  .object({
    outcomeKind: z.enum(Object.keys(FEEDBACK_OUTCOMES) as [FeedbackOutcome, ...FeedbackOutcome[]], { message: '办理结果：请选择' }),
    note: z
      .string()
      .trim()
      .max(4000, '说明：不能超过4000个字')
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((f) => f.outcomeKind !== 'other' || (f.note?.length ?? 0) >= 2, { message: '说明：选择“其他”时请写明办理结果', path: ['note'] });
export type FeedbackInput = z.input<typeof FeedbackSchema>;

export function policeFeedback(deps: Deps, referralId: string, input: FeedbackInput, actor: Actor, opts: Audited = {}): Promise<void> {
  const p = FeedbackSchema.safeParse(input);
  if (!p.success) return Promise.reject(validation(p.error));
  const outcome = FEEDBACK_OUTCOMES[p.data.outcomeKind];
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    await applyTransitionIn(
      trx,
      r.case_id,
      { type: 'police_feedback', data: { referralId, outcome, outcomeKind: p.data.outcomeKind } },
      actor,
      now,
    );
    nextStatus(r, 'feedback'); // a feedback row only: the referral's status stays
    await trx
      .insertInto('referral_feedback')
      .values({
        id: randomUUID(),
        referral_id: referralId,
        outcome,
        outcome_kind: p.data.outcomeKind,
        note: p.data.note,
        actor_id: actor.id,
        at: now.toISOString(),
      })
      .execute();
  });
}

export async function requestReconsideration(
  deps: Deps,
  referralId: string,
  reason: string,
  actor: Actor,
  opts: Audited = {},
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(trx, r.case_id, { type: 'request_reconsideration', reason, data: { referralId } }, actor, now);
    await step(trx, r, 'reconsider', now.toISOString());
    if (r.police_unit_id)
      await notifyStaff(
        trx,
        await policeOfficersOf(trx, r.police_unit_id),
        r.case_id,
        'reconsideration',
        '移送机关提请复议，请重新审查',
        now.toISOString(),
      );
    await appendAuditOf(trx, opts, now);
  });
}

export const SupervisionSchema = z.object({
  on: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '提请日期：请填写日期，如 2026-11-03'),
  docNumber: z.string().trim().min(4, '文书文号：请填写提请立案监督的文书文号').max(60, '文书文号：不能超过60个字'),
  reason: z.string().trim().min(4, '提请理由：请写明').max(4000, '提请理由：不能超过4000个字'),
});

/** 310 Art. 9: the regulator asks the procuratorate to supervise the police's refusal; the act is on record. */
export async function requestSupervision(
  deps: Deps,
  referralId: string,
  input: z.input<typeof SupervisionSchema>,
  actor: Actor,
  opts: Audited = {},
): Promise<void> {
  const p = SupervisionSchema.safeParse(input);
  if (!p.success) throw validation(p.error);
  const now = deps.clock.now();
  if (p.data.on > cstDateOf(now))
    throw new AppError('VALIDATION', '提请日期不能晚于今天', [{ path: 'on', message: '提请日期：不能晚于今天' }]);
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    nextStatus(r, 'supervise');
    await applyTransitionIn(
      trx,
      r.case_id,
      { type: 'request_supervision', reason: p.data.reason, data: { referralId, on: p.data.on, docNumber: p.data.docNumber } },
      actor,
      now,
    );
    await step(trx, r, 'supervise', now.toISOString());
    await appendAuditOf(trx, opts, now);
  });
}

export async function returnToAdministrative(deps: Deps, referralId: string, actor: Actor, opts: Audited = {}): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(trx, r.case_id, { type: 'return_to_admin', data: { referralId } }, actor, now);
    await step(trx, r, 'return', now.toISOString());
    await resumeAdministrativeClocks(trx, r.case_id, actor, now);
    await appendAuditOf(trx, opts, now);
  });
}

/**
 * The regulator hands exhibits over: a list of items of the case's seizure/sample list, each then
 * confirmed or disputed by the police. Items disputed before may be handed over again. D10 does not stop
 * here; it stops when the police confirm the whole list (policeAnswerHandover).
 */
export async function handOverExhibits(
  deps: Deps,
  referralId: string,
  exhibitIds: readonly string[],
  actor: Actor,
  opts: Audited = {},
): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const ids = [...new Set(exhibitIds)];
  if (ids.length === 0)
    throw new AppError('VALIDATION', '请选择移交的涉案物品', [{ path: 'exhibitIds', message: '移交清单：请至少选择一项涉案物品' }]);
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    nextStatus(r, 'exhibits');
    const items = await trx.selectFrom('exhibit_item').select('id').where('case_id', '=', r.case_id).where('id', 'in', ids).execute();
    if (items.length !== ids.length)
      throw new AppError('VALIDATION', '移交清单中有不属于本案的物品', [{ path: 'exhibitIds', message: '移交清单：有物品不属于本案' }]);
    const existing = await trx.selectFrom('exhibit_handover').selectAll().where('referral_id', '=', referralId).execute();
    for (const id of ids) {
      const prev = existing.find((h) => h.exhibit_id === id);
      if (prev && prev.status !== 'disputed')
        throw new AppError('CONFLICT', '该物品已在移交清单中', [
          { path: 'exhibitIds', message: '移交清单：有物品已移交，等待公安机关确认' },
        ]);
      if (prev)
        await trx
          .updateTable('exhibit_handover')
          .set({ status: 'handed', handed_at: at, answered_at: null, answered_by: null })
          .where('id', '=', prev.id)
          .execute();
      else
        await trx
          .insertInto('exhibit_handover')
          .values({
            id: randomUUID(),
            referral_id: referralId,
            exhibit_id: id,
            status: 'handed',
            police_note: null,
            handed_at: at,
            answered_at: null,
            answered_by: null,
          })
          .execute();
    }
    await applyTransitionIn(trx, r.case_id, { type: 'hand_over_exhibits', data: { referralId, items: ids.length } }, actor, now);
    await step(trx, r, 'exhibits', at, { exhibits_handed_over_at: at });
    if (r.police_unit_id)
      await notifyStaff(
        trx,
        await policeOfficersOf(trx, r.police_unit_id),
        r.case_id,
        'exhibits_handed_over',
        `移送机关已移交涉案物品${ids.length}项，请逐项确认`,
        at,
      );
    await appendAuditOf(trx, opts, now);
  });
}

export type HandoverAnswer = { exhibitId: string; answer: 'confirmed' | 'disputed'; note?: string | undefined };

/**
 * The police answer the handover list item by item. When every item handed over is confirmed the
 * handover is complete (case event confirm_exhibits: D10 stops); a disputed item (with its note) goes
 * back to the regulator, and D10 keeps running.
 */
export function policeAnswerHandover(
  deps: Deps,
  referralId: string,
  answers: readonly HandoverAnswer[],
  actor: Actor,
  opts: Audited = {},
): Promise<{ complete: boolean }> {
  let complete = false;
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    const at = now.toISOString();
    const pending = await trx
      .selectFrom('exhibit_handover')
      .selectAll()
      .where('referral_id', '=', referralId)
      .where('status', '=', 'handed')
      .execute();
    if (pending.length === 0) throw new AppError('INVALID_TRANSITION', '没有待确认的移交物品');
    for (const h of pending) {
      const a = answers.find((x) => x.exhibitId === h.exhibit_id);
      if (!a)
        throw new AppError('VALIDATION', '请逐项确认或提出异议', [
          { path: `answer.${h.exhibit_id}`, message: '移交清单：请逐项选择“确认接收”或“有异议”' },
        ]);
      const note = a.note?.trim() ?? '';
      if (a.answer === 'disputed' && note.length < 2)
        throw new AppError('VALIDATION', '有异议的物品须写明异议', [
          { path: `note.${h.exhibit_id}`, message: '移交清单：有异议的物品请写明异议内容' },
        ]);
      await trx
        .updateTable('exhibit_handover')
        .set({ status: a.answer, police_note: note || null, answered_at: at, answered_by: actor.id })
        .where('id', '=', h.id)
        .execute();
    }
    const all = await trx.selectFrom('exhibit_handover').select('status').where('referral_id', '=', referralId).execute();
    complete = all.every((h) => h.status === 'confirmed');
    const disputed = all.filter((h) => h.status === 'disputed').length;
    if (complete) {
      await applyTransitionIn(trx, r.case_id, { type: 'confirm_exhibits', data: { referralId, items: all.length } }, actor, now);
      await trx.updateTable('referral').set({ exhibits_confirmed_at: at, updated_at: at }).where('id', '=', r.id).execute();
    } else {
      await applyTransitionIn(
        trx,
        r.case_id,
        { type: 'comment', reason: `公安机关对移交的${disputed}项涉案物品提出异议`, data: { referralId } },
        actor,
        now,
      );
    }
    if (r.proposed_by)
      await notifyStaff(
        trx,
        [r.proposed_by],
        r.case_id,
        complete ? 'exhibits_confirmed' : 'exhibits_disputed',
        complete ? '公安机关已确认接收全部移交物品' : `公安机关对${disputed}项移交物品提出异议，请核实后重新移交`,
        at,
      );
  }).then(() => ({ complete }));
}

/** The police inbox: referrals transferred to the officer's unit, nothing else. */
export async function policeInbox(deps: Deps, actor: Actor) {
  const u = actor.id
    ? await deps.db.selectFrom('staff_user').select(['unit_id', 'role']).where('id', '=', actor.id).executeTakeFirst()
    : undefined;
  if (u?.role !== 'police' || !u.unit_id) throw new AppError('FORBIDDEN', '无权访问');
  return deps.db
    .selectFrom('referral')
    .innerJoin('intake_case', 'intake_case.id', 'referral.case_id')
    .select([
      'referral.id',
      'referral.case_id',
      'referral.status',
      'referral.offence',
      'referral.transferred_at',
      'intake_case.number',
      'intake_case.business_name',
      'intake_case.township',
    ])
    .where('referral.police_unit_id', '=', u.unit_id)
    .where('referral.status', 'in', [...POLICE_VISIBLE_STATUSES])
    .orderBy('referral.transferred_at', 'desc')
    .execute();
}

/**
 * The other direction (Food Safety Law Art. 121): the police found no crime but an administrative
 * violation and hand the matter to us. It enters intake as a report (channel `police`), with the
 * police's own reference; it carries no citizen identity.
 */
export async function receiveFromPolice(
  deps: Deps,
  input: { description: string; businessName?: string; businessAddress?: string; township?: string; policeRef: string },
  actor: Actor,
  opts: { audit?: (caseNumber: string) => AuditEntry } = {},
): Promise<string> {
  if (actor.role !== 'police') throw new AppError('FORBIDDEN', '只有公安机关可以移交');
  const parsed = SubmissionSchema.safeParse({
    kind: 'report',
    anonymous: true,
    description: `【公安机关移交，文号：${input.policeRef}】${input.description}`,
    ...(input.businessName
      ? { business: { name: input.businessName, ...(input.businessAddress ? { address: input.businessAddress } : {}) } }
      : {}),
    ...(input.township ? { township: input.township } : {}),
  });
  if (!parsed.success)
    throw new AppError(
      'VALIDATION',
      parsed.error.issues[0]?.message ?? '内容有误',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
    );
  // The audit row (which names the new case) commits in intake's transaction, with the case.
  const receipt = await deps.intake.submit({
    submission: parsed.data,
    files: [],
    channel: 'police',
    actor,
    idempotencyKey: null,
    ...(opts.audit ? { audit: opts.audit } : {}),
  });
  return receipt.cases[0]!.number;
}
